/**
 * The locks of the Redis store: `SET <lock key> <unique> NX PX <ttl>`, kept
 * alive while held and released by a compare-and-delete script, so only
 * their owner ever removes them. Every script touches one key (Cluster-safe).
 */
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Os from "node:os"
import type * as TokenStore from "../TokenStore.js"
import * as Lock from "./lock.js"

/**
 * SET NX PX, after dropping a lock key without an expiry (or of another
 * type without one): this library never writes such a lock, so it is planted
 * or broken and would otherwise be waited for on every call.
 */
const acquireScript = `if redis.call("pttl", KEYS[1]) == -1 then redis.call("del", KEYS[1]) end
return redis.call("set", KEYS[1], ARGV[1], "PX", ARGV[2], "NX")`

const releaseScript = `if redis.call("get", KEYS[1]) == ARGV[1] then return redis.call("del", KEYS[1]) else return 0 end`
const extendScript =
  `if redis.call("get", KEYS[1]) == ARGV[1] then return redis.call("pexpire", KEYS[1], ARGV[2]) else return 0 end`

/**
 * @since 0.3.0
 * @internal
 */
export interface Options {
  /** Runs a one-key Lua script once connected, bounded in time; fails with a description. */
  readonly script: (source: string, key: string, args: ReadonlyArray<string | number>) => Effect.Effect<unknown, string>
  readonly lockKey: (key: TokenStore.StoreKey) => string
  /** Lock expiry, refreshed while held. */
  readonly ttl: Duration.DurationInput
  readonly waitTimeout: Duration.DurationInput
}

/**
 * `withLock` of the Redis store.
 *
 * @since 0.3.0
 * @internal
 */
export const make = (options: Options) => {
  const { lockKey, script } = options
  const ttlMillis = Math.max(100, Math.round(Duration.toMillis(Duration.decode(options.ttl))))
  const waitTimeout = Duration.decode(options.waitTimeout)
  const owner = `${Os.hostname()}:${process.pid}`

  const attempt = (key: TokenStore.StoreKey): Effect.Effect<Lock.Attempt<string>, string> =>
    Effect.suspend(() => {
      const value = `${owner}:${globalThis.crypto.randomUUID()}`
      return script(acquireScript, lockKey(key), [value, ttlMillis]).pipe(
        Effect.map((reply): Lock.Attempt<string> => reply === "OK" ? { _tag: "Acquired", held: value } : { _tag: "Busy" })
      )
    })

  const heartbeat = (key: TokenStore.StoreKey, value: string): Effect.Effect<void> =>
    Effect.gen(function*() {
      while (true) {
        yield* Effect.sleep(Duration.millis(Math.floor(ttlMillis / 3)))
        const extended = yield* Effect.either(script(extendScript, lockKey(key), [value, ttlMillis]))
        if (Either.isRight(extended) && extended.right === 0) {
          return yield* Effect.logWarning("TokenStore: lost a lock while holding it").pipe(
            Effect.annotateLogs({ backend: "redis", key })
          )
        }
      }
    })

  const release = (key: TokenStore.StoreKey, value: string): Effect.Effect<void> =>
    script(releaseScript, lockKey(key), [value]).pipe(
      Effect.flatMap((deleted) =>
        deleted === 1
          ? Effect.void
          : Effect.logWarning("TokenStore: our lock had expired or was taken before release").pipe(
            Effect.annotateLogs({ backend: "redis", key })
          )
      ),
      Effect.catchAll((reason) =>
        Effect.logWarning("TokenStore: could not release a lock (it expires by itself)").pipe(
          Effect.annotateLogs({ backend: "redis", key, reason })
        )
      )
    )

  return <A, E, R>(key: TokenStore.StoreKey, effect: Effect.Effect<A, E, R>): Effect.Effect<A, E, R> =>
    Lock.withLock({
      backend: "redis",
      key,
      waitTimeout,
      attempt: attempt(key),
      heartbeat: (value: string) => heartbeat(key, value),
      release: (value: string) => release(key, value)
    }, effect)
}
