import { describe, expect, it } from "@effect/vitest"
import { AuthScope, Credentials, KeystoneClient } from "@effect-keystone/client"
import { Fault, KeystoneSim } from "@effect-keystone/testing"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Redacted from "effect/Redacted"
import * as ValidateIncoming from "../validate-incoming.js"
import type { JsonBody } from "./support.js"

const demo = {
  credentials: Credentials.password({
    username: KeystoneSim.Demo.username,
    domain: { id: KeystoneSim.Demo.domainId },
    password: Redacted.make(KeystoneSim.Demo.password)
  }),
  scope: AuthScope.project({ id: KeystoneSim.Demo.projectId })
}

const service = (password: string = KeystoneSim.Service.password) => ({
  credentials: Credentials.password({ userId: KeystoneSim.Service.userId, password: Redacted.make(password) }),
  scope: AuthScope.project({ id: KeystoneSim.Service.projectId })
})

const VALIDATE = "GET /v3/auth/tokens"

/** The service's KeystoneClient (service credentials) over the in-memory simulator. */
const env = (servicePassword?: string) =>
  KeystoneClient.layer({
    authUrl: "http://keystone.test/v3",
    serviceAuth: { auth: service(servicePassword) },
    retry: false
  }).pipe(Layer.provideMerge(KeystoneSim.layer()))

const get = (url: string, token?: string) =>
  Effect.promise(async () => {
    const response = await fetch(url, { headers: token === undefined ? {} : { "x-auth-token": token } })
    return { status: response.status, headers: response.headers, body: (await response.json()) as JsonBody }
  })

/** A fresh token for the demo user; its raw id, as a client would send it. */
const demoToken = Effect.flatMap(KeystoneClient.KeystoneClient, (c) => c.issue(demo)).pipe(
  Effect.map((t) => ({ token: t, id: Redacted.value(t.id) }))
)

describe("examples/validate-incoming", () => {
  it.scopedLive("401 without a token or with a bad one, 200 with the caller for a good one", () =>
    Effect.gen(function*() {
      const { url } = yield* ValidateIncoming.serve({ cacheFor: "1 minute" })
      const missing = yield* get(url)
      expect(missing.status).toBe(401)
      expect(missing.headers.get("www-authenticate")).toBe('Keystone uri="http://keystone.test/v3"')
      expect((yield* get(url, "gAAAAAB-not-a-token")).status).toBe(401)
      expect((yield* get(url, "bad token with spaces")).status).toBe(401)

      const { id, token } = yield* demoToken
      const ok = yield* get(`${url}/v2.1/servers`, id)
      expect(ok.status).toBe(200)
      expect(ok.body).toMatchObject({
        user: { id: KeystoneSim.Demo.userId, name: "demo", domain: "Default" },
        project: { id: KeystoneSim.Demo.projectId, name: "demo" },
        auditId: token.auditIds[0]
      })
      expect(ok.body.roles).toContain("member")
      expect(JSON.stringify(ok.body)).not.toContain(id)
    }).pipe(Effect.provide(env())))

  it.scopedLive("positive answers are cached briefly: one Keystone request for many calls", () =>
    Effect.gen(function*() {
      const sim = yield* KeystoneSim.KeystoneSim
      const { url } = yield* ValidateIncoming.serve({ cacheFor: "1 second" })
      const { id } = yield* demoToken
      const statuses = yield* Effect.all(Array.from({ length: 20 }, () => get(url, id)), { concurrency: 5 })
      expect(statuses.map((r) => r.status)).toEqual(Array(20).fill(200))
      expect(yield* sim.count(VALIDATE)).toBe(1)
      // a revoked token is still accepted from the cache, until the cache time is up
      yield* sim.revoke(id)
      expect((yield* get(url, id)).status).toBe(200)
      yield* Effect.sleep("1100 millis")
      expect((yield* get(url, id)).status).toBe(401)
      expect(yield* sim.count(VALIDATE)).toBe(2)
    }).pipe(Effect.provide(env())))

  it.scopedLive("a cached answer never outlives the token", () =>
    Effect.gen(function*() {
      const sim = yield* KeystoneSim.KeystoneSim
      const { url } = yield* ValidateIncoming.serve({ cacheFor: "1 hour" })
      yield* sim.setTokenLifetime("2 seconds")
      const { id, token } = yield* demoToken
      expect((yield* get(url, id)).status).toBe(200)
      const expiresAt = token.expiresAt._tag === "Some" ? token.expiresAt.value.epochMillis : 0
      yield* Effect.sleep(Math.max(0, expiresAt - Date.now()) + 100)
      expect((yield* get(url, id)).status).toBe(401)
    }).pipe(Effect.provide(env())))

  it.scopedLive("without a cache a revoked token is refused at once", () =>
    Effect.gen(function*() {
      const sim = yield* KeystoneSim.KeystoneSim
      const { url } = yield* ValidateIncoming.serve({ cacheFor: 0 })
      const { id } = yield* demoToken
      expect((yield* get(url, id)).status).toBe(200)
      yield* sim.revoke(id)
      expect((yield* get(url, id)).status).toBe(401)
    }).pipe(Effect.provide(env())))

  it.scopedLive("Keystone failing is a 503 with Retry-After, not a 401", () =>
    Effect.gen(function*() {
      const sim = yield* KeystoneSim.KeystoneSim
      const { url } = yield* ValidateIncoming.serve({ cacheFor: 0 })
      const { id } = yield* demoToken
      yield* sim.inject(Fault.status(503, { route: VALIDATE, retryAfter: 7 }))
      const down = yield* get(url, id)
      expect(down.status).toBe(503)
      expect(down.headers.get("retry-after")).toBe("7")
      yield* sim.setDown
      expect((yield* get(url, id)).status).toBe(503)
      yield* sim.setUp
      expect((yield* get(url, id)).status).toBe(200)
    }).pipe(Effect.provide(env())))

  it.scopedLive("the service's own credentials refused: 503 (our problem), never 401", () =>
    Effect.gen(function*() {
      const { url } = yield* ValidateIncoming.serve({ cacheFor: 0 })
      const { id } = yield* demoToken
      expect((yield* get(url, id)).status).toBe(503)
    }).pipe(Effect.provide(env("wrong-password"))))
})
