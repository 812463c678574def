/**
 * `AuthToken.makeFleet` on the in-memory feed, on the TestClock: one process
 * polls for all, a revocation reaches every process within the interval, a
 * stopped or dead poller is replaced, a feed that loses messages makes the
 * others poll, and messages not sealed with the fleet's keys (or replayed)
 * change nothing. The same on a real Redis: AuthToken.fleet.redis.test.ts.
 */
import { describe, expect, it } from "@effect/vitest"
import * as KeystoneMetrics from "@effect-keystone/client/KeystoneMetrics"
import { TokenStore } from "@effect-keystone/cache"
import * as Effect from "effect/Effect"
import * as Queue from "effect/Queue"
import * as Stream from "effect/Stream"
import * as TestClock from "effect/TestClock"
import { capture } from "../../cache/test/utils/logs.js"
import * as RevocationFeed from "../src/RevocationFeed.js"
import { type FleetSetup, makeFleet, type Member } from "./fleet.js"
import { demoAuth, EVENTS, headers, makeEnv, newKey, tag } from "./support.js"

/** Lets the forked fibers (ticks, deliveries) run, and WebCrypto (sealing is real async work) answer. */
const settle = Effect.repeatN(
  Effect.zipRight(Effect.promise(() => new Promise<void>((resolve) => setTimeout(resolve, 0))), Effect.yieldNow()),
  40
)
const interval = Effect.zipRight(TestClock.adjust("5 seconds"), settle)

const pollsOf = (fleet: FleetSetup, members: ReadonlyArray<Member>) => Effect.forEach(members, (m) => fleet.polls(m.name))

/** Polls each member made over one interval. */
const pollsOver = (fleet: FleetSetup, members: ReadonlyArray<Member>) =>
  Effect.gen(function*() {
    const before = yield* pollsOf(fleet, members)
    yield* interval
    return (yield* pollsOf(fleet, members)).map((n, i) => n - before[i]!)
  })

/** Each member's verdict on `token`, from its cache when it has one. */
const verdicts = (members: ReadonlyArray<Member>, token: string) =>
  Effect.forEach(members, (m) =>
    Effect.gen(function*() {
      const cached = m.auth.decideCached(headers({ "X-Auth-Token": token }))
      if (cached !== undefined) return cached._tag === "Forward" ? tag(cached.status) : `${cached.status}`
      return tag(yield* m.auth.authenticate({ userToken: token }))
    }))

/** Three members (a, b, c) on one memory feed; every one has validated `token`. */
const three = (feedOf: (feed: RevocationFeed.RevocationFeedService) => RevocationFeed.RevocationFeedService = (f) => f) =>
  Effect.gen(function*() {
    const env = yield* makeEnv({ revocation: { pollEvery: false } })
    const feed = yield* RevocationFeed.makeMemory
    const fleet = yield* makeFleet(env, feedOf(feed))
    const members = [yield* fleet.start("a"), yield* fleet.start("b"), yield* fleet.start("c")]
    yield* settle
    const token = yield* env.issue()
    for (const m of members) expect(tag(yield* m.auth.authenticate({ userToken: token }))).toBe("Confirmed")
    return { env, feed, fleet, members, token }
  })

/** The member whose polls grew over one interval, the others' counts unchanged. */
const theLeader = (fleet: FleetSetup, members: ReadonlyArray<Member>) =>
  Effect.gen(function*() {
    const before = yield* pollsOf(fleet, members)
    yield* interval
    const after = yield* pollsOf(fleet, members)
    const grew = members.filter((_, i) => after[i]! > before[i]!)
    expect(grew.length).toBe(1)
    return grew[0]!
  })

