import { Credentials, KeystoneError } from "@effect-keystone/client"
import { Fault } from "@effect-keystone/testing"
import { describe, expect, it } from "@effect/vitest"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Redacted from "effect/Redacted"
import { adminV2, demoPassword, demoV2, runWithClock, withSim } from "./utils.js"

const ISSUE = "POST /v3/auth/tokens"

describe("errors from responses", () => {
  const statuses: ReadonlyArray<readonly [number, KeystoneError.KeystoneError["_tag"]]> = [
    [400, "BadRequest"],
    [401, "Unauthorized"],
    [403, "Forbidden"],
    [404, "NotFound"],
    [409, "UnexpectedStatus"],
    [413, "RateLimited"],
    [429, "RateLimited"],
    [500, "UnexpectedStatus"],
    [502, "ServiceUnavailable"],
    [503, "ServiceUnavailable"],
    [504, "ServiceUnavailable"]
  ]
  for (const [status, tag] of statuses) {
    it.effect(`${status} → ${tag}, with Keystone's message and request id`, () =>
      withSim((sim, client) =>
        Effect.gen(function*() {
          yield* sim.inject(Fault.status(status, { route: ISSUE }))
          const error = yield* Effect.flip(client.issue({ credentials: demoPassword }))
          expect(error._tag).toBe(tag)
          expect(error).toMatchObject({ status, method: "POST", url: `${sim.authUrl}/auth/tokens`, requestId: expect.stringMatching(/^req-/) })
          if ("message" in error) expect(error.message.length).toBeGreaterThan(0)
          expect(KeystoneError.isKeystoneError(error)).toBe(true)
          expect(yield* sim.count(ISSUE)).toBe(1)
        }), { retry: false }))
  }

  for (const status of [400, 401, 403, 404]) {
    it.effect(`${status} is never retried, even with retries on`, () =>
      withSim((sim, client) =>
        Effect.gen(function*() {
          yield* sim.inject(Fault.status(status, { count: 10 }))
          const subject = Redacted.make("a-subject-token-id")
          yield* Effect.flip(client.validate(subject))
          yield* Effect.flip(client.issue({ credentials: demoPassword }))
          expect(yield* sim.count()).toBe(2)
        })))
  }

  it.effect("the error body's message is Keystone's", () =>
    withSim((sim, client) =>
      Effect.gen(function*() {
        yield* sim.inject(Fault.status(403, { body: { error: { code: 403, title: "Forbidden", message: "Nope, not you." } } }))
        const error = yield* Effect.flip(client.issue({ credentials: demoPassword }))
        expect(error).toMatchObject({ _tag: "Forbidden", message: "Nope, not you." })
      })))

  it.effect("a 401 with a non-JSON body is still Unauthorized", () =>
    withSim((sim, client) =>
      Effect.gen(function*() {
        yield* sim.inject(Fault.status(401, { body: "<html>login</html>" }))
        const error = yield* Effect.flip(client.issue({ credentials: demoPassword }))
        expect(error._tag).toBe("Unauthorized")
        expect(error.message).toMatch(/401/)
      })))
})

