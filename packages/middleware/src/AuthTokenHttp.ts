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
import type * as HttpApp from "@effect/platform/HttpApp"
import * as HttpServerRequest from "@effect/platform/HttpServerRequest"
import * as HttpServerResponse from "@effect/platform/HttpServerResponse"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Redacted from "effect/Redacted"
import * as Schema from "effect/Schema"
import * as AuthToken from "./AuthToken.js"

const apply = (request: HttpServerRequest.HttpServerRequest, decision: AuthToken.Decision & { _tag: "Forward" }) => {
  const headers: Record<string, string> = {}
  for (const [name, value] of Object.entries(request.headers)) {
    if (!decision.remove.includes(name)) headers[name] = value
  }
  for (const [name, value] of Object.entries(decision.set)) headers[name.toLowerCase()] = value
  return request.modify({ headers: headers as never })
}

const respond = (decision: AuthToken.Decision & { _tag: "Respond" }) =>
  HttpServerResponse.text(decision.body, {
    status: decision.status,
    headers: decision.headers,
    contentType: "application/json"
  })

const run = <E, R>(
  app: HttpApp.Default<E, R>,
  delayed: boolean
): HttpApp.Default<E, R | AuthToken.AuthToken | HttpServerRequest.HttpServerRequest> =>
  Effect.gen(function*() {
    const auth = yield* AuthToken.AuthToken
    const request = yield* HttpServerRequest.HttpServerRequest
    const decision = yield* (delayed ? delayedDecide(auth) : strictDecide(auth))((name) => request.headers[name])
    if (decision._tag === "Respond") return respond(decision)
    const forwarded = Effect.provideService(
      Effect.provideService(app, HttpServerRequest.HttpServerRequest, apply(request, decision)),
      AuthToken.RequestStatus,
      decision.status
    )
    const status = decision.status
    return yield* (status._tag === "Confirmed"
      ? Effect.provideService(forwarded, AuthToken.Identity, status.identity)
      : forwarded)
  })

// whatever the service's delayAuthDecision says, these two decide for themselves
const strictDecide = (auth: AuthToken.AuthTokenService) => (header: (name: string) => string | undefined) =>
  auth.decide(header, { delayAuthDecision: false })

const delayedDecide = (auth: AuthToken.AuthTokenService) => (header: (name: string) => string | undefined) =>
  auth.decide(header, { delayAuthDecision: true })

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
