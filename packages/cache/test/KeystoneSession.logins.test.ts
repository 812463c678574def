/**
 * How often a KeystoneSession logs in when Keystone or a service misbehaves:
 * nearly dead tokens (issue 8, defect 5), an implausible clock skew, and a
 * service that always answers 401 (defect 6).
 */
import { describe, expect, it } from "@effect/vitest"
import { Fault } from "@effect-keystone/testing"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Fiber from "effect/Fiber"
import * as TestClock from "effect/TestClock"
import type * as KeystoneSession from "../src/KeystoneSession.js"
import { capture } from "./utils/logs.js"
import { COMPUTE, idOf, ISSUE, makeEnv, makeSession, rewriteTokenTimes, skewed } from "./utils/session.js"

const CHECK = "HEAD /v3/auth/tokens"

/**
 * `n` calls spread evenly over `span` (each in its own fiber, so a call that
 * waits does not stop the clock); returns the fibers.
 */
const spread = <A, E>(call: Effect.Effect<A, E>, n: number, span: Duration.DurationInput) =>
  Effect.gen(function*() {
    const step = Duration.toMillis(Duration.decode(span)) / n
    const fibers: Array<Fiber.RuntimeFiber<Either.Either<A, E>>> = []
    for (let i = 0; i < n; i++) {
      fibers.push(yield* Effect.fork(Effect.either(call)))
      yield* TestClock.adjust(Duration.millis(step))
    }
    return fibers
  })

/** A session on a fresh sim, its `httpClient` and the compute endpoint. */
const computeClient = (options?: Partial<KeystoneSession.Options>) =>
  Effect.gen(function*() {
    const env = yield* makeEnv()
    const session = yield* makeSession(env, options)
    const http = yield* session.httpClient
    const url = yield* session.endpoint({ type: "compute" })
    return { env, session, http, url }
  })

const nearlyDead = [
  ["500 ms of life", { seed: { tokenLifetime: Duration.millis(500) } }],
  ["1 s of life", { seed: { tokenLifetime: Duration.seconds(1) } }],
  [
    "issued_at after expires_at",
    { wrapHttp: rewriteTokenTimes((field, millis) => (field === "expires_at" ? millis - 3_600_000 - 1_000 : millis)) }
  ]
] as const

