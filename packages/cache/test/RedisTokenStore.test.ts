import { describe, expect, it } from "@effect/vitest"
import * as DateTime from "effect/DateTime"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Fiber from "effect/Fiber"
import * as Layer from "effect/Layer"
import * as Option from "effect/Option"
import * as Redacted from "effect/Redacted"
import * as Schedule from "effect/Schedule"
import { randomUUID } from "node:crypto"
import { TokenStore } from "../src/index.js"
import * as RedisTokenStore from "../src/RedisTokenStore.js"
import { conformance } from "./TokenStore.conformance.js"
import { capture } from "./utils/logs.js"
import { freePort, inspectRedis, privateRedis, uniquePrefix, useRedisUrl } from "./utils/redis.js"
import { expiringIn, freshKey, makeToken } from "./utils/tokens.js"

const url = useRedisUrl()

const conformancePrefix = uniquePrefix("conformance")
conformance(
  "redis",
  Layer.suspend(() => RedisTokenStore.layer({ url: url() }, { prefix: conformancePrefix })),
  { shared: true }
)

const store = TokenStore.TokenStore
const tokenId = (token: { readonly id: Redacted.Redacted<string> }) => Redacted.value(token.id)

const inspector = Effect.suspend(() => inspectRedis(url()))

const elapsed = <A, E, R>(effect: Effect.Effect<A, E, R>) =>
  Effect.gen(function*() {
    const start = Date.now()
    const a = yield* effect
    return [a, Date.now() - start] as const
  })

