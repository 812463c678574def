/**
 * Every metric the library records, as Effect `Metric`s in Effect's global
 * registry: whatever reads that registry sees them (`Metric.snapshot`,
 * `@effect/opentelemetry`'s metrics exporter, a Prometheus bridge). They live
 * in this package because `@effect-keystone/cache` and
 * `@effect-keystone/middleware` both depend on it: one module, one list.
 *
 * Names are snake_case under `keystone_`; counters end in `_total`,
 * durations are histograms in seconds. Tags are low-cardinality labels from
 * the library's own vocabulary (a backend, an operation, an error's `_tag`,
 * a reason, a result): never a token, a token id, a user, a password or a URL.
 * To tell sessions apart, make each inside `Effect.tagMetrics("session",
 * "billing-worker")`: a session's own metrics carry the metric tags of the
 * fiber that made it. The table, with what every tag value means, is in
 * the repository's README ("Metrics and tracing").
 *
 * Reading one (tags in any order):
 *
 * ```ts
 * import { KeystoneMetrics } from "@effect-keystone/client"
 * import { Effect, Metric } from "effect"
 *
 * const program = Effect.gen(function*() {
 *   const issued = yield* Metric.value(KeystoneMetrics.tokensIssued)
 *   const hits = yield* Metric.value(KeystoneMetrics.withTags(KeystoneMetrics.validations, { result: "hit" }))
 *   return { issued: issued.count, hits: hits.count }
 * })
 * ```
 *
 * @since 0.4.0
 */
import type * as Effect from "effect/Effect"
import type * as Metric from "effect/Metric"
import type * as MetricBoundaries from "effect/MetricBoundaries"
import * as internal from "./internal/metrics.js"

/**
 * Why a session dropped its current token: `unauthorized` (a service
 * answered 401 through `session.httpClient` and Keystone confirmed the token
 * dead) or `requested` (`session.invalidate` was called, e.g. by
 * `KeystoneSession.layerCallerToken` after a 401).
 *
 * @since 0.4.0
 * @category models
 */
export type InvalidationReason = "unauthorized" | "requested"

/**
 * The `backend` tag of the store metrics. `encrypted` is `TokenStore.makeEncrypted`:
 * its `get` and `set` are counted as `encrypted`; its `remove` and lock are the
 * backend's below. A store written by hand is counted under its own name
 * (`TokenStore.withMetrics`).
 *
 * @since 0.4.0
 * @category models
 */
export type StoreBackend = "memory" | "file" | "redis" | "encrypted" | (string & {})

/**
 * The `operation` tag of the store metrics (`lock`: a lock that could not be
 * had, so the locked work ran without it; failures only).
 *
 * @since 0.4.0
 * @category models
 */
export type StoreOperation = "get" | "set" | "remove" | "lock"

/**
 * The `result` tag of `validations`, one per token the middleware validates:
 * `hit` (a remembered validation), `miss` (this request asked the shared store
 * or Keystone, whatever the answer), `negative` (a remembered rejection),
 * `revoked` (refused by a revocation event), `unavailable` (Keystone could not
 * answer: 503).
 *
 * @since 0.4.0
 * @category models
 */
export type ValidationResult = "hit" | "miss" | "negative" | "revoked" | "unavailable"

/**
 * Buckets of the duration histograms, in seconds: 1 ms doubling to 65.536 s, then +Inf.
 *
 * @since 0.4.0
 * @category boundaries
 */
export const durationBoundaries: MetricBoundaries.MetricBoundaries = internal.durationBoundaries

/**
 * `keystone_session_tokens_issued_total`: tokens a `KeystoneSession` got by
 * logging in (the first one, renewals, re-issues after an invalidation).
 *
 * @since 0.4.0
 * @category session
 */
export const tokensIssued: Metric.Metric.Counter<number> = internal.tokensIssued

/**
 * `keystone_session_tokens_from_store_total`: tokens a session adopted from
 * its `TokenStore` (another process had logged in) instead of logging in.
 *
 * @since 0.4.0
 * @category session
 */
export const tokensFromStore: Metric.Metric.Counter<number> = internal.tokensFromStore

/**
 * `keystone_session_tokens_renewed_total`: renewals, each a token (issued or
 * from the store) replacing one the session held. The first token, and one
 * after an invalidation, are not renewals.
 *
 * @since 0.4.0
 * @category session
 */
export const tokensRenewed: Metric.Metric.Counter<number> = internal.tokensRenewed

/**
 * `keystone_session_tokens_invalidated_total`, tag `reason`
 * (`InvalidationReason`): current tokens dropped before their expiry.
 *
 * @since 0.4.0
 * @category session
 */
export const tokensInvalidated: Metric.Metric.Counter<number> = internal.tokensInvalidated

/**
 * `keystone_session_renewal_failures_total`, tag `error`: failed renewals, by
 * the `KeystoneError`'s `_tag` (`ServiceUnavailable`, `Unauthorized`, …;
 * `Defect` for an unexpected error).
 *
 * @since 0.4.0
 * @category session
 */
export const renewalFailures: Metric.Metric.Counter<number> = internal.renewalFailures

