/**
 * The per-request timeout: on the live clock, one timer and either the
 * request's abort signal (a transport seen listening to it) or a fiber of its
 * own; `Effect.timeoutFail` on any other (TestClock). Every way ends a
 * request that never answers — even through a transport that ignores its
 * abort signal — with `TransportError` `Timeout`, after the request has
 * been stopped.
 */
import { KeystoneClient } from "@effect-keystone/client"
import { Fault, KeystoneSim } from "@effect-keystone/testing"
import { NodeHttpClient } from "@effect/platform-node"
import * as FetchHttpClient from "@effect/platform/FetchHttpClient"
import * as HttpClient from "@effect/platform/HttpClient"
import * as HttpClientRequest from "@effect/platform/HttpClientRequest"
import * as HttpClientResponse from "@effect/platform/HttpClientResponse"
import { describe, expect, it } from "@effect/vitest"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import * as Fiber from "effect/Fiber"
import * as FiberRef from "effect/FiberRef"
import * as Option from "effect/Option"
import * as Redacted from "effect/Redacted"
import * as Schedule from "effect/Schedule"
import * as TestClock from "effect/TestClock"
import * as http from "node:http"
import type * as net from "node:net"
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
      // it never listened to its signal: the next request is interrupted too, never left to an abort it ignores
      expect(Timeout.byAbortSignal(http)).toBe(false)
      expect(yield* Effect.flip(client.check(subject))).toMatchObject({ _tag: "TransportError", reason: "Timeout" })
      expect(counts).toEqual({ sent: 2, interrupted: 2 })
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

describe("Timeout.request", () => {
  const onTimeout = () => "timed out" as const
  // a transport never seen listening to an abort signal: its requests run in a fiber of their own
  const fail = <A, E>(make: (ownFiber: boolean) => Effect.Effect<A, E>, millis: number, timedOut: () => string) =>
    Timeout.request({}, HttpClientRequest.get("http://127.0.0.1:1/"), make, millis, timedOut)

  it.live("an effect that ends in time keeps its own exit, success or failure", () =>
    Effect.gen(function*() {
      expect(yield* fail(() => Effect.as(Effect.sleep("5 millis"), 42), 1_000, onTimeout)).toBe(42)
      expect(yield* Effect.flip(fail(() => Effect.fail("own error"), 1_000, onTimeout))).toBe("own error")
    }))

  it.live("a late effect: interrupted, then onTimeout()", () =>
    Effect.gen(function*() {
      const seen: Array<string> = []
      const late = Effect.sleep("10 seconds").pipe(Effect.onInterrupt(() => Effect.sync(() => seen.push("interrupted"))))
      const error = yield* Effect.flip(fail(() => late, 30, () => {
        seen.push("timeout")
        return "timed out"
      }))
      expect(error).toBe("timed out")
      expect(seen).toEqual(["interrupted", "timeout"])
    }))

  it.effect("on the TestClock it is the Clock's time that counts", () =>
    Effect.gen(function*() {
      const fiber = yield* Effect.fork(fail(() => Effect.never, 500, onTimeout))
      yield* TestClock.adjust("499 millis")
      expect(Option.isNone(yield* Fiber.poll(fiber))).toBe(true)
      yield* TestClock.adjust("1 millis")
      expect(yield* Fiber.await(fiber)).toEqual(Exit.fail("timed out"))
    }))

  const flag = FiberRef.unsafeMake(false)
  const setFlag = (ownFiber: boolean) => Effect.as(FiberRef.set(flag, true), ownFiber)

  it.live("live clock: the effect runs in a fiber of its own, whose FiberRefs do not reach the caller", () =>
    Effect.gen(function*() {
      expect(yield* fail(setFlag, 1_000, onTimeout)).toBe(true)
      expect(yield* FiberRef.get(flag)).toBe(false)
    }))

  it.effect("any other clock: the effect is told it runs in the caller's fiber (Effect.timeoutFail passes its changes on)", () =>
    Effect.gen(function*() {
      expect(yield* Effect.locally(fail(setFlag, 1_000, onTimeout), flag, false)).toBe(false)
    }))

  it.live("a duration no timer can hold never fires, as on the live clock", () =>
    Effect.gen(function*() {
      const fiber = yield* Effect.fork(fail(() => Effect.never, Duration.toMillis(Duration.days(30)), onTimeout))
      yield* Effect.sleep("30 millis")
      expect(Option.isNone(yield* Fiber.poll(fiber))).toBe(true)
      yield* Fiber.interrupt(fiber)
    }))
})

