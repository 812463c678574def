/**
 * Issue 8, defects 2, 4, 5 and 8, and the cleartext warning: what the client
 * makes of hostile or odd replies (a day-long Retry-After, a token dead on
 * arrival, secrets echoed in a request id or JSON-escaped), belongsTo
 * mismatches that must not re-log the service in, and `http://` auth URLs.
 */
import { Credentials, KeystoneClient, type KeystoneError } from "@effect-keystone/client"
import { Fault } from "@effect-keystone/testing"
import * as HttpClient from "@effect/platform/HttpClient"
import * as HttpClientResponse from "@effect/platform/HttpClientResponse"
import { describe, expect, it } from "@effect/vitest"
import * as Config from "effect/Config"
import * as ConfigProvider from "effect/ConfigProvider"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Logger from "effect/Logger"
import * as Redacted from "effect/Redacted"
import { Admin, adminAuth, adminV2, Demo, demoPassword, demoV2, leaks, runWithClock, withSim } from "./utils.js"

describe("Retry-After is capped (maxRetryAfter)", () => {
  it.effect("Retry-After: 86400 fails at once, reported as at most the budget (30 s), not a day", () =>
    withSim((sim, client) =>
      Effect.gen(function*() {
        yield* sim.inject(Fault.status(503, { retryAfter: 86400 }))
        const error = yield* Effect.flip(client.issue({ credentials: demoPassword }))
        expect(error._tag).toBe("ServiceUnavailable")
        if (error._tag === "ServiceUnavailable") expect(error.retryAfter && Duration.toMillis(error.retryAfter)).toBe(30_000)
        expect(yield* sim.count()).toBe(1)
      })))

  it.effect("with maxRetryAfter 1 second, a Retry-After of a day waits 1 second and the retry succeeds", () =>
    withSim((sim, client) =>
      Effect.gen(function*() {
        yield* sim.inject(Fault.status(503, { retryAfter: 86400 }))
        const token = yield* runWithClock(client.issue({ credentials: demoPassword }), "1 second", 10)
        expect(token.user.id).toBe(Demo.userId)
        expect(yield* sim.count("POST /v3/auth/tokens")).toBe(2)
      }), { retry: { maxRetryAfter: "1 second" } }))
})

describe("belongsTo mismatch: false / NotFound, never a new service login", () => {
  for (const v of [{ name: "v3", v2: false, auth: adminAuth, issue: { credentials: demoPassword }, login: "POST /v3/auth/tokens" }, {
    name: "v2.0",
    v2: true,
    auth: adminV2,
    issue: demoV2,
    login: "POST /v2.0/tokens"
  }] as const) {
    it.effect(`${v.name}: 10 mismatched checks are false with 0 extra logins; validate is NotFound saying why`, () =>
      withSim((sim, client) =>
        Effect.gen(function*() {
          const token = yield* client.issue(v.issue)
          expect(yield* client.check(token, { belongsTo: Demo.projectId })).toBe(true)
          const logins = yield* sim.count(v.login)
          for (let i = 0; i < 10; i++) expect(yield* client.check(token, { belongsTo: Admin.projectId })).toBe(false)
          const error = yield* Effect.flip(client.validate(token, { belongsTo: Admin.projectId }))
          expect(error._tag).toBe("NotFound")
          expect(error.message).toContain(`not scoped to project ${Admin.projectId}`)
          expect(yield* sim.count(v.login)).toBe(logins)
        }), { v2: v.v2, caller: { auth: v.auth } }))
  }
})

