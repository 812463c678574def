/**
 * `AuthToken.makeFleet` on a real Redis (`RedisRevocationFeed`, each process
 * with its own connections, a prefix per test), real time, a 400 ms poll
 * interval: one process polls, a revocation reaches all within the interval,
 * a stopped poller is replaced, and one that dies without giving its lease
 * back too, once the lease runs out; a message planted with `PUBLISH`
 * changes nothing.
 */
import { describe, expect, it } from "@effect/vitest"
import * as RedisTokenStore from "@effect-keystone/cache/RedisTokenStore"
import * as KeystoneMetrics from "@effect-keystone/client/KeystoneMetrics"
import * as Effect from "effect/Effect"
import { capture } from "../../cache/test/utils/logs.js"
import { inspectRedis, uniquePrefix, useRedisUrl } from "../../cache/test/utils/redis.js"
import * as RedisRevocationFeed from "../src/RedisRevocationFeed.js"
import { type FleetSetup, makeFleet, type Member } from "./fleet.js"
import { demoAuth, EVENTS, headers, makeEnv, tag } from "./support.js"

const url = useRedisUrl()
const every = 400

/**
 * Three processes (a, b, c) sharing a Redis under a fresh prefix; each has validated `token`. `dying`:
 * their feeds never give a lease back, as a process that dies does not.
 */
const threeOf = (dying: boolean) => Effect.gen(function*() {
  const prefix = uniquePrefix("fleet")
  const env = yield* makeEnv({ revocation: { pollEvery: false } })
  const connection = { url: url() }
  const fleet = yield* makeFleet(env, yield* RedisRevocationFeed.make(connection, { prefix }), {
    pollEvery: `${every} millis`,
    store: yield* RedisTokenStore.make(connection, { prefix })
  })
  const member = (name: string) =>
    Effect.flatMap(
      RedisRevocationFeed.make(connection, { prefix }),
      (feed) => fleet.start(name, dying ? { ...feed, release: () => Effect.void } : feed)
    )
  const members = [yield* member("a"), yield* member("b"), yield* member("c")]
  const token = yield* env.issue()
  for (const m of members) expect(tag(yield* m.auth.authenticate({ userToken: token }))).toBe("Confirmed")
  yield* Effect.sleep(`${2 * every} millis`)
  return { prefix, env, fleet, members, token }
})

const three = threeOf(false)

const pollsOf = (fleet: FleetSetup, members: ReadonlyArray<Member>) => Effect.forEach(members, (m) => fleet.polls(m.name))

/** Polls each member made over `millis`. */
const pollsOver = (fleet: FleetSetup, members: ReadonlyArray<Member>, millis: number) =>
  Effect.gen(function*() {
    const before = yield* pollsOf(fleet, members)
    yield* Effect.sleep(`${millis} millis`)
    return (yield* pollsOf(fleet, members)).map((n, i) => n - before[i]!)
  })

/** Milliseconds until no member confirms `token` (5 s at most). */
const refusedAfter = (members: ReadonlyArray<Member>, token: string) =>
  Effect.gen(function*() {
    const started = Date.now()
    while (Date.now() - started < 5_000) {
      const confirmed = members.filter((m) => {
        const cached = m.auth.decideCached(headers({ "X-Auth-Token": token }))
        return cached !== undefined && cached._tag === "Forward" && cached.status._tag === "Confirmed"
      })
      if (confirmed.length === 0) break
      yield* Effect.sleep("20 millis")
    }
    for (const m of members) expect(tag(yield* m.auth.authenticate({ userToken: token }))).not.toBe("Confirmed")
    return Date.now() - started
  })

/**
 * Stops the process that polls; then: whether the lease was still its right after, the milliseconds until
 * another held it (5 s at most), and checks that the rest go on as a fleet (one of them polls, a revocation
 * reaches them all within the interval).
 */
const pollerGoes = ({ env, fleet, members, prefix }: Effect.Effect.Success<typeof three>) =>
  Effect.gen(function*() {
    const redis = yield* inspectRedis(url())
    const lease = `${prefix}revocations-lease:${fleet.topic}`
    const first = yield* pollsOver(fleet, members, 2 * every)
    const leader = members.find((_, i) => first[i]! > 0)!
    const holder = yield* Effect.promise(() => redis.get(lease))
    yield* leader.stop
    const stopped = Date.now()
    const heldAfterStop = (yield* Effect.promise(() => redis.get(lease))) === holder
    let took = 0
    while (Date.now() - stopped < 5_000) {
      const now = yield* Effect.promise(() => redis.get(lease))
      if (now !== null && now !== holder) {
        took = Date.now() - stopped
        break
      }
      yield* Effect.sleep("20 millis")
    }
    expect(took).toBeGreaterThan(0)
    const rest = members.filter((m) => m !== leader)
    const polls = yield* pollsOver(fleet, rest, 4 * every)
    expect(polls.filter((n) => n > 0).length).toBe(1)
    const token = yield* env.issue()
    for (const m of rest) yield* m.auth.authenticate({ userToken: token })
    yield* env.sim.revoke(token)
    expect(yield* refusedAfter(rest, token)).toBeLessThan(every + 400)
    return { heldAfterStop, took }
  })

