/**
 * The middleware's two verdicts that are not an identity.
 *
 * @internal
 */
import * as Schema from "effect/Schema"

/**
 * The token is not (or no longer) valid: unknown, expired, revoked,
 * malformed, or a v2.0 token without a project.
 *
 * @internal
 */
export class TokenRejected extends Schema.TaggedError<TokenRejected>()("TokenRejected", {
  reason: Schema.Literal("Missing", "Unknown", "Expired", "Revoked", "Malformed", "NoProject", "ServiceToken"),
  message: Schema.String
}) {}

/**
 * Keystone could not give a verdict (unreachable, failing, busy, or refusing
 * the service's own credentials): answer 503, never 401.
 *
 * @internal
 */
export class KeystoneUnavailable extends Schema.TaggedError<KeystoneUnavailable>()("KeystoneUnavailable", {
  /** Seconds the caller should wait (`Retry-After`). */
  retryAfterSeconds: Schema.Number,
  /** What failed (the underlying error's tag and message; never a token). */
  message: Schema.String
}) {}
