/**
 * One Keystone request: build it, send it with a timeout, read the body, map
 * failures to `KeystoneError`, annotate the span; and the retrying wrapper.
 *
 * @internal
 */
import * as HttpClient from "@effect/platform/HttpClient"
import * as HttpClientRequest from "@effect/platform/HttpClientRequest"
import * as Clock from "effect/Clock"
import * as Effect from "effect/Effect"
import * as FiberRef from "effect/FiberRef"
import { constTrue } from "effect/Function"
import type { ApiVersion } from "../KeystoneClient.js"
import type * as KeystoneError from "../KeystoneError.js"
import * as Body from "./body.js"
import * as Errors from "./errors.js"
import * as Headers from "./headers.js"
import * as Retry from "./retry.js"
import * as Timeout from "./timeout.js"
import * as Tracing from "./tracing.js"

/** @internal */
export interface Env {
  /** The application's client (its own spans are turned off for each request). */
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

const untracedClients = new WeakMap<HttpClient.HttpClient, HttpClient.HttpClient>()

/** The client with the platform's own span turned off, made once per client. */
const untraced = (client: HttpClient.HttpClient): HttpClient.HttpClient => {
  let quiet = untracedClients.get(client)
  if (quiet === undefined) untracedClients.set(client, quiet = HttpClient.withTracerDisabledWhen(client, constTrue))
  return quiet
}

/** The request as sent: the client's headers, the call's, `Accept: application/json`, the trace context. */
const build = (
  env: Env,
  spec: Spec,
  trace: Readonly<Record<string, string>> | undefined
): HttpClientRequest.HttpClientRequest => {
  let request = HttpClientRequest.setHeaders(HttpClientRequest.make(spec.method)(spec.fullUrl), {
    ...env.headers,
    ...spec.headers,
    accept: "application/json",
    ...trace
  })
  if (spec.body !== undefined) request = HttpClientRequest.bodyText(request, JSON.stringify(spec.body), "application/json")
  if (spec.form !== undefined) request = HttpClientRequest.bodyUrlParams(request, spec.form)
  return request
}

/**
 * Sends the request once; any status is a success here. Transport failures
 * and the timeout become `TransportError`. The span (when recorded) gets the
 * request's method, redacted URL and version, and the reply's status and
 * request id.
 *
 * @internal
 */
export const attempt = (env: Env, spec: Spec, timeoutMillis: number): Effect.Effect<Errors.Reply, KeystoneError.KeystoneError> =>
  Effect.withFiberRuntime((fiber) => {
    const span = Tracing.current(fiber)
    if (span !== undefined) {
      span.attribute("http.request.method", spec.method)
      span.attribute("url.full", spec.url)
      if (spec.version !== undefined) span.attribute("keystone.api_version", spec.version)
    }
    const request = build(env, spec, Tracing.headers(fiber))
    const send = (client: HttpClient.HttpClient) =>
      Effect.matchEffect(client.execute(request), {
        onFailure: (error) => Effect.fail(Errors.fromTransport(spec, error)),
        onSuccess: (response) => Body.read(spec, response, env.maxResponseBytes)
      })
    // The platform's own span would record token headers and v2.0 token
    // paths (each call has its span, with redacted attributes, instead): off
    // for the request, set once in a fiber of its own, else for its duration.
    const reply = Timeout.request(
      env.client,
      request,
      (ownFiber) =>
        ownFiber
          ? Effect.zipRight(FiberRef.set(HttpClient.currentTracerDisabledWhen, constTrue), send(env.client))
          : send(untraced(env.client)),
      timeoutMillis,
      () => Errors.timeout(spec, timeoutMillis)
    )
    if (span === undefined) return reply
    return Effect.map(reply, (r) => {
      span.attribute("http.response.status_code", r.status)
      if (r.requestId !== undefined) span.attribute("keystone.request_id", r.requestId)
      return r
    })
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
