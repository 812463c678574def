import { describe, expect, it } from "@effect/vitest"
import { Timestamp } from "@effect-keystone/schema"
import { DateTime, Either, Schema } from "effect"

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
})
