/**
 * How long `KeystoneSession` waits before trying again after a renewal
 * failed (on top of the retries `KeystoneClient` already made): the
 * library's retry policy (`Retry` in the client package), paced for logins.
 *
 * @internal
 */
import * as KeystoneError from "@effect-keystone/client/KeystoneError"
import * as Retry from "@effect-keystone/client/Retry"
import * as Chunk from "effect/Chunk"
import * as Clock from "effect/Clock"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Option from "effect/Option"
import * as Schedule from "effect/Schedule"

/** Transient failures (503, 429, resets): from 2 s, doubling, at most a minute. @internal */
export const transient = { base: Duration.seconds(2), cap: Duration.minutes(1) } as const

/**
 * Anything else (401, 403, 400…): Keystone answered and said no. Retrying
 * fast would only add failed logins (and may lock the account): from 30 s,
 * doubling, at most 10 minutes.
 *
 * @internal
 */
export const permanent = { base: Duration.seconds(30), cap: Duration.minutes(10) } as const

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

const capped = (max: number) => Schedule.modifyDelay<Duration.Duration>((_, delay) => Duration.min(delay, Duration.millis(max)))

/**
 * The renewal schedule after failures like `error` (`undefined`: a defect).
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
export const schedule = (
  error: KeystoneError.KeystoneError | undefined,
  holding: Holding = holdingForever
): Schedule.Schedule<Duration.Duration> => {
  const isTransient = error === undefined || KeystoneError.isTransient(error)
  const pacing = Retry.backoff(isTransient ? transient : permanent)
  if (holding.validForMillis > 0) {
    const stretched = error === undefined
      ? pacing
      : pacing.pipe(Retry.honourRetryAfter(Duration.infinity), Schedule.mapInput((_: unknown) => error))
    return stretched.pipe(capped(holding.validForMillis))
  }
  return isTransient ? pacing.pipe(capped(holding.maxWithoutTokenMillis)) : pacing
}

/** Past this many failures every pause is at its cap (2^32 × any base outgrows any cap). */
const replayLimit = 32

/**
 * The pause (millis) after the `failures`-th consecutive failure, the last
 * one being `error`: the `failures`-th step of `schedule`.
 *
 * @internal
 */
export const pause = (
  failures: number,
  error: KeystoneError.KeystoneError | undefined,
  holding: Holding = holdingForever
): Effect.Effect<number> =>
  Effect.flatMap(Clock.currentTimeMillis, (now) => {
    const steps = Math.max(1, Math.min(failures, replayLimit))
    return Effect.map(
      Schedule.run(Schedule.delays(schedule(error, holding)), now, Array.from({ length: steps }, () => undefined)),
      (delays) => Option.match(Chunk.last(delays), { onNone: () => 0, onSome: Duration.toMillis })
    )
  })
