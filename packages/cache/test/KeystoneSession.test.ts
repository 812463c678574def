/**
 * KeystoneSession: single flight, the store, invalidation, changes,
 * revokeOnClose, tokenValidFor, start and layers. Its httpClient and
 * catalog are in KeystoneSession.httpClient.test.ts.
 */
import { describe, expect, it } from "@effect/vitest"
import { Token } from "@effect-keystone/schema"
import { Fault } from "@effect-keystone/testing"
import * as Chunk from "effect/Chunk"
import * as Config from "effect/Config"
import * as ConfigError from "effect/ConfigError"
import * as ConfigProvider from "effect/ConfigProvider"
import * as DateTime from "effect/DateTime"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import * as Fiber from "effect/Fiber"
import * as Layer from "effect/Layer"
import * as Option from "effect/Option"
import * as Scope from "effect/Scope"
import * as Stream from "effect/Stream"
import * as TestClock from "effect/TestClock"
import * as KeystoneSession from "../src/KeystoneSession.js"
import * as TokenStore from "../src/TokenStore.js"
import { capture } from "./utils/logs.js"
import { auth, idOf, ISSUE, makeChecker, makeEnv, makeSession, pastMinimumRefresh } from "./utils/session.js"

describe("KeystoneSession", () => {
  describe("single flight", () => {
    it.scoped("10,000 concurrent fibers on an empty store make exactly one issue request", () =>
      Effect.gen(function*() {
        const env = yield* makeEnv()
        const session = yield* makeSession(env)
        const tokens = yield* Effect.all(Array.from({ length: 10_000 }, () => session.token), {
          concurrency: "unbounded"
        })
        expect(yield* env.sim.count(ISSUE)).toBe(1)
        expect(new Set(tokens.map(idOf)).size).toBe(1)
        // the store got it too
        const stored = yield* env.store.get(session.storeKey)
        expect(Option.map(stored, idOf)).toEqual(Option.some(idOf(tokens[0]!)))
      }))

    it.scoped("10,000 concurrent fibers after invalidate, and 10,000 concurrent refreshes: one issue each", () =>
      Effect.gen(function*() {
        const env = yield* makeEnv()
        const session = yield* makeSession(env)
        const first = yield* session.token
        yield* pastMinimumRefresh
        yield* session.invalidate(first)
        const after = yield* Effect.all(Array.from({ length: 10_000 }, () => session.token), { concurrency: "unbounded" })
        expect(yield* env.sim.count(ISSUE)).toBe(2)
        expect(new Set(after.map(idOf)).size).toBe(1)
        expect(idOf(after[0]!)).not.toBe(idOf(first))
        yield* pastMinimumRefresh
        const refreshed = yield* Effect.all(Array.from({ length: 10_000 }, () => session.refresh), {
          concurrency: "unbounded"
        })
        expect(yield* env.sim.count(ISSUE)).toBe(3)
        expect(new Set(refreshed.map(idOf)).size).toBe(1)
      }))

    it.scoped("token is a memory read: 100,000 reads after the first make no request and touch no store", () =>
      Effect.gen(function*() {
        let storeCalls = 0
        const counting = yield* Effect.map(TokenStore.makeMemory, (m): TokenStore.TokenStoreService => ({
          ...m,
          get: (k) => Effect.suspend(() => (storeCalls++, m.get(k))),
          set: (k, t) => Effect.suspend(() => (storeCalls++, m.set(k, t))),
          remove: (k) => Effect.suspend(() => (storeCalls++, m.remove(k)))
        }))
        const env = yield* makeEnv({ store: Layer.succeed(TokenStore.TokenStore, counting) })
        const session = yield* makeSession(env)
        const first = yield* session.token
        const callsAfterFirst = storeCalls
        const requests = yield* env.sim.count()
        for (let i = 0; i < 100_000; i++) {
          const t = yield* session.token
          if (t !== first) throw new Error("token changed")
        }
        expect(storeCalls).toBe(callsAfterFirst)
        expect(yield* env.sim.count()).toBe(requests)
      }))
  })

  describe("the store", () => {
    it.scoped("a still-valid token in the store at start is used: no issue request", () =>
      Effect.gen(function*() {
        const env = yield* makeEnv()
        // another process (or the previous run of this worker) logged in and stored its token
        const exported = yield* env.client.issue(auth)
        yield* env.store.set(TokenStore.key({ authUrl: env.client.authUrl, auth }), exported)
        yield* env.sim.resetCounts
        yield* TestClock.adjust("10 minutes")
        const session = yield* makeSession(env)
        const t = yield* session.token
        expect(idOf(t)).toBe(idOf(exported))
        expect(yield* env.sim.count(ISSUE)).toBe(0)
        // its life was estimated from expires_at − now (50 min left): renewed about 6 min before that
        yield* TestClock.adjust("40 minutes")
        expect(yield* env.sim.count(ISSUE)).toBe(0)
        yield* TestClock.adjust("5 minutes")
        expect(yield* env.sim.count(ISSUE)).toBe(1)
        expect(idOf(yield* session.token)).not.toBe(idOf(exported))
      }))

    it.scoped("a stored token with less than the margin left is not used", () =>
      Effect.gen(function*() {
        const env = yield* makeEnv()
        const old = yield* env.client.issue(auth)
        yield* env.store.set(TokenStore.key({ authUrl: env.client.authUrl, auth }), old)
        yield* TestClock.adjust("55 minutes") // 5 min left < 6 min margin
        const session = yield* makeSession(env)
        const t = yield* session.token
        expect(idOf(t)).not.toBe(idOf(old))
        expect(yield* env.sim.count(ISSUE)).toBe(2)
      }))

    it.scoped("at renewal the store is re-read first: a token another process just stored is adopted", () =>
      Effect.gen(function*() {
        const env = yield* makeEnv()
        const session = yield* makeSession(env)
        const first = yield* session.token
        yield* TestClock.adjust("30 minutes")
        // another process renews and stores
        const other = yield* env.client.issue(auth)
        yield* env.store.set(session.storeKey, other)
        const issued = yield* env.sim.count(ISSUE)
        yield* TestClock.adjust("25 minutes") // past our renewal point
        expect(yield* env.sim.count(ISSUE)).toBe(issued)
        const t = yield* session.token
        expect(idOf(t)).toBe(idOf(other))
        expect(idOf(t)).not.toBe(idOf(first))
      }))

    it.scoped("store failures are logged and never fatal", () =>
      Effect.gen(function*() {
        const fail = (operation: "get" | "set" | "remove") =>
          Effect.fail(new TokenStore.TokenStoreError({ backend: "redis", operation, message: "connection refused" }))
        const broken: TokenStore.TokenStoreService = {
          backend: "redis",
          get: () => fail("get"),
          set: () => fail("set"),
          remove: () => fail("remove"),
          withLock: (_key, effect) => effect
        }
        const logs = capture()
        const env = yield* makeEnv({ store: Layer.succeed(TokenStore.TokenStore, broken) })
        const session = yield* Effect.provide(makeSession(env), logs.layer)
        const t = yield* session.token
        expect(Token.isExpired(t, yield* DateTime.now)).toBe(false)
        yield* pastMinimumRefresh
        yield* session.invalidate(t)
        const t2 = yield* session.token
        expect(idOf(t2)).not.toBe(idOf(t))
        expect(yield* env.sim.count(ISSUE)).toBe(2)
        const warnings = logs.warnings().map((l) => l.message).join("\n")
        expect(warnings).toContain("token store get failed")
        expect(warnings).toContain("token store set failed")
      }))
  })

  describe("invalidate", () => {
    it.scoped("invalidate(old) after a newer token was obtained keeps the newer one", () =>
      Effect.gen(function*() {
        const env = yield* makeEnv()
        const session = yield* makeSession(env)
        const old = yield* session.token
        yield* pastMinimumRefresh
        const newer = yield* session.refresh
        expect(idOf(newer)).not.toBe(idOf(old))
        yield* session.invalidate(old)
        expect(idOf(yield* session.token)).toBe(idOf(newer))
        expect(yield* env.sim.count(ISSUE)).toBe(2)
        // the store still holds the newer one
        expect(Option.map(yield* env.store.get(session.storeKey), idOf)).toEqual(Option.some(idOf(newer)))
      }))

    it.scoped("invalidate(current) drops it from memory and the store; the next token is a new one", () =>
      Effect.gen(function*() {
        const env = yield* makeEnv()
        const session = yield* makeSession(env)
        const current = yield* session.token
        yield* pastMinimumRefresh
        yield* session.invalidate(current)
        expect(Option.isNone(yield* env.store.get(session.storeKey))).toBe(true)
        const next = yield* session.token
        expect(idOf(next)).not.toBe(idOf(current))
        expect(yield* env.sim.count(ISSUE)).toBe(2)
      }))

    it.scoped("an invalidated token is never adopted again from the store", () =>
      Effect.gen(function*() {
        let removes = 0
        const sticky = yield* Effect.map(TokenStore.makeMemory, (m): TokenStore.TokenStoreService => ({
          ...m,
          // a store whose remove silently does nothing
          remove: () => Effect.sync(() => void removes++)
        }))
        const env = yield* makeEnv({ store: Layer.succeed(TokenStore.TokenStore, sticky) })
        const session = yield* makeSession(env)
        const bad = yield* session.token
        yield* pastMinimumRefresh
        yield* session.invalidate(bad)
        expect(removes).toBe(1)
        const next = yield* session.token
        expect(idOf(next)).not.toBe(idOf(bad))
      }))
  })

  describe("changes", () => {
    it.scoped("emits every renewed token", () =>
      Effect.gen(function*() {
        const env = yield* makeEnv()
        const session = yield* makeSession(env)
        yield* session.token
        const collected = yield* session.changes.pipe(Stream.take(3), Stream.runCollect, Effect.fork)
        yield* TestClock.adjust("1 second") // let the subscriber subscribe
        const a = yield* session.refresh
        yield* pastMinimumRefresh
        const b = yield* session.refresh
        yield* TestClock.adjust("1 hour") // one background renewal
        const c = yield* session.token
        const emitted = Chunk.toReadonlyArray(yield* Fiber.join(collected))
        expect(emitted.map(idOf)).toEqual([a, b, c].map(idOf))
        expect(new Set(emitted.map(idOf)).size).toBe(3)
      }))
  })

  describe("revokeOnClose", () => {
    it.scoped("revokes the issued token when the scope closes (validate answers 404 after)", () =>
      Effect.gen(function*() {
        const env = yield* makeEnv()
        const scope = yield* Scope.make()
        const session = yield* Scope.extend(makeSession(env, { revokeOnClose: true }), scope)
        const t = yield* session.token
        const admin = yield* makeChecker(env)
        expect(yield* admin.check(t)).toBe(true)
        yield* Scope.close(scope, Exit.void)
        expect(yield* admin.check(t)).toBe(false)
        const error = yield* Effect.flip(admin.validate(t))
        expect(error._tag).toBe("NotFound")
        expect(yield* env.sim.count("DELETE /v3/auth/tokens")).toBe(1)
        expect(Option.isNone(yield* env.store.get(session.storeKey))).toBe(true)
      }))

    it.scoped("without it the token stays valid (and stored) after close; the refresher stops", () =>
      Effect.gen(function*() {
        const env = yield* makeEnv()
        const scope = yield* Scope.make()
        const session = yield* Scope.extend(makeSession(env), scope)
        const t = yield* session.token
        yield* Scope.close(scope, Exit.void)
        expect(yield* env.client.check(t)).toBe(true)
        expect(Option.isSome(yield* env.store.get(session.storeKey))).toBe(true)
        yield* TestClock.adjust("5 hours")
        expect(yield* env.sim.count(ISSUE)).toBe(1)
        // a closed session does not hang its callers
        yield* session.invalidate(t)
        expect(Exit.isFailure(yield* Effect.exit(session.token))).toBe(true)
        expect(yield* env.sim.count(ISSUE)).toBe(1)
      }))

    it.scoped("revocation errors are logged and ignored", () =>
      Effect.gen(function*() {
        const env = yield* makeEnv({ client: { retry: false } })
        const logs = capture()
        const scope = yield* Scope.make()
        const session = yield* Scope.extend(makeSession(env, { revokeOnClose: true }), scope).pipe(
          Effect.provide(logs.layer)
        )
        yield* session.token
        yield* env.sim.inject(Fault.status(503, { route: "DELETE /v3/auth/tokens" }))
        yield* Scope.close(scope, Exit.void)
        expect(logs.warnings().some((l) => l.message.includes("revoking the token on close failed"))).toBe(true)
      }))
  })

  describe("tokenValidFor", () => {
    it.scoped("renews only when the current token does not last long enough", () =>
      Effect.gen(function*() {
        const env = yield* makeEnv()
        const session = yield* makeSession(env)
        const first = yield* session.token
        yield* TestClock.adjust("20 minutes")
        expect(idOf(yield* session.tokenValidFor("30 minutes"))).toBe(idOf(first))
        expect(yield* env.sim.count(ISSUE)).toBe(1)
        const longer = yield* session.tokenValidFor("45 minutes")
        expect(idOf(longer)).not.toBe(idOf(first))
        expect(yield* env.sim.count(ISSUE)).toBe(2)
        // more than any token lives: a fresh one, and no loop
        const most = yield* session.tokenValidFor("3 hours")
        expect(idOf(most)).toBe(idOf(longer))
        expect(yield* env.sim.count(ISSUE)).toBe(2)
      }))
  })

  describe("start", () => {
    it.scoped("Keystone down at start: the session still builds, token fails with the typed error, then recovers", () =>
      Effect.gen(function*() {
        const env = yield* makeEnv()
        yield* env.sim.setDown
        const session = yield* makeSession(env)
        // the first caller waits for the first attempt (the client retries on the clock)
        const waiting = yield* Effect.fork(Effect.flip(session.token))
        yield* TestClock.adjust("1 minute")
        expect((yield* Fiber.join(waiting))._tag).toBe("TransportError")
        // later callers fail at once with the last attempt's error
        expect((yield* Effect.flip(session.token))._tag).toBe("TransportError")
        yield* env.sim.setUp
        yield* TestClock.adjust("2 minutes")
        const t = yield* session.token
        expect(Token.isExpired(t, yield* DateTime.now)).toBe(false)
      }))
  })

  describe("layer", () => {
    it.scoped("KeystoneSession.layer provides the service", () =>
      Effect.gen(function*() {
        const env = yield* makeEnv()
        const t = yield* Effect.flatMap(KeystoneSession.KeystoneSession, (s) => s.token).pipe(
          Effect.provide(KeystoneSession.layer({ auth, refreshMargin: "5 minutes" })),
          Effect.provide(env.context)
        )
        expect(t.user.name).toBe("demo")
      }))

    it.scoped("KeystoneSession.layerConfig reads its options from Config", () =>
      Effect.gen(function*() {
        const env = yield* makeEnv()
        const provider = ConfigProvider.fromMap(new Map([["KEYSTONE_REFRESH_MARGIN", "20 minutes"]]))
        const layer = KeystoneSession.layerConfig({
          auth: Config.succeed(auth),
          refreshMargin: Config.duration("KEYSTONE_REFRESH_MARGIN")
        })
        const issued = yield* Effect.gen(function*() {
          const session = yield* KeystoneSession.KeystoneSession
          yield* session.token
          yield* TestClock.adjust("41 minutes") // margin 20 min: renewed by 40 min (the default would wait until 52)
          return yield* env.sim.count(ISSUE)
        }).pipe(Effect.provide(layer), Effect.provide(env.context), Effect.withConfigProvider(provider))
        expect(issued).toBe(2)
        const missing = yield* Effect.flip(
          Effect.provide(KeystoneSession.KeystoneSession, KeystoneSession.layerConfig({
            auth: Config.succeed(auth),
            refreshMargin: Config.duration("NOT_SET")
          })).pipe(Effect.provide(env.context), Effect.withConfigProvider(provider))
        )
        expect(ConfigError.isConfigError(missing)).toBe(true)
        expect(String(missing)).toContain("NOT_SET")
      }))
  })
})
