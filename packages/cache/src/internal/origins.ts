/**
 * Where `session.httpClient` may send the token: the origins of the token's
 * own catalog (`Catalog.origins`: http(s) endpoints without user info), the
 * auth URL's origin, and the origins the user allows. Anything else is
 * refused before a byte is sent.
 *
 * @internal
 */
import { Catalog, type Token } from "@effect-keystone/schema"
import * as Schema from "effect/Schema"

/** @internal */
export class OriginNotAllowed extends Schema.TaggedError<OriginNotAllowed>()("OriginNotAllowed", {
  /** The request's origin (`scheme://host:port`), or a placeholder when the URL has none. */
  origin: Schema.String,
  method: Schema.String,
  reason: Schema.String
}) {
  override get message(): string {
    return `KeystoneSession: not sending the token to ${this.origin} (${this.method}): ${this.reason}`
  }
}

const parseOrigin = (url: string): string | undefined => {
  try {
    const parsed = new URL(url)
    return parsed.protocol === "http:" || parsed.protocol === "https:" ? parsed.origin : undefined
  } catch {
    return undefined
  }
}

/**
 * `http(s)://` and the authority: what the origin of a URL is made of, up to
 * where a URL parser ends the authority (`/`, `?`, `#`, `\`). Only used on a
 * URL with no space or control character (which a parser strips or rejects)
 * and no third slash after the scheme (which it skips).
 */
const authority = /^https?:\/\/(?![/\\])[^/?#\\]*/i
const spaceOrControl = /[\x00-\x20\x7f]/

/** Origins by authority prefix, bounded: a service sends to a handful of hosts. */
const byAuthority = new Map<string, string | undefined>()
const byAuthorityCapacity = 256

/**
 * The origin of `url` when it is an absolute http(s) URL, else undefined:
 * `new URL(url).origin`, which depends on the scheme and authority alone, so
 * it is parsed once per authority and remembered.
 *
 * @internal
 */
export const originOf = (url: string): string | undefined => {
  const prefix = spaceOrControl.test(url) ? null : authority.exec(url)
  if (prefix === null) return parseOrigin(url)
  const key = prefix[0]
  let origin = byAuthority.get(key)
  if (origin === undefined && !byAuthority.has(key)) {
    origin = parseOrigin(`${key}/`)
    if (byAuthority.size >= byAuthorityCapacity) byAuthority.clear()
    byAuthority.set(key, origin)
  }
  return origin
}

/** @internal */
export interface Policy {
  /** `undefined` when the token may go to `url`, else the refusal. */
  readonly check: (token: Token.Token, url: string, method: string) => OriginNotAllowed | undefined
  /** `allowOrigins` entries that are not absolute http(s) URLs (ignored: nothing is allowed by them). */
  readonly invalid: ReadonlyArray<string>
}

/** @internal */
export const policy = (authUrl: string, allowOrigins: ReadonlyArray<string> | undefined): Policy => {
  const fixed = new Set<string>()
  const invalid: Array<string> = []
  const auth = originOf(authUrl)
  if (auth !== undefined) fixed.add(auth)
  for (const entry of allowOrigins ?? []) {
    const origin = typeof entry === "string" ? originOf(entry) : undefined
    if (origin === undefined) invalid.push(String(entry))
    else fixed.add(origin)
  }
  return {
    invalid,
    check: (token, url, method) => {
      const origin = originOf(url)
      if (origin === undefined) {
        return new OriginNotAllowed({
          origin: "(no http(s) origin)",
          method,
          reason: "the URL is not an absolute http: or https: URL (prepend the base URL before session.httpClient)"
        })
      }
      if (fixed.has(origin) || Catalog.origins(token.catalog).has(origin)) return undefined
      return new OriginNotAllowed({
        origin,
        method,
        reason: "the origin is neither in the token's catalog nor the auth URL's, nor in allowOrigins"
      })
    }
  }
}
