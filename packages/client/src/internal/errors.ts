/**
 * Turning responses and transport failures into `KeystoneError`s, without
 * letting a secret into any of them.
 *
 * @internal
 */
import type * as HttpClientError from "@effect/platform/HttpClientError"
import { ErrorBody, V3 } from "@effect-keystone/schema"
import * as Duration from "effect/Duration"
import type * as ParseResult from "effect/ParseResult"
import * as Redacted from "effect/Redacted"
import * as Schema from "effect/Schema"
import * as KeystoneError from "../KeystoneError.js"

/** What every error needs to know about the request it came from. @internal */
export interface RequestInfo {
  readonly method: string
  /** Redacted: no token id, no user info. */
  readonly url: string
  /** Strings that must never appear in an error or span (token ids, passwords). */
  readonly secrets: ReadonlyArray<string>
}

/** A received response, body already read. @internal */
export interface Reply {
  readonly status: number
  readonly headers: Readonly<Record<string, string>>
  readonly text: string
  readonly contentType: string | undefined
  readonly requestId: string | undefined
}

// Python's json.dumps (ensure_ascii) and repr write non-ASCII as \uXXXX
const asciiEscaped = (s: string): string =>
  s.replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`)

/** One escaping a server may apply when it echoes text. */
const escapings: ReadonlyArray<(s: string) => string> = [
  encodeURIComponent,
  (s) => JSON.stringify(s).slice(1, -1),
  (s) => asciiEscaped(JSON.stringify(s).slice(1, -1)),
  (s) => s.replace(/\\/g, "\\\\"),
  (s) => s.replace(/\\/g, "\\\\").replace(/'/g, "\\'"),
  (s) => asciiEscaped(s.replace(/\\/g, "\\\\"))
]

/**
 * The forms a secret takes when a server echoes it: as is, URL-encoded,
 * JSON-escaped (`a"b\c` as `a\"b\\c`, also with `\uXXXX` for non-ASCII as
 * Python writes it) and Python-repr-escaped (backslashes and quotes); and
 * each of those escaped once more (a request body, itself JSON, echoed inside
 * a JSON message).
 *
 * @internal
 */
export const secretForms = (secret: string): ReadonlyArray<string> => {
  const once = escapings.map((escape) => escape(secret))
  const forms = new Set([secret, ...once, ...once.flatMap((form) => escapings.map((escape) => escape(form)))])
  // longest first, so a form that contains another is replaced whole
  return [...forms].sort((a, b) => b.length - a.length)
}

/** Replaces every occurrence of a secret (in any form `secretForms` lists) with `***`. @internal */
export const scrub = (text: string, secrets: ReadonlyArray<string>): string => {
  let out = text
  for (const secret of secrets) {
    if (secret.length < 4 || !mayHold(out, secret)) continue
    for (const form of secretForms(secret)) out = out.split(form).join("***")
  }
  return out
}

const firstAlphanumericRun = /[A-Za-z0-9]+/

/**
 * Whether `text` may hold `secret` in any form: every form `secretForms`
 * lists keeps the secret's letters and digits as they are, so a text
 * without one of its runs of them (the first, found without scanning the
 * rest) holds none: the common case, checked without building the forms.
 */
const mayHold = (text: string, secret: string): boolean => {
  const run = firstAlphanumericRun.exec(secret)
  return run === null || text.includes(run[0])
}

const requestIdShape = /^[\x21-\x7e]{1,128}$/

/**
 * The request id a response names (`x-openstack-request-id`, else
 * `x-compute-request-id`), kept only when it is visible ASCII of at most 128
 * characters, and scrubbed of secrets (a hostile server may echo one there).
 *
 * @internal
 */
export const requestIdOf = (headers: Readonly<Record<string, string>>, secrets: ReadonlyArray<string>): string | undefined => {
  const raw = headers["x-openstack-request-id"] ?? headers["x-compute-request-id"]
  return typeof raw === "string" && requestIdShape.test(raw) ? scrub(raw, secrets) : undefined
}

const context = (info: RequestInfo, requestId: string | undefined) => ({
  method: info.method,
  url: info.url,
  ...(requestId === undefined ? {} : { requestId })
})

/** Parses JSON, or `undefined` (never throws). @internal */
export const parseJson = (text: string): { readonly ok: true; readonly value: unknown } | { readonly ok: false } => {
  try {
    return { ok: true, value: JSON.parse(text) }
  } catch {
    return { ok: false }
  }
}