describe("AuthToken.makeFleet on Redis", () => {
  it.scopedLive("three processes: one polls OS-REVOKE each interval, the others none; the lease in Redis stays with it", () =>
    Effect.gen(function*() {
      const { env, fleet, members, prefix } = yield* three
      const redis = yield* inspectRedis(url())
      const holder = yield* Effect.promise(() => redis.get(`${prefix}revocations-lease:${fleet.topic}`))
      const events = yield* env.sim.count(EVENTS)
      const polls = yield* pollsOver(fleet, members, 8 * every)
      const requests = (yield* env.sim.count(EVENTS)) - events
      expect(polls.filter((n) => n > 0).length).toBe(1)
      expect(requests).toBe(Math.max(...polls))
      expect(requests).toBeGreaterThanOrEqual(6)
      expect(requests).toBeLessThanOrEqual(10)
      expect(yield* Effect.promise(() => redis.get(`${prefix}revocations-lease:${fleet.topic}`))).toBe(holder)
      console.log(`fleet on Redis: ${requests} OS-REVOKE requests in 8 intervals of ${every} ms with 3 processes (per process: ${polls.join(", ")})`)
    }), 10_000)

  it.scopedLive("a token revoked at Keystone is refused by every process within the interval", () =>
    Effect.gen(function*() {
      const { env, members, token } = yield* three
      yield* env.sim.revoke(token)
      const elapsed = yield* refusedAfter(members, token)
      expect(elapsed).toBeLessThan(every + 400)
      console.log(`fleet on Redis: revoked token refused by all 3 processes after ${elapsed} ms (interval ${every} ms)`)
    }), 10_000)

  it.scopedLive("the poller stops: another takes the lease and polls, and revocations still reach the rest", () =>
    Effect.gen(function*() {
      const { took } = yield* pollerGoes(yield* three)
      expect(took).toBeLessThan(every + 400)
      console.log(`fleet on Redis: the poller stopped, another took the lease after ${took} ms`)
    }), 10_000)

  it.scopedLive("the poller dies (its lease not given back): another takes it once it runs out, within 3.5 intervals", () =>
    Effect.gen(function*() {
      const { heldAfterStop, took } = yield* pollerGoes(yield* threeOf(true))
      // still the dead process's until its time runs out
      expect(heldAfterStop).toBe(true)
      expect(took).toBeGreaterThan(every)
      expect(took).toBeLessThan(3.5 * every + 400)
      console.log(`fleet on Redis: the poller died, another took the lease after ${took} ms (lease 2.5 × ${every} ms)`)
    }), 15_000)

  it.scopedLive("messages planted with PUBLISH (in clear, sealed with another key) evict nothing; logged, counted", () =>
    Effect.gen(function*() {
      const logs = capture()
      yield* Effect.gen(function*() {
        const { env, fleet, members, prefix, token } = yield* three
        const redis = yield* inspectRedis(url())
        const issued = yield* env.client.issue(demoAuth)
        const payload = JSON.stringify({ v: 1, from: "mallory", seq: 1, at: Date.now(), events: [{ user_id: issued.user.id }, {}] })
        const channel = `${prefix}revocations:${fleet.topic}`
        const sealedElsewhere = `ek1.0011aabb.${"A".repeat(16)}.${Buffer.from(payload).toString("base64url")}`
        expect(yield* Effect.promise(() => redis.publish(channel, payload))).toBe(3)
        expect(yield* Effect.promise(() => redis.publish(channel, sealedElsewhere))).toBe(3)
        yield* Effect.sleep("200 millis")
        for (const m of members) {
          expect(yield* fleet.count(m.name, KeystoneMetrics.revocationBroadcasts, { result: "rejected" })).toBe(2)
          expect(yield* fleet.count(m.name, KeystoneMetrics.revocationEvictions)).toBe(0)
          expect(m.auth.decideCached(headers({ "X-Auth-Token": token }))).toMatchObject({ _tag: "Forward" })
        }
        const warnings = logs.lines.filter((l) => l.level === "WARN" && l.message.includes("ignored a message on the revocation feed"))
        expect(warnings.length).toBe(3)
      }).pipe(Effect.provide(logs.layer))
    }), 10_000)
})
