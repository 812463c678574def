/**
 * The library's metrics, defined once: every package records into these
 * (the client, `@effect-keystone/cache` and `@effect-keystone/middleware`
 * depend on this package). See `KeystoneMetrics.ts` for what each one means.
 *
 * A metric recorded with a fixed tag set is resolved once (`withTags`): Effect's
 * `Metric.tagged` builds and hashes a new key on every update, a pre-tagged
 * metric finds its state in one step, which is what a per-request counter
 * (the middleware's validations) needs.
 *
 * @internal
 */
import * as Cause from "effect/Cause"
import * as Clock from "effect/Clock"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import * as Metric from "effect/Metric"
import * as MetricBoundaries from "effect/MetricBoundaries"
import * as MetricKey from "effect/MetricKey"
import type * as MetricKeyType from "effect/MetricKeyType"
import * as MetricLabel from "effect/MetricLabel"

/** The key each metric of this module was made from (to pre-tag it). */
const keys = new WeakMap<object, MetricKey.MetricKey<MetricKeyType.MetricKeyType<any, any>>>()

const define = <Type extends MetricKeyType.MetricKeyType<any, any>>(key: MetricKey.MetricKey<Type>) => {
  const metric = Metric.fromMetricKey(key)
  keys.set(metric, key)
  return metric
}

/** 1 ms to about 65 s, doubling: a local Keystone answers in milliseconds, a lock may be waited for a minute. */
export const durationBoundaries = MetricBoundaries.exponential({ start: 0.001, factor: 2, count: 18 })

/** Incremental: only ever increased, so exporters send it as a monotonic counter (OpenTelemetry `Counter`, Prometheus `counter`). */
const counter = (name: string, description: string): Metric.Metric.Counter<number> =>
  define(MetricKey.counter(name, { description, incremental: true }))

const histogram = (name: string, description: string): Metric.Metric.Histogram<number> =>
  define(MetricKey.histogram(name, durationBoundaries, description))

export const tokensIssued = counter(
  "keystone_session_tokens_issued_total",
  "Tokens KeystoneSession got by logging in to Keystone."
)
export const tokensFromStore = counter(
  "keystone_session_tokens_from_store_total",
  "Tokens KeystoneSession adopted from its TokenStore (another process logged in)."
)
export const tokensRenewed = counter(
  "keystone_session_tokens_renewed_total",
  "Renewals: a token (issued or from the store) replaced the one the session held."
)
export const tokensInvalidated = counter(
  "keystone_session_tokens_invalidated_total",
  "Current tokens KeystoneSession dropped before their expiry, by reason."
)
export const renewalFailures = counter(
  "keystone_session_renewal_failures_total",
  "Failed KeystoneSession renewals, by the error's _tag."
)
export const renewalDuration = histogram(
  "keystone_session_renewal_duration_seconds",
  "One KeystoneSession renewal: store lock, store read, login and store write."
)
export const tokenExpiry: Metric.Metric.Gauge<number> = define(
  MetricKey.gauge("keystone_session_token_expiry_timestamp_seconds", {
    description: "When the current token of KeystoneSession expires (Unix seconds, local clock); 0 when it holds none."
  })
)
export const storeOperations = counter(
  "keystone_store_operations_total",
  "TokenStore operations, by backend and operation."
)
export const storeFailures = counter(
  "keystone_store_failures_total",
  "TokenStore operations that failed (a lock that could not be had included), by backend and operation."
)
export const lockWait = histogram(
  "keystone_store_lock_wait_seconds",
  "Time waited for a TokenStore lock, by backend."
)
export const validations = counter(
  "keystone_middleware_validations_total",
  "Tokens the middleware validated, by result: hit, miss, negative, revoked or unavailable."
)
export const revocationPolls = counter(
  "keystone_middleware_revocation_polls_total",
  "Polls of Keystone's revocation events by the middleware, by result: ok or failed."
)
export const revocationEvictions = counter(
  "keystone_middleware_revocation_evictions_total",
  "Cached validations the middleware dropped because a revocation event covered them."
)
export const revocationBroadcasts = counter(
  "keystone_middleware_revocation_broadcasts_total",
  "Revocation messages between middleware processes, by result: published, received or rejected."
)
export const validationDuration = histogram(
  "keystone_client_validation_duration_seconds",
  "KeystoneClient validate and check calls, retries included, by operation."
)

/** Pre-tagged metrics stop being memoized past this many (tag values here are few; callers could pass any). */
const memoCapacity = 1024
const memo = new Map<string, Metric.Metric<any, any, any>>()

export const withTags = <M extends Metric.Metric<any, any, any>>(metric: M, tags: Readonly<Record<string, string>>): M => {
  const labels = Object.keys(tags).sort().map((name) => MetricLabel.make(name, tags[name]!))
  const key = keys.get(metric)
  if (key === undefined) return Metric.taggedWithLabels(metric, labels) as M
  const id = JSON.stringify([key.name, ...labels.map((l) => [l.key, l.value])])
  const found = memo.get(id)
  if (found !== undefined) return found as M
  const made = Metric.fromMetricKey(MetricKey.taggedWithLabels(key, labels))
  if (memo.size < memoCapacity) memo.set(id, made)
  return made as unknown as M
}

export const trackSeconds = (histogram: Metric.Metric<any, number, any>) =>
<A, E, R>(effect: Effect.Effect<A, E, R>): Effect.Effect<A, E, R> =>
  Clock.clockWith((clock) => {
    const start = clock.unsafeCurrentTimeNanos()
    return Effect.onExit(effect, (exit) =>
      Exit.isFailure(exit) && Cause.isInterruptedOnly(exit.cause)
        ? Effect.void
        : Metric.update(histogram, Number(clock.unsafeCurrentTimeNanos() - start) / 1e9))
  })
