import * as HttpClient from "@effect/platform/HttpClient"
import * as HttpClientResponse from "@effect/platform/HttpClientResponse"
import { describe, expect, it } from "@effect/vitest"
import * as DateTime from "effect/DateTime"
import * as KeystoneMetrics from "@effect-keystone/client/KeystoneMetrics"
import * as Effect from "effect/Effect"
import * as Metric from "effect/Metric"
import * as Option from "effect/Option"
import * as TestClock from "effect/TestClock"
import type { Outage } from "../src/internal/outage.js"
import * as Poller from "../src/internal/poller.js"
import * as Revocation from "../src/internal/revocation.js"
import type { Validator } from "../src/internal/validator.js"

const recording = (answers: Array<unknown>) => {
  const urls: Array<string> = []
  const client = HttpClient.make((request) =>
    Effect.sync(() => {
      urls.push(request.url)
      return HttpClientResponse.fromWeb(request, new Response(JSON.stringify(answers.shift() ?? { events: [] }), { status: 200 }))
    })
  )
  return { urls, client }
}

const unused = () => {
  throw new Error("unused")
}
const validator: Validator = {
  remembered: () => undefined,
  use: unused,
  labels: [],
  validate: () => Effect.die("unused"),
  dropCovered: Effect.succeed(0),
  dropAll: Effect.succeed(0),
  close: Effect.void
}

const outage: Outage = { down: () => Effect.void, up: Effect.void }

const since = (url: string) => new URL(url).searchParams.get("since")

describe("the revocation poller", () => {
  it.effect("the first since is taken from the earlier of the local clock and Keystone's (skew), then from the events", () =>
    Effect.gen(function*() {
      yield* TestClock.setTime(DateTime.toEpochMillis(DateTime.unsafeMake("2026-11-29T12:00:00Z")))
      const http = recording([
        { events: [{ audit_id: "a1", revoked_at: "2026-11-29T11:00:05.000000Z", issued_before: "2026-11-29T11:00:05.000000Z" }] },
        { events: [] }
      ])
      const poller = yield* Poller.make(
        {
          everyMillis: 5_000,
          v3Url: "http://keystone.test/v3",
          lookBackMillis: 60_000,
          maxResponseBytes: 1_000_000,
          client: Effect.succeed(http.client),
          // Keystone's clock is an hour behind ours
          keystoneTime: Effect.succeed(Option.some(DateTime.unsafeMake("2026-11-29T11:00:00Z")))
        },
        Revocation.makeIndex(60_000, 100),
        validator,
        outage
      )
      yield* poller.poll
      yield* poller.poll
      expect(http.urls.map(since)).toEqual(["2026-11-29T10:59:00Z", "2026-11-29T11:00:04Z"])
      expect(http.urls[0]).toMatch(/^http:\/\/keystone\.test\/v3\/OS-REVOKE\/events\?since=/)
    }))

  it.effect("counts its polls (ok, failed) and the cached validations that revocation events dropped", () =>
    Effect.gen(function*() {
      yield* TestClock.setTime(DateTime.toEpochMillis(DateTime.unsafeMake("2026-11-29T12:00:00Z")))
      let call = 0
      const client = HttpClient.make((request) =>
        Effect.sync(() => {
          call++
          const body = call === 2
            ? new Response("down", { status: 503 })
            : call === 1
            ? new Response(JSON.stringify({ events: [{ audit_id: "a1", revoked_at: "2026-11-29T11:59:00.000000Z" }] }))
            : call === 3
            ? new Response(JSON.stringify({ events: [{ user_id: "u1", revoked_at: "2026-11-29T11:59:30.000000Z" }, { user_id: "u2" }] }))
            : new Response(JSON.stringify({ events: [] }))
          return HttpClientResponse.fromWeb(request, body)
        })
      )
      let covered = 3
      const dropping: Validator = {
        ...validator,
        dropCovered: Effect.sync(() => covered--),
        dropAll: Effect.succeed(7)
      }
      const poller = yield* Poller.make(
        {
          everyMillis: 5_000,
          v3Url: "http://keystone.test/v3",
          lookBackMillis: 60_000,
          maxResponseBytes: 1_000_000,
          client: Effect.succeed(client),
          keystoneTime: Effect.succeed(Option.none())
        },
        // room for two events: the third poll's second event overflows the index
        Revocation.makeIndex(60_000, 2),
        dropping,
        outage
      )
      // one new event: 3 cached validations dropped; then Keystone down; then an overflow: all 7 dropped; then nothing new
      expect([yield* poller.poll, yield* poller.poll, yield* poller.poll, yield* poller.poll]).toEqual([3, 0, 7, 0])
      const count = (metric: Metric.Metric.Counter<number>, tags: Record<string, string> = {}) =>
        Effect.map(Metric.value(KeystoneMetrics.withTags(metric, tags)), (s) => s.count)
      expect(yield* count(KeystoneMetrics.revocationPolls, { result: "ok" })).toBe(3)
      expect(yield* count(KeystoneMetrics.revocationPolls, { result: "failed" })).toBe(1)
      expect(yield* count(KeystoneMetrics.revocationEvictions)).toBe(10)
    }).pipe(Effect.tagMetrics("test", "poller-metrics")))

  it("the v3 URL from any auth URL", () => {
    expect(Poller.v3Url("https://k.example/v3/")).toBe("https://k.example/v3")
    expect(Poller.v3Url("https://k.example/identity/v2.0")).toBe("https://k.example/identity/v3")
    expect(Poller.v3Url("https://k.example")).toBe("https://k.example/v3")
  })
})
