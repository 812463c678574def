/**
 * The Redis `RevocationFeed`: the conformance suite, its names in Redis, a
 * planted lease, and a subscription that lives through a Redis restart.
 */
import { describe, expect, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as Queue from "effect/Queue"
import { inspectRedis, privateRedis, uniquePrefix, useRedisUrl } from "../../cache/test/utils/redis.js"
import * as RedisRevocationFeed from "../src/RedisRevocationFeed.js"
import { conformance, listen } from "./RevocationFeed.conformance.js"

const url = useRedisUrl()

conformance(
  "redis",
  Effect.suspend(() => {
    const prefix = uniquePrefix("feed-conformance")
    return Effect.all([
      RedisRevocationFeed.make({ url: url() }, { prefix }),
      RedisRevocationFeed.make({ url: url() }, { prefix })
    ])
  })
)

describe("RedisRevocationFeed", () => {
  it.scopedLive("the channel is `${prefix}revocations:<topic>`, the lease `${prefix}revocations-lease:<topic>` with its ttl", () =>
    Effect.gen(function*() {
      const prefix = uniquePrefix("feed-names")
      const redis = yield* inspectRedis(url())
      const feed = yield* RedisRevocationFeed.make({ client: redis }, { prefix })
      const heard: Array<[string, string]> = []
      const watcher = yield* Effect.acquireRelease(
        Effect.promise(async () => {
          const w = redis.duplicate()
          w.on("message", (channel, message) => heard.push([channel, message]))
          await w.subscribe(`${prefix}revocations:abc`)
          return w
        }),
        (w) => Effect.sync(() => w.disconnect())
      )
      expect(watcher.status).toBe("ready")
      yield* feed.publish("abc", "hello")
      yield* Effect.sleep("100 millis")
      expect(heard).toEqual([[`${prefix}revocations:abc`, "hello"]])
      expect(yield* feed.lease("abc", "holder-1", 5_000)).toBe(true)
      expect(yield* Effect.promise(() => redis.get(`${prefix}revocations-lease:abc`))).toBe("holder-1")
      const ttl = yield* Effect.promise(() => redis.pttl(`${prefix}revocations-lease:abc`))
      expect(ttl).toBeGreaterThan(4_000)
      expect(ttl).toBeLessThanOrEqual(5_000)
      // a client we were given stays open after the feed's scope
    }))

  it.scopedLive("a lease key planted without an expiry is dropped and taken; one with an expiry is waited for", () =>
    Effect.gen(function*() {
      const prefix = uniquePrefix("feed-planted")
      const redis = yield* inspectRedis(url())
      const feed = yield* RedisRevocationFeed.make({ url: url() }, { prefix })
      yield* Effect.promise(() => redis.set(`${prefix}revocations-lease:t`, "mallory"))
      expect(yield* feed.lease("t", "me", 5_000)).toBe(true)
      yield* Effect.promise(() => redis.set(`${prefix}revocations-lease:u`, "someone", "PX", 5_000))
      expect(yield* feed.lease("u", "me", 5_000)).toBe(false)
    }))

  it.scopedLive("Redis unreachable: publish and lease fail fast with RevocationFeedError; the subscription waits", () =>
    Effect.gen(function*() {
      const feed = yield* RedisRevocationFeed.make({ url: "redis://127.0.0.1:1" }, { timeout: "1 second" })
      const started = Date.now()
      const error = yield* Effect.flip(feed.publish("t", "x"))
      expect(error).toMatchObject({ _tag: "RevocationFeedError", operation: "publish" })
      expect(yield* Effect.flip(feed.lease("t", "me", 1_000))).toMatchObject({ operation: "lease" })
      expect(Date.now() - started).toBeLessThan(2_500)
      const sub = yield* listen(feed, "t")
      yield* Effect.sleep("300 millis")
      expect(yield* Queue.size(sub.queue)).toBe(0)
    }))

  it.scopedLive("Redis restarted: the subscription says Subscribed again and hears what is sent after", () =>
    Effect.gen(function*() {
      const server = yield* privateRedis
      const prefix = uniquePrefix("feed-restart")
      const feed = yield* RedisRevocationFeed.make({ url: server.url }, { prefix })
      const sub = yield* listen(feed, "t")
      expect(yield* sub.next).toEqual({ _tag: "Subscribed" })
      yield* server.stop
      yield* server.start
      expect(yield* sub.next).toEqual({ _tag: "Subscribed" })
      yield* feed.publish("t", "after").pipe(Effect.retry({ times: 20 }))
      expect(yield* sub.next).toEqual({ _tag: "Message", message: "after" })
    }), 15_000)
})
