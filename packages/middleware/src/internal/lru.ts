/**
 * The in-memory half of the validation cache: a least-recently-used map of
 * settled entries (a value in use moves to the back at most once per quarter
 * of the capacity stored), each with its own end of life, readable synchronously
 * (a cached request needs no fiber), and single flight for the rest (the
 * first caller for a key runs its lookup, uninterruptibly; callers arriving
 * meanwhile wait for its exit, a failure included, which is never stored).
 *
 * Effect's `Cache` does the same but answers only through an effect; this
 * one is read by the middleware's synchronous fast path.
 *
 * @internal
 */
import * as Deferred from "effect/Deferred"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import * as FiberId from "effect/FiberId"

/** @internal */
export interface Settled<A> {
  readonly value: A
  /** When the entry stops being served (epoch millis); not stored at all when already past. */
  readonly untilMillis: number
}

/** @internal */
export interface Lru<A, E> {
  /** The live value under `key` (made most recently used), or `undefined` (none, ended, or still being looked up). */
  readonly get: (key: string, now: number) => A | undefined
  /**
   * `key`'s value from one run of `lookup` at a time (`ran`: this caller's run,
   * not another's it joined); stored unless it already ended or `clear` ran meanwhile.
   */
  readonly resolve: <R>(
    key: string,
    lookup: Effect.Effect<Settled<A>, E, R>,
    now: () => number
  ) => Effect.Effect<{ readonly value: A; readonly ran: boolean }, E, R>
  readonly remove: (key: string) => void
  /** Removes the values `drop` selects; how many. */
  readonly removeWhere: (drop: (value: A) => boolean) => number
  /** Removes every value, and keeps the lookups running now from storing theirs. */
  readonly clear: () => void
  readonly size: () => number
}

/** @internal */
export const make = <A, E>(capacity: number): Lru<A, E> => {
  // least recently used first (a Map keeps insertion order); `movedAt`: `stored` when last put at the end
  const settled = new Map<string, { readonly value: A; readonly untilMillis: number; movedAt: number }>()
  const inFlight = new Map<string, Deferred.Deferred<A, E>>()
  // bumped by clear: a lookup started before it must not store what it found
  let generation = 0
  // values stored so far: only a store evicts, so this is the clock an entry's age is counted in
  let stored = 0
  // a value used again is moved to the end only when this many were stored since it last moved: an
  // entry used at least once per capacity / 2 stores is never evicted, and a busy one costs no move
  const moveAfter = Math.max(1, Math.floor(capacity / 4))

  const store = (key: string, entry: Settled<A>) => {
    settled.delete(key)
    settled.set(key, { value: entry.value, untilMillis: entry.untilMillis, movedAt: ++stored })
    while (settled.size > capacity) settled.delete(settled.keys().next().value!)
  }

  const get = (key: string, now: number): A | undefined => {
    const entry = settled.get(key)
    if (entry === undefined) return undefined
    if (entry.untilMillis <= now) {
      settled.delete(key)
      return undefined
    }
    if (stored - entry.movedAt >= moveAfter) {
      entry.movedAt = stored
      settled.delete(key)
      settled.set(key, entry)
    }
    return entry.value
  }

  const resolve = <R>(key: string, lookup: Effect.Effect<Settled<A>, E, R>, now: () => number) =>
    Effect.suspend((): Effect.Effect<{ readonly value: A; readonly ran: boolean }, E, R> => {
      const waiting = inFlight.get(key)
      if (waiting !== undefined) return Effect.map(Deferred.await(waiting), (value) => ({ value, ran: false }))
      const deferred = Deferred.unsafeMake<A, E>(FiberId.none)
      inFlight.set(key, deferred)
      const started = generation
      return Effect.uninterruptible(Effect.flatMap(Effect.exit(lookup), (exit) => {
        inFlight.delete(key)
        if (Exit.isSuccess(exit) && generation === started && exit.value.untilMillis > now()) store(key, exit.value)
        const result = Exit.map(exit, (entry) => entry.value)
        return Effect.zipRight(Deferred.done(deferred, result), Exit.map(result, (value) => ({ value, ran: true })))
      }))
    })

  const removeWhere = (drop: (value: A) => boolean): number => {
    let removed = 0
    for (const [key, entry] of settled) {
      if (drop(entry.value)) {
        settled.delete(key)
        removed++
      }
    }
    return removed
  }

  return {
    get,
    resolve,
    remove: (key) => void settled.delete(key),
    removeWhere,
    clear: () => {
      generation++
      settled.clear()
    },
    size: () => settled.size
  }
}
