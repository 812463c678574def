/**
 * What a token Keystone returns must satisfy before the client hands it
 * out, and the `belongsTo` verdict: one place for both versions.
 *
 * @internal
 */
import { Token } from "@effect-keystone/schema"
import * as DateTime from "effect/DateTime"
import * as Either from "effect/Either"
import * as Option from "effect/Option"
import * as Redacted from "effect/Redacted"
import * as KeystoneError from "../KeystoneError.js"
import * as Errors from "./errors.js"
import * as Secrets from "./secrets.js"

/**
 * `DecodeError` unless the token's id is a token id (`Secrets.tokenId`: the
 * rule ids are sent by) and its own timestamps give it some life
 * (`expires_at` after `issued_at`): a token dead on arrival would only make
 * every caller log in again at once.
 *
 * @internal
 */
export const admit = (
  info: Errors.RequestInfo,
  reply: Errors.Reply,
  token: Token.Token
): Either.Either<Token.Token, KeystoneError.DecodeError> => {
  const id = Secrets.tokenId(Redacted.value(token.id), "the token id Keystone returned")
  if (Either.isLeft(id)) return Either.left(Errors.decodeError(info, reply, id.left))
  if (Option.isSome(token.issuedAt) && Option.isSome(token.expiresAt)) {
    const issued = token.issuedAt.value
    const expires = token.expiresAt.value
    if (!DateTime.lessThan(issued, expires)) {
      return Either.left(Errors.decodeError(
        info,
        reply,
        `the token has no life by Keystone's own timestamps: expires_at ${DateTime.formatIso(expires)} is not after issued_at ${
          DateTime.formatIso(issued)
        }`
      ))
    }
  }
  return Either.right(token)
}

/**
 * `belongsTo` checked by the client on both versions (v2.0's own check
 * answers a mismatch with a 401, which would read as our service token
 * being refused): a token scoped elsewhere is `NotFound`, saying why.
 *
 * @internal
 */
export const belongsTo = (
  info: Errors.RequestInfo,
  reply: Errors.Reply,
  token: Token.Token,
  projectId: string | undefined
): Either.Either<Token.Token, KeystoneError.NotFound> =>
  projectId === undefined || Token.projectId(token) === projectId
    ? Either.right(token)
    : Either.left(
      new KeystoneError.NotFound({
        method: info.method,
        url: info.url,
        status: 404,
        message: `the token is valid but not scoped to project ${Errors.scrub(projectId, info.secrets)} (belongsTo)`,
        ...(reply.requestId === undefined ? {} : { requestId: reply.requestId })
      })
    )
