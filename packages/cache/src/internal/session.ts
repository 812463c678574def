/**
 * `KeystoneSession.make`: the current token in a `Ref`, one renewal in
 * flight at a time (per process, and per store lock across processes), a
 * scoped refresher fiber, and the 401-retrying `HttpClient`.
 *
 * @internal
 */
import * as HttpClient from "@effect/platform/HttpClient"
import * as KeystoneClient from "@effect-keystone/client/KeystoneClient"
import * as KeystoneError from "@effect-keystone/client/KeystoneError"
import { Catalog, type Token } from "@effect-keystone/schema"
import * as Cause from "effect/Cause"
import * as DateTime from "effect/DateTime"
import * as Deferred from "effect/Deferred"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import * as FiberId from "effect/FiberId"
import * as Option from "effect/Option"
import * as PubSub from "effect/PubSub"
import * as Queue from "effect/Queue"
import * as Redacted from "effect/Redacted"
import * as Ref from "effect/Ref"
import type * as Scope from "effect/Scope"
import * as Stream from "effect/Stream"
import type { KeystoneSessionService, Options } from "../KeystoneSession.js"
import * as TokenStore from "../TokenStore.js"
import * as Backoff from "./backoff.js"
import * as Deadline from "./deadline.js"
import * as SessionHttp from "./sessionHttp.js"
import * as SessionOptions from "./sessionOptions.js"
import * as SessionStore from "./sessionStore.js"
import * as SessionEntry from "./sessionEntry.js"
import { type Entry, idOf, iso, type State } from "./sessionEntry.js"
import * as StoredEntry from "./storedEntry.js"

/** How many invalidated ids are remembered (never adopted again from the store). */
const invalidatedMemory = 32

const changesCapacity = 16

/** @internal */
export const make = (
  options: Options
): Effect.Effect<
  KeystoneSessionService,
  never,
  KeystoneClient.KeystoneClient | TokenStore.TokenStore | HttpClient.HttpClient | Scope.Scope
