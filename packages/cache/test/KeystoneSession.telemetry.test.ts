/**
 * What a session and the stores record in `KeystoneMetrics`, read back with
 * `Metric.value` and `Metric.snapshot`; and what a session's traced requests
 * say about its tokens (nothing). Metrics live in Effect's global
 * registry, shared by every test of a worker: each test runs under its own
 * metric tag (`Effect.tagMetrics("test", …)`), so its series start at zero.
 * (A series read inside the tagged fiber is the metric's own tags, sorted,
 * then `test`: the order Effect keys them by.)
 */
import { describe, expect, it } from "@effect/vitest"
import { KeystoneMetrics } from "@effect-keystone/client"
import { Fault, KeystoneSim } from "@effect-keystone/testing"
import * as HttpClient from "@effect/platform/HttpClient"
import * as HttpClientResponse from "@effect/platform/HttpClientResponse"
import * as Context from "effect/Context"
import * as DateTime from "effect/DateTime"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import * as Fiber from "effect/Fiber"
import * as Metric from "effect/Metric"
import * as Option from "effect/Option"
import * as Redacted from "effect/Redacted"
import * as TestClock from "effect/TestClock"
import * as Tracer from "effect/Tracer"
import * as RedisTokenStore from "../src/RedisTokenStore.js"
import * as TokenStore from "../src/TokenStore.js"
import type { Token } from "@effect-keystone/schema"
import { COMPUTE, ISSUE, makeEnv, makeSession } from "./utils/session.js"
import { freshKey, makeToken } from "./utils/tokens.js"

const count = (metric: Metric.Metric.Counter<number>, tags: Record<string, string> = {}) =>
  Effect.map(Metric.value(KeystoneMetrics.withTags(metric, tags)), (s) => s.count)

const histogram = (metric: Metric.Metric.Histogram<number>, tags: Record<string, string> = {}) =>
  Metric.value(KeystoneMetrics.withTags(metric, tags))

const gauge = Effect.map(Metric.value(KeystoneMetrics.tokenExpiry), (s) => s.value)

/** The session's counters at once, for one `toEqual`. */
const sessionCounts = Effect.all({
  issued: count(KeystoneMetrics.tokensIssued),
  fromStore: count(KeystoneMetrics.tokensFromStore),
  renewed: count(KeystoneMetrics.tokensRenewed),
  unauthorized: count(KeystoneMetrics.tokensInvalidated, { reason: "unauthorized" }),
  requested: count(KeystoneMetrics.tokensInvalidated, { reason: "requested" }),
  failures: count(KeystoneMetrics.renewalFailures, { error: "ServiceUnavailable" })
})

const memoryOps = Effect.all({
  get: count(KeystoneMetrics.storeOperations, { backend: "memory", operation: "get" }),
  set: count(KeystoneMetrics.storeOperations, { backend: "memory", operation: "set" }),
  remove: count(KeystoneMetrics.storeOperations, { backend: "memory", operation: "remove" }),
  locks: Effect.map(histogram(KeystoneMetrics.lockWait, { backend: "memory" }), (h) => h.count)
})

const expiryOf = (t: { readonly expiresAt: Option.Option<DateTime.Utc> }) =>
  Option.match(t.expiresAt, { onNone: () => NaN, onSome: (e) => DateTime.toEpochMillis(e) / 1000 })

/** The gauge holds the session's deadline for `t`: its `expires_at` (no skew here), up to a second early (whole-second timestamps). */
const expectExpiryOf = (t: { readonly expiresAt: Option.Option<DateTime.Utc> }) =>
  Effect.map(gauge, (value) => {
    expect(value).toBeGreaterThanOrEqual(expiryOf(t) - 1)
    expect(value).toBeLessThanOrEqual(expiryOf(t))
  })

