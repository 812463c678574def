/**
 * The headers that carry a Keystone token, and keeping them out of traces:
 * `@effect/platform`'s traced `HttpClient` and `HttpServer` record request
 * (and response) headers as span attributes, redacting only the names in
 * `Headers.currentRedactedNames` (`authorization`, cookies, `x-api-key`).
 *
 * @internal
 */
import * as Headers from "@effect/platform/Headers"
import * as HttpClient from "@effect/platform/HttpClient"
import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import { constTrue } from "effect/Function"
import * as Tracer from "effect/Tracer"
import * as Tracing from "./tracing.js"

export const names: ReadonlyArray<string> = ["x-auth-token", "x-service-token", "x-subject-token"]

const withTokenHeaders = (current: ReadonlyArray<string | RegExp>): ReadonlyArray<string | RegExp> => [...current, ...names]

export const redactInTraces = <A, E, R>(effect: Effect.Effect<A, E, R>): Effect.Effect<A, E, R> =>
  Effect.locallyWith(effect, Headers.currentRedactedNames, withTokenHeaders)

export const redactInRecordedTraces = <A, E, R>(effect: Effect.Effect<A, E, R>): Effect.Effect<A, E, R> =>
  Effect.withFiberRuntime((fiber) => (Tracing.recording(fiber) ? redactInTraces(effect) : effect))

/**
 * One `HttpClient` request that carries token headers: redacted in its span
 * when spans are recorded; with nothing recording and no span around it,
 * sent without the platform's span (it would be kept nowhere, cost about as
 * much as the rest of the client's work on a loopback GET, and send a random
 * `traceparent`). A span around it that nothing records (the trace context
 * of an incoming request, say) is still propagated.
 */
export const clientRequest = <A, E, R>(effect: Effect.Effect<A, E, R>): Effect.Effect<A, E, R> =>
  Effect.withFiberRuntime((fiber) => {
    if (Tracing.recording(fiber)) return redactInTraces(effect)
    const parent = Context.getOrElse(fiber.currentContext, Tracer.ParentSpan, () => undefined)
    return parent === undefined ? Effect.locally(effect, HttpClient.currentTracerDisabledWhen, constTrue) : effect
  })
