/**
 * The client's spans, at no cost when nobody records them. A span is made
 * only when tracing is enabled and a tracer other than Effect's built-in one
 * is installed (the built-in tracer keeps spans in memory, where nothing
 * reads the client's); its attributes are computed only then. Every call
 * decides the same way from the same fiber state, so an annotation lands on
 * the client's own span or nowhere, never on the caller's.
 *
 * @internal
 */
import type * as Headers from "@effect/platform/Headers"
import * as HttpTraceContext from "@effect/platform/HttpTraceContext"
import * as Context from "effect/Context"
import * as DefaultServices from "effect/DefaultServices"
import * as Effect from "effect/Effect"
import type * as Fiber from "effect/Fiber"
import * as FiberRef from "effect/FiberRef"
import * as Tracer from "effect/Tracer"

/** Effect's built-in tracer: the one in place when the application installed none. */
const builtIn = Context.get(DefaultServices.liveServices, Tracer.Tracer)

/**
 * Whether the client's spans are recorded on this fiber: tracing enabled and
 * a tracer installed.
 *
 * @internal
 */
export const recording = (fiber: Fiber.RuntimeFiber<unknown, unknown>): boolean =>
  fiber.getFiberRef(FiberRef.currentTracerEnabled) &&
  Context.get(fiber.getFiberRef(DefaultServices.currentServices), Tracer.Tracer) !== builtIn

const spanOptions = { kind: "client", captureStackTrace: false } as const

/**
 * `effect` in a client span named `name` when spans are recorded (with
 * `attributes()` set on it), else `effect` alone.
 *
 * @internal
 */
export const span = <A, E, R>(
  name: string,
  effect: Effect.Effect<A, E, R>,
  attributes?: () => Record<string, unknown>
): Effect.Effect<A, E, R> =>
  Effect.withFiberRuntime<A, E, R>((fiber) =>
    recording(fiber)
      ? Effect.withSpan(effect, name, attributes === undefined ? spanOptions : { ...spanOptions, attributes: attributes() })
      : effect
  )

/**
 * Sets `attributes()` on the client's current span when spans are recorded;
 * nothing is computed otherwise.
 *
 * @internal
 */
export const annotate = (attributes: () => Record<string, unknown>): Effect.Effect<void> =>
  Effect.withFiberRuntime((fiber) => {
    const span = current(fiber)
    if (span !== undefined) set(span, attributes())
    return Effect.void
  })

/** @internal */
export const set = (span: Tracer.Span, attributes: Record<string, unknown>): void => {
  for (const key in attributes) span.attribute(key, attributes[key])
}

/**
 * The client's span on this fiber when spans are recorded (see `span`),
 * else `undefined`: attributes are set on it directly.
 *
 * @internal
 */
export const current = (fiber: Fiber.RuntimeFiber<unknown, unknown>): Tracer.Span | undefined => {
  if (!recording(fiber)) return undefined
  const parent = Context.getOrElse(fiber.currentContext, Tracer.ParentSpan, () => undefined)
  return parent !== undefined && parent._tag === "Span" ? parent : undefined
}

/**
 * The trace context headers (`traceparent`, `b3`) for a request to
 * Keystone: the current span's (the client's own when recorded, else the
 * caller's, if any), or `undefined`.
 *
 * @internal
 */
export const headers = (fiber: Fiber.RuntimeFiber<unknown, unknown>): Headers.Headers | undefined => {
  const parent = Context.getOrElse(fiber.currentContext, Tracer.ParentSpan, () => undefined)
  return parent !== undefined && parent._tag === "Span" ? HttpTraceContext.toHeaders(parent) : undefined
}
