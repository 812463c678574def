/**
 * The HTTP headers that carry a Keystone token (`X-Auth-Token`,
 * `X-Service-Token`, `X-Subject-Token`), and keeping their values out of
 * traces. `@effect/platform` records every request header of a traced
 * `HttpClient` call, and of a request an Effect `HttpServer` handles, as a
 * span attribute (`http.request.header.x-auth-token`), redacting only
 * `authorization`, cookies and `x-api-key` by default: with an OpenTelemetry
 * exporter, tokens would leave the process in spans.
 *
 * `KeystoneClient` sends nothing traced this way and `session.httpClient`
 * redacts these headers itself; a server that receives tokens (a service
 * behind `@effect-keystone/middleware`) wraps what serves it in
 * `redactInTraces`.
 *
 * @since 0.4.0
 */
import type * as Effect from "effect/Effect"
import * as internal from "./internal/tokenHeaders.js"

/**
 * The token headers, lower case.
 *
 * @since 0.4.0
 * @category constants
 */
export const names: ReadonlyArray<string> = internal.names

/**
 * Runs `effect` with the token headers added to `Headers.currentRedactedNames`:
 * spans started inside it (and by fibers it forks, such as an `HttpServer`'s
 * request handlers) show `<redacted>` for them.
 *
 * @since 0.4.0
 * @category combinators
 *
 * @example
 * ```ts
 * import { TokenHeaders } from "@effect-keystone/client"
 * import * as HttpServer from "@effect/platform/HttpServer"
 * import * as HttpServerResponse from "@effect/platform/HttpServerResponse"
 * import { Effect } from "effect"
 *
 * // each request's server span: http.request.header.x-auth-token = "<redacted>"
 * const serving = HttpServer.serveEffect(Effect.succeed(HttpServerResponse.text("ok"))).pipe(TokenHeaders.redactInTraces)
 * ```
 */
export const redactInTraces: <A, E, R>(effect: Effect.Effect<A, E, R>) => Effect.Effect<A, E, R> = internal.redactInTraces

/**
 * `redactInTraces` for one request, at no cost when no span is recorded: the
 * token headers are redacted if, when `effect` starts, tracing is enabled and
 * a tracer other than Effect's built-in one (which keeps spans in memory) is
 * installed; otherwise `effect` runs as it is. For a request or a short
 * effect that does not install a tracer itself; wrap a whole server in
 * `redactInTraces`.
 *
 * @since 0.4.0
 * @category combinators
 *
 * @example
 * ```ts
 * import { TokenHeaders } from "@effect-keystone/client"
 * import * as HttpClient from "@effect/platform/HttpClient"
 *
 * // the request's http.client span (when recorded) shows <redacted> for the token headers
 * const redacting = (client: HttpClient.HttpClient) => HttpClient.transformResponse(client, TokenHeaders.redactInRecordedTraces)
 * ```
 */
export const redactInRecordedTraces: <A, E, R>(effect: Effect.Effect<A, E, R>) => Effect.Effect<A, E, R> =
  internal.redactInRecordedTraces

/**
 * For one `HttpClient` request that carries token headers, as
 * `session.httpClient` sends them: when spans are recorded, the token headers
 * are redacted in the platform's span (`redactInRecordedTraces`); when
 * nothing records them and no span surrounds the request, the platform's
 * span is skipped (`HttpClient.currentTracerDisabledWhen`) — it would be kept
 * nowhere, costs about 15 µs a request, and sends a random `traceparent`. A
 * span around the request that nothing records (the trace context of an
 * incoming request, say) is still propagated in `traceparent`.
 *
 * @since 0.6.0
 * @category combinators
 *
 * @example
 * ```ts
 * import { TokenHeaders } from "@effect-keystone/client"
 * import * as HttpClient from "@effect/platform/HttpClient"
 *
 * const forTokens = (client: HttpClient.HttpClient) => HttpClient.transformResponse(client, TokenHeaders.clientRequest)
 * ```
 */
export const clientRequest: <A, E, R>(effect: Effect.Effect<A, E, R>) => Effect.Effect<A, E, R> = internal.clientRequest
