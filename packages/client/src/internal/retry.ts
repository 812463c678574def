/**
 * The retry loop: capped, jittered exponential backoff (or a user schedule),
 * `Retry-After`, an attempt limit and a total time budget, all on the Effect
 * `Clock`.
 *
 * @internal
 */
import * as Clock from "effect/Clock"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Random from "effect/Random"
import type * as Schedule from "effect/Schedule"
import * as ScheduleDecision from "effect/ScheduleDecision"
import * as Intervals from "effect/ScheduleIntervals"
import type { RetryPolicy } from "../KeystoneClient.js"
import * as KeystoneError from "../KeystoneError.js"

/** @internal */
export interface Policy {
  readonly baseMillis: number
  readonly capMillis: number
  readonly maxAttempts: number
  readonly budgetMillis: number
  /** The longest `Retry-After` honoured; a longer one counts as this long. */
  readonly maxRetryAfterMillis: number
  readonly schedule: Schedule.Schedule<unknown, KeystoneError.KeystoneError> | undefined
}

/** @internal */
export const defaults = { base: 200, cap: 5_000, maxAttempts: 5, budget: 30_000 } as const

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
  return {
    maxRetryAfterMillis: maxRetryAfterMillis(r),
    baseMillis: millis(r.base, defaults.base),
    capMillis: millis(r.cap, defaults.cap),
    // with a custom schedule, the schedule decides unless a limit is given explicitly
    maxAttempts: Math.max(1, r.maxAttempts ?? (r.schedule === undefined ? defaults.maxAttempts : Number.POSITIVE_INFINITY)),
    budgetMillis: millis(r.budget, defaults.budget),
    schedule: r.schedule
  }
}

const retryAfterOf = (e: KeystoneError.KeystoneError): number =>
  (e._tag === "RateLimited" || e._tag === "ServiceUnavailable") && e.retryAfter !== undefined
    ? Duration.toMillis(e.retryAfter)
    : 0

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
  attempt: (timeoutMillis: number, attemptNumber: number) => Effect.Effect<A, KeystoneError.KeystoneError>
): Effect.Effect<A, KeystoneError.KeystoneError> => {
  if (policy === undefined) return attempt(timeoutMillis, 1)
  return Effect.gen(function*() {
    const start = yield* Clock.currentTimeMillis
    let state: unknown = policy.schedule?.initial
    for (let n = 1;; n++) {
      const before = yield* Clock.currentTimeMillis
      const left = policy.budgetMillis - (before - start)
      const result = yield* Effect.either(attempt(Math.max(1, Math.min(timeoutMillis, left)), n))
      if (Either.isRight(result)) return result.right
      const error = result.left
      if (!KeystoneError.isTransient(error) || n >= policy.maxAttempts) return yield* Effect.fail(error)
      const now = yield* Clock.currentTimeMillis
      let delay: number
      if (policy.schedule !== undefined) {
        const [next, , decision] = yield* policy.schedule.step(now, error, state)
        state = next
        if (ScheduleDecision.isDone(decision)) return yield* Effect.fail(error)
        delay = Math.max(0, Intervals.start(decision.intervals) - now)
      } else {
        const exponential = policy.baseMillis * 2 ** (n - 1)
        const jitter = 0.8 + (yield* Random.next) * 0.4
        delay = Math.min(policy.capMillis, exponential * jitter)
      }
      delay = Math.max(delay, Math.min(retryAfterOf(error), policy.maxRetryAfterMillis))
      const remaining = policy.budgetMillis - (now - start)
      // sleeping past the budget only to fail later helps no one: fail now
      if (delay >= remaining) return yield* Effect.fail(error)
      yield* Effect.annotateCurrentSpan("keystone.retries", n)
      yield* Effect.logDebug(`KeystoneClient: ${error._tag} on ${error.method} ${error.url}; retrying in ${Math.round(delay)} ms`)
      yield* Effect.sleep(Duration.millis(delay))
    }
  })
}
