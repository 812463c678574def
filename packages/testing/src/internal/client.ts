/**
 * The in-memory transport: `HttpClientRequest` in, `HttpClientResponse` out,
 * no sockets.
 */
import * as HttpClient from "@effect/platform/HttpClient"
import * as HttpClientError from "@effect/platform/HttpClientError"
import type * as HttpClientRequest from "@effect/platform/HttpClientRequest"
import * as HttpClientResponse from "@effect/platform/HttpClientResponse"
import * as UrlParams from "@effect/platform/UrlParams"
import * as Chunk from "effect/Chunk"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Stream from "effect/Stream"
import type { KeystoneSimService } from "../KeystoneSim.js"
import type { Outcome, SimRequest } from "./http.js"

const decoder = new TextDecoder()

const concat = (chunks: Chunk.Chunk<Uint8Array>): Uint8Array => {
  const all = new Uint8Array(Chunk.reduce(chunks, 0, (n, c) => n + c.length))
  let offset = 0
  for (const c of chunks) {
    all.set(c, offset)
    offset += c.length
  }
  return all
}

const readBody = (request: HttpClientRequest.HttpClientRequest): Effect.Effect<string | undefined, unknown> => {
  const body = request.body
  switch (body._tag) {
    case "Empty":
      return Effect.succeed(undefined)
    case "Uint8Array":
      return Effect.succeed(decoder.decode(body.body))
    case "Raw":
      return typeof body.body === "string"
        ? Effect.succeed(body.body)
        : body.body instanceof Uint8Array
        ? Effect.succeed(decoder.decode(body.body))
        : Effect.tryPromise(() => new Response(body.body as ConstructorParameters<typeof Response>[0]).text())
    case "FormData":
      return Effect.tryPromise(() => new Response(body.formData).text())
    case "Stream":
      return Effect.map(Stream.runCollect(body.stream), (chunks) => decoder.decode(concat(chunks)))
  }
}

const nullBodyStatus = new Set([101, 204, 205, 304])

/** `handle` for a simulator whose core is `respond`. */
export const handler = (respond: (request: SimRequest) => Effect.Effect<Outcome>) =>
(
  request: HttpClientRequest.HttpClientRequest
): Effect.Effect<HttpClientResponse.HttpClientResponse, HttpClientError.HttpClientError> =>
  Effect.gen(function*() {
    const url = UrlParams.makeUrl(request.url, request.urlParams, request.hash)
    if (Either.isLeft(url)) {
      return yield* new HttpClientError.RequestError({ request, reason: "InvalidUrl", cause: url.left })
    }
    const body = yield* Effect.mapError(
      readBody(request),
      (cause) => new HttpClientError.RequestError({ request, reason: "Encode", cause })
    )
    const outcome = yield* respond({
      method: request.method,
      url: url.right,
      headers: Object.fromEntries(Object.entries(request.headers)),
      body
    })
    if (outcome._tag === "Dropped") {
      return yield* new HttpClientError.RequestError({
        request,
        reason: "Transport",
        cause: new Error(outcome.description),
        description: outcome.description
      })
    }
    const web = new Response(nullBodyStatus.has(outcome.status) ? null : outcome.body ?? null, {
      status: outcome.status,
      statusText: outcome.statusText,
      headers: outcome.headers
    })
    return HttpClientResponse.fromWeb(request, web)
  })

/** An `HttpClient` whose every request goes to the simulator. */
export const make = (sim: KeystoneSimService): HttpClient.HttpClient => HttpClient.make((request) => sim.handle(request))
