import * as HttpClient from "@effect/platform/HttpClient"
import * as HttpClientRequest from "@effect/platform/HttpClientRequest"
import { describe, expect, it } from "@effect/vitest"
import { Fault, KeystoneSim } from "@effect-keystone/testing"
import * as Effect from "effect/Effect"
import * as Fiber from "effect/Fiber"
import * as Option from "effect/Option"
import * as TestClock from "effect/TestClock"
import { decodeV3, demo, get, issue, provideSim, tokenId, tokens } from "./utils.js"

const ISSUE = "POST /v3/auth/tokens"

describe("Fault", () => {
  it.effect("status burst with Retry-After, then normal answers", () =>
    Effect.gen(function*() {
      const sim = yield* KeystoneSim.KeystoneSim
      yield* sim.inject(Fault.status(503, { count: 3, retryAfter: 2, route: ISSUE }))
      expect((yield* get("/")).status).toBe(300) // another route: untouched
      for (let i = 0; i < 3; i++) {
        const a = yield* issue(demo())
        expect(a.status).toBe(503)
        expect(a.headers["retry-after"]).toBe("2")
        expect(a.json).toEqual({
          error: { code: 503, message: "The service is temporarily unavailable.", title: "Service Unavailable" }
        })
      }
      expect((yield* issue(demo())).status).toBe(201)
      expect(yield* sim.count(ISSUE)).toBe(4)
      expect(yield* sim.tokensIssued).toBe(1)
    }).pipe(provideSim()))

  it.effect("an HTTP-date Retry-After, a custom body, any route", () =>
    Effect.gen(function*() {
      const sim = yield* KeystoneSim.KeystoneSim
      yield* sim.inject(Fault.status(429, { retryAfter: "Wed, 21 Oct 2015 07:28:00 GMT", body: { message: "slow down" } }))
      const a = yield* get("/v3")
      expect(a.status).toBe(429)
      expect(a.headers["retry-after"]).toBe("Wed, 21 Oct 2015 07:28:00 GMT")
      expect(a.json).toEqual({ message: "slow down" })
      expect((yield* get("/v3")).status).toBe(200)
    }).pipe(provideSim()))

  it.effect("faults queue and apply in order; clearFaults drops them", () =>
    Effect.gen(function*() {
      const sim = yield* KeystoneSim.KeystoneSim
      yield* sim.inject(Fault.status(500))
      yield* sim.inject(Fault.status(502, { count: 2 }))
      yield* sim.inject(Fault.status(504))
      const statuses: Array<number> = []
      for (let i = 0; i < 3; i++) statuses.push((yield* get("/v3")).status)
      expect(statuses).toEqual([500, 502, 502])
      yield* sim.clearFaults
      expect((yield* get("/v3")).status).toBe(200)
    }).pipe(provideSim()))

  it.effect("latency sleeps on the Clock, so TestClock controls it", () =>
    Effect.gen(function*() {
      const sim = yield* KeystoneSim.KeystoneSim
      yield* sim.inject(Fault.latency("3 seconds", { route: ISSUE }))
      const fiber = yield* Effect.fork(issue(demo()))
      yield* TestClock.adjust("2 seconds")
      expect(Option.isNone(yield* Fiber.poll(fiber))).toBe(true)
      yield* TestClock.adjust("1 second")
      const a = yield* Fiber.join(fiber)
      expect(a.status).toBe(201)
      // the token is issued when the answer is made, after the delay
      expect(a.json.token.issued_at).toBe("1970-01-01T00:00:03.000000Z")
    }).pipe(provideSim()))

  it.effect("reset: a RequestError with reason Transport; nothing is processed", () =>
    Effect.gen(function*() {
      const sim = yield* KeystoneSim.KeystoneSim
      const client = yield* HttpClient.HttpClient
      yield* sim.inject(Fault.reset({ route: ISSUE }))
      const request = HttpClientRequest.post(`${sim.authUrl}/auth/tokens`).pipe(HttpClientRequest.bodyUnsafeJson(demo()))
      const error = yield* Effect.flip(client.execute(request))
      expect(error._tag).toBe("RequestError")
      expect(error.reason).toBe("Transport")
      expect(yield* sim.tokensIssued).toBe(0)
      expect((yield* client.execute(request)).status).toBe(201)
    }).pipe(provideSim()))

  it.effect("setDown / setUp: every request fails at the transport meanwhile", () =>
    Effect.gen(function*() {
      const sim = yield* KeystoneSim.KeystoneSim
      const client = yield* HttpClient.HttpClient
      yield* sim.setDown
      const error = yield* Effect.flip(client.get(`${sim.baseUrl}/`))
      expect(error).toMatchObject({ _tag: "RequestError", reason: "Transport" })
      yield* sim.setUp
      expect((yield* client.get(`${sim.baseUrl}/`)).status).toBe(300)
    }).pipe(provideSim()))

  it.effect("malformed html: a proxy's 502 page", () =>
    Effect.gen(function*() {
      const sim = yield* KeystoneSim.KeystoneSim
      yield* sim.inject(Fault.malformed("html"))
      const a = yield* issue(demo())
      expect(a.status).toBe(502)
      expect(a.headers["content-type"]).toBe("text/html")
      expect(a.text).toContain("<title>502 Bad Gateway</title>")
      expect(a.json).toBeUndefined()
      expect(yield* sim.tokensIssued).toBe(0)
    }).pipe(provideSim()))

  it.effect("malformed truncated, garbage, empty: the normal status with a body that is not JSON", () =>
    Effect.gen(function*() {
      const sim = yield* KeystoneSim.KeystoneSim
      yield* sim.inject(Fault.malformed("truncated", { route: ISSUE }))
      const truncated = yield* issue(demo())
      expect(truncated.status).toBe(201)
      expect(truncated.text.startsWith("{\"token\": {")).toBe(true)
      expect(truncated.json).toBeUndefined()
      expect(truncated.headers["content-length"]).toBe(String(truncated.text.length))

      yield* sim.inject(Fault.malformed("garbage", { route: ISSUE }))
      const garbage = yield* issue(demo())
      expect(garbage.status).toBe(201)
      expect(garbage.headers["content-type"]).toBe("application/json")
      expect(garbage.json).toBeUndefined()

      yield* sim.inject(Fault.malformed("empty", { route: ISSUE }))
      const empty = yield* issue(demo())
      expect(empty.status).toBe(201)
      expect(empty.text).toBe("")

      yield* sim.inject(Fault.malformed("garbage", { status: 200 }))
      const overridden = yield* issue(demo())
      expect(overridden.status).toBe(200)
      expect(overridden.json).toBeUndefined()
      expect(yield* sim.tokensIssued).toBe(4)
    }).pipe(provideSim()))

  it.effect("missingSubjectToken: a normal 201 without X-Subject-Token", () =>
    Effect.gen(function*() {
      const sim = yield* KeystoneSim.KeystoneSim
      const id = yield* tokenId(demo())
      yield* sim.inject(Fault.missingSubjectToken())
      const validated = yield* tokens("GET", id, id) // not this route
      expect(validated.headers["x-subject-token"]).toBe(id)
      const a = yield* issue(demo())
      expect(a.status).toBe(201)
      expect(a.headers["x-subject-token"]).toBeUndefined()
      expect(a.json.token.methods).toEqual(["password"])
      expect(() => decodeV3(a)).not.toThrow() // the body alone is fine; the id is what is missing
    }).pipe(provideSim()))
})