const describeBody = (reply: Reply): string =>
  reply.text.length === 0
    ? "an empty body"
    : `a ${reply.text.length}-byte ${reply.contentType ?? "untyped"} body that is not JSON`

/** `DecodeError` for a 2xx response that is not what Keystone sends. @internal */
export const decodeError = (info: RequestInfo, reply: Reply, what: string): KeystoneError.DecodeError =>
  new KeystoneError.DecodeError({
    ...context(info, reply.requestId),
    status: reply.status,
    message: scrub(what, info.secrets),
    ...(reply.contentType === undefined ? {} : { contentType: reply.contentType })
  })

/** The JSON body of a 2xx response, or `DecodeError`. @internal */
export const jsonBody = (info: RequestInfo, reply: Reply): { readonly ok: true; readonly value: unknown } | {
  readonly ok: false
  readonly error: KeystoneError.DecodeError
} => {
  const parsed = parseJson(reply.text)
  return parsed.ok ? parsed : { ok: false, error: decodeError(info, reply, `expected a JSON body, got ${describeBody(reply)}`) }
}

/**
 * A parse error described by paths and kinds only: the default formatter
 * prints actual values, and a v2.0 body carries the token id.
 *
 * @internal
 */
export const describeParseError = (error: ParseResult.ParseError): string => {
  const issues: Array<string> = []
  const walk = (issue: ParseResult.ParseIssue, path: ReadonlyArray<PropertyKey>): void => {
    if (issues.length >= 5) return
    switch (issue._tag) {
      case "Pointer": {
        const more = Array.isArray(issue.path) ? issue.path : [issue.path]
        return walk(issue.issue, [...path, ...more])
      }
      case "Composite": {
        const list = Array.isArray(issue.issues) ? issue.issues : [issue.issues]
        for (const i of list as ReadonlyArray<ParseResult.ParseIssue>) walk(i, path)
        return
      }
      case "Refinement":
      case "Transformation":
        return walk(issue.issue, path)
      default:
        issues.push(`${path.length === 0 ? "(root)" : path.map(String).join(".")}: ${issue._tag === "Missing" ? "missing" : issue._tag === "Unexpected" ? "unexpected" : "wrong type or value"}`)
    }
  }
  walk(error.issue, [])
  return `unexpected response shape (${issues.join("; ") || "invalid"})`
}

const retryAfterMillis = (value: string | undefined, now: number): number | undefined => {
  if (value === undefined) return undefined
  const trimmed = value.trim()
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000)
  const date = Date.parse(trimmed)
  return Number.isNaN(date) ? undefined : Math.max(0, date - now)
}

const decodeReceipt = Schema.decodeUnknownEither(V3.ReceiptResponse)

/**
 * The typed error for a response whose status is not a success.
 * `now` (Clock millis) resolves an HTTP-date `Retry-After`; a `Retry-After`
 * longer than `maxRetryAfterMillis` is reported as that long.
 *
 * @internal
 */
export const fromStatus = (
  info: RequestInfo,
  reply: Reply,
  now: number,
  maxRetryAfterMillis: number = Number.POSITIVE_INFINITY
): KeystoneError.KeystoneError => {
  const parsed = parseJson(reply.text)
  const body = parsed.ok ? ErrorBody.decodeOption(parsed.value) : undefined
  const raw = body !== undefined
    ? body.error.message
    : reply.text.length === 0 || parsed.ok
    ? `HTTP ${reply.status}`
    : `HTTP ${reply.status} with ${describeBody(reply)}`
  const base = { ...context(info, reply.requestId), status: reply.status, message: scrub(raw, info.secrets) }
  const status = reply.status
  if (status === 400) return new KeystoneError.BadRequest(base)
  if (status === 401) {
    if (parsed.ok && body === undefined && typeof parsed.value === "object" && parsed.value !== null && "receipt" in parsed.value) {
      const receipt = decodeReceipt(parsed.value)
      const header = reply.headers["openstack-auth-receipt"]
      if (receipt._tag === "Left") return decodeError(info, reply, describeParseError(receipt.left))
      if (header === undefined) return decodeError(info, reply, "401 receipt without an Openstack-Auth-Receipt header")
      return new KeystoneError.AuthReceiptRequired({
        ...base,
        message: `more authentication methods required: one of ${receipt.right.required_auth_methods.map((m) => m.join("+")).join(", ")}`,
        receipt: Redacted.make(header),
        requiredMethods: receipt.right.required_auth_methods,
        methods: receipt.right.receipt.methods
      })
    }
    return new KeystoneError.Unauthorized(base)
  }
  if (status === 403) return new KeystoneError.Forbidden(base)
  if (status === 404) return new KeystoneError.NotFound(base)
  if (status === 413 || status === 429 || status === 502 || status === 503 || status === 504) {
    const after = retryAfterMillis(reply.headers["retry-after"], now)
    const withRetry = after === undefined ? base : { ...base, retryAfter: Duration.millis(Math.min(after, maxRetryAfterMillis)) }
    return status === 413 || status === 429
      ? new KeystoneError.RateLimited(withRetry)
      : new KeystoneError.ServiceUnavailable(withRetry)
  }
  return new KeystoneError.UnexpectedStatus(base)
}

