/**
 * Faults the simulator can inject before it handles a request: status
 * bursts, latency, connection resets and malformed bodies.
 *
 * Each fault applies to the next `count` requests (default 1) that match its
 * `route` (a route key such as `"POST /v3/auth/tokens"`; any route when
 * omitted). Faults queue: a request takes the first queued fault that matches.
 *
 * @since 0.1.0
 */
import type * as Duration from "effect/Duration"

/**
 * Options every fault takes.
 *
 * @since 0.1.0
 * @category models
 */
export interface Options {
  /** How many matching requests the fault applies to. Default 1; `Infinity` until cleared. */
  readonly count?: number
  /** A route key, e.g. `"POST /v3/auth/tokens"` or `"GET /v2.0/tokens/{id}"`. */
  readonly route?: string
}

/**
 * Answer with `status` and a Keystone error body (or `body`), adding
 * `Retry-After` when given (seconds, or an HTTP-date string).
 *
 * @since 0.1.0
 * @category models
 */
export interface Status extends Options {
  readonly _tag: "Status"
  readonly status: number
  readonly retryAfter?: number | string
  /** Replaces the error body: a string is sent as is, anything else as JSON. */
  readonly body?: unknown
}

/**
 * Wait `duration` (on the Effect `Clock`, so `TestClock` controls it), then
 * answer normally.
 *
 * @since 0.1.0
 * @category models
 */
export interface Latency extends Options {
  readonly _tag: "Latency"
  readonly duration: Duration.DurationInput
}

/**
 * Drop the connection without an answer. The request is not processed. The
 * in-memory client fails with a `RequestError` (`reason: "Transport"`); the
 * real server destroys the socket.
 *
 * @since 0.1.0
 * @category models
 */
export interface Reset extends Options {
  readonly _tag: "Reset"
}

/**
 * A body that is not what Keystone sends.
 *
 * - `html`: a proxy's error page (`text/html`, default status 502); the
 *   request never reaches Keystone.
 * - `truncated`: the normal answer cut off halfway through its JSON.
 * - `garbage`: the normal status and headers with a body that is not JSON.
 * - `empty`: the normal status and headers with an empty body.
 *
 * Except for `html`, the request is processed normally first (a token may be
 * issued), and `status` overrides the normal status.
 *
 * @since 0.1.0
 * @category models
 */
export interface Malformed extends Options {
  readonly _tag: "Malformed"
  readonly kind: "html" | "truncated" | "garbage" | "empty"
  readonly status?: number
}

/**
 * Answer normally but without the `X-Subject-Token` header. Without a
 * `route` it applies to the next `POST /v3/auth/tokens` only.
 *
 * @since 0.1.0
 * @category models
 */
export interface MissingSubjectToken extends Options {
  readonly _tag: "MissingSubjectToken"
}

/**
 * @since 0.1.0
 * @category models
 */
export type Fault = Status | Latency | Reset | Malformed | MissingSubjectToken

/**
 * `Fault.status(503, { count: 3, retryAfter: 2 })`.
 *
 * @since 0.1.0
 * @category constructors
 */
export const status = (
  status: number,
  options?: Options & { readonly retryAfter?: number | string; readonly body?: unknown }
): Status => ({ ...options, _tag: "Status", status })

/**
 * `Fault.latency("2 seconds")`.
 *
 * @since 0.1.0
 * @category constructors
 */
export const latency = (duration: Duration.DurationInput, options?: Options): Latency => ({
  ...options,
  _tag: "Latency",
  duration
})

/**
 * @since 0.1.0
 * @category constructors
 */
export const reset = (options?: Options): Reset => ({ ...options, _tag: "Reset" })

/**
 * `Fault.malformed("html")`.
 *
 * @since 0.1.0
 * @category constructors
 */
export const malformed = (
  kind: Malformed["kind"],
  options?: Options & { readonly status?: number }
): Malformed => ({ ...options, _tag: "Malformed", kind })

/**
 * @since 0.1.0
 * @category constructors
 */
export const missingSubjectToken = (options?: Options): MissingSubjectToken => ({
  ...options,
  _tag: "MissingSubjectToken"
})
