/**
 * The behaviour every `TokenStore` backend shares. Each backend's test file
 * calls `conformance(name, layer)`; the layer is built afresh for every test
 * (one store per test; `shared` backends also get tests with two instances).
 */
import { describe, expect, it } from "@effect/vitest"
import { Token } from "@effect-keystone/schema"
import * as DateTime from "effect/DateTime"
import * as Deferred from "effect/Deferred"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import * as Fiber from "effect/Fiber"
import type * as Layer from "effect/Layer"
import * as Option from "effect/Option"
import * as Ref from "effect/Ref"
import * as TestClock from "effect/TestClock"
import { TokenStore } from "../src/index.js"
import { expiringIn, freshKey, makeToken } from "./utils/tokens.js"

/**
 * @param shared the backend is shared between store instances (file, Redis):
 *   two instances built from `layer` see each other's entries and locks.
 */
export interface ConformanceOptions {
  readonly shared?: boolean
}

const store = TokenStore.TokenStore

const expectSameToken = (actual: Option.Option<Token.Token>, expected: Token.Token) => {
  expect(Option.isSome(actual)).toBe(true)
  if (Option.isSome(actual)) expect(Token.equivalence(actual.value, expected)).toBe(true)
}

/** `withLock(key, f)` that must start within `within` (it should not wait for anything stale). */
const promptly = <A, E, R>(effect: Effect.Effect<A, E, R>, within = Duration.seconds(5)) =>
  Effect.timeoutFail(effect, { duration: within, onTimeout: () => new Error(`did not finish within ${Duration.format(within)}`) })

/**
 * Registers the shared tests for one backend.
 *
 * @since 0.1.0
 */
