/**
 * The retry policy of the library, as `Schedule` combinators: jittered,
 * capped exponential backoff, Keystone's `Retry-After` honoured within a cap,
 * and a time budget no pause may outrun. `KeystoneClient` retries its
 * requests with them (see `KeystoneClient.RetryPolicy`); `KeystoneSession`
 * paces its renewals and the token stores their lock waits with the same
 * parts. Time is the Effect `Clock` only, so `TestClock` drives them.
 *
 * @since 0.3.0
 */
import type * as Duration from "effect/Duration"
import type * as Effect from "effect/Effect"
import type * as Schedule from "effect/Schedule"
import * as internal from "./internal/retry.js"
import type { KeystoneError } from "./KeystoneError.js"

/**
 * @since 0.3.0
 * @category models
 */
export interface BackoffOptions {
  /** The first pause. */
  readonly base: Duration.DurationInput
  /** The longest pause (jitter included). */
  readonly cap: Duration.DurationInput
  /** Each pause is this many times the one before. Default 2. */
  readonly factor?: number | undefined
}

/**
 * Exponential backoff from `base`, each pause jittered (×0.8–1.2, from the
 * `Random` service) and never longer than `cap`. It never stops by itself:
 * limit it with `Schedule.recurs`, `Schedule.whileInput` or `within`.
 *
 * @since 0.3.0
 * @category schedules
 *
 * @example
 * ```ts
 * import { Retry } from "@effect-keystone/client"
 * import { Effect, Schedule } from "effect"
 *
 * const flaky: Effect.Effect<string, Error> = Effect.fail(new Error("busy"))
 * // at most 3 retries, 100 ms, 200 ms, 400 ms apart (±20%)
 * const retried = Effect.retry(
 *   flaky,
 *   Schedule.intersect(Retry.backoff({ base: "100 millis", cap: "2 seconds" }), Schedule.recurs(3))
 * )
 * ```
 */
export const backoff: (options: BackoffOptions) => Schedule.Schedule<Duration.Duration> = internal.backoff

/**
 * The pause Keystone asked for with `Retry-After` (a `RateLimited` or
 * `ServiceUnavailable` error), already capped by the client's
 * `maxRetryAfter`; zero when it asked for none.
 *
 * @since 0.3.0
 * @category getters
 */
export const retryAfter: (error: KeystoneError) => Duration.Duration = internal.retryAfter

/**
 * Pauses at least as long as the failed attempt's `Retry-After`, but never
 * more than `max` for it.
 *
 * @since 0.3.0
 * @category combinators
 */
export const honourRetryAfter: (
  max: Duration.DurationInput
) => <Out, R>(self: Schedule.Schedule<Out, KeystoneError, R>) => Schedule.Schedule<Out, KeystoneError, R> =
  internal.honourRetryAfter

/**
 * What `within` tells `onRetry` before each pause.
 *
 * @since 0.3.0
 * @category models
 */
export interface Retrying<E> {
  readonly error: E
  readonly delay: Duration.Duration
  /** 1 for the first retry. */
  readonly retry: number
}

/**
 * Runs `attempt`, retrying it on `schedule` within `budget` (counted from
 * the first attempt): a pause that would end past the budget is not taken,
 * the last error is returned at once. Each attempt is told how much of the
 * budget is left (to cut its own timeout to it). `onRetry` runs before each
 * pause.
 *
 * @since 0.3.0
 * @category retrying
 */
export const within: <A, E, R, Out, R2, X = void, R3 = never>(
  attempt: (timeLeft: Duration.Duration) => Effect.Effect<A, E, R>,
  schedule: Schedule.Schedule<Out, E, R2>,
  budget: Duration.DurationInput,
  onRetry?: (retrying: Retrying<E>) => Effect.Effect<X, never, R3>
) => Effect.Effect<A, E, R | R2 | R3> = internal.within