/**
 * A loopback HTTP server: `/hang` never answers, anything else is a small
 * JSON 200 (keep-alive). Counts the `/hang` requests whose connection was
 * closed, and the connections that carried `/ok`.
 */
const server = Effect.acquireRelease(
  Effect.async<{
    readonly url: string
    readonly hung: () => number
    readonly hungClosed: () => number
    readonly okClosed: () => number
    readonly close: () => void
  }>((resume) => {
    let hung = 0
    let hungClosed = 0
    let okClosed = 0
    const okSockets = new Set<net.Socket>()
    const sockets = new Set<net.Socket>()
    const s = http.createServer((req, res) => {
      if (req.url === "/hang") {
        hung++
        req.socket.on("close", () => hungClosed++)
        return
      }
      if (!okSockets.has(req.socket)) {
        okSockets.add(req.socket)
        req.socket.on("close", () => okClosed++)
      }
      res.writeHead(200, { "content-type": "application/json" }).end("{}")
    })
    s.on("connection", (socket) => {
      sockets.add(socket)
      socket.on("close", () => sockets.delete(socket))
    })
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address() as net.AddressInfo
      resume(Effect.succeed({
        url: `http://127.0.0.1:${port}`,
        hung: () => hung,
        hungClosed: () => hungClosed,
        okClosed: () => okClosed,
        close: () => {
          for (const socket of sockets) socket.destroy()
          s.close()
        }
      }))
    })
  }),
  (s) => Effect.sync(() => s.close())
)

const get = (client: HttpClient.HttpClient, url: string, timeoutMillis: number) =>
  Effect.suspend(() => {
    const request = HttpClientRequest.get(url)
    return Timeout.request(
      client,
      request,
      () => Effect.flatMap(HttpClient.withTracerDisabledWhen(client, () => true).execute(request), (r) => r.text),
      timeoutMillis,
      () => "timed out" as const
    )
  })

/** Waits (briefly, on the live clock) until `done()` holds. */
const eventually = (done: () => boolean) =>
  Effect.repeat(Effect.sync(done), { until: (ok) => ok, schedule: Schedule.spaced("10 millis"), times: 200 })

const transports = [
  ["undici (NodeHttpClient.layerUndici)", NodeHttpClient.layerUndici],
  ["node:http (NodeHttpClient.layer)", NodeHttpClient.layer],
  ["fetch (FetchHttpClient.layer)", FetchHttpClient.layer]
] as const