describe("RedisTokenStore.layer", () => {
  describe("keys, values and TTLs", () => {
    it.scopedLive("entries are `${prefix}token:${key}`; no key holds the token", () =>
      Effect.gen(function*() {
        const redis = yield* inspector
        const prefix = uniquePrefix("keys")
        const key = freshKey()
        const token = makeToken()
        yield* Effect.flatMap(store, (s) => Effect.zipRight(s.set(key, token), s.withLock(key, Effect.void))).pipe(
          Effect.provide(RedisTokenStore.layer({ url: url() }, { prefix }))
        )
        const keys = yield* Effect.promise(() => redis.keys(`${prefix}*`))
        expect(keys).toEqual([`${prefix}token:${key}`])
        for (const k of keys) expect(k).not.toContain(tokenId(token))
        const value = yield* Effect.promise(() => redis.get(`${prefix}token:${key}`))
        expect(JSON.parse(value!)).toMatchObject({ v: TokenStore.envelopeVersion })
        yield* Effect.promise(() => redis.del(...keys))
      }))

    it.scopedLive("the default prefix is effect-keystone:", () =>
      Effect.gen(function*() {
        const redis = yield* inspector
        const key = freshKey()
        yield* Effect.flatMap(store, (s) => s.set(key, makeToken())).pipe(
          Effect.provide(RedisTokenStore.layer({ url: url() }))
        )
        expect(yield* Effect.promise(() => redis.exists(`effect-keystone:token:${key}`))).toBe(1)
        yield* Effect.promise(() => redis.del(`effect-keystone:token:${key}`))
      }))

    it.scopedLive("the TTL is the token's remaining life; none for a token that never expires", () =>
      Effect.gen(function*() {
        const redis = yield* inspector
        const prefix = uniquePrefix("ttl")
        const [expiring, forever, expired] = [freshKey(), freshKey(), freshKey()]
        const now = yield* DateTime.now
        yield* Effect.gen(function*() {
          const s = yield* store
          yield* s.set(expiring, expiringIn(now, 10 * 60_000))
          yield* s.set(forever, makeToken({ expiresAt: null }))
          yield* s.set(expired, expiringIn(DateTime.subtract(now, { hours: 2 }), 3600_000))
          const pttl = yield* Effect.promise(() => redis.pttl(`${prefix}token:${expiring}`))
          expect(pttl).toBeLessThanOrEqual(10 * 60_000)
          expect(pttl).toBeGreaterThan(10 * 60_000 - 5_000)
          expect(yield* Effect.promise(() => redis.pttl(`${prefix}token:${forever}`))).toBe(-1)
          expect(yield* s.get(expired)).toEqual(Option.none())
          // overwriting an expiring entry with a never-expiring token clears the TTL
          yield* s.set(expiring, makeToken({ expiresAt: null }))
          expect(yield* Effect.promise(() => redis.pttl(`${prefix}token:${expiring}`))).toBe(-1)
        }).pipe(Effect.provide(RedisTokenStore.layer({ url: url() }, { prefix })))
        yield* Effect.promise(() => redis.del(`${prefix}token:${expiring}`, `${prefix}token:${forever}`))
      }))

    for (
      const c of [
        { name: "garbage", value: () => "\u0000not json{", reason: "corrupt" },
        { name: "a truncated envelope", value: (valid: string) => valid.slice(0, 40), reason: "corrupt" },
        {
          name: "a future envelope version",
          value: (valid: string) => JSON.stringify({ ...JSON.parse(valid), v: 2 }),
          reason: "foreign-version"
        }
      ] as const
    ) {
      it.scopedLive(`${c.name} is a miss with a warning, never the token`, () =>
        Effect.gen(function*() {
          const redis = yield* inspector
          const prefix = uniquePrefix("corrupt")
          const key = freshKey()
          const token = makeToken()
          const logs = capture()
          const got = yield* Effect.gen(function*() {
            const s = yield* store
            yield* s.set(key, token)
            const valid = yield* Effect.promise(() => redis.get(`${prefix}token:${key}`))
            yield* Effect.promise(() => redis.set(`${prefix}token:${key}`, c.value(valid!)))
            return yield* s.get(key)
          }).pipe(Effect.provide(RedisTokenStore.layer({ url: url() }, { prefix })), Effect.provide(logs.layer))
          expect(got).toEqual(Option.none())
          const warnings = logs.warnings()
          expect(warnings).toHaveLength(1)
          expect(warnings[0]!.annotations).toMatchObject({ backend: "redis", key, reason: c.reason })
          for (const line of logs.lines) expect(line.text).not.toContain(tokenId(token))
          yield* Effect.promise(() => redis.del(`${prefix}token:${key}`))
        }))
    }
  })

  describe("locks", () => {
    it.scopedLive("the lock is SET NX with a TTL while held, and gone afterwards", () =>
      Effect.gen(function*() {
        const redis = yield* inspector
        const prefix = uniquePrefix("lock")
        const key = freshKey()
        const lockKey = `${prefix}lock:${key}`
        const inside = yield* Effect.flatMap(store, (s) =>
          s.withLock(
            key,
            Effect.promise(() => Promise.all([redis.get(lockKey), redis.pttl(lockKey)]))
          )).pipe(Effect.provide(RedisTokenStore.layer({ url: url() }, { prefix, lockTtl: "5 seconds" })))
        expect(inside[0]).toMatch(new RegExp(`:${process.pid}:`))
        expect(inside[1]).toBeGreaterThan(0)
        expect(inside[1]).toBeLessThanOrEqual(5_000)
        expect(yield* Effect.promise(() => redis.exists(lockKey))).toBe(0)
      }))

    it.scopedLive("the lock is released only by its owner", () =>
      Effect.gen(function*() {
        const redis = yield* inspector
        const prefix = uniquePrefix("owner")
        const key = freshKey()
        const lockKey = `${prefix}lock:${key}`
        const logs = capture()
        yield* Effect.flatMap(store, (s) =>
          s.withLock(key, Effect.promise(() => redis.set(lockKey, "someone-else", "PX", 10_000)))).pipe(
            Effect.provide(RedisTokenStore.layer({ url: url() }, { prefix })),
            Effect.provide(logs.layer)
          )
        expect(yield* Effect.promise(() => redis.get(lockKey))).toBe("someone-else")
        expect(logs.warnings().map((l) => l.message)).toContain(
          "TokenStore: our lock had expired or was taken before release"
        )
        yield* Effect.promise(() => redis.del(lockKey))
      }))

    it.scopedLive("a lock held elsewhere is waited for until it expires", () =>
      Effect.gen(function*() {
        const redis = yield* inspector
        const prefix = uniquePrefix("wait")
        const key = freshKey()
        yield* Effect.promise(() => redis.set(`${prefix}lock:${key}`, "other-process", "PX", 400))
        const [result, ms] = yield* elapsed(
          Effect.flatMap(store, (s) => s.withLock(key, Effect.succeed("ran"))).pipe(
            Effect.provide(RedisTokenStore.layer({ url: url() }, { prefix }))
          )
        )
        expect(result).toBe("ran")
        expect(ms).toBeGreaterThanOrEqual(350)
        expect(ms).toBeLessThan(3_000)
      }))

    it.scopedLive("a lock held by a live owner is given up on after lockWaitTimeout, logged", () =>
      Effect.gen(function*() {
        const redis = yield* inspector
        const prefix = uniquePrefix("giveup")
        const key = freshKey()
        yield* Effect.promise(() => redis.set(`${prefix}lock:${key}`, "other-process", "PX", 30_000))
        const logs = capture()
        const [result, ms] = yield* elapsed(
          Effect.flatMap(store, (s) => s.withLock(key, Effect.succeed("ran"))).pipe(
            Effect.provide(RedisTokenStore.layer({ url: url() }, { prefix, lockWaitTimeout: "300 millis" })),
            Effect.provide(logs.layer)
          )
        )
        expect(result).toBe("ran")
        expect(ms).toBeGreaterThanOrEqual(290)
        expect(yield* Effect.promise(() => redis.get(`${prefix}lock:${key}`))).toBe("other-process")
        expect(logs.warnings().map((l) => l.message)).toContain("TokenStore: gave up waiting for a lock, running without it")
        yield* Effect.promise(() => redis.del(`${prefix}lock:${key}`))
      }))

    it.live("a held lock is refreshed, so a section longer than lockTtl keeps it", () =>
      Effect.gen(function*() {
        const prefix = uniquePrefix("heartbeat")
        const key = freshKey()
        const layer = RedisTokenStore.layer({ url: url() }, { prefix, lockTtl: "300 millis" })
        const events: Array<string> = []
        const holder = yield* Effect.fork(
          Effect.flatMap(store, (s) =>
            s.withLock(
              key,
              Effect.sync(() => events.push("a in")).pipe(
                Effect.zipRight(Effect.sleep(Duration.millis(1200))),
                Effect.zipRight(Effect.sync(() => events.push("a out")))
              )
            )).pipe(Effect.provide(layer))
        )
        yield* Effect.sleep(Duration.millis(100))
        yield* Effect.flatMap(store, (s) => s.withLock(key, Effect.sync(() => events.push("b in")))).pipe(
          Effect.provide(layer)
        )
        yield* Fiber.join(holder)
        expect(events).toEqual(["a in", "a out", "b in"])
      }))
  })

  describe("connections", () => {
    it.scopedLive("a client passed in is used and never closed by the layer", () =>
      Effect.gen(function*() {
        const client = yield* inspector
        const prefix = uniquePrefix("client")
        const key = freshKey()
        const token = makeToken()
        const got = yield* Effect.flatMap(store, (s) => Effect.zipRight(s.set(key, token), s.get(key))).pipe(
          Effect.provide(RedisTokenStore.layer({ client }, { prefix }))
        )
        expect(tokenId(Option.getOrThrow(got))).toBe(tokenId(token))
        expect(client.status).toBe("ready")
        expect(yield* Effect.promise(() => client.ping())).toBe("PONG")
        yield* Effect.promise(() => client.del(`${prefix}token:${key}`))
      }))

    it.scopedLive("a connection the layer opened is closed with its scope", () =>
      Effect.gen(function*() {
        const redis = yield* inspector
        const name = `ek-test-${randomUUID().slice(0, 8)}`
        const named = () => Effect.promise(() => redis.client("LIST")).pipe(Effect.map((list) => String(list).includes(`name=${name}`)))
        yield* Effect.flatMap(store, (s) =>
          Effect.gen(function*() {
            yield* s.get(freshKey())
            expect(yield* named()).toBe(true)
          })).pipe(Effect.provide(RedisTokenStore.layer({ url: url(), options: { connectionName: name } })))
        yield* named().pipe(
          Effect.filterOrFail((open) => !open),
          Effect.retry(Schedule.spaced("50 millis").pipe(Schedule.upTo("3 seconds")))
        )
      }))

    it.live("Redis never reachable: the layer builds, operations fail fast with TokenStoreError, withLock still runs", () =>
      Effect.gen(function*() {
        const port = yield* Effect.promise(freePort)
        const password = `hunter2-${randomUUID()}`
        const logs = capture()
        const key = freshKey()
        const token = makeToken()
        yield* Effect.gen(function*() {
          const s = yield* store
          const [getError, getMs] = yield* elapsed(Effect.flip(s.get(key)))
          expect(getError).toMatchObject({ _tag: "TokenStoreError", backend: "redis", operation: "get" })
          expect(getMs).toBeLessThan(3_500)
          const setError = yield* Effect.flip(s.set(key, token))
          expect(setError).toMatchObject({ _tag: "TokenStoreError", backend: "redis", operation: "set" })
          const removeError = yield* Effect.flip(s.remove(key))
          expect(removeError).toMatchObject({ _tag: "TokenStoreError", backend: "redis", operation: "remove" })
          const [ran, lockMs] = yield* elapsed(s.withLock(key, Effect.succeed("ran")))
          expect(ran).toBe("ran")
          expect(lockMs).toBeLessThan(3_500)
          for (const e of [getError, setError, removeError]) {
            expect(e.message).not.toContain(password)
            expect(e.message).not.toContain(tokenId(token))
          }
        }).pipe(
          Effect.provide(RedisTokenStore.layer({ url: `redis://:${password}@127.0.0.1:${port}` })),
          Effect.provide(logs.layer)
        )
        expect(logs.warnings().map((l) => l.message)).toContain("TokenStore: lock unavailable, running without it")
        for (const line of logs.lines) {
          expect(line.text).not.toContain(password)
          expect(line.text).not.toContain(tokenId(token))
        }
      }))

    it.scopedLive("Redis going down fails fast; when it comes back the store works again", () =>
      Effect.gen(function*() {
        const server = yield* privateRedis
        const prefix = uniquePrefix("downup")
        const key = freshKey()
        const [before, after] = [makeToken(), makeToken()]
        const logs = capture()
        yield* Effect.gen(function*() {
          const s = yield* store
          yield* s.set(key, before)
          expect(tokenId(Option.getOrThrow(yield* s.get(key)))).toBe(tokenId(before))

          yield* server.stop
          const [getError, getMs] = yield* elapsed(Effect.flip(s.get(key)))
          expect(getError).toMatchObject({ _tag: "TokenStoreError", backend: "redis", operation: "get" })
          expect(getMs).toBeLessThan(3_500)
          const [setError, setMs] = yield* elapsed(Effect.flip(s.set(key, after)))
          expect(setError).toMatchObject({ _tag: "TokenStoreError", operation: "set" })
          expect(setMs).toBeLessThan(3_500)
          const [ran, lockMs] = yield* elapsed(s.withLock(key, Effect.succeed("ran without the lock")))
          expect(ran).toBe("ran without the lock")
          expect(lockMs).toBeLessThan(3_500)

          yield* server.start // empty again: no persistence
          yield* s.set(key, after).pipe(Effect.retry(Schedule.spaced("100 millis").pipe(Schedule.upTo("10 seconds"))))
          expect(tokenId(Option.getOrThrow(yield* s.get(key)))).toBe(tokenId(after))
          expect(yield* s.withLock(key, Effect.succeed("locked again"))).toBe("locked again")
        }).pipe(
          Effect.provide(RedisTokenStore.layer({ url: server.url }, { prefix })),
          Effect.provide(logs.layer)
        )
        expect(logs.warnings().map((l) => l.message)).toContain("TokenStore: lock unavailable, running without it")
        for (const line of logs.lines) {
          expect(line.text).not.toContain(tokenId(before))
          expect(line.text).not.toContain(tokenId(after))
        }
      }), 30_000)
  })
})
