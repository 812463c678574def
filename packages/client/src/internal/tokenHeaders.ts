/**
 * The headers that carry a Keystone token, and keeping them out of traces:
 * `@effect/platform`'s traced `HttpClient` and `HttpServer` record request
 * (and response) headers as span attributes, redacting only the names in
 * `Headers.currentRedactedNames` (`authorization`, cookies, `x-api-key`).
 *
 * @internal
 */
import * as Headers from "@effect/platform/Headers"
import * as Effect from "effect/Effect"
import * as Tracing from "./tracing.js"

export const names: ReadonlyArray<string> = ["x-auth-token", "x-service-token", "x-subject-token"]

const withTokenHeaders = (current: ReadonlyArray<string | RegExp>): ReadonlyArray<string | RegExp> => [...current, ...names]

export const redactInTraces = <A, E, R>(effect: Effect.Effect<A, E, R>): Effect.Effect<A, E, R> =>
  Effect.locallyWith(effect, Headers.currentRedactedNames, withTokenHeaders)

export const redactInRecordedTraces = <A, E, R>(effect: Effect.Effect<A, E, R>): Effect.Effect<A, E, R> =>
  Effect.withFiberRuntime((fiber) => (Tracing.recording(fiber) ? redactInTraces(effect) : effect))
