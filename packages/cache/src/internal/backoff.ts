/**
 * How long `KeystoneSession` waits before trying again after a renewal
 * failed (on top of the retries `KeystoneClient` already made).
 *
 * @internal
 */
import { KeystoneError } from "@effect-keystone/client"
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

/**
 * The pause after the `failures`-th consecutive failure. `error` is
 * `undefined` for a defect. `jitter01` is uniform in [0, 1).
 *
 * @internal
 */
export const delay = (failures: number, error: KeystoneError.KeystoneError | undefined, jitter01: number): number => {
  const p = error === undefined || KeystoneError.isTransient(error) ? transient : permanent
  const exponential = Math.min(p.capMillis, p.baseMillis * 2 ** Math.max(0, failures - 1))
  const jittered = exponential * (0.8 + 0.4 * jitter01)
  const retryAfter = error !== undefined && (error._tag === "RateLimited" || error._tag === "ServiceUnavailable") &&
      error.retryAfter !== undefined
    ? Duration.toMillis(error.retryAfter)
    : 0
  return Math.max(jittered, retryAfter)
}
