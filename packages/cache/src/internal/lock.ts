/**
 * The waiting part of `withLock`, shared by the file and Redis backends: try,
 * back off (Effect `Clock`, jittered), give up after a bounded wait, keep the
 * lock fresh while the effect runs and release it however the effect ends.
 */
import * as Clock from "effect/Clock"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Fiber from "effect/Fiber"
import * as Option from "effect/Option"
import * as Random from "effect/Random"

/**
 * @since 0.1.0
 * @internal
 */
export type Attempt<H> =
  | { readonly _tag: "Acquired"; readonly held: H }
  | { readonly _tag: "Busy" }
  | { readonly _tag: "Retry" }

/**
 * @since 0.1.0
 * @internal
 */
export interface Driver<H> {
  readonly backend: "file" | "redis"
  readonly key: string
  readonly waitTimeout: Duration.Duration
  /** One try. Fails (with a description) on anything that is not contention. */
  readonly attempt: Effect.Effect<Attempt<H>, string>
  /** Runs until interrupted, keeping the lock alive. */
  readonly heartbeat: (held: H) => Effect.Effect<void>
  /** Releases the lock if it is still ours; never fails. */
  readonly release: (held: H) => Effect.Effect<void>
}

const initialDelayMillis = 5
const maxDelayMillis = 250

const acquire = <H>(
  driver: Driver<H>,
  restore: <A, E, R>(effect: Effect.Effect<A, E, R>) => Effect.Effect<A, E, R>
): Effect.Effect<Option.Option<H>> =>
  Effect.gen(function*() {
    const annotations = { backend: driver.backend, key: driver.key }
    const waitMillis = Duration.toMillis(driver.waitTimeout)
    const start = yield* Clock.currentTimeMillis
    let delay = initialDelayMillis
    let retries = 0
    while (true) {
      const result = yield* Effect.either(driver.attempt)
      if (Either.isLeft(result)) {
        yield* Effect.logWarning("TokenStore: lock unavailable, running without it").pipe(
          Effect.annotateLogs({ ...annotations, reason: result.left })
        )
        return Option.none()
      }
      const attempt = result.right
      if (attempt._tag === "Acquired") return Option.some(attempt.held)
      if (attempt._tag === "Retry" && retries++ < 3) continue
      retries = 0
      const now = yield* Clock.currentTimeMillis
      if (now - start >= waitMillis) {
        yield* Effect.logWarning("TokenStore: gave up waiting for a lock, running without it").pipe(
          Effect.annotateLogs({ ...annotations, waitedMillis: now - start })
        )
        return Option.none()
      }
      const jitter = yield* Random.nextRange(0.75, 1.25)
      yield* restore(Effect.sleep(Duration.millis(Math.max(1, Math.round(delay * jitter)))))
      delay = Math.min(delay * 1.6, maxDelayMillis)
    }
  })

/**
 * Runs `effect` holding the lock (or, when it cannot be had, without it,
 * logged). Waiting is interruptible; taking and releasing are not.
 *
 * @since 0.1.0
 * @internal
 */
export const withLock = <H, A, E, R>(driver: Driver<H>, effect: Effect.Effect<A, E, R>): Effect.Effect<A, E, R> =>
  Effect.uninterruptibleMask((restore) =>
    Effect.flatMap(acquire(driver, restore), (held) => {
      if (Option.isNone(held)) return restore(effect)
      return Effect.flatMap(
        Effect.forkDaemon(Effect.interruptible(driver.heartbeat(held.value))),
        (beat) =>
          restore(effect).pipe(
            Effect.ensuring(Effect.zipRight(Fiber.interrupt(beat), driver.release(held.value)))
          )
      )
    })
  )
