/**
 * Keystone timestamps in every form it has sent.
 *
 * @since 0.1.0
 */
import * as DateTime from "effect/DateTime"
import * as ParseResult from "effect/ParseResult"
import * as Schema from "effect/Schema"

const pattern = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?(Z|[+-]\d{2}:?\d{2})?$/

/**
 * Parses a Keystone timestamp: optional fraction, optional `Z` or `±hh:mm`
 * suffix; a naive time is UTC. Returns `undefined` for anything else.
 *
 * @since 0.1.0
 * @category parsing
 */
export const parse = (input: string): DateTime.Utc | undefined => {
  const m = pattern.exec(input)
  if (m === null) return undefined
  const [, y, mo, d, h, mi, s, frac, zone] = m
  const millis = frac === undefined ? 0 : Number((frac + "00").slice(0, 3))
  let offsetMinutes = 0
  if (zone !== undefined && zone !== "Z") {
    const sign = zone[0] === "-" ? -1 : 1
    const digits = zone.slice(1).replace(":", "")
    offsetMinutes = sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4)))
  }
  const month = Number(mo)
  const day = Number(d)
  const hour = Number(h)
  const minute = Number(mi)
  const second = Number(s)
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 60) return undefined
  // setUTCFullYear, not Date.UTC: Date.UTC maps years 0–99 to 1900–1999
  const date = new Date(0)
  date.setUTCFullYear(Number(y), month - 1, day)
  if (date.getUTCDate() !== day) return undefined // e.g. February 30
  date.setUTCHours(hour, minute, second, millis)
  const epoch = date.getTime() - offsetMinutes * 60_000
  if (!Number.isFinite(epoch)) return undefined
  return DateTime.unsafeMake(epoch)
}

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