> =>
  Effect.gen(function*() {
    const client = yield* KeystoneClient.KeystoneClient
    const store = yield* TokenStore.TokenStore
    const baseHttp = yield* HttpClient.HttpClient
    const scope = yield* Effect.scope
    const clock = yield* Effect.clock
    const random = yield* Effect.random
    const key = options.storeKey ?? TokenStore.key({ authUrl: client.authUrl, auth: options.auth })
    const { configuredMargin, maxWithoutTokenMillis, minimumRefresh, origins, refusedTokenWindow } = SessionOptions
      .resolve(options, client.authUrl)
    const annotations = { "keystone.store": store.backend, "keystone.store_key": key }

    const state = yield* Ref.make<State>(SessionEntry.initial)
    const readState = Ref.get(state)
    const wake = yield* Queue.sliding<void>(1)
    const changes = yield* Effect.acquireRelease(PubSub.sliding<Token.Token>(changesCapacity), PubSub.shutdown)
    /** Keystone's clock minus ours, from the last token we issued (undefined: none yet). */
    let skew: number | undefined
    /** The renewal in flight, shared by everyone who needs it. */
    let flight: Deferred.Deferred<Entry, KeystoneError.KeystoneError> | undefined
    const invalidated: Array<string> = []
    /** Tokens this session issued and has not seen expire: what `revokeOnClose` revokes. */
    let issued: Array<Entry> = []

    const now = () => clock.unsafeCurrentTimeMillis()

    const stored = SessionStore.make(store, key, annotations)
    /** What the tokens this session holds must say about user, scope and version. */
    let expected = StoredEntry.expectedOf(options.auth, client.authUrl)
    /** When the last login started (local millis): logins are at least `minimumRefresh` apart. */
    let lastLoginAt = -Infinity
    let skewWarned = false

    // -- entries ------------------------------------------------------------------------------

    const makeEntry = (token: Token.Token, source: Deadline.Source, arrivedAt: number) =>
      Effect.map(random.next, (jitter01) =>
        SessionEntry.make(token, source, arrivedAt, { skew, configuredMargin, minimumRefresh, jitter01 }))

    const logEntry = (entry: Entry, message: string) => SessionEntry.log(entry, message, annotations)

    // -- adopting and issuing -----------------------------------------------------------------

    const remember = (id: string) => {
      if (!invalidated.includes(id)) {
        invalidated.push(id)
        if (invalidated.length > invalidatedMemory) invalidated.shift()
      }
    }

    /** A stored token as an entry, unless it contradicts what the session knows about its login (logged, remembered). */
    const adoptable = (token: Token.Token): Effect.Effect<Entry | undefined> => {
      const problem = StoredEntry.mismatch(token, expected)
      if (problem === undefined) return makeEntry(token, "store", now())
      remember(Redacted.value(token.id))
      return Effect.as(
        Effect.logWarning(`KeystoneSession: not adopting the token in the store: ${problem}`).pipe(
          Effect.annotateLogs({ ...annotations, "keystone.audit_id": token.auditIds[0] ?? "(none)" })
        ),
        undefined
      )
    }

    /** Waits until the last login is at least `minimumRefresh` old, then marks a new one. */
    const loginSlot: Effect.Effect<void> = Effect.suspend(() => {
      const wait = Math.ceil(lastLoginAt + minimumRefresh - now())
      const mark = Effect.sync(() => void (lastLoginAt = now()))
      return wait > 0 ? Effect.zipRight(Effect.sleep(Duration.millis(wait)), mark) : mark
    })

    const warnSkew = (observed: number): Effect.Effect<void> => {
      if (skewWarned || Math.abs(observed) <= Deadline.implausibleSkewMillis) return Effect.void
      skewWarned = true
      return Effect.logWarning(
        "KeystoneSession: Keystone's issued_at is more than 5 minutes off the local clock; check NTP on both sides (deadlines use token lifetimes, so they still hold)"
      ).pipe(Effect.annotateLogs({ ...annotations, "keystone.clock_skew_ms": observed }))
    }

    // -- one renewal --------------------------------------------------------------------------

    /**
     * Under the store lock: re-read the store (another process may just have
     * renewed), adopt what is there if it is usable, else issue and store.
     * `force` skips the store.
     */
    const acquire = (force: boolean, minRemaining: number): Effect.Effect<Entry, KeystoneError.KeystoneError> =>
      Effect.flatMap(readState, (s) => {
        const replacing = s.entry?.id
        return stored.withLock(
          Effect.gen(function*() {
            if (!force) {
              const found = yield* stored.get
              if (Option.isSome(found)) {
                const id = Redacted.value(found.value.id)
                if (id !== replacing && !invalidated.includes(id)) {
                  const usable = yield* adoptable(found.value)
                  if (usable !== undefined) {
                    if (usable.expiresAt - usable.arrivedAt > Math.max(usable.margin, minRemaining)) return usable
                    yield* Effect.logDebug("KeystoneSession: stored token too close to expiry; issuing").pipe(
                      Effect.annotateLogs({ ...annotations, "keystone.expires_at": iso(found.value.expiresAt) })
                    )
                  }
                }
              }
            }
            yield* loginSlot
            const token = yield* client.issue(options.auth)
            const at = now()
            const observed = Deadline.skewOf(token, at)
            if (observed !== undefined) {
              skew = observed
              yield* warnSkew(observed)
            }
            expected = StoredEntry.learn(expected, token)
            const entry = yield* makeEntry(token, "issued", at)
            yield* stored.set(token)
            return entry
          })
        )
      })

    const commit = (entry: Entry): Effect.Effect<void> =>
      Effect.suspend(() => {
        const at = now()
        if (entry.source === "issued") issued = [...issued.filter((e) => e.expiresAt > at), entry]
        return Ref.set(state, { entry, failure: undefined, failures: 0, retryAt: 0 }).pipe(
          Effect.zipRight(PubSub.publish(changes, entry.token)),
          Effect.zipRight(Queue.offer(wake, undefined)),
          Effect.zipRight(logEntry(entry, entry.source === "issued" ? "KeystoneSession: token issued" : "KeystoneSession: token taken from the store"))
        )
      })

    const recordFailure = (cause: Cause.Cause<KeystoneError.KeystoneError>): Effect.Effect<void> =>
      Effect.flatMap(Effect.zip(readState, random.next), ([s, jitter01]) => {
        if (Cause.isInterruptedOnly(cause)) return Effect.void
        const error = Option.getOrUndefined(Cause.failureOption(cause))
        const failures = s.failures + 1
        const at = now()
        const valid = s.entry !== undefined && at < s.entry.expiresAt
        const pause = Backoff.delay(failures, error, jitter01, {
          validForMillis: s.entry !== undefined && valid ? s.entry.expiresAt - at : 0,
          maxWithoutTokenMillis
        })
        return Ref.set(state, { entry: s.entry, failure: error ?? s.failure, failures, retryAt: at + Math.ceil(pause) }).pipe(
          Effect.zipRight(Queue.offer(wake, undefined)),
          Effect.zipRight(
            Effect.logWarning(
              `KeystoneSession: token renewal failed; ${
                valid ? "serving the current token while it lasts" : "no valid token"
              }; next attempt in ${Math.round(pause)} ms`
            ).pipe(
              Effect.annotateLogs({
                ...annotations,
                "keystone.error": error === undefined ? Cause.pretty(cause) : `${error._tag}: ${error.message}`,
                "keystone.failures": failures,
                ...(s.entry === undefined ? {} : { "keystone.expires_at": iso(s.entry.token.expiresAt) })
              })
            )
          )
        )
      })

    /** Starts a renewal unless one is in flight; either way, returns the flight. */
    const ensureFlight = (force: boolean, minRemaining: number) =>
      Effect.suspend(() => {
        if (flight !== undefined) return Effect.succeed(flight)
        const deferred = Deferred.unsafeMake<Entry, KeystoneError.KeystoneError>(FiberId.none)
        flight = deferred
        const settle = (exit: Exit.Exit<Entry, KeystoneError.KeystoneError>) =>
          Effect.zipRight(
            Exit.match(exit, { onSuccess: commit, onFailure: recordFailure }),
            Effect.suspend(() => {
              if (flight === deferred) flight = undefined
              return Deferred.done(deferred, exit)
            })
          )
        const run = Effect.uninterruptibleMask((restore) =>
          Effect.flatMap(Effect.exit(restore(acquire(force, minRemaining))), settle)
        )
        return Effect.map(Effect.forkIn(run, scope), (fiber) => {
          // interrupted before `settle` could run (the scope was already closing): release the waiters
          fiber.addObserver((exit) => {
            if (flight === deferred) flight = undefined
            if (Exit.isFailure(exit)) Deferred.unsafeDone(deferred, Exit.failCause(exit.cause))
          })
          return deferred
        })
      })

    const renew = (force: boolean, minRemaining: number): Effect.Effect<Entry, KeystoneError.KeystoneError> =>
      Effect.flatMap(ensureFlight(force, minRemaining), Deferred.await)

    // -- the service --------------------------------------------------------------------------

    const renewToken = Effect.map(renew(false, 0), (e) => e.token)

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
        return flight === undefined && at >= s.retryAt ? Effect.zipRight(ensureFlight(false, 0), failed) : failed
      }
      return renewToken
    }

    const onState = (s: State): Effect.Effect<Token.Token, KeystoneError.KeystoneError> => {
      const e = s.entry
      return e !== undefined && clock.unsafeCurrentTimeMillis() < e.renewAt ? e.succeed : slow(s)
    }

    const token: Effect.Effect<Token.Token, KeystoneError.KeystoneError> = Effect.flatMap(readState, onState)

    const remaining = (e: Entry) => e.expiresAt - now()

    const tokenValidFor = (duration: Duration.DurationInput): Effect.Effect<Token.Token, KeystoneError.KeystoneError> => {
      const wanted = Duration.toMillis(Duration.decode(duration))
      // no token lives longer than its lifetime; asking for more gets a fresh one
      const needOf = (e: Entry) => Math.min(wanted, Math.max(0, e.lifetime - e.margin))
      return Effect.flatMap(readState, (s) => {
        const e = s.entry
        if (e !== undefined && remaining(e) > 0 && remaining(e) >= needOf(e)) return e.succeed
        const renewed = e === undefined || remaining(e) <= 0 ? Effect.flatMap(token, (t) =>
          Effect.map(readState, (s2) => s2.entry !== undefined && s2.entry.token === t ? s2.entry : undefined)
        ) : Effect.map(renew(false, needOf(e)), (x): Entry | undefined => x)
        return Effect.flatMap(renewed, (r) => {
          if (r !== undefined && remaining(r) >= needOf(r)) return r.succeed
          // the flight we joined wanted less (or took a store token): one forced issue
          return Effect.map(renew(true, 0), (x) => x.token)
        })
      })
    }

    const invalidate = (subject: Token.Token | Redacted.Redacted<string>): Effect.Effect<void> =>
      Effect.suspend(() => {
        const id = idOf(subject)
        // a refused token is not revoked again on close
        issued = issued.filter((e) => e.id !== id)
        remember(id)
        return Ref.modify(state, (s): [boolean, State] =>
          s.entry !== undefined && s.entry.id === id ? [true, { ...s, entry: undefined }] : [false, s]).pipe(
            Effect.tap((dropped) =>
              dropped
                ? Effect.zipRight(
                  Queue.offer(wake, undefined),
                  Effect.logDebug("KeystoneSession: token invalidated").pipe(Effect.annotateLogs(annotations))
                )
                : Effect.void
            ),
            Effect.zipRight(stored.removeIf(id))
          )
      })

    const refresh = Effect.map(renew(true, 0), (e) => e.token)

    const endpoint = (filter: Catalog.EndpointFilter) =>
      Effect.flatMap(token, (t) => Catalog.endpoint(t.catalog, filter))

    const catalog = Effect.map(token, (t) => t.catalog)

    // -- the HttpClient -----------------------------------------------------------------------

    /**
     * The last answer Keystone gave about a refused young token: asked at most
     * once per token and window, however many requests are refused meanwhile.
     */
    let verdict: { readonly id: string; readonly at: number; readonly alive: Effect.Effect<boolean> } | undefined

    /** Keystone's own answer: dead only when it says so (`false`, 401, 404); unknown counts as alive. */
    const aliveAtKeystone = (t: Token.Token): Effect.Effect<boolean> =>
      client.check(t).pipe(
        Effect.catchAll((error) => Effect.succeed(error._tag !== "Unauthorized" && error._tag !== "NotFound"))
      )

    const refusedButAlive = (t: Token.Token): Effect.Effect<boolean> =>
      Effect.flatMap(readState, ({ entry: e }) => {
        if (e === undefined || e.token !== t || now() - e.issuedAtLocal >= refusedTokenWindow) {
          return Effect.succeed(false)
        }
        const known = verdict
        if (known !== undefined && known.id === e.id && now() - known.at < refusedTokenWindow) return known.alive
        return Effect.flatMap(Effect.cached(aliveAtKeystone(t)), (alive) => {
          verdict = { id: e.id, at: now(), alive }
          return alive
        })
      })

    const httpClient = SessionHttp.make(baseHttp, { token, invalidate, refusedButAlive, annotations }, origins)

    // -- the refresher ------------------------------------------------------------------------

    const idle = Queue.take(wake)

    const refresher: Effect.Effect<never> = Effect.gen(function*() {
      while (true) {
        const running = flight
        if (running !== undefined) {
          yield* Effect.exit(Deferred.await(running))
          continue
        }
        const s = yield* readState
        const at = now()
        const wakeAt = s.failures > 0 ? s.retryAt : s.entry === undefined ? at : s.entry.refreshAt
        // whole milliseconds: a sub-millisecond sleep could round to no sleep at all
        const pause = Math.ceil(wakeAt - at)
        if (pause > 0) {
          yield* Number.isFinite(pause) ? Effect.raceFirst(Effect.sleep(Duration.millis(pause)), idle) : idle
          continue
        }
        yield* Effect.exit(renew(false, 0))
      }
    })

    // -- lifecycle ----------------------------------------------------------------------------

    if (options.revokeOnClose === true) {
      // Added before the refresher is forked, so it runs after the refresher stops.
      yield* Effect.addFinalizer(() =>
        Effect.suspend(() => {
          const at = now()
          const live = issued.filter((e) => e.expiresAt > at)
          issued = []
          return Effect.forEach(live, (e) =>
            client.revoke(e.token).pipe(
              Effect.zipRight(logEntry(e, "KeystoneSession: token revoked on close")),
              Effect.catchAllCause((cause) =>
                Effect.logWarning("KeystoneSession: revoking the token on close failed").pipe(
                  Effect.annotateLogs({ ...annotations, error: Cause.pretty(cause) })
                )
              ),
              Effect.zipRight(stored.removeIf(e.id))
            ), { discard: true })
        })
      )
    }

    yield* Effect.forkIn(Effect.interruptible(refresher), scope)
    if (origins.invalid.length > 0) {
      yield* Effect.logWarning(
        `KeystoneSession: ${origins.invalid.length} allowOrigins entries are not absolute http(s) URLs; they allow nothing`
      ).pipe(Effect.annotateLogs(annotations))
    }
    yield* Effect.logDebug("KeystoneSession: started").pipe(Effect.annotateLogs(annotations))

    const service: KeystoneSessionService = {
      storeKey: key,
      token,
      tokenValidFor,
      invalidate,
      refresh,
      endpoint,
      catalog,
      httpClient: Effect.succeed(httpClient),
      changes: Stream.fromPubSub(changes)
    }
    return service
  })
