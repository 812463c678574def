/**
 * An HTTP service behind `@effect-keystone/middleware`, the way Nova or
 * Cinder sit behind keystonemiddleware's `auth_token`: every request's
 * `X-Auth-Token` (and `X-Service-Token`) is validated with the service's own
 * credentials (a `KeystoneSession`, renewed in the background), a missing or
 * bad token is answered 401 (`WWW-Authenticate: Keystone uri="…"`), Keystone
 * failing 503 with `Retry-After`. Validations are cached no longer than the
 * token lives (nor 5 minutes), one Keystone request per new token however
 * many requests carry it, and a token revoked in Keystone is refused within
 * the revocation poll (`GET /v3/OS-REVOKE/events`, every 5 seconds).
 *
 *   GET /whoami   → the caller's identity as JSON (user, scope, roles, expiry, …)
 *   GET /headers  → the keystonemiddleware headers the middleware set on the
 *                   request (X-Identity-Status, X-User-Id, X-Roles, …)
 *
 * Run it with the service's credentials (OS_* variables or OS_CLOUD with
 * clouds.yaml; a user with the `service` or `admin` role), then call it with
 * any user's token:
 *
 *   source service-openrc.sh
 *   npx tsx examples/protected-service.ts
 *   curl -H "X-Auth-Token: $(openstack token issue -f value -c id)" http://127.0.0.1:8080/whoami
 *
 * Optional: PORT (default 8080), HOST (default 127.0.0.1),
 * TOKEN_CACHE_TIME (default "5 minutes"), REVOCATION_POLL (default "5 seconds").
 */
import { NodeContext, NodeHttpServer, NodeRuntime } from "@effect/platform-node"
import * as HttpRouter from "@effect/platform/HttpRouter"
import type { ServeError } from "@effect/platform/HttpServerError"
import * as HttpServerRequest from "@effect/platform/HttpServerRequest"
import * as HttpServerResponse from "@effect/platform/HttpServerResponse"
import { KeystoneSession, TokenStore } from "@effect-keystone/cache"
import { KeystoneClient, OpenStackConfig, TokenHeaders } from "@effect-keystone/client"
import * as CloudsYaml from "@effect-keystone/client/CloudsYaml"
import * as Tls from "@effect-keystone/client/Tls"
import { AuthToken, AuthTokenHttp, Headers, Identity } from "@effect-keystone/middleware"
import * as Config from "effect/Config"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import type * as Scope from "effect/Scope"
import { createServer } from "node:http"
import { pathToFileURL } from "node:url"

/** The service's routes, run only for a confirmed caller. */
export const routes = HttpRouter.empty.pipe(
  HttpRouter.get(
    "/whoami",
    Effect.flatMap(AuthToken.Identity, (identity) => HttpServerResponse.json(Identity.toJson(identity)))
  ),
  HttpRouter.get(
    "/headers",
    Effect.gen(function*() {
      const request = yield* HttpServerRequest.HttpServerRequest
      const set = Object.entries(request.headers).filter(([name]) => Headers.isManaged(name))
      return yield* HttpServerResponse.json(Object.fromEntries(set.sort(([a], [b]) => a.localeCompare(b))))
    })
  )
)

/** The whole service: the middleware in front of the routes (a caller without a valid token never reaches them). */
export const app = AuthTokenHttp.middleware(
  Effect.catchTag(routes, "RouteNotFound", () => HttpServerResponse.json({ error: "not found" }, { status: 404 }))
)

/**
 * Starts the service on `host:port` (port 0: any free port) until the scope
 * closes; returns its URL.
 */
export const serve = (
  options: { readonly port?: number | undefined; readonly host?: string | undefined } = {}
): Effect.Effect<{ readonly url: string }, ServeError, AuthToken.AuthToken | Scope.Scope> =>
  Effect.gen(function*() {
    const server = yield* NodeHttpServer.make(() => createServer(), {
      port: options.port ?? 0,
      host: options.host ?? "127.0.0.1"
    })
    // a traced server records request headers in its spans: not the tokens
    yield* server.serve(app).pipe(TokenHeaders.redactInTraces)
    const address = server.address
    return { url: address._tag === "TcpAddress" ? `http://${address.hostname}:${address.port}` : address.path }
  })

/**
 * The middleware's service: validations with `settings`' credentials, the
 * session in memory (the service logs in once per process).
 */
export const layer = (
  settings: OpenStackConfig.Settings,
  options: AuthToken.Options = {}
): Layer.Layer<AuthToken.AuthToken> =>
  AuthToken.layer(options).pipe(
    Layer.provideMerge(KeystoneSession.layer({ auth: settings.auth })),
    Layer.provide(TokenStore.layerMemory),
    Layer.provideMerge(KeystoneClient.layer({
      authUrl: settings.authUrl,
      version: settings.version,
      // a request handler should not wait 30 s for a sick Keystone: fail fast with 503
      retry: { maxAttempts: 2, budget: "3 seconds" },
      timeout: "5 seconds"
    })),
    Layer.provide(Tls.layerUndici(settings.tls)),
    Layer.orDie
  )

// ---------------------------------------------------------------------------
// Run directly: the service's credentials from OS_* variables (or OS_CLOUD).
// ---------------------------------------------------------------------------

const main = Effect.gen(function*() {
  const settings = yield* CloudsYaml.load
  const port = yield* Config.integer("PORT").pipe(Config.withDefault(8080))
  const host = yield* Config.string("HOST").pipe(Config.withDefault("127.0.0.1"))
  const maxAge = yield* Config.duration("TOKEN_CACHE_TIME").pipe(Config.withDefault(Duration.minutes(5)))
  const pollEvery = yield* Config.duration("REVOCATION_POLL").pipe(Config.withDefault(Duration.seconds(5)))
  return yield* Effect.gen(function*() {
    const { url } = yield* serve({ port, host })
    yield* Effect.log(`protected service on ${url}: GET /whoami, GET /headers (X-Auth-Token required)`)
    return yield* Effect.never
  }).pipe(Effect.provide(layer(settings, { cache: { maxAge }, revocation: { pollEvery } })))
})

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  NodeRuntime.runMain(Effect.scoped(main).pipe(Effect.provide(NodeContext.layer)))
}
