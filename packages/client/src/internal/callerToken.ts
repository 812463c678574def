/**
 * The identity the client presents (`X-Auth-Token`) when it validates,
 * checks or revokes other tokens or lists their endpoints: a fixed token, a
 * token issued on demand (renewed by the library's one renewal rule, and once
 * when Keystone refuses it), or whatever a `KeystoneSession` holds (in the
 * cache package).
 *
 * @internal
 */
import { Token } from "@effect-keystone/schema"
import * as Clock from "effect/Clock"
import * as Context from "effect/Context"
import * as DateTime from "effect/DateTime"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Option from "effect/Option"
import * as Redacted from "effect/Redacted"
import type { Auth } from "../Auth.js"
import type { KeystoneClientService } from "../KeystoneClient.js"
import type { KeystoneError, Unauthorized } from "../KeystoneError.js"
import * as Errors from "./errors.js"
import * as Memo from "./memo.js"
import * as Secrets from "./secrets.js"

/** @internal */
export interface CallerTokenService {
  /** The token id to send as `X-Auth-Token`. */
  readonly token: Effect.Effect<Redacted.Redacted<string>, KeystoneError>
  /**
   * Keystone refused `id` (401): forget it. `true` when another one can be
   * had, and the refused call is then retried once with it.
   */
  readonly refused: (id: Redacted.Redacted<string>) => Effect.Effect<boolean>
}

/** @internal */
export class CallerToken extends Context.Tag("@effect-keystone/client/CallerToken")<CallerToken, CallerTokenService>() {}

/** @internal */
export const fixed = (token: Redacted.Redacted<string>): CallerTokenService => {
  // the same rule as every other token id, checked before each use: a CR or LF is refused, not sent
  const input = "the fixed CallerToken"
  const id = Secrets.tokenId(Redacted.isRedacted(token) ? Redacted.value(token) : undefined, input)
  const checked = Either.isLeft(id)
    ? Effect.fail(Errors.invalidInput(input, id.left))
    : Effect.succeed(token)
  return { token: checked, refused: () => Effect.succeed(false) }
}

interface Held {
  readonly token: Token.Token
  /** How long it is used before a new one is issued (the renewal rule, on the local clock). */
  readonly useFor: Duration.Duration
}

const useFor = (token: Token.Token, arrivedAt: number): Duration.Duration =>
  Option.match(token.expiresAt, {
    onNone: () => Duration.infinity,
    onSome: (expires) => {
      // Keystone's lifetime laid from the arrival; without issued_at, what is left by the local clock
      const lifetime = Option.match(Token.lifetime(token), {
        onNone: () => Math.max(0, DateTime.toEpochMillis(expires) - arrivedAt),
        onSome: Duration.toMillis
      })
      return Duration.millis(Math.max(0, lifetime - Token.renewalMarginMillis(lifetime)))
    }
  })

/** @internal */
export const issued = (
  client: Pick<KeystoneClientService, "issue">,
  auth: Auth
): Effect.Effect<CallerTokenService> =>
  Effect.map(
    Memo.make({
      capacity: 1,
      lookup: () =>
        Effect.flatMap(client.issue(auth, { noCatalog: true }), (token) =>
          Effect.map(Clock.currentTimeMillis, (now): Held => ({ token, useFor: useFor(token, now) }))),
      keepFor: (held) => held.useFor
    }),
    (memo) => ({
      token: Effect.map(memo.get(undefined), (held) => held.token.id),
      // drop only the token that was refused, not a newer one another fiber got
      refused: (id) =>
        Effect.as(memo.invalidateWhen(undefined, (held) => Redacted.value(held.token.id) === Redacted.value(id)), true)
    })
  )

/**
 * Runs `f` with the caller's token id (without a caller: the subject's own).
 * A 401 from Keystone (our own token refused) is reported to the caller and,
 * if it can get another token, `f` runs once more; nothing else does.
 *
 * @internal
 */
export const run = (caller: Option.Option<CallerTokenService>) =>
<A>(subject: string, f: (caller: string) => Effect.Effect<A, KeystoneError>): Effect.Effect<A, KeystoneError> => {
  if (Option.isNone(caller)) return f(subject)
  const c = caller.value
  return Effect.flatMap(c.token, (id) =>
    f(Redacted.value(id)).pipe(
      Effect.catchIf(
        // only Keystone's own 401 about our token; a client-side verdict is never an Unauthorized
        (e): e is Unauthorized => e._tag === "Unauthorized" && e.status === 401,
        (refusal) =>
          Effect.flatMap(c.refused(id), (again) =>
            again ? Effect.flatMap(c.token, (fresh) => f(Redacted.value(fresh))) : Effect.fail(refusal))
      )
    ))
}
