/**
 * The `TokenStore` as `KeystoneSession` uses it: every call bounded by a
 * timeout, every failure a logged miss (never fatal).
 *
 * @internal
 */
import type { Token } from "@effect-keystone/schema"
import * as Cause from "effect/Cause"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Option from "effect/Option"
import * as Redacted from "effect/Redacted"
import type * as TokenStore from "../TokenStore.js"

/** Store calls that take longer than this are abandoned (a miss). @internal */
export const storeTimeout = Duration.seconds(5)

/** @internal */
export interface SessionStore {
  /** A token, or `None` (absent, or the store failed: logged). */
  readonly get: Effect.Effect<Option.Option<Token.Token>>
  readonly set: (token: Token.Token) => Effect.Effect<void>
  /** Removes the entry if (and only if) the store still holds the token with this id. */
  readonly removeIf: (id: string) => Effect.Effect<void>
  readonly withLock: <A, E, R>(effect: Effect.Effect<A, E, R>) => Effect.Effect<A, E, R>
}

/** @internal */
export const make = (
  store: TokenStore.TokenStoreService,
  key: TokenStore.StoreKey,
  annotations: Record<string, unknown>
): SessionStore => {
  const failed = (operation: string) => (cause: Cause.Cause<unknown>) =>
    Effect.logWarning(`KeystoneSession: token store ${operation} failed; carrying on without it`).pipe(
      Effect.annotateLogs({ ...annotations, error: Cause.pretty(cause) })
    )
  const bounded = <A, E>(effect: Effect.Effect<A, E>) =>
    Effect.timeoutFail(effect, { duration: storeTimeout, onTimeout: () => "timed out" })

  const get: Effect.Effect<Option.Option<Token.Token>> = bounded(store.get(key)).pipe(
    Effect.catchAllCause((cause) => Effect.as(failed("get")(cause), Option.none()))
  )
  const set = (token: Token.Token): Effect.Effect<void> =>
    bounded(store.set(key, token)).pipe(Effect.catchAllCause(failed("set")))
  const withLock = <A, E, R>(effect: Effect.Effect<A, E, R>) => store.withLock(key, effect)
  const removeIf = (id: string): Effect.Effect<void> =>
    withLock(
      Effect.flatMap(get, (stored) =>
        Option.isSome(stored) && Redacted.value(stored.value.id) === id
          ? bounded(store.remove(key)).pipe(Effect.catchAllCause(failed("remove")))
          : Effect.void)
    )
  return { get, set, removeIf, withLock }
}
