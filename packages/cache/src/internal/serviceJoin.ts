/**
 * Joining a service endpoint and a relative path, as keystoneauth1's
 * `Adapter` does (`base.rstrip("/") + "/" + path.lstrip("/")`), with the
 * endpoint's own query kept and a path that would leave the endpoint refused.
 *
 * @internal
 */
import { Url } from "@effect-keystone/schema"

/** Why a path cannot be joined, or the joined URL. @internal */
export type Joined =
  | { readonly _tag: "Joined"; readonly url: string }
  | { readonly _tag: "Refused"; readonly reason: string }

const refused = (reason: string): Joined => ({ _tag: "Refused", reason })

// WHATWG URL parsing treats these as `.` and `..` (percent-encoded dots included).
const isDot = (segment: string) => segment === "." || segment.toLowerCase() === "%2e"
const isDotDot = (segment: string) => /^(?:\.|%2e)(?:\.|%2e)$/i.test(segment)

/**
 * `endpoint` (an absolute http(s) URL, possibly with a path and a query)
 * joined with `path` (relative; leading slashes ignored, `.`/`..` segments
 * resolved but never above the endpoint's path; its query appended to the
 * endpoint's). Percent-encoding is kept as written.
 *
 * @internal
 */
export const join = (endpoint: string, path: string): Joined => {
  let base: URL
  try {
    base = new URL(endpoint)
  } catch {
    return refused("the endpoint is not an absolute URL")
  }
  if (base.protocol !== "http:" && base.protocol !== "https:") return refused("the endpoint is not an http(s) URL")
  if (typeof path !== "string") return refused("the path is not a string")
  if (/^[a-z][a-z0-9+.-]*:[/\\]/i.test(path) || /^(?:https?|wss?|ftp|file|data|javascript):/i.test(path)) return refused("the path is an absolute URL; give a path relative to the endpoint")
  if (/^[/\\]{2}/.test(path) || path.includes("\\")) {
    return refused("the path names another host (`//host`) or contains a backslash")
  }
  // Control characters are dropped or rejected by URL parsers: refuse rather than guess.
  if (/[\u0000-\u001f\u007f]/.test(path)) return refused("the path contains a control character")
  if (path.includes("#")) return refused("the path contains a fragment (`#`); percent-encode it as %23")

  const q = path.indexOf("?")
  const pathPart = q === -1 ? path : path.slice(0, q)
  const query = q === -1 ? "" : path.slice(q + 1)

  const segments = pathPart.replace(/^\/+/, "").split("/")
  const out: Array<string> = []
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i]!
    const last = i === segments.length - 1
    if (isDot(segment)) {
      if (last) out.push("")
      continue
    }
    if (isDotDot(segment)) {
      if (out.length === 0) return refused("the path's `..` segments climb above the endpoint's path")
      out.pop()
      if (last) out.push("")
      continue
    }
    out.push(segment)
  }

  const basePath = Url.withoutTrailingSlashes(base.pathname)
  const queries = [base.search.replace(/^\?/, ""), query].filter((s) => s.length > 0)
  const url = `${base.origin}${basePath}/${out.join("/")}${queries.length > 0 ? `?${queries.join("&")}` : ""}`

  // Defense in depth: whatever the parser makes of it stays under the endpoint.
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return refused("the joined URL does not parse")
  }
  if (parsed.origin !== base.origin || !parsed.pathname.startsWith(`${basePath}/`)) {
    return refused("the joined URL would leave the endpoint")
  }
  return { _tag: "Joined", url }
}