describe("a token with no life by its own timestamps", () => {
  for (const v of [{ name: "v3", v2: false, issue: { credentials: demoPassword } }, { name: "v2.0", v2: true, issue: demoV2 }] as const) {
    it.effect(`${v.name}: issue of a token whose expires_at is not after issued_at is a DecodeError`, () =>
      withSim((sim, client) =>
        Effect.gen(function*() {
          yield* sim.setTokenLifetime(0)
          const error = yield* Effect.flip(client.issue(v.issue))
          expect(error._tag).toBe("DecodeError")
          expect(error.message).toMatch(/no life by Keystone's own timestamps: expires_at .* is not after issued_at/)
        }), { v2: v.v2 }))
  }
})

describe("scrubbing", () => {
  const password = "pa\"ss\\word-x"
  const auth = { credentials: Credentials.password({ userId: Demo.userId, password: Redacted.make(password) }) }
  const answering = (status: number, headers: Record<string, string>, body: unknown) =>
    HttpClient.make((request) =>
      Effect.succeed(HttpClientResponse.fromWeb(request, new Response(JSON.stringify(body), { status, headers })))
    )
  const issueWith = (http: HttpClient.HttpClient) =>
    Effect.flatMap(
      KeystoneClient.make({ authUrl: "http://keystone.test/v3", retry: false }).pipe(Effect.provideService(HttpClient.HttpClient, http)),
      (client) => Effect.flip(client.issue(auth))
    )

  it.effect("a secret echoed in the request id is scrubbed; an oversized or odd request id is dropped", () =>
    Effect.gen(function*() {
      const echoed = yield* issueWith(answering(401, { "x-openstack-request-id": `req-${password}` }, {}))
      const requestId = (e: KeystoneError.KeystoneError) => ("requestId" in e ? e.requestId : undefined)
      expect(requestId(echoed)).toBe("req-***")
      expect(leaks(echoed, [password])).toEqual([])
      const long = yield* issueWith(answering(401, { "x-openstack-request-id": `req-${"a".repeat(200)}` }, {}))
      expect(requestId(long)).toBeUndefined()
      const spaced = yield* issueWith(answering(401, { "x-openstack-request-id": "req 1 <script>" }, {}))
      expect(requestId(spaced)).toBeUndefined()
    }))

  it.effect("a secret echoed JSON-escaped (or Python-escaped) in Keystone's message is scrubbed", () =>
    Effect.gen(function*() {
      const escaped = JSON.stringify(password).slice(1, -1) // pa\"ss\\word-x
      const repr = password.replace(/\\/g, "\\\\") // pa"ss\\word-x
      const twice = JSON.stringify(escaped).slice(1, -1) // the JSON request body echoed JSON-escaped: pa\\\"ss\\\\word-x
      for (const form of [escaped, repr, twice]) {
        const error = yield* issueWith(
          answering(400, {}, { error: { code: 400, title: "Bad Request", message: `Invalid input: {"password": "${form}"}` } })
        )
        expect(error._tag).toBe("BadRequest")
        expect(error.message).toContain("***")
        expect(leaks(error, [password, escaped, repr, twice])).toEqual([])
      }
    }))
})

describe("an http:// auth URL that is not loopback", () => {
  const warnings = (authUrls: ReadonlyArray<string>) =>
    Effect.gen(function*() {
      const logged: Array<string> = []
      const logger = Logger.make(({ logLevel, message }) => {
        if (logLevel._tag === "Warning") logged.push(String(message))
      })
      yield* Effect.gen(function*() {
        for (const authUrl of authUrls) {
          const client = yield* KeystoneClient.make({ authUrl })
          yield* Effect.ignore(client.check(Redacted.make("..")))
          yield* Effect.ignore(client.check(Redacted.make("..")))
        }
      }).pipe(
        Effect.provide(Logger.add(logger)),
        Effect.provideService(HttpClient.HttpClient, HttpClient.make(() => Effect.die("not sent")))
      )
      return logged
    })

  it.effect("is logged once per client, as a warning; https and loopback are not", () =>
    Effect.gen(function*() {
      const logged = yield* warnings(["http://keystone.example.com:5000/v3"])
      expect(logged).toHaveLength(1)
      expect(logged[0]).toContain("http://keystone.example.com:5000")
      expect(logged[0]).toMatch(/plain http/)
      const quiet = yield* warnings([
        "https://keystone.example.com/v3",
        "http://127.0.0.1:5000/v3",
        "http://localhost:5000/v3",
        "http://[::1]:5000/v3"
      ])
      expect(quiet).toEqual([])
    }))
})

describe("the new options from Config", () => {
  const http = HttpClient.make((request) =>
    Effect.succeed(HttpClientResponse.fromWeb(request, new Response("x".repeat(64), { status: 503, headers: { "retry-after": "600" } })))
  )
  const issueWith = (env: ReadonlyArray<[string, string]>) =>
    Effect.flip(Effect.flatMap(KeystoneClient.KeystoneClient, (c) => c.issue({ credentials: demoPassword }))).pipe(
      Effect.provide(
        KeystoneClient.layerConfig({
          authUrl: Config.succeed("http://127.0.0.1:5000/v3"),
          maxResponseBytes: Config.integer("MAX_BYTES"),
          retry: Config.all({ maxRetryAfter: Config.duration("MAX_RETRY_AFTER"), maxAttempts: Config.succeed(1) })
        }).pipe(
          Layer.provide(Layer.setConfigProvider(ConfigProvider.fromMap(new Map(env)))),
          Layer.provide(Layer.succeed(HttpClient.HttpClient, http))
        )
      )
    )

  it.effect("maxResponseBytes and retry.maxRetryAfter are read by KeystoneClient.layerConfig", () =>
    Effect.gen(function*() {
      const tooLarge = yield* issueWith([["MAX_BYTES", "32"], ["MAX_RETRY_AFTER", "2 seconds"]])
      expect(tooLarge._tag).toBe("DecodeError")
      expect(tooLarge.message).toContain("maxResponseBytes (32 bytes)")
      const capped = yield* issueWith([["MAX_BYTES", "1024"], ["MAX_RETRY_AFTER", "2 seconds"]])
      expect(capped._tag).toBe("ServiceUnavailable")
      if (capped._tag === "ServiceUnavailable") expect(capped.retryAfter && Duration.toMillis(capped.retryAfter)).toBe(2_000)
    }))
})
