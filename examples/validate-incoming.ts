/**
 * A service that checks the `X-Auth-Token` of every incoming request with
 * Keystone, the way keystonemiddleware does for Nova or Cinder: 401 for a
 * missing, revoked, expired or unknown token; 200 with who the caller is for
 * a good one. It validates with its own service credentials (`serviceAuth`),
 * and remembers a positive answer briefly (never past the token's expiry), so
 * a busy client does not cost one Keystone request per call.
 *
 * Run it with the service's credentials (the usual OpenStack RC variables,
 * or OS_CLOUD), then call it with any user's token:
 *
 *   source service-openrc.sh
 *   PORT=8080 npx tsx examples/validate-incoming.ts
 *   curl -i -H "X-Auth-Token: $(openstack token issue -f value -c id)" http://127.0.0.1:8080/
 *
 * Optional: PORT (default 8080), HOST (default 127.0.0.1), TOKEN_CACHE_TIME
 * (default "1 minute"; "0 seconds" validates every request).
 */
import { NodeContext, NodeHttpServer, NodeRuntime } from "@effect/platform-node"
import type * as HttpApp from "@effect/platform/HttpApp"
import type { ServeError } from "@effect/platform/HttpServerError"
import * as HttpServerRequest from "@effect/platform/HttpServerRequest"
import * as HttpServerResponse from "@effect/platform/HttpServerResponse"
import { KeystoneClient, type KeystoneError } from "@effect-keystone/client"
import * as CloudsYaml from "@effect-keystone/client/CloudsYaml"
import * as Tls from "@effect-keystone/client/Tls"
import type { Token } from "@effect-keystone/schema"
import * as Cache from "effect/Cache"
import * as Config from "effect/Config"
import * as DateTime from "effect/DateTime"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import * as Layer from "effect/Layer"
import * as Option from "effect/Option"
import * as Redacted from "effect/Redacted"
import type * as Scope from "effect/Scope"
import { createServer } from "node:http"
import { pathToFileURL } from "node:url"

export interface ValidatorOptions {
  /**
   * How long a positive validation is reused (like keystonemiddleware's
   * `token_cache_time`); never past the token's own expiry. A revoked token
   * may be accepted for up to this long. Zero validates every request.
   */
  readonly cacheFor: Duration.DurationInput
  /** How many tokens are remembered at most. Default 10,000. */
  readonly capacity?: number | undefined
}

/** Validates a token id: the token, or why not. */
export type Validator = (tokenId: string) => Effect.Effect<Token.Token, KeystoneError.KeystoneError>

/**
 * `KeystoneClient.validate` behind a cache of positive answers. Concurrent
 * requests with the same token share one Keystone request; failures are
 * never cached.
 */
export const makeValidator = (options: ValidatorOptions): Effect.Effect<Validator, never, KeystoneClient.KeystoneClient> =>
  Effect.gen(function*() {
    const client = yield* KeystoneClient.KeystoneClient
    const validate: Validator = (id) => client.validate(Redacted.make(id), { noCatalog: true })
    const cacheFor = Duration.toMillis(Duration.decode(options.cacheFor))
    if (cacheFor <= 0) return validate
    const clock = yield* Effect.clock
    const cache = yield* Cache.makeWith({
      capacity: options.capacity ?? 10_000,
      lookup: validate,
      timeToLive: Exit.match({
        onFailure: () => Duration.zero,
        onSuccess: (token) => {
          const left = Option.match(token.expiresAt, {
            onNone: () => cacheFor,
            onSome: (at) => DateTime.toEpochMillis(at) - clock.unsafeCurrentTimeMillis()
          })
          return Duration.millis(Math.max(0, Math.min(cacheFor, left)))
        }
      })
    })
    return (id) => cache.get(id)
  })

/** What the service learns about its caller: never the token itself. */
export const describeCaller = (token: Token.Token) => ({
  user: { id: token.user.id, name: token.user.name, domain: token.user.domain?.name ?? null },
  project: token.scope._tag === "Project" ? { id: token.scope.id, name: token.scope.name } : null,
  domain: token.scope._tag === "Domain" ? { id: token.scope.id, name: token.scope.name } : null,
  system: token.scope._tag === "System",
  roles: token.roles.map((r) => r.name),
  expiresAt: Option.match(token.expiresAt, { onNone: () => null, onSome: DateTime.formatIso }),
  auditId: token.auditIds[0] ?? null
})

const errorBody = (code: number, title: string, message: string) => ({ error: { code, title, message } })

/**
 * The HTTP handler: every path answers 200 with the caller for a good token.
 * A real service would route here and act on the caller's project and roles.
 */
