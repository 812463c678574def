/**
 * The `RevocationFeed` of a fleet sharing a Redis: messages on the channel
 * `${prefix}revocations:<topic>` (`PUBLISH` on the connection, `SUBSCRIBE`
 * on a dedicated one), the lease of the process that polls Keystone under
 * `${prefix}revocations-lease:<topic>` (`SET NX PX`, renewed by its holder,
 * released by a compare-and-delete). Give it the connection and prefix of
 * the fleet's `RedisTokenStore`. On ioredis, an optional peer dependency:
 * install it (`npm install ioredis`) to use this entry; the main entry never
 * loads it.
 *
 * ```ts
 * import * as RedisTokenStore from "@effect-keystone/cache/RedisTokenStore"
 * import * as RedisRevocationFeed from "@effect-keystone/middleware/RedisRevocationFeed"
 *
 * const redis = { url: "redis://127.0.0.1:6379" }
 * AuthToken.layerFleet(options, { keys }).pipe(
 *   Layer.provide(RedisTokenStore.layer(redis)),
 *   Layer.provide(RedisRevocationFeed.layer(redis))
 * )
 * ```
 *
 * @since 0.6.0
 */
import type * as RedisConnection from "@effect-keystone/cache/RedisConnection"
import type * as Duration from "effect/Duration"
import type * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import type * as Scope from "effect/Scope"
import * as internal from "./internal/redisFeed.js"
import { RevocationFeed, type RevocationFeedService } from "./RevocationFeed.js"

/**
 * A URL (a connection is opened for commands and another for `SUBSCRIBE`,
 * both closed with the scope), or a client you own (used for commands and
 * never closed; the subscription uses a duplicate of it, closed with the
 * scope). The same as `RedisTokenStore.Connection`.
 *
 * @since 0.6.0
 * @category models
 */
export type Connection = RedisConnection.Connection

/**
 * @since 0.6.0
 * @category models
 */
export interface Options {
  /** Key and channel prefix (default `"effect-keystone:"`, `RedisTokenStore`'s). */
  readonly prefix?: string | undefined
  /** Upper bound of a `PUBLISH` or a lease command, connecting included (default 3 seconds). */
  readonly timeout?: Duration.DurationInput | undefined
}

/**
 * @since 0.6.0
 * @category constructors
 */
export const make: (connection: Connection, options?: Options) => Effect.Effect<RevocationFeedService, never, Scope.Scope> =
  internal.make

/**
 * @since 0.6.0
 * @category layers
 */
export const layer = (connection: Connection, options?: Options): Layer.Layer<RevocationFeed> =>
  Layer.scoped(RevocationFeed, make(connection, options))
