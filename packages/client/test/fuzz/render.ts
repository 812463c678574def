/**
 * Turns a reply plan and the request it answers into bytes: the valid body
 * Keystone would send for that request, then the plan's mutations, echoes,
 * charset, content encoding and framing.
 */
import * as zlib from "node:zlib"
import type { BodyPlan, Echo, Framing, HeaderValue, ReplyPlan } from "./plan.js"
import { projectId } from "./plan.js"

export interface Request {
  readonly method: string
  /** Path and query as sent. */
  readonly target: string
  readonly headers: Readonly<Record<string, string>>
  readonly body: string
}

type Endpoint =
  | "versions"
  | "v3-issue"
  | "v3-validate"
  | "v3-check"
  | "v3-catalog"
  | "v2-issue"
  | "v2-validate"
  | "v2-check"
  | "v2-endpoints"
  | "revoke"
  | "unknown"

const endpointOf = (req: Request): { readonly endpoint: Endpoint; readonly pathId: string | undefined } => {
  const path = req.target.split("?")[0]
  const v2 = /^\/v2\.0\/tokens\/([^/]+)(\/endpoints)?$/.exec(path)
  if (req.method === "GET" && path === "/") return { endpoint: "versions", pathId: undefined }
  if (path === "/v3/auth/tokens") {
    const e = req.method === "POST" ? "v3-issue" : req.method === "GET" ? "v3-validate" : req.method === "HEAD" ? "v3-check" : "revoke"
    return { endpoint: e, pathId: undefined }
  }
  if (req.method === "GET" && path === "/v3/auth/catalog") return { endpoint: "v3-catalog", pathId: undefined }
  if (req.method === "POST" && path === "/v2.0/tokens") return { endpoint: "v2-issue", pathId: undefined }
  if (v2 !== null) {
    const id = safeDecode(v2[1])
    if (v2[2] !== undefined) return { endpoint: req.method === "GET" ? "v2-endpoints" : "unknown", pathId: id }
    const e = req.method === "GET" ? "v2-validate" : req.method === "HEAD" ? "v2-check" : req.method === "DELETE" ? "revoke" : "unknown"
    return { endpoint: e, pathId: id }
  }
  return { endpoint: "unknown", pathId: undefined }
}

const safeDecode = (s: string): string => {
  try {
    return decodeURIComponent(s)
  } catch {
    return s
  }
}

const properStatus: Record<Endpoint, number> = {
  versions: 300,
  "v3-issue": 201,
  "v3-validate": 200,
  "v3-check": 200,
  "v3-catalog": 200,
  "v2-issue": 200,
  "v2-validate": 200,
  "v2-check": 200,
  "v2-endpoints": 200,
  revoke: 204,
  unknown: 404
}

const stamp = (offsetMillis: number): string => new Date(Date.now() + offsetMillis).toISOString().replace("Z", "000Z")
const domain = { id: "default", name: "Default" }
const v3Catalog = [{
  id: "s-1",
  type: "compute",
  name: "nova",
  endpoints: [{ id: "e-1", interface: "public", region_id: "RegionOne", region: "RegionOne", url: "http://nova.example:8774/v2.1" }]
}]

export const v3Token = (catalog: boolean) => ({
  token: {
    methods: ["password"],
    user: { domain, id: "u-1", name: "demo", password_expires_at: null },
    audit_ids: ["aud-1"],
    expires_at: stamp(3_600_000),
    issued_at: stamp(0),
    project: { domain, id: projectId, name: "demo" },
    is_domain: false,
    roles: [{ id: "r-1", name: "member" }],
    ...(catalog ? { catalog: v3Catalog } : {})
  }
})

const v2Access = (id: string) => ({
  access: {
    token: { issued_at: stamp(0), expires: stamp(3_600_000), id, tenant: { description: null, enabled: true, id: projectId, name: "demo" }, audit_ids: ["aud-1"] },
    serviceCatalog: [{ type: "compute", name: "nova", endpoints: [{ id: "e-1", region: "RegionOne", publicURL: "http://nova.example:8774/v2.1" }], endpoints_links: [] }],
    user: { username: "demo", roles_links: [], id: "u-1", roles: [{ name: "member" }], name: "demo" },
    metadata: { is_admin: 0, roles: ["r-1"] }
  }
})

