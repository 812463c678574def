/**
 * The middleware for Effect HTTP servers: an `HttpApp` middleware, and an
 * `HttpApiMiddleware` (security `X-Auth-Token` as an API key header) for
 * `HttpApi` endpoints.
 *
 * @since 0.1.0
 */
import * as HttpApiBuilder from "@effect/platform/HttpApiBuilder"
import * as HttpApiError from "@effect/platform/HttpApiError"
import * as HttpApiMiddleware from "@effect/platform/HttpApiMiddleware"
import * as HttpApiSecurity from "@effect/platform/HttpApiSecurity"
import * as Headers from "@effect/platform/Headers"
import * as HttpApp from "@effect/platform/HttpApp"
import * as HttpServerRequest from "@effect/platform/HttpServerRequest"
import * as HttpServerResponse from "@effect/platform/HttpServerResponse"
import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Redacted from "effect/Redacted"
import * as Schema from "effect/Schema"
import * as AuthToken from "./AuthToken.js"
import * as Forward from "./internal/forward.js"
import * as ManagedHeaders from "./internal/headers.js"

const apply = (request: HttpServerRequest.HttpServerRequest, decision: AuthToken.Decision & { _tag: "Forward" }) => {
  const remove = Forward.toRemove(decision)
  const incoming = request.headers
  const headers: Record<string, string> = {}
  for (const name of Object.keys(incoming)) {
    if (!remove.has(name)) headers[name] = incoming[name]!
  }
  for (const { lower, value } of Forward.toSet(decision)) headers[lower] = value
  return request.modify({ headers: Headers.unsafeFromRecord(headers) })
}

/** `response` with `name: value` added when its status is `status` and it has no `name` of its own. */
const withHeaderOn = (
  response: HttpServerResponse.HttpServerResponse,
  status: number,
  name: string,
  value: string
): HttpServerResponse.HttpServerResponse =>
  response.status === status && response.headers[name] === undefined
    ? HttpServerResponse.setHeader(response, name, value)
    : response

/** Adds `name: value` to this request's final response when its status is `status` (however it was produced). */
const onFinalResponse = (status: number, name: string, value: string) =>
  HttpApp.appendPreResponseHandler((_, response) => Effect.succeed(withHeaderOn(response, status, name, value)))

/**
 * keystonemiddleware's `process_response`: every 401 the app gives gets
 * `WWW-Authenticate`, whether it answers it or fails with an error that
 * becomes one (then through the server's pre-response handlers).
 */
const challengeOn401 = <E, R>(app: HttpApp.Default<E, R>, wwwAuthenticate: string): HttpApp.Default<E, R> =>
  app.pipe(
    Effect.map((response) => withHeaderOn(response, 401, "www-authenticate", wwwAuthenticate)),
    Effect.tapErrorCause(() => onFinalResponse(401, "www-authenticate", wwwAuthenticate))
  )

const respond = (decision: AuthToken.Decision & { _tag: "Respond" }) =>
  HttpServerResponse.text(decision.body, {
    status: decision.status,
    headers: decision.headers,
    contentType: "application/json"
  })

const run = <E, R>(
  app: HttpApp.Default<E, R>,
  delayAuthDecision: boolean
): HttpApp.Default<E, R | AuthToken.AuthToken | HttpServerRequest.HttpServerRequest> => {
  // whatever the service's delayAuthDecision says, these two decide for themselves
  const options = { delayAuthDecision }
  const forward = (
    auth: AuthToken.AuthTokenService,
    request: HttpServerRequest.HttpServerRequest,
    decision: AuthToken.Decision
  ) => {
    if (decision._tag === "Respond") return Effect.succeed(respond(decision))
    const status = decision.status
    // the request, its verdict and (when confirmed) the identity, provided in one step
    const provided = Effect.mapInputContext(app as HttpApp.Default<E>, (context: Context.Context<never>) => {
      const provided = Context.add(
        Context.add(context, HttpServerRequest.HttpServerRequest, apply(request, decision)),
        AuthToken.RequestStatus,
        status
      )
      return status._tag === "Confirmed" ? Context.add(provided, AuthToken.Identity, status.identity) : provided
    })
    return challengeOn401(provided, auth.wwwAuthenticate)
  }
  return Effect.flatMap(
    Effect.context<AuthToken.AuthToken | HttpServerRequest.HttpServerRequest>(),
    (context) => {
      const auth = Context.get(context, AuthToken.AuthToken)
      const request = Context.get(context, HttpServerRequest.HttpServerRequest)
      const header = (name: string) => request.headers[name]
      // remembered tokens are decided without a Keystone round trip or another effect
      const decision = auth.decideCached(header, options)
      return decision !== undefined
        ? forward(auth, request, decision)
        : Effect.flatMap(auth.decide(header, options), (decided) => forward(auth, request, decided))
    }
  ) as never
}

/**
 * Validates every request before `app` runs: a missing or invalid token is
 * answered 401 (`WWW-Authenticate: Keystone uri="…"`), Keystone failing 503
 * (`Retry-After`); otherwise `app` runs with `AuthToken.Identity` provided
 * and keystonemiddleware's headers set on the request (incoming copies
 * removed). A 401 from `app` gets `WWW-Authenticate` too.
 *
 * @since 0.1.0
 * @category middleware
 */
