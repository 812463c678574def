/**
 * `ServiceClient`: a service of the catalog as an `HttpClient` taking
 * relative paths (issue 10).
 */
import * as HttpClient from "@effect/platform/HttpClient"
import * as HttpClientResponse from "@effect/platform/HttpClientResponse"
import { describe, expect, it } from "@effect/vitest"
import { Fault } from "@effect-keystone/testing"
import * as ConfigProvider from "effect/ConfigProvider"
import * as Effect from "effect/Effect"
import * as Option from "effect/Option"
import { Credentials } from "@effect-keystone/client"
import * as Redacted from "effect/Redacted"
import * as KeystoneSession from "../src/KeystoneSession.js"
import * as ServiceClient from "../src/ServiceClient.js"
import { COMPUTE, type Env, ISSUE, makeEnv, makeSession } from "./utils/session.js"

const NOVA = "http://compute.region-one.test:8774/v2.1"

interface Sent {
  readonly url: string
  readonly headers: Readonly<Record<string, string>>
}

/** Every request the application's HttpClient sent (to Keystone or a service). */
const recording = () => {
  const sent: Array<Sent> = []
  const wrap = (http: HttpClient.HttpClient): HttpClient.HttpClient =>
    HttpClient.mapRequest(http, (request) => {
      sent.push({ url: request.url, headers: request.headers })
      return request
    })
  return { sent, wrap, toServices: () => sent.filter((s) => !s.url.startsWith("http://keystone.test")) }
}

const clientOn = (env: Env, options: ServiceClient.Options, session?: Partial<KeystoneSession.Options>) =>
  Effect.flatMap(makeSession(env, { minimumRefresh: 0, ...session }), (s) =>
    Effect.map(Effect.provideService(ServiceClient.make(options), KeystoneSession.KeystoneSession, s), (client) => ({
      session: s,
      client
    })))