describe("KeystoneSession metrics", () => {
  it.scoped("issue, renewal, a 401 that invalidates, an outage: every count, the expiry, the renewal times", () =>
    Effect.gen(function*() {
      const env = yield* makeEnv()
      const session = yield* makeSession(env)
      const http = yield* session.httpClient
      const url = yield* session.endpoint({ type: "compute", interface: "public", region: "RegionOne" })

      // 1. the first token: one login, under the store's lock, read then written
      const first = yield* session.token
      expect(yield* sessionCounts).toEqual({ issued: 1, fromStore: 0, renewed: 0, unauthorized: 0, requested: 0, failures: 0 })
      yield* expectExpiryOf(first)
      expect(yield* memoryOps).toEqual({ get: 1, set: 1, remove: 0, locks: 1 })

      // 2. an hour on: the refresher renewed it once, before it expired
      yield* TestClock.adjust("1 hour")
      const second = yield* session.token
      expect(Redacted.value(second.id)).not.toBe(Redacted.value(first.id))
      expect(yield* sessionCounts).toEqual({ issued: 2, fromStore: 0, renewed: 1, unauthorized: 0, requested: 0, failures: 0 })
      yield* expectExpiryOf(second)
      expect(expiryOf(second)).toBeGreaterThan(expiryOf(first))

      // 3. Keystone revoked it; a service answers 401: dropped (and out of the store), one new login, not a renewal
      yield* env.sim.revoke(Redacted.value(second.id))
      const response = yield* http.get(`${url}/servers`)
      expect(response.status).toBe(200)
      expect(yield* env.sim.count(COMPUTE)).toBe(2)
      const third = yield* session.token
      expect(yield* sessionCounts).toEqual({ issued: 3, fromStore: 0, renewed: 1, unauthorized: 1, requested: 0, failures: 0 })
      yield* expectExpiryOf(third)
      // removeIf: a lock, a read, the removal; then the new token's lock, read and write
      expect(yield* memoryOps).toEqual({ get: 4, set: 3, remove: 1, locks: 4 })

      // 4. an outage: the client's five attempts all answered 503, the forced renewal fails
      yield* env.sim.inject(Fault.status(503, { route: ISSUE, count: 5 }))
      const refreshing = yield* Effect.fork(session.refresh)
      // step the clock until it fails (the client's pauses: 200 ms doubling, ±20%), before the session's own retry
      let refreshed = yield* Fiber.poll(refreshing)
      while (Option.isNone(refreshed)) {
        yield* TestClock.adjust("100 millis")
        refreshed = yield* Fiber.poll(refreshing)
      }
      expect(Exit.isFailure(refreshed.value)).toBe(true)
      expect(yield* env.sim.count(ISSUE)).toBe(3 + 5)
      expect(yield* sessionCounts).toEqual({ issued: 3, fromStore: 0, renewed: 1, unauthorized: 1, requested: 0, failures: 1 })
      // the session still serves the token it holds: the expiry is unchanged
      yield* expectExpiryOf(third)
      expect(yield* session.token).toBe(third)

      // four renewals timed: three at once on the TestClock, the failed one through its pauses
      const renewals = yield* histogram(KeystoneMetrics.renewalDuration)
      expect(renewals.count).toBe(4)
      expect(renewals.min).toBe(0)
      // the failed one: 1 s of login pacing (the last login was step 3's), then 200 + 400 + 800 + 1600 ms, each ±20%
      expect(renewals.max).toBeGreaterThanOrEqual(3.4)
      expect(renewals.max).toBeLessThanOrEqual(4.6)
      expect(renewals.sum).toBe(renewals.max)

      // 5. the next attempt (after the renewal backoff) succeeds: a renewal, since a valid token was held
      yield* TestClock.adjust("2 minutes")
      const fourth = yield* session.token
      expect(Redacted.value(fourth.id)).not.toBe(Redacted.value(third.id))
      expect(yield* sessionCounts).toEqual({ issued: 4, fromStore: 0, renewed: 2, unauthorized: 1, requested: 0, failures: 1 })
      yield* expectExpiryOf(fourth)

      // 6. the application drops it
      yield* session.invalidate(fourth)
      expect(yield* count(KeystoneMetrics.tokensInvalidated, { reason: "requested" })).toBe(1)
      expect(yield* gauge).toBe(0)

      // no tag anywhere holds a token id, the user name or the password
      const secrets = [first, second, third, fourth].map((t) => Redacted.value(t.id))
        .concat(KeystoneSim.Demo.username, KeystoneSim.Demo.password)
      const tags = (yield* Metric.snapshot).flatMap((pair) => pair.metricKey.tags.map((l) => `${l.key}=${l.value}`))
      expect(tags.length).toBeGreaterThan(0)
      for (const secret of secrets) expect(tags.filter((tag) => tag.includes(secret))).toEqual([])
    }).pipe(Effect.tagMetrics("test", "session-script")))

  it.scoped("a token another process stored is adopted: counted as taken from the store, not issued", () =>
    Effect.gen(function*() {
      const env = yield* makeEnv()
      const first = yield* makeSession(env)
      yield* first.token
      const second = yield* makeSession(env)
      yield* second.token
      expect(yield* count(KeystoneMetrics.tokensIssued)).toBe(1)
      expect(yield* count(KeystoneMetrics.tokensFromStore)).toBe(1)
      expect(yield* env.sim.count(ISSUE)).toBe(1)
    }).pipe(Effect.tagMetrics("test", "session-from-store")))

  it.scoped("a session's metrics carry the tags of the fiber that made it, whoever triggers the renewal", () =>
    Effect.gen(function*() {
      const env = yield* makeEnv()
      const session = yield* makeSession(env).pipe(Effect.tagMetrics("session", "billing"))
      const inBilling = <A, E, R>(effect: Effect.Effect<A, E, R>) => Effect.tagMetrics(effect, "session", "billing")
      yield* session.token // first token, asked for outside the tag
      yield* TestClock.adjust("1 second")
      yield* session.refresh // and a forced renewal
      expect(yield* inBilling(count(KeystoneMetrics.tokensIssued))).toBe(2)
      expect(yield* inBilling(count(KeystoneMetrics.tokensRenewed))).toBe(1)
      // the renewals' store operations too
      expect(yield* inBilling(count(KeystoneMetrics.storeOperations, { backend: "memory", operation: "set" }))).toBe(2)
      expect(yield* count(KeystoneMetrics.tokensIssued)).toBe(0) // nothing under the test's tag alone
    }).pipe(Effect.tagMetrics("test", "session-label")))
})

