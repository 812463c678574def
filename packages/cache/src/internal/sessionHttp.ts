/**
 * `session.httpClient`: the application's `HttpClient` with `X-Auth-Token`
 * set, but only for origins the token is meant for (see `origins.ts`), never
 * following a redirect with it, and re-issuing the token on a 401 only when
 * that says something about the token.
 *
 * @internal
 */
import * as FetchHttpClient from "@effect/platform/FetchHttpClient"
import * as HttpClient from "@effect/platform/HttpClient"
import type * as HttpClientError from "@effect/platform/HttpClientError"
import * as HttpClientRequest from "@effect/platform/HttpClientRequest"
import type * as HttpClientResponse from "@effect/platform/HttpClientResponse"
import type { KeystoneError } from "@effect-keystone/client"
import type { Token } from "@effect-keystone/schema"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Option from "effect/Option"
import * as Redacted from "effect/Redacted"
import * as Origins from "./origins.js"

/** What the HTTP client needs from the session. @internal */
export interface Session {
  readonly token: Effect.Effect<Token.Token, KeystoneError.KeystoneError>
  readonly invalidate: (token: Token.Token) => Effect.Effect<void>
  /**
   * True while `token` is the current one, was issued less than the
   * refused-token window ago, and Keystone still takes it (asked once per
   * window): a 401 then says "this service refuses us", not "the token went
   * bad", and logging in again would only repeat it.
   */
  readonly refusedButAlive: (token: Token.Token) => Effect.Effect<boolean>
  readonly annotations: Record<string, unknown>
}

/** @internal */
export type Error = HttpClientError.HttpClientError | KeystoneError.KeystoneError | Origins.OriginNotAllowed

const withToken = (request: HttpClientRequest.HttpClientRequest, t: Token.Token) =>
  HttpClientRequest.setHeader(request, "x-auth-token", Redacted.value(t.id))

/** Reads (and drops) a body we will not return, so the connection can be reused. */
const discard = (response: HttpClientResponse.HttpClientResponse) =>
  Effect.ignore(Effect.timeout(response.arrayBuffer, Duration.seconds(1)))

/** @internal */
export const make = (
  baseHttp: HttpClient.HttpClient,
  session: Session,
  policy: Origins.Policy
): HttpClient.HttpClient.With<Error> => {
  /**
   * A fetch-based client follows redirects itself by default, headers and
   * all: ask it not to (the 3xx comes back to the caller; a
   * `HttpClient.followRedirects` around `session.httpClient` sends each hop
   * back through the origin check). Other clients ignore `RequestInit`.
   */
  const execute = (request: HttpClientRequest.HttpClientRequest) =>
    Effect.flatMap(Effect.serviceOption(FetchHttpClient.RequestInit), (init) =>
      Effect.provideService(baseHttp.execute(request), FetchHttpClient.RequestInit, {
        ...Option.getOrElse(init, () => ({})),
        redirect: "manual"
      }))

  let warnedRedirects = false
  /**
   * The provided client followed a redirect to another origin on its own
   * (e.g. it is wrapped in `HttpClient.followRedirects`): too late to stop,
   * but said once, loudly.
   */
  const checkFollowed = (sent: HttpClientRequest.HttpClientRequest, response: HttpClientResponse.HttpClientResponse) => {
    if (warnedRedirects || Origins.originOf(response.request.url) === Origins.originOf(sent.url)) {
      return Effect.succeed(response)
    }
    warnedRedirects = true
    return Effect.as(
      Effect.logWarning(
        "KeystoneSession: the HttpClient provided to the session followed a redirect to another origin with X-Auth-Token; provide one that does not follow redirects, and wrap session.httpClient in HttpClient.followRedirects instead"
      ).pipe(Effect.annotateLogs({ ...session.annotations, "http.redirected_to": Origins.originOf(response.request.url) ?? "(none)" })),
      response
    )
  }

  /** The request with this token, or the refusal: checked for every token, since each has its catalog. */
  const sendWith = (
    request: HttpClientRequest.HttpClientRequest,
    t: Token.Token
  ): Effect.Effect<HttpClientResponse.HttpClientResponse, Error> => {
    const refused = policy.check(t, request.url, request.method)
    return refused === undefined
      ? Effect.flatMap(execute(withToken(request, t)), (response) => checkFollowed(request, response))
      : Effect.fail(refused)
  }

  const send = (
    request: HttpClientRequest.HttpClientRequest
  ): Effect.Effect<HttpClientResponse.HttpClientResponse, Error> =>
    Effect.flatMap(session.token, (first) =>
      Effect.flatMap(sendWith(request, first), (response) => {
        // A stream body cannot be sent twice: the 401 goes back as is.
        if (response.status !== 401 || request.body._tag === "Stream") return Effect.succeed(response)
        return Effect.flatMap(session.refusedButAlive(first), (alive) =>
          alive
            ? Effect.as(
              Effect.logDebug("KeystoneSession: 401 from a service for a token issued moments ago that Keystone still takes; passing it on").pipe(
                Effect.annotateLogs({ ...session.annotations, method: request.method })
              ),
              response
            )
            : retried(request, response, first))
      }))

  const retried = (
    request: HttpClientRequest.HttpClientRequest,
    response: HttpClientResponse.HttpClientResponse,
    first: Token.Token
  ): Effect.Effect<HttpClientResponse.HttpClientResponse, Error> =>
        discard(response).pipe(
          Effect.zipRight(session.invalidate(first)),
          Effect.zipRight(
            Effect.logDebug("KeystoneSession: 401 from a service; retrying once with a fresh token").pipe(
              Effect.annotateLogs({ ...session.annotations, method: request.method })
            )
          ),
          Effect.zipRight(session.token),
          Effect.flatMap((second) => sendWith(request, second))
        )

  return HttpClient.makeWith<never, never, Error, never>((request) => Effect.flatMap(request, send), Effect.succeed)
}
