/**
 * A live KeystoneSession on a real Sentinel setup (a primary, a replica, 3
 * sentinels, started for this test) through an ioredis Sentinel client, with
 * `SENTINEL FAILOVER` in the middle: the session keeps serving its token, no
 * token is lost, no lock outlives its TTL, and the time the store took to
 * write to the new primary is printed.
 */
import { describe, expect, it } from "@effect/vitest"
import { KeystoneClient } from "@effect-keystone/client"
import { Token } from "@effect-keystone/schema"
import { KeystoneSim } from "@effect-keystone/testing"
import * as Context from "effect/Context"
import * as Deferred from "effect/Deferred"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import * as Fiber from "effect/Fiber"
import * as Layer from "effect/Layer"
import * as Option from "effect/Option"
import * as Schedule from "effect/Schedule"
import { Redis } from "ioredis"
import * as KeystoneSession from "../src/KeystoneSession.js"
import * as TokenStore from "../src/TokenStore.js"
import * as RedisTokenStore from "../src/RedisTokenStore.js"
import { uniquePrefix } from "./utils/redis.js"
import { onNode, sentinel, untilTrue } from "./utils/redisTopology.js"
import { auth, ISSUE } from "./utils/session.js"
import { freshKey } from "./utils/tokens.js"

describe("KeystoneSession on Redis Sentinel", () => {
  it.scopedLive("a failover mid-session loses no valid token, leaves no lock held, and the session keeps serving", () =>
    Effect.gen(function*() {
      const setup = yield* sentinel()
      const client = yield* Effect.acquireRelease(
        Effect.sync(() => {
          const redis = new Redis({
            sentinels: setup.sentinels.map((s) => ({ host: "127.0.0.1", port: s.port })),
            name: setup.name,
            lazyConnect: true,
            enableOfflineQueue: false,
            maxRetriesPerRequest: 1,
            connectTimeout: 1_000,
            commandTimeout: 1_000,
            failoverDetector: true,
            retryStrategy: () => 100,
            sentinelRetryStrategy: () => 100
          })
          redis.on("error", () => {})
          return redis
        }),
        (redis) => Effect.sync(() => redis.disconnect())
      )
      const prefix = uniquePrefix("sentinel")
      const storeOptions = { prefix, timeout: "1 second", lockTtl: "2 seconds" } as const
      const context = yield* Layer.build(
        KeystoneSession.layer({ auth }).pipe(
          Layer.provideMerge(KeystoneClient.layer({ authUrl: "http://keystone.test/v3", retry: false })),
          Layer.provideMerge(RedisTokenStore.layer({ client }, storeOptions)),
          Layer.provideMerge(KeystoneSim.layer())
        )
      )
      const session = Context.get(context, KeystoneSession.KeystoneSession)
      const sim = Context.get(context, KeystoneSim.KeystoneSim)
      const store = Context.get(context, TokenStore.TokenStore)
      const entryKey = `${prefix}token:${session.storeKey}`
      const lockKey = `${prefix}lock:${session.storeKey}`

      const first = yield* session.token
      yield* untilTrue(() => onNode(setup.replica.port, (r) => r.exists(entryKey)).then((n) => n === 1), "entry replicated")

      // the app keeps asking for its token all along
      const served: Array<Exit.Exit<Token.Token, unknown>> = []
      const serving = yield* Effect.fork(Effect.forever(
        Effect.exit(session.token).pipe(
          Effect.flatMap((exit) => Effect.sync(() => served.push(exit))),
          Effect.zipRight(Effect.sleep(Duration.millis(20)))
        )
      ))
      // another process holds the session's lock across the failover
      const other = yield* RedisTokenStore.make({ client }, storeOptions)
      const holding = yield* Deferred.make<void>()
      const holder = yield* Effect.fork(
        other.withLock(session.storeKey, Effect.zipRight(Deferred.succeed(holding, undefined), Effect.sleep("1500 millis")))
      )
      yield* Deferred.await(holding)

      const started = Date.now()
      yield* Effect.promise(() => onNode(setup.sentinels[0]!.port, (r) => r.call("SENTINEL", "FAILOVER", setup.name)))
      // a process starting during the failover gets a token too
      const late = yield* Effect.fork(
        Effect.flatMap(
          Effect.provide(KeystoneSession.make({ auth }), Context.add(context, TokenStore.TokenStore, other)),
          (s) => s.token
        )
      )
      // recovered: the sentinels name the replica, and a write through the store lands on it
      const probe = freshKey()
      yield* Effect.gen(function*() {
        if ((yield* setup.primaryPort) !== setup.replica.port) return yield* Effect.fail("not switched yet")
        yield* store.set(probe, first)
        const there = yield* Effect.promise(() => onNode(setup.replica.port, (r) => r.exists(`${prefix}token:${probe}`)))
        if (there !== 1) return yield* Effect.fail("not on the new primary yet")
      }).pipe(Effect.retry(Schedule.spaced(Duration.millis(50)).pipe(Schedule.upTo(Duration.seconds(30)))))
      const recoveredMillis = Date.now() - started
      process.stdout.write(
        `[sentinel failover] store writing to the new primary ${recoveredMillis} ms after SENTINEL FAILOVER\n`
      )

      yield* Fiber.join(holder)
      yield* Fiber.interrupt(serving)
      expect(Exit.isSuccess(yield* Fiber.await(late))).toBe(true)

      // the session served its one token throughout, with no extra login
      expect(served.length).toBeGreaterThan(10)
      for (const exit of served) {
        expect(Exit.isSuccess(exit)).toBe(true)
        if (Exit.isSuccess(exit)) expect(Token.equivalence(exit.value, first)).toBe(true)
      }
      // the stored token survived the failover
      const stored = yield* store.get(session.storeKey)
      expect(Option.map(stored, (t) => t.auditIds[0])).toEqual(Option.some(first.auditIds[0]))
      // no lock outlives its TTL, and the next withLock gets it at once
      yield* untilTrue(() => onNode(setup.replica.port, (r) => r.exists(lockKey)).then((n) => n === 0), "lock gone", Duration.seconds(5))
      expect(yield* Effect.timeout(other.withLock(session.storeKey, Effect.succeed("free")), "3 seconds")).toBe("free")
      // and the session renews and stores on the new primary
      const issuedBefore = yield* sim.count(ISSUE)
      const renewed = yield* session.refresh
      expect(yield* sim.count(ISSUE)).toBe(issuedBefore + 1)
      const storedAfter = yield* Effect.promise(() => onNode(setup.replica.port, (r) => r.exists(entryKey)))
      expect(storedAfter).toBe(1)
      expect(Option.map(yield* store.get(session.storeKey), (t) => t.auditIds[0])).toEqual(Option.some(renewed.auditIds[0]))
    }), 60_000)
})
