/**
 * One Keystone request: build it, send it with a timeout, read the body, map
 * failures to `KeystoneError`, annotate the span; and the retrying wrapper.
 *
 * @internal
 */
import type * as HttpClient from "@effect/platform/HttpClient"
import * as HttpClientRequest from "@effect/platform/HttpClientRequest"
import * as HttpTraceContext from "@effect/platform/HttpTraceContext"
import * as Clock from "effect/Clock"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Option from "effect/Option"
import type { ApiVersion } from "../KeystoneClient.js"
import type * as KeystoneError from "../KeystoneError.js"
import * as Body from "./body.js"
import * as Errors from "./errors.js"
import * as Headers from "./headers.js"
import * as Retry from "./retry.js"

/** @internal */
export interface Env {
  readonly client: HttpClient.HttpClient
  readonly headers: Readonly<Record<string, string>>
  readonly retry: Retry.Policy | undefined
  readonly timeoutMillis: number
  /** The longest `Retry-After` reported in an error. */
  readonly maxRetryAfterMillis: number
  /** The largest response body read. */
  readonly maxResponseBytes: number
}

/** @internal */
export interface Spec extends Errors.RequestInfo {
  readonly method: "GET" | "HEAD" | "POST" | "DELETE"
  /** The real URL (may hold a v2.0 token id): only ever given to the HttpClient. */
  readonly fullUrl: string
  readonly headers?: Readonly<Record<string, string>> | undefined
  /** JSON body (POST). Holds secrets: serialized only into the request. */
  readonly body?: unknown
  /** A form body (POST, `application/x-www-form-urlencoded`), for an OAuth 2.0 identity provider. */
  readonly form?: Readonly<Record<string, string>> | undefined
  readonly version: ApiVersion | undefined
}

const build = (env: Env, spec: Spec): Effect.Effect<HttpClientRequest.HttpClientRequest> =>
  Effect.map(Effect.currentSpan.pipe(Effect.option), (span) => {
    let request = HttpClientRequest.make(spec.method)(spec.fullUrl).pipe(
      HttpClientRequest.setHeaders(env.headers),
      HttpClientRequest.setHeaders(spec.headers ?? {}),
      HttpClientRequest.acceptJson
    )
    if (spec.body !== undefined) request = HttpClientRequest.bodyText(request, JSON.stringify(spec.body), "application/json")
    if (spec.form !== undefined) request = HttpClientRequest.bodyUrlParams(request, spec.form)
    if (Option.isSome(span)) request = HttpClientRequest.setHeaders(request, HttpTraceContext.toHeaders(span.value))
    return request
  })

const annotateRequest = (spec: Spec) =>
  Effect.annotateCurrentSpan({
    "http.request.method": spec.method,
    "url.full": spec.url,
    ...(spec.version === undefined ? {} : { "keystone.api_version": spec.version })
  })

/**
 * Sends the request once; any status is a success here. Transport failures
 * and the timeout become `TransportError`.
 *
 * @internal
 */
export const attempt = (env: Env, spec: Spec, timeoutMillis: number): Effect.Effect<Errors.Reply, KeystoneError.KeystoneError> =>
  Effect.gen(function*() {
    yield* annotateRequest(spec)
    const request = yield* build(env, spec)
    const reply = yield* env.client.execute(request).pipe(
      Effect.mapError((error) => Errors.fromTransport(spec, error)),
      Effect.flatMap((response) => Body.read(spec, response, env.maxResponseBytes)),
      Effect.timeoutFail({ duration: Duration.millis(timeoutMillis), onTimeout: () => Errors.timeout(spec, timeoutMillis) })
    )
    yield* Effect.annotateCurrentSpan({
      "http.response.status_code": reply.status,
      ...(reply.requestId === undefined ? {} : { "keystone.request_id": reply.requestId })
    })
    return reply
  })

/**
 * Sends the request with retries; a status `ok` does not accept becomes its
 * typed error. Headers no HTTP request can carry (a CR or LF in a token or
 * in the `headers` option) are refused first: `InvalidInput`, nothing sent,
 * no retry.
 *
 * @internal
 */
export const request = (
  env: Env,
  spec: Spec,
  ok: (status: number) => boolean
): Effect.Effect<Errors.Reply, KeystoneError.KeystoneError> => {
  const problem = Headers.problem(env.headers, "the headers option")
  if (problem !== undefined) return Effect.fail(Errors.invalidInput("headers", problem))
  const inRequest = Headers.problem(spec.headers ?? {}, "the request")
  if (inRequest !== undefined) return Effect.fail(Errors.invalidInput("request headers", `${inRequest} (${spec.method} ${spec.url})`))
  return Retry.run(env.retry, env.timeoutMillis, (timeoutMillis) =>
    Effect.flatMap(attempt(env, spec, timeoutMillis), (reply) =>
      ok(reply.status)
        ? Effect.succeed(reply)
        : Effect.flatMap(
          Clock.currentTimeMillis,
          (now) => Effect.fail(Errors.fromStatus(spec, reply, now, env.maxRetryAfterMillis))
        )))
}

/** @internal */
export const is2xx = (status: number): boolean => status >= 200 && status < 300
