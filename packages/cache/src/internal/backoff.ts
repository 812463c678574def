/**
 * How long `KeystoneSession` waits before trying again after a renewal
 * failed (on top of the retries `KeystoneClient` already made).
 *
 * @internal
 */
import * as KeystoneError from "@effect-keystone/client/KeystoneError"
import * as Duration from "effect/Duration"

/** Transient failures (503, 429, resets): from 2 s, doubling, at most a minute. @internal */
export const transient = { baseMillis: 2_000, capMillis: 60_000 } as const

/**
 * Anything else (401, 403, 400…): Keystone answered and said no. Retrying
 * fast would only add failed logins (and may lock the account): from 30 s,
 * doubling, at most 10 minutes.
 *
 * @internal
 */
export const permanent = { baseMillis: 30_000, capMillis: 600_000 } as const

/** While no valid token is left, transient failures are retried at least this often by default. @internal */
export const defaultMaxWithoutTokenMillis = 5_000

/** What the session holds when a renewal fails. @internal */
export interface Holding {
  /** How much longer the current token is valid locally (0 or less: none is left). */
  readonly validForMillis: number
  /** The longest pause after a transient failure while no valid token is left. */
  readonly maxWithoutTokenMillis: number
}

const holdingForever: Holding = { validForMillis: Infinity, maxWithoutTokenMillis: defaultMaxWithoutTokenMillis }

/**
 * The pause after the `failures`-th consecutive failure. `error` is
 * `undefined` for a defect. `jitter01` is uniform in [0, 1).
 *
 * A `Retry-After` (429, 503) may stretch the pause only while a valid token
 * is held, and never past that token's local expiry. Once none is left,
 * transient failures are retried at most `maxWithoutTokenMillis` apart,
 * whatever Keystone asked: a day-long `Retry-After` must not keep the
 * session from recovering. Refusals (401, 403…) keep their slow backoff:
 * retrying a refused login fast only risks locking the account.
 *
 * @internal
 */
export const delay = (
  failures: number,
  error: KeystoneError.KeystoneError | undefined,
  jitter01: number,
  holding: Holding = holdingForever
): number => {
  const isTransient = error === undefined || KeystoneError.isTransient(error)
  const p = isTransient ? transient : permanent
  const exponential = Math.min(p.capMillis, p.baseMillis * 2 ** Math.max(0, failures - 1))
  const jittered = exponential * (0.8 + 0.4 * jitter01)
  if (holding.validForMillis > 0) {
    const retryAfter = error !== undefined && (error._tag === "RateLimited" || error._tag === "ServiceUnavailable") &&
        error.retryAfter !== undefined
      ? Duration.toMillis(error.retryAfter)
      : 0
    return Math.min(Math.max(jittered, retryAfter), holding.validForMillis)
  }
  return isTransient ? Math.min(jittered, holding.maxWithoutTokenMillis) : jittered
}
