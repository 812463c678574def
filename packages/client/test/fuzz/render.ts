/**
 * Turns a reply plan and the request it answers into bytes: the valid body
 * Keystone would send for that request, then the plan's mutations, echoes,
 * charset, content encoding and framing.
 */
import * as zlib from "node:zlib"
import { type Endpoint, endpointOf, properStatus, receipt, type Request, validBody } from "./keystone.js"
import type { BodyPlan, Echo, Framing, HeaderValue, ReplyPlan } from "./plan.js"

export type { Request } from "./keystone.js"

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
