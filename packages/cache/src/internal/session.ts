/**
 * `KeystoneSession.make`, in named steps: the shared dependencies and the
 * state (one `SubscriptionRef`, see `sessionState.ts`), the renewal
 * (`sessionRenewal.ts`), the reads, the refused-token check, the refresher
 * (one sleeping fiber, replanned when a renewal ends or the token is
 * invalidated), the HTTP clients (`sessionHttp.ts`)
 * and the close.
 *
 * @internal
 */
import * as HttpClient from "@effect/platform/HttpClient"
import * as KeystoneClient from "@effect-keystone/client/KeystoneClient"
import type * as KeystoneError from "@effect-keystone/client/KeystoneError"
import type * as KeystoneMetrics from "@effect-keystone/client/KeystoneMetrics"
import * as Memo from "@effect-keystone/client/Memo"
import { Catalog, type Token } from "@effect-keystone/schema"
import * as Cause from "effect/Cause"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as FiberHandle from "effect/FiberHandle"
import * as LogLevel from "effect/LogLevel"
import * as Predicate from "effect/Predicate"
import * as Redacted from "effect/Redacted"
import type * as Scope from "effect/Scope"
import * as Stream from "effect/Stream"
import * as SubscriptionRef from "effect/SubscriptionRef"
import type { KeystoneSessionService, OnBehalfOf, Options } from "../KeystoneSession.js"
import * as TokenStore from "../TokenStore.js"
import { type Entry, idOf } from "./sessionEntry.js"
import * as SessionHttp from "./sessionHttp.js"
import * as SessionLog from "./sessionLog.js"
import * as SessionMetrics from "./sessionMetrics.js"
import * as SessionOptions from "./sessionOptions.js"
import * as SessionRenewal from "./sessionRenewal.js"
import type { Deps, Renewal } from "./sessionRenewal.js"
import * as SessionState from "./sessionState.js"
import type { State } from "./sessionState.js"
import * as SessionStore from "./sessionStore.js"
import * as StoredEntry from "./storedEntry.js"
import * as Suspended from "./suspended.js"

/** How many tokens remember Keystone's verdict after a 401 (LRU). */
const verdictCapacity = 64

/** How many adopted tokens `changes` keeps for a subscriber that does not keep up (the oldest are dropped). */
const changesCapacity = 16

const makeDeps = (
  options: Options
): Effect.Effect<Deps, never, KeystoneClient.KeystoneClient | TokenStore.TokenStore | Scope.Scope> =>
  Effect.gen(function*() {
    const client = yield* KeystoneClient.KeystoneClient
    const store = yield* TokenStore.TokenStore
    const key = options.storeKey ?? TokenStore.key({ authUrl: client.authUrl, auth: options.auth })
    const annotations = { "keystone.store": store.backend, "keystone.store_key": key }
    return {
      client,
      auth: options.auth,
      key,
      stored: SessionStore.make(store, key, annotations),
      state: yield* SubscriptionRef.make(SessionState.initial(StoredEntry.expectedOf(options.auth, client.authUrl))),
      scope: yield* Effect.scope,
      clock: yield* Effect.clock,
      random: yield* Effect.random,
      settings: SessionOptions.resolve(options, client.authUrl),
      annotations,
      metrics: yield* SessionMetrics.make({ "keystone.store": store.backend })
    }
  })

type Reads = Pick<KeystoneSessionService, "token" | "tokenValidFor" | "refresh" | "endpoint" | "catalog">

