import { describe, expect, it } from "@effect/vitest"
import * as Deferred from "effect/Deferred"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import * as Fiber from "effect/Fiber"
import * as Lru from "../src/internal/lru.js"
import { sha256Hex, sha256HexPortable } from "../src/internal/digest.js"

const now = () => 1_000

describe("the validation cache's LRU", () => {
  it("serves a value until its end, the least recently used out first beyond capacity", () => {
    const lru = Lru.make<string, never>(2)
    const put = (key: string, untilMillis = 2_000) => Effect.runSync(lru.resolve(key, Effect.succeed({ value: key, untilMillis }), now))
    put("a")
    put("b")
    expect(lru.get("a", 1_000)).toBe("a") // b is now the least recently used
    put("c")
    expect(lru.get("b", 1_000)).toBeUndefined()
    expect([lru.get("a", 1_000), lru.get("c", 1_000)]).toEqual(["a", "c"])
    expect(lru.get("a", 2_000)).toBeUndefined()
    put("gone", 1_000) // already ended: answered, never stored
    expect(lru.get("gone", 999)).toBeUndefined()
    expect(lru.size()).toBe(1)
  })

  it("a value used at least once per capacity / 2 stores is never evicted; an unused one goes", () => {
    const lru = Lru.make<string, never>(8)
    const put = (key: string) => Effect.runSync(lru.resolve(key, Effect.succeed({ value: key, untilMillis: 2_000 }), now))
    put("hot")
    put("cold")
    for (let i = 0; i < 100; i++) {
      put(`k${i}`)
      if (i % 4 === 3) expect(lru.get("hot", 1_000)).toBe("hot")
    }
    expect(lru.get("cold", 1_000)).toBeUndefined()
    expect(lru.size()).toBe(8)
  })

  it.effect("single flight: callers arriving during a lookup wait for it; a failure reaches them all and is not stored", () =>
    Effect.gen(function*() {
      const lru = Lru.make<string, string>(10)
      const gate = yield* Deferred.make<void>()
      let lookups = 0
      const failing = Effect.zipRight(
        Effect.sync(() => lookups++),
        Effect.zipRight(Deferred.await(gate), Effect.fail("Keystone down"))
      )
      const fibers = yield* Effect.forEach(Array.from({ length: 50 }), () => Effect.fork(lru.resolve("k", failing, now)))
      yield* Effect.yieldNow()
      yield* Deferred.succeed(gate, undefined)
      for (const fiber of fibers) expect(yield* Fiber.await(fiber)).toEqual(Exit.fail("Keystone down"))
      expect(lookups).toBe(1)
      expect(lru.get("k", 1_000)).toBeUndefined()
      // the next lookup: one caller runs it, the others join it
      const gate2 = yield* Deferred.make<void>()
      const succeeding = Effect.as(Deferred.await(gate2), { value: "v", untilMillis: 2_000 })
      const joined = yield* Effect.forEach(Array.from({ length: 5 }), () => Effect.fork(lru.resolve("k", succeeding, now)))
      yield* Effect.yieldNow()
      yield* Deferred.succeed(gate2, undefined)
      const answers = yield* Effect.forEach(joined, Fiber.join)
      expect(answers.map((a) => a.value)).toEqual(["v", "v", "v", "v", "v"])
      expect(answers.filter((a) => a.ran).length).toBe(1)
      expect(lru.get("k", 1_000)).toBe("v")
    }))

  it.effect("a lookup running while the cache is cleared (revocations overflowed) does not store what it found", () =>
    Effect.gen(function*() {
      const lru = Lru.make<string, never>(10)
      const gate = yield* Deferred.make<void>()
      const fiber = yield* Effect.fork(lru.resolve("k", Effect.as(Deferred.await(gate), { value: "old", untilMillis: 2_000 }), now))
      yield* Effect.yieldNow()
      lru.clear()
      yield* Deferred.succeed(gate, undefined)
      expect(yield* Fiber.join(fiber)).toEqual({ value: "old", ran: true })
      expect(lru.get("k", 1_000)).toBeUndefined()
    }))

  it("removeWhere drops the values it selects", () => {
    const lru = Lru.make<number, never>(10)
    for (const n of [1, 2, 3, 4]) Effect.runSync(lru.resolve(`${n}`, Effect.succeed({ value: n, untilMillis: 2_000 }), now))
    expect(lru.removeWhere((n) => n % 2 === 0)).toBe(2)
    expect([1, 2, 3, 4].map((n) => lru.get(`${n}`, 1_000))).toEqual([1, undefined, 3, undefined])
  })
})

describe("the cache key's digest", () => {
  it("is SHA-256, the same through the runtime's crypto.hash and the portable implementation", () => {
    const vectors: ReadonlyArray<readonly [string, string]> = [
      ["", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"],
      ["abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"]
    ]
    for (const [text, hex] of vectors) {
      expect(sha256Hex(text)).toBe(hex)
      expect(sha256HexPortable(text)).toBe(hex)
    }
    for (const text of ["gAAAAAB" + "x".repeat(200), "Łukasz 中 🔑", "lone \ud800 surrogate"]) {
      expect(sha256Hex(text)).toBe(sha256HexPortable(text))
    }
  })
})
