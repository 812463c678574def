/**
 * Reading Keystone timestamps: the v3 form digit by digit, any other form
 * by the pattern.
 *
 * @internal
 */
import * as DateTime from "effect/DateTime"

const pattern = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?(Z|[+-]\d{2}:?\d{2})?$/

/** Any form, the v3 one first. */
export const parse = (input: string): DateTime.Utc | undefined => v3Form(input) ?? byPattern(input)

/** The `n` digits at `at` as a number, or -1 when one is not a digit. */
const digits = (s: string, at: number, n: number): number => {
  let v = 0
  for (let i = at; i < at + n; i++) {
    const d = s.charCodeAt(i) - 48
    if (d < 0 || d > 9) return -1
    v = v * 10 + d
  }
  return v
}

const daysIn = (year: number, month: number): number =>
  month === 2
    ? (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28
    : month === 4 || month === 6 || month === 9 || month === 11
    ? 30
    : 31

/**
 * The form v3 sends, `2026-11-23T09:30:37.000000Z`, read digit by digit
 * (every token decoded has two); `undefined` for anything else, which the
 * pattern then reads.
 */
const v3Form = (s: string): DateTime.Utc | undefined => {
  if (
    s.length !== 27 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45 || s.charCodeAt(10) !== 84 ||
    s.charCodeAt(13) !== 58 || s.charCodeAt(16) !== 58 || s.charCodeAt(19) !== 46 || s.charCodeAt(26) !== 90
  ) return undefined
  const year = digits(s, 0, 4)
  const month = digits(s, 5, 2)
  const day = digits(s, 8, 2)
  const hour = digits(s, 11, 2)
  const minute = digits(s, 14, 2)
  const second = digits(s, 17, 2)
  const micros = digits(s, 20, 6)
  // years before 100 (Date.UTC would read them as 19xx) and anything out of range: the pattern's way
  if (
    year < 100 || month < 1 || month > 12 || day < 1 || day > daysIn(year, month) || hour < 0 || hour > 23 ||
    minute < 0 || minute > 59 || second < 0 || second > 60 || micros < 0
  ) return undefined
  return DateTime.unsafeMake(Date.UTC(year, month - 1, day, hour, minute, second, Math.floor(micros / 1000)))
}

/** Any form Keystone has sent, by the pattern. */
export const byPattern = (input: string): DateTime.Utc | undefined => {
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
