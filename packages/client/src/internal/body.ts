/**
 * Reading a response body with a size cap: a declared `Content-Length` over
 * the cap is refused before reading, and a longer (streamed, chunked,
 * endless) body is cut off once the cap is passed. Memory stays within the
 * cap plus one chunk; ending the body stream early closes the connection.
 *
 * @internal
 */
import type * as HttpClientError from "@effect/platform/HttpClientError"
import type * as HttpClientResponse from "@effect/platform/HttpClientResponse"
import * as Effect from "effect/Effect"
import * as Stream from "effect/Stream"
import * as KeystoneError from "../KeystoneError.js"
import * as Errors from "./errors.js"

/** Default `maxResponseBytes`: 4 MiB (a large real catalog is well under 1 MiB). @internal */
export const defaultMaxResponseBytes = 4 * 1024 * 1024

const decoder = new TextDecoder()

const concat = (parts: ReadonlyArray<Uint8Array>, size: number): Uint8Array => {
  const all = new Uint8Array(size)
  let offset = 0
  for (const part of parts) {
    all.set(part, offset)
    offset += part.length
  }
  return all
}

interface Collected {
  readonly parts: Array<Uint8Array>
  size: number
}

/** Statuses and methods whose `Content-Length` does not describe a body that follows. */
const noBody = (method: string, status: number) => method === "HEAD" || status === 204 || status === 304

/**
 * The reply, body read as UTF-8 text, or `DecodeError` when the body is
 * larger than `maxBytes`; a failure while reading is `TransportError`.
 *
 * @internal
 */
export const read = (
  info: Errors.RequestInfo,
  response: HttpClientResponse.HttpClientResponse,
  maxBytes: number
): Effect.Effect<Errors.Reply, KeystoneError.KeystoneError> => {
  const headers = response.headers as Readonly<Record<string, string>>
  const status = response.status
  const contentType = headers["content-type"]
  // a v3 login's reply carries the new token id: an echo of it in the request id is scrubbed too
  const issued = headers["x-subject-token"]
  const requestId = Errors.requestIdOf(headers, issued === undefined ? info.secrets : [...info.secrets, issued])
  const tooLarge = (what: string) =>
    new KeystoneError.DecodeError({
      method: info.method,
      url: info.url,
      status,
      message: `the response body ${what} maxResponseBytes (${maxBytes} bytes); the connection was closed`,
      ...(requestId === undefined ? {} : { requestId }),
      ...(contentType === undefined ? {} : { contentType })
    })
  const declared = Number(headers["content-length"])
  if (!noBody(info.method, status) && Number.isFinite(declared) && declared > maxBytes) {
    // one chunk at most is read: ending the body stream early closes the connection
    return Effect.zipRight(
      Effect.ignore(Stream.runHead(response.stream)),
      Effect.fail(tooLarge(`is declared (Content-Length ${declared}) larger than`))
    )
  }
  const reply = (text: string): Errors.Reply => ({ status, headers, text, contentType, requestId })
  const encoding = headers["content-encoding"]
  if (noBody(info.method, status) || (Number.isFinite(declared) && (encoding === undefined || encoding === "identity"))) {
    // the fast path: no body (HEAD, 204, 304), or the transport stops at the
    // declared length, which is within the cap
    return Effect.mapBoth(response.text, {
      onFailure: (error) => Errors.fromTransport(info, error),
      onSuccess: reply
    })
  }
  const initial: Collected = { parts: [], size: 0 }
  // a body-less web Response (fetch, in-memory clients) has no stream: an empty body
  const stream = Stream.catchAll(response.stream, (e) => e.reason === "EmptyBody" ? Stream.empty : Stream.fail(e))
  return Stream.runFoldEffect(
    stream,
    initial,
    (acc: Collected, chunk: Uint8Array): Effect.Effect<Collected, KeystoneError.DecodeError> => {
      if (acc.size + chunk.length > maxBytes) return Effect.fail(tooLarge("is larger than"))
      acc.parts.push(chunk)
      acc.size += chunk.length
      return Effect.succeed(acc)
    }
  ).pipe(
    Effect.mapError((error: KeystoneError.DecodeError | HttpClientError.ResponseError): KeystoneError.KeystoneError =>
      error._tag === "DecodeError" ? error : Errors.fromTransport(info, error)
    ),
    Effect.map(({ parts, size }) => reply(decoder.decode(concat(parts, size))))
  )
}
