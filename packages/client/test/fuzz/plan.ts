/**
 * What one fuzz case is: a client call (operation, API version, caller,
 * retries, secrets) and the scripted replies the loopback server gives to
 * the case's successive requests, as plain data drawn by fast-check.
 */
import * as fc from "effect/FastCheck"

export type Operation = "issue" | "validate" | "check" | "revoke" | "endpoints" | "version"

/** Where a reply copies something it received from the request. */
export type EchoTarget = "body" | "auth-token" | "subject-token" | "path"
/** How the copy is written: as is, JSON-escaped, Python's ASCII-only JSON escaping, URL-encoded. */
export type EchoMode = "raw" | "json" | "python" | "url"
export interface Echo {
  readonly target: EchoTarget
  readonly mode: EchoMode
}

export type HeaderValue = string | Echo
export type StatusPlan = "proper" | number
export type StatusLine = "normal" | "http10" | "no-reason" | "long-reason" | "garbage" | "lowercase"

export type Mutation = { readonly pick: number; readonly action: "replace" | "delete"; readonly value: fc.JsonValue }

export type BodyPlan =
  | { readonly kind: "valid" }
  | { readonly kind: "mutated"; readonly mutations: ReadonlyArray<Mutation> }
  | { readonly kind: "json"; readonly value: fc.JsonValue }
  | { readonly kind: "error"; readonly message: HeaderValue | null }
  | { readonly kind: "receipt"; readonly mutations: ReadonlyArray<Mutation> }
  | { readonly kind: "echo"; readonly echo: Echo; readonly wrap: "bare" | "error-message" | "json-string" }
  | { readonly kind: "garbage"; readonly bytes: ReadonlyArray<number> }
  | { readonly kind: "html" }
  | { readonly kind: "empty" }
  | { readonly kind: "deep"; readonly depth: number; readonly open: "[" | "{\"a\":" }
  | { readonly kind: "padded"; readonly size: number }
  | { readonly kind: "large-string"; readonly size: number }
  /** Sent with a Content-Length, in 64 KiB writes: a client with a body cap stops reading it. */
  | { readonly kind: "huge"; readonly size: number }
  /** Chunked and never finished: the server writes until the client disconnects. */
  | { readonly kind: "endless" }

export type Charset = "utf8" | "latin1" | "utf16le"
export type Encoding = "none" | "gzip" | "deflate" | "br" | "gzip-corrupt" | "claim-gzip" | "unknown" | "double" | "bomb"
export type Framing =
  | "length"
  | "chunked"
  | "close"
  | "length-short"
  | "length-long-hold"
  | "length-long-close"
  | "chunked-bad-size"
  | "chunked-unfinished"
  | "double-length"
  | "length-and-chunked"
export type Delivery =
  | { readonly kind: "instant" }
  | { readonly kind: "drip"; readonly pieces: number; readonly delayMs: number }
  | { readonly kind: "stall"; readonly ms: number }
  | { readonly kind: "never" }
  | { readonly kind: "cut"; readonly fraction: number; readonly reset: boolean }
export type SubjectTokenPlan = "valid" | "missing" | "empty" | "spaces" | "non-ascii" | "control" | "huge" | "echo-password"

export interface ReplyPlan {
  readonly status: StatusPlan
  readonly statusLine: StatusLine
  readonly interim: "none" | 100 | 103
  readonly headers: ReadonlyArray<readonly [string, HeaderValue]>
  readonly contentType: string | null | "default"
  readonly charset: Charset
  readonly subjectToken: SubjectTokenPlan
  readonly body: BodyPlan
  readonly encoding: Encoding
  readonly framing: Framing
  readonly delivery: Delivery
}

export interface Case {
  readonly op: Operation
  readonly api: "v3" | "v2.0" | "auto"
  readonly caller: "subject" | "token" | "auth"
  readonly retry: false | { readonly maxAttempts: number }
  readonly options: { readonly noCatalog?: true; readonly allowExpired?: true; readonly belongsTo?: string }
  /** Each secret holds a unique alphanumeric core: finding the core anywhere is a leak, whatever the escaping. */
  readonly password: string
  readonly subjectId: string
  readonly serviceToken: string
  readonly servicePassword: string
  readonly issuedId: string
  /** Request n of the case gets `replies[min(n, length - 1)]`. */
  readonly replies: ReadonlyArray<ReplyPlan>
}

export const projectId = "p-1"

const alnum = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".split("")
const core = fc.array(fc.constantFrom(...alnum), { minLength: 14, maxLength: 14 }).map((cs) => cs.join(""))