export const conformance = <E>(
  name: string,
  layer: Layer.Layer<TokenStore.TokenStore, E>,
  options: ConformanceOptions = {}
): void => {
  describe(`TokenStore conformance: ${name}`, () => {
    const run = <A, E2>(effect: Effect.Effect<A, E2, TokenStore.TokenStore>) => Effect.provide(effect, layer)

    it.live("get on an empty key is None", () =>
      run(Effect.gen(function*() {
        const s = yield* store
        expect(yield* s.get(freshKey())).toEqual(Option.none())
      })))

    it.live("set then get round-trips the token", () =>
      run(Effect.gen(function*() {
        const s = yield* store
        const key = freshKey()
        const token = makeToken({ services: 5 })
        yield* s.set(key, token)
        expectSameToken(yield* s.get(key), token)
      })))

    it.live("round-trips a v2.0 unscoped token without optional fields", () =>
      run(Effect.gen(function*() {
        const s = yield* store
        const key = freshKey()
        const base = makeToken({ version: "v2.0", issuedAt: null, services: 0 })
        const { applicationCredential: _, ...rest } = base
        const token = new Token.Token({ ...rest, scope: { _tag: "Unscoped" }, roles: [], methods: [] })
        yield* s.set(key, token)
        const got = yield* s.get(key)
        expectSameToken(got, token)
        expect(Option.getOrThrow(got).applicationCredential).toBeUndefined()
      })))

    it.live("remove makes it a miss; removing an absent key is fine", () =>
      run(Effect.gen(function*() {
        const s = yield* store
        const key = freshKey()
        yield* s.set(key, makeToken())
        yield* s.remove(key)
        expect(yield* s.get(key)).toEqual(Option.none())
        yield* s.remove(key)
        yield* s.remove(freshKey())
      })))

    it.live("an already expired token is a miss", () =>
      run(Effect.gen(function*() {
        const s = yield* store
        const key = freshKey()
        const now = yield* DateTime.now
        yield* s.set(key, expiringIn(DateTime.subtract(now, { hours: 1 }), 30 * 60_000))
        expect(yield* s.get(key)).toEqual(Option.none())
      })))

    it.effect("a token becomes a miss once it expires (TestClock)", () =>
      run(Effect.gen(function*() {
        const s = yield* store
        const key = freshKey()
        const now = yield* DateTime.now
        const token = expiringIn(now, 60_000)
        yield* s.set(key, token)
        expectSameToken(yield* s.get(key), token)
        yield* TestClock.adjust(Duration.seconds(59))
        expectSameToken(yield* s.get(key), token)
        yield* TestClock.adjust(Duration.seconds(1))
        expect(yield* s.get(key)).toEqual(Option.none())
      })))

    it.effect("a never-expiring token is kept (TestClock, a century later)", () =>
      run(Effect.gen(function*() {
        const s = yield* store
        const key = freshKey()
        const token = makeToken({ expiresAt: null })
        yield* s.set(key, token)
        yield* TestClock.adjust(Duration.days(365 * 100))
        const got = yield* s.get(key)
        expectSameToken(got, token)
        expect(Option.isNone(Option.getOrThrow(got).expiresAt)).toBe(true)
      })))

    it.live("distinct keys are independent", () =>
      run(Effect.gen(function*() {
        const s = yield* store
        const [a, b] = [freshKey(), freshKey()]
        const [ta, tb] = [makeToken(), makeToken()]
        yield* s.set(a, ta)
        yield* s.set(b, tb)
        expectSameToken(yield* s.get(a), ta)
        expectSameToken(yield* s.get(b), tb)
        yield* s.remove(a)
        expect(yield* s.get(a)).toEqual(Option.none())
        expectSameToken(yield* s.get(b), tb)
      })))

    it.live("set overwrites", () =>
      run(Effect.gen(function*() {
        const s = yield* store
        const key = freshKey()
        const [t1, t2] = [makeToken({ services: 30 }), makeToken({ services: 1 })]
        yield* s.set(key, t1)
        yield* s.set(key, t2)
        const got = yield* s.get(key)
        expectSameToken(got, t2)
        expect(Token.equivalence(Option.getOrThrow(got), t1)).toBe(false)
      })))

    it.live("withLock returns the effect's value and fails with its error", () =>
      run(Effect.gen(function*() {
        const s = yield* store
        const key = freshKey()
        expect(yield* s.withLock(key, Effect.succeed(42))).toBe(42)
        const failed = yield* Effect.exit(s.withLock(key, Effect.fail("boom" as const)))
        expect(failed).toEqual(Exit.fail("boom"))
      })))

    it.live("withLock: critical sections on one key never overlap", () =>
      run(Effect.gen(function*() {
        const s = yield* store
        const key = freshKey()
        const active = yield* Ref.make(0)
        const maxActive = yield* Ref.make(0)
        const entered = yield* Ref.make(0)
        const section = s.withLock(
          key,
          Effect.gen(function*() {
            const n = yield* Ref.updateAndGet(active, (x) => x + 1)
            yield* Ref.update(maxActive, (m) => Math.max(m, n))
            yield* Ref.update(entered, (x) => x + 1)
            yield* Effect.sleep(Duration.millis(15))
            yield* Ref.update(active, (x) => x - 1)
          })
        )
        yield* Effect.all(Array.from({ length: 4 }, () => Effect.repeatN(section, 2)), { concurrency: "unbounded" })
        expect(yield* Ref.get(maxActive)).toBe(1)
        expect(yield* Ref.get(entered)).toBe(12)
      })))

    it.live("withLock on different keys does not block", () =>
      run(Effect.gen(function*() {
        const s = yield* store
        const [a, b] = [freshKey(), freshKey()]
        const holding = yield* Deferred.make<void>()
        const holder = yield* Effect.fork(s.withLock(a, Effect.zipRight(Deferred.succeed(holding, undefined), Effect.never)))
        yield* Deferred.await(holding)
        expect(yield* promptly(s.withLock(b, Effect.succeed("b")), Duration.seconds(2))).toBe("b")
        yield* Fiber.interrupt(holder)
      })))

    it.live("withLock releases the lock when the effect fails or dies", () =>
      run(Effect.gen(function*() {
        const s = yield* store
        const key = freshKey()
        yield* Effect.exit(s.withLock(key, Effect.fail("boom")))
        expect(yield* promptly(s.withLock(key, Effect.succeed("after failure")))).toBe("after failure")
        yield* Effect.exit(s.withLock(key, Effect.die("defect")))
        expect(yield* promptly(s.withLock(key, Effect.succeed("after defect")))).toBe("after defect")
      })))

    it.live("withLock releases the lock when the holder is interrupted", () =>
      run(Effect.gen(function*() {
        const s = yield* store
        const key = freshKey()
        const holding = yield* Deferred.make<void>()
        const holder = yield* Effect.fork(s.withLock(key, Effect.zipRight(Deferred.succeed(holding, undefined), Effect.never)))
        yield* Deferred.await(holding)
        yield* Fiber.interrupt(holder)
        expect(yield* promptly(s.withLock(key, Effect.succeed("after interruption")))).toBe("after interruption")
      })))

    it.live("a fiber waiting for withLock can be interrupted, and never runs its effect", () =>
      run(Effect.gen(function*() {
        const s = yield* store
        const key = freshKey()
        const holding = yield* Deferred.make<void>()
        const release = yield* Deferred.make<void>()
        const ran = yield* Ref.make(false)
        const holder = yield* Effect.fork(
          s.withLock(key, Effect.zipRight(Deferred.succeed(holding, undefined), Deferred.await(release)))
        )
        yield* Deferred.await(holding)
        const waiter = yield* Effect.fork(s.withLock(key, Ref.set(ran, true)))
        yield* Effect.sleep(Duration.millis(50))
        yield* promptly(Fiber.interrupt(waiter), Duration.seconds(2))
        yield* Deferred.succeed(release, undefined)
        yield* Fiber.join(holder)
        expect(yield* Ref.get(ran)).toBe(false)
        expect(yield* promptly(s.withLock(key, Effect.succeed("free")))).toBe("free")
      })))

    if (options.shared === true) {
      it.live("two store instances share entries", () =>
        Effect.gen(function*() {
          const key = freshKey()
          const token = makeToken()
          yield* run(Effect.flatMap(store, (s) => s.set(key, token)))
          expectSameToken(yield* run(Effect.flatMap(store, (s) => s.get(key))), token)
          yield* run(Effect.flatMap(store, (s) => s.remove(key)))
          expect(yield* run(Effect.flatMap(store, (s) => s.get(key)))).toEqual(Option.none())
        }))

      it.live("withLock excludes across store instances", () =>
        Effect.gen(function*() {
          const key = freshKey()
          const active = yield* Ref.make(0)
          const maxActive = yield* Ref.make(0)
          const section = (s: TokenStore.TokenStoreService) =>
            s.withLock(
              key,
              Effect.gen(function*() {
                const n = yield* Ref.updateAndGet(active, (x) => x + 1)
                yield* Ref.update(maxActive, (m) => Math.max(m, n))
                yield* Effect.sleep(Duration.millis(20))
                yield* Ref.update(active, (x) => x - 1)
              })
            )
          // each fiber has its own instance, as separate processes would
          yield* Effect.all(
            Array.from({ length: 3 }, () => run(Effect.flatMap(store, (s) => Effect.repeatN(section(s), 2)))),
            { concurrency: "unbounded" }
          )
          expect(yield* Ref.get(maxActive)).toBe(1)
        }))
    }
  })
}
