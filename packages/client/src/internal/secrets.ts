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

const printable = /^[\x21-\x7e]+$/

/**
 * The raw id of a subject, or why it cannot be sent (not a token, empty, or
 * characters a header cannot carry).
 *
 * @internal
 */
export const subjectId = (subject: Subject): Either.Either<string, string> => {
  let raw: unknown
  if (Redacted.isRedacted(subject)) raw = Redacted.value(subject)
  else if (typeof subject === "object" && subject !== null && Redacted.isRedacted((subject as Token.Token).id)) {
    raw = Redacted.value((subject as Token.Token).id)
  } else return Either.left("the subject must be a Token or a Redacted token id")
  if (typeof raw !== "string" || raw.length === 0) return Either.left("the subject token id is empty")
  if (!printable.test(raw)) return Either.left("the subject token id has characters a header cannot carry")
  return Either.right(raw)
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
      case "Token":
        return add(c.token)
      case "ApplicationCredential":
        return add(c.secret)
      case "MultiFactor":
        add(c.receipt)
        if (Array.isArray(c.methods)) c.methods.forEach(walk)
        return
    }
  }
  walk(auth?.credentials)
  return out
}
