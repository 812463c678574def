/**
 * Memo, the one keyed single flight of the packages (the client's version
 * discovery and issued caller token, the session's verdicts after a 401,
 * ServiceClient's version discovery): one lookup per key at a time,
 * successes kept as long as `keepFor` says, failures never, a waiter whose
 * runner was interrupted looks up again, and the lookup runs in the context
 * of the caller that runs it.
 */
import { Memo } from "@effect-keystone/client"
import { describe, expect, it } from "@effect/vitest"
import * as Context from "effect/Context"
import * as Deferred from "effect/Deferred"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Fiber from "effect/Fiber"
import * as TestClock from "effect/TestClock"

class Caller extends Context.Tag("test/Caller")<Caller, string>() {}

/** Forks `effect` and returns once its fiber is suspended (waiting on a lookup, its own or another's). */
const waiting = <A, E>(effect: Effect.Effect<A, E>) =>
  Effect.gen(function*() {
    const fiber = yield* Effect.fork(effect)
    while ((yield* fiber.status)._tag !== "Suspended") yield* Effect.yieldNow()
    return fiber
  })

/** A memo whose lookups are counted per key and wait for `gate` (open unless a test closes it). */
const counting = <E>(options: {
  readonly keepFor: (value: string) => Duration.DurationInput
  readonly fails?: (key: string, run: number) => E | undefined
  readonly gate?: Deferred.Deferred<void>
}) =>
  Effect.gen(function*() {
    const runs = new Map<string, number>()
    const memo = yield* Memo.make({
      capacity: 8,
      lookup: (key: string) =>
        Effect.gen(function*() {
          const run = (runs.get(key) ?? 0) + 1
          runs.set(key, run)
          if (options.gate !== undefined) yield* Deferred.await(options.gate)
          const error = options.fails?.(key, run)
          if (error !== undefined) return yield* Effect.fail(error)
          return `${key} #${run}`
        }),
      keepFor: options.keepFor
    })
    return { memo, runs: (key: string) => runs.get(key) ?? 0 }
  })

describe("Memo", () => {
  it.effect("one lookup per key however many ask at once; each key its own", () =>
    Effect.gen(function*() {
      const gate = yield* Deferred.make<void>()
      const { memo, runs } = yield* counting({ keepFor: () => Duration.infinity, gate })
      const fibers = yield* Effect.forEach(["a", "b", "a", "b", "a"], (key) => waiting(memo.get(key)))
      yield* Deferred.succeed(gate, undefined)
      expect(yield* Effect.forEach(fibers, Fiber.join)).toEqual(["a #1", "b #1", "a #1", "b #1", "a #1"])
      expect(yield* memo.get("a")).toBe("a #1")
      expect([runs("a"), runs("b")]).toEqual([1, 1])
    }))

  it.effect("a success is kept for keepFor, then looked up again", () =>
    Effect.gen(function*() {
      const { memo, runs } = yield* counting({ keepFor: () => Duration.minutes(1) })
      expect(yield* memo.get("a")).toBe("a #1")
      yield* TestClock.adjust("59 seconds")
      expect(yield* memo.get("a")).toBe("a #1")
      yield* TestClock.adjust("2 seconds")
      expect(yield* memo.get("a")).toBe("a #2")
      expect(runs("a")).toBe(2)
    }))

  it.effect("a failure goes to those who waited for it, and is not kept (no time needs to pass)", () =>
    Effect.gen(function*() {
      const gate = yield* Deferred.make<void>()
      const { memo, runs } = yield* counting({
        keepFor: () => Duration.infinity,
        fails: (_, run) => (run === 1 ? "down" : undefined),
        gate
      })
      const both = yield* Effect.forEach([1, 2], () => waiting(Effect.flip(memo.get("a"))))
      yield* Deferred.succeed(gate, undefined)
      expect(yield* Effect.forEach(both, Fiber.join)).toEqual(["down", "down"])
      expect(yield* memo.get("a")).toBe("a #2")
      expect(runs("a")).toBe(2)
    }))

  it.effect("a success kept for no time goes to those who waited for it, then is looked up again", () =>
    Effect.gen(function*() {
      const gate = yield* Deferred.make<void>()
      const { memo, runs } = yield* counting({ keepFor: (value) => (value.endsWith("#1") ? Duration.zero : Duration.infinity), gate })
      const both = yield* Effect.forEach([1, 2], () => waiting(memo.get("a")))
      yield* Deferred.succeed(gate, undefined)
      expect(yield* Effect.forEach(both, Fiber.join)).toEqual(["a #1", "a #1"])
      expect(yield* memo.get("a")).toBe("a #2")
      expect(yield* memo.get("a")).toBe("a #2")
      expect(runs("a")).toBe(2)
    }))

  it.effect("a waiter whose runner was interrupted looks up again instead of ending as interrupted", () =>
    Effect.gen(function*() {
      const gate = yield* Deferred.make<void>()
      const { memo, runs } = yield* counting({ keepFor: () => Duration.infinity, gate })
      const runner = yield* waiting(memo.get("a"))
      const waiter = yield* waiting(memo.get("a"))
      expect(runs("a")).toBe(1)
      yield* Fiber.interrupt(runner)
      yield* Deferred.succeed(gate, undefined)
      expect(yield* Fiber.join(waiter)).toBe("a #2")
      expect(runs("a")).toBe(2)
    }))

  it.effect("the lookup runs in the context of the caller that runs it", () =>
    Effect.gen(function*() {
      const memo = yield* Memo.make({
        capacity: 8,
        lookup: (key: string) => Effect.map(Effect.serviceOption(Caller), (caller) => `${key} for ${caller._tag === "Some" ? caller.value : "nobody"}`),
        keepFor: () => Duration.infinity
      }).pipe(Effect.provideService(Caller, "the maker"))
      expect(yield* Effect.provideService(memo.get("a"), Caller, "the first caller")).toBe("a for the first caller")
      expect(yield* Effect.provideService(memo.get("a"), Caller, "the second caller")).toBe("a for the first caller")
      expect(yield* memo.get("b")).toBe("b for nobody")
    }))

  it.effect("invalidateWhen forgets the kept value only when it matches", () =>
    Effect.gen(function*() {
      const { memo } = yield* counting({ keepFor: () => Duration.infinity })
      expect(yield* memo.get("a")).toBe("a #1")
      yield* memo.invalidateWhen("a", (value) => value === "a #0")
      expect(yield* memo.get("a")).toBe("a #1")
      yield* memo.invalidateWhen("a", (value) => value === "a #1")
      expect(yield* memo.get("a")).toBe("a #2")
    }))
})
