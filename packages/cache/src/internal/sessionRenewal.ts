/**
 * One renewal of a `KeystoneSession`'s token, and single flight around it:
 * under the store lock, adopt what another process just stored, else log in
 * and store; the outcome becomes one transition of the session's state.
 * However many fibers ask, one renewal runs at a time: it is forked into the
 * session's scope (a caller that is interrupted does not cancel it for the
 * others) and every asker awaits the same `Deferred`, kept in the state.
 *
 * @internal
 */
import type { Auth, KeystoneClient, KeystoneError } from "@effect-keystone/client"
import type { Token } from "@effect-keystone/schema"
import * as Cause from "effect/Cause"
import type * as Clock from "effect/Clock"
import * as Deferred from "effect/Deferred"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import * as FiberId from "effect/FiberId"
import * as Option from "effect/Option"
import type * as Random from "effect/Random"
import * as Redacted from "effect/Redacted"
import type * as Scope from "effect/Scope"
import * as SubscriptionRef from "effect/SubscriptionRef"
import * as Backoff from "./backoff.js"
import * as Deadline from "./deadline.js"
import * as SessionEntry from "./sessionEntry.js"
import { type Entry, iso } from "./sessionEntry.js"
import * as SessionLog from "./sessionLog.js"
import type * as SessionMetrics from "./sessionMetrics.js"
import type * as SessionOptions from "./sessionOptions.js"
import * as SessionState from "./sessionState.js"
import type { Flight, State } from "./sessionState.js"
import type * as SessionStore from "./sessionStore.js"
import * as StoredEntry from "./storedEntry.js"
import type * as TokenStore from "../TokenStore.js"

/** What every step of a session shares. @internal */
export interface Deps {
  readonly client: KeystoneClient.KeystoneClientService
  readonly auth: Auth.Auth
  readonly key: TokenStore.StoreKey
  readonly stored: SessionStore.SessionStore
  readonly state: SubscriptionRef.SubscriptionRef<State>
  readonly scope: Scope.Scope
  readonly clock: Clock.Clock
  readonly random: Random.Random
  readonly settings: SessionOptions.Resolved
  readonly annotations: Record<string, unknown>
  readonly metrics: SessionMetrics.SessionMetrics
}

/** @internal */
export interface Renewal {
  /** Starts a renewal unless one is in flight; either way, returns the flight. */
  readonly ensureFlight: (force: boolean, minRemaining: number) => Effect.Effect<Flight>
  /** Joins (or starts) the renewal and awaits it. `force` skips the store. */
  readonly renew: (force: boolean, minRemaining: number) => Effect.Effect<Entry, KeystoneError.KeystoneError>
}

/**
 * The pause after the `failures`-th consecutive failed renewal, given what
 * the session holds at local millis `at` (`error` undefined: a defect).
 *
 * @internal
 */
export const retryPause = (
  s: State,
  error: KeystoneError.KeystoneError | undefined,
  failures: number,
  at: number,
  maxWithoutTokenMillis: number
): Effect.Effect<number> =>
  Backoff.pause(failures, error, {
    validForMillis: s.entry !== undefined && at < s.entry.expiresAt ? s.entry.expiresAt - at : 0,
    maxWithoutTokenMillis
  })