/** The unique part of a secret (what the leak check looks for). */
export const coreOf = (secret: string): string => secret.slice(2, 16)

const password = fc.tuple(core, fc.constantFrom("", "", "\"", "\\", "\"\\n", "é", "€ ü", "/+&=%", "'<>")).map(([c, s]) => `pw${c}${s}`)
// ids as the client accepts them (visible ASCII, one path segment: no "/"); ids it refuses are ids.test.ts's
const tokenId = fc.tuple(core, fc.constantFrom("", "", "", "\"", "\\", "%2F", "+=", "-_~")).map(([c, s]) => `tk${c}${s}`)

const echo: fc.Arbitrary<Echo> = fc.record({
  target: fc.constantFrom<EchoTarget>("body", "auth-token", "subject-token", "path"),
  mode: fc.constantFrom<EchoMode>("raw", "json", "python", "url")
})

const headerValue: fc.Arbitrary<HeaderValue> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom("req-6c5b0b7e-2f0a-4bb1-9f66-0d5a2f1c9e11", "", " ", "0") },
  { weight: 4, arbitrary: echo },
  { weight: 2, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 1, arbitrary: fc.integer({ min: 8_000, max: 20_000 }).map((n) => "r".repeat(n)) },
  { weight: 1, arbitrary: fc.constantFrom("caf\u00e9", "\u0000nul", "a\tb", "\u00ff\u00fe") }
)

const retryAfter = fc.oneof(
  fc.constantFrom("0", "1", "0.05", "86400", "1e12", "-5", "NaN", "Infinity", "99999999999999999999", "soon"),
  fc.constantFrom("Wed, 21 Oct 2015 07:28:00 GMT", "Fri, 31 Dec 9999 23:59:59 GMT", "Thu, 01 Jan 1970 00:00:00 GMT"),
  fc.integer({ min: 0, max: 2_000_000_000 }).map(String)
)

const header: fc.Arbitrary<readonly [string, HeaderValue]> = fc.oneof(
  fc.tuple(fc.constantFrom("x-openstack-request-id", "x-compute-request-id", "openstack-auth-receipt", "x-subject-token"), headerValue),
  fc.tuple(fc.constant("retry-after"), retryAfter),
  fc.tuple(fc.constantFrom("content-length", "transfer-encoding", "connection", "content-encoding"), fc.constantFrom("0", "-1", "chunked", "gzip", "close", "keep-alive", "abc")),
  fc.tuple(fc.string({ minLength: 1, maxLength: 12 }), fc.string({ maxLength: 20 })),
  fc.tuple(fc.constantFrom("x-fold"), fc.constant("a\r\n folded"))
)

const mutation: fc.Arbitrary<Mutation> = fc.record({
  pick: fc.nat(),
  action: fc.constantFrom<Mutation["action"]>("replace", "replace", "delete"),
  value: fc.jsonValue({ maxDepth: 3 })
})
const mutations = fc.array(mutation, { minLength: 1, maxLength: 3 })

const MiB = 1024 * 1024

const body: fc.Arbitrary<BodyPlan> = fc.oneof(
  { weight: 800, arbitrary: fc.constant<BodyPlan>({ kind: "valid" }) },
  { weight: 500, arbitrary: mutations.map((m): BodyPlan => ({ kind: "mutated", mutations: m })) },
  { weight: 200, arbitrary: fc.jsonValue({ maxDepth: 4 }).map((value): BodyPlan => ({ kind: "json", value })) },
  { weight: 300, arbitrary: fc.oneof(headerValue, fc.constant(null)).map((message): BodyPlan => ({ kind: "error", message })) },
  { weight: 100, arbitrary: fc.oneof(fc.constant([]), mutations).map((m): BodyPlan => ({ kind: "receipt", mutations: m })) },
  {
    weight: 300,
    arbitrary: fc.record({ echo, wrap: fc.constantFrom<"bare" | "error-message" | "json-string">("bare", "error-message", "json-string") }).map((e): BodyPlan => ({ kind: "echo", ...e }))
  },
  { weight: 100, arbitrary: fc.array(fc.integer({ min: 0, max: 255 }), { maxLength: 256 }).map((bytes): BodyPlan => ({ kind: "garbage", bytes })) },
  { weight: 100, arbitrary: fc.constant<BodyPlan>({ kind: "html" }) },
  { weight: 200, arbitrary: fc.constant<BodyPlan>({ kind: "empty" }) },
  {
    weight: 50,
    arbitrary: fc.record({ depth: fc.integer({ min: 1, max: 200_000 }), open: fc.constantFrom<"[" | "{\"a\":">("[", "{\"a\":") })
      .map((d): BodyPlan => ({ kind: "deep", ...d }))
  },
  { weight: 20, arbitrary: fc.integer({ min: 64 * 1024, max: MiB }).map((size): BodyPlan => ({ kind: "padded", size })) },
  { weight: 10, arbitrary: fc.integer({ min: MiB, max: 3 * MiB }).map((size): BodyPlan => ({ kind: "large-string", size })) },
  { weight: 8, arbitrary: fc.integer({ min: 32 * MiB, max: 40 * MiB }).map((size): BodyPlan => ({ kind: "huge", size })) },
  { weight: 8, arbitrary: fc.constant<BodyPlan>({ kind: "endless" }) }
)

