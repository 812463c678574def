/**
 * Our middleware in front of a Node app, mirroring the keystonemiddleware
 * app (scripts/keystonemiddleware_app.py) mount for mount, against the same
 * Keystone with the same service user: `/strict`, `/lenient`, `/delay`, each
 * answering 200 with the request headers it received (tokens left out).
 * Our validations carry `ek-probe=<probe>` in the query string, so they are
 * counted in Keystone's request log like keystonemiddleware's.
 */
import * as HttpClient from "@effect/platform/HttpClient"
import * as HttpClientRequest from "@effect/platform/HttpClientRequest"
import * as HttpServer from "@effect/platform/HttpServer"
import * as HttpServerRequest from "@effect/platform/HttpServerRequest"
import * as HttpServerResponse from "@effect/platform/HttpServerResponse"
import { NodeHttpClient, NodeHttpServer } from "@effect/platform-node"
import { KeystoneSession, TokenStore } from "@effect-keystone/cache"
import { AuthScope, Credentials, KeystoneClient } from "@effect-keystone/client"
import { AuthToken, AuthTokenHttp } from "@effect-keystone/middleware"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Redacted from "effect/Redacted"
import type * as Scope from "effect/Scope"
import { createServer } from "node:http"
import { ks, type Mount } from "./keystone.js"

const secret = new Set(["x-auth-token", "x-service-token", "x-storage-token"])

const echo = (mount: Mount) =>
  Effect.gen(function*() {
    const request = yield* HttpServerRequest.HttpServerRequest
    const headers: Record<string, string> = {}
    for (const [name, value] of Object.entries(request.headers)) if (!secret.has(name)) headers[name] = value
    return yield* HttpServerResponse.json({ mount, method: request.method, path: request.url, headers })
  })

/** Adds `ek-probe=<probe>` to the token validations sent through the client. */
export const probed = (probe: string) =>
  Layer.effect(
    HttpClient.HttpClient,
    Effect.map(
      HttpClient.HttpClient,
      HttpClient.mapRequest((request) =>
        (request.method === "GET" || request.method === "HEAD") && request.url.endsWith("/auth/tokens")
          ? HttpClientRequest.setUrlParam(request, "ek-probe", probe)
          : request
      )
    )
  )

/** The service's own session: the same service user keystonemiddleware's app logs in with. */
export const ServiceSession = (probe: string) =>
  KeystoneSession.layer({
    auth: {
      credentials: Credentials.password({ userId: ks.service.userId, password: Redacted.make(ks.service.password) }),
      scope: AuthScope.project({ id: ks.service.projectId })
    }
  }).pipe(
    Layer.provideMerge(KeystoneClient.layer({ authUrl: ks.authUrl })),
    Layer.provide(TokenStore.layerMemory),
    Layer.provideMerge(probed(probe).pipe(Layer.provide(NodeHttpClient.layerUndici)))
  )

/** keystonemiddleware's settings in the app, in our options. */
export const mountOptions: Record<Mount, AuthToken.Options> = {
  strict: { serviceTokenRolesRequired: true },
  lenient: { serviceTokenRolesRequired: false },
  delay: { serviceTokenRolesRequired: true, delayAuthDecision: true }
}

const common: AuthToken.Options = {
  // keystonemiddleware's defaults: include_service_catalog = true, www_authenticate_uri as configured there
  includeServiceCatalog: true,
  wwwAuthenticateUri: ks.authUrl
}

/**
 * The three mounts on a loopback server, closed with the scope; returns its
 * base URL. `options` is merged over each mount's.
 */
export const serve = (options: AuthToken.Options = {}): Effect.Effect<
  string,
  never,
  Scope.Scope | KeystoneSession.KeystoneSession | KeystoneClient.KeystoneClient | HttpClient.HttpClient
> =>
  Effect.gen(function*() {
    const auth = (mount: Mount) => AuthToken.make({ ...common, ...mountOptions[mount], ...options })
    const strict = yield* auth("strict")
    const lenient = yield* auth("lenient")
    const delay = yield* auth("delay")
    const app = Effect.gen(function*() {
      const request = yield* HttpServerRequest.HttpServerRequest
      const mount = request.url.split("/")[1]
      switch (mount) {
        case "strict":
          return yield* Effect.provideService(AuthTokenHttp.middleware(echo("strict")), AuthToken.AuthToken, strict)
        case "lenient":
          return yield* Effect.provideService(AuthTokenHttp.middleware(echo("lenient")), AuthToken.AuthToken, lenient)
        case "delay":
          return yield* Effect.provideService(AuthTokenHttp.middlewareDelayed(echo("delay")), AuthToken.AuthToken, delay)
        default:
          return HttpServerResponse.text("no such mount", { status: 404 })
      }
    })
    const server = yield* NodeHttpServer.make(() => {
      const s = createServer()
      // a loaded machine can leave a kept-alive connection idle past Node's 5 s; the client's next
      // request on it would be reset (ECONNRESET)
      s.keepAliveTimeout = 60_000
      return s
    }, { port: 0, host: "127.0.0.1", backlog: 2048 })
    yield* server.serve(app)
    const address = server.address as HttpServer.TcpAddress
    return `http://127.0.0.1:${address.port}`
  }).pipe(Effect.orDie)