describe("TokenStore metrics", () => {
  it.scoped("the encrypted wrapper counts its get and set as `encrypted`; remove and the lock are the backend's", () =>
    Effect.gen(function*() {
      const memory = yield* TokenStore.makeMemory
      const store = yield* TokenStore.makeEncrypted(memory, {
        keys: [Redacted.make(Buffer.from(crypto.getRandomValues(new Uint8Array(32))).toString("base64"))]
      })
      const key = freshKey()
      yield* store.withLock(key, store.set(key, makeToken()))
      expect(Option.isSome(yield* store.get(key))).toBe(true)
      yield* store.remove(key)
      const ops = (backend: string) =>
        Effect.all(
          ["get", "set", "remove"].map((operation) => count(KeystoneMetrics.storeOperations, { backend, operation }))
        )
      expect(yield* ops("encrypted")).toEqual([1, 1, 0])
      expect(yield* ops("memory")).toEqual([0, 0, 1])
      expect((yield* histogram(KeystoneMetrics.lockWait, { backend: "memory" })).count).toBe(1)
      expect((yield* histogram(KeystoneMetrics.lockWait, { backend: "encrypted" })).count).toBe(0)
    }).pipe(Effect.tagMetrics("test", "store-encrypted")))

  it.scoped("a store written by hand, wrapped in withMetrics: counted under its own backend name, failures too", () =>
    Effect.gen(function*() {
      const entries = new Map<string, Token.Token>()
      const down = { now: false }
      const fail = (operation: "get" | "set" | "remove") =>
        Effect.fail(new TokenStore.TokenStoreError({ backend: "vault", operation, message: `${operation}: sealed` }))
      const mine: TokenStore.TokenStoreService = {
        backend: "vault",
        get: (key) => down.now ? fail("get") : Effect.sync(() => Option.fromNullable(entries.get(key))),
        set: (key, token) => down.now ? fail("set") : Effect.sync(() => void entries.set(key, token)),
        remove: (key) => Effect.sync(() => void entries.delete(key)),
        withLock: (_key, effect) => effect
      }
      const store = TokenStore.withMetrics(mine)
      const key = freshKey()
      yield* store.withLock(key, store.set(key, makeToken()))
      expect(Option.isSome(yield* store.get(key))).toBe(true)
      yield* store.remove(key)
      down.now = true
      const failed = yield* Effect.flip(store.get(key))
      expect(failed.backend).toBe("vault")
      const ops = Effect.all(["get", "set", "remove"].map((operation) => count(KeystoneMetrics.storeOperations, { backend: "vault", operation })))
      expect(yield* ops).toEqual([2, 1, 1])
      expect(yield* count(KeystoneMetrics.storeFailures, { backend: "vault", operation: "get" })).toBe(1)
      expect((yield* histogram(KeystoneMetrics.lockWait, { backend: "vault" })).count).toBe(1)
    }).pipe(Effect.tagMetrics("test", "store-by-hand")))

  it.scoped("a Redis store that cannot be reached: failed operations and a lock that could not be had", () =>
    Effect.gen(function*() {
      // nothing listens on port 1 of loopback: every command fails at once
      const store = yield* RedisTokenStore.make({ url: "redis://127.0.0.1:1", options: { retryStrategy: () => null } })
      const key = freshKey()
      const ran = yield* store.withLock(key, Effect.succeed("ran without the lock"))
      expect(ran).toBe("ran without the lock")
      expect((yield* Effect.either(store.get(key)))._tag).toBe("Left")
      expect((yield* Effect.either(store.set(key, makeToken())))._tag).toBe("Left")
      const failures = Effect.all(
        ["get", "set", "remove", "lock"].map((operation) =>
          count(KeystoneMetrics.storeFailures, { backend: "redis", operation })
        )
      )
      expect(yield* failures).toEqual([1, 1, 0, 1])
      expect(yield* count(KeystoneMetrics.storeOperations, { backend: "redis", operation: "get" })).toBe(1)
      expect((yield* histogram(KeystoneMetrics.lockWait, { backend: "redis" })).count).toBe(1)
    }).pipe(Effect.tagMetrics("test", "store-redis-down")))
})

