/**
 * The client's spans are made only when a tracer records them: with a
 * tracer installed each call has its span (attributes and trace context
 * included); with Effect's built-in tracer, or tracing disabled, nothing is
 * made, nothing lands on the caller's span, and the caller's own trace
 * context (if any) is what Keystone receives.
 */
import { KeystoneClient, TokenHeaders } from "@effect-keystone/client"
import { Fault, KeystoneSim } from "@effect-keystone/testing"
import * as Headers from "@effect/platform/Headers"
import * as HttpClient from "@effect/platform/HttpClient"
import * as HttpClientRequest from "@effect/platform/HttpClientRequest"
import { describe, expect, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import * as FiberRef from "effect/FiberRef"
import type * as Tracer from "effect/Tracer"
import { adminAuth, demoPassword, makeClient, recordSpans, runWithClock, spy } from "./utils.js"

/** A client on a fresh simulator whose requests (headers and the span current when each is sent) are recorded. */
const setup = <A, E>(
  f: (
    client: KeystoneClient.KeystoneClientService,
    sim: KeystoneSim.KeystoneSimService,
    sent: ReadonlyArray<{ readonly headers: Readonly<Record<string, string>>; readonly span: string | undefined }>
  ) => Effect.Effect<A, E>
) =>
  Effect.gen(function*() {
    const sim = yield* KeystoneSim.KeystoneSim
    const spied = spy(yield* HttpClient.HttpClient)
    const sent: Array<{ readonly headers: Readonly<Record<string, string>>; readonly span: string | undefined }> = []
    const recording = HttpClient.tapRequest(spied.client, (request) =>
      Effect.map(Effect.option(Effect.currentSpan), (span) => {
        sent.push({ headers: request.headers, span: span._tag === "Some" ? span.value.name : undefined })
      }))
    const client = yield* makeClient({ authUrl: sim.authUrl, caller: { auth: adminAuth } }).pipe(
      Effect.provideService(HttpClient.HttpClient, recording)
    )
    return yield* f(client, sim, sent)
  }).pipe(Effect.provide(KeystoneSim.layer()))

const clientAttributes = ["http.request.method", "url.full", "keystone.api_version", "http.response.status_code", "keystone.request_id"]

describe("spans", () => {
  it.effect("with a tracer installed: one span per call, its attributes, and its trace context sent to Keystone", () =>
    setup((client, _, sent) =>
      Effect.gen(function*() {
        const { exit, spans } = yield* recordSpans(Effect.flatMap(client.issue({ credentials: demoPassword }), (t) => client.validate(t)))
        expect(Exit.isSuccess(exit)).toBe(true)
        const validate = spans.find((s) => s.name === "KeystoneClient.validate")!
        for (const attribute of clientAttributes) expect(validate.attributes.has(attribute)).toBe(true)
        const request = sent.find((r) => r.span === "KeystoneClient.validate" && r.headers["x-subject-token"] !== undefined)!
        expect(request.headers.traceparent).toBe(`00-${validate.traceId}-${validate.spanId}-01`)
      })))

  it.effect("the caller token issued on demand, and a version discovery, are spans of the call that needed them", () =>
    Effect.gen(function*() {
      const sim = yield* KeystoneSim.KeystoneSim
      const client = yield* makeClient({ authUrl: sim.authUrl, caller: { auth: adminAuth } })
      const discovering = yield* makeClient({ authUrl: sim.authUrl.replace(/\/v3$/, "") })
      const token = yield* client.issue({ credentials: demoPassword })
      const traceOf = (spans: ReadonlyArray<Tracer.Span>, name: string) => spans.find((s) => s.name === name)?.traceId
      const validated = yield* recordSpans(Effect.withSpan(client.validate(token), "app"))
      expect(Exit.isSuccess(validated.exit)).toBe(true)
      expect(traceOf(validated.spans, "KeystoneClient.issue")).toBe(traceOf(validated.spans, "app"))
      const discovered = yield* recordSpans(Effect.withSpan(discovering.version, "app"))
      expect(Exit.isSuccess(discovered.exit)).toBe(true)
      expect(traceOf(discovered.spans, "KeystoneClient.discover")).toBe(traceOf(discovered.spans, "app"))
    }).pipe(Effect.provide(KeystoneSim.layer())))

  it.effect("with the built-in tracer: no span is made, the caller's span gets no attribute and its trace context is sent", () =>
    setup((client, _, sent) =>
      Effect.gen(function*() {
        const token = yield* client.issue({ credentials: demoPassword })
        const app = yield* Effect.useSpan("app", (span) =>
          Effect.as(Effect.withParentSpan(client.validate(token), span), span as Tracer.Span))
        const request = sent.find((r) => r.headers["x-subject-token"] !== undefined)!
        expect(request.span).toBe("app")
        expect(request.headers.traceparent).toBe(`00-${app.traceId}-${app.spanId}-01`)
        // (the in-memory simulator's router sets its own http.route on whatever span is current)
        expect(clientAttributes.filter((a) => app.attributes.has(a))).toEqual([])
      })))

  it.effect("with the built-in tracer and no span around the call: no trace context is sent", () =>
    setup((client, _, sent) =>
      Effect.gen(function*() {
        const token = yield* client.issue({ credentials: demoPassword })
        yield* client.validate(token)
        expect(sent.length).toBeGreaterThan(0)
        expect(sent.every((r) => r.span === undefined && r.headers.traceparent === undefined)).toBe(true)
      })))

  it.effect("a retry is counted on the client's span when recorded, never on the caller's", () =>
    setup((client, sim, _) =>
      Effect.gen(function*() {
        const token = yield* client.issue({ credentials: demoPassword })
        yield* sim.inject(Fault.status(503, { count: 1, retryAfter: 1 }))
        const app = yield* Effect.useSpan("app", (span) =>
          Effect.as(Effect.withParentSpan(runWithClock(client.check(token), "500 millis"), span), span as Tracer.Span))
        expect([...app.attributes.keys()].filter((a) => a.startsWith("keystone."))).toEqual([])
        yield* sim.inject(Fault.status(503, { count: 1, retryAfter: 1 }))
        const { spans } = yield* recordSpans(runWithClock(client.check(token), "500 millis"))
        expect(spans.find((s) => s.name === "KeystoneClient.check")!.attributes.get("keystone.retries")).toBe(1)
      })))

  for (const clock of ["live", "test"] as const) {
    const test = clock === "live" ? it.live : it.effect
    test(`the platform's own http.client span stays off, and the caller's HttpClient tracing is untouched (${clock} clock)`, () =>
      setup((client) =>
        Effect.gen(function*() {
          const { exit, spans } = yield* recordSpans(Effect.flatMap(client.issue({ credentials: demoPassword }), (t) => client.validate(t)))
          expect(Exit.isSuccess(exit)).toBe(true)
          expect(spans.map((s) => s.name)).toContain("KeystoneClient.validate")
          expect(spans.filter((s) => s.name.startsWith("http.client")).map((s) => s.name)).toEqual([])
          const disabledWhen = yield* FiberRef.get(HttpClient.currentTracerDisabledWhen)
          expect(disabledWhen(HttpClientRequest.get("http://example.com/"))).toBe(false)
        })))
  }

  it.effect("a tracer installed but tracing disabled: no span", () =>
    setup((client) =>
      Effect.gen(function*() {
        const { exit, spans } = yield* recordSpans(
          Effect.withTracerEnabled(Effect.flatMap(client.issue({ credentials: demoPassword }), (t) => client.validate(t)), false)
        )
        expect(Exit.isSuccess(exit)).toBe(true)
        expect(spans.filter((s) => s.name.startsWith("KeystoneClient.") && s.sampled).map((s) => s.name)).toEqual([])
      })))
})

describe("TokenHeaders.redactInRecordedTraces", () => {
  const redactedInside = TokenHeaders.redactInRecordedTraces(FiberRef.get(Headers.currentRedactedNames))
  const tokenNames = (names: ReadonlyArray<string | RegExp>) => TokenHeaders.names.filter((n) => names.includes(n))

  it.effect("with a tracer installed: the token headers are redacted inside, and only there", () =>
    Effect.gen(function*() {
      const { exit } = yield* recordSpans(Effect.gen(function*() {
        expect(tokenNames(yield* redactedInside)).toEqual(TokenHeaders.names)
        expect(tokenNames(yield* FiberRef.get(Headers.currentRedactedNames))).toEqual([])
      }))
      expect(Exit.isSuccess(exit)).toBe(true)
    }))

  it.effect("with the built-in tracer, or tracing disabled: nothing is changed", () =>
    Effect.gen(function*() {
      expect(tokenNames(yield* redactedInside)).toEqual([])
      const { exit } = yield* recordSpans(Effect.gen(function*() {
        expect(tokenNames(yield* Effect.withTracerEnabled(redactedInside, false))).toEqual([])
      }))
      expect(Exit.isSuccess(exit)).toBe(true)
    }))
})
