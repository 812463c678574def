/**
 * Fields of a token body as the normalized `Token` holds them: timestamps
 * (a `ParseError` at their path when malformed) and the v3 scope.
 *
 * @internal
 */
import type * as DateTime from "effect/DateTime"
import * as Either from "effect/Either"
import * as Option from "effect/Option"
import * as ParseResult from "effect/ParseResult"
import * as Timestamp from "../Timestamp.js"
import type { TokenScope } from "../Token.js"
import type * as V3 from "../V3.js"

const timestamp = (s: string, path: ParseResult.Path): Either.Either<DateTime.Utc, ParseResult.ParseError> => {
  const dt = Timestamp.parse(s)
  return dt !== undefined
    ? Either.right(dt)
    : Either.left(
      new ParseResult.ParseError({
        issue: new ParseResult.Pointer(path, s, new ParseResult.Type(Timestamp.Timestamp.ast, s, `Expected a Keystone timestamp, got ${JSON.stringify(s)}`))
      })
    )
}

export const optionalTimestamp = (s: string | null | undefined, path: ParseResult.Path) =>
  s === null || s === undefined
    ? Either.right(Option.none<DateTime.Utc>())
    : Either.map(timestamp(s, path), Option.some)

export const v3Scope = (t: V3.TokenBody): TokenScope => {
  const trust = t["OS-TRUST:trust"]
  const project = t.project !== undefined
    ? { id: t.project.id, name: t.project.name, domain: { id: t.project.domain.id, name: t.project.domain.name } }
    : null
  if (trust !== undefined) {
    return {
      _tag: "Trust",
      id: trust.id,
      impersonation: trust.impersonation,
      trusteeUserId: trust.trustee_user.id,
      trustorUserId: trust.trustor_user.id,
      project
    }
  }
  if (project !== null) return { _tag: "Project", ...project }
  if (t.domain !== undefined) return { _tag: "Domain", id: t.domain.id, name: t.domain.name }
  if (t.system !== undefined) return { _tag: "System", all: t.system.all }
  return { _tag: "Unscoped" }
}