export const middleware = <E, R>(
  app: HttpApp.Default<E, R>
): HttpApp.Default<
  E,
  Exclude<R, AuthToken.Identity | AuthToken.RequestStatus> | AuthToken.AuthToken | HttpServerRequest.HttpServerRequest
> => run(app, false) as never

/**
 * keystonemiddleware's `delay_auth_decision` for Effect: `app` runs for every
 * request, with `AuthToken.RequestStatus` (`Confirmed` or `Invalid`) to
 * decide on, and `X-Identity-Status` set. Keystone failing is an `Invalid`
 * too (its error is `KeystoneUnavailable`), as in keystonemiddleware. A 401
 * from `app` gets `WWW-Authenticate`.
 *
 * @since 0.1.0
 * @category middleware
 */
export const middlewareDelayed = <E, R>(
  app: HttpApp.Default<E, R>
): HttpApp.Default<E, Exclude<R, AuthToken.RequestStatus> | AuthToken.AuthToken | HttpServerRequest.HttpServerRequest> =>
  run(app, true) as never

/**
 * The failure of `Authentication`: 401 or 503.
 *
 * @since 0.1.0
 * @category HttpApi
 */
export const AuthenticationFailure = Schema.Union(HttpApiError.Unauthorized, HttpApiError.ServiceUnavailable)

/**
 * An `HttpApiMiddleware` for `HttpApi` endpoints: `X-Auth-Token` as an API
 * key header (and `X-Service-Token` read from the request), providing
 * `AuthToken.Identity`. Declare it with `.middleware(AuthTokenHttp.Authentication)`
 * and provide `AuthTokenHttp.layerAuthentication`.
 *
 * @since 0.1.0
 * @category HttpApi
 */
export class Authentication extends HttpApiMiddleware.Tag<Authentication>()("@effect-keystone/middleware/Authentication", {
  provides: AuthToken.Identity,
  failure: AuthenticationFailure,
  security: { keystone: HttpApiSecurity.apiKey({ in: "header", key: "X-Auth-Token" }) }
}) {}

/**
 * Removes every header keystonemiddleware sets (`Headers.managed`) from the
 * request, whatever else happens to it: an `HttpApi` handler never sees a
 * caller's copy of `X-Roles` or `X-User-Id`.
 */
const withoutManagedHeaders = <E, R>(app: HttpApp.Default<E, R>): HttpApp.Default<E, R | HttpServerRequest.HttpServerRequest> =>
  Effect.flatMap(HttpServerRequest.HttpServerRequest, (request) => {
    const incoming = request.headers
    const names = Object.keys(incoming)
    if (!names.some(ManagedHeaders.isManaged)) return app
    const headers: Record<string, string> = {}
    for (const name of names) if (!ManagedHeaders.isManaged(name)) headers[name] = incoming[name]!
    return Effect.provideService(
      app,
      HttpServerRequest.HttpServerRequest,
      request.modify({ headers: Headers.unsafeFromRecord(headers) })
    )
  })

/**
 * The implementation of `Authentication`, on the `AuthToken` service. A 401
 * carries `WWW-Authenticate: Keystone uri="…"` and a 503 `Retry-After`; and
 * (an `HttpApi`-level middleware it adds, `HttpApiBuilder.middleware`) every
 * request of the API has the headers keystonemiddleware sets removed before
 * any handler runs, so none can be planted by a caller. Build it in the same
 * layer as the API (provided to a group or to `HttpApiBuilder.api`), as usual.
 *
 * @since 0.1.0
 * @category HttpApi
 */
export const layerAuthentication: Layer.Layer<Authentication, never, AuthToken.AuthToken> = Layer.merge(
  Layer.effect(
    Authentication,
    Effect.map(AuthToken.AuthToken, (auth) => {
      const refuse = (
        error: AuthToken.TokenRejected | AuthToken.KeystoneUnavailable
      ): Effect.Effect<never, HttpApiError.Unauthorized | HttpApiError.ServiceUnavailable> =>
        error._tag === "KeystoneUnavailable"
          ? Effect.zipRight(
            onFinalResponse(503, "retry-after", String(error.retryAfterSeconds)),
            Effect.fail(new HttpApiError.ServiceUnavailable())
          )
          : Effect.zipRight(
            onFinalResponse(401, "www-authenticate", auth.wwwAuthenticate),
            Effect.fail(new HttpApiError.Unauthorized())
          )
      return Authentication.of({
        keystone: (token) =>
          Effect.gen(function*() {
            const request = yield* HttpServerRequest.HttpServerRequest
            const status = yield* auth.authenticate({
              userToken: Redacted.value(token),
              serviceToken: request.headers["x-service-token"]
            }).pipe(Effect.catchAll(refuse))
            if (status._tag === "Invalid") return yield* refuse(status.error)
            return status.identity
          })
      })
    })
  ),
  HttpApiBuilder.middleware(withoutManagedHeaders)
)
