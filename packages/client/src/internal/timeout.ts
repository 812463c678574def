/**
 * The per-request timeout, as `Effect.timeoutFail` means it (the effect is
 * interrupted and its finalizers run before the timeout error is returned)
 * but at a fraction of its cost on the live clock: one child fiber for the
 * request and one timer, where `timeoutFail` races two fibers and merges
 * their state back. Any other clock (`TestClock`, a custom one) gets
 * `Effect.timeoutFail` itself, so time stays the `Clock`'s.
 *
 * @internal
 */
import * as Clock from "effect/Clock"
import * as Context from "effect/Context"
import * as DefaultServices from "effect/DefaultServices"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Fiber from "effect/Fiber"

/** Effect's live clock, whose `sleep` is a `setTimeout`. */
const liveClock = Context.get(DefaultServices.liveServices, Clock.Clock)

/** The longest delay a timer takes (longer ones would fire at once); as the live clock, longer never fires. */
const maxTimerMillis = 2 ** 31 - 1

/**
 * The effect `make` gives, or `onTimeout()` once `millis` have passed (the
 * effect is then interrupted, and awaited). `make(true)`: the effect runs in
 * a fiber of its own, whose state (a `FiberRef`) it may change without
 * restoring it; `make(false)`: its changes would reach the caller.
 *
 * @internal
 */
export const fail = <A, E, E2>(
  make: (ownFiber: boolean) => Effect.Effect<A, E>,
  millis: number,
  onTimeout: () => E2
): Effect.Effect<A, E | E2> =>
  Effect.withFiberRuntime<A, E | E2>((parent) => {
    if (Context.get(parent.getFiberRef(DefaultServices.currentServices), Clock.Clock) !== liveClock) {
      return Effect.timeoutFail(make(false), { duration: Duration.millis(millis), onTimeout })
    }
    if (!(millis <= maxTimerMillis)) return make(false)
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
          resume(timedOut ? Effect.fail(onTimeout()) : exit)
        })
        // the caller interrupted: stop the timer and the request
        return Effect.suspend(() => {
          clearTimeout(timer)
          return Fiber.interrupt(child)
        })
      }))
  })
