/**
 * Whether Keystone answers, as the validator and the revocation poller see
 * it, so that an outage is one line in the log however many requests and
 * polls meet it: the first failure while Keystone was answering is logged as
 * an error (the others at debug level), and the first answer after it as
 * "Keystone answers again". Either side's answer ends the outage.
 *
 * @internal
 */
import * as Effect from "effect/Effect"
import * as Ref from "effect/Ref"

/** @internal */
export interface Outage {
  /** Keystone did not answer: `line` is logged as an error when it was answering, else at debug level. */
  readonly down: (line: string) => Effect.Effect<void>
  /** Keystone answered: one line when it was down. */
  readonly up: Effect.Effect<void>
}

/** @internal */
export const make: Effect.Effect<Outage> = Effect.map(Ref.make(false), (state) => ({
  down: (line) => Effect.flatMap(Ref.getAndSet(state, true), (was) => was ? Effect.logDebug(line) : Effect.logError(line)),
  up: Effect.flatMap(Ref.getAndSet(state, false), (was) =>
    was ? Effect.logInfo("AuthToken: Keystone answers again") : Effect.void)
}))
