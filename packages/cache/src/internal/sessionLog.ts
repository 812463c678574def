/**
 * What `KeystoneSession` logs about its token, and at which level, in one
 * place. Routine events (a token issued, taken from the store, invalidated,
 * revoked on close) are `Debug`: a fleet of workers prints nothing per
 * renewal at the default level. A failed renewal the session rides out (it
 * still holds a valid token) is a `Warning`; a failure that leaves it without
 * a valid token (callers now fail) is an `Error`; the first success after
 * failures is `Info`. No line carries a token id: expiry and audit id only.
 *
 * @internal
 */
import * as Cause from "effect/Cause"
import * as Effect from "effect/Effect"
import * as LogLevel from "effect/LogLevel"
import type { KeystoneError } from "@effect-keystone/client"
import { type Entry, iso } from "./sessionEntry.js"

type Annotations = Record<string, unknown>

const entryAnnotations = (entry: Entry): Annotations => ({
  "keystone.source": entry.source,
  "keystone.expires_at": iso(entry.token.expiresAt),
  "keystone.audit_id": entry.token.auditIds[0] ?? "(none)",
  "keystone.local_expires_in_ms": entry.expiresAt - entry.arrivedAt,
  "keystone.renew_in_ms": entry.refreshAt - entry.arrivedAt
})

/** Logs `message` at `level` with the session's and the entry's annotations. @internal */
export const entry = (
  level: LogLevel.LogLevel,
  e: Entry,
  message: string,
  annotations: Annotations
): Effect.Effect<void> => Effect.logWithLevel(level, message).pipe(Effect.annotateLogs({ ...annotations, ...entryAnnotations(e) }))

/**
 * A renewal succeeded: `Debug`, or `Info` when it ends `failuresBefore`
 * failed attempts.
 *
 * @internal
 */
export const adopted = (e: Entry, failuresBefore: number, annotations: Annotations): Effect.Effect<void> => {
  const what = e.source === "issued" ? "token issued" : "token taken from the store"
  return failuresBefore === 0
    ? entry(LogLevel.Debug, e, `KeystoneSession: ${what}`, annotations)
    : entry(LogLevel.Info, e, `KeystoneSession: ${what}; renewal recovered after ${failuresBefore} failed attempts`, {
      ...annotations,
      "keystone.failures": failuresBefore
    })
}

/** What a failed renewal leaves behind. @internal */
export interface Failure {
  readonly cause: Cause.Cause<KeystoneError.KeystoneError>
  readonly error: KeystoneError.KeystoneError | undefined
  readonly failures: number
  /** The session still holds a token valid on the local clock. */
  readonly valid: boolean
  readonly pauseMillis: number
  readonly current: Entry | undefined
}

/**
 * A failed renewal: `Warning` while a valid token is still served (ridden
 * out), `Error` once none is (the token is lost: `token` fails). The message
 * starts with "KeystoneSession: token renewal failed" either way (the CLI
 * matches it).
 *
 * @internal
 */
export const renewalFailed = (f: Failure, annotations: Annotations): Effect.Effect<void> =>
  Effect.logWithLevel(
    f.valid ? LogLevel.Warning : LogLevel.Error,
    `KeystoneSession: token renewal failed; ${
      f.valid ? "serving the current token while it lasts" : "no valid token"
    }; next attempt in ${Math.round(f.pauseMillis)} ms`
  ).pipe(
    Effect.annotateLogs({
      ...annotations,
      "keystone.error": f.error === undefined ? Cause.pretty(f.cause) : `${f.error._tag}: ${f.error.message}`,
      "keystone.failures": f.failures,
      ...(f.current === undefined ? {} : { "keystone.expires_at": iso(f.current.token.expiresAt) })
    })
  )

/** A message at `Debug` with the session's annotations. @internal */
export const debug = (message: string, annotations: Annotations): Effect.Effect<void> =>
  Effect.logDebug(message).pipe(Effect.annotateLogs(annotations))

/** A message at `Warning` with the session's annotations. @internal */
export const warning = (message: string, annotations: Annotations): Effect.Effect<void> =>
  Effect.logWarning(message).pipe(Effect.annotateLogs(annotations))
