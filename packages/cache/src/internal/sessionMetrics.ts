/**
 * What a `KeystoneSession` records in `KeystoneMetrics`, in one place, and
 * only where its token changes: a renewal (timed, and traced as
 * `KeystoneSession.renew`), its outcome, an invalidation. The token read
 * records nothing.
 *
 * Everything is recorded with the metric tags of the fiber that made the
 * session (`Effect.tagMetrics` around `KeystoneSession.make`), whichever
 * fiber triggers it: sessions can be told apart by a label their owner gives
 * them, never by anything of the token's.
 *
 * @internal
 */
import type { KeystoneError } from "@effect-keystone/client"
import * as KeystoneMetrics from "@effect-keystone/client/KeystoneMetrics"
import * as Effect from "effect/Effect"
import * as FiberRef from "effect/FiberRef"
import * as Metric from "effect/Metric"
import type * as MetricLabel from "effect/MetricLabel"
import type { Entry } from "./sessionEntry.js"

/** @internal */
export interface SessionMetrics {
  /** Runs a renewal with the session's metric tags, timed, in its own span. */
  readonly renewal: <A, E, R>(effect: Effect.Effect<A, E, R>) => Effect.Effect<A, E, R>
  /** A renewal adopted `entry`; `replaced`: the session held a token before it. */
  readonly adopted: (entry: Entry, replaced: boolean) => Effect.Effect<void>
  /** A renewal failed (`error` undefined: a defect). */
  readonly failed: (error: KeystoneError.KeystoneError | undefined) => Effect.Effect<void>
  /** The current token was dropped. */
  readonly invalidated: (reason: KeystoneMetrics.InvalidationReason) => Effect.Effect<void>
}

const renewed = Metric.increment(KeystoneMetrics.tokensRenewed)
const issued = Metric.increment(KeystoneMetrics.tokensIssued)
const fromStore = Metric.increment(KeystoneMetrics.tokensFromStore)
const byReason = {
  unauthorized: Metric.increment(KeystoneMetrics.withTags(KeystoneMetrics.tokensInvalidated, { reason: "unauthorized" })),
  requested: Metric.increment(KeystoneMetrics.withTags(KeystoneMetrics.tokensInvalidated, { reason: "requested" }))
} satisfies Record<KeystoneMetrics.InvalidationReason, Effect.Effect<void>>
const noToken = Metric.set(KeystoneMetrics.tokenExpiry, 0)
const timed = KeystoneMetrics.trackSeconds(KeystoneMetrics.renewalDuration)

/** @internal */
export const make = (spanAttributes: Record<string, unknown>): Effect.Effect<SessionMetrics> =>
  Effect.map(FiberRef.get(FiberRef.currentMetricLabels), (labels: ReadonlyArray<MetricLabel.MetricLabel>) => {
    const tagged = <A, E, R>(effect: Effect.Effect<A, E, R>) => Effect.locally(effect, FiberRef.currentMetricLabels, labels)
    return {
      renewal: (effect) =>
        tagged(timed(effect)).pipe(
          Effect.withSpan("KeystoneSession.renew", { root: true, attributes: spanAttributes, captureStackTrace: false })
        ),
      adopted: (entry, replaced) =>
        tagged(Effect.all([
          entry.source === "issued" ? issued : fromStore,
          replaced ? renewed : Effect.void,
          // a token that never expires leaves the gauge as it was
          Number.isFinite(entry.expiresAt) ? Metric.set(KeystoneMetrics.tokenExpiry, entry.expiresAt / 1000) : Effect.void
        ], { discard: true })),
      failed: (error) =>
        tagged(Metric.increment(KeystoneMetrics.withTags(KeystoneMetrics.renewalFailures, { error: error?._tag ?? "Defect" }))),
      invalidated: (reason) => tagged(Effect.zipRight(byReason[reason], noToken))
    }
  })
