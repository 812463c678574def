/**
 * The token `KeystoneSession` holds, with its local deadlines: an `Entry`.
 *
 * @internal
 */
import type { Token } from "@effect-keystone/schema"
import * as DateTime from "effect/DateTime"
import * as Effect from "effect/Effect"
import * as Option from "effect/Option"
import * as Redacted from "effect/Redacted"
import * as Deadline from "./deadline.js"

/** The current token and its local deadlines. @internal */
export interface Entry extends Deadline.RenewalTimes {
  readonly token: Token.Token
  /** `Redacted.value(token.id)`: compared, never logged. */
  readonly id: string
  readonly source: Deadline.Source
  readonly arrivedAt: number
  /** When Keystone issued it, on the local clock (`-Infinity`: unknown). */
  readonly issuedAtLocal: number
  /** `Effect.succeed(token)`, made once so the hot path allocates nothing. */
  readonly succeed: Effect.Effect<Token.Token>
}

/** @internal */
export const iso = (d: Option.Option<DateTime.Utc>): string =>
  Option.match(d, { onNone: () => "never", onSome: DateTime.formatIso })

/** @internal */
export const idOf = (subject: Token.Token | Redacted.Redacted<string>): string =>
  Redacted.isRedacted(subject) ? Redacted.value(subject) : Redacted.value(subject.id)

/** @internal */
export interface Timing {
  /** Keystone's clock minus ours, from the last token this process issued. */
  readonly skew: number | undefined
  readonly configuredMargin: number | undefined
  readonly minimumRefresh: number
  /** Uniform in [0, 1). */
  readonly jitter01: number
}

/** A token that arrived (issued) or was read (store) at `arrivedAt`, with its deadlines. @internal */
export const make = (token: Token.Token, source: Deadline.Source, arrivedAt: number, timing: Timing): Entry => {
  const life = source === "issued"
    ? Deadline.ofIssued(token, arrivedAt, timing.skew)
    : Deadline.ofStored(token, arrivedAt, timing.skew)
  const issuedAtLocal = source === "issued"
    ? arrivedAt
    : Option.match(token.issuedAt, {
      onNone: () => -Infinity,
      onSome: (t) => arrivedAt - (Deadline.keystoneNow(arrivedAt, timing.skew) - DateTime.toEpochMillis(t))
    })
  return {
    ...Deadline.renewalTimes(life, arrivedAt, timing.configuredMargin, timing.jitter01, timing.minimumRefresh),
    token,
    id: Redacted.value(token.id),
    source,
    arrivedAt,
    issuedAtLocal,
    succeed: Effect.succeed(token)
  }
}
