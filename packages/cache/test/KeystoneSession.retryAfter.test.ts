/**
 * KeystoneSession and Keystone's Retry-After: it may delay a renewal while a
 * valid token is held, never once none is left (issue 8, defect 2).
 */
import { describe, expect, it } from "@effect/vitest"
import type { Token } from "@effect-keystone/schema"
import { Fault } from "@effect-keystone/testing"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as TestClock from "effect/TestClock"
import { type Env, idOf, ISSUE, makeEnv, makeSession } from "./utils/session.js"

const ONE_DAY = 86_400

/** Steps the clock by `stepSeconds` until `token` succeeds; returns the seconds it took (or undefined). */
const secondsUntilToken = (token: Effect.Effect<Token.Token, unknown>, stepSeconds: number, maxSeconds: number) =>
  Effect.gen(function*() {
    for (let waited = 0; waited <= maxSeconds; waited += stepSeconds) {
      if (Either.isRight(yield* Effect.either(token))) return waited
      yield* TestClock.adjust(`${stepSeconds} seconds`)
    }
    return undefined
  })

/** Steps the clock one second at a time from `from` to `to` (seconds since the start); the seconds at which the session tried to log in. */
const loginSeconds = (env: Env, from: number, to: number) =>
  Effect.gen(function*() {
    const attempts: Array<number> = []
    let seen = yield* env.sim.count(ISSUE)
    for (let second = from; second < to; second++) {
      yield* TestClock.adjust("1 second")
      const count = yield* env.sim.count(ISSUE)
      if (count > seen) attempts.push(second + 1)
      seen = count
    }
    return attempts
  })

describe("KeystoneSession and Retry-After", () => {
  it.scoped("one 503 with Retry-After: 86400 honoured (client maxRetryAfter 1 day): the session tries again once its token is gone", () =>
    Effect.gen(function*() {
      const env = yield* makeEnv({ client: { retry: { maxRetryAfter: "1 day" } } })
      const session = yield* makeSession(env)
      const first = yield* session.token
      yield* env.sim.inject(Fault.status(503, { route: ISSUE, count: 1, retryAfter: ONE_DAY }))
      // the renewal point (52:30–54:00) meets the 503; the old token is still served
      yield* TestClock.adjust("55 minutes")
      expect(yield* env.sim.count(ISSUE)).toBe(2)
      expect(idOf(yield* session.token)).toBe(idOf(first))
      // Keystone is healthy again; by the old token's expiry the session has tried again
      yield* TestClock.adjust("5 minutes")
      const waited = yield* secondsUntilToken(session.token, 1, 10)
      expect(waited).toBeDefined()
      expect(waited!).toBeLessThanOrEqual(5)
      expect(idOf(yield* session.token)).not.toBe(idOf(first))
      expect(yield* env.sim.count(ISSUE)).toBe(3)
    }))

  it.scoped("no token and every login answered 503 with Retry-After: 86400: attempts at most 5 s apart, recovery within 5 s", () =>
    Effect.gen(function*() {
      const env = yield* makeEnv()
      yield* env.sim.inject(Fault.status(503, { route: ISSUE, count: Infinity, retryAfter: ONE_DAY }))
      const session = yield* makeSession(env)
      const error = yield* Effect.flip(session.token)
      expect(error._tag).toBe("ServiceUnavailable")
      const before = yield* env.sim.count(ISSUE)
      yield* TestClock.adjust("60 seconds")
      // 2 s, 4 s, then every 5 s at most (with up to 20% jitter under the cap): at least 11 more attempts
      expect((yield* env.sim.count(ISSUE)) - before).toBeGreaterThanOrEqual(11)
      yield* env.sim.clearFaults
      const waited = yield* secondsUntilToken(session.token, 1, 10)
      expect(waited).toBeDefined()
      expect(waited!).toBeLessThanOrEqual(5)
    }))

  it.scoped("maxRetryDelayWithoutToken sets that cap", () =>
    Effect.gen(function*() {
      const env = yield* makeEnv()
      yield* env.sim.inject(Fault.status(429, { route: ISSUE, count: Infinity, retryAfter: ONE_DAY }))
      const session = yield* makeSession(env, { maxRetryDelayWithoutToken: "30 seconds" })
      const error = yield* Effect.flip(session.token)
      expect(error._tag).toBe("RateLimited")
      const before = yield* env.sim.count(ISSUE)
      yield* TestClock.adjust("10 minutes")
      const attempts = (yield* env.sim.count(ISSUE)) - before
      // about every 30 s (not every 5 s, not once a day)
      expect(attempts).toBeGreaterThanOrEqual(17)
      expect(attempts).toBeLessThanOrEqual(30)
    }))

  it.scoped("with the client's default cap, a Retry-After of a day delays a renewal by 30 s, not a day: renewed before expiry", () =>
    Effect.gen(function*() {
      const env = yield* makeEnv()
      const session = yield* makeSession(env)
      const first = yield* session.token
      yield* env.sim.inject(Fault.status(503, { route: ISSUE, count: 1, retryAfter: ONE_DAY }))
      yield* TestClock.adjust("52 minutes")
      // from before the renewal point (52:30–54:00): when did it try?
      const attempts = yield* loginSeconds(env, 52 * 60, 56 * 60)
      // the refused attempt, then one more 30 s later (the cap), which succeeds: long before the expiry at 60:00
      expect(attempts.length).toBe(2)
      expect(attempts[1]! - attempts[0]!).toBeGreaterThanOrEqual(30)
      expect(attempts[1]! - attempts[0]!).toBeLessThanOrEqual(31)
      expect(idOf(yield* session.token)).not.toBe(idOf(first))
    }))

  it.scoped("while a valid token is held, Retry-After is honoured (no retry storm), up to the token's expiry", () =>
    Effect.gen(function*() {
      const env = yield* makeEnv({ client: { retry: { maxRetryAfter: "1 day" } } })
      const session = yield* makeSession(env)
      yield* session.token
      yield* env.sim.inject(Fault.status(503, { route: ISSUE, count: Infinity, retryAfter: 120 }))
      yield* TestClock.adjust("52 minutes")
      // across the renewal point and the token's expiry: when did it try?
      const attempts = yield* loginSeconds(env, 52 * 60, 62 * 60)
      const expiry = 60 * 60 - 1 // Keystone's 1 s truncation
      const whileValid = attempts.filter((s) => s < expiry)
      expect(whileValid.length).toBeGreaterThanOrEqual(2)
      for (let i = 1; i < whileValid.length; i++) expect(whileValid[i]! - whileValid[i - 1]!).toBeGreaterThanOrEqual(120)
      // past expiry it keeps trying, at most 5 s apart
      const afterExpiry = attempts.filter((s) => s >= expiry)
      expect(afterExpiry[0]! - expiry).toBeLessThanOrEqual(5)
      for (let i = 1; i < afterExpiry.length; i++) expect(afterExpiry[i]! - afterExpiry[i - 1]!).toBeLessThanOrEqual(5)
      expect(afterExpiry.length).toBeGreaterThanOrEqual(2 * 60 / 5 - 2)
    }))
})