export const makeApp = (validate: Validator, authUrl: string): HttpApp.Default<never, HttpServerRequest.HttpServerRequest> => {
  // keystonemiddleware's header: where to get a token
  const unauthorized = (message: string) =>
    HttpServerResponse.unsafeJson(errorBody(401, "Unauthorized", message), {
      status: 401,
      headers: { "www-authenticate": `Keystone uri="${authUrl}"` }
    })
  const unavailable = (message: string, retryAfter?: Duration.Duration) =>
    HttpServerResponse.unsafeJson(errorBody(503, "Service Unavailable", message), {
      status: 503,
      headers: { "retry-after": String(Math.max(1, Math.ceil(Duration.toSeconds(retryAfter ?? Duration.seconds(5))))) }
    })

  return Effect.gen(function*() {
    const request = yield* HttpServerRequest.HttpServerRequest
    const tokenId = request.headers["x-auth-token"]
    if (tokenId === undefined || tokenId === "") return unauthorized("This request needs an X-Auth-Token header.")
    return yield* validate(tokenId).pipe(
      Effect.map((token) => HttpServerResponse.unsafeJson(describeCaller(token))),
      Effect.catchTags({
        // the caller's token: revoked, expired, or never issued
        NotFound: () => Effect.succeed(unauthorized("The token is revoked, expired or unknown.")),
        // refused before sending (e.g. characters a header cannot carry)
        InvalidInput: () => Effect.succeed(unauthorized("The token is malformed.")),
        // Keystone is failing: the client should come back, not log in again
        ServiceUnavailable: (e) => Effect.succeed(unavailable("Keystone is unavailable; try again later.", e.retryAfter)),
        RateLimited: (e) => Effect.succeed(unavailable("Keystone is busy; try again later.", e.retryAfter)),
        TransportError: () => Effect.succeed(unavailable("Keystone is unreachable; try again later."))
      }),
      // Anything else (our own service credentials refused, no permission to
      // validate tokens, an odd answer) is our problem, not the caller's.
      Effect.catchAll((e) =>
        Effect.as(
          Effect.logError(`cannot validate tokens: ${e._tag}: ${e.message}`),
          unavailable("Cannot validate tokens right now.")
        )
      )
    )
  })
}

/**
 * Starts the service on `host:port` (port 0: any free port) until the scope
 * closes; returns its URL.
 */
export const serve = (
  options: ValidatorOptions & { readonly port?: number | undefined; readonly host?: string | undefined }
): Effect.Effect<{ readonly url: string }, ServeError, KeystoneClient.KeystoneClient | Scope.Scope> =>
  Effect.gen(function*() {
    const client = yield* KeystoneClient.KeystoneClient
    const validate = yield* makeValidator(options)
    const server = yield* NodeHttpServer.make(() => createServer(), {
      port: options.port ?? 0,
      host: options.host ?? "127.0.0.1"
    })
    yield* server.serve(makeApp(validate, client.authUrl))
    const address = server.address
    return { url: address._tag === "TcpAddress" ? `http://${address.hostname}:${address.port}` : address.path }
  })

// ---------------------------------------------------------------------------
// Run directly: the service's credentials from OS_* variables (or OS_CLOUD).
// ---------------------------------------------------------------------------

const main = Effect.gen(function*() {
  const settings = yield* CloudsYaml.load
  const port = yield* Config.integer("PORT").pipe(Config.withDefault(8080))
  const host = yield* Config.string("HOST").pipe(Config.withDefault("127.0.0.1"))
  const cacheFor = yield* Config.duration("TOKEN_CACHE_TIME").pipe(Config.withDefault(Duration.minutes(1)))
  const ClientLive = KeystoneClient.layer({
    authUrl: settings.authUrl,
    version: settings.version,
    serviceAuth: { auth: settings.auth },
    // a request handler should not wait 30 s for a sick Keystone: fail fast with 503
    retry: { maxAttempts: 2, budget: "3 seconds" },
    timeout: "5 seconds"
  }).pipe(Layer.provide(Tls.layerUndici(settings.tls)))
  // The client (and its HTTP connections) must live as long as the server: provide it around both.
  return yield* Effect.gen(function*() {
    const { url } = yield* serve({ port, host, cacheFor })
    yield* Effect.log(`validating X-Auth-Token on ${url} (positive answers cached for ${Duration.format(cacheFor)})`)
    return yield* Effect.never
  }).pipe(Effect.provide(ClientLive))
})

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  NodeRuntime.runMain(Effect.scoped(main).pipe(Effect.provide(NodeContext.layer)))
}
