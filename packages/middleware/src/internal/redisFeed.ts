/**
 * `RedisRevocationFeed.make`: `PUBLISH` on the connection, `SUBSCRIBE` on a
 * dedicated one (subscribing again on every `ready`, and saying so), the
 * lease a `SET NX PX` taken or renewed by one script and released by a
 * compare-and-delete (only by its holder). Every script touches one key.
 *
 * @internal
 */
import * as RedisConnection from "@effect-keystone/cache/RedisConnection"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import type * as Scope from "effect/Scope"
import * as Stream from "effect/Stream"
import type * as RedisRevocationFeed from "../RedisRevocationFeed.js"
import { type Delivery, RevocationFeedError, type RevocationFeedService } from "../RevocationFeed.js"

/**
 * Take or renew: a key without an expiry was not written here (planted or
 * broken) and is dropped; then 1 when `ARGV[1]` holds the lease (renewed),
 * or took it because nobody did, else 0.
 */
const leaseScript = `if redis.call("pttl", KEYS[1]) == -1 then redis.call("del", KEYS[1]) end
local held = redis.call("get", KEYS[1])
if held == ARGV[1] then
  redis.call("pexpire", KEYS[1], ARGV[2])
  return 1
end
if held then return 0 end
redis.call("set", KEYS[1], ARGV[1], "PX", ARGV[2])
return 1`

const releaseScript = `if redis.call("get", KEYS[1]) == ARGV[1] then return redis.call("del", KEYS[1]) else return 0 end`

/** @internal */
export const make = (
  connection: RedisConnection.Connection,
  options: RedisRevocationFeed.Options = {}
): Effect.Effect<RevocationFeedService, never, Scope.Scope> =>
  Effect.gen(function*() {
    const client = yield* RedisConnection.open(connection)
    const prefix = options.prefix ?? "effect-keystone:"
    const command = RedisConnection.command(client, options.timeout ?? Duration.seconds(3))
    const channel = (topic: string) => `${prefix}revocations:${topic}`
    const leaseKey = (topic: string) => `${prefix}revocations-lease:${topic}`
    const failing = (operation: RevocationFeedError["operation"]) => (message: string) =>
      new RevocationFeedError({ operation, message: `${operation}: ${message}` })

    const subscribe = (topic: string): Stream.Stream<Delivery> =>
      Stream.asyncScoped<Delivery>((emit) =>
        Effect.gen(function*() {
          const name = channel(topic)
          const subscriber = yield* RedisConnection.openSubscriber(connection)
          let closed = false
          let retry: ReturnType<typeof setTimeout> | undefined
          const listen = () => {
            if (closed || subscriber.status !== "ready") return
            subscriber.subscribe(name).then(
              () => void emit.single({ _tag: "Subscribed" }),
              () => {
                // tried again in a second, or at the next `ready`
                if (!closed) retry = setTimeout(listen, 1_000)
              }
            )
          }
          const onMessage = (from: string, message: string) => {
            if (from === name) void emit.single({ _tag: "Message", message })
          }
          subscriber.on("ready", listen)
          subscriber.on("message", onMessage)
          yield* Effect.addFinalizer(() =>
            Effect.sync(() => {
              closed = true
              if (retry !== undefined) clearTimeout(retry)
              subscriber.off("ready", listen)
              subscriber.off("message", onMessage)
            })
          )
          if (subscriber.status === "wait") subscriber.connect().catch(() => {}) // retried by ioredis; `ready` subscribes
          else listen()
        })
      )

    return {
      publish: (topic, message) =>
        Effect.asVoid(Effect.mapError(command(() => client.publish(channel(topic), message)), failing("publish"))),
      subscribe,
      lease: (topic, holder, ttlMillis) =>
        command(() => client.eval(leaseScript, 1, leaseKey(topic), holder, Math.max(1, Math.round(ttlMillis)))).pipe(
          Effect.mapError(failing("lease")),
          Effect.map((reply) => reply === 1)
        ),
      release: (topic, holder) =>
        Effect.asVoid(Effect.mapError(command(() => client.eval(releaseScript, 1, leaseKey(topic), holder)), failing("release")))
    } satisfies RevocationFeedService
  })
