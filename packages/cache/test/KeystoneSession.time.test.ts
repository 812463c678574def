/**
 * KeystoneSession against time: a month of renewals, Keystone outages across
 * the renewal point, and local clocks 15 minutes off Keystone's. TestClock
 * drives the simulator's clock and the session's alike.
 */
import { describe, expect, it } from "@effect/vitest"
import { Token } from "@effect-keystone/schema"
import { Fault } from "@effect-keystone/testing"
import * as DateTime from "effect/DateTime"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Option from "effect/Option"
import * as Supervisor from "effect/Supervisor"
import * as TestClock from "effect/TestClock"
import * as Deadline from "../src/internal/deadline.js"
import { idOf, ISSUE, makeEnv, makeSession, skewed } from "./utils/session.js"

const MIN = 60_000
const HOUR = 60 * MIN

/** Milliseconds until Keystone (whose clock is the TestClock) considers `t` expired. */
const remainingOnKeystone = (t: Token.Token) =>
  Effect.map(DateTime.now, (now) => DateTime.toEpochMillis(Option.getOrThrow(t.expiresAt)) - DateTime.toEpochMillis(now))

/**
 * With 1-hour tokens and the default margin (6 min), renewals come every
 * 60 − 6 − jitter minutes, jitter uniform in [0, 6/4]: between 52.5 and 54.
 */
const expectedRenewals = (spanMillis: number) => {
  const margin = Deadline.margin(HOUR, undefined)
  const longest = HOUR - margin
  const shortest = longest - margin * Deadline.jitterShare
  return { min: Math.floor(spanMillis / longest) - 1, max: Math.ceil(spanMillis / shortest) + 1 }
}

