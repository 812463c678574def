/**
 * The per-request timeout, as `Effect.timeoutFail` means it (the request is
 * stopped, and has ended, before the timeout error is returned), at a
 * fraction of its cost on the live clock. Any other clock (`TestClock`, a
 * custom one) gets `Effect.timeoutFail` itself, so time stays the `Clock`'s.
 *
 * On the live clock, two ways, chosen per transport (the `HttpClient`):
 *
 * - **By its abort signal**, once the transport has shown that it listens to
 *   one: the request runs in the caller's fiber with an `AbortController` of
 *   ours (registered where `HttpClient.withScope` registers its own), one
 *   timer aborts it. No fiber per request. Every `@effect/platform` client
 *   (undici, `node:http`, fetch) listens to its signal.
 * - **By interruption**, until then (and for a transport that never listens,
 *   such as an in-memory fake that ignores its signal): the request runs in a
 *   fiber of its own, interrupted when the timer fires. Whether the transport
 *   took up the signal is watched meanwhile.
 *
 * Where the platform did not use our controller (a request rewritten by an
 * `HttpClient.mapRequest` around the transport, or another platform
 * version), the signal is never taken up and the transport stays on (or
 * goes back to) interruption: slower, never without its timeout. A
 * transport that listens to its signal but does not stop when it fires (a
 * fake `fetch` that only builds a `Request` from it) costs the request in
 * flight its timeout; one second after the abort it goes back to
 * interruption for the requests after it.
 *
 * @internal
 */
import type * as HttpClientRequest from "@effect/platform/HttpClientRequest"
import * as Clock from "effect/Clock"
import * as Context from "effect/Context"
import * as DefaultServices from "effect/DefaultServices"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import * as Fiber from "effect/Fiber"
import { globalValue } from "effect/GlobalValue"

/** Effect's live clock, whose `sleep` is a `setTimeout`. */
const liveClock = Context.get(DefaultServices.liveServices, Clock.Clock)

/** The longest delay a timer takes (longer ones would fire at once); as the live clock, longer never fires. */
const maxTimerMillis = 2 ** 31 - 1

/**
 * The platform's per-request controllers (`HttpClient.withScope` puts its
 * own here): a request found here is sent with that controller's signal.
 */
const platformControllers: WeakMap<HttpClientRequest.HttpClientRequest, AbortController> = globalValue(
  "@effect/platform/HttpClient/scopedRequests",
  () => new WeakMap()
)

/** How long an aborted request may take to end before its transport is no longer trusted to stop on abort. */
const abortGraceMillis = 1_000

/** Transports seen listening to their request's abort signal. */
const listening = new WeakSet<object>()

/** Whether `transport` is timed out through its abort signal (it was seen listening to one). @internal */
export const byAbortSignal = (transport: object): boolean => listening.has(transport)

/** A controller for `request`, given to the transport, that notes whether the transport listens to it. */
const controllerFor = (request: HttpClientRequest.HttpClientRequest) => {
  const controller = new AbortController()
  const watched = { controller, listened: false }
  const signal = controller.signal
  const add = signal.addEventListener
  signal.addEventListener = function(this: AbortSignal, ...args: Parameters<AbortSignal["addEventListener"]>) {
    if (args[0] === "abort") watched.listened = true
    return add.apply(this, args)
  }
  platformControllers.set(request, controller)
  return watched
}

/**
 * `make(ownFiber)` for `request` on `transport`, or `onTimeout()` once
 * `millis` have passed (the request is then stopped, and has ended).
 * `make(true)`: the effect runs in a fiber of its own, whose state (a
 * `FiberRef`) it may change without restoring it; `make(false)`: in the
 * caller's, where its changes would stay.
 *
 * @internal
 */
export const request = <A, E, E2>(
  transport: object,
  request: HttpClientRequest.HttpClientRequest,
  make: (ownFiber: boolean) => Effect.Effect<A, E>,
  millis: number,
  onTimeout: () => E2
): Effect.Effect<A, E | E2> =>
  Effect.withFiberRuntime<A, E | E2>((parent) => {
    if (Context.get(parent.getFiberRef(DefaultServices.currentServices), Clock.Clock) !== liveClock) {
      return Effect.timeoutFail(make(false), { duration: Duration.millis(millis), onTimeout })
    }
    if (!(millis <= maxTimerMillis)) return make(false)
    const watched = controllerFor(request)
    const learn = () => {
      if (watched.listened) listening.add(transport)
      else listening.delete(transport)
    }
    if (listening.has(transport)) {
      let timedOut = false
      let grace: ReturnType<typeof setTimeout> | undefined
      const timer = setTimeout(() => {
        timedOut = true
        watched.controller.abort()
        // a transport that listens but does not stop: the next requests go back to interruption
        grace = setTimeout(() => listening.delete(transport), abortGraceMillis)
      }, millis)
      return Effect.onExit(make(false), (exit) => {
        clearTimeout(timer)
        clearTimeout(grace)
        // only ever unlearned here: a request that outlived its grace keeps the transport on interruption
        if (!watched.listened) listening.delete(transport)
        // a request that failed or was interrupted is stopped (its connection freed)
        if (Exit.isFailure(exit)) watched.controller.abort()
        return Effect.void
      }).pipe(
        // once the timer fired, whatever the transport ends with (its abort error, or a late answer such as
        // HttpApp's 499) is the timeout, as with Effect.timeoutFail
        Effect.matchEffect({
          onFailure: (e): Effect.Effect<A, E | E2> => Effect.fail(timedOut ? onTimeout() : e),
          onSuccess: (a): Effect.Effect<A, E | E2> => (timedOut ? Effect.fail(onTimeout()) : Effect.succeed(a))
        })
      )
    }
    return Effect.flatMap(Effect.fork(make(true)), (child) =>
      Effect.async<A, E | E2>((resume) => {
        let timedOut = false
        const timer = setTimeout(() => {
          timedOut = true
          child.unsafeInterruptAsFork(parent.id())
        }, millis)
        // the child's end: its own exit, or the timeout once it has been interrupted
        child.addObserver((exit) => {
          clearTimeout(timer)
          learn()
          if (Exit.isFailure(exit)) watched.controller.abort()
          resume(timedOut ? Effect.fail(onTimeout()) : exit)
        })
        // the caller interrupted: stop the timer and the request
        return Effect.suspend(() => {
          clearTimeout(timer)
          return Fiber.interrupt(child)
        })
      }))
  })