/** `token` and friends: a memory read while the token is good, else the renewal. */
const makeReads = (deps: Deps, renewal: Renewal): Reads => {
  const { clock } = deps
  const read = SubscriptionRef.get(deps.state)
  const now = () => clock.unsafeCurrentTimeMillis()

  const renewToken = Effect.map(renewal.renew(false, 0), (e) => e.token)

  /** Past the hot-path deadline: the margin window, expired, or no token. */
  const slow = (s: State): Effect.Effect<Token.Token, KeystoneError.KeystoneError> => {
    const at = now()
    const e = s.entry
    // Less than the margin left but still valid: the refresher is renewing (or
    // Keystone is failing and it is backing off). Serve it.
    if (e !== undefined && at < e.expiresAt) return e.succeed
    if (s.failure !== undefined) {
      // Keystone is failing and we hold nothing valid: fail fast with the last
      // attempt's error (no pile-up behind a 30 s retry budget); nudge a new
      // attempt once the backoff allows.
      const failed = Effect.fail(s.failure)
      return s.flight === undefined && at >= s.retryAt ? Effect.zipRight(renewal.ensureFlight(false, 0), failed) : failed
    }
    return renewToken
  }

  // The hot path: one reference read, one clock read, one comparison; the
  // answer (`e.succeed`) was made with the entry.
  const peek = SessionState.reader(deps.state)
  const token: Effect.Effect<Token.Token, KeystoneError.KeystoneError> = Suspended.make(() => {
    const s = peek()
    const e = s.entry
    return e !== undefined && clock.unsafeCurrentTimeMillis() < e.renewAt ? e.succeed : slow(s)
  })

  const remaining = (e: Entry) => e.expiresAt - now()

  const tokenValidFor = (duration: Duration.DurationInput): Effect.Effect<Token.Token, KeystoneError.KeystoneError> => {
    const wanted = Duration.toMillis(Duration.decode(duration))
    // no token lives longer than its lifetime; asking for more gets a fresh one
    const needOf = (e: Entry) => Math.min(wanted, Math.max(0, e.lifetime - e.margin))
    return Effect.flatMap(read, (s) => {
      const e = s.entry
      if (e !== undefined && remaining(e) > 0 && remaining(e) >= needOf(e)) return e.succeed
      const renewed = e === undefined || remaining(e) <= 0
        ? Effect.flatMap(token, (t) => Effect.map(read, (s2) => (s2.entry !== undefined && s2.entry.token === t ? s2.entry : undefined)))
        : Effect.map(renewal.renew(false, needOf(e)), (x): Entry | undefined => x)
      return Effect.flatMap(renewed, (r) => {
        if (r !== undefined && remaining(r) >= needOf(r)) return r.succeed
        // the flight we joined wanted less (or took a store token): one forced issue
        return Effect.map(renewal.renew(true, 0), (x) => x.token)
      })
    })
  }

  const refresh = Effect.map(renewal.renew(true, 0), (e) => e.token)
  const endpoint = (filter: Catalog.EndpointFilter) => Effect.flatMap(token, (t) => Catalog.endpoint(t.catalog, filter))
  const catalog = Effect.map(token, (t) => t.catalog)
  return { token, tokenValidFor, refresh, endpoint, catalog }
}

/**
 * Drops `subject` (when it is the current token, that is counted under `reason`, and the refresher plans
 * the renewal for now).
 */
const makeInvalidate = (deps: Deps, replan: Refresher["replan"], reason: KeystoneMetrics.InvalidationReason) =>
(subject: Token.Token | Redacted.Redacted<string>): Effect.Effect<void> =>
  Effect.suspend(() => {
    const id = idOf(subject)
    return SubscriptionRef.modify(deps.state, (s): [boolean, State] => [s.entry?.id === id, SessionState.invalidated(s, id)]).pipe(
      Effect.tap((dropped) =>
        dropped
          ? Effect.zipRight(
            replan,
            Effect.zipRight(deps.metrics.invalidated(reason), SessionLog.debug("KeystoneSession: token invalidated", deps.annotations))
          )
          : Effect.void
      ),
      Effect.zipRight(deps.stored.removeIf(id))
    )
  })

/**
 * After a 401: is the token dead at Keystone? Keystone's own answer (`false`,
 * 401, 404 mean dead; no answer counts as alive), asked at most once per
 * token and `refusedTokenWindow` however many requests are refused. A token
 * sent alone is only asked about while it is the current one and younger
 * than the window; older, the 401 is taken as its death (no request).
 */
const makeIsDead = (deps: Deps) =>
  Effect.map(
    Memo.make({
      capacity: verdictCapacity,
      lookup: (id: Redacted.Redacted<string>) =>
        deps.client.check(id).pipe(
          Effect.catchAll((error) => Effect.succeed(error._tag !== "Unauthorized" && error._tag !== "NotFound"))
        ),
      keepFor: () => Duration.millis(deps.settings.refusedTokenWindow)
    }),
    (verdicts) => (id: Redacted.Redacted<string>, alone: boolean): Effect.Effect<boolean> =>
      Effect.flatMap(SubscriptionRef.get(deps.state), ({ entry: e }) => {
        const young = e !== undefined && e.id === Redacted.value(id) &&
          deps.clock.unsafeCurrentTimeMillis() - e.issuedAtLocal < deps.settings.refusedTokenWindow
        return alone && !young ? Effect.succeed(true) : Effect.map(verdicts.get(id), (alive) => !alive)
      })
  )

interface Refresher {
  /** Drops the sleeping fiber (if any) and plans again from the state as it is now. */
  readonly replan: Effect.Effect<void>
}

/**
 * The background renewal: one fiber, sleeping until the next renewal is due
 * (the token's refresh time; now when there is none; `retryAt` after a
 * failure), then starting it. While a renewal is in flight there is none:
 * the flight's end replans, and so does an invalidation, the only other
 * change of plan; each replan replaces the sleeping fiber. So an idle
 * session holds one fiber and one timer. The fibers run on the runtime the
 * session was made in, not on whichever caller's fiber ended a flight.
 */
