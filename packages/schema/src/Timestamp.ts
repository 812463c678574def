/**
 * Keystone timestamps in every form it has sent.
 *
 * @since 0.1.0
 */
import * as DateTime from "effect/DateTime"
import * as ParseResult from "effect/ParseResult"
import * as Schema from "effect/Schema"
import * as Parse from "./internal/timestamp.js"

/**
 * Parses a Keystone timestamp: optional fraction, optional `Z` or `±hh:mm`
 * suffix; a naive time is UTC. Returns `undefined` for anything else.
 *
 * @since 0.1.0
 * @category parsing
 */
export const parse = (input: string): DateTime.Utc | undefined => Parse.parse(input)

/**
 * Formats a time the way Keystone v3 does: `YYYY-MM-DDTHH:MM:SS.ffffffZ`.
 *
 * @since 0.1.0
 * @category formatting
 */
export const format = (dt: DateTime.Utc): string => {
  const iso = DateTime.formatIso(dt) // 2026-11-23T09:30:37.123Z
  return `${iso.slice(0, 23)}000Z`
}

/**
 * A Keystone timestamp string decoded to `DateTime.Utc`.
 *
 * @since 0.1.0
 * @category schemas
 */
export const Timestamp: Schema.Schema<DateTime.Utc, string> = Schema.transformOrFail(
  Schema.String,
  Schema.DateTimeUtcFromSelf,
  {
    strict: true,
    decode: (s, _, ast) => {
      const dt = parse(s)
      return dt === undefined
        ? ParseResult.fail(new ParseResult.Type(ast, s, `Expected a Keystone timestamp, got ${JSON.stringify(s)}`))
        : ParseResult.succeed(dt)
    },
    encode: (dt) => ParseResult.succeed(format(dt))
  }
).annotations({ identifier: "Timestamp" })

/**
 * A timestamp that may be `null` (Keystone's "never").
 *
 * @since 0.1.0
 * @category schemas
 */
export const TimestampOrNull = Schema.NullOr(Timestamp)