describe("AuthToken.makeFleet (memory feed, TestClock)", () => {
  it.scoped("three processes: one OS-REVOKE request per interval, always by the same one", () =>
    Effect.gen(function*() {
      const { env, fleet, members } = yield* three()
      const leader = yield* theLeader(fleet, members)
      const events = yield* env.sim.count(EVENTS)
      const polls = yield* pollsOf(fleet, members)
      for (let i = 0; i < 10; i++) yield* interval
      expect((yield* env.sim.count(EVENTS)) - events).toBe(10)
      const after = yield* pollsOf(fleet, members)
      expect(members.map((m, i) => [m.name, after[i]! - polls[i]!])).toEqual(
        members.map((m) => [m.name, m === leader ? 10 : 0])
      )
      // the others heard it every time
      for (const m of members.filter((m) => m !== leader)) {
        expect(yield* fleet.count(m.name, KeystoneMetrics.revocationBroadcasts, { result: "received" })).toBeGreaterThanOrEqual(10)
      }
    }))

  it.scoped("a token revoked at Keystone is refused by every process after the next poll, evicted from each one's cache", () =>
    Effect.gen(function*() {
      const { env, fleet, members, token } = yield* three()
      const other = yield* env.issue()
      for (const m of members) yield* m.auth.authenticate({ userToken: other })
      yield* env.sim.revoke(token)
      expect(yield* verdicts(members, token)).toEqual(["Confirmed", "Confirmed", "Confirmed"])
      yield* interval
      for (const verdict of yield* verdicts(members, token)) expect(verdict).not.toBe("Confirmed")
      for (const m of members) {
        expect(m.auth.decideCached(headers({ "X-Auth-Token": token }))).toBeUndefined()
        expect(yield* fleet.count(m.name, KeystoneMetrics.revocationEvictions)).toBe(1)
      }
      expect(yield* verdicts(members, other)).toEqual(["Confirmed", "Confirmed", "Confirmed"])
    }))

  it.scoped("the poller stops (scope closed): another takes over at its next tick, and revocations still arrive", () =>
    Effect.gen(function*() {
      const { env, fleet, members, token } = yield* three()
      const leader = yield* theLeader(fleet, members)
      yield* leader.stop
      const rest = members.filter((m) => m !== leader)
      const next = yield* theLeader(fleet, rest)
      const events = yield* env.sim.count(EVENTS)
      for (let i = 0; i < 4; i++) yield* interval
      expect((yield* env.sim.count(EVENTS)) - events).toBe(4)
      yield* env.sim.revoke(token)
      yield* interval
      for (const verdict of yield* verdicts(rest, token)) expect(verdict).not.toBe("Confirmed")
      expect(rest).toContain(next)
    }))

  it.scoped("the poller dies (its lease never released): another takes over within 2.5 intervals of its last renewal", () =>
    Effect.gen(function*() {
      const env = yield* makeEnv({ revocation: { pollEvery: false } })
      const feed = yield* RevocationFeed.makeMemory
      const fleet = yield* makeFleet(env, feed)
      // a starts first and leads; it dies without giving its lease up
      const a = yield* fleet.start("a", { ...feed, release: () => Effect.void })
      yield* settle
      const rest = [yield* fleet.start("b"), yield* fleet.start("c")]
      yield* settle
      expect(yield* theLeader(fleet, [a, ...rest])).toBe(a)
      yield* a.stop
      const token = yield* env.issue()
      for (const m of rest) yield* m.auth.authenticate({ userToken: token })
      const events = yield* env.sim.count(EVENTS)
      yield* interval
      yield* interval
      expect(yield* env.sim.count(EVENTS)).toBe(events) // nobody polls while the lease lives
      yield* interval
      expect((yield* env.sim.count(EVENTS)) - events).toBe(1)
      yield* env.sim.revoke(token)
      yield* interval
      for (const verdict of yield* verdicts(rest, token)) expect(verdict).not.toBe("Confirmed")
    }))

  it.scoped("a feed that loses every message: after 3½ silent intervals each process polls itself (logged once)", () =>
    Effect.gen(function*() {
      const logs = capture()
      yield* Effect.gen(function*() {
        const { env, members, token } = yield* three((feed) => ({ ...feed, publish: () => Effect.void }))
        yield* env.sim.revoke(token)
        yield* interval
        yield* interval
        yield* interval
        // only the poller knows
        expect((yield* verdicts(members, token)).filter((v) => v === "Confirmed").length).toBe(2)
        yield* interval
        expect((yield* verdicts(members, token)).filter((v) => v === "Confirmed").length).toBe(0)
        const events = yield* env.sim.count(EVENTS)
        yield* interval
        expect((yield* env.sim.count(EVENTS)) - events).toBe(3)
        expect(logs.lines.filter((l) => l.message.includes("no revocation events from the fleet")).length).toBe(2)
      }).pipe(Effect.provide(logs.layer))
    }))

  it.scoped("planted messages (in clear, another key, another topic, not events) and a replay evict nothing; logged, counted", () =>
    Effect.gen(function*() {
      const logs = capture()
      yield* Effect.gen(function*() {
        const { env, feed, fleet, members, token } = yield* three()
        const leader = yield* theLeader(fleet, members)
        const followers = members.filter((m) => m !== leader)
        // a real message of the poller, captured
        const heard = yield* Queue.unbounded<RevocationFeed.Delivery>()
        yield* Effect.forkScoped(Stream.runForEach(feed.subscribe(fleet.topic), (d) => Queue.offer(heard, d)))
        yield* settle
        yield* interval
        const real = (yield* Queue.takeAll(heard)).pipe((all) => [...all].find((d) => d._tag === "Message"))!
        expect(real).toBeDefined()
        const issued = yield* env.client.issue(demoAuth)
        expect(tag(yield* followers[0]!.auth.authenticate({ userToken: token }))).toBe("Confirmed")
        // the attacker knows the token's audit id (or revokes everything: no audit id at all)
        const events = [{ audit_id: issued.auditIds[0] }, { user_id: issued.user.id }, {}]
        const payload = JSON.stringify({ v: 1, from: "mallory", seq: 1, at: 0, events })
        const otherKey = yield* TokenStore.makeSealer({ keys: [newKey()] })
        const ours = yield* TokenStore.makeSealer({ keys: fleet.keys })
        const planted = [
          payload,
          yield* otherKey.seal(fleet.context, payload),
          yield* ours.seal(`${fleet.context}-elsewhere`, payload),
          yield* ours.seal(fleet.context, JSON.stringify({ v: 1, from: "mallory", seq: 2, at: 0, events: "all" }))
        ]
        const received = yield* Effect.forEach(followers, (m) => fleet.count(m.name, KeystoneMetrics.revocationBroadcasts, { result: "received" }))
        for (const message of planted) yield* feed.publish(fleet.topic, message)
        if (real._tag === "Message") yield* feed.publish(fleet.topic, real.message)
        yield* settle
        for (const [i, m] of followers.entries()) {
          expect(yield* fleet.count(m.name, KeystoneMetrics.revocationBroadcasts, { result: "rejected" })).toBe(4)
          expect(yield* fleet.count(m.name, KeystoneMetrics.revocationBroadcasts, { result: "received" })).toBe(received[i])
          expect(yield* fleet.count(m.name, KeystoneMetrics.revocationEvictions)).toBe(0)
          expect(m.auth.decideCached(headers({ "X-Auth-Token": token }))).toMatchObject({ _tag: "Forward" })
        }
        const warnings = logs.lines.filter((l) => l.level === "WARN" && l.message.includes("ignored a message on the revocation feed"))
        // one warning per process (the poller's included), the rest at debug level
        expect(warnings.length).toBe(3)
        expect(warnings[0]!.message).toContain("(not-encrypted)")
        expect(logs.lines.some((l) => l.message.includes("(authentication-failed)"))).toBe(true)
        expect(logs.lines.some((l) => l.message.includes("(unknown-key)"))).toBe(true)
        expect(logs.lines.some((l) => l.message.includes("(not a revocation message)"))).toBe(true)
        expect(logs.lines.some((l) => l.text.includes(issued.user.id))).toBe(false)
        // the same events sealed with the fleet's keys do evict: the seal is what kept the planted ones out
        yield* feed.publish(fleet.topic, yield* ours.seal(fleet.context, JSON.stringify({ v: 1, from: "insider", seq: 1, at: 0, events })))
        yield* settle
        for (const m of followers) expect(yield* fleet.count(m.name, KeystoneMetrics.revocationEvictions)).toBeGreaterThanOrEqual(1)
        expect(followers[0]!.auth.decideCached(headers({ "X-Auth-Token": token }))).toBeUndefined()
      }).pipe(Effect.provide(logs.layer))
    }))

  it.scoped("the feed unreachable: the poller polls on, the others poll themselves after 3½ intervals; back: one poller again", () =>
    Effect.gen(function*() {
      const logs = capture()
      yield* Effect.gen(function*() {
        let down = false
        const unreachable = (operation: "publish" | "lease") =>
          Effect.fail(new RevocationFeed.RevocationFeedError({ operation, message: `${operation}: connection refused` }))
        const { env, fleet, members } = yield* three((feed) => ({
          ...feed,
          publish: (topic, message) => down ? unreachable("publish") : feed.publish(topic, message),
          lease: (topic, holder, ttl) => down ? unreachable("lease") : feed.lease(topic, holder, ttl)
        }))
        const leader = yield* theLeader(fleet, members)
        down = true
        const perInterval: Array<number> = []
        for (let i = 0; i < 6; i++) {
          const before = yield* env.sim.count(EVENTS)
          yield* interval
          perInterval.push((yield* env.sim.count(EVENTS)) - before)
        }
        expect(perInterval).toEqual([1, 1, 1, 3, 3, 3])
        expect(logs.lines.filter((l) => l.level === "WARN" && l.message.includes("cannot reach the revocation feed")).length).toBe(3)
        down = false
        yield* interval
        yield* interval
        const polls = yield* pollsOver(fleet, members)
        expect(polls.filter((n) => n > 0).length).toBe(1)
        expect(logs.lines.filter((l) => l.message.includes("revocation events from the fleet again")).length).toBe(2)
        expect(members).toContain(leader)
      }).pipe(Effect.provide(logs.layer))
    }))

  it.scoped("pollEvery: false in a fleet: never polls (not even to catch up), applies what the poller publishes", () =>
    Effect.gen(function*() {
      const { env, feed, fleet, members, token } = yield* three()
      const quiet = yield* fleet.start("quiet", feed, false)
      yield* settle
      expect(tag(yield* quiet.auth.authenticate({ userToken: token }))).toBe("Confirmed")
      yield* env.sim.revoke(token)
      for (let i = 0; i < 5; i++) yield* interval
      expect(yield* fleet.polls(quiet.name)).toBe(0)
      expect(quiet.auth.decideCached(headers({ "X-Auth-Token": token }))).toBeUndefined()
      expect(yield* fleet.count(quiet.name, KeystoneMetrics.revocationEvictions)).toBe(1)
      expect(members.length).toBe(3)
    }))
})
