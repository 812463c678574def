/**
 * Connections to Redis as `RedisTokenStore` opens them, for whatever else
 * shares its Redis (e.g. `@effect-keystone/middleware/RedisRevocationFeed`):
 * a URL opens a connection of our own, tuned to fail fast while Redis is down
 * and to reconnect in the background; a client you own is used as it is and
 * never closed. On ioredis, an optional peer dependency: the main entry never
 * loads this module.
 *
 * @since 0.6.0
 */
import type * as Duration from "effect/Duration"
import type * as Effect from "effect/Effect"
import type * as Scope from "effect/Scope"
import type { Cluster, Redis, RedisOptions } from "ioredis"
import * as internal from "./internal/redisConnection.js"

/**
 * A URL (the connection is opened and closed here; `options` override the
 * defaults: 2 s connect and command timeouts, no offline queue, one retry
 * per request, reconnection every second at most), or a client you own
 * (standalone, sentinel or cluster), which is never closed here.
 *
 * @since 0.6.0
 * @category models
 */
export type Connection =
  | { readonly url: string; readonly options?: Omit<RedisOptions, "replyMapping"> | undefined }
  | { readonly client: Redis | Cluster }

/**
 * @since 0.6.0
 * @category models
 */
export type Client = Redis | Cluster

/**
 * The client for `connection`: the given one, or one opened for the URL
 * (lazily: it connects on its first command) and closed with the scope.
 *
 * @since 0.6.0
 * @category constructors
 */
export const open: (connection: Connection) => Effect.Effect<Client, never, Scope.Scope> = internal.open

/**
 * A connection of its own for `SUBSCRIBE` (a subscribed connection takes no
 * other command): another connection to the URL, or a duplicate of the given
 * client, closed with the scope. It connects lazily and does not subscribe
 * again by itself after a reconnection (a standalone one): the subscriber
 * does, on every `ready` event, and so knows when messages may have been
 * lost.
 *
 * @since 0.6.0
 * @category constructors
 */
export const openSubscriber: (connection: Connection) => Effect.Effect<Client, never, Scope.Scope> =
  internal.openSubscriber

/**
 * Runs a command once the client is ready (failing on its first connection
 * error rather than queueing), bounded by `timeout`; a failure is a
 * description (an error's name, message and code), never the command's
 * arguments.
 *
 * @since 0.6.0
 * @category combinators
 */
export const command: (
  client: Client,
  timeout: Duration.DurationInput
) => <A>(f: () => Promise<A>) => Effect.Effect<A, string> = internal.command
