import { describe, expect, it } from "@effect/vitest"
import { KeystoneError } from "@effect-keystone/client"
import { Token } from "@effect-keystone/schema"
import * as DateTime from "effect/DateTime"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Option from "effect/Option"
import * as Redacted from "effect/Redacted"
import * as Backoff from "../src/internal/backoff.js"
import * as Deadline from "../src/internal/deadline.js"

const MIN = 60_000
const HOUR = 60 * MIN

const token = (issuedAt: number | null, expiresAt: number | null) =>
  new Token.Token({
    id: Redacted.make("t"),
    version: "v3",
    issuedAt: issuedAt === null ? Option.none() : Option.some(DateTime.unsafeMake(issuedAt)),
    expiresAt: expiresAt === null ? Option.none() : Option.some(DateTime.unsafeMake(expiresAt)),
    user: { id: "u", name: "u", domain: null },
    scope: { _tag: "Unscoped" },
    roles: [],
    catalog: { services: [] },
    methods: ["password"],
    auditIds: ["a"]
  })

// Keystone's clock reads 1_700_000_000_000 when the token is issued
const K = 1_700_000_000_000

describe("KeystoneSession deadline math", () => {
  it("margin: max(2 min, 10%), never more than half the lifetime", () => {
    expect(Deadline.margin(HOUR, undefined)).toBe(6 * MIN)
    expect(Deadline.margin(10 * MIN, undefined)).toBe(2 * MIN)
    expect(Deadline.margin(3 * MIN, undefined)).toBe(1.5 * MIN)
    expect(Deadline.margin(24 * HOUR, undefined)).toBe(144 * MIN)
    expect(Deadline.margin(HOUR, 10 * MIN)).toBe(10 * MIN)
    expect(Deadline.margin(HOUR, 45 * MIN)).toBe(30 * MIN)
    expect(Deadline.margin(Infinity, undefined)).toBe(2 * MIN)
  })

  it("an issued token's deadline is its lifetime from arrival (less Keystone's 1 s truncation), whatever the local clock says", () => {
    const t = token(K, K + HOUR)
    for (const localSkew of [-15 * MIN, 0, 15 * MIN, 3 * HOUR]) {
      const arrivedAt = K + localSkew + 120 // a local clock off by localSkew, 120 ms of latency
      const life = Deadline.ofIssued(t, arrivedAt, undefined)
      expect(life.lifetime).toBe(HOUR)
      expect(life.expiresAt).toBe(arrivedAt + HOUR - Deadline.truncation)
    }
  })

  it("without issued_at, expires_at is read against the local clock corrected by the known skew", () => {
    const t = token(null, K + HOUR)
    expect(Deadline.ofIssued(t, K, undefined).expiresAt).toBe(K + HOUR)
    // local clock 15 min behind Keystone (skew +15 min): 45 min left, not 60
    const behind = K - 15 * MIN
    expect(Deadline.ofIssued(t, behind, undefined).expiresAt - behind).toBe(75 * MIN)
    expect(Deadline.ofIssued(t, behind, 15 * MIN).expiresAt - behind).toBe(HOUR)
  })

  it("a token that never expires never needs renewing", () => {
    const life = Deadline.ofIssued(token(K, null), K, undefined)
    expect(life.expiresAt).toBe(Infinity)
    const s = Deadline.renewalTimes(life, K, undefined, 0.5)
    expect(s.refreshAt).toBe(Infinity)
  })

  it("a stored token: remaining = expires_at − Keystone's now, never more than its lifetime", () => {
    const t = token(K, K + HOUR)
    // 20 min after issue, same clocks: 40 min left
    expect(Deadline.ofStored(t, K + 20 * MIN, undefined).expiresAt).toBe(K + HOUR)
    // local clock 15 min behind, skew unknown: expires_at − now would say 55 min; the lifetime caps it at... 55 < 60, so 55
    expect(Deadline.ofStored(t, K + 20 * MIN - 15 * MIN, undefined).expiresAt - (K + 5 * MIN)).toBe(55 * MIN)
    // ... the skew learnt from our own issues corrects it: 40 min
    expect(Deadline.ofStored(t, K + 5 * MIN, 15 * MIN).expiresAt - (K + 5 * MIN)).toBe(40 * MIN)
    // just issued, local clock 15 min behind: capped at the lifetime
    expect(Deadline.ofStored(t, K - 15 * MIN, undefined).expiresAt - (K - 15 * MIN)).toBe(HOUR)
    // local clock ahead: it looks older than it is (the safe side)
    expect(Deadline.ofStored(t, K + 15 * MIN, undefined).expiresAt - (K + 15 * MIN)).toBe(45 * MIN)
    // expired
    expect(Deadline.ofStored(t, K + 2 * HOUR, undefined).expiresAt).toBe(K + 2 * HOUR)
  })

  it("renewalTimes: renewAt = expiry − margin; the refresher goes up to a quarter of the margin earlier", () => {
    const life = Deadline.ofIssued(token(K, K + HOUR), 0, undefined)
    const early = Deadline.renewalTimes(life, 0, undefined, 0.999999)
    const late = Deadline.renewalTimes(life, 0, undefined, 0)
    expect(late.renewAt).toBe(54 * MIN - Deadline.truncation)
    expect(late.refreshAt).toBe(54 * MIN - Deadline.truncation)
    expect(early.refreshAt).toBeCloseTo(52.5 * MIN - Deadline.truncation, -2)
    // near-dead tokens: never a busy loop
    const dead = Deadline.renewalTimes(Deadline.ofIssued(token(K, K), 0, undefined), 0, undefined, 0)
    expect(dead.refreshAt).toBe(Deadline.minimumRefreshMillis)
  })

  it("skewOf: Keystone − local at arrival", () => {
    expect(Deadline.skewOf(token(K, K + HOUR), K - 15 * MIN)).toBe(15 * MIN)
    expect(Deadline.skewOf(token(null, K + HOUR), K)).toBeUndefined()
  })

  it.effect("backoff: transient from 2 s to a minute, refusals from 30 s to 10 minutes (±20%), Retry-After honoured", () =>
    Effect.gen(function*() {
      const unavailable = new KeystoneError.ServiceUnavailable({ status: 503, message: "", method: "POST", url: "u" })
      const refused = new KeystoneError.Unauthorized({ status: 401, message: "", method: "POST", url: "u" })
      const around = (actual: number, expected: number) => {
        expect(actual).toBeGreaterThanOrEqual(expected * 0.8)
        expect(actual).toBeLessThanOrEqual(expected * 1.2)
      }
      around(yield* Backoff.pause(1, unavailable), 2_000)
      around(yield* Backoff.pause(3, unavailable), 8_000)
      expect(yield* Backoff.pause(20, unavailable)).toBe(60_000) // the cap bounds the jitter too
      around(yield* Backoff.pause(1, refused), 30_000)
      expect(yield* Backoff.pause(20, refused)).toBe(600_000)
      expect(yield* Backoff.pause(10_000, refused)).toBe(600_000) // a long outage: still the cap
      around(yield* Backoff.pause(1, undefined), 2_000)
      const later = new KeystoneError.ServiceUnavailable({
        status: 503,
        message: "",
        method: "POST",
        url: "u",
        retryAfter: Duration.minutes(2)
      })
      expect(yield* Backoff.pause(1, later)).toBe(120_000)
      // while a token is held, never past its expiry; once none is left, transient failures at most 5 s apart
      expect(yield* Backoff.pause(1, later, { validForMillis: 50_000, maxWithoutTokenMillis: 5_000 })).toBe(50_000)
      expect(yield* Backoff.pause(1, later, { validForMillis: 0, maxWithoutTokenMillis: 5_000 })).toBeLessThanOrEqual(2_400)
      expect(yield* Backoff.pause(5, later, { validForMillis: 0, maxWithoutTokenMillis: 5_000 })).toBe(5_000)
      // refusals keep their slow backoff without a token
      around(yield* Backoff.pause(2, refused, { validForMillis: 0, maxWithoutTokenMillis: 5_000 }), 60_000)
    }))

})