const delivery: fc.Arbitrary<Delivery> = fc.oneof(
  { weight: 40, arbitrary: fc.constant<Delivery>({ kind: "instant" }) },
  {
    weight: 4,
    arbitrary: fc.record({ pieces: fc.integer({ min: 2, max: 6 }), delayMs: fc.integer({ min: 0, max: 120 }) })
      .map((d): Delivery => ({ kind: "drip", ...d }))
  },
  { weight: 3, arbitrary: fc.integer({ min: 0, max: 600 }).map((ms): Delivery => ({ kind: "stall", ms })) },
  { weight: 1, arbitrary: fc.constant<Delivery>({ kind: "never" }) },
  {
    weight: 4,
    arbitrary: fc.record({ fraction: fc.double({ min: 0, max: 1, noNaN: true }), reset: fc.boolean() })
      .map((c): Delivery => ({ kind: "cut", ...c }))
  }
)

const anyReply: fc.Arbitrary<ReplyPlan> = fc.record({
  status: fc.oneof(
    { weight: 8, arbitrary: fc.constant<StatusPlan>("proper") },
    { weight: 5, arbitrary: fc.constantFrom(200, 201, 202, 204, 206, 300, 301, 304, 400, 401, 403, 404, 405, 409, 413, 429, 500, 502, 503, 504) },
    { weight: 1, arbitrary: fc.integer({ min: 100, max: 999 }) }
  ),
  statusLine: fc.oneof(
    { weight: 20, arbitrary: fc.constant<StatusLine>("normal") },
    { weight: 1, arbitrary: fc.constantFrom<StatusLine>("http10", "no-reason", "long-reason", "garbage", "lowercase") }
  ),
  interim: fc.oneof({ weight: 20, arbitrary: fc.constant<"none">("none") }, { weight: 1, arbitrary: fc.constantFrom<100 | 103>(100, 103) }),
  headers: fc.oneof({ weight: 3, arbitrary: fc.constant([]) }, { weight: 2, arbitrary: fc.array(header, { maxLength: 4 }) }),
  contentType: fc.oneof(
    { weight: 10, arbitrary: fc.constant<"default">("default") },
    {
      weight: 3,
      arbitrary: fc.constantFrom<string | null>(
        null,
        "application/json; charset=utf-8",
        "application/json; charset=iso-8859-1",
        "application/json; charset=utf-16le",
        "application/json; charset=x-unknown",
        "text/html; charset=utf-8",
        "text/plain",
        ";;;=",
        "application/json; charset=\u00e9"
      )
    }
  ),
  charset: fc.oneof({ weight: 10, arbitrary: fc.constant<Charset>("utf8") }, { weight: 2, arbitrary: fc.constantFrom<Charset>("latin1", "utf16le") }),
  subjectToken: fc.oneof(
    { weight: 12, arbitrary: fc.constant<SubjectTokenPlan>("valid") },
    { weight: 1, arbitrary: fc.constantFrom<SubjectTokenPlan>("missing", "empty", "spaces", "non-ascii", "control", "huge", "echo-password") }
  ),
  body,
  encoding: fc.oneof(
    { weight: 20, arbitrary: fc.constant<Encoding>("none") },
    { weight: 1, arbitrary: fc.constantFrom<Encoding>("gzip", "deflate", "br", "gzip-corrupt", "claim-gzip", "unknown", "double", "bomb") }
  ),
  framing: fc.oneof(
    { weight: 12, arbitrary: fc.constant<Framing>("length") },
    { weight: 4, arbitrary: fc.constant<Framing>("chunked") },
    { weight: 2, arbitrary: fc.constant<Framing>("close") },
    {
      weight: 1,
      arbitrary: fc.constantFrom<Framing>(
        "length-short",
        "length-long-hold",
        "length-long-close",
        "chunked-bad-size",
        "chunked-unfinished",
        "double-length",
        "length-and-chunked"
      )
    }
  ),
  delivery
})