describe("malformed responses → DecodeError, never a defect", () => {
  const kinds = ["truncated", "garbage", "empty"] as const
  for (const kind of kinds) {
    it.effect(`${kind} body on issue (v3)`, () =>
      withSim((sim, client) =>
        Effect.gen(function*() {
          yield* sim.inject(Fault.malformed(kind, { route: ISSUE }))
          const error = yield* Effect.flip(client.issue({ credentials: demoPassword }))
          expect(error).toMatchObject({ _tag: "DecodeError", status: 201, contentType: "application/json" })
          expect(yield* sim.count()).toBe(1) // not retried
        })))

    it.effect(`${kind} body on validate (v3)`, () =>
      withSim((sim, client) =>
        Effect.gen(function*() {
          const token = yield* client.issue({ credentials: demoPassword })
          yield* sim.inject(Fault.malformed(kind, { route: "GET /v3/auth/tokens" }))
          expect((yield* Effect.flip(client.validate(token)))._tag).toBe("DecodeError")
        })))

    it.effect(`${kind} body on issue (v2.0)`, () =>
      withSim((sim, client) =>
        Effect.gen(function*() {
          yield* sim.inject(Fault.malformed(kind, { route: "POST /v2.0/tokens" }))
          const error = yield* Effect.flip(client.issue(demoV2))
          expect(error).toMatchObject({ _tag: "DecodeError", status: 200 })
        }), { v2: true }))
  }

  it.effect("an HTML page with 200 (a captive portal) → DecodeError with its content type", () =>
    withSim((sim, client) =>
      Effect.gen(function*() {
        yield* sim.inject(Fault.malformed("html", { status: 200 }))
        const error = yield* Effect.flip(client.issue({ credentials: demoPassword }))
        expect(error).toMatchObject({ _tag: "DecodeError", status: 200, contentType: "text/html" })
        expect(error.message).toMatch(/not JSON/)
      })))

  it.effect("an HTML 502 page from a proxy → ServiceUnavailable (its status decides)", () =>
    withSim((sim, client) =>
      Effect.gen(function*() {
        yield* sim.inject(Fault.malformed("html"))
        const error = yield* Effect.flip(client.issue({ credentials: demoPassword }))
        expect(error).toMatchObject({ _tag: "ServiceUnavailable", status: 502 })
        expect(error.message).toMatch(/text\/html/)
      }), { retry: false }))

  it.effect("a well-formed body of the wrong shape → DecodeError naming the path", () =>
    withSim((sim, client) =>
      Effect.gen(function*() {
        yield* sim.inject(Fault.status(201, { route: ISSUE, body: { token: { methods: "password" } } }))
        const error = yield* Effect.flip(client.issue({ credentials: demoPassword }))
        expect(error._tag).toBe("DecodeError")
      })))

  it.effect("missing X-Subject-Token → DecodeError", () =>
    withSim((sim, client) =>
      Effect.gen(function*() {
        yield* sim.inject(Fault.missingSubjectToken())
        const error = yield* Effect.flip(client.issue({ credentials: demoPassword }))
        expect(error).toMatchObject({ _tag: "DecodeError", status: 201 })
        expect(error.message).toMatch(/X-Subject-Token/)
      })))

  it.effect("truncated catalog (v3) and endpoints list (v2.0) → DecodeError", () =>
    Effect.gen(function*() {
      yield* withSim((sim, client) =>
        Effect.gen(function*() {
          const token = yield* client.issue({ credentials: demoPassword })
          yield* sim.inject(Fault.malformed("truncated", { route: "GET /v3/auth/catalog" }))
          expect((yield* Effect.flip(client.endpoints(token)))._tag).toBe("DecodeError")
        }))
      yield* withSim((sim, client) =>
        Effect.gen(function*() {
          const token = yield* client.issue(demoV2)
          yield* sim.inject(Fault.malformed("garbage", { route: "GET /v2.0/tokens/{id}/endpoints" }))
          expect((yield* Effect.flip(client.endpoints(token)))._tag).toBe("DecodeError")
        }), { v2: true, caller: { auth: adminV2 } })
    }))
})

describe("transport failures", () => {
  it.effect("a reset connection → TransportError after the 5 bounded attempts", () =>
    withSim((sim, client) =>
      Effect.gen(function*() {
        yield* sim.inject(Fault.reset({ count: Infinity }))
        const error = yield* Effect.flip(runWithClock(client.issue({ credentials: demoPassword })))
        expect(error).toMatchObject({ _tag: "TransportError", reason: "Reset", method: "POST" })
        expect(yield* sim.count(ISSUE)).toBe(5)
      })))

  it.effect("Keystone down → TransportError Connect", () =>
    withSim((sim, client) =>
      Effect.gen(function*() {
        yield* sim.setDown
        const error = yield* Effect.flip(client.issue({ credentials: demoPassword }))
        expect(error).toMatchObject({ _tag: "TransportError", reason: "Connect" })
      }), { retry: false }))

  it.effect("a server that never answers → TransportError Timeout at the per-request timeout", () =>
    withSim((sim, client) =>
      Effect.gen(function*() {
        yield* sim.inject(Fault.latency("1 hour", { count: Infinity }))
        const error = yield* Effect.flip(runWithClock(client.issue({ credentials: demoPassword }), "250 millis"))
        expect(error).toMatchObject({ _tag: "TransportError", reason: "Timeout" })
        expect(yield* sim.count(ISSUE)).toBe(1)
      }), { retry: false, timeout: "2 seconds" }))

  it.effect("timeouts are retried within the budget: three 10 s attempts fit in 30 s", () =>
    withSim((sim, client) =>
      Effect.gen(function*() {
        yield* sim.inject(Fault.latency("1 hour", { count: Infinity }))
        const started = yield* Effect.clockWith((c) => c.currentTimeMillis)
        const error = yield* Effect.flip(runWithClock(client.issue({ credentials: demoPassword }), "500 millis"))
        const elapsed = (yield* Effect.clockWith((c) => c.currentTimeMillis)) - started
        expect(error).toMatchObject({ _tag: "TransportError", reason: "Timeout" })
        expect(yield* sim.count(ISSUE)).toBe(3)
        expect(elapsed).toBeLessThanOrEqual(Duration.toMillis("31 seconds"))
      })))

  it.effect("latency under the timeout is fine", () =>
    withSim((sim, client) =>
      Effect.gen(function*() {
        yield* sim.inject(Fault.latency("3 seconds"))
        const token = yield* runWithClock(client.issue({
          credentials: Credentials.password({ userId: "4a9a07ab737c44abb4e2a4f94ca611c8", password: Redacted.make("demo-password") })
        }), "1 second")
        expect(token.version).toBe("v3")
      })))
})
