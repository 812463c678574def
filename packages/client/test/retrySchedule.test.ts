import { KeystoneError, Retry } from "@effect-keystone/client"
import { describe, expect, it } from "@effect/vitest"
import * as Chunk from "effect/Chunk"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import * as Fiber from "effect/Fiber"
import * as Schedule from "effect/Schedule"
import * as TestClock from "effect/TestClock"

const delays = <In>(schedule: Schedule.Schedule<unknown, In>, inputs: ReadonlyArray<In>) =>
  Effect.map(Schedule.run(Schedule.delays(schedule), 0, inputs), (c) => Chunk.toArray(c).map(Duration.toMillis))

const unavailable = (retryAfter?: Duration.Duration) =>
  new KeystoneError.ServiceUnavailable({ status: 503, message: "", method: "GET", url: "u", retryAfter })

describe("Retry", () => {
  it.effect("backoff: exponential from base, ×0.8–1.2 jitter, never above the cap", () =>
    Effect.gen(function*() {
      const got = yield* delays(Retry.backoff({ base: "100 millis", cap: "1 second" }), Array(8).fill(undefined))
      const expected = [100, 200, 400, 800]
      expected.forEach((e, i) => {
        expect(got[i]!).toBeGreaterThanOrEqual(e * 0.8)
        expect(got[i]!).toBeLessThanOrEqual(e * 1.2)
      })
      expect(got.slice(5)).toEqual([1000, 1000, 1000])
      const slow = yield* delays(Retry.backoff({ base: "10 millis", cap: "1 second", factor: 1.5 }), [0, 0, 0])
      expect(slow[2]!).toBeGreaterThanOrEqual(22.5 * 0.8)
      expect(slow[2]!).toBeLessThanOrEqual(22.5 * 1.2)
    }))

  it.effect("honourRetryAfter: at least the Retry-After, at most the cap for it", () =>
    Effect.gen(function*() {
      const schedule = Schedule.spaced("1 second").pipe(Retry.honourRetryAfter("10 seconds"))
      expect(yield* delays(schedule, [unavailable(), unavailable(Duration.seconds(3)), unavailable(Duration.days(1))]))
        .toEqual([1000, 3000, 10_000])
      expect(Duration.toMillis(Retry.retryAfter(unavailable(Duration.seconds(3))))).toBe(3000)
      expect(Duration.toMillis(Retry.retryAfter(unavailable()))).toBe(0)
    }))

  it.effect("within: a pause that would end past the budget is not taken; the attempt is told the time left", () =>
    Effect.gen(function*() {
      const left: Array<number> = []
      const fiber = yield* Effect.fork(
        Retry.within(
          (timeLeft) => Effect.suspend(() => (left.push(Duration.toMillis(timeLeft)), Effect.fail("busy"))),
          Schedule.spaced("400 millis"),
          "1 second"
        )
      )
      yield* TestClock.adjust("2 seconds")
      const exit = yield* Fiber.await(fiber)
      expect(exit).toEqual(Exit.fail("busy"))
      // attempts at 0, 400 and 800 ms; a pause to 1200 ms would outrun the budget
      expect(left).toEqual([1000, 600, 200])
    }))
})