const cleanReply: fc.Arbitrary<ReplyPlan> = fc.record({
  status: fc.constant<StatusPlan>("proper"),
  statusLine: fc.constant<StatusLine>("normal"),
  interim: fc.constant<"none">("none"),
  headers: fc.constant([]),
  contentType: fc.constantFrom<"default" | string>("default", "application/json; charset=utf-8"),
  charset: fc.constant<Charset>("utf8"),
  subjectToken: fc.constant<SubjectTokenPlan>("valid"),
  body: fc.constant<BodyPlan>({ kind: "valid" }),
  encoding: fc.constant<Encoding>("none"),
  framing: fc.constantFrom<Framing>("length", "length", "chunked", "close"),
  delivery: fc.constant<Delivery>({ kind: "instant" })
})

const reply = fc.oneof({ weight: 3, arbitrary: anyReply }, { weight: 1, arbitrary: cleanReply })

/** A reply any Keystone could send for this request: the call must succeed (or time out under load). */
export const isClean = (r: ReplyPlan): boolean =>
  r.status === "proper" && r.statusLine === "normal" && r.interim === "none" && r.headers.length === 0 &&
  (r.contentType === "default" || r.contentType === "application/json; charset=utf-8") && r.charset === "utf8" &&
  r.subjectToken === "valid" && r.body.kind === "valid" && r.encoding === "none" &&
  (r.framing === "length" || r.framing === "chunked" || r.framing === "close") && r.delivery.kind === "instant"

const isBig = (r: ReplyPlan): boolean => r.body.kind === "huge" || r.body.kind === "endless"

export const caseArbitrary: fc.Arbitrary<Case> = fc.record({
  op: fc.constantFrom<Operation>("issue", "issue", "validate", "check", "revoke", "endpoints", "version"),
  api: fc.constantFrom<Case["api"]>("v3", "v3", "v2.0", "auto"),
  caller: fc.constantFrom<Case["caller"]>("subject", "token", "auth"),
  retry: fc.oneof({ weight: 3, arbitrary: fc.constant<false>(false) }, { weight: 1, arbitrary: fc.record({ maxAttempts: fc.integer({ min: 2, max: 3 }) }) }),
  options: fc.record(
    { noCatalog: fc.constant<true>(true), allowExpired: fc.constant<true>(true), belongsTo: fc.constantFrom(projectId, "p-other") },
    { requiredKeys: [] }
  ),
  password,
  subjectId: tokenId,
  serviceToken: tokenId,
  servicePassword: password,
  issuedId: tokenId,
  replies: fc.array(reply, { minLength: 1, maxLength: 3 })
}).map((c): Case =>
  // one huge or endless reply per case, without retries: each costs its whole timeout today
  c.replies.some(isBig) ? { ...c, retry: false, replies: c.replies.filter(isBig).slice(0, 1) } : c
)

/** A reply the server may never finish on its own: only the client's timeout ends the call. */
const canStall = (r: ReplyPlan): boolean =>
  r.delivery.kind === "never" || r.delivery.kind === "stall" || r.delivery.kind === "drip" || r.framing === "length-long-hold" ||
  (typeof r.status === "number" && r.status < 200)

/**
 * The client timeout of a case: short where the server stalls, longer where
 * a body cap is what should end the call, and long enough otherwise that a
 * busy machine does not turn a reply into a timeout.
 */
export const timeoutMillis = (c: Case): number =>
  c.replies.some(isBig) ? 4_000 : c.replies.some(canStall) ? 400 : 5_000

/** Whether the call must succeed: every reply clean and the options honest. */
export const expectsSuccess = (c: Case): boolean =>
  // (a clean version document offers v3, so `auto` means v3)
  c.replies.every(isClean) && c.options.belongsTo !== "p-other" && !(c.options.allowExpired === true && c.api === "v2.0")

/**
 * Clean replies to a v3 `check` or `validate` with `belongsTo` another
 * project: `check` is `false` and `validate` fails with `NotFound` (v2.0
 * leaves the check to Keystone, which this server does not make).
 */
export const expectsMismatch = (c: Case): boolean =>
  (c.op === "check" || c.op === "validate") && c.api !== "v2.0" && c.options.belongsTo === "p-other" && c.replies.every(isClean)
