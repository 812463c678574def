/**
 * Connections to Redis (ioredis) as the Redis store opens them: tuned to fail
 * fast while Redis is down and to reconnect in the background, every command
 * waiting for the connection to be ready (failing on the first connection
 * error) and bounded in time.
 *
 * @internal
 */
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import type * as Scope from "effect/Scope"
import { Redis } from "ioredis"
import type { Cluster, RedisOptions } from "ioredis"
import type * as RedisConnection from "../RedisConnection.js"

const ownedDefaults: Omit<RedisOptions, "replyMapping"> = {
  lazyConnect: true,
  connectTimeout: 2_000,
  commandTimeout: 2_000,
  maxRetriesPerRequest: 1,
  enableOfflineQueue: false,
  retryStrategy: (times) => Math.min(100 * times, 1_000)
}

/** A message from a Redis or socket error; never a command's arguments. @internal */
export const describe = (error: unknown): string => {
  if (error instanceof Error) {
    const code = (error as { readonly code?: unknown }).code
    return `${error.name}: ${error.message.slice(0, 200)}${typeof code === "string" ? ` (${code})` : ""}`
  }
  return String(error).slice(0, 200)
}

/** Resolves when the client is ready; fails on the first connection error or when it has ended. @internal */
export const ready = (client: RedisConnection.Client): Effect.Effect<void, unknown> =>
  Effect.async<void, unknown>((resume) => {
    if (client.status === "ready") return resume(Effect.void)
    if (client.status === "end") return resume(Effect.fail(new Error("connection closed (status end)")))
    const cleanup = () => {
      client.off("ready", onReady)
      client.off("error", onError)
      client.off("end", onEnd)
    }
    const onReady = () => {
      cleanup()
      resume(Effect.void)
    }
    const onError = (error: unknown) => {
      cleanup()
      resume(Effect.fail(error))
    }
    const onEnd = () => {
      cleanup()
      resume(Effect.fail(new Error("connection closed (status end)")))
    }
    client.on("ready", onReady)
    client.on("error", onError)
    client.on("end", onEnd)
    if (client.status === "wait") client.connect().catch(() => {}) // reported through the listeners
    return Effect.sync(cleanup)
  })

/** A client of our own, closed (QUIT, else disconnect) with the scope. */
const owned = (create: () => RedisConnection.Client): Effect.Effect<RedisConnection.Client, never, Scope.Scope> =>
  Effect.acquireRelease(
    Effect.sync(() => {
      const redis = create()
      redis.on("error", () => {}) // surfaced through the operations that fail, not as unhandled events
      return redis
    }),
    (redis) =>
      redis.status === "ready"
        ? Effect.promise(() => redis.quit().catch(() => redis.disconnect())).pipe(
          Effect.timeout(Duration.seconds(2)),
          Effect.catchAll(() => Effect.sync(() => redis.disconnect()))
        )
        : Effect.sync(() => redis.disconnect())
  )

/** @internal */
export const open = (connection: RedisConnection.Connection): Effect.Effect<RedisConnection.Client, never, Scope.Scope> =>
  "client" in connection
    ? Effect.succeed(connection.client)
    : owned(() => new Redis(connection.url, { ...ownedDefaults, ...connection.options }))

/** @internal */
export const openSubscriber = (
  connection: RedisConnection.Connection
): Effect.Effect<RedisConnection.Client, never, Scope.Scope> =>
  owned(() => {
    if ("url" in connection) {
      return new Redis(connection.url, { ...ownedDefaults, ...connection.options, autoResubscribe: false })
    }
    const client: Redis | Cluster = connection.client
    return client instanceof Redis
      ? client.duplicate({ lazyConnect: true, autoResubscribe: false })
      : client.duplicate([], { lazyConnect: true })
  })

/** @internal */
export const command = (client: RedisConnection.Client, timeout: Duration.DurationInput) => {
  const limit = Duration.decode(timeout)
  return <A>(f: () => Promise<A>): Effect.Effect<A, string> =>
    ready(client).pipe(
      Effect.zipRight(Effect.tryPromise({ try: f, catch: (e) => e })),
      Effect.timeoutFail({
        duration: limit,
        onTimeout: () => new Error(`timed out after ${Duration.format(limit)}`)
      }),
      Effect.mapError(describe)
    )
}
