/**
 * `session.httpClient` and `session.httpClientOnBehalfOf`: one
 * `HttpClient.makeWith` over the application's `HttpClient` (with one
 * `HttpClient.transform`), in three steps per request.
 *
 * 1. The tokens are read from their sessions and set as headers, but only for
 *    origins the guarding token is meant for (see `origins.ts`). This step
 *    must see the request exactly as it is sent, after every
 *    `HttpClient.mapRequest` the caller wraps around the session's client
 *    (ServiceClient's `prependUrl`, an application's own): a request mapping
 *    layer (`mapRequestEffect`) runs before those, so the origin check would
 *    look at a URL that is then changed. It is therefore the client's
 *    response side, with no request mapping of its own.
 * 2. The application's client sends it (`HttpClient.transform`): a fetch-based client is told not to follow redirects, a client that
 *    followed one to another origin anyway is reported (once), and the
 *    platform's span is traced as `TokenHeaders.clientRequest` says.
 * 3. On a 401, the tokens Keystone confirms dead are re-issued and the
 *    request is run once more from the start (the caller's mapping, then
 *    step 1 with fresh tokens and a fresh origin check); any other 401 goes
 *    back as is.
 *
 * The 401 handling is part of the same `makeWith`, not a `transformResponse`
 * around it: each layer is a few more steps of the run loop per request.
 *
 * @internal
 */
import * as FetchHttpClient from "@effect/platform/FetchHttpClient"
import * as HttpClient from "@effect/platform/HttpClient"
import type * as HttpClientError from "@effect/platform/HttpClientError"
import * as HttpClientRequest from "@effect/platform/HttpClientRequest"
import type * as HttpClientResponse from "@effect/platform/HttpClientResponse"
import type { KeystoneError } from "@effect-keystone/client"
import * as TokenHeaders from "@effect-keystone/client/TokenHeaders"
import type { Token } from "@effect-keystone/schema"
import * as Arr from "effect/Array"
import * as Context from "effect/Context"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Option from "effect/Option"
import * as Redacted from "effect/Redacted"
import * as Ref from "effect/Ref"
import * as Origins from "./origins.js"

/** @internal */
export type Error = HttpClientError.HttpClientError | KeystoneError.KeystoneError | Origins.OriginNotAllowed

/** One token the client sends, and where it comes from. @internal */
export interface Credential<T extends Token.Token | Redacted.Redacted<string>> {
  /** Lower case, e.g. `x-auth-token`. */
  readonly header: string
  /** Display name in logs, e.g. `X-Auth-Token`. */
  readonly name: string
  readonly token: Effect.Effect<T, KeystoneError.KeystoneError>
  /** Drops a refused token so that `token` yields another; `undefined`: a fixed token, never re-issued. */
  readonly invalidate: ((id: Redacted.Redacted<string>) => Effect.Effect<void>) | undefined
}

/** @internal */
export interface Config {
  /** The token whose catalog (with the auth URL and `allowOrigins`) decides where a request may go. */
  readonly guard: Credential<Token.Token>
  /** A second token sent along (`X-Auth-Token` of the user a service calls for). */
  readonly other: Credential<Token.Token | Redacted.Redacted<string>> | undefined
  readonly policy: Origins.Policy
  /**
   * After a 401: is this token dead at Keystone (so re-issuing it helps)?
   * `alone`: it was the only token sent.
   */
  readonly isDead: (id: Redacted.Redacted<string>, alone: boolean) => Effect.Effect<boolean>
  readonly annotations: Record<string, unknown>
}

const idOf = (t: Token.Token | Redacted.Redacted<string>): string =>
  Redacted.value(Redacted.isRedacted(t) ? t : t.id)

/** Reads (and drops) a body we will not return, so the connection can be reused. */
const discard = (response: HttpClientResponse.HttpClientResponse) =>
  Effect.ignore(Effect.timeout(response.arrayBuffer, Duration.seconds(1)))

/**
 * Sends `request` (tokens set, origin checked) through the application's
 * client (its own request mapping first), traced as `TokenHeaders.clientRequest` says: the token headers
 * redacted in the platform's span when spans are recorded, and no platform
 * span at all when nothing records it and no span surrounds the request.
 *
 * A fetch-based client follows redirects itself by default, headers and all:
 * ask it not to (the 3xx comes back to the caller; a
 * `HttpClient.followRedirects` around the session's client sends each hop
 * back through the origin check). Other clients ignore `RequestInit`: one
 * seen sending a request without reading it is not told again (setting it
 * costs a context per request). A provided client that followed a redirect
 * to another origin on its own is too late to stop, but said once, loudly.
 */
