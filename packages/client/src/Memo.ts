/**
 * Single flight that remembers successes, not failures, per key: the
 * building block behind the client's version discovery and issued caller
 * token, and `@effect-keystone/cache`'s session verdicts and service version
 * discovery. It is Effect's `Cache` underneath, with three rules on top:
 *
 * - Concurrent callers for one key share one run of `lookup`; its success is
 *   kept for as long as `keepFor` says (`Duration.infinity`: for good; zero:
 *   only handed to those who waited), its failure is handed to those who
 *   waited and then dropped, so the next call tries again.
 * - When the fiber running the lookup is interrupted (its caller gave up),
 *   a caller that waited on it and was not interrupted itself looks up again
 *   (one of them runs it, the others wait on that one) instead of ending as
 *   interrupted.
 * - The lookup runs in the fiber and the context of the caller that runs it
 *   (its services, its span), as an uncached call would; `Cache` alone would
 *   run it in the context it was made in.
 *
 * @since 0.6.0
 */
import type * as Effect from "effect/Effect"
import * as internal from "./internal/memo.js"

/**
 * @since 0.6.0
 * @category models
 */
export interface Memo<in out K, in out A, in out E = never, out R = never> extends internal.Memo<K, A, E, R> {}

/**
 * @since 0.6.0
 * @category models
 */
export interface Options<K, A, E, R> extends internal.Options<K, A, E, R> {}

/**
 * @since 0.6.0
 * @category constructors
 *
 * @example
 * ```ts
 * import { Memo } from "@effect-keystone/client"
 * import { Duration, Effect } from "effect"
 *
 * const program = Effect.gen(function*() {
 *   let asked = 0
 *   const versions = yield* Memo.make({
 *     capacity: 16,
 *     lookup: (endpoint: string) => Effect.sync(() => `${endpoint}/v2.1 (asked ${++asked})`),
 *     keepFor: () => Duration.infinity
 *   })
 *   // ten concurrent callers, one lookup
 *   yield* Effect.all(Array.from({ length: 10 }, () => versions.get("https://nova.example.com")), { concurrency: "unbounded" })
 *   return asked // 1
 * })
 * ```
 */
export const make: <K, A, E = never, R = never>(options: Options<K, A, E, R>) => Effect.Effect<Memo<K, A, E, R>> =
  internal.make