describe("the timeout on the platform's transports", () => {
  for (const [name, layer] of transports) {
    it.live(`${name}: interrupted until seen listening to its signal, then stopped through it; connections closed`, () =>
      Effect.gen(function*() {
        const s = yield* server
        const client = yield* HttpClient.HttpClient
        expect(Timeout.byAbortSignal(client)).toBe(false)
        // the first: a fiber of its own, interrupted; the transport is seen taking up the signal
        expect(yield* Effect.flip(get(client, `${s.url}/hang`, 100))).toBe("timed out")
        expect(Timeout.byAbortSignal(client)).toBe(true)
        // the next ones: in the caller's fiber, stopped by aborting the request
        const started = Date.now()
        expect(yield* Effect.flip(get(client, `${s.url}/hang`, 100))).toBe("timed out")
        expect(Date.now() - started).toBeLessThan(5_000)
        // both requests' connections were closed by the transport (nothing left hanging)
        yield* eventually(() => s.hungClosed() === 2)
        expect({ hung: s.hung(), closed: s.hungClosed() }).toEqual({ hung: 2, closed: 2 })
        // a request that ends in time leaves its keep-alive connection open
        for (let i = 0; i < 3; i++) expect(yield* get(client, `${s.url}/ok`, 5_000)).toBe("{}")
        if (name.startsWith("undici")) {
          yield* Effect.sleep("200 millis")
          expect(s.okClosed()).toBe(0)
        }
      }).pipe(Effect.scoped, Effect.provide(layer)))
  }

  it.live("undici, interrupted by its caller while stopped through the signal: the request is aborted at once", () =>
    Effect.gen(function*() {
      const s = yield* server
      const client = yield* HttpClient.HttpClient
      yield* Effect.flip(get(client, `${s.url}/hang`, 50))
      expect(Timeout.byAbortSignal(client)).toBe(true)
      const fiber = yield* Effect.fork(get(client, `${s.url}/hang`, 60_000))
      yield* eventually(() => s.hung() === 2)
      const started = Date.now()
      yield* Fiber.interrupt(fiber)
      yield* eventually(() => s.hungClosed() === 2)
      expect(s.hungClosed()).toBe(2)
      expect(Date.now() - started).toBeLessThan(1_000)
    }).pipe(Effect.scoped, Effect.provide(NodeHttpClient.layerUndici)))

  it.live("a transport under HttpClient.mapRequest (the request it sends is not ours): always interrupted, always timed out", () =>
    Effect.gen(function*() {
      const s = yield* server
      const mapped = HttpClient.mapRequest(yield* HttpClient.HttpClient, HttpClientRequest.setHeader("x-mapped", "1"))
      for (let i = 0; i < 2; i++) {
        expect(yield* Effect.flip(get(mapped, `${s.url}/hang`, 50))).toBe("timed out")
        expect(Timeout.byAbortSignal(mapped)).toBe(false)
      }
    }).pipe(Effect.scoped, Effect.provide(NodeHttpClient.layerUndici)))
})

describe("the timeout through a transport that listens to its signal", () => {
  it.live("KeystoneSim in memory (a fetch that stops on abort, as fetch does): every request timed out, the later ones through the signal", () =>
    Effect.gen(function*() {
      const sim = yield* KeystoneSim.KeystoneSim
      const http = yield* HttpClient.HttpClient
      yield* sim.inject(Fault.latency("1 minute", { count: 3 }))
      const client = yield* KeystoneClient.make({ authUrl: sim.authUrl, retry: false, timeout: "150 millis" })
      for (let i = 0; i < 3; i++) {
        const started = Date.now()
        expect(yield* Effect.flip(client.check(subject))).toMatchObject({ _tag: "TransportError", reason: "Timeout" })
        expect(Date.now() - started).toBeLessThan(5_000)
      }
      expect(Timeout.byAbortSignal(http)).toBe(true)
    }).pipe(Effect.provide(KeystoneSim.layer())))

  it.live("one that listens but does not stop: the request in flight ends late, and the next ones go back to interruption", () =>
    Effect.gen(function*() {
      let sent = 0
      // takes up its signal, then answers after 1.5 s whatever the signal says
      const deaf = HttpClient.make((_request, _url, signal) => {
        sent++
        signal.addEventListener("abort", () => {})
        return Effect.as(Effect.sleep("1500 millis"), HttpClientResponse.fromWeb(_request, new Response(null, { status: 404 })))
      })
      const client = yield* clientOn(deaf, { timeout: "100 millis" })
      // the first is interrupted (a fiber of its own), and the transport is seen listening
      expect(yield* Effect.flip(client.check(subject))).toMatchObject({ _tag: "TransportError", reason: "Timeout" })
      expect(Timeout.byAbortSignal(deaf)).toBe(true)
      // the second is aborted, in vain: it ends when the transport answers (late: still the timeout); a second
      // after the abort the transport is no longer trusted
      const started = Date.now()
      expect(yield* Effect.flip(client.check(subject))).toMatchObject({ _tag: "TransportError", reason: "Timeout" })
      expect(Date.now() - started).toBeGreaterThanOrEqual(1_000)
      expect(Timeout.byAbortSignal(deaf)).toBe(false)
      // the third is interrupted again, at its timeout
      const third = Date.now()
      expect(yield* Effect.flip(client.check(subject))).toMatchObject({ _tag: "TransportError", reason: "Timeout" })
      expect(Date.now() - third).toBeLessThan(1_000)
      expect(sent).toBe(3)
    }))
})
