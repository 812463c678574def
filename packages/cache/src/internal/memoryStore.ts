/**
 * The memory backend of `TokenStore`: entries in a `Map` changed in place
 * (each operation is one synchronous step, so atomic; a copy per `set`
 * made 10,000 sessions' first writes quadratic), a semaphore per key for
 * `withLock`.
 */
import { Token } from "@effect-keystone/schema"
import * as DateTime from "effect/DateTime"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Option from "effect/Option"
import type * as TokenStore from "../TokenStore.js"
import * as Envelope from "./envelope.js"
import * as StoreMetrics from "./storeMetrics.js"

/** A token as given to `set`, or an opaque string as given to `raw.set`. */
type Entry =
  | { readonly _tag: "Token"; readonly token: Token.Token }
  | { readonly _tag: "Raw"; readonly value: string; readonly expiresAt: Option.Option<DateTime.Utc> }

const isExpired = (expiresAt: Option.Option<DateTime.Utc>, now: DateTime.Utc): boolean =>
  Option.isSome(expiresAt) && DateTime.lessThanOrEqualTo(expiresAt.value, now)

/**
 * @since 0.1.0
 * @internal
 */
export const make: Effect.Effect<TokenStore.TokenStoreService> = Effect.sync(() => {
  const entries = new Map<TokenStore.StoreKey, Entry>()
  const locks = new Map<TokenStore.StoreKey, Effect.Semaphore>()
  const lockFor = (key: TokenStore.StoreKey) =>
    Effect.sync(() => {
      let semaphore = locks.get(key)
      if (semaphore === undefined) locks.set(key, semaphore = Effect.unsafeMakeSemaphore(1))
      return semaphore
    })
  const lookup = (key: TokenStore.StoreKey) =>
    Effect.zip(DateTime.now, Effect.sync(() => Option.fromNullable(entries.get(key))))
  const put = (key: TokenStore.StoreKey, entry: Entry) => Effect.sync(() => void entries.set(key, entry))
  return StoreMetrics.instrument({
    backend: "memory",
    get: (key) =>
      Effect.map(lookup(key), ([now, entry]) =>
        Option.flatMap(entry, (e) =>
          e._tag === "Token"
            ? Option.filter(Option.some(e.token), (t) => !Token.isExpired(t, now))
            : Either.getRight(Envelope.decode(e.value, now)))),
    set: (key, token) => put(key, { _tag: "Token", token }),
    remove: (key) => Effect.sync(() => void entries.delete(key)),
    withLock: (key, effect) => Effect.flatMap(lockFor(key), (semaphore) => semaphore.withPermits(1)(effect)),
    raw: {
      get: (key) =>
        Effect.map(lookup(key), ([now, entry]) =>
          Option.flatMap(entry, (e) =>
            e._tag === "Token"
              ? Option.some(Envelope.encode(e.token, now))
              : isExpired(e.expiresAt, now)
              ? Option.none()
              : Option.some(e.value))),
      set: (key, value, expiresAt) => put(key, { _tag: "Raw", value, expiresAt })
    }
  })
})
