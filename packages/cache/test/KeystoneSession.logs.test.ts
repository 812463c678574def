/**
 * Log levels (issue 9, item 10): routine events at Debug, a failed renewal
 * that is ridden out at Warning, a lost token at Error, the recovery at Info.
 */
import { describe, expect, it } from "@effect/vitest"
import * as DateTime from "effect/DateTime"
import * as Effect from "effect/Effect"
import * as Option from "effect/Option"
import * as TestClock from "effect/TestClock"
import { capture } from "./utils/logs.js"
import { idOf, makeEnv, makeSession } from "./utils/session.js"

const about = (lines: ReturnType<typeof capture>["lines"], text: string) => lines.filter((l) => l.message.includes(text))

describe("KeystoneSession log levels", () => {
  it.scoped("token issued, renewed and taken from the store: Debug only, nothing at Info or above; expiry and audit id, never the id", () =>
    Effect.gen(function*() {
      const logs = capture()
      const env = yield* makeEnv()
      const session = yield* Effect.provide(makeSession(env), logs.layer)
      const first = yield* session.token
      yield* TestClock.adjust("1 hour") // one background renewal
      const second = yield* session.token
      expect(idOf(second)).not.toBe(idOf(first))
      // another worker on the same store takes the token from it
      const worker = yield* Effect.provide(makeSession(env), logs.layer)
      expect(idOf(yield* worker.token)).toBe(idOf(second))

      const issued = about(logs.lines, "token issued")
      expect(issued.map((l) => l.level)).toEqual(["DEBUG", "DEBUG"])
      expect(issued[0]!.annotations["keystone.audit_id"]).toBe(first.auditIds[0])
      expect(issued[0]!.annotations["keystone.expires_at"]).toBe(DateTime.formatIso(Option.getOrThrow(first.expiresAt)))
      expect(about(logs.lines, "token taken from the store").map((l) => l.level)).toEqual(["DEBUG"])
      expect(logs.lines.filter((l) => l.level !== "DEBUG").map((l) => l.message)).toEqual([])
      for (const line of logs.lines) {
        expect(line.text).not.toContain(idOf(first))
        expect(line.text).not.toContain(idOf(second))
      }
    }))

  it.scoped("a failed renewal ridden out is a Warning, the lost token an Error, the recovery Info", () =>
    Effect.gen(function*() {
      const logs = capture()
      const env = yield* makeEnv()
      const session = yield* Effect.provide(makeSession(env), logs.layer)
      const first = yield* session.token
      yield* env.sim.setDown
      yield* TestClock.adjust("57 minutes") // renewal is due (1 h token, 6 min margin) and fails
      expect(idOf(yield* session.token)).toBe(idOf(first)) // still served
      const failed = about(logs.lines, "token renewal failed")
      expect(failed.length).toBeGreaterThan(0)
      expect(failed.every((l) => l.level === "WARN" && l.message.includes("serving the current token"))).toBe(true)

      yield* TestClock.adjust("4 minutes") // past the token's expiry, Keystone still down
      expect((yield* Effect.flip(session.token))._tag).toBe("TransportError")
      const lost = about(logs.lines, "no valid token")
      expect(lost.length).toBeGreaterThan(0)
      expect(lost.every((l) => l.level === "ERROR")).toBe(true)

      yield* env.sim.setUp
      yield* TestClock.adjust("1 minute")
      const next = yield* session.token
      expect(idOf(next)).not.toBe(idOf(first))
      const recovered = about(logs.lines, "renewal recovered after")
      expect(recovered.map((l) => l.level)).toEqual(["INFO"])
      // no line names a token id
      for (const line of logs.lines) {
        expect(line.text).not.toContain(idOf(first))
        expect(line.text).not.toContain(idOf(next))
      }
    }))
})
