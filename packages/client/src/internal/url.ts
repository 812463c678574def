/**
 * Auth URL parsing, version suffixes and URL redaction.
 *
 * @internal
 */
import { Url } from "@effect-keystone/schema"
import * as Either from "effect/Either"
import type { ApiVersion } from "../KeystoneClient.js"

/** @internal */
export interface ParsedAuthUrl {
  /** The URL without trailing slashes, query or fragment. */
  readonly url: string
  /** The same, with any user info removed: safe for errors and spans. */
  readonly redacted: string
  /** The version the URL's last path segment names, if any. */
  readonly version: ApiVersion | undefined
}

/** @internal */
export const parseAuthUrl = (authUrl: string): Either.Either<ParsedAuthUrl, string> => {
  let url: URL
  try {
    url = new URL(authUrl.trim())
  } catch {
    return Either.left("authUrl is not a valid URL")
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    return Either.left(`authUrl must be http or https, not ${url.protocol.slice(0, -1)}`)
  }
  url.search = ""
  url.hash = ""
  url.pathname = Url.withoutTrailingSlashes(url.pathname)
  const full = Url.withoutTrailingSlashes(url.toString())
  url.username = ""
  url.password = ""
  const redacted = Url.withoutTrailingSlashes(url.toString())
  return Either.right({ url: full, redacted, version: Url.apiVersion(url.pathname) })
}

/**
 * The one rule for a value put into a URL path (a v2.0 token id): it must
 * stay exactly one segment. `.` and `..` (which URL parsers collapse) and
 * `/` (which servers decode from `%2F` and route on) are refused; everything
 * else is percent-encoded.
 *
 * @internal
 */
export const pathSegment = (value: string): Either.Either<string, string> => {
  if (value.length === 0) return Either.left("it is empty")
  if (value === "." || value === "..") return Either.left(`"${value}" is a dot segment, not a name`)
  if (value.includes("/")) return Either.left("it contains a slash")
  return Either.right(encodeURIComponent(value))
}

/** `localhost`, `*.localhost`, 127.0.0.0/8 and `::1`. @internal */
export const isLoopback = (hostname: string): boolean => {
  const host = hostname.toLowerCase().replace(/^\[|\]$/g, "").replace(/\.$/, "")
  return host === "localhost" || host.endsWith(".localhost") || /^127(\.\d{1,3}){3}$/.test(host) || host === "::1"
}

/**
 * Why sending credentials to this auth URL is risky, if it is: plain
 * `http://` to a host that is not loopback.
 *
 * @internal
 */
export const cleartextWarning = (authUrl: string): string | undefined => {
  let url: URL
  try {
    url = new URL(authUrl.trim())
  } catch {
    return undefined
  }
  if (url.protocol !== "http:" || isLoopback(url.hostname)) return undefined
  return `KeystoneClient: authUrl ${url.protocol}//${url.host} is plain http and not loopback: passwords and tokens cross the network unencrypted (use https)`
}