describe("KeystoneSession logins", () => {
  describe("nearly dead tokens: at most one login per minimumRefresh", () => {
    for (const [label, envOptions] of nearlyDead) {
      const calls: ReadonlyArray<readonly [string, (s: KeystoneSession.KeystoneSessionService) => Effect.Effect<unknown, unknown>]> = [
        ["token", (s) => s.token],
        ["tokenValidFor", (s) => s.tokenValidFor("1 minute")],
        ["refresh", (s) => s.refresh]
      ]
      for (const [name, call] of calls) {
        it.scoped(`${label}: 89 ${name} calls in 5 s make at most 6 logins, and every call returns`, () =>
          Effect.gen(function*() {
            const env = yield* makeEnv(envOptions)
            const session = yield* makeSession(env)
            const fibers = yield* spread(call(session), 89, "5 seconds")
            expect(yield* env.sim.count(ISSUE)).toBeLessThanOrEqual(6)
            yield* TestClock.adjust("2 seconds")
            const results = yield* Effect.all(fibers.map(Fiber.join))
            expect(results.length).toBe(89)
            expect(yield* env.sim.count(ISSUE)).toBeLessThanOrEqual(8)
          }))
      }
    }

    it.scoped("minimumRefresh sets the rate: 10 s apart", () =>
      Effect.gen(function*() {
        // 1 s tokens: always 1 s by Keystone's whole-second timestamps (500 ms ones are sometimes 0 s, a
        // DecodeError that backs off for 30 s), and no local life at all after the 1 s truncation allowance
        const env = yield* makeEnv({ seed: { tokenLifetime: Duration.seconds(1) } })
        const session = yield* makeSession(env, { minimumRefresh: "10 seconds" })
        const fibers = yield* spread(session.token, 60, "60 seconds")
        expect(yield* env.sim.count(ISSUE)).toBeLessThanOrEqual(7)
        expect(yield* env.sim.count(ISSUE)).toBeGreaterThanOrEqual(5)
        yield* TestClock.adjust("10 seconds")
        yield* Effect.all(fibers.map(Fiber.join))
      }))

    it.scoped("the 401 retry path is rate-limited too", () =>
      Effect.gen(function*() {
        const { env, http, url } = yield* computeClient({ refusedTokenWindow: 0 })
        yield* env.sim.inject(Fault.status(401, { route: COMPUTE, count: Infinity }))
        const fibers = yield* spread(http.get(`${url}/servers`), 50, "5 seconds")
        expect(yield* env.sim.count(ISSUE)).toBeLessThanOrEqual(6)
        yield* TestClock.adjust("2 seconds")
        for (const result of yield* Effect.all(fibers.map(Fiber.join))) {
          expect(Either.isRight(result) && result.right.status).toBe(401)
        }
      }))
  })

  describe("clock skew", () => {
    it.scoped("Keystone's issued_at 15 minutes off the local clock: one warning, however many logins", () =>
      Effect.gen(function*() {
        const logs = capture()
        const env = yield* makeEnv({ wrapHttp: skewed(15 * 60_000) })
        const session = yield* Effect.provide(makeSession(env), logs.layer)
        yield* session.token
        yield* TestClock.adjust("1 second")
        yield* session.refresh
        yield* TestClock.adjust("1 second")
        yield* session.refresh
        expect(yield* env.sim.count(ISSUE)).toBe(3)
        const skewWarnings = logs.warnings().filter((l) => l.message.includes("clock"))
        expect(skewWarnings.length).toBe(1)
        expect(String(skewWarnings[0]!.annotations["keystone.clock_skew_ms"])).toMatch(/^-?9\d{5}$/)
      }))

    it.scoped("a skew of one minute is not worth a warning", () =>
      Effect.gen(function*() {
        const logs = capture()
        const env = yield* makeEnv({ wrapHttp: skewed(60_000) })
        const session = yield* Effect.provide(makeSession(env), logs.layer)
        yield* session.token
        expect(logs.warnings().filter((l) => l.message.includes("clock")).length).toBe(0)
      }))
  })

  describe("a service that always answers 401", () => {
    it.scoped("50 requests with a token issued moments ago: no new login, every 401 goes to the caller", () =>
      Effect.gen(function*() {
        const { env, session, http, url } = yield* computeClient()
        const first = yield* session.token
        yield* env.sim.inject(Fault.status(401, { route: COMPUTE, count: Infinity }))
        const responses = yield* Effect.all(Array.from({ length: 50 }, () => http.get(`${url}/servers`)), {
          concurrency: 10
        })
        expect(responses.every((r) => r.status === 401)).toBe(true)
        expect(yield* env.sim.count(ISSUE)).toBe(1)
        expect(yield* env.sim.count(COMPUTE)).toBe(50)
        // Keystone was asked once whether the token is still good (it is)
        expect(yield* env.sim.count(CHECK)).toBe(1)
        // the token was kept: nothing says it went bad
        expect(idOf(yield* session.token)).toBe(idOf(first))
      }))

    it.scoped("50 requests spread over 5 minutes: one new login per 30 s window at most", () =>
      Effect.gen(function*() {
        const { env, http, url } = yield* computeClient()
        yield* env.sim.inject(Fault.status(401, { route: COMPUTE, count: Infinity }))
        const fibers = yield* spread(http.get(`${url}/servers`), 50, "5 minutes")
        for (const result of yield* Effect.all(fibers.map(Fiber.join))) {
          expect(Either.isRight(result) && result.right.status).toBe(401)
        }
        // 1 at start + at most one per 30 s
        expect(yield* env.sim.count(ISSUE)).toBeLessThanOrEqual(1 + 10)
        expect(yield* env.sim.count(ISSUE)).toBeGreaterThanOrEqual(2)
      }))

    it.scoped("a request waiting for Keystone's verdict that another one asked for gets it when that one's caller gives up", () =>
      Effect.gen(function*() {
        const { env, session, http, url } = yield* computeClient()
        const first = yield* session.token
        yield* env.sim.inject(Fault.status(401, { route: COMPUTE, count: Infinity }))
        yield* env.sim.inject(Fault.latency("1 second", { route: CHECK, count: 1 }))
        const asking = yield* Effect.fork(http.get(`${url}/servers`))
        yield* TestClock.adjust("100 millis")
        const waiting = yield* Effect.fork(http.get(`${url}/servers`))
        yield* TestClock.adjust("100 millis")
        yield* Fiber.interrupt(asking)
        yield* TestClock.adjust("2 seconds")
        expect((yield* Fiber.join(waiting)).status).toBe(401)
        // asked again by the one still waiting; the token is still good
        expect(yield* env.sim.count(CHECK)).toBe(2)
        expect(idOf(yield* session.token)).toBe(idOf(first))
      }))

    it.scoped("refusedTokenWindow sets the window", () =>
      Effect.gen(function*() {
        const { env, http, url } = yield* computeClient({ refusedTokenWindow: "5 seconds" })
        yield* env.sim.inject(Fault.status(401, { route: COMPUTE, count: Infinity }))
        expect((yield* http.get(`${url}/servers`)).status).toBe(401)
        expect(yield* env.sim.count(ISSUE)).toBe(1)
        yield* TestClock.adjust("6 seconds")
        // now the refusal counts: one new login and one retry (refused too, and passed on)
        expect((yield* http.get(`${url}/servers`)).status).toBe(401)
        expect(yield* env.sim.count(ISSUE)).toBe(2)
      }))

    it.scoped("a token revoked moments after its issue: Keystone says so, the session logs in again at once and the request succeeds", () =>
      Effect.gen(function*() {
        const { env, session, http, url } = yield* computeClient()
        const first = yield* session.token
        yield* TestClock.adjust("1 second") // past minimumRefresh
        yield* env.sim.revoke(idOf(first))
        expect((yield* http.get(`${url}/servers`)).status).toBe(200)
        expect(yield* env.sim.count(CHECK)).toBe(1)
        expect(yield* env.sim.count(ISSUE)).toBe(2)
        expect(idOf(yield* session.token)).not.toBe(idOf(first))
      }))
  })
})