const versions = () => ({
  versions: {
    values: [
      { id: "v3.14", status: "stable", updated: "2020-04-07T00:00:00Z", links: [{ rel: "self", href: "http://127.0.0.1/v3/" }] },
      { id: "v2.0", status: "deprecated", updated: "2016-08-04T00:00:00Z", links: [{ rel: "self", href: "http://127.0.0.1/v2.0/" }] }
    ]
  }
})

const receipt = () => ({
  receipt: { methods: ["password"], user: { domain, id: "u-1", name: "demo" }, expires_at: stamp(300_000), issued_at: stamp(0) },
  required_auth_methods: [["password", "totp"]]
})

const validBody = (endpoint: Endpoint, req: Request, issuedId: string, pathId: string | undefined): unknown => {
  switch (endpoint) {
    case "versions":
      return versions()
    case "v3-issue":
    case "v3-validate":
      return v3Token(!req.target.includes("nocatalog"))
    case "v3-catalog":
      return { catalog: v3Catalog, links: { self: "http://127.0.0.1/v3/auth/catalog" } }
    case "v2-issue":
      return v2Access(issuedId)
    case "v2-validate":
      return v2Access(pathId ?? issuedId)
    case "v2-endpoints":
      return { endpoints: [{ id: "e-1", name: "nova", type: "compute", region: "RegionOne", publicURL: "http://nova.example:8774/v2.1" }], endpoints_links: [] }
    case "unknown":
      return { error: { code: 404, title: "Not Found", message: "The resource could not be found." } }
    case "v3-check":
    case "v2-check":
    case "revoke":
      return undefined
  }
}

