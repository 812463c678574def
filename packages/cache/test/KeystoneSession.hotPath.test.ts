/**
 * `session.token`'s hot path: the state read straight from the session's
 * `SubscriptionRef`, and an effect that is evaluated at each run (`yield*`
 * included), never ahead of one.
 */
import { describe, expect, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as SubscriptionRef from "effect/SubscriptionRef"
import * as TestClock from "effect/TestClock"
import * as SessionState from "../src/internal/sessionState.js"
import * as Suspended from "../src/internal/suspended.js"
import { idOf, ISSUE, makeEnv, makeSession } from "./utils/session.js"

describe("SessionState.reader", () => {
  it.effect("sees every write to the SubscriptionRef at once: set, update, modify", () =>
    Effect.gen(function*() {
      const ref = yield* SubscriptionRef.make(1 as unknown as SessionState.State)
      const read = SessionState.reader(ref)
      expect(read()).toBe(1)
      yield* SubscriptionRef.set(ref, 2 as unknown as SessionState.State)
      expect(read()).toBe(2)
      yield* SubscriptionRef.update(ref, (n) => ((n as unknown as number) + 1) as unknown as SessionState.State)
      expect(read()).toBe(3)
      yield* SubscriptionRef.modify(ref, (n) => [undefined, ((n as unknown as number) * 10) as unknown as SessionState.State])
      expect(read()).toBe(30)
      expect(read()).toBe(yield* SubscriptionRef.get(ref))
    }))
})

describe("Suspended.make", () => {
  it.effect("evaluated once per run, by yield*, flatMap and Effect.all alike; never when made", () =>
    Effect.gen(function*() {
      let evaluations = 0
      const read = Suspended.make(() => Effect.succeed(++evaluations))
      expect(evaluations).toBe(0)
      expect(yield* read).toBe(1)
      expect(yield* read).toBe(2)
      expect(yield* Effect.map(read, (n) => n * 10)).toBe(30)
      expect(yield* Effect.all([read, read])).toEqual([4, 5])
      expect(evaluations).toBe(5)
    }))

  it.effect("a failure evaluated by yield* fails the generator", () =>
    Effect.gen(function*() {
      const read = Suspended.make(() => Effect.fail("refused"))
      const error = yield* Effect.flip(Effect.gen(function*() {
        return yield* read
      }))
      expect(error).toBe("refused")
    }))
})

describe("session.token", () => {
  it.scoped("one token effect, yielded before and after the renewal deadline: the cached token, then a renewed one", () =>
    Effect.gen(function*() {
      const env = yield* makeEnv()
      const session = yield* makeSession(env)
      const token = session.token
      const first = yield* token
      expect(idOf(yield* token)).toBe(idOf(first))
      expect(yield* env.sim.count(ISSUE)).toBe(1)
      // the sim's tokens live 1 hour; the renewal deadline is well before that
      yield* TestClock.adjust("59 minutes")
      const renewed = yield* token
      expect(idOf(renewed)).not.toBe(idOf(first))
      expect(yield* env.sim.count(ISSUE)).toBe(2)
    }))
})
