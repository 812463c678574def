/**
 * Keystone down with the revocation poller on: the validator and the poller
 * meet the same outage, and the log has one line for it (whoever meets it
 * first) and one when Keystone answers again, however many requests and
 * polls fail in between.
 */
import { describe, expect, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as TestClock from "effect/TestClock"
import { capture } from "../../cache/test/utils/logs.js"
import { EVENTS, headers, makeEnv, tag } from "./support.js"

/** The middleware's lines at WARN or above, and its "answers again" lines. */
const outageLines = (logs: ReturnType<typeof capture>) => ({
  loud: logs.lines.filter((l) => (l.level === "WARN" || l.level === "ERROR") && l.message.startsWith("AuthToken:")),
  recovered: logs.lines.filter((l) => l.message === "AuthToken: Keystone answers again")
})

describe("one log line per outage, validator and poller together", () => {
  it.scoped("the validator meets it first: its line only; the failing polls are debug lines", () =>
    Effect.gen(function*() {
      const logs = capture()
      yield* Effect.gen(function*() {
        const env = yield* makeEnv({ revocation: { pollEvery: "5 seconds" }, retry: false })
        const known = yield* env.issue()
        const fresh = yield* env.issue()
        yield* env.auth.authenticate({ userToken: known })
        yield* env.sim.setDown
        for (let round = 0; round < 4; round++) {
          for (let i = 0; i < 5; i++) {
            expect(yield* env.auth.decide(headers({ "X-Auth-Token": fresh }))).toMatchObject({ status: 503 })
          }
          yield* TestClock.adjust("5 seconds")
        }
        expect(yield* env.sim.count(EVENTS)).toBeGreaterThanOrEqual(4)
        expect(tag(yield* env.auth.authenticate({ userToken: known }))).toBe("Confirmed")
        const during = outageLines(logs)
        expect(during.loud.map((l) => [l.level, l.message.slice(0, 38)])).toEqual([
          ["ERROR", "AuthToken: cannot validate tokens (ans"]
        ])
        expect(logs.lines.filter((l) => l.level === "DEBUG" && l.message.includes("cannot read revocation events")).length)
          .toBeGreaterThanOrEqual(4)
        yield* env.sim.setUp
        yield* TestClock.adjust("5 seconds")
        expect(tag(yield* env.auth.authenticate({ userToken: fresh }))).toBe("Confirmed")
        yield* TestClock.adjust("10 seconds")
        const after = outageLines(logs)
        expect(after.loud.length).toBe(1)
        expect(after.recovered.length).toBe(1)
      }).pipe(Effect.provide(logs.layer))
    }))

  it.scoped("the poller meets it first: its line only; two outages, two lines and two recoveries", () =>
    Effect.gen(function*() {
      const logs = capture()
      yield* Effect.gen(function*() {
        const env = yield* makeEnv({ revocation: { pollEvery: "5 seconds" }, retry: false })
        const tokens = [yield* env.issue(), yield* env.issue()]
        for (const [outage, token] of tokens.entries()) {
          yield* env.sim.setDown
          yield* TestClock.adjust("5 seconds")
          expect(outageLines(logs).loud.length).toBe(outage + 1)
          expect(outageLines(logs).loud[outage]!.message).toMatch(/^AuthToken: cannot read revocation events \(/)
          expect(outageLines(logs).loud[outage]!.level).toBe("ERROR")
          for (let i = 0; i < 5; i++) {
            expect(yield* env.auth.decide(headers({ "X-Auth-Token": token }))).toMatchObject({ status: 503 })
          }
          yield* TestClock.adjust("10 seconds")
          expect(outageLines(logs).loud.length).toBe(outage + 1)
          yield* env.sim.setUp
          // a request meets Keystone back first; the next polls log nothing
          expect(tag(yield* env.auth.authenticate({ userToken: token }))).toBe("Confirmed")
          yield* TestClock.adjust("10 seconds")
          expect(outageLines(logs).recovered.length).toBe(outage + 1)
        }
        expect(outageLines(logs).loud.length).toBe(2)
      }).pipe(Effect.provide(logs.layer))
    }))
})
