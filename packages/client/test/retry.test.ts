import { Fault } from "@effect-keystone/testing"
import { describe, expect, it } from "@effect/vitest"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Fiber from "effect/Fiber"
import * as Option from "effect/Option"
import * as Schedule from "effect/Schedule"
import * as TestClock from "effect/TestClock"
import { demoPassword, runWithClock, withSim } from "./utils.js"

const ISSUE = "POST /v3/auth/tokens"
const issue = { credentials: demoPassword }

describe("retries", () => {
  it.effect("503s are retried with backoff from 200 ms (±20% jitter), then succeed; issue (POST) included", () =>
    withSim((sim, client) =>
      Effect.gen(function*() {
        yield* sim.inject(Fault.status(503, { count: 2, route: ISSUE }))
        const fiber = yield* Effect.fork(client.issue(issue))
        yield* TestClock.adjust("1 millis")
        expect(yield* sim.count(ISSUE)).toBe(1)
        yield* TestClock.adjust("158 millis") // below the shortest first pause (160 ms)
        expect(yield* sim.count(ISSUE)).toBe(1)
        yield* TestClock.adjust("82 millis") // past the longest (240 ms)
        expect(yield* sim.count(ISSUE)).toBe(2)
        yield* TestClock.adjust("480 millis") // second pause: 320–480 ms
        expect(yield* sim.count(ISSUE)).toBe(3)
        const token = yield* Fiber.join(fiber)
        expect(token.version).toBe("v3")
      })))

  it.effect("Retry-After in seconds is honoured: nothing before, the retry right after", () =>
    withSim((sim, client) =>
      Effect.gen(function*() {
        yield* sim.inject(Fault.status(503, { retryAfter: 3, route: ISSUE }))
        const fiber = yield* Effect.fork(client.issue(issue))
        yield* TestClock.adjust("2999 millis")
        expect(yield* sim.count(ISSUE)).toBe(1)
        expect(Option.isNone(yield* Fiber.poll(fiber))).toBe(true)
        yield* TestClock.adjust("1 millis")
        expect(yield* sim.count(ISSUE)).toBe(2)
        yield* Fiber.join(fiber)
      })))

  it.effect("Retry-After as an HTTP-date (429 RateLimited) is honoured", () =>
    withSim((sim, client) =>
      Effect.gen(function*() {
        yield* TestClock.setTime(Date.UTC(2030, 0, 1, 12, 0, 0))
        const at = new Date(Date.UTC(2030, 0, 1, 12, 0, 7)).toUTCString() // 7 s from "now"
        yield* sim.inject(Fault.status(429, { retryAfter: at, route: ISSUE }))
        const fiber = yield* Effect.fork(client.issue(issue))
        yield* TestClock.adjust("6900 millis")
        expect(yield* sim.count(ISSUE)).toBe(1)
        yield* TestClock.adjust("100 millis")
        expect(yield* sim.count(ISSUE)).toBe(2)
        yield* Fiber.join(fiber)
      })))

  it.effect("the error carries retryAfter", () =>
    withSim((sim, client) =>
      Effect.gen(function*() {
        yield* sim.inject(Fault.status(429, { retryAfter: 12 }))
        const error = yield* Effect.flip(client.issue(issue))
        expect(error._tag).toBe("RateLimited")
        if (error._tag === "RateLimited") expect(error.retryAfter && Duration.toMillis(error.retryAfter)).toBe(12_000)
      }), { retry: false }))

  it.effect("a Retry-After beyond the remaining budget fails now, without sleeping", () =>
    withSim((sim, client) =>
      Effect.gen(function*() {
        yield* sim.inject(Fault.status(503, { retryAfter: 60, route: ISSUE }))
        const error = yield* Effect.flip(client.issue(issue)) // no clock moves needed
        expect(error._tag).toBe("ServiceUnavailable")
        expect(yield* sim.count(ISSUE)).toBe(1)
      })))

  it.effect("bounded by count: 5 attempts by default", () =>
    withSim((sim, client) =>
      Effect.gen(function*() {
        yield* sim.inject(Fault.status(503, { count: Infinity }))
        const started = yield* Effect.clockWith((c) => c.currentTimeMillis)
        const error = yield* Effect.flip(runWithClock(client.issue(issue), "10 millis"))
        const elapsed = (yield* Effect.clockWith((c) => c.currentTimeMillis)) - started
        expect(error._tag).toBe("ServiceUnavailable")
        expect(yield* sim.count(ISSUE)).toBe(5)
        // 200 + 400 + 800 + 1600 ms, ±20%
        expect(elapsed).toBeGreaterThanOrEqual(2400)
        expect(elapsed).toBeLessThanOrEqual(3610)
      })))

  it.effect("maxAttempts is an option", () =>
    withSim((sim, client) =>
      Effect.gen(function*() {
        yield* sim.inject(Fault.status(502, { count: Infinity }))
        yield* Effect.flip(runWithClock(client.issue(issue), "10 millis"))
        expect(yield* sim.count(ISSUE)).toBe(2)
      }), { retry: { maxAttempts: 2 } }))

  it.effect("bounded by budget: 1 s allows 3 attempts (the third pause would overrun it)", () =>
    withSim((sim, client) =>
      Effect.gen(function*() {
        yield* sim.inject(Fault.status(504, { count: Infinity }))
        const error = yield* Effect.flip(runWithClock(client.issue(issue), "10 millis"))
        expect(error._tag).toBe("ServiceUnavailable")
        expect(yield* sim.count(ISSUE)).toBe(3)
      }), { retry: { budget: "1 second" } }))

  it.effect("the cap bounds each pause", () =>
    withSim((sim, client) =>
      Effect.gen(function*() {
        yield* sim.inject(Fault.status(503, { count: 3 }))
        const fiber = yield* Effect.fork(client.issue(issue))
        yield* TestClock.adjust("1 millis")
        for (const n of [2, 3, 4]) {
          yield* TestClock.adjust("300 millis")
          expect(yield* sim.count(ISSUE)).toBe(n)
        }
        yield* Fiber.join(fiber)
      }), { retry: { base: "250 millis", cap: "300 millis" } }))

  it.effect("retry: false sends once", () =>
    withSim((sim, client) =>
      Effect.gen(function*() {
        yield* sim.inject(Fault.status(503, { count: Infinity }))
        yield* Effect.flip(client.issue(issue))
        expect(yield* sim.count()).toBe(1)
      }), { retry: false }))

  it.effect("a custom schedule replaces the backoff; the budget still applies", () =>
    withSim((sim, client) =>
      Effect.gen(function*() {
        yield* sim.inject(Fault.status(503, { count: Infinity }))
        const fiber = yield* Effect.fork(client.issue(issue))
        yield* TestClock.adjust("999 millis")
        expect(yield* sim.count(ISSUE)).toBe(1)
        yield* TestClock.adjust("1 millis")
        expect(yield* sim.count(ISSUE)).toBe(2)
        yield* TestClock.adjust("10 seconds")
        yield* Fiber.await(fiber)
        // every second until the 3.5 s budget: attempts at 0, 1, 2, 3 s
        expect(yield* sim.count(ISSUE)).toBe(4)
      }), { retry: { schedule: Schedule.spaced("1 second"), budget: "3500 millis" } }))

  it.effect("a custom schedule that stops stops the retries", () =>
    withSim((sim, client) =>
      Effect.gen(function*() {
        yield* sim.inject(Fault.status(503, { count: Infinity }))
        yield* Effect.flip(runWithClock(client.issue(issue), "50 millis"))
        expect(yield* sim.count(ISSUE)).toBe(3)
      }), { retry: { schedule: Schedule.intersect(Schedule.spaced("100 millis"), Schedule.recurs(2)) } }))

  it.effect("validate, check, revoke and endpoints retry too", () =>
    withSim((sim, client) =>
      Effect.gen(function*() {
        const token = yield* client.issue(issue)
        yield* sim.resetCounts
        for (const route of ["GET /v3/auth/tokens", "HEAD /v3/auth/tokens", "GET /v3/auth/catalog", "DELETE /v3/auth/tokens"]) {
          yield* sim.inject(Fault.status(503, { route }))
        }
        yield* runWithClock(
          Effect.all([client.validate(token), client.check(token), client.endpoints(token), client.revoke(token)]),
          "50 millis"
        )
        expect(yield* sim.count()).toBe(8)
      })))
})