/** The current tracer, recording every span it starts. */
const recordingTracer = Effect.map(Effect.tracer, (base) => {
  const spans: Array<Tracer.Span> = []
  const tracer = Tracer.make({
    span: (...args) => {
      const span = base.span(...args)
      spans.push(span)
      return span
    },
    context: base.context
  })
  return { spans, tracer }
})

/** A session whose `httpClient` sends through a transport that records each request's headers and the span current there. */
const recordedTransport = Effect.gen(function*() {
  const env = yield* makeEnv()
  const sent: Array<{ readonly headers: Readonly<Record<string, string>>; readonly span: string | undefined }> = []
  const transport = HttpClient.make((request) =>
    Effect.map(Effect.option(Effect.currentSpan), (span) => {
      sent.push({ headers: request.headers, span: Option.getOrUndefined(Option.map(span, (s) => s.name)) })
      return HttpClientResponse.fromWeb(request, new Response("ok"))
    })
  )
  const session = yield* makeSession({ ...env, context: Context.add(env.context, HttpClient.HttpClient, transport) })
  const url = `${yield* session.endpoint({ type: "compute", interface: "public", region: "RegionOne" })}/servers`
  return { http: yield* session.httpClient, url, sent }
})

describe("KeystoneSession tracing", () => {
  it.scoped("nothing recording and no span around a request: no platform span, no trace context sent", () =>
    Effect.gen(function*() {
      const { http, sent, url } = yield* recordedTransport
      expect((yield* http.get(url)).status).toBe(200)
      expect(sent).toHaveLength(1)
      expect(sent[0]!.span).toBeUndefined()
      expect(sent[0]!.headers.traceparent).toBeUndefined()
      expect(sent[0]!.headers.b3).toBeUndefined()
    }))

  it.scoped("nothing recording but a span around a request: the platform's span under it, its trace sent", () =>
    Effect.gen(function*() {
      const { http, sent, url } = yield* recordedTransport
      const app = yield* Effect.useSpan("app", (span) => Effect.as(Effect.withParentSpan(http.get(url), span), span))
      expect(sent).toHaveLength(1)
      expect(sent[0]!.span).toBe("http.client GET")
      expect(sent[0]!.headers.traceparent).toMatch(new RegExp(`^00-${app.traceId}-[0-9a-f]{16}-01$`))
    }))


  it.scoped("a traced request through session.httpClient: the token headers are redacted in its span", () =>
    Effect.gen(function*() {
      const env = yield* makeEnv()
      const session = yield* makeSession(env)
      const http = yield* session.httpClient
      const url = yield* session.endpoint({ type: "compute", interface: "public", region: "RegionOne" })
      const token = yield* session.token
      const { spans, tracer } = yield* recordingTracer
      const response = yield* http.get(`${url}/servers`).pipe(Effect.withTracer(tracer))
      expect(response.status).toBe(200)
      const sent = spans.filter((s) => s.attributes.get("url.full") === `${url}/servers`)
      expect(sent).toHaveLength(1)
      expect(sent[0]!.attributes.get("http.request.header.x-auth-token")).toBe("<redacted>")
      const id = Redacted.value(token.id)
      for (const span of spans) {
        expect([...span.attributes.values()].filter((v) => String(v).includes(id))).toEqual([])
      }
    }))

  it.scoped("a renewal is one root span, KeystoneSession.renew, around the client's KeystoneClient.issue", () =>
    Effect.gen(function*() {
      const env = yield* makeEnv()
      const { spans, tracer } = yield* recordingTracer
      const session = yield* makeSession(env).pipe(Effect.withTracer(tracer))
      yield* session.token.pipe(Effect.withSpan("caller"), Effect.withTracer(tracer))
      const renew = spans.filter((s) => s.name === "KeystoneSession.renew")
      expect(renew).toHaveLength(1)
      expect(Option.isNone(renew[0]!.parent)).toBe(true) // not a child of whoever asked first
      expect(renew[0]!.attributes.get("keystone.store")).toBe("memory")
      const issue = spans.filter((s) => s.name === "KeystoneClient.issue")
      expect(issue.map((s) => Option.map(s.parent, (p) => p.spanId))).toEqual([Option.some(renew[0]!.spanId)])
    }))
})
