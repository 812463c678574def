import { NodeHttpClient } from "@effect/platform-node"
import { describe, expect, it } from "@effect/vitest"
import { KeystoneClient, OpenStackConfig } from "@effect-keystone/client"
import type { AuthToken } from "@effect-keystone/middleware"
import { Fault, KeystoneSim } from "@effect-keystone/testing"
import * as KeystoneSimNode from "@effect-keystone/testing/Node"
import * as ConfigProvider from "effect/ConfigProvider"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Redacted from "effect/Redacted"
import * as ProtectedService from "../protected-service.js"
import { demoAuth, type JsonBody } from "./support.js"

const VALIDATE = "GET /v3/auth/tokens"

/**
 * The simulator on loopback, and the service started as its `main` would:
 * its credentials (the simulator's "service" user) from OS_* variables.
 */
const start = (options: AuthToken.Options = {}, password: string = KeystoneSim.Service.password) =>
  Effect.gen(function*() {
    const sim = yield* KeystoneSimNode.serve()
    const settings = yield* Effect.withConfigProvider(
      OpenStackConfig.fromEnv,
      ConfigProvider.fromMap(
        new Map([
          ["OS_AUTH_URL", sim.authUrl],
          ["OS_USER_ID", KeystoneSim.Service.userId],
          ["OS_PASSWORD", password],
          ["OS_PROJECT_ID", KeystoneSim.Service.projectId]
        ])
      )
    )
    // the service's session and client live as long as the test (its scope), not just while serve starts
    const auth = yield* Layer.build(
      ProtectedService.layer(settings, { revocation: { pollEvery: "300 millis" }, ...options })
    )
    const { url } = yield* ProtectedService.serve().pipe(Effect.provide(auth))
    const keystone = yield* KeystoneClient.make({ authUrl: sim.authUrl })
    const issued = yield* keystone.issue(demoAuth)
    return { sim, url, token: { token: issued, id: Redacted.value(issued.id) }, keystone }
  })

const get = (url: string, headers: Record<string, string> = {}) =>
  Effect.promise(async () => {
    const response = await fetch(url, { headers })
    return { status: response.status, headers: response.headers, body: (await response.json()) as JsonBody }
  })

describe("examples/protected-service", () => {
  it.scopedLive("401 without a token or with a bad one; /whoami and /headers for a good one", () =>
    Effect.gen(function*() {
      const { sim, token, url } = yield* start()
      const missing = yield* get(`${url}/whoami`)
      expect(missing.status).toBe(401)
      expect(missing.headers.get("www-authenticate")).toBe(`Keystone uri="${sim.authUrl}"`)
      expect((yield* get(`${url}/whoami`, { "x-auth-token": "gAAAAAB-not-a-token" })).status).toBe(401)

      const whoami = yield* get(`${url}/whoami`, { "x-auth-token": token.id })
      expect(whoami.status).toBe(200)
      expect(whoami.body).toMatchObject({
        user: { id: KeystoneSim.Demo.userId, name: "demo" },
        project: { id: KeystoneSim.Demo.projectId, name: "demo" },
        service: null
      })
      expect(whoami.body.roles).toContain("member")
      expect(JSON.stringify(whoami.body)).not.toContain(token.id)

      const headers = yield* get(`${url}/headers`, { "x-auth-token": token.id, "x-user-id": "spoofed", "x-roles": "admin" })
      expect(headers.status).toBe(200)
      expect(headers.body).toMatchObject({
        "x-identity-status": "Confirmed",
        "x-user-id": KeystoneSim.Demo.userId,
        "x-user-name": "demo",
        "x-project-id": KeystoneSim.Demo.projectId
      })
      expect(headers.body["x-roles"].split(",")).toContain("member")
      expect(headers.body["x-roles"].split(",")).not.toContain("admin")
      expect((yield* get(`${url}/nowhere`, { "x-auth-token": token.id })).status).toBe(404)
      expect((yield* get(`${url}/nowhere`)).status).toBe(401)
    }).pipe(Effect.provide(NodeHttpClient.layerUndici)))

  it.scopedLive("one Keystone validation for many calls; a revoked token refused within the revocation poll", () =>
    Effect.gen(function*() {
      const { sim, token, url } = yield* start()
      const before = yield* sim.count(VALIDATE)
      const answers = yield* Effect.all(
        Array.from({ length: 20 }, () => get(`${url}/whoami`, { "x-auth-token": token.id })),
        { concurrency: "unbounded" }
      )
      expect(answers.map((a) => a.status)).toEqual(Array(20).fill(200))
      expect((yield* sim.count(VALIDATE)) - before).toBe(1)
      yield* sim.revoke(token.id)
      yield* Effect.sleep("1 second")
      expect((yield* get(`${url}/whoami`, { "x-auth-token": token.id })).status).toBe(401)
    }).pipe(Effect.provide(NodeHttpClient.layerUndici)))

  it.scopedLive("a cached validation never outlives the token", () =>
    Effect.gen(function*() {
      const { keystone, sim, url } = yield* start({ revocation: { pollEvery: false } })
      yield* sim.setTokenLifetime("2 seconds")
      const short = yield* keystone.issue(demoAuth)
      const id = Redacted.value(short.id)
      expect((yield* get(`${url}/whoami`, { "x-auth-token": id })).status).toBe(200)
      yield* Effect.sleep("2500 millis")
      expect((yield* get(`${url}/whoami`, { "x-auth-token": id })).status).toBe(401)
    }).pipe(Effect.provide(NodeHttpClient.layerUndici)))

  it.scopedLive("Keystone failing is a 503 with Retry-After, not a 401", () =>
    Effect.gen(function*() {
      const { sim, token, url } = yield* start()
      yield* sim.inject(Fault.status(503, { route: VALIDATE, retryAfter: 7 }))
      const down = yield* get(`${url}/whoami`, { "x-auth-token": token.id })
      expect(down.status).toBe(503)
      // Keystone's Retry-After (7 s), capped by the client at its retry budget (3 s here)
      expect(down.headers.get("retry-after")).toBe("3")
      expect((yield* get(`${url}/whoami`, { "x-auth-token": token.id })).status).toBe(200)
    }).pipe(Effect.provide(NodeHttpClient.layerUndici)))

  it.scopedLive("the service's own credentials refused: 503 (our problem), never 401", () =>
    Effect.gen(function*() {
      const { token, url } = yield* start({}, "wrong-password")
      const answer = yield* get(`${url}/whoami`, { "x-auth-token": token.id })
      expect(answer.status).toBe(503)
    }).pipe(Effect.provide(NodeHttpClient.layerUndici)))
})
