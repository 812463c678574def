/**
 * The one retry policy of the library, built from `Schedule` combinators:
 * jittered, capped exponential backoff; `Retry-After` honoured within a cap;
 * a time budget that no pause may outrun. The client retries its requests
 * with it; the session paces its renewals and the stores their lock waits
 * with the same parts. Time is the Effect `Clock` only.
 *
 * @internal
 */
import * as Clock from "effect/Clock"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Schedule from "effect/Schedule"
import type { RetryPolicy } from "../KeystoneClient.js"
import * as KeystoneError from "../KeystoneError.js"
import * as Tracing from "./tracing.js"

/** @internal */
export interface BackoffOptions {
  readonly base: Duration.DurationInput
  readonly cap: Duration.DurationInput
  readonly factor?: number | undefined
}

/** @internal */
export const backoff = (options: BackoffOptions): Schedule.Schedule<Duration.Duration> => {
  const cap = Duration.decode(options.cap)
  return Schedule.exponential(options.base, options.factor ?? 2).pipe(
    Schedule.jittered,
    Schedule.modifyDelay((_, delay) => Duration.min(delay, cap))
  )
}

/** @internal */
export const retryAfter = (error: KeystoneError.KeystoneError): Duration.Duration =>
  (error._tag === "RateLimited" || error._tag === "ServiceUnavailable") && error.retryAfter !== undefined
    ? error.retryAfter
    : Duration.zero

/** @internal */
export const honourRetryAfter = (max: Duration.DurationInput) => {
  const cap = Duration.decode(max)
  return <Out, R>(
    self: Schedule.Schedule<Out, KeystoneError.KeystoneError, R>
  ): Schedule.Schedule<Out, KeystoneError.KeystoneError, R> =>
    Schedule.intersect(self, Schedule.identity<KeystoneError.KeystoneError>()).pipe(
      Schedule.modifyDelay(([, error], delay) => Duration.max(delay, Duration.min(retryAfter(error), cap))),
      Schedule.map(([out]) => out)
    )
}

/** @internal */
export const before = (deadlineMillis: number) =>
<Out, In, R>(self: Schedule.Schedule<Out, In, R>): Schedule.Schedule<Duration.Duration, In, R> =>
  Schedule.delays(self).pipe(
    Schedule.checkEffect((_, delay) =>
      Effect.map(Clock.currentTimeMillis, (now) => now + Duration.toMillis(delay) < deadlineMillis)
    )
  )

/** @internal */
export interface Retrying<E> {
  readonly error: E
  readonly delay: Duration.Duration
  /** 1 for the first retry. */
  readonly retry: number
}

/** @internal */
export const within = <A, E, R, Out, R2, X = void, R3 = never>(
  attempt: (timeLeft: Duration.Duration) => Effect.Effect<A, E, R>,
  schedule: Schedule.Schedule<Out, E, R2>,
  budget: Duration.DurationInput,
  onRetry?: (retrying: Retrying<E>) => Effect.Effect<X, never, R3>
): Effect.Effect<A, E, R | R2 | R3> =>
  Effect.flatMap(Clock.currentTimeMillis, (start) => {
    const budgetMillis = Duration.toMillis(Duration.decode(budget))
    const deadline = start + budgetMillis
    const timed = Effect.flatMap(
      Clock.currentTimeMillis,
      (now) => attempt(Duration.millis(Math.max(0, deadline - now)))
    )
    // The first attempt runs on its own: only its failure sets up the retries,
    // whose schedule is then handed that failure first (as Effect.retry would).
    return Effect.catchAll(attempt(Duration.millis(budgetMillis)), (first) => {
      let handed = false
      const again = Effect.suspend(() => (handed ? timed : (handed = true, Effect.fail(first))))
      const gated = before(deadline)(schedule)
      if (onRetry === undefined) return Effect.retry(again, gated)
      const told = Schedule.intersect(Schedule.intersect(gated, Schedule.identity<E>()), Schedule.count).pipe(
        Schedule.tapOutput(([[delay, error], n]) => onRetry({ error, delay, retry: n + 1 }))
      )
      return Effect.retry(again, told)
    })
  })

// -- the client's requests -------------------------------------------------------------------

/** @internal */
export const defaults = { base: 200, cap: 5_000, maxAttempts: 5, budget: 30_000 } as const

/** @internal */
export interface Policy {
  readonly schedule: Schedule.Schedule<unknown, KeystoneError.KeystoneError>
  readonly budget: Duration.Duration
}

const millis = (d: Duration.DurationInput | undefined, fallback: number): number =>
  d === undefined ? fallback : Duration.toMillis(Duration.decode(d))

/**
 * The longest `Retry-After` the client honours or reports (in the error's
 * `retryAfter`): `maxRetryAfter`, by default the budget, so a hostile or
 * broken `Retry-After: 86400` can neither stall a retry nor be passed on.
 *
 * @internal
 */
export const maxRetryAfterMillis = (retry: RetryPolicy | false | undefined): number => {
  const r = retry === false || retry === undefined ? {} : retry
  return millis(r.maxRetryAfter, millis(r.budget, defaults.budget))
}

/** `undefined` means no retries. @internal */
export const resolve = (retry: RetryPolicy | false | undefined): Policy | undefined => {
  if (retry === false) return undefined
  const r = retry ?? {}
  const pacing: Schedule.Schedule<unknown, KeystoneError.KeystoneError> = r.schedule ??
    backoff({ base: r.base ?? defaults.base, cap: r.cap ?? defaults.cap })
  // with a custom schedule, the schedule decides unless a limit is given explicitly
  const maxAttempts = r.maxAttempts ?? (r.schedule === undefined ? defaults.maxAttempts : undefined)
  const limited = maxAttempts === undefined ? pacing : Schedule.intersect(pacing, Schedule.recurs(Math.max(1, maxAttempts) - 1))
  return {
    schedule: limited.pipe(
      Schedule.whileInput(KeystoneError.isTransient),
      honourRetryAfter(Duration.millis(maxRetryAfterMillis(r)))
    ),
    budget: Duration.millis(millis(r.budget, defaults.budget))
  }
}

/**
 * Runs `attempt` until it succeeds, fails with a non-transient error, or the
 * attempts or the budget run out; then fails with the last error. Each
 * attempt receives the time it may take (the timeout, cut to what is left of
 * the budget).
 *
 * @internal
 */
export const run = <A>(
  policy: Policy | undefined,
  timeoutMillis: number,
  attempt: (timeoutMillis: number) => Effect.Effect<A, KeystoneError.KeystoneError>
): Effect.Effect<A, KeystoneError.KeystoneError> =>
  policy === undefined
    ? attempt(timeoutMillis)
    : within(
      (left) => attempt(Math.max(1, Math.min(timeoutMillis, Duration.toMillis(left)))),
      policy.schedule,
      policy.budget,
      // only transient errors are retried (the schedule stops on any other), and they name their request
      ({ delay, error, retry }) =>
        Effect.zipRight(
          Tracing.annotate(() => ({ "keystone.retries": retry })),
          KeystoneError.isTransient(error)
            ? Effect.logDebug(
              `KeystoneClient: ${error._tag} on ${error.method} ${error.url}; retrying in ${Math.round(Duration.toMillis(delay))} ms`
            )
            : Effect.void
        )
    )
