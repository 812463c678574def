/**
 * Getting at token ids and credential secrets, only where a header, path or
 * body is written, and collecting them so no error message can echo one.
 *
 * @internal
 */
import type { Token } from "@effect-keystone/schema"
import * as Either from "effect/Either"
import * as Redacted from "effect/Redacted"
import type { Auth } from "../Auth.js"
import type * as Credentials from "../Credentials.js"
import type { Subject } from "../KeystoneClient.js"
import * as OidcCredentials from "./oidcCredentials.js"
import * as Url from "./url.js"

const visibleAscii = /^[\x21-\x7e]+$/

/**
 * The one rule for what a token id is, applied to every id the client sends
 * (subject, service token) and to every id Keystone hands out (v3
 * `X-Subject-Token`, v2.0 `access.token.id`): visible ASCII only (a header
 * can carry it, no spaces or control characters), and exactly one URL path
 * segment (v2.0 puts it in the path: not `.` or `..`, no `/`). Real ids
 * (Fernet, JWS, UUID, PKIZ) all qualify. `what` names the id in the reason,
 * which never contains the id itself.
 *
 * @internal
 */
export const tokenId = (raw: unknown, what: string): Either.Either<string, string> => {
  if (typeof raw !== "string" || raw.length === 0) return Either.left(`${what} is empty`)
  if (!visibleAscii.test(raw)) {
    return Either.left(`${what} has characters a header cannot carry (only visible ASCII, no spaces or control characters)`)
  }
  const segment = Url.pathSegment(raw)
  if (Either.isLeft(segment)) return Either.left(`${what} cannot be a URL path segment: ${segment.left}`)
  return Either.right(raw)
}

/**
 * The raw id of a subject, or why it cannot be sent (not a token, or not a
 * token id by `tokenId`'s rule).
 *
 * @internal
 */
export const subjectId = (subject: Subject): Either.Either<string, string> => {
  let raw: unknown
  if (Redacted.isRedacted(subject)) raw = Redacted.value(subject)
  else if (typeof subject === "object" && subject !== null && Redacted.isRedacted((subject as Token.Token).id)) {
    raw = Redacted.value((subject as Token.Token).id)
  } else return Either.left("the subject must be a Token or a Redacted token id")
  return tokenId(raw, "the subject token id")
}

/** Every secret an `Auth` holds (for scrubbing messages). @internal */
export const ofAuth = (auth: Auth): Array<string> => {
  const out: Array<string> = []
  const add = (r: unknown) => {
    if (Redacted.isRedacted(r)) {
      const v = Redacted.value(r as Redacted.Redacted<unknown>)
      if (typeof v === "string") out.push(v)
    }
  }
  const walk = (c: Credentials.Credentials | undefined) => {
    if (c === undefined || typeof c !== "object") return
    switch (c._tag) {
      case "Password":
        return add(c.password)
      case "Totp":
        return add(c.passcode)
      case "ExistingToken":
        return add(c.token)
      case "ApplicationCredential":
        return add(c.secret)
      case "OpenIdConnect":
        out.push(...OidcCredentials.secrets(c))
        return
      case "MultiFactor":
        add(c.receipt)
        if (Array.isArray(c.methods)) c.methods.forEach(walk)
        return
    }
  }
  walk(auth?.credentials)
  return out
}
