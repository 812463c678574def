import { describe, expect, it } from "@effect/vitest"
import { Timestamp } from "@effect-keystone/schema"
import { DateTime, Either, FastCheck, ParseResult, Schema } from "effect"
import * as TimestampInternal from "../src/internal/timestamp.js"

const epoch = (s: string) => DateTime.toEpochMillis(Either.getOrThrow(Schema.decodeEither(Timestamp.Timestamp)(s)))

describe("Timestamp", () => {
  it("accepts every form Keystone has sent", () => {
    expect(epoch("2026-11-23T09:30:37.000000Z")).toBe(Date.UTC(2026, 10, 23, 9, 30, 37))
    expect(epoch("2015-11-09T01:42:57.527363Z")).toBe(Date.UTC(2015, 10, 9, 1, 42, 57, 527))
    expect(epoch("2014-01-31T15:30:58Z")).toBe(Date.UTC(2014, 0, 31, 15, 30, 58))
    expect(epoch("2014-01-30T15:30:58.819584")).toBe(Date.UTC(2014, 0, 30, 15, 30, 58, 819))
    expect(epoch("2010-11-01T03:32:15-05:00")).toBe(Date.UTC(2010, 10, 1, 8, 32, 15))
    expect(epoch("2012-02-05T00:00:00")).toBe(Date.UTC(2012, 1, 5))
  })

  it("null means never", () => {
    expect(Schema.decodeEither(Timestamp.TimestampOrNull)(null)).toEqual(Either.right(null))
  })

  it("rejects what is not a timestamp with a ParseError", () => {
    for (const bad of ["", "tomorrow", "2026-13-01T00:00:00Z", "2026-11-23", "2026-11-23T25:00:00Z"]) {
      const r = Schema.decodeEither(Timestamp.Timestamp)(bad)
      expect(Either.isLeft(r)).toBe(true)
    }
  })

  it("encodes as Keystone v3 does", () => {
    const dt = DateTime.unsafeMake(Date.UTC(2026, 10, 23, 9, 30, 37, 120))
    expect(Schema.encodeSync(Timestamp.Timestamp)(dt)).toBe("2026-11-23T09:30:37.120000Z")
  })

  it("rejects days a month does not have", () => {
    for (const bad of ["2026-02-29T00:00:00Z", "2026-02-30T00:00:00Z", "2026-04-31T12:00:00.000000Z", "2026-11-31T00:00:00"]) {
      expect(Timestamp.parse(bad)).toBeUndefined()
      const r = Schema.decodeEither(Timestamp.Timestamp)(bad)
      expect(Either.isLeft(r) && ParseResult.isParseError(r.left)).toBe(true)
    }
    expect(epoch("2024-02-29T23:59:59.999999Z")).toBe(Date.UTC(2024, 1, 29, 23, 59, 59, 999))
    expect(epoch("2026-12-31T23:59:59Z")).toBe(Date.UTC(2026, 11, 31, 23, 59, 59))
  })

  it("years before 100 are not read as 19xx", () => {
    expect(epoch("0050-06-15T00:00:00Z")).toBe(new Date("0050-06-15T00:00:00Z").getTime())
    expect(epoch("0001-01-01T00:00:00Z")).toBe(new Date("0001-01-01T00:00:00Z").getTime())
  })

  it("offsets: with or without a colon, across midnight", () => {
    expect(epoch("2010-11-01T03:32:15-0500")).toBe(Date.UTC(2010, 10, 1, 8, 32, 15))
    expect(epoch("2010-11-01T00:30:00+01:00")).toBe(Date.UTC(2010, 9, 31, 23, 30))
    expect(epoch("2010-11-01 03:32:15")).toBe(Date.UTC(2010, 10, 1, 3, 32, 15))
  })

  const instant = FastCheck.integer({ min: Date.parse("0001-01-01T00:00:00Z"), max: Date.parse("9999-12-31T23:59:59.999Z") })

  it.prop("format then parse gives the same instant", [instant], ([ms]) => {
    const dt = DateTime.unsafeMake(ms)
    const s = Schema.encodeSync(Timestamp.Timestamp)(dt)
    expect(s).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/)
    expect(epoch(s)).toBe(ms)
  }, { fastCheck: { numRuns: 1000 } })

  it.prop("every form Keystone sends reads as the same instant", [
    FastCheck.integer({ min: Date.UTC(1970, 0, 1), max: Date.UTC(2100, 0, 1) }),
    FastCheck.integer({ min: -12 * 60, max: 14 * 60 })
  ], ([ms, offset]) => {
    const iso = new Date(ms).toISOString() // 2026-11-23T09:30:37.123Z
    const seconds = Math.floor(ms / 1000) * 1000
    expect(epoch(`${iso.slice(0, 23)}456Z`)).toBe(ms)
    expect(epoch(`${iso.slice(0, 23)}456`)).toBe(ms)
    expect(epoch(`${iso.slice(0, 19)}Z`)).toBe(seconds)
    expect(epoch(iso.slice(0, 19))).toBe(seconds)
    const local = new Date(ms + offset * 60_000).toISOString()
    const sign = offset < 0 ? "-" : "+"
    const hh = String(Math.floor(Math.abs(offset) / 60)).padStart(2, "0")
    const mm = String(Math.abs(offset) % 60).padStart(2, "0")
    expect(epoch(`${local.slice(0, 23)}${sign}${hh}:${mm}`)).toBe(ms)
  }, { fastCheck: { numRuns: 1000 } })
})

describe("Timestamp.parse reads the v3 form digit by digit, as the pattern reads it", () => {
  const two = (max: number) => FastCheck.integer({ min: 0, max }).map((n) => String(n).padStart(2, "0"))
  // the v3 shape, with values in and out of range, and now and then a character that is not a digit
  const v3Shaped = FastCheck.tuple(
    FastCheck.integer({ min: 0, max: 9999 }).map((n) => String(n).padStart(4, "0")),
    two(13), two(32), two(25), two(61), two(61),
    FastCheck.integer({ min: 0, max: 999_999 }).map((n) => String(n).padStart(6, "0")),
    FastCheck.option(FastCheck.tuple(FastCheck.nat(26), FastCheck.char()), { freq: 4 })
  ).map(([y, mo, d, h, mi, s, us, swap]) => {
    const text = `${y}-${mo}-${d}T${h}:${mi}:${s}.${us}Z`
    return swap === null ? text : text.slice(0, swap[0]) + swap[1] + text.slice(swap[0] + 1)
  })

  const millis = (dt: DateTime.Utc | undefined) => dt === undefined ? undefined : DateTime.toEpochMillis(dt)

  it.prop("the same instant, or undefined, as the pattern", [v3Shaped], ([s]) => {
    expect(millis(Timestamp.parse(s))).toBe(millis(TimestampInternal.byPattern(s)))
  }, { fastCheck: { numRuns: 3000 } })

  it("leap days and the 60th second as the pattern reads them", () => {
    for (const s of ["2024-02-29T12:00:00.000000Z", "1900-02-29T00:00:00.000000Z", "2000-02-29T00:00:00.000000Z", "2026-06-30T23:59:60.500000Z"]) {
      expect(millis(Timestamp.parse(s))).toBe(millis(TimestampInternal.byPattern(s)))
    }
    expect(Timestamp.parse("1900-02-29T00:00:00.000000Z")).toBeUndefined()
    expect(millis(Timestamp.parse("2026-06-30T23:59:60.500000Z"))).toBe(Date.UTC(2026, 6, 1, 0, 0, 0, 500))
  })
})
