/**
 * The store metrics (`KeystoneMetrics.storeOperations`, `storeFailures`,
 * `lockWait`), recorded where a store carries an operation out: each backend
 * wraps its own `get`, `set`, `remove` and `withLock` here; the encrypting
 * wrapper wraps its `get` and `set` (as `encrypted`) and passes `remove` and
 * the lock through to the backend's, so every call is counted once.
 *
 * @internal
 */
import * as KeystoneMetrics from "@effect-keystone/client/KeystoneMetrics"
import * as Cause from "effect/Cause"
import * as Clock from "effect/Clock"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import * as Metric from "effect/Metric"
import type * as TokenStore from "../TokenStore.js"

type Operation = "get" | "set" | "remove"

/** Counts one operation when it ends, and its failure (an interruption is neither). */
const counted = (backend: KeystoneMetrics.StoreBackend, operation: Operation) => {
  const tags = { backend, operation }
  const done = Metric.increment(KeystoneMetrics.withTags(KeystoneMetrics.storeOperations, tags))
  const failed = Effect.zipRight(done, Metric.increment(KeystoneMetrics.withTags(KeystoneMetrics.storeFailures, tags)))
  return <A, E, R>(effect: Effect.Effect<A, E, R>): Effect.Effect<A, E, R> =>
    Effect.onExit(effect, (exit) =>
      Exit.isSuccess(exit) ? done : Cause.isInterruptedOnly(exit.cause) ? Effect.void : failed)
}

type Entries = Pick<TokenStore.TokenStoreService, "get" | "set">

/** A store's `get` and `set`, counted under `backend`. @internal */
export const entries = (backend: KeystoneMetrics.StoreBackend, store: Entries): Entries => {
  const get = counted(backend, "get")
  const set = counted(backend, "set")
  return { get: (key) => get(store.get(key)), set: (key, token) => set(store.set(key, token)) }
}

/** `withLock` that records how long it waited before running the effect. @internal */
export const lock = (
  backend: KeystoneMetrics.StoreBackend,
  withLock: TokenStore.TokenStoreService["withLock"]
): TokenStore.TokenStoreService["withLock"] => {
  const waited = KeystoneMetrics.withTags(KeystoneMetrics.lockWait, { backend })
  return (key, effect) =>
    Clock.clockWith((clock) => {
      const start = clock.unsafeCurrentTimeNanos()
      return withLock(
        key,
        Effect.zipRight(Effect.suspend(() => Metric.update(waited, Number(clock.unsafeCurrentTimeNanos() - start) / 1e9)), effect)
      )
    })
}

/** A backend's whole service, counted under its own name. @internal */
export const instrument = (store: TokenStore.TokenStoreService): TokenStore.TokenStoreService => {
  const remove = counted(store.backend, "remove")
  return {
    ...store,
    ...entries(store.backend, store),
    remove: (key) => remove(store.remove(key)),
    withLock: lock(store.backend, store.withLock)
  }
}

/** A lock that could not be had (the effect ran without it). @internal */
export const lockFailed = (backend: KeystoneMetrics.StoreBackend): Effect.Effect<void> =>
  Metric.increment(KeystoneMetrics.withTags(KeystoneMetrics.storeFailures, { backend, operation: "lock" }))