/**
 * `keystone_session_renewal_duration_seconds`: one renewal, successful or
 * not: the store's lock, the store read, the login (retries included) and
 * the store write.
 *
 * @since 0.4.0
 * @category session
 */
export const renewalDuration: Metric.Metric.Histogram<number> = internal.renewalDuration

/**
 * `keystone_session_token_expiry_timestamp_seconds`: when the session's
 * current token expires, in Unix seconds on the local clock (Keystone's
 * clock skew corrected); 0 once it holds none (invalidated). A timestamp
 * rather than a countdown, so it is right whenever it is read: the time to
 * expiry is `value - now` (PromQL: `keystone_session_token_expiry_timestamp_seconds - time()`).
 * With several sessions in one process, tag each (`Effect.tagMetrics`), or
 * this is whichever changed its token last.
 *
 * @since 0.4.0
 * @category session
 */
export const tokenExpiry: Metric.Metric.Gauge<number> = internal.tokenExpiry

/**
 * `keystone_store_operations_total`, tags `backend` (`StoreBackend`) and
 * `operation` (`get`, `set`, `remove`): every `TokenStore` operation that ended
 * (succeeded or failed), counted once, by the store that carried it out.
 *
 * @since 0.4.0
 * @category store
 */
export const storeOperations: Metric.Metric.Counter<number> = internal.storeOperations

/**
 * `keystone_store_failures_total`, tags `backend` and `operation`
 * (`StoreOperation`): store operations that failed (a session carries on
 * without the store), and locks that could not be had (`lock`).
 *
 * @since 0.4.0
 * @category store
 */
export const storeFailures: Metric.Metric.Counter<number> = internal.storeFailures

/**
 * `keystone_store_lock_wait_seconds`, tag `backend` (`memory`, `file`,
 * `redis`): how long `withLock` waited before running its effect (until it
 * gave up, for a lock that could not be had).
 *
 * @since 0.4.0
 * @category store
 */
export const lockWait: Metric.Metric.Histogram<number> = internal.lockWait

/**
 * `keystone_middleware_validations_total`, tag `result` (`ValidationResult`):
 * every token `@effect-keystone/middleware` validated (a request with a
 * service token counts two).
 *
 * @since 0.4.0
 * @category middleware
 */
export const validations: Metric.Metric.Counter<number> = internal.validations

/**
 * `keystone_middleware_revocation_polls_total`, tag `result` (`ok`,
 * `failed`): the middleware's polls of `GET /v3/OS-REVOKE/events` (a failed
 * poll keeps the cached validations and is tried again at the next tick).
 *
 * @since 0.5.0
 * @category middleware
 */
export const revocationPolls: Metric.Metric.Counter<number> = internal.revocationPolls

/**
 * `keystone_middleware_revocation_evictions_total`: cached validations the
 * middleware dropped because a revocation event covered them (all of them
 * when too many events came to keep).
 *
 * @since 0.5.0
 * @category middleware
 */
export const revocationEvictions: Metric.Metric.Counter<number> = internal.revocationEvictions

/**
 * `keystone_middleware_revocation_broadcasts_total`, tag `result`
 * (`published`, `received`, `rejected`): revocation messages between the
 * processes of a fleet (`AuthToken.layerFleet`): sent by the process that
 * polls, received from it by the others, or rejected on receipt (not sealed
 * with the fleet's keys, or not a revocation message; logged).
 *
 * @since 0.6.0
 * @category middleware
 */
export const revocationBroadcasts: Metric.Metric.Counter<number> = internal.revocationBroadcasts

/**
 * `keystone_client_validation_duration_seconds`, tag `operation` (`validate`,
 * `check`): `KeystoneClient.validate` and `check` calls, retries included,
 * whatever their answer.
 *
 * @since 0.4.0
 * @category client
 */
export const validationDuration: Metric.Metric.Histogram<number> = internal.validationDuration

/**
 * `metric` with `tags`, resolved once: the same series whatever the order of
 * the tags, and an update that finds its state at once (`Metric.tagged`
 * builds and hashes a key on each). Use it to record with fixed tags, or to
 * read one series.
 *
 * @since 0.4.0
 * @category combinators
 *
 * @example
 * ```ts
 * import { KeystoneMetrics } from "@effect-keystone/client"
 * import { Metric } from "effect"
 *
 * const redisGets = Metric.value(
 *   KeystoneMetrics.withTags(KeystoneMetrics.storeOperations, { backend: "redis", operation: "get" })
 * )
 * ```
 */
export const withTags: <M extends Metric.Metric<any, any, any>>(metric: M, tags: Readonly<Record<string, string>>) => M =
  internal.withTags

/**
 * Records how long `effect` took, in seconds, into `histogram` once it ends,
 * whether it succeeds or fails (not when it is interrupted). Time is the
 * Effect `Clock`'s (high resolution; `TestClock` in tests).
 *
 * @since 0.4.0
 * @category combinators
 */
export const trackSeconds: (
  histogram: Metric.Metric<any, number, any>
) => <A, E, R>(effect: Effect.Effect<A, E, R>) => Effect.Effect<A, E, R> = internal.trackSeconds
