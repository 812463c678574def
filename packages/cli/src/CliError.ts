/**
 * The CLI's own failures (besides Keystone's, configuration and TLS errors).
 *
 * @since 0.1.0
 */
import * as Schema from "effect/Schema"

/**
 * A usage mistake the option parser cannot see: an unknown `-c` column, a
 * `--cache-url` that does not fit `--cache`.
 *
 * @since 0.1.0
 * @category errors
 */
export class UsageError extends Schema.TaggedError<UsageError>()("UsageError", {
  message: Schema.String
}) {}

/**
 * `check` found the token invalid: nothing more to print, exit code 1.
 *
 * @since 0.1.0
 * @category errors
 */
export class CheckFalse extends Schema.TaggedError<CheckFalse>()("CheckFalse", {}) {}

/**
 * A failure that has been reported on stderr already; only its exit code is
 * left to set.
 *
 * @since 0.1.0
 * @category errors
 */
export class Reported extends Schema.TaggedError<Reported>()("Reported", {
  code: Schema.Number
}) {}
