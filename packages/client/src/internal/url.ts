/**
 * Auth URL parsing, version suffixes and URL redaction.
 *
 * @internal
 */
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

const versionSuffix = /\/(v3|v2\.0)$/

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
  url.pathname = url.pathname.replace(/\/+$/, "")
  const full = url.toString().replace(/\/+$/, "")
  url.username = ""
  url.password = ""
  const redacted = url.toString().replace(/\/+$/, "")
  const match = versionSuffix.exec(url.pathname)
  return Either.right({ url: full, redacted, version: match === null ? undefined : (match[1] as ApiVersion) })
}

/** @internal */
export const stripTrailingSlash = (s: string): string => s.replace(/\/+$/, "")

/** @internal */
export const join = (base: string, version: ApiVersion): string => `${base}/${version}`
