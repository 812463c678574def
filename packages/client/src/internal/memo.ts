/**
 * Keyed single flight that remembers successes, not failures, on Effect's
 * `Cache`: see `Memo.ts`.
 *
 * Two things `Cache` does differently are put back here. It runs a lookup
 * in the context it was made in: the caller's context is handed past it in
 * a `FiberRef` (the lookup runs in the caller's fiber), so the lookup sees
 * the services and the span of the call that runs it, as an uncached call
 * would. And it keeps an entry whose time to live is zero until its clock
 * moves on: such an entry (a failure, or a value kept for no time) is
 * dropped as soon as its callers have it, by identity, so a newer entry is
 * never dropped in its place.
 *
 * @internal
 */
import * as Cache from "effect/Cache"
import * as Cause from "effect/Cause"
import * as Context from "effect/Context"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import * as FiberRef from "effect/FiberRef"

/** @internal */
export interface Memo<in out K, in out A, in out E = never, out R = never> {
  /** The value for `key`: the kept one, the one being looked up, or a new lookup. */
  readonly get: (key: K) => Effect.Effect<A, E, R>
  /** Forgets the value kept for `key` if `when` holds for it (e.g. only the token that was refused, not a newer one). */
  readonly invalidateWhen: (key: K, when: (value: A) => boolean) => Effect.Effect<void>
}

/** @internal */
export interface Options<K, A, E, R> {
  readonly lookup: (key: K) => Effect.Effect<A, E, R>
  /** How long a success is kept (`Duration.infinity`: for good; zero: not at all). */
  readonly keepFor: (value: A) => Duration.DurationInput
  /** The most keys kept; the least recently used goes first. */
  readonly capacity: number
}

/** The context of the caller running a lookup, for the lookup (`Cache` would give it the one it was made in). */
const callerContext = FiberRef.unsafeMake<Context.Context<never>>(Context.empty())

/** @internal */
export const make = <K, A, E = never, R = never>(options: Options<K, A, E, R>): Effect.Effect<Memo<K, A, E, R>> => {
  const kept = (exit: Exit.Exit<A, E>): Duration.Duration =>
    Exit.isSuccess(exit) ? Duration.decode(options.keepFor(exit.value)) : Duration.zero
  return Effect.map(
    // the lookup's own exit is the cached value: a failure is then an object to drop by identity
    Cache.makeWith<K, Exit.Exit<A, E>>({
      capacity: options.capacity,
      lookup: (key) =>
        Effect.flatMap(
          FiberRef.get(callerContext),
          (context) => Effect.exit(Effect.mapInputContext(options.lookup(key), () => context as Context.Context<R>))
        ),
      timeToLive: Exit.match({ onFailure: () => Duration.zero, onSuccess: kept })
    }),
    (cache) => {
      // only the interruption of the fiber that ran the lookup (its caller gave up) fails `cache.get`:
      // a waiter that was not interrupted itself looks up again (an interrupted one never gets here)
      const settled = (key: K): Effect.Effect<Exit.Exit<A, E>, never, R> =>
        Effect.contextWithEffect((context: Context.Context<R>) =>
          Effect.locally(cache.get(key), callerContext, context as Context.Context<never>)
        ).pipe(Effect.catchAllCause((cause) => Cause.isInterruptedOnly(cause) ? settled(key) : Effect.failCause(cause)))
      const get = (key: K): Effect.Effect<A, E, R> =>
        Effect.flatMap(settled(key), (exit) =>
          Duration.isZero(kept(exit))
            ? Effect.zipRight(cache.invalidateWhen(key, (held) => held === exit), exit)
            : exit)
      return {
        get,
        invalidateWhen: (key, when) => cache.invalidateWhen(key, (held) => Exit.isSuccess(held) && when(held.value))
      }
    }
  )
}