describe("ServiceClient", () => {
  it.scoped("joins a relative path to the catalog endpoint, with X-Auth-Token and User-Agent", () =>
    Effect.gen(function*() {
      const rec = recording()
      const env = yield* makeEnv({ wrapHttp: rec.wrap })
      const { client } = yield* clientOn(env, { type: "compute", region: "RegionOne", userAgent: "my-app/1.2" })
      const response = yield* client.http.get("/servers/detail", { urlParams: { limit: 2 } })
      const body = (yield* response.json) as { path: string }
      expect(body.path).toBe("/v2.1/servers/detail")
      yield* client.http.get("servers")
      const sent = rec.toServices()
      expect(sent.map((s) => s.url)).toEqual([`${NOVA}/servers/detail`, `${NOVA}/servers`])
      expect(sent[0]!.headers["x-auth-token"]).toMatch(/^.{10,}$/)
      expect(sent[0]!.headers["user-agent"]).toBe(`my-app/1.2 effect-keystone/${ServiceClient.libraryVersion}`)
      expect(yield* client.endpoint).toBe(NOVA)
    }))

  it.scoped("refuses a path that leaves the endpoint, sending nothing", () =>
    Effect.gen(function*() {
      const rec = recording()
      const env = yield* makeEnv({ wrapHttp: rec.wrap })
      const { client } = yield* clientOn(env, { type: "compute", region: "RegionOne" })
      for (const path of ["http://evil.test/x", "//evil.test/x", "../x", "servers/../../x", "/%2e%2e/x", "a\\b"]) {
        const error = yield* Effect.flip(client.http.get(path))
        expect(error._tag).toBe("InvalidServicePath")
      }
      expect(rec.toServices()).toEqual([])
    }))

  it.scoped("a 401 from the service costs one re-authentication, through the session", () =>
    Effect.gen(function*() {
      const env = yield* makeEnv()
      const { client, session } = yield* clientOn(env, { type: "compute", region: "RegionOne" })
      yield* session.token
      yield* env.sim.revokeAll
      const response = yield* client.http.get("servers")
      expect(response.status).toBe(200)
      expect(yield* env.sim.count(ISSUE)).toBe(2)
      expect(yield* env.sim.count(COMPUTE)).toBe(2)
    }))

  it.scoped("follows the token: a renewal that changes the catalog moves the next request", () =>
    Effect.gen(function*() {
      const rec = recording()
      let issued = 0
      // From the second token on, Keystone's catalog lists RegionTwo's host for RegionOne's compute.
      const moveCompute = (http: HttpClient.HttpClient): HttpClient.HttpClient =>
        HttpClient.transform(http, (effect, request) =>
          Effect.flatMap(effect, (response) => {
            if (request.method !== "POST" || !request.url.endsWith("/auth/tokens")) return Effect.succeed(response)
            issued++
            if (issued < 2) return Effect.succeed(response)
            return Effect.map(response.text, (text) =>
              HttpClientResponse.fromWeb(
                request,
                new Response(text.replaceAll("compute.region-one.test", "compute.region-two.test"), {
                  status: response.status,
                  headers: response.headers
                })
              ))
          }))
      const env = yield* makeEnv({ wrapHttp: (http) => rec.wrap(moveCompute(http)) })
      const { client, session } = yield* clientOn(env, { type: "compute", region: "RegionOne" })
      yield* client.http.get("servers")
      yield* session.refresh
      yield* client.http.get("servers")
      expect(rec.toServices().map((s) => s.url)).toEqual([
        `${NOVA}/servers`,
        "http://compute.region-two.test:8774/v2.1/servers"
      ])
      expect(yield* client.endpoint).toBe("http://compute.region-two.test:8774/v2.1")
    }))

  it.scoped("endpointOverride replaces the catalog's URL; the token goes there only if the session allows it", () =>
    Effect.gen(function*() {
      const rec = recording()
      const env = yield* makeEnv({ wrapHttp: rec.wrap })
      const override = "http://nova-direct.test:8774/v2.1/"
      const refused = yield* clientOn(env, { type: "compute", endpointOverride: override, failOnStatus: false })
      const error = yield* Effect.flip(refused.client.http.get("servers"))
      expect(error._tag).toBe("OriginNotAllowed")
      expect(rec.toServices()).toEqual([])
      const allowed = yield* clientOn(env, { type: "compute", endpointOverride: override, failOnStatus: false }, {
        allowOrigins: ["http://nova-direct.test:8774"]
      })
      yield* allowed.client.http.get("/servers")
      expect(rec.toServices().map((s) => s.url)).toEqual(["http://nova-direct.test:8774/v2.1/servers"])
    }))

  it.scoped("an answer of 400 or more is a ServiceError with the service's message and no secrets", () =>
    Effect.gen(function*() {
      const env = yield* makeEnv()
      const { client } = yield* clientOn(env, { type: "compute", region: "RegionOne" })
      yield* env.sim.inject(Fault.status(404, {
        route: COMPUTE,
        body: { itemNotFound: { message: "Instance abc could not be found.", code: 404 } }
      }))
      const error = yield* Effect.flip(client.http.get("servers/abc?temp_url_sig=s3cret&limit=1"))
      expect(error._tag).toBe("ServiceError")
      if (error._tag !== "ServiceError") return
      expect(error).toMatchObject({
        status: 404,
        method: "GET",
        serviceType: "compute",
        serviceMessage: "Instance abc could not be found.",
        url: `${NOVA}/servers/abc?temp_url_sig=REDACTED&limit=1`
      })
      expect(error.message).not.toContain("s3cret")
      expect(error.requestId).toMatch(/^req-/)
      // failOnStatus: false hands the response back
      const raw = yield* clientOn(env, { type: "compute", region: "RegionOne", failOnStatus: false })
      yield* env.sim.inject(Fault.status(409, { route: COMPUTE }))
      expect((yield* raw.client.http.get("servers")).status).toBe(409)
    }))

  it.scoped("fromSettings: OS_INTERFACE / OS_REGION_NAME defaults, then OS_<SERVICE>_ENDPOINT_OVERRIDE over clouds.yaml's", () =>
    Effect.gen(function*() {
      const env = yield* makeEnv()
      const session = yield* makeSession(env, { minimumRefresh: 0 })
      const settings = {
        authUrl: env.sim.authUrl,
        version: "v3" as const,
        auth: { credentials: Credentials.existingToken(Redacted.make("unused")) },
        region: Option.some("RegionTwo"),
        interface: "internal" as const,
        tls: { insecure: false }
      }
      const fromSettings = (s: typeof settings & { endpointOverrides?: Record<string, string> }, vars: Array<[string, string]>) =>
        Effect.flatMap(
          Effect.withConfigProvider(
            Effect.provideService(ServiceClient.fromSettings(s, { type: "compute" }), KeystoneSession.KeystoneSession, session),
            ConfigProvider.fromMap(new Map(vars))
          ),
          (c) => c.endpoint
        )
      expect(yield* fromSettings(settings, [])).toBe("http://compute.region-two.internal:8774/v2.1")
      const clouds = { ...settings, endpointOverrides: { compute: "http://nova-direct.test:8774/v2.1" } }
      expect(yield* fromSettings(clouds, [])).toBe("http://nova-direct.test:8774/v2.1")
      expect(yield* fromSettings(clouds, [["OS_COMPUTE_ENDPOINT_OVERRIDE", "http://nova-env.test/v2.1/"]])).toBe(
        "http://nova-env.test/v2.1/"
      )
    }))
})
