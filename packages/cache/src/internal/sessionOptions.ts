/**
 * `KeystoneSession.Options` resolved once: durations as millis, defaults
 * applied, `allowOrigins` parsed.
 *
 * @internal
 */
import * as Duration from "effect/Duration"
import * as Backoff from "./backoff.js"
import * as Deadline from "./deadline.js"
import * as Origins from "./origins.js"
import type { Options } from "../KeystoneSession.js"

/** @internal */
export const defaults = {
  minimumRefresh: Deadline.minimumRefreshMillis,
  maxRetryDelayWithoutToken: Backoff.defaultMaxWithoutTokenMillis,
  refusedTokenWindow: 30_000
} as const

/** @internal */
export interface Resolved {
  /** `undefined`: the default margin (see `Deadline.margin`). */
  readonly configuredMargin: number | undefined
  readonly minimumRefresh: number
  readonly maxWithoutTokenMillis: number
  readonly refusedTokenWindow: number
  readonly origins: Origins.Policy
}

const millisOr = (input: Duration.DurationInput | undefined, fallback: number) =>
  input === undefined ? fallback : Math.max(0, Duration.toMillis(Duration.decode(input)))

/** @internal */
export const resolve = (options: Options, authUrl: string): Resolved => ({
  configuredMargin: options.refreshMargin === undefined ? undefined : Duration.toMillis(Duration.decode(options.refreshMargin)),
  minimumRefresh: millisOr(options.minimumRefresh, defaults.minimumRefresh),
  maxWithoutTokenMillis: millisOr(options.maxRetryDelayWithoutToken, defaults.maxRetryDelayWithoutToken),
  refusedTokenWindow: millisOr(options.refusedTokenWindow, defaults.refusedTokenWindow),
  origins: Origins.policy(authUrl, options.allowOrigins)
})
