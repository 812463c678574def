/**
 * The middleware for Effect HTTP servers: an `HttpApp` middleware, and an
 * `HttpApiMiddleware` (security `X-Auth-Token` as an API key header) for
 * `HttpApi` endpoints.
 *
 * @since 0.1.0
 */
import * as HttpApiError from "@effect/platform/HttpApiError"
import * as HttpApiMiddleware from "@effect/platform/HttpApiMiddleware"
import * as HttpApiSecurity from "@effect/platform/HttpApiSecurity"
import * as Headers from "@effect/platform/Headers"
import type * as HttpApp from "@effect/platform/HttpApp"
import * as HttpServerRequest from "@effect/platform/HttpServerRequest"
import * as HttpServerResponse from "@effect/platform/HttpServerResponse"
import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Redacted from "effect/Redacted"
import * as Schema from "effect/Schema"
import * as AuthToken from "./AuthToken.js"
import * as Forward from "./internal/forward.js"

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
  const forward = (request: HttpServerRequest.HttpServerRequest, decision: AuthToken.Decision) => {
    if (decision._tag === "Respond") return Effect.succeed(respond(decision))
    const status = decision.status
    // the request, its verdict and (when confirmed) the identity, provided in one step
    return Effect.mapInputContext(app as HttpApp.Default<E>, (context: Context.Context<never>) => {
      const provided = Context.add(
        Context.add(context, HttpServerRequest.HttpServerRequest, apply(request, decision)),
        AuthToken.RequestStatus,
        status
      )
      return status._tag === "Confirmed" ? Context.add(provided, AuthToken.Identity, status.identity) : provided
    })
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
        ? forward(request, decision)
        : Effect.flatMap(auth.decide(header, options), (decided) => forward(request, decided))
    }
  ) as never
}

/**
 * Validates every request before `app` runs: a missing or invalid token is
 * answered 401 (`WWW-Authenticate: Keystone uri="…"`), Keystone failing 503
 * (`Retry-After`); otherwise `app` runs with `AuthToken.Identity` provided
 * and keystonemiddleware's headers set on the request (incoming copies
 * removed).
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
 * too (its error is `KeystoneUnavailable`), as in keystonemiddleware.
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
 * The implementation of `Authentication`, on the `AuthToken` service.
 *
 * @since 0.1.0
 * @category HttpApi
 */
export const layerAuthentication: Layer.Layer<Authentication, never, AuthToken.AuthToken> = Layer.effect(
  Authentication,
  Effect.map(AuthToken.AuthToken, (auth) =>
    Authentication.of({
      keystone: (token) =>
        Effect.gen(function*() {
          const request = yield* HttpServerRequest.HttpServerRequest
          const status = yield* auth.authenticate({
            userToken: Redacted.value(token),
            serviceToken: request.headers["x-service-token"]
          }).pipe(Effect.mapError(() => new HttpApiError.ServiceUnavailable()))
          if (status._tag === "Invalid") {
            return yield* status.error._tag === "KeystoneUnavailable"
              ? Effect.fail(new HttpApiError.ServiceUnavailable())
              : Effect.fail(new HttpApiError.Unauthorized())
          }
          return status.identity
        })
    }))
)
