/**
 * No password, secret, passcode or token id in any error (message, String,
 * util.inspect, JSON), span attribute or span status, or log line.
 */
import { AuthScope, Credentials } from "@effect-keystone/client"
import { Fault } from "@effect-keystone/testing"
import { describe, expect, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import * as Logger from "effect/Logger"
import * as LogLevel from "effect/LogLevel"
import * as Redacted from "effect/Redacted"
import {
  Admin,
  adminAuth,
  adminV2,
  AppCred,
  Demo,
  demoPassword,
  demoV2,
  leaks,
  Mfa,
  recordSpans,
  runWithClock,
  spanDump,
  withSim
} from "./utils.js"

const passwords = [Demo.password, Admin.password, AppCred.secret, Mfa.password, Mfa.passcode]

describe("secrets stay out of errors", () => {
  it.effect("a wrong password", () =>
    withSim((_, client) =>
      Effect.gen(function*() {
        const error = yield* Effect.flip(client.issue({
          credentials: Credentials.password({ userId: Demo.userId, password: Redacted.make("hunter2-wrong") })
        }))
        expect(error._tag).toBe("Unauthorized")
        expect(leaks(error, ["hunter2-wrong"])).toEqual([])
      })))

  it.effect("Keystone echoing a token id in its message (\"Could not find token: <id>.\")", () =>
    withSim((sim, client) =>
      Effect.gen(function*() {
        const token = yield* client.issue(demoV2)
        const id = Redacted.value(token.id)
        yield* sim.inject(Fault.status(404, {
          route: "GET /v2.0/tokens/{id}",
          body: { error: { code: 404, title: "Not Found", message: `Could not find token: ${id}.` } }
        }))
        const error = yield* Effect.flip(client.validate(token))
        expect(error._tag).toBe("NotFound")
        expect(error.message).toBe("Could not find token: ***.")
        expect(error).toMatchObject({ url: `${sim.authUrlV2}/tokens/***` })
        expect(leaks(error, [id])).toEqual([])
      }), { v2: true, caller: { auth: adminV2 } }))

  it.effect("a v2.0 body of the wrong shape that holds the token id", () =>
    withSim((sim, client) =>
      Effect.gen(function*() {
        const token = yield* client.issue(demoV2)
        const id = Redacted.value(token.id)
        yield* sim.inject(Fault.status(200, {
          route: "GET /v2.0/tokens/{id}",
          body: { access: { token: { id, expires: 12 }, user: { id: "u" } } }
        }))
        const error = yield* Effect.flip(client.validate(token))
        expect(error._tag).toBe("DecodeError")
        expect(leaks(error, [id, ...passwords])).toEqual([])
      }), { v2: true, caller: { auth: adminV2 } }))

  it.effect("transport errors and timeouts on v2.0 paths", () =>
    withSim((sim, client) =>
      Effect.gen(function*() {
        const token = yield* client.issue(demoV2)
        const id = Redacted.value(token.id)
        yield* sim.inject(Fault.reset({ route: "GET /v2.0/tokens/{id}" }))
        const reset = yield* Effect.flip(client.validate(token))
        yield* sim.inject(Fault.latency("1 minute", { route: "HEAD /v2.0/tokens/{id}" }))
        const timeout = yield* Effect.flip(runWithClock(client.check(token), "1 second"))
        expect(reset._tag).toBe("TransportError")
        expect(timeout).toMatchObject({ _tag: "TransportError", reason: "Timeout" })
        expect(leaks(reset, [id])).toEqual([])
        expect(leaks(timeout, [id])).toEqual([])
      }), { v2: true, caller: { auth: adminV2 }, retry: false }))

  it.effect("an MFA receipt is Redacted in the error", () =>
    withSim((_, client) =>
      Effect.gen(function*() {
        const error = yield* Effect.flip(client.issue({
          credentials: Credentials.password({ userId: Mfa.userId, password: Redacted.make(Mfa.password) })
        }))
        expect(error._tag).toBe("AuthReceiptRequired")
        if (error._tag !== "AuthReceiptRequired") return
        const receipt = Redacted.value(error.receipt)
        expect(receipt.length).toBeGreaterThan(10)
        expect(leaks(error, [receipt, Mfa.password])).toEqual([])
      })))
})

describe("spans", () => {
  const scenario = (v2: boolean) =>
    withSim((sim, client) =>
      Effect.gen(function*() {
        const ids: Array<string> = []
        const { exit, spans } = yield* recordSpans(Effect.gen(function*() {
          const token = yield* client.issue(v2 ? demoV2 : { credentials: demoPassword })
          ids.push(Redacted.value(token.id))
          yield* client.validate(token)
          yield* client.check(token)
          yield* client.endpoints(token)
          yield* sim.inject(Fault.status(503, { retryAfter: 1 }))
          yield* runWithClock(client.check(token), "500 millis")
          yield* client.revoke(token)
          yield* Effect.flip(client.validate(token))
          yield* Effect.flip(client.issue(v2
            ? { credentials: Credentials.passwordV2({ username: Demo.username, password: Redacted.make("wrong-pw-42") }) }
            : { credentials: Credentials.password({ userId: Demo.userId, password: Redacted.make("wrong-pw-42") }) }))
          if (!v2) {
            const app = yield* client.issue({ credentials: Credentials.applicationCredential({ id: AppCred.id, secret: Redacted.make(AppCred.secret) }) })
            ids.push(Redacted.value(app.id))
            yield* Effect.flip(client.issue({ credentials: demoPassword, scope: AuthScope.project({ id: Admin.projectId }) }))
          }
        }))
        expect(Exit.isSuccess(exit)).toBe(true)
        return { spans, ids }
      }), v2 ? { v2: true, caller: { auth: adminV2 } } : { caller: { auth: adminAuth } })

  for (const v2 of [false, true]) {
    it.effect(`one span per call with the documented attributes, and no secret (${v2 ? "v2.0" : "v3"})`, () =>
      Effect.gen(function*() {
        const { ids, spans } = yield* scenario(v2)
        const names = new Set(spans.map((s) => s.name))
        for (const op of ["issue", "validate", "check", "revoke", "endpoints"]) {
          expect(names).toContain(`KeystoneClient.${op}`)
        }
        // the platform's own http.client span (which records raw headers and URLs) is off
        expect([...names].filter((n) => n.startsWith("http.client"))).toEqual([])
        const validate = spans.find((s) => s.name === "KeystoneClient.validate")!
        expect(validate.kind).toBe("client")
        expect(validate.attributes.get("http.request.method")).toBe("GET")
        expect(validate.attributes.get("http.response.status_code")).toBe(200)
        expect(validate.attributes.get("keystone.api_version")).toBe(v2 ? "v2.0" : "v3")
        expect(String(validate.attributes.get("keystone.request_id"))).toMatch(/^req-/)
        expect(String(validate.attributes.get("url.full"))).toMatch(v2 ? /\/v2\.0\/tokens\/\*\*\*$/ : /\/v3\/auth\/tokens$/)
        const retried = spans.filter((s) => s.name === "KeystoneClient.check").find((s) => s.attributes.has("keystone.retries"))
        expect(retried).toBeDefined()
        const dump = spanDump(spans)
        const secrets = [...ids, ...passwords, "wrong-pw-42"]
        expect(secrets.filter((s) => dump.includes(s))).toEqual([])
        // the service token too: every X-Auth-Token the client sent is a token id we must not see
        expect(dump).not.toMatch(/gAAAA/)
      }))
  }
})

describe("logs", () => {
  it.effect("retry logs name the error and the redacted URL only", () =>
    Effect.gen(function*() {
      const lines: Array<string> = []
      const logger = Logger.make(({ message }) => {
        lines.push(Array.isArray(message) ? message.join(" ") : String(message))
      })
      const id = yield* withSim((sim, client) =>
        Effect.gen(function*() {
          const token = yield* client.issue(demoV2)
          yield* sim.inject(Fault.status(503, { count: 2 }))
          yield* runWithClock(client.validate(token), "100 millis")
          return Redacted.value(token.id)
        }), { v2: true, caller: { auth: adminV2 } }).pipe(
          Logger.withMinimumLogLevel(LogLevel.All),
          Effect.provide(Logger.replace(Logger.defaultLogger, logger))
        )
      expect(lines.some((l) => l.includes("ServiceUnavailable"))).toBe(true)
      expect(lines.filter((l) => l.includes(id) || l.includes(Demo.password) || l.includes(Admin.password))).toEqual([])
    }))
})
