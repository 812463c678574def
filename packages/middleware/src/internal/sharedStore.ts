/**
 * Validations shared between processes through a `TokenStore` (Redis, file),
 * every entry sealed with `TokenStore.makeEncrypted` (AES-256-GCM, the store
 * key bound in): someone who can write the backend cannot plant an identity.
 *
 * A `TokenStore` entry lives until its token expires; `maxAge` is kept by the
 * key: it names the `maxAge`-long time slot the validation was made in, so an
 * entry is only ever read in the slot it was written in, never more than
 * `maxAge` after it was made. The previous slot's entry is removed when a new
 * one is written. Keys are hashes of the token's hash; the stored token's id
 * is the hash, never the token.
 *
 * @internal
 */
import type { TokenStore } from "@effect-keystone/cache"
import type { Token } from "@effect-keystone/schema"
import * as DateTime from "effect/DateTime"
import * as Effect from "effect/Effect"
import * as Option from "effect/Option"
import { sha256 } from "./validator.js"

/** @internal */
export interface SharedStore {
  readonly get: (
    hash: string,
    now: number
  ) => Effect.Effect<Option.Option<{ readonly token: Token.Token; readonly untilMillis: number }>>
  readonly set: (hash: string, token: Token.Token, now: number) => Effect.Effect<void>
}

/** The store key of a token's hash in a slot. @internal */
export const keyOf = (namespace: string, hash: string, slot: number): Effect.Effect<TokenStore.StoreKey> =>
  Effect.map(
    sha256(`effect-keystone/middleware|v1|${namespace}|${hash}|${slot}`),
    (h) => h.slice(0, 40) as TokenStore.StoreKey
  )

/**
 * `store` must be sealed (`TokenStore.makeEncrypted`): an entry is an
 * identity, and one planted by whoever can write the backend must not open.
 *
 * @internal
 */
export const make = (store: TokenStore.TokenStoreService, namespace: string, maxAgeMillis: number): SharedStore => {
  const slotOf = (now: number) => Math.floor(now / maxAgeMillis)
  const keyAt = (hash: string, slot: number) => keyOf(namespace, hash, slot)
  const quiet = <A>(effect: Effect.Effect<A, TokenStore.TokenStoreError>, fallback: A) =>
    Effect.catchAll(effect, (e) =>
      Effect.as(Effect.logDebug(`AuthToken: shared cache ${e.operation} failed: ${e.message}`), fallback))

  return {
    get: (hash, now) =>
      Effect.gen(function*() {
        const slot = slotOf(now)
        const found = yield* quiet(Effect.flatMap(keyAt(hash, slot), store.get), Option.none())
        return Option.map(found, (token) => ({
          token,
          untilMillis: Option.match(token.expiresAt, {
            onNone: () => (slot + 1) * maxAgeMillis,
            onSome: (e) => Math.min((slot + 1) * maxAgeMillis, DateTime.toEpochMillis(e))
          })
        }))
      }),
    set: (hash, token, now) =>
      Effect.gen(function*() {
        const slot = slotOf(now)
        yield* quiet(Effect.flatMap(keyAt(hash, slot), (key) => store.set(key, token)), undefined)
        yield* quiet(Effect.flatMap(keyAt(hash, slot - 1), store.remove), undefined)
      })
  }
}
