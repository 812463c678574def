/**
 * Single flight that remembers successes, not failures: one `Cache` entry
 * whose lookup is shared by every concurrent caller, kept for as long as the
 * value says (`Duration.infinity`: for good); a failure is handed to those
 * who waited for it and then dropped, so the next call tries again. When the
 * fiber running the lookup is interrupted (its caller gave up), `Cache` hands
 * that interruption to everyone waiting and forgets the entry: a waiter that
 * was not interrupted itself then looks up again (one of them runs it, the
 * others wait on that one) instead of ending as interrupted.
 *
 * @internal
 */
import * as Cache from "effect/Cache"
import * as Cause from "effect/Cause"
import type * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import { constant } from "effect/Function"

/** @internal */
export interface Memo<A, E> {
  readonly get: Effect.Effect<A, E>
  /** Forgets the value if `when` holds for it (e.g. only the token that was refused, not a newer one). */
  readonly invalidateWhen: (when: (value: A) => boolean) => Effect.Effect<void>
}

/** @internal */
export const make = <A, E>(
  lookup: Effect.Effect<A, E>,
  keepFor: (value: A) => Duration.DurationInput
): Effect.Effect<Memo<A, E>> =>
  Effect.map(
    Cache.makeWith({
      capacity: 1,
      lookup: constant(lookup),
      timeToLive: Exit.match({ onFailure: constant(0), onSuccess: keepFor })
    }),
    (cache) => {
      // a fiber that is itself interrupted never reaches the handler: only waiters look up again
      const get: Effect.Effect<A, E> = Effect.catchAllCause(
        cache.get(undefined),
        (cause) =>
          Cause.isInterruptedOnly(cause)
            ? get
            : Effect.zipRight(cache.invalidate(undefined), Effect.failCause(cause))
      )
      return { get, invalidateWhen: (when) => cache.invalidateWhen(undefined, when) }
    }
  )