const transmitter = (
  baseHttp: HttpClient.HttpClient,
  annotations: Record<string, unknown>
) => {
  const warned = Ref.unsafeMake(false)
  const redirected = (response: HttpClientResponse.HttpClientResponse, to: string | undefined) =>
    Effect.flatMap(Ref.getAndSet(warned, true), (before) =>
      before ? Effect.succeed(response) : Effect.as(
        Effect.logWarning(
          "KeystoneSession: the HttpClient provided to the session followed a redirect to another origin with X-Auth-Token; provide one that does not follow redirects, and wrap session.httpClient in HttpClient.followRedirects instead"
        ).pipe(Effect.annotateLogs({ ...annotations, "http.redirected_to": to ?? "(none)" })),
        response
      ))

  const sending = HttpClient.transform(baseHttp, (sendIt, sent) =>
    Effect.withFiberRuntime<HttpClientResponse.HttpClientResponse, HttpClientError.HttpClientError>((fiber) => {
      let effect = sendIt
      if (!ignoresRequestInit.has(baseHttp)) {
        const init = Context.getOrElse(fiber.currentContext, FetchHttpClient.RequestInit, () => undefined)
        if (init === undefined || init.redirect !== "manual") {
          const told = manualRedirects(init)
          effect = Effect.tap(
            Effect.provide(effect, Context.add(fiber.currentContext, FetchHttpClient.RequestInit, told.init)),
            // sent without a look at RequestInit: not a fetch-based client
            () => {
              if (!told.read) ignoresRequestInit.add(baseHttp)
            }
          )
        }
      }
      return Effect.flatMap(TokenHeaders.clientRequest(effect), (response) => {
        // the same URL string is the same origin: parsed only when the client changed the URL
        if (response.request.url === sent.url) return Effect.succeed(response)
        const to = Origins.originOf(response.request.url)
        return to === Origins.originOf(sent.url) ? Effect.succeed(response) : redirected(response, to)
      })
    }))

  return (request: HttpClientRequest.HttpClientRequest) => sending.execute(request)
}

/** Clients seen sending a request without reading `FetchHttpClient.RequestInit`. */
const ignoresRequestInit = new WeakSet<HttpClient.HttpClient>()

/** Whether session requests through `client` still carry `RequestInit` (not yet seen ignoring it). @internal */
export const toldNotToFollowRedirects = (client: HttpClient.HttpClient): boolean => !ignoresRequestInit.has(client)

/** `init` with `redirect: "manual"`, noting whether the client read it. */
const manualRedirects = (init: RequestInit | undefined) => {
  const told = { read: false, init: { ...init } }
  Object.defineProperty(told.init, "redirect", {
    enumerable: true,
    get: () => {
      told.read = true
      return "manual"
    }
  })
  return told
}

/** @internal */
export const make = (baseHttp: HttpClient.HttpClient, config: Config): HttpClient.HttpClient.With<Error> => {
  const { annotations, guard, other, policy } = config
  const sent = other === undefined ? [guard] : [guard, other]
  const transmit = transmitter(baseHttp, annotations)

  /** Sends the request with the current tokens, or refuses it: checked for every token, since each has its catalog. */
  const authorizeAndSend = (
    request: HttpClientRequest.HttpClientRequest
  ): Effect.Effect<HttpClientResponse.HttpClientResponse, Error> =>
    Effect.flatMap(guard.token, (g): Effect.Effect<HttpClientResponse.HttpClientResponse, Error> => {
      const refused = policy.check(g, request.url, request.method)
      if (refused !== undefined) return Effect.fail(refused)
      const withGuard = HttpClientRequest.setHeader(request, guard.header, idOf(g))
      return other === undefined
        ? transmit(withGuard)
        : Effect.flatMap(other.token, (o) => transmit(HttpClientRequest.setHeader(withGuard, other.header, idOf(o))))
    })

  /** The re-issuable tokens of a refused request that Keystone says are dead, with their ids. */
  const deadTokens = (request: HttpClientRequest.HttpClientRequest) =>
    Effect.map(
      Effect.forEach(sent, (c) => {
        const id = request.headers[c.header]
        const invalidate = c.invalidate
        if (invalidate === undefined || id === undefined) return Effect.succeed(Option.none())
        const subject = Redacted.make(id)
        return Effect.map(
          config.isDead(subject, sent.length === 1),
          (dead) => (dead ? Option.some({ name: c.name, drop: invalidate(subject) }) : Option.none())
        )
      }),
      Arr.getSomes
    )

  /** A 401 once: fresh tokens where Keystone confirms the old ones dead, then the whole request again. */
  const reauthorizeOnce = <E>(send: Effect.Effect<HttpClientResponse.HttpClientResponse, E>) =>
    Effect.flatMap(send, (response) => {
      // A stream body cannot be sent twice: the 401 goes back as is.
      if (response.status !== 401 || response.request.body._tag === "Stream") return Effect.succeed(response)
      const logged = { ...annotations, method: response.request.method }
      return Effect.flatMap(deadTokens(response.request), (dead) =>
        dead.length === 0
          ? Effect.as(
            Effect.logDebug("KeystoneSession: 401 from a service for tokens Keystone still takes; passing it on").pipe(
              Effect.annotateLogs(logged)
            ),
            response
          )
          : discard(response).pipe(
            Effect.zipRight(Effect.forEach(dead, (d) => d.drop, { discard: true })),
            Effect.zipRight(
              Effect.logDebug("KeystoneSession: 401 from a service; retrying once with a fresh token").pipe(
                Effect.annotateLogs({ ...logged, "keystone.reissued": dead.map((d) => d.name).join(", ") })
              )
            ),
            Effect.zipRight(send)
          ))
    })

  return HttpClient.makeWith<never, never, Error, never>(
    (request) => reauthorizeOnce(Effect.flatMap(request, authorizeAndSend)),
    Effect.succeed
  )
}
