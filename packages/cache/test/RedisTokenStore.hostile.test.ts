/**
 * A Redis written by someone else: huge values, values of other types,
 * planted locks, and a fuzz run of random values at the entry and lock keys.
 * Every outcome is a valid result or a `TokenStoreError`, never a defect or a
 * hang. `FUZZ_RUNS` raises the number of fuzz cases (default 300).
 */
import { describe, expect, it } from "@effect/vitest"
import { Token } from "@effect-keystone/schema"
import * as Cause from "effect/Cause"
import * as Context from "effect/Context"
import * as DateTime from "effect/DateTime"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import * as Layer from "effect/Layer"
import * as Option from "effect/Option"
import * as Redacted from "effect/Redacted"
import type { Redis } from "ioredis"
import { TokenStore } from "../src/index.js"
import * as RedisTokenStore from "../src/RedisTokenStore.js"
import { capture } from "./utils/logs.js"
import { inspectRedis, uniquePrefix, usePrivateRedis } from "./utils/redis.js"
import { freshKey, makeToken } from "./utils/tokens.js"

const server = usePrivateRedis()
const store = TokenStore.TokenStore
const fuzzRuns = Number(process.env.FUZZ_RUNS ?? 300)
const seed = Number(process.env.FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 31))
const encryptionKey = Redacted.make(Buffer.alloc(32, 42).toString("base64"))

const inspector = Effect.suspend(() => inspectRedis(server().url))

/** Fails the test (not the store) when `effect` takes longer than `seconds`. */
const bounded = <A, E, R>(effect: Effect.Effect<A, E, R>, seconds = 10) =>
  Effect.timeoutFail(effect, { duration: Duration.seconds(seconds), onTimeout: () => new Error(`hung for ${seconds}s`) })

const outputBytes = (redis: Redis) =>
  Effect.promise(() => redis.info("stats")).pipe(
    Effect.map((info) => Number(/total_net_output_bytes:(\d+)/.exec(info)?.[1] ?? Number.NaN))
  )