/** `replan`: tells the refresher that a renewal has ended (see `session.ts`). @internal */
export const make = (deps: Deps, replan: Effect.Effect<void>): Renewal => {
  const { annotations, client, metrics, settings, state, stored } = deps
  const now = () => deps.clock.unsafeCurrentTimeMillis()
  const read = SubscriptionRef.get(state)

  const makeEntry = (token: Token.Token, source: Deadline.Source, arrivedAt: number, skew: number | undefined) =>
    Effect.map(deps.random.next, (jitter01) =>
      SessionEntry.make(token, source, arrivedAt, {
        skew,
        configuredMargin: settings.configuredMargin,
        minimumRefresh: settings.minimumRefresh,
        jitter01
      }))

  /** The stored token, when it is not the one being replaced, plausibly ours, and lives long enough. */
  const fromStore = (replacing: string | undefined, minRemaining: number): Effect.Effect<Entry | undefined> =>
    Effect.gen(function*() {
      const found = yield* stored.get
      if (Option.isNone(found)) return undefined
      const token = found.value
      const id = Redacted.value(token.id)
      const s = yield* read
      if (id === replacing || s.invalidated.includes(id)) return undefined
      const problem = StoredEntry.mismatch(token, s.expected)
      if (problem !== undefined) {
        yield* SubscriptionRef.update(state, (s2) => ({ ...s2, invalidated: SessionState.remember(s2.invalidated, id) }))
        yield* SessionLog.warning(`KeystoneSession: not adopting the token in the store: ${problem}`, {
          ...annotations,
          "keystone.audit_id": token.auditIds[0] ?? "(none)"
        })
        return undefined
      }
      const usable = yield* makeEntry(token, "store", now(), s.skew)
      if (usable.expiresAt - usable.arrivedAt > Math.max(usable.margin, minRemaining)) return usable
      yield* SessionLog.debug("KeystoneSession: stored token too close to expiry; issuing", {
        ...annotations,
        "keystone.expires_at": iso(token.expiresAt)
      })
      return undefined
    })

  /** Waits until the last login is at least `minimumRefresh` old, then marks a new one. */
  const loginSlot: Effect.Effect<void> = Effect.flatMap(read, (s) => {
    const wait = Math.ceil(s.lastLoginAt + settings.minimumRefresh - now())
    const mark = Effect.suspend(() => SubscriptionRef.update(state, (s2) => ({ ...s2, lastLoginAt: now() })))
    return wait > 0 ? Effect.zipRight(Effect.sleep(Duration.millis(wait)), mark) : mark
  })

  /** Logs in, learns Keystone's clock and who we are from the token, stores it. */
  const issue: Effect.Effect<Entry, KeystoneError.KeystoneError> = Effect.gen(function*() {
    yield* loginSlot
    const token = yield* deps.client.issue(deps.auth)
    const at = now()
    const observed = Deadline.skewOf(token, at)
    const implausible = observed !== undefined && Math.abs(observed) > Deadline.implausibleSkewMillis
    const [skew, warn] = yield* SubscriptionRef.modify(state, (s): [[number | undefined, boolean], State] => [
      [observed ?? s.skew, implausible && !s.skewWarned],
      {
        ...s,
        skew: observed ?? s.skew,
        skewWarned: s.skewWarned || implausible,
        expected: StoredEntry.learn(s.expected, token)
      }
    ])
    if (warn) {
      yield* SessionLog.warning(
        "KeystoneSession: Keystone's issued_at is more than 5 minutes off the local clock; check NTP on both sides (deadlines use token lifetimes, so they still hold)",
        { ...annotations, "keystone.clock_skew_ms": observed }
      )
    }
    const entry = yield* makeEntry(token, "issued", at, skew)
    yield* stored.set(token)
    return entry
  })

  /** Under the store lock: re-read the store (another process may just have renewed), else issue and store. */
  const acquire = (force: boolean, minRemaining: number): Effect.Effect<Entry, KeystoneError.KeystoneError> =>
    Effect.flatMap(read, (s) =>
      stored.withLock(
        force ? issue : Effect.flatMap(fromStore(s.entry?.id, minRemaining), (found) => found !== undefined ? Effect.succeed(found) : issue)
      ))

  const succeeded = (flight: Flight, entry: Entry): Effect.Effect<void> =>
    Effect.flatMap(
      SubscriptionRef.modify(state, (s): [[number, boolean], State] => [
        [s.failures, s.entry !== undefined],
        SessionState.committed(s, flight, entry, now())
      ]),
      ([failuresBefore, replaced]) =>
        Effect.zipRight(metrics.adopted(entry, replaced), SessionLog.adopted(entry, failuresBefore, annotations))
    )

  const failed = (flight: Flight, cause: Cause.Cause<KeystoneError.KeystoneError>): Effect.Effect<void> => {
    if (Cause.isInterruptedOnly(cause)) return SubscriptionRef.update(state, (s) => SessionState.interrupted(s, flight))
    const error = Option.getOrUndefined(Cause.failureOption(cause))
    // the pause is the renewal schedule's step for this failure (an effect: its jitter comes from Random),
    // taken from the state as it is now; the flight is still ours, so only an invalidation can change it meanwhile
    const pause = Effect.flatMap(SubscriptionRef.get(state), (s) =>
      retryPause(s, error, s.failures + 1, now(), settings.maxWithoutTokenMillis))
    return Effect.flatMap(pause, (pauseMillis) =>
      Effect.flatMap(
        SubscriptionRef.modify(state, (s): [SessionLog.Failure, State] => {
          const at = now()
          const failures = s.failures + 1
          const valid = s.entry !== undefined && at < s.entry.expiresAt
          return [
            { cause, error, failures, valid, pauseMillis, current: s.entry },
            SessionState.failed(s, flight, error, at + Math.ceil(pauseMillis))
          ]
        }),
        (failure) => Effect.zipRight(metrics.failed(error), SessionLog.renewalFailed(failure, annotations))
      ))
  }

  const settle = (flight: Flight, exit: Exit.Exit<Entry, KeystoneError.KeystoneError>): Effect.Effect<void> =>
    Effect.zipRight(
      Exit.match(exit, { onSuccess: (entry) => succeeded(flight, entry), onFailure: (cause) => failed(flight, cause) }),
      Effect.zipRight(replan, Deferred.done(flight, exit))
    )

  // Uninterruptible: the flight is set and its fiber forked together. The fiber
  // inherits that, so `settle` always runs; only `acquire` can be interrupted
  // (the session's scope closing), and the waiters then see the interruption.
  const start = (force: boolean, minRemaining: number): Effect.Effect<Flight> =>
    Effect.uninterruptible(
      Effect.flatMap(
        SubscriptionRef.modify(state, (s): [readonly [Flight, boolean], State] => {
          if (s.flight !== undefined) return [[s.flight, false], s]
          const flight = Deferred.unsafeMake<Entry, KeystoneError.KeystoneError>(FiberId.none)
          return [[flight, true], { ...s, flight }]
        }),
        ([flight, started]) =>
          started
            ? Effect.as(
              Effect.forkIn(
                Effect.flatMap(
                  Effect.exit(Effect.interruptible(metrics.renewal(acquire(force, minRemaining)))),
                  (exit) => settle(flight, exit)
                ),
                deps.scope
              ),
              flight
            )
            : Effect.succeed(flight)
      )
    )

  // Joining a flight is a plain read: thousands of callers at once do not queue on the state's lock.
  const ensureFlight = (force: boolean, minRemaining: number): Effect.Effect<Flight> =>
    Effect.flatMap(read, (s) => (s.flight !== undefined ? Effect.succeed(s.flight) : start(force, minRemaining)))

  const renew = (force: boolean, minRemaining: number): Effect.Effect<Entry, KeystoneError.KeystoneError> =>
    Effect.flatMap(ensureFlight(force, minRemaining), Deferred.await)

  return { ensureFlight, renew }
}
