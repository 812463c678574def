/**
 * Between the platform's HTTP server types and the simulator's own request
 * and response shapes, and how a host drops a connection.
 */
import * as HttpServerRequest from "@effect/platform/HttpServerRequest"
import * as HttpServerResponse from "@effect/platform/HttpServerResponse"
import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import * as Stream from "effect/Stream"
import type { SimRequest, SimResponse } from "./http.js"

/**
 * What the host does when the simulator drops the connection without an
 * answer (a `Reset` fault, `setDown`). The default answers with a body that
 * fails before its first byte, the most a handler can do without the socket:
 * Bun resets the connection, Deno cuts it after the status line. The
 * in-memory client and the Node server (`Node.ts`) provide their own.
 */
export class ConnectionDrop extends Context.Reference<ConnectionDrop>()(
  "@effect-keystone/testing/ConnectionDrop",
  {
    defaultValue: (): (description: string) => Effect.Effect<HttpServerResponse.HttpServerResponse> => (description) =>
      Effect.succeed(HttpServerResponse.stream(Stream.fail(new Error(description))))
  }
) {}

/** Drops the connection of the request being answered. */
export const drop = (description: string): Effect.Effect<HttpServerResponse.HttpServerResponse> =>
  Effect.flatMap(ConnectionDrop, (dropWith) => dropWith(description))

/** The request as the handlers see it; the URL is resolved against `baseUrl` when the host gave only a path. */
export const simRequest = (
  request: HttpServerRequest.HttpServerRequest,
  baseUrl: string
): Effect.Effect<SimRequest> =>
  Effect.map(
    Effect.orElseSucceed(request.text, () => ""),
    (text) => ({
      method: request.method,
      url: new URL(request.originalUrl, baseUrl),
      headers: request.headers,
      body: text === "" ? undefined : text
    })
  )

/** The answer, status line and headers as given (the host adds none of its own but framing). */
export const serverResponse = (res: SimResponse): HttpServerResponse.HttpServerResponse => {
  const options = { status: res.status, statusText: res.statusText, headers: res.headers }
  return res.body === undefined
    ? HttpServerResponse.empty(options)
    : HttpServerResponse.text(res.body, { ...options, contentType: res.headers["content-type"] ?? "text/plain" })
}

/** The full URL of the request being answered. */
export const requestUrl = (baseUrl: string): Effect.Effect<URL, never, HttpServerRequest.HttpServerRequest> =>
  Effect.map(HttpServerRequest.HttpServerRequest, (request) => new URL(request.originalUrl, baseUrl))
