/**
 * The waiting part of `withLock`, shared by the file and Redis backends: try,
 * back off (the library's `Retry.backoff`, on the Effect `Clock`), give up
 * once the wait timeout has passed, keep the lock fresh while the effect
 * runs and release it however the effect ends.
 */
import * as Retry from "@effect-keystone/client/Retry"
import * as Clock from "effect/Clock"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Fiber from "effect/Fiber"
import * as Option from "effect/Option"
import * as Schedule from "effect/Schedule"
import * as StoreMetrics from "./storeMetrics.js"

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

/** How lock waits are paced: from 5 ms, ×1.6, jittered, at most 250 ms apart. */
const pacing = Retry.backoff({ base: Duration.millis(5), cap: Duration.millis(250), factor: 1.6 })

/** Someone else holds the lock (after up to 3 immediate tries past locks we broke). */
const busy = Symbol("busy")

/** The lock, or `none` when it is unavailable or the wait timed out (logged either way). */
const acquire = <H>(
  driver: Driver<H>,
  restore: <A, E, R>(effect: Effect.Effect<A, E, R>) => Effect.Effect<A, E, R>
): Effect.Effect<Option.Option<H>> =>
  Effect.gen(function*() {
    const annotations = { backend: driver.backend, key: driver.key }
    const start = yield* Clock.currentTimeMillis
    // what we took, so that an interruption between taking it and handing it on still releases it
    let taken: Option.Option<H> = Option.none()
    // a lock we just broke is worth trying again at once, a few times
    const once: Effect.Effect<H, string | typeof busy> = driver.attempt.pipe(
      Effect.repeat({ until: (a) => a._tag !== "Retry", times: 3 }),
      Effect.flatMap((a) => a._tag === "Acquired" ? Effect.succeed(a.held) : Effect.fail(busy)),
      Effect.tap((held) => Effect.sync(() => (taken = Option.some(held)))),
      Effect.uninterruptible
    )
    // only the pauses may be interrupted
    const waited = restore(
      Effect.retry(
        once,
        pacing.pipe(Schedule.whileInput((e: string | typeof busy) => e === busy), Schedule.upTo(driver.waitTimeout))
      )
    ).pipe(Effect.onInterrupt(() => Option.isSome(taken) ? driver.release(taken.value) : Effect.void))
    const result = yield* Effect.either(waited)
    if (Either.isRight(result)) return Option.some(result.right)
    yield* StoreMetrics.lockFailed(driver.backend)
    if (result.left === busy) {
      const now = yield* Clock.currentTimeMillis
      yield* Effect.logWarning("TokenStore: gave up waiting for a lock, running without it").pipe(
        Effect.annotateLogs({ ...annotations, waitedMillis: now - start })
      )
    } else {
      yield* Effect.logWarning("TokenStore: lock unavailable, running without it").pipe(
        Effect.annotateLogs({ ...annotations, reason: result.left })
      )
    }
    return Option.none()
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