const connectCodes = new Set([
  "ECONNREFUSED",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "EADDRNOTAVAIL",
  "UND_ERR_CONNECT_TIMEOUT",
  "CERT_HAS_EXPIRED",
  "DEPTH_ZERO_SELF_SIGNED_CERT",
  "UNABLE_TO_VERIFY_LEAF_SIGNATURE",
  "ERR_TLS_CERT_ALTNAME_INVALID"
])
const resetCodes = new Set(["ECONNRESET", "EPIPE", "UND_ERR_SOCKET", "UND_ERR_CLOSED", "ECONNABORTED"])
const timeoutCodes = new Set(["ETIMEDOUT", "UND_ERR_HEADERS_TIMEOUT", "UND_ERR_BODY_TIMEOUT"])

// errors without a code (fetch, other HttpClient implementations): the usual wording
const reasonFromText = (text: string): KeystoneError.TransportError["reason"] =>
  /ECONNREFUSED|ENOTFOUND|EAI_AGAIN|EHOSTUNREACH|ENETUNREACH|connection refused|getaddrinfo/i.test(text)
    ? "Connect"
    : /ECONNRESET|EPIPE|socket hang up|connection reset|other side closed|terminated/i.test(text)
    ? "Reset"
    : /ETIMEDOUT|timed? ?out/i.test(text)
    ? "Timeout"
    : "Other"

const findCode = (cause: unknown): { code: string | undefined; message: string | undefined } => {
  let current: unknown = cause
  let message: string | undefined
  for (let depth = 0; depth < 6 && typeof current === "object" && current !== null; depth++) {
    const c = current as { code?: unknown; message?: unknown; cause?: unknown; errors?: unknown }
    if (message === undefined && typeof c.message === "string" && c.message.length > 0) message = c.message
    if (typeof c.code === "string") return { code: c.code, message: typeof c.message === "string" ? c.message : message }
    // AggregateError (happy eyeballs) carries its errors in `errors`
    current = c.cause ?? (Array.isArray(c.errors) ? c.errors[0] : undefined)
  }
  return { code: undefined, message }
}

/** A transport failure (no usable response) as `TransportError`. @internal */
export const fromTransport = (
  info: RequestInfo,
  error: HttpClientError.HttpClientError
): KeystoneError.TransportError | KeystoneError.InvalidInput => {
  if (error._tag === "RequestError" && error.reason !== "Transport") {
    return error.reason === "InvalidUrl"
      ? invalidInput("url", `the request URL is invalid (${info.method} ${info.url})`)
      : invalidInput("body", `the request body could not be encoded (${info.method} ${info.url})`)
  }
  const { code, message } = findCode(error.cause)
  const reason = code !== undefined
    ? (connectCodes.has(code) ? "Connect" : resetCodes.has(code) ? "Reset" : timeoutCodes.has(code) ? "Timeout" : "Other")
    : error._tag === "ResponseError"
    ? "Reset"
    : reasonFromText(`${message ?? ""} ${error.description ?? ""}`)
  const what = error._tag === "ResponseError" ? "reading the response failed" : "the request failed"
  const detail = [code, message].filter((s): s is string => s !== undefined && s.length > 0).join(": ")
  return new KeystoneError.TransportError({
    ...context(info, undefined),
    reason,
    message: scrub(detail.length > 0 ? `${what} (${detail})` : what, info.secrets)
  })
}

/** The per-request timeout as `TransportError`. @internal */
export const timeout = (info: RequestInfo, millis: number): KeystoneError.TransportError =>
  new KeystoneError.TransportError({
    ...context(info, undefined),
    reason: "Timeout",
    message: `no response within ${Duration.format(Duration.millis(millis))}`
  })

/** An input refused before anything is sent: which one, and why. @internal */
export const invalidInput = (input: string, message: string): KeystoneError.InvalidInput =>
  new KeystoneError.InvalidInput({ input, message })
