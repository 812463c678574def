/**
 * `keystone_middleware_validations_total` by result, and the client's
 * validation latency, read back with `Metric.value`. Each test runs under its
 * own metric tag, so its series start at zero (the registry is global). And
 * a traced server's spans with `TokenHeaders.redactInTraces`.
 */
import * as HttpClient from "@effect/platform/HttpClient"
import * as HttpServer from "@effect/platform/HttpServer"
import * as HttpServerResponse from "@effect/platform/HttpServerResponse"
import { NodeHttpServer } from "@effect/platform-node"
import { describe, expect, it } from "@effect/vitest"
import { KeystoneError, KeystoneMetrics, TokenHeaders } from "@effect-keystone/client"
import { Catalog, Token } from "@effect-keystone/schema"
import { Fault } from "@effect-keystone/testing"
import * as DateTime from "effect/DateTime"
import * as Effect from "effect/Effect"
import * as Fiber from "effect/Fiber"
import * as Metric from "effect/Metric"
import * as Option from "effect/Option"
import * as Redacted from "effect/Redacted"
import * as TestClock from "effect/TestClock"
import * as Tracer from "effect/Tracer"
import * as Outage from "../src/internal/outage.js"
import * as Revocation from "../src/internal/revocation.js"
import * as Validator from "../src/internal/validator.js"
import { headers, makeEnv, VALIDATE } from "./support.js"

const results = ["hit", "miss", "negative", "revoked", "unavailable"] as const

/** Every result's count, as one object. */
const counts = Effect.map(
  Effect.forEach(results, (result) => Metric.value(KeystoneMetrics.withTags(KeystoneMetrics.validations, { result }))),
  (states) => Object.fromEntries(states.map((s, i) => [results[i], s.count]))
)

const expected = (partial: Partial<Record<(typeof results)[number], number>>) => ({
  hit: 0,
  miss: 0,
  negative: 0,
  revoked: 0,
  unavailable: 0,
  ...partial
})

const at = (millis: number) => Option.some(DateTime.unsafeMake(millis))

/** A project token with audit id `audit-<id>`, valid for an hour from 0 (the TestClock's start). */
const tokenFor = (id: string) =>
  new Token.Token({
    id: Redacted.make(id),
    version: "v3",
    issuedAt: at(0),
    expiresAt: at(3_600_000),
    user: { id: "u1", name: "demo", domain: { id: "d1", name: "D1" } },
    scope: { _tag: "Project", id: "p1", name: "demo", domain: { id: "d1", name: "D1" } },
    roles: [{ id: "r1", name: "member" }],
    catalog: Catalog.empty,
    methods: ["password"],
    auditIds: [`audit-${id}`]
  })

const failure = { method: "GET", url: "http://keystone.test/v3/auth/tokens" } as const

