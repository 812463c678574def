/**
 * Everything a `KeystoneSession` knows, as one immutable value held in one
 * `SubscriptionRef`: the current token, the renewal in flight, the failures,
 * what the session learned about its login. Every change is one of the
 * transitions below, and every change reaches `changes` through the
 * reference's `changes` stream (the refresher is told by the renewal and by
 * `invalidate`, the only transitions that change its plan).
 *
 * @internal
 */
import type { KeystoneError } from "@effect-keystone/client"
import type * as Deferred from "effect/Deferred"
import * as Effect from "effect/Effect"
import * as MutableRef from "effect/MutableRef"
import * as Ref from "effect/Ref"
import * as SubscriptionRef from "effect/SubscriptionRef"
import type { Entry } from "./sessionEntry.js"
import type * as StoredEntry from "./storedEntry.js"

/** How many invalidated ids are remembered (never adopted again from the store). @internal */
export const invalidatedMemory = 32

/** The renewal in flight, shared by everyone who needs it. @internal */
export type Flight = Deferred.Deferred<Entry, KeystoneError.KeystoneError>

/** @internal */
export interface State {
  /** The current token; `undefined` before the first one and after `invalidate`. */
  readonly entry: Entry | undefined
  /** The last renewal's typed failure; cleared by the next success. */
  readonly failure: KeystoneError.KeystoneError | undefined
  /** Consecutive failed renewals (typed or not). */
  readonly failures: number
  /** Local millis before which nobody starts another renewal after a failure. */
  readonly retryAt: number
  readonly flight: Flight | undefined
  /** Keystone's clock minus ours, from the last token this session issued (undefined: none yet). */
  readonly skew: number | undefined
  /** The implausible-skew warning was logged (once per session). */
  readonly skewWarned: boolean
  /** What the tokens this session holds must say about user, scope and version. */
  readonly expected: StoredEntry.Expected
  /** When the last login started (local millis): logins are at least `minimumRefresh` apart. */
  readonly lastLoginAt: number
  /** Ids dropped by `invalidate` or refused as a store entry: never adopted again. */
  readonly invalidated: ReadonlyArray<string>
  /** Tokens this session issued and has not seen expire: what `revokeOnClose` revokes. */
  readonly issued: ReadonlyArray<Entry>
}

/** @internal */
export const initial = (expected: StoredEntry.Expected): State => ({
  entry: undefined,
  failure: undefined,
  failures: 0,
  retryAt: 0,
  flight: undefined,
  skew: undefined,
  skewWarned: false,
  expected,
  lastLoginAt: -Infinity,
  invalidated: [],
  issued: []
})

/** `ids` with `id` last, at most `invalidatedMemory` long. @internal */
export const remember = (ids: ReadonlyArray<string>, id: string): ReadonlyArray<string> =>
  ids.includes(id) ? ids : [...ids, id].slice(-invalidatedMemory)

/** The flight `flight` has ended (a newer one is kept). @internal */
const landed = (s: State, flight: Flight): Flight | undefined => (s.flight === flight ? undefined : s.flight)

/** A renewal succeeded with `entry` at local millis `at`. @internal */
export const committed = (s: State, flight: Flight, entry: Entry, at: number): State => ({
  ...s,
  entry,
  failure: undefined,
  failures: 0,
  retryAt: 0,
  flight: landed(s, flight),
  issued: entry.source === "issued" ? [...s.issued.filter((e) => e.expiresAt > at), entry] : s.issued
})

/** A renewal failed (`error` undefined: a defect); the next attempt not before `retryAt`. @internal */
export const failed = (
  s: State,
  flight: Flight,
  error: KeystoneError.KeystoneError | undefined,
  retryAt: number
): State => ({
  ...s,
  failure: error ?? s.failure,
  failures: s.failures + 1,
  retryAt,
  flight: landed(s, flight)
})

/** A renewal was interrupted (the session is closing): nothing learned. @internal */
export const interrupted = (s: State, flight: Flight): State => ({ ...s, flight: landed(s, flight) })

/** `id` was refused: dropped if current, never adopted again, not revoked on close. @internal */
export const invalidated = (s: State, id: string): State => ({
  ...s,
  entry: s.entry !== undefined && s.entry.id === id ? undefined : s.entry,
  invalidated: remember(s.invalidated, id),
  issued: s.issued.filter((e) => e.id !== id)
})

const MutableRefTypeId = Symbol.for("effect/MutableRef")

/**
 * A synchronous read of the state, for `session.token`'s hot path: the
 * `SubscriptionRef`'s own reference (every transition writes it before it
 * publishes the change), read directly. Effect keeps that reference in an
 * internal field; if a version of Effect keeps it elsewhere, the read goes
 * through `SubscriptionRef.get` instead (`Effect.runSync` of a plain read),
 * slower but the same value.
 *
 * @internal
 */
export const reader = (state: SubscriptionRef.SubscriptionRef<State>): () => State => {
  const inner: unknown = (state as unknown as { readonly ref?: unknown }).ref
  const cell: unknown = typeof inner === "object" && inner !== null && Ref.RefTypeId in inner
    ? (inner as { readonly ref?: unknown }).ref
    : undefined
  if (typeof cell === "object" && cell !== null && MutableRefTypeId in cell) {
    const ref = cell as unknown as MutableRef.MutableRef<State>
    return () => MutableRef.get(ref)
  }
  const get = SubscriptionRef.get(state)
  return () => Effect.runSync(get)
}
