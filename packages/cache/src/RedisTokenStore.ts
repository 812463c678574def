/**
 * A `TokenStore` in Redis, shared by every process that uses the same Redis
 * and prefix. On ioredis, an optional peer dependency of this package:
 * install it (`npm install ioredis`) to use this entry; the main entry never
 * loads it.
 *
 * ```ts
 * import * as RedisTokenStore from "@effect-keystone/cache/RedisTokenStore"
 *
 * KeystoneSession.layer({ auth }).pipe(Layer.provide(RedisTokenStore.layer({ url: "redis://127.0.0.1:6379" })))
 * ```
 *
 * @since 0.3.0
 */
import type * as Duration from "effect/Duration"
import type * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import type * as Scope from "effect/Scope"
import * as RedisStore from "./internal/redisStore.js"
import type * as RedisConnection from "./RedisConnection.js"
import { TokenStore, type TokenStoreService } from "./TokenStore.js"

/**
 * What the Redis store talks to: a URL (the layer opens and closes its own
 * connection, tuned to fail fast while Redis is down and to reconnect in the
 * background; `options` override those defaults), or a client you own
 * (standalone, sentinel or cluster), which the layer never closes. The same
 * as `RedisConnection.Connection`.
 *
 * @since 0.3.0
 * @category models
 */
export type Connection = RedisConnection.Connection

/**
 * Options of the Redis store.
 *
 * @since 0.3.0
 * @category models
 */
export interface Options {
  /** Key prefix (default `"effect-keystone:"`): entries are `${prefix}token:${key}`, locks `${prefix}lock:${key}`. */
  readonly prefix?: string | undefined
  /** Upper bound of any one operation, connecting included (default 3 seconds). */
  readonly timeout?: Duration.DurationInput | undefined
  /** Lock expiry, refreshed while held (default 30 seconds). */
  readonly lockTtl?: Duration.DurationInput | undefined
  /** After waiting this long for a lock, `withLock` runs the effect without it, logged (default 60 seconds). */
  readonly lockWaitTimeout?: Duration.DurationInput | undefined
  /** Largest entry read or written, bytes (default 4 MiB): larger is a logged miss, never transferred. */
  readonly maxEntryBytes?: number | undefined
}

/**
 * A store in Redis, shared by every process that uses the same Redis and
 * prefix.
 *
 * Values are envelope strings with a `PX` TTL of the token's remaining life
 * (none for a token that never expires). A value of another type or larger
 * than `maxEntryBytes` is a miss, logged (checked in Redis, not transferred).
 * Redis down or slow makes `get`, `set` and `remove` fail with
 * `TokenStoreError` within `timeout`, never hang. `withLock` is `SET lock <unique> NX PX lockTtl`, polled with jittered
 * backoff, refreshed while held and released by a compare-and-delete script
 * (only by its owner); a lock key without an expiry was not written by this
 * library and is broken. With Redis down it runs the effect without the lock,
 * logged. Every script touches one key, so all of this works on a Cluster.
 *
 * @since 0.3.0
 * @category constructors
 */
export const make: (connection: Connection, options?: Options) => Effect.Effect<TokenStoreService, never, Scope.Scope> =
  RedisStore.make

/**
 * @since 0.3.0
 * @category layers
 */
export const layer = (connection: Connection, options?: Options): Layer.Layer<TokenStore> =>
  Layer.scoped(TokenStore, make(connection, options))