describe("middleware metrics", () => {
  it.effect("each validation counted once: hit, miss, negative, revoked, unavailable", () =>
    Effect.gen(function*() {
      const revocations = Revocation.makeIndex(3_600_000, 100)
      // Keystone: `good-*` tokens are valid, `gone` is unknown, `down` finds it unreachable
      const validator = yield* Validator.make(
        { maxAgeMillis: 300_000, negativeMaxAgeMillis: 10_000, capacity: 100, catalog: false, retryAfterSeconds: 5 },
        (subject) => {
          const id = Redacted.value(subject)
          if (id.startsWith("good")) return Effect.succeed(tokenFor(id))
          if (id === "gone") return Effect.fail(new KeystoneError.NotFound({ ...failure, status: 404, message: "gone" }))
          return Effect.fail(new KeystoneError.ServiceUnavailable({ ...failure, status: 503, message: "down" }))
        },
        revocations,
        undefined,
        yield* Outage.make
      )
      const verdict = (id: string) =>
        Effect.map(Effect.either(validator.validate(id, false)), (r) =>
          r._tag === "Right" ? "valid" : r.left._tag === "TokenRejected" ? r.left.reason : r.left._tag)

      expect(yield* verdict("good-1")).toBe("valid")
      expect(yield* counts).toEqual(expected({ miss: 1 }))
      expect(yield* verdict("good-1")).toBe("valid")
      expect(yield* verdict("good-1")).toBe("valid")
      expect(yield* counts).toEqual(expected({ miss: 1, hit: 2 }))

      // a rejection: Keystone's once (a miss), then remembered (negative) until negativeMaxAge
      expect(yield* verdict("gone")).toBe("Unknown")
      expect(yield* verdict("gone")).toBe("Unknown")
      expect(yield* counts).toEqual(expected({ miss: 2, hit: 2, negative: 1 }))
      yield* TestClock.adjust("11 seconds")
      expect(yield* verdict("gone")).toBe("Unknown")
      expect(yield* counts).toEqual(expected({ miss: 3, hit: 2, negative: 1 }))

      // Keystone unreachable: never remembered, each one unavailable
      expect(yield* verdict("down")).toBe("KeystoneUnavailable")
      expect(yield* verdict("down")).toBe("KeystoneUnavailable")
      expect(yield* counts).toEqual(expected({ miss: 3, hit: 2, negative: 1, unavailable: 2 }))

      // a revocation event covering a remembered validation: revoked (and forgotten: Keystone is asked next)
      revocations.add([{ audit_id: "audit-good-1" }], 11_000)
      expect(yield* verdict("good-1")).toBe("Revoked")
      expect(yield* counts).toEqual(expected({ miss: 3, hit: 2, negative: 1, unavailable: 2, revoked: 1 }))
      expect(yield* verdict("good-1")).toBe("Revoked") // asked again: Keystone still says valid, the event still covers it
      expect(yield* counts).toEqual(expected({ miss: 3, hit: 2, negative: 1, unavailable: 2, revoked: 2 }))

      // 100 concurrent requests with one new token: one miss (the lookup), 99 hits (joined it)
      yield* Effect.all(Array.from({ length: 100 }, () => verdict("good-2")), { concurrency: "unbounded" })
      expect(yield* counts).toEqual(expected({ miss: 4, hit: 101, negative: 1, unavailable: 2, revoked: 2 }))
    }).pipe(Effect.tagMetrics("test", "validator-results")))

  it.scoped("through AuthToken against KeystoneSim: hits and misses, and Keystone's validation latency", () =>
    Effect.gen(function*() {
      const env = yield* makeEnv()
      const token = yield* env.issue()
      const request = headers({ "X-Auth-Token": token })
      yield* env.sim.inject(Fault.latency("40 millis", { route: VALIDATE }))
      const first = yield* Effect.fork(env.auth.decide(request))
      while (Option.isNone(yield* Fiber.poll(first))) yield* TestClock.adjust("10 millis")
      expect((yield* Fiber.join(first))._tag).toBe("Forward")
      for (let i = 0; i < 9; i++) expect((yield* env.auth.decide(request))._tag).toBe("Forward")
      const unknown = yield* env.auth.decide(headers({ "X-Auth-Token": "gAAAAA-not-a-token" }))
      expect(unknown).toMatchObject({ _tag: "Respond", status: 401 })
      expect(yield* env.sim.count(VALIDATE)).toBe(2)
      expect(yield* counts).toEqual(expected({ miss: 2, hit: 9 }))

      // one validate call per miss; the first took the 40 ms the simulator was told to wait (on the TestClock, in 10 ms steps)
      const latency = yield* Metric.value(KeystoneMetrics.withTags(KeystoneMetrics.validationDuration, { operation: "validate" }))
      expect(latency.count).toBe(2)
      expect(latency.max).toBeGreaterThanOrEqual(0.04)
      expect(latency.max).toBeLessThan(0.05)
      expect(latency.min).toBe(0)
      // the 40 ms sits in the (0.032, 0.064] bucket: the cumulative count reaches 1 there, 2 overall
      const bucket = (le: number) => latency.buckets.find(([bound]) => Math.abs(bound - le) < 1e-9)?.[1]
      expect([bucket(0.032), bucket(0.064)]).toEqual([1, 2])
    }).pipe(Effect.tagMetrics("test", "authtoken-sim")))
})

/** Serves "ok" (wrapped in `wrap`) on a test server, sends one request with an `X-Auth-Token`; the server span's attribute for it. */
const serverSpanHeader = (wrap: <A, E, R>(effect: Effect.Effect<A, E, R>) => Effect.Effect<A, E, R>) =>
  Effect.gen(function*() {
    const base = yield* Effect.tracer
    const spans: Array<Tracer.Span> = []
    const tracer = Tracer.make({ span: (...args) => {
      const span = base.span(...args)
      spans.push(span)
      return span
    }, context: base.context })
    yield* HttpServer.serveEffect(HttpServerResponse.text("ok")).pipe(wrap, Effect.withTracer(tracer))
    const response = yield* HttpClient.get("/", { headers: { "x-auth-token": "gAAAAA-secret-token" } })
    expect(response.status).toBe(200)
    const server = spans.filter((s) => s.kind === "server")
    expect(server).toHaveLength(1)
    return server[0]!.attributes.get("http.request.header.x-auth-token")
  }).pipe(Effect.provide(NodeHttpServer.layerTest))

describe("token headers in traces", () => {
  it.scopedLive("an Effect HttpServer records X-Auth-Token in its span; inside TokenHeaders.redactInTraces, redacted", () =>
    Effect.gen(function*() {
      expect(yield* serverSpanHeader((e) => e)).toBe("gAAAAA-secret-token")
      expect(yield* serverSpanHeader(TokenHeaders.redactInTraces)).toBe("<redacted>")
    }))
})