describe("RedisTokenStore.layer against hostile values", () => {
  it.scopedLive("a 100 MB value at the entry key is a miss with a warning, and is never transferred", () =>
    Effect.gen(function*() {
      const redis = yield* inspector
      const prefix = uniquePrefix("huge")
      const key = freshKey()
      yield* Effect.promise(() => redis.setrange(`${prefix}token:${key}`, 100 * 1024 * 1024 - 1, "x"))
      const logs = capture()
      const before = yield* outputBytes(redis)
      const got = yield* bounded(Effect.flatMap(store, (s) => s.get(key))).pipe(
        Effect.provide(RedisTokenStore.layer({ url: server().url }, { prefix })),
        Effect.provide(logs.layer)
      )
      const sent = (yield* outputBytes(redis)) - before
      expect(got).toEqual(Option.none())
      expect(sent).toBeLessThan(64 * 1024)
      expect(logs.warnings()[0]!.annotations).toMatchObject({ backend: "redis", key })
      expect(String(logs.warnings()[0]!.annotations.reason)).toMatch(/^too large \(104857600 bytes/)
      yield* Effect.promise(() => redis.del(`${prefix}token:${key}`))
    }), 30_000)

  for (
    const [kind, plant] of [
      ["hash", (r: Redis, k: string) => r.hset(k, "token", "x")],
      ["list", (r: Redis, k: string) => r.rpush(k, "x")],
      ["set", (r: Redis, k: string) => r.sadd(k, "x")],
      ["zset", (r: Redis, k: string) => r.zadd(k, 1, "x")]
    ] as const
  ) {
    it.scopedLive(`a ${kind} at the entry key is a miss with a warning; set replaces it`, () =>
      Effect.gen(function*() {
        const redis = yield* inspector
        const prefix = uniquePrefix("types")
        const key = freshKey()
        yield* Effect.promise(() => plant(redis, `${prefix}token:${key}`))
        const logs = capture()
        const token = makeToken()
        const [before, after] = yield* Effect.flatMap(store, (s) =>
          Effect.all([s.get(key), Effect.zipRight(s.set(key, token), s.get(key))])).pipe(
            Effect.provide(RedisTokenStore.layer({ url: server().url }, { prefix })),
            Effect.provide(logs.layer)
          )
        expect(before).toEqual(Option.none())
        expect(logs.warnings()[0]!.annotations).toMatchObject({ key, reason: `not a string (${kind})` })
        expect(Token.equivalence(Option.getOrThrow(after), token)).toBe(true)
        yield* Effect.promise(() => redis.del(`${prefix}token:${key}`))
      }))
  }

  for (
    const [kind, plant] of [
      ["a string without expiry", (r: Redis, k: string): Promise<unknown> => r.set(k, "planted")],
      ["a hash", (r: Redis, k: string) => r.hset(k, "owner", "planted")]
    ] as const
  ) {
    it.scopedLive(`${kind} at the lock key is not waited for (this library never writes one)`, () =>
      Effect.gen(function*() {
        const redis = yield* inspector
        const prefix = uniquePrefix("planted-lock")
        const key = freshKey()
        yield* Effect.promise(() => plant(redis, `${prefix}lock:${key}`))
        const logs = capture()
        const result = yield* bounded(Effect.flatMap(store, (s) => s.withLock(key, Effect.succeed("ran")))).pipe(
          Effect.provide(RedisTokenStore.layer({ url: server().url }, { prefix, lockWaitTimeout: "1 hour" })),
          Effect.provide(logs.layer)
        )
        expect(result).toBe("ran")
        expect(logs.warnings()).toEqual([]) // it ran holding the lock, not without it
        expect(yield* Effect.promise(() => redis.exists(`${prefix}lock:${key}`))).toBe(0)
      }))
  }

  it.scopedLive("set refuses an entry over maxEntryBytes with TokenStoreError, and writes nothing", () =>
    Effect.gen(function*() {
      const redis = yield* inspector
      const prefix = uniquePrefix("cap")
      const key = freshKey()
      const error = yield* Effect.flip(Effect.flatMap(store, (s) => s.set(key, makeToken({ services: 30 })))).pipe(
        Effect.provide(RedisTokenStore.layer({ url: server().url }, { prefix, maxEntryBytes: 1_000 }))
      )
      expect(error).toMatchObject({ _tag: "TokenStoreError", backend: "redis", operation: "set" })
      expect(error.message).toContain("maxEntryBytes")
      expect(yield* Effect.promise(() => redis.exists(`${prefix}token:${key}`))).toBe(0)
    }))
})

/** mulberry32: a small seeded generator, so a failing case can be replayed with FUZZ_SEED. */
const generator = (initial: number) => {
  let a = initial >>> 0
  const next = () => {
    a = (a + 0x6D2B79F5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  const int = (n: number) => Math.floor(next() * n)
  const pick = <A>(items: ReadonlyArray<A>): A => items[int(items.length)]!
  const bytes = (n: number) => Buffer.from(Array.from({ length: n }, () => int(256)))
  const mutate = (s: string) => {
    if (s.length === 0) return "x"
    const i = int(s.length)
    return pick([
      () => s.slice(0, i),
      () => `${s.slice(0, i)}${String.fromCharCode(32 + int(95))}${s.slice(i + 1)}`,
      () => `${s.slice(0, i)}${s.slice(i + 1)}`,
      () => `${s.slice(0, i)}\u0000\uFFFD${s.slice(i)}`
    ])()
  }
  return { int, pick, bytes, mutate }
}

/** Writes a value at `redisKey`; `sealed` is a genuine encrypted entry for the same store key. */
type Plant = (redis: Redis, redisKey: string, sealed: string) => Promise<unknown>

describe("RedisTokenStore.layer fuzz", () => {
  it.scopedLive(
    `${fuzzRuns} random values at entry and lock keys (plain and encrypted stores): valid results or TokenStoreError, each bounded (seed ${seed})`,
    () =>
      Effect.gen(function*() {
        const redis = yield* inspector
        const rng = generator(seed)
        const prefix = uniquePrefix("fuzz")
        const options = { prefix, lockWaitTimeout: "150 millis", timeout: "3 seconds" } as const
        const plainLayer = RedisTokenStore.layer({ url: server().url }, options)
        const plain = yield* Layer.build(plainLayer)
        const encrypted = yield* Layer.build(
          TokenStore.layerEncrypted({ keys: [encryptionKey] }).pipe(Layer.provide(plainLayer))
        )
        const stores = [Context.get(plain, store), Context.get(encrypted, store)] as const
        // genuine entries to tamper with: an envelope, and one sealed for each case's own key
        const sealedToken = makeToken()
        const envelope = TokenStore.encode(makeToken(), yield* DateTime.now)
        const expired = TokenStore.encode(makeToken({ expiresAt: DateTime.unsafeMake(0) }), yield* DateTime.now)

        const values: ReadonlyArray<Plant> = [
          (r, k) => r.set(k, rng.bytes(rng.int(2048))),
          (r, k) => r.set(k, rng.bytes(rng.int(64)).toString("utf8")),
          (r, k) => r.set(k, JSON.stringify({ v: rng.pick([1, 2, "1", null]), storedAt: rng.int(1e9), token: { id: rng.int(9) } })),
          (r, k) => r.set(k, rng.mutate(envelope)),
          (r, k) => r.set(k, rng.pick([envelope, expired, "", "{}", "null", "[]", "ek1", "ek1...."])),
          (r, k, sealed) => r.set(k, rng.mutate(sealed)),
          (r, k, sealed) => r.set(k, rng.mutate(rng.mutate(sealed))),
          (r, k) => r.hset(k, "f", rng.bytes(16)),
          (r, k) => r.rpush(k, "a", "b"),
          (r, k) => r.sadd(k, "a"),
          (r, k) => r.zadd(k, 1, "a"),
          (r, k) => r.xadd(k, "*", "f", "v"),
          (r, k) => r.set(k, "planted", "PX", 1 + rng.int(300)),
          (r, k) => r.setrange(k, (2 + rng.int(5)) * 1024 * 1024, "x") // 2-7 MB, either side of the 4 MiB cap
        ]
        const operations = ["get", "set", "remove", "withLock"] as const
        const counts: Record<string, number> = { ok: 0, miss: 0, hit: 0, storeError: 0 }
        for (let run = 0; run < fuzzRuns; run++) {
          const key = freshKey()
          const target = rng.pick(["token", "lock"] as const)
          const valueIndex = rng.int(values.length)
          const huge = valueIndex === values.length - 1
          if (huge && rng.int(10) !== 0) continue // keep the multi-MB cases rare
          yield* stores[1].set(key, sealedToken)
          const sealed = (yield* Effect.promise(() => redis.getdel(`${prefix}token:${key}`)))!
          yield* Effect.promise(() => values[valueIndex]!(redis, `${prefix}${target}:${key}`, sealed))
          const s = rng.pick(stores)
          const operation = rng.pick(operations)
          const effect: Effect.Effect<unknown, TokenStore.TokenStoreError> = operation === "get"
            ? s.get(key)
            : operation === "set"
            ? s.set(key, makeToken())
            : operation === "remove"
            ? s.remove(key)
            : s.withLock(key, Effect.succeed("ran"))
          const exit = yield* Effect.exit(bounded(effect).pipe(Effect.provide(capture().layer)))
          const where = `seed ${seed}, run ${run}, value #${valueIndex} at ${target}, ${operation} on ${s === stores[0] ? "plain" : "encrypted"}`
          if (Exit.isFailure(exit)) {
            const failure = Cause.failureOption(exit.cause)
            expect(Cause.isDie(exit.cause), `a defect (${where})`).toBe(false)
            expect(Option.getOrUndefined(failure), where).toBeInstanceOf(TokenStore.TokenStoreError)
            counts.storeError!++
          } else if (operation === "get") {
            const got = exit.value as Option.Option<Token.Token>
            if (Option.isSome(got)) {
              expect(got.value, where).toBeInstanceOf(Token.Token)
              // the encrypted store adopts nothing but what it sealed itself (a change that
              // leaves the decoded bytes as they were, in a last base64 digit, is no change)
              if (s === stores[1]) expect(Token.equivalence(got.value, sealedToken), where).toBe(true)
              counts.hit!++
            } else counts.miss!++
          } else {
            if (operation === "withLock") expect(exit.value, where).toBe("ran")
            counts.ok!++
          }
          yield* Effect.promise(() => redis.del(`${prefix}token:${key}`, `${prefix}lock:${key}`))
        }
        expect(counts.ok! + counts.miss! + counts.hit! + counts.storeError!).toBeGreaterThan(fuzzRuns / 2)
        expect(yield* Effect.promise(() => redis.keys(`${prefix}lock:*`))).toEqual([])
      }),
    30_000 + fuzzRuns * 100
  )
})
