/**
 * The service client's typed errors, and how a service's error answer is
 * read: capped, its own message found in the common OpenStack error bodies,
 * its request id, and a URL safe to show.
 *
 * @internal
 */
import type * as HttpClientResponse from "@effect/platform/HttpClientResponse"
import * as Effect from "effect/Effect"
import * as Option from "effect/Option"
import * as Schema from "effect/Schema"
import * as Stream from "effect/Stream"

/** @internal */
export class ServiceError extends Schema.TaggedError<ServiceError>()("ServiceError", {
  serviceType: Schema.String,
  status: Schema.Int,
  method: Schema.String,
  /** The request URL, user info and secret-looking query values redacted. */
  url: Schema.String,
  /** The service's own message, when its body has one. */
  serviceMessage: Schema.optional(Schema.String),
  /** `x-openstack-request-id` (or `x-compute-request-id`), when the service sent one. */
  requestId: Schema.optional(Schema.String)
}) {
  override get message(): string {
    const said = this.serviceMessage === undefined ? "" : `: ${this.serviceMessage}`
    const id = this.requestId === undefined ? "" : ` [${this.requestId}]`
    return `${this.serviceType} answered ${this.status} to ${this.method} ${this.url}${said}${id}`
  }
}

/** @internal */
export class InvalidServicePath extends Schema.TaggedError<InvalidServicePath>()("InvalidServicePath", {
  serviceType: Schema.String,
  /** The path as given (cut to 200 characters). */
  path: Schema.String,
  reason: Schema.String
}) {
  override get message(): string {
    return `${this.serviceType}: not sending ${JSON.stringify(this.path)}: ${this.reason}`
  }
}

/** @internal */
export class VersionNotAvailable extends Schema.TaggedError<VersionNotAvailable>()("VersionNotAvailable", {
  serviceType: Schema.String,
  /** The endpoint discovered (redacted like `ServiceError.url`). */
  endpoint: Schema.String,
  min: Schema.optional(Schema.String),
  max: Schema.optional(Schema.String),
  /** The versions the service offered (`id status`), empty when discovery found none. */
  offered: Schema.Array(Schema.String),
  reason: Schema.String
}) {
  override get message(): string {
    const wanted = `${this.min ?? "any"} to ${this.max ?? "latest"}`
    const offered = this.offered.length === 0 ? "none" : this.offered.join(", ")
    return `${this.serviceType} at ${this.endpoint}: no version from ${wanted} (offered: ${offered}): ${this.reason}`
  }
}

/** @internal */
export class MicroversionNotSupported extends Schema.TaggedError<MicroversionNotSupported>()("MicroversionNotSupported", {
  serviceType: Schema.String,
  wanted: Schema.String,
  /** The service's range, when it announces one. */
  min: Schema.optional(Schema.String),
  max: Schema.optional(Schema.String)
}) {
  override get message(): string {
    const range = this.min === undefined || this.max === undefined
      ? "the service announces no microversions"
      : `the service supports ${this.min} to ${this.max}`
    return `${this.serviceType}: microversion ${this.wanted} not supported: ${range}`
  }
}

const secretParam = /token|sig|secret|password|passwd|key|credential|auth/i

/** The URL without user info, secret-looking query values replaced. @internal */
export const redactUrl = (url: string): string => {
  try {
    const parsed = new URL(url)
    parsed.username = ""
    parsed.password = ""
    for (const name of [...new Set(parsed.searchParams.keys())]) {
      if (secretParam.test(name)) parsed.searchParams.set(name, "REDACTED")
    }
    parsed.hash = ""
    return parsed.href
  } catch {
    return "(unparsable URL)"
  }
}

/** At most this much of an error body is read. @internal */
export const bodyCap = 64 * 1024

/** The body's first `bodyCap` bytes as text (undefined if unreadable within 5 s), and whether there was more. @internal */
export const readCapped = (
  response: HttpClientResponse.HttpClientResponse
): Effect.Effect<{ readonly text: string; readonly truncated: boolean } | undefined> =>
  response.stream.pipe(
    Stream.runFoldWhile(
      { chunks: [] as Array<Uint8Array>, size: 0 },
      (s) => s.size < bodyCap,
      (s, chunk) => ({ chunks: [...s.chunks, chunk], size: s.size + chunk.length })
    ),
    Effect.map(({ chunks, size }) => {
      const all = new Uint8Array(Math.min(size, bodyCap))
      let at = 0
      for (const chunk of chunks) {
        const part = chunk.subarray(0, all.length - at)
        all.set(part, at)
        at += part.length
      }
      return { text: new TextDecoder().decode(all), truncated: size > bodyCap }
    }),
    Effect.timeout("5 seconds"),
    Effect.option,
    Effect.map(Option.getOrUndefined)
  )

const text = (u: unknown): string | undefined => (typeof u === "string" && u.trim() !== "" ? u.trim() : undefined)

const record = (u: unknown): Record<string, unknown> | undefined =>
  typeof u === "object" && u !== null && !Array.isArray(u) ? (u as Record<string, unknown>) : undefined

/**
 * The service's own message from the common OpenStack error bodies:
 * `{"message"}`, `{"title","description"}`, `{"error":{"message"}}`,
 * `{"itemNotFound":{"message"}}` / `{"NeutronError":{"message"}}` (one key
 * wrapping a message), `{"errors":[{"title","detail"}]}`; a short plain-text
 * body as is; otherwise nothing. @internal
 */
export const serviceMessage = (body: string | undefined): string | undefined => {
  if (body === undefined) return undefined
  let json: unknown
  try {
    json = JSON.parse(body)
  } catch {
    const plain = body.replace(/\s+/g, " ").trim()
    return plain === "" || plain.startsWith("<") ? undefined : plain.slice(0, 300)
  }
  const fromObject = (o: Record<string, unknown> | undefined): string | undefined => {
    if (o === undefined) return undefined
    const message = text(o.message) ?? text(o.faultstring)
    if (message !== undefined) return message
    const title = text(o.title)
    const description = text(o.description) ?? text(o.detail)
    if (title !== undefined || description !== undefined) return [title, description].filter((s) => s !== undefined).join(": ")
    return undefined
  }
  const top = record(json)
  if (top === undefined) return undefined
  const direct = fromObject(top)
  if (direct !== undefined) return direct.slice(0, 1000)
  if (Array.isArray(top.errors)) return fromObject(record(top.errors[0]))?.slice(0, 1000)
  const keys = Object.keys(top)
  return keys.length === 1 ? fromObject(record(top[keys[0]!]))?.slice(0, 1000) : undefined
}

/** The `ServiceError` for a response the caller will not get. @internal */
export const fromResponse = (
  serviceType: string,
  response: HttpClientResponse.HttpClientResponse
): Effect.Effect<ServiceError> =>
  Effect.map(readCapped(response), (body) => {
    const requestId = response.headers["x-openstack-request-id"] ?? response.headers["x-compute-request-id"]
    const said = serviceMessage(body?.text)
    return new ServiceError({
      serviceType,
      status: response.status,
      method: response.request.method,
      url: redactUrl(response.request.url),
      ...(said === undefined ? {} : { serviceMessage: said }),
      ...(requestId === undefined ? {} : { requestId })
    })
  })
