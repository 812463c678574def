import { describe, expect, it } from "@effect/vitest"
import { Timestamp } from "@effect-keystone/schema"
import { DateTime, Either, FastCheck, ParseResult, Schema } from "effect"

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