const makeRefresher = (
  deps: Deps,
  ensureFlight: Renewal["ensureFlight"]
): Effect.Effect<Refresher, never, Scope.Scope> =>
  Effect.gen(function*() {
    const run = yield* FiberHandle.runtime(yield* FiberHandle.make<void>())()
    const plan: Effect.Effect<void> = Effect.flatMap(SubscriptionRef.get(deps.state), (s) => {
      if (s.flight !== undefined) return Effect.void
      const at = deps.clock.unsafeCurrentTimeMillis()
      const wakeAt = s.failures > 0 ? s.retryAt : s.entry === undefined ? at : s.entry.refreshAt
      // whole milliseconds: a sub-millisecond sleep could round to no sleep at all
      const pause = Math.ceil(wakeAt - at)
      if (!Number.isFinite(pause)) return Effect.void
      // awake, plan again: the state may have moved on meanwhile
      return pause > 0 ? Effect.zipRight(Effect.sleep(Duration.millis(pause)), plan) : Effect.asVoid(ensureFlight(false, 0))
    })
    return { replan: Effect.sync(() => void run(Effect.interruptible(plan))) }
  })

/** Every token the session adopts from now on, never holding more than `changesCapacity` for a slow subscriber. */
const changesOf = (deps: Deps): Stream.Stream<Token.Token> =>
  deps.state.changes.pipe(
    Stream.map((s) => s.entry),
    Stream.changesWith((a, b) => a === b),
    Stream.drop(1),
    Stream.filter(Predicate.isNotUndefined),
    Stream.map((e) => e.token),
    Stream.buffer({ capacity: changesCapacity, strategy: "sliding" })
  )

/** On close, revokes the tokens this session issued that have not expired (errors logged). */
const revokeOnClose = (deps: Deps): Effect.Effect<void, never, Scope.Scope> =>
  Effect.addFinalizer(() =>
    Effect.flatMap(
      SubscriptionRef.modify(deps.state, (s): [ReadonlyArray<Entry>, State] => {
        const at = deps.clock.unsafeCurrentTimeMillis()
        return [s.issued.filter((e) => e.expiresAt > at), { ...s, issued: [] }]
      }),
      (live) =>
        Effect.forEach(live, (e) =>
          deps.client.revoke(e.token).pipe(
            Effect.zipRight(SessionLog.entry(LogLevel.Debug, e, "KeystoneSession: token revoked on close", deps.annotations)),
            Effect.catchAllCause((cause) =>
              SessionLog.warning("KeystoneSession: revoking the token on close failed", {
                ...deps.annotations,
                error: Cause.pretty(cause)
              })
            ),
            Effect.zipRight(deps.stored.removeIf(e.id))
          ), { discard: true })
    )
  )

/** The user side of `httpClientOnBehalfOf`: a session's token (re-issued when dead) or a fixed one (never). */
const userCredential = (
  user: OnBehalfOf
): SessionHttp.Credential<Token.Token | Redacted.Redacted<string>> => {
  const common = { header: "x-auth-token", name: "X-Auth-Token" } as const
  if (Redacted.isRedacted(user)) return { ...common, token: Effect.succeed(user), invalidate: undefined }
  if ("invalidate" in user) return { ...common, token: user.token, invalidate: (id) => user.invalidate(id) }
  return { ...common, token: Effect.succeed(user), invalidate: undefined }
}

/** @internal */
export const make = (
  options: Options
): Effect.Effect<
  KeystoneSessionService,
  never,
  KeystoneClient.KeystoneClient | TokenStore.TokenStore | HttpClient.HttpClient | Scope.Scope
> =>
  Effect.gen(function*() {
    const deps = yield* makeDeps(options)
    const baseHttp = yield* HttpClient.HttpClient
    // Before the refresher's fiber handle, so that on close the refresher stops first.
    if (options.revokeOnClose === true) yield* revokeOnClose(deps)
    const refresher = yield* makeRefresher(deps, (force, minRemaining) => renewal.ensureFlight(force, minRemaining))
    const renewal = SessionRenewal.make(deps, refresher.replan)
    const reads = makeReads(deps, renewal)
    const invalidate = makeInvalidate(deps, refresher.replan, "requested")
    const isDead = yield* makeIsDead(deps)
    const { annotations, settings } = deps

    const own: SessionHttp.Credential<Token.Token> = { header: "x-auth-token", name: "X-Auth-Token", token: reads.token, invalidate: makeInvalidate(deps, refresher.replan, "unauthorized") }
    const httpClient = SessionHttp.make(baseHttp, { guard: own, other: undefined, policy: settings.origins, isDead, annotations })
    const httpClientOnBehalfOf = (user: OnBehalfOf) =>
      Effect.sync(() =>
        SessionHttp.make(baseHttp, {
          guard: { ...own, header: "x-service-token", name: "X-Service-Token" },
          other: userCredential(user),
          policy: settings.origins,
          isDead,
          annotations
        })
      )

    yield* refresher.replan
    if (settings.origins.invalid.length > 0) {
      yield* SessionLog.warning(
        `KeystoneSession: ${settings.origins.invalid.length} allowOrigins entries are not absolute http(s) URLs; they allow nothing`,
        annotations
      )
    }
    yield* SessionLog.debug("KeystoneSession: started", annotations)

    const service: KeystoneSessionService = {
      storeKey: deps.key,
      ...reads,
      invalidate,
      httpClient: Effect.succeed(httpClient),
      httpClientOnBehalfOf,
      changes: changesOf(deps)
    }
    return service
  })
