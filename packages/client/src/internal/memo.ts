/**
 * Single flight that remembers successes, not failures: one `Cache` entry
 * whose lookup is shared by every concurrent caller, kept for as long as the
 * value says (`Duration.infinity`: for good); a failure is handed to those
 * who waited for it and then dropped, so the next call tries again.
 *
 * @internal
 */
import * as Cache from "effect/Cache"
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
    (cache) => ({
      get: Effect.tapError(cache.get(undefined), () => cache.invalidate(undefined)),
      invalidateWhen: (when) => cache.invalidateWhen(undefined, when)
    })
  )