/** The text a reply copies from the request. */
export const echoText = (req: Request, echo: Echo): string => {
  const source = echo.target === "body"
    ? req.body
    : echo.target === "auth-token"
    ? req.headers["x-auth-token"] ?? ""
    : echo.target === "subject-token"
    ? req.headers["x-subject-token"] ?? ""
    : req.target
  if (echo.target === "path") return source
  switch (echo.mode) {
    case "raw":
      return source
    case "json":
      return JSON.stringify(source).slice(1, -1)
    case "python":
      return JSON.stringify(source).slice(1, -1).replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`)
    case "url":
      return encodeURIComponent(source)
  }
}

const headerText = (req: Request, v: HeaderValue): string => typeof v === "string" ? v : echoText(req, v)

type Json = null | boolean | number | string | Array<Json> | { [k: string]: Json }

const mutate = (value: unknown, mutations: ReadonlyArray<{ pick: number; action: "replace" | "delete"; value: unknown }>): unknown => {
  let root: unknown = structuredClone(value)
  for (const m of mutations) {
    const slots: Array<{ parent: Array<Json> | Record<string, Json>; key: string | number }> = []
    const walk = (node: unknown) => {
      if (Array.isArray(node)) {
        node.forEach((child, i) => {
          slots.push({ parent: node as Array<Json>, key: i })
          walk(child)
        })
      } else if (typeof node === "object" && node !== null) {
        for (const [k, child] of Object.entries(node)) {
          slots.push({ parent: node as Record<string, Json>, key: k })
          walk(child)
        }
      }
    }
    walk(root)
    if (slots.length === 0) {
      root = m.value
      continue
    }
    const slot = slots[m.pick % slots.length]
    if (Array.isArray(slot.parent)) {
      if (m.action === "delete") slot.parent.splice(slot.key as number, 1)
      else slot.parent[slot.key as number] = m.value as Json
    } else if (m.action === "delete") delete slot.parent[slot.key as string]
    else slot.parent[slot.key as string] = m.value as Json
  }
  return root
}

/** A body the server streams rather than holds: see `BodyPlan`. */
export type Streamed = { readonly kind: "huge"; readonly size: number } | { readonly kind: "endless" }

const bodyText = (plan: BodyPlan, req: Request, status: number, valid: unknown): string | Streamed => {
  const json = (v: unknown) => (v === undefined ? "" : JSON.stringify(v))
  switch (plan.kind) {
    case "valid":
      return json(valid)
    case "mutated":
      return json(mutate(valid ?? {}, plan.mutations))
    case "json":
      return JSON.stringify(plan.value)
    case "error": {
      const message = plan.message === null ? null : headerText(req, plan.message)
      return JSON.stringify({ error: { code: status, title: "Error", message } })
    }
    case "receipt":
      return json(mutate(receipt(), plan.mutations))
    case "echo": {
      const text = echoText(req, plan.echo)
      return plan.wrap === "bare"
        ? text
        : plan.wrap === "json-string"
        ? JSON.stringify(text)
        : JSON.stringify({ error: { code: status, title: "Bad Request", message: `Invalid input for field: ${text}` } })
    }
    case "garbage":
      return Buffer.from(plan.bytes).toString("latin1")
    case "html":
      return "<html><head><title>502 Bad Gateway</title></head><body><h1>Bad Gateway</h1></body></html>"
    case "empty":
      return ""
    case "deep":
      return plan.open.repeat(plan.depth) + "1" + (plan.open === "[" ? "]" : "}").repeat(plan.depth)
    case "padded": {
      const text = json(valid ?? {})
      return text + " ".repeat(Math.max(0, plan.size - text.length))
    }
    case "large-string":
      return JSON.stringify({ error: { code: status, title: "Big", message: "m".repeat(plan.size) } })
    case "huge":
      return { kind: "huge", size: plan.size }
    case "endless":
      return { kind: "endless" }
  }
}

/** 64 MiB of spaces, gzipped (about 64 KiB on the wire); made before the first case, not during one. */
let bombBytes: Buffer | undefined
export const prepare = (): void => {
  bombBytes ??= zlib.gzipSync(Buffer.alloc(64 * 1024 * 1024, 0x20), { level: 9 })
}
const bomb = (): Buffer => {
  prepare()
  return bombBytes!
}

const encode = (plan: ReplyPlan, bytes: Buffer): { readonly bytes: Buffer; readonly label: string | undefined } => {
  switch (plan.encoding) {
    case "none":
      return { bytes, label: undefined }
    case "gzip":
      return { bytes: zlib.gzipSync(bytes), label: "gzip" }
    case "deflate":
      return { bytes: zlib.deflateSync(bytes), label: "deflate" }
    case "br":
      return { bytes: zlib.brotliCompressSync(bytes), label: "br" }
    case "gzip-corrupt": {
      const z = Buffer.from(zlib.gzipSync(bytes))
      for (let i = 10; i < z.length - 8; i += 7) z[i] ^= 0x5a
      return { bytes: z, label: "gzip" }
    }
    case "claim-gzip":
      return { bytes, label: "gzip" }
    case "unknown":
      return { bytes, label: "x-snappy" }
    case "double":
      return { bytes: zlib.gzipSync(zlib.brotliCompressSync(bytes)), label: "br, gzip" }
    case "bomb":
      return { bytes: bomb(), label: "gzip" }
  }
}

const reasonOf = (status: number): string => (status >= 200 && status < 300 ? "OK" : status === 300 ? "Multiple Choices" : "Error")

const statusLine = (plan: ReplyPlan, status: number): string => {
  switch (plan.statusLine) {
    case "normal":
      return `HTTP/1.1 ${status} ${reasonOf(status)}`
    case "http10":
      return `HTTP/1.0 ${status} ${reasonOf(status)}`
    case "no-reason":
      return `HTTP/1.1 ${status}`
    case "long-reason":
      return `HTTP/1.1 ${status} ${"R".repeat(9_000)}`
    case "garbage":
      return `HTTP/1.1 ${status}x OK`
    case "lowercase":
      return `http/1.1 ${status} ok`
  }
}

const subjectTokenHeader = (plan: ReplyPlan, endpoint: Endpoint, req: Request, issuedId: string): string | undefined => {
  if (endpoint !== "v3-issue" && endpoint !== "v3-validate") return undefined
  const valid = endpoint === "v3-issue" ? issuedId : req.headers["x-subject-token"] ?? issuedId
  switch (plan.subjectToken) {
    case "valid":
      return valid
    case "missing":
      return undefined
    case "empty":
      return ""
    case "spaces":
      return `${valid} with spaces`
    case "non-ascii":
      return `${valid}\u00e9\u00ff`
    case "control":
      return `${valid}\u0001`
    case "huge":
      return valid.repeat(1 + Math.ceil(20_000 / valid.length))
    case "echo-password":
      return echoText(req, { target: "body", mode: "raw" })
  }
}

/** A rendered reply: bytes to deliver, then what to do with the connection. */
export interface Rendered {
  readonly bytes: Buffer
  readonly streamed: Streamed | undefined
  /** keep: serve the next request; end: close after writing; hold: leave open, answer nothing more. */
  readonly after: "keep" | "end" | "hold"
}

const chunk = (bytes: Buffer): Buffer => {
  const size = Math.max(1, Math.ceil(bytes.length / 3))
  const parts: Array<Buffer> = []
  for (let i = 0; i < bytes.length; i += size) {
    const piece = bytes.subarray(i, i + size)
    parts.push(Buffer.from(`${piece.length.toString(16)}\r\n`), piece, Buffer.from("\r\n"))
  }
  parts.push(Buffer.from("0\r\n\r\n"))
  return Buffer.concat(parts)
}

const frame = (framing: Framing, body: Buffer): { headers: Array<string>; body: Buffer; after: Rendered["after"] } => {
  const n = body.length
  switch (framing) {
    case "length":
      return { headers: [`Content-Length: ${n}`], body, after: "keep" }
    case "chunked":
      return { headers: ["Transfer-Encoding: chunked"], body: chunk(body), after: "keep" }
    case "close":
      return { headers: ["Connection: close"], body, after: "end" }
    case "length-short":
      return { headers: [`Content-Length: ${Math.floor(n / 2)}`], body, after: "end" }
    case "length-long-hold":
      return { headers: [`Content-Length: ${n + 10}`], body, after: "hold" }
    case "length-long-close":
      return { headers: [`Content-Length: ${n + 10}`], body, after: "end" }
    case "chunked-bad-size":
      return { headers: ["Transfer-Encoding: chunked"], body: Buffer.concat([Buffer.from("zz\r\n"), body, Buffer.from("\r\n0\r\n\r\n")]), after: "end" }
    case "chunked-unfinished":
      return { headers: ["Transfer-Encoding: chunked"], body: Buffer.concat([Buffer.from(`${(n + 5).toString(16)}\r\n`), body]), after: "end" }
    case "double-length":
      return { headers: [`Content-Length: ${n}`, `Content-Length: ${n + 1}`], body, after: "end" }
    case "length-and-chunked":
      return { headers: [`Content-Length: ${n}`, "Transfer-Encoding: chunked"], body: chunk(body), after: "end" }
  }
}

/** Renders the reply `plan` gives to `req`. */
export const render = (plan: ReplyPlan, req: Request, issuedId: string): Rendered => {
  const { endpoint, pathId } = endpointOf(req)
  const status = plan.status === "proper" ? properStatus[endpoint] : plan.status
  const text = bodyText(plan.body, req, status, validBody(endpoint, req, issuedId, pathId))
  const head: Array<string> = []
  if (plan.interim !== "none") head.push(`HTTP/1.1 ${plan.interim} ${plan.interim === 100 ? "Continue" : "Early Hints"}`, "", "")
  head.push(statusLine(plan, status))
  const contentType = plan.contentType === "default" ? "application/json" : plan.contentType
  if (contentType !== null) head.push(`Content-Type: ${contentType}`)
  const subject = subjectTokenHeader(plan, endpoint, req, issuedId)
  if (subject !== undefined) head.push(`X-Subject-Token: ${subject.replace(/[\r\n]/g, " ")}`)
  if (plan.body.kind === "receipt") head.push("Openstack-Auth-Receipt: rcpt-123")
  for (const [name, value] of plan.headers) {
    const v = headerText(req, value)
    head.push(`${name.replace(/[\r\n:]/g, "_")}: ${name === "x-fold" ? v : v.replace(/[\r\n]/g, " ")}`)
  }
  const headBytes = (extra: Array<string>) => Buffer.from([...head, ...extra, "", ""].join("\r\n"), "latin1")
  const bodyless = req.method === "HEAD" || status === 204 || status === 304 || (status >= 100 && status < 200)
  if (typeof text !== "string") {
    if (bodyless) return { bytes: headBytes(["Content-Length: 0"]), streamed: undefined, after: "end" }
    const framing = text.kind === "huge" ? [`Content-Length: ${text.size}`] : ["Transfer-Encoding: chunked"]
    return { bytes: headBytes(framing), streamed: text, after: "end" }
  }
  const raw = Buffer.from(text, plan.charset)
  const encoded = encode(plan, raw)
  if (encoded.label !== undefined) head.push(`Content-Encoding: ${encoded.label}`)
  if (bodyless) {
    const after = plan.framing === "close" ? "end" : "keep"
    const framing = req.method === "HEAD" && status !== 204 && status !== 304 ? [`Content-Length: ${encoded.bytes.length}`] : []
    return { bytes: headBytes(after === "end" ? [...framing, "Connection: close"] : framing), streamed: undefined, after }
  }
  const framed = frame(plan.framing, encoded.bytes)
  return { bytes: Buffer.concat([headBytes(framed.headers), framed.body]), streamed: undefined, after: framed.after }
}
