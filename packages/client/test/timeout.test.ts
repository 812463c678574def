/**
 * The per-request timeout: one child fiber and one timer on the live clock,
 * `Effect.timeoutFail` on any other (TestClock). Both end a request that
 * never answers — even through a transport that ignores its abort signal —
 * with `TransportError` `Timeout`, after the request has been interrupted.
 */
import { KeystoneClient } from "@effect-keystone/client"
import * as HttpClient from "@effect/platform/HttpClient"
import { describe, expect, it } from "@effect/vitest"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import * as Fiber from "effect/Fiber"
import * as FiberRef from "effect/FiberRef"
import * as Option from "effect/Option"
import * as Redacted from "effect/Redacted"
import * as TestClock from "effect/TestClock"
import * as Timeout from "../src/internal/timeout.js"

/** A transport that never answers and ignores its abort signal; counts its requests and their interruptions. */
const hanging = () => {
  const counts = { sent: 0, interrupted: 0 }
  const client = HttpClient.make(() =>
    Effect.zipRight(
      Effect.sync(() => counts.sent++),
      Effect.onInterrupt(Effect.never, () => Effect.sync(() => counts.interrupted++))
    )
  )
  return { client, counts }
}

const subject = Redacted.make("gAAAAA-subject-token-id")

const clientOn = (http: HttpClient.HttpClient, options: Partial<KeystoneClient.Options> = {}) =>
  KeystoneClient.make({ authUrl: "http://127.0.0.1:1/v3", retry: false, ...options }).pipe(
    Effect.provideService(HttpClient.HttpClient, http)
  )

describe("the per-request timeout", () => {
  it.live("live clock: a transport that ignores its abort signal is interrupted at the timeout → TransportError Timeout", () =>
    Effect.gen(function*() {
      const { client: http, counts } = hanging()
      const client = yield* clientOn(http, { timeout: "150 millis" })
      const started = Date.now()
      const error = yield* Effect.flip(client.check(subject))
      const elapsed = Date.now() - started
      expect(error).toMatchObject({ _tag: "TransportError", reason: "Timeout", method: "HEAD" })
      expect(elapsed).toBeGreaterThanOrEqual(140)
      expect(elapsed).toBeLessThan(5_000)
      // the request was interrupted (its finalizers ran) before the error came back
      expect(counts).toEqual({ sent: 1, interrupted: 1 })
    }))

  it.effect("TestClock: the default timeout is 10 s, on the Effect Clock", () =>
    Effect.gen(function*() {
      const { client: http, counts } = hanging()
      const client = yield* clientOn(http)
      const fiber = yield* Effect.fork(client.check(subject))
      yield* TestClock.adjust("9999 millis")
      expect(Option.isNone(yield* Fiber.poll(fiber))).toBe(true)
      yield* TestClock.adjust("1 millis")
      const exit = yield* Fiber.await(fiber)
      expect(exit).toMatchObject(Exit.fail(expect.objectContaining({ _tag: "TransportError", reason: "Timeout" })))
      expect(counts).toEqual({ sent: 1, interrupted: 1 })
    }))

  it.live("live clock: interrupting the caller interrupts the request at once (no wait for the timeout)", () =>
    Effect.gen(function*() {
      const { client: http, counts } = hanging()
      const client = yield* clientOn(http)
      const fiber = yield* Effect.fork(client.check(subject))
      yield* Effect.sleep("20 millis")
      const started = Date.now()
      yield* Fiber.interrupt(fiber)
      expect(Date.now() - started).toBeLessThan(1_000)
      expect(counts).toEqual({ sent: 1, interrupted: 1 })
    }))
})

describe("Timeout.fail", () => {
  const onTimeout = () => "timed out" as const

  it.live("an effect that ends in time keeps its own exit, success or failure", () =>
    Effect.gen(function*() {
      expect(yield* Timeout.fail(() => Effect.as(Effect.sleep("5 millis"), 42), 1_000, onTimeout)).toBe(42)
      expect(yield* Effect.flip(Timeout.fail(() => Effect.fail("own error"), 1_000, onTimeout))).toBe("own error")
    }))

  it.live("a late effect: interrupted, then onTimeout()", () =>
    Effect.gen(function*() {
      const seen: Array<string> = []
      const late = Effect.sleep("10 seconds").pipe(Effect.onInterrupt(() => Effect.sync(() => seen.push("interrupted"))))
      const error = yield* Effect.flip(Timeout.fail(() => late, 30, () => {
        seen.push("timeout")
        return "timed out"
      }))
      expect(error).toBe("timed out")
      expect(seen).toEqual(["interrupted", "timeout"])
    }))

  it.effect("on the TestClock it is the Clock's time that counts", () =>
    Effect.gen(function*() {
      const fiber = yield* Effect.fork(Timeout.fail(() => Effect.never, 500, onTimeout))
      yield* TestClock.adjust("499 millis")
      expect(Option.isNone(yield* Fiber.poll(fiber))).toBe(true)
      yield* TestClock.adjust("1 millis")
      expect(yield* Fiber.await(fiber)).toEqual(Exit.fail("timed out"))
    }))

  const flag = FiberRef.unsafeMake(false)
  const setFlag = (ownFiber: boolean) => Effect.as(FiberRef.set(flag, true), ownFiber)

  it.live("live clock: the effect runs in a fiber of its own, whose FiberRefs do not reach the caller", () =>
    Effect.gen(function*() {
      expect(yield* Timeout.fail(setFlag, 1_000, onTimeout)).toBe(true)
      expect(yield* FiberRef.get(flag)).toBe(false)
    }))

  it.effect("any other clock: the effect is told it runs in the caller's fiber (Effect.timeoutFail passes its changes on)", () =>
    Effect.gen(function*() {
      expect(yield* Effect.locally(Timeout.fail(setFlag, 1_000, onTimeout), flag, false)).toBe(false)
    }))

  it.live("a duration no timer can hold never fires, as on the live clock", () =>
    Effect.gen(function*() {
      const fiber = yield* Effect.fork(Timeout.fail(() => Effect.never, Duration.toMillis(Duration.days(30)), onTimeout))
      yield* Effect.sleep("30 millis")
      expect(Option.isNone(yield* Fiber.poll(fiber))).toBe(true)
      yield* Fiber.interrupt(fiber)
    }))
})
