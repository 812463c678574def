/**
 * Deadline arithmetic for `KeystoneSession`: how long a token lives on the
 * LOCAL clock, its refresh margin, and when to renew it.
 *
 * The rule: Keystone's timestamps are only ever subtracted from each other
 * (`expires_at − issued_at`, the lifetime Keystone meant), and that lifetime
 * is laid on the local clock from the moment the token arrived. A local clock
 * minutes off Keystone's therefore does not move the deadline. The two places
 * where Keystone's `expires_at` must meet the local clock are a token without
 * `issued_at` and a token read from a store (whose arrival we did not see);
 * both go through `keystoneNow`, which uses the skew observed on this
 * process's own issues when there is one.
 *
 * @internal
 */
import { Token } from "@effect-keystone/schema"
import * as DateTime from "effect/DateTime"
import * as Option from "effect/Option"

/** Jitter: the refresher starts up to this share of the margin early. @internal */
export const jitterShare = 0.25

/**
 * Never log in more often than this by default (a Keystone issuing
 * near-dead tokens, callers asking for fresh ones in a loop).
 *
 * @internal
 */
export const minimumRefreshMillis = 1_000

/** A gap this large between Keystone's `issued_at` and the token's arrival is logged. @internal */
export const implausibleSkewMillis = 5 * 60_000

/**
 * The margin for a token living `lifetimeMillis`: `configured`, else
 * max(2 minutes, 10% of the lifetime); never more than half the lifetime.
 * The library's one renewal rule, `Token.renewalMarginMillis`.
 *
 * @internal
 */
export const margin: (lifetimeMillis: number, configured: number | undefined) => number = Token.renewalMarginMillis

/** Where a token came from. @internal */
export type Source = "issued" | "store"

/** A token's life on the local clock. @internal */
export interface Life {
  /** Local epoch millis after which the token is expired (`Infinity`: never). */
  readonly expiresAt: number
  /** How long Keystone meant it to live (`Infinity`: never expires). */
  readonly lifetime: number
}

/**
 * Keystone's idea of "now", estimated from the local clock and the skew
 * (`Keystone − local`) seen on this process's own issues; 0 when none yet.
 *
 * @internal
 */
export const keystoneNow = (localNow: number, skew: number | undefined): number => localNow + (skew ?? 0)

/** Keystone's timestamp resolution: it truncates to whole seconds. @internal */
export const truncation = 1000

/**
 * A token that just arrived from Keystone (`issue`). With `issued_at`:
 * `arrivedAt + (expires_at − issued_at)`. Without it: `expires_at` read
 * against the local clock corrected by the known skew.
 *
 * @internal
 */
export const ofIssued = (token: Token.Token, arrivedAt: number, skew: number | undefined): Life => {
  if (Option.isNone(token.expiresAt)) return { expiresAt: Infinity, lifetime: Infinity }
  const expires = DateTime.toEpochMillis(token.expiresAt.value)
  if (Option.isSome(token.issuedAt)) {
    const lifetime = Math.max(0, expires - DateTime.toEpochMillis(token.issuedAt.value))
    // Keystone truncates both timestamps to whole seconds, so the token may
    // really end up to a second sooner than `arrival + lifetime`.
    return { expiresAt: arrivedAt + Math.max(0, lifetime - truncation), lifetime }
  }
  const remaining = Math.max(0, expires - keystoneNow(arrivedAt, skew))
  return { expiresAt: arrivedAt + remaining, lifetime: remaining }
}

/**
 * A token read from a store: we did not see it arrive, so its age is
 * unknown. Remaining life is `expires_at − Keystone's now` (local clock plus
 * the known skew), and never more than its whole lifetime (which also
 * covers a local clock running behind and an `issued_at` in the local
 * future). This is the conservative reading the store allows: the store
 * hands back the token only, not when it was stored.
 *
 * @internal
 */
export const ofStored = (token: Token.Token, now: number, skew: number | undefined): Life => {
  if (Option.isNone(token.expiresAt)) return { expiresAt: Infinity, lifetime: Infinity }
  const expires = DateTime.toEpochMillis(token.expiresAt.value)
  let remaining = expires - keystoneNow(now, skew)
  let lifetime = Infinity
  if (Option.isSome(token.issuedAt)) {
    lifetime = Math.max(0, expires - DateTime.toEpochMillis(token.issuedAt.value))
    remaining = Math.min(remaining, lifetime)
  }
  remaining = Math.max(0, remaining)
  return { expiresAt: now + remaining, lifetime: Number.isFinite(lifetime) ? lifetime : remaining }
}

/**
 * The skew `Keystone − local` observed on a token that just arrived, when it
 * says when it was issued. Network latency makes it slightly low (the token
 * then looks slightly older than it is: the safe side).
 *
 * @internal
 */
export const skewOf = (token: Token.Token, arrivedAt: number): number | undefined =>
  Option.isSome(token.issuedAt) ? DateTime.toEpochMillis(token.issuedAt.value) - arrivedAt : undefined

/**
 * When a token expires, when it must be renewed and when the background
 * fiber renews it (with the margin and lifetime they came from): plain
 * instants on the local clock, not an Effect `Schedule`.
 *
 * @internal
 */
export interface RenewalTimes {
  readonly expiresAt: number
  /** `expiresAt − margin`: past it the token is served only while renewal fails. */
  readonly renewAt: number
  /** `renewAt − jitter`: when the background fiber renews. */
  readonly refreshAt: number
  readonly margin: number
  readonly lifetime: number
}

/**
 * `jitter01` is uniform in [0, 1). The background renewal comes no sooner
 * than `minimumRefresh` after `now`.
 *
 * @internal
 */
export const renewalTimes = (
  life: Life,
  now: number,
  configuredMargin: number | undefined,
  jitter01: number,
  minimumRefresh: number = minimumRefreshMillis
): RenewalTimes => {
  const m = margin(life.lifetime, configuredMargin)
  const renewAt = life.expiresAt - m
  const refreshAt = Math.max(Math.floor(renewAt - m * jitterShare * jitter01), now + minimumRefresh)
  return { expiresAt: life.expiresAt, renewAt, refreshAt, margin: m, lifetime: life.lifetime }
}
