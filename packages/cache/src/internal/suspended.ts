/**
 * `Effect.suspend` for the session's hot path (`session.token`): an effect
 * that is `evaluate()` each time it runs. Run by the fiber (`pipe`,
 * `flatMap`, `Effect.all`, …) it is exactly `Effect.suspend(evaluate)`.
 * `yield*` in `Effect.gen` evaluates it at that point of the generator,
 * which is the moment it would run; when `evaluate()` gives a result already
 * known (a cached token's `Effect.succeed`), the fiber takes it without a
 * trip through its run loop.
 *
 * `evaluate` must only read (state, clock) and build effects: it is called
 * once per run, never ahead of one.
 *
 * @internal
 */
import type * as Effect from "effect/Effect"
import * as Effectable from "effect/Effectable"
import * as Utils from "effect/Utils"

class Suspended<A, E> extends Effectable.Class<A, E> {
  constructor(readonly evaluate: () => Effect.Effect<A, E>) {
    super()
  }
  commit(): Effect.Effect<A, E> {
    return this.evaluate()
  }
  override [Symbol.iterator](): Effect.EffectGenerator<Effect.Effect<A, E>> {
    return new Utils.SingleShotGen(new Utils.YieldWrap(this.evaluate())) as unknown as Effect.EffectGenerator<
      Effect.Effect<A, E>
    >
  }
}

/** @internal */
export const make = <A, E>(evaluate: () => Effect.Effect<A, E>): Effect.Effect<A, E> => new Suspended(evaluate)