describe("KeystoneSession over time", () => {
  it.scoped("30 days on 1-hour tokens: ~800 renewals, never an expired token, no fiber growth", () =>
    Effect.gen(function*() {
      const supervisor = yield* Supervisor.track
      const run = Effect.gen(function*() {
        const env = yield* makeEnv()
        const session = yield* makeSession(env)
        const margin = Deadline.margin(HOUR, undefined)
        const step = Duration.minutes(20)
        const days = 30
        const steps = (days * 24 * HOUR) / Duration.toMillis(step)
        let fibersAfterDay1 = 0
        let minRemaining = Infinity
        let distinct = 0
        let last = ""
        for (let i = 0; i < steps; i++) {
          yield* TestClock.adjust(step)
          const t = yield* session.token
          // every token handed out is unexpired on Keystone's clock, with at least the margin left
          const left = yield* remainingOnKeystone(t)
          minRemaining = Math.min(minRemaining, left)
          if (left < margin) throw new Error(`token with ${left} ms left at step ${i}`)
          if (idOf(t) !== last) {
            distinct++
            last = idOf(t)
          }
          if (i % 72 === 0) {
            // and Keystone itself agrees, once a day
            expect(yield* env.client.check(t)).toBe(true)
          }
          if (i === 72) fibersAfterDay1 = (yield* supervisor.value).length
        }
        const renewals = (yield* env.sim.count(ISSUE)) - 1
        const expected = expectedRenewals(days * 24 * HOUR)
        expect(renewals).toBeGreaterThanOrEqual(expected.min)
        expect(renewals).toBeLessThanOrEqual(expected.max)
        expect(renewals).toBeGreaterThanOrEqual(700)
        expect(renewals).toBeLessThanOrEqual(830)
        expect(distinct).toBe(renewals + 1)
        expect(minRemaining).toBeGreaterThanOrEqual(margin)
        const fibersAtEnd = (yield* supervisor.value).length
        expect(fibersAtEnd).toBeLessThanOrEqual(fibersAfterDay1)
      })
      yield* Effect.supervised(run, supervisor)
    }), { timeout: 120_000 })

  it.scoped("an idle session holds one fiber: after its first token, across a renewal, after invalidate, after a failed refresh", () =>
    Effect.gen(function*() {
      const supervisor = yield* Supervisor.track
      // the fibers still running once every fiber that can finish has (a renewal's ends just after it answers)
      const live = Effect.zipRight(Effect.repeatN(Effect.yieldNow(), 20), Effect.map(supervisor.value, (fibers) => fibers.length))
      const run = Effect.gen(function*() {
        const env = yield* makeEnv({ client: { retry: false } })
        const session = yield* makeSession(env)
        const first = yield* session.token
        expect(yield* live).toBe(1)
        // the sleeping fiber renews on its own, and sleeps again
        yield* TestClock.adjust("55 minutes")
        expect(yield* env.sim.count(ISSUE)).toBe(2)
        const second = yield* session.token
        expect(idOf(second)).not.toBe(idOf(first))
        expect(yield* live).toBe(1)
        // invalidated, it renews at once, with no token call
        yield* session.invalidate(second)
        yield* TestClock.adjust("1 second")
        expect(yield* env.sim.count(ISSUE)).toBe(3)
        expect(yield* live).toBe(1)
        // a refresh that fails is retried in the background after its pause (seconds, not at the next refresh time)
        yield* env.sim.inject(Fault.status(503, { route: ISSUE, count: 1 }))
        expect((yield* Effect.flip(session.refresh))._tag).toBe("ServiceUnavailable")
        expect(yield* env.sim.count(ISSUE)).toBe(4)
        yield* TestClock.adjust("1 minute")
        expect(yield* env.sim.count(ISSUE)).toBe(5)
        expect(yield* live).toBe(1)
      })
      yield* Effect.supervised(run, supervisor)
    }))

  it.scoped("Keystone down across the renewal point: old token served until expiry, then the typed error, then recovery", () =>
    Effect.gen(function*() {
      const env = yield* makeEnv()
      const session = yield* makeSession(env)
      const first = yield* session.token
      yield* TestClock.adjust("50 minutes")
      // 503 bursts (with Retry-After), then connection resets, on every login
      yield* env.sim.inject(Fault.status(503, { route: ISSUE, count: 15, retryAfter: 1 }))
      yield* env.sim.inject(Fault.reset({ route: ISSUE, count: Infinity }))
      const step = Duration.seconds(10)
      // 50:00 → 59:50: across the renewal point (52:30–54:00), the old token is served
      for (let elapsed = 50 * MIN; elapsed < 60 * MIN - 10_000; elapsed += 10_000) {
        yield* TestClock.adjust(step)
        const t = yield* session.token
        expect(idOf(t)).toBe(idOf(first))
      }
      const attempts = yield* env.sim.count(ISSUE)
      expect(attempts).toBeGreaterThan(15) // it kept trying: the 503s, then resets
      // past local expiry: the typed error of the last attempt, at once
      yield* TestClock.adjust("20 seconds")
      const error = yield* Effect.flip(session.token)
      expect(error._tag).toBe("TransportError")
      const errorFromEndpoint = yield* Effect.flip(session.endpoint({ type: "compute" }))
      expect(errorFromEndpoint._tag).toBe("TransportError")
      // Keystone comes back: within the backoff cap (a minute) the session recovers
      yield* env.sim.clearFaults
      let recovered: Token.Token | undefined
      for (let i = 0; i < 20 && recovered === undefined; i++) {
        yield* TestClock.adjust(step)
        const exit = yield* Effect.either(session.token)
        if (exit._tag === "Right") recovered = exit.right
      }
      expect(recovered).toBeDefined()
      expect(idOf(recovered!)).not.toBe(idOf(first))
      expect(yield* env.client.check(recovered!)).toBe(true)
    }), { timeout: 60_000 })

  it.scoped("Keystone answering 503 at the renewal point: ServiceUnavailable after expiry", () =>
    Effect.gen(function*() {
      const env = yield* makeEnv()
      const session = yield* makeSession(env)
      const first = yield* session.token
      yield* env.sim.inject(Fault.status(503, { route: ISSUE, count: Infinity }))
      yield* TestClock.adjust("59 minutes")
      expect(idOf(yield* session.token)).toBe(idOf(first))
      yield* TestClock.adjust("2 minutes")
      const error = yield* Effect.flip(session.token)
      expect(error._tag).toBe("ServiceUnavailable")
      yield* env.sim.clearFaults
      yield* TestClock.adjust("2 minutes")
      expect(idOf(yield* session.token)).not.toBe(idOf(first))
    }), { timeout: 60_000 })

  for (const [label, shift] of [["ahead of", 15 * MIN], ["behind", -15 * MIN]] as const) {
    it.scoped(`local clock 15 minutes ${label} Keystone's: renewals still happen before expiry, on schedule`, () =>
      Effect.gen(function*() {
        const env = yield* makeEnv({ wrapHttp: skewed(shift) })
        const session = yield* makeSession(env)
        const margin = Deadline.margin(HOUR, undefined)
        const span = 2 * 24 * HOUR
        const step = Duration.minutes(5)
        for (let elapsed = 0; elapsed < span; elapsed += Duration.toMillis(step)) {
          yield* TestClock.adjust(step)
          const t = yield* session.token
          // what the session was told is off by `shift`; Keystone's own clock is the TestClock
          const told = DateTime.toEpochMillis(Option.getOrThrow(t.expiresAt))
          const real = told + shift
          const left = real - DateTime.toEpochMillis(yield* DateTime.now)
          expect(left).toBeGreaterThanOrEqual(margin)
          if (elapsed % (6 * HOUR) === 0) expect(yield* env.client.check(t)).toBe(true)
        }
        const renewals = (yield* env.sim.count(ISSUE)) - 1
        const expected = expectedRenewals(span)
        expect(renewals).toBeGreaterThanOrEqual(expected.min)
        expect(renewals).toBeLessThanOrEqual(expected.max)
      }), { timeout: 60_000 })
  }
})
