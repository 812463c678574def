/**
 * The `npm start` demo's narration and its worker's stages (a) to (d), as
 * named steps: the worker calling compute through its `KeystoneSession`,
 * then renewals before expiry, a downstream 401, a Keystone outage across
 * the renewal point, and the revoked token asked about. Each step checks
 * what it claims and fails with `StageFailed` if it does not hold.
 * `demo.ts` builds the world they run in.
 */
import { KeystoneSession } from "@effect-keystone/cache"
import type { KeystoneClient } from "@effect-keystone/client"
import type { Token } from "@effect-keystone/schema"
import { Fault, type KeystoneSim } from "@effect-keystone/testing"
import * as Console from "effect/Console"
import * as Data from "effect/Data"
import * as DateTime from "effect/DateTime"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Logger from "effect/Logger"
import * as LogLevel from "effect/LogLevel"
import * as Option from "effect/Option"
import * as Redacted from "effect/Redacted"
import * as Schedule from "effect/Schedule"
import * as Stream from "effect/Stream"

/** How long the simulated Keystone's tokens live. */
export const TOKEN_LIFETIME = Duration.seconds(12)

/** A stage did not behave as claimed. */
export class StageFailed extends Data.TaggedError("StageFailed")<{ readonly stage: string; readonly message: string }> {}

// ---------------------------------------------------------------------------
// narration
// ---------------------------------------------------------------------------

const startedAt = Date.now()
const clock = () => `${((Date.now() - startedAt) / 1000).toFixed(1).padStart(5)}s`
/** Seconds since the demo started, e.g. `20.3`. */
export const elapsed = () => ((Date.now() - startedAt) / 1000).toFixed(1)
export const say = (line: string) => Console.log(`${clock()}  ${line}`)
export const heading = (line: string) => Console.log(`\n${line}`)

/** Library warnings (e.g. a failed renewal) as indented narration; no token ids are ever logged. */
export const narratorLogger = Logger.make(({ logLevel, message }) => {
  if (LogLevel.lessThan(logLevel, LogLevel.Warning)) return
  const text = (Array.isArray(message) ? message : [message]).map(String).join(" ")
  globalThis.console.log(`${clock()}     ⋯ ${text}`)
})

export const audit = (t: Token.Token) => t.auditIds[0]?.slice(0, 8) ?? "(none)"
const secondsLeft = (t: Token.Token, now = Date.now()) =>
  Option.match(t.expiresAt, { onNone: () => Infinity, onSome: (at) => (DateTime.toEpochMillis(at) - now) / 1000 })
export const expiresIn = (t: Token.Token) => `expires in ${secondsLeft(t).toFixed(0)}s`

export const check = (stage: string, ok: boolean, message: string) =>
  ok ? Effect.void : Effect.fail(new StageFailed({ stage, message }))

/** Polls `condition` every 50 ms until it holds, or fails the stage after `within`. */
const waitUntil = (stage: string, what: string, within: Duration.DurationInput, condition: Effect.Effect<boolean>) =>
  condition.pipe(
    Effect.repeat({ schedule: Schedule.spaced("50 millis"), until: (done) => done }),
    Effect.timeoutFail({
      duration: within,
      onTimeout: () => new StageFailed({ stage, message: `${what} did not happen within ${Duration.format(within)}` })
    })
  )

// ---------------------------------------------------------------------------
// the worker: GET compute/servers every 250 ms
// ---------------------------------------------------------------------------

interface Call {
  readonly at: number
  readonly status: number
  /** The audit id compute saw (which token was accepted). */
  readonly audit: string | null
  readonly error?: string
}

interface Worker {
  readonly session: KeystoneSession.KeystoneSessionService
  /** Every call made so far. */
  readonly calls: Array<Call>
  /** Every new token the session took, in order. */
  readonly adopted: Array<{ readonly token: Token.Token; readonly at: number; readonly previous: Token.Token }>
  /** The token it logged in with. */
  readonly first: Token.Token
}

/** Logs in, follows the session's new tokens, and calls compute 4×/s until the scope closes. */
const startWorker = Effect.gen(function*() {
  const session = yield* KeystoneSession.KeystoneSession
  const http = yield* session.httpClient
  const calls: Array<Call> = []
  const callCompute = Effect.gen(function*() {
    const base = yield* session.endpoint({ type: "compute", interface: "public", region: "RegionOne" })
    const response = yield* http.get(`${base}/servers`)
    const body = (yield* response.json) as { readonly auditId?: string }
    calls.push({ at: Date.now(), status: response.status, audit: body.auditId ?? null })
  }).pipe(
    Effect.catchAll((e) => Effect.sync(() => calls.push({ at: Date.now(), status: 0, audit: null, error: `${e._tag}: ${e.message}` })))
  )

  const first = yield* session.token
  const adopted: Worker["adopted"] = []
  let latest = first
  yield* session.changes.pipe(
    Stream.filter((t) => t.auditIds[0] !== latest.auditIds[0]),
    Stream.runForEach((token) =>
      Effect.sync(() => {
        adopted.push({ token, at: Date.now(), previous: latest })
        latest = token
      })
    ),
    Effect.forkScoped
  )
  yield* Effect.forkScoped(Effect.repeat(callCompute, Schedule.spaced("250 millis")))
  yield* say(`worker logged in as demo (token ${expiresIn(first)}, audit ${audit(first)}…); calling compute 4×/s`)
  return { session, calls, adopted, first } satisfies Worker
})

const noFailures = (worker: Worker, stage: string, since: number) =>
  Effect.suspend(() => {
    const failed = worker.calls.filter((c) => c.at >= since && c.status !== 200)
    return check(stage, failed.length === 0, `${failed.length} downstream call(s) failed: ${failed[0]?.error ?? `status ${failed[0]?.status}`}`)
  })

/** A renewal (or re-login) after index `n`: reports it and checks it came before the old token expired. */
const renewalAfter = (worker: Worker, stage: string, n: number, within: Duration.DurationInput) =>
  Effect.gen(function*() {
    yield* waitUntil(stage, "a renewal", within, Effect.sync(() => worker.adopted.length > n))
    const { at, previous, token } = worker.adopted[n]!
    const left = secondsLeft(previous, at)
    yield* say(`✓ renewed token (${expiresIn(token)}, audit ${audit(token)}…): the previous one still had ${left.toFixed(1)}s left`)
    yield* check(stage, left > 0, "the previous token had already expired")
    return token
  })

// ---------------------------------------------------------------------------
// the stages
// ---------------------------------------------------------------------------

/** (a) Two renewals in the background, each before the old token expired; no call fails. */
const renewalsBeforeExpiry = (worker: Worker) =>
  Effect.gen(function*() {
    const lifetime = Duration.toSeconds(TOKEN_LIFETIME)
    yield* heading(`(a) Renewal before expiry: ${lifetime}s tokens, renewed in the background ahead of time`)
    const aStart = Date.now()
    const within = Duration.times(TOKEN_LIFETIME, 1.5)
    yield* renewalAfter(worker, "a", 0, within)
    yield* renewalAfter(worker, "a", 1, within)
    yield* noFailures(worker, "a", aStart)
    yield* say(`✓ ${worker.calls.filter((c) => c.at >= aStart).length} downstream calls meanwhile, every one 200`)
  })

/** (b) The worker's token revoked in Keystone: compute's 401 makes the session log in again and retry. Returns the revoked token. */
const downstream401 = (worker: Worker, sim: KeystoneSim.KeystoneSimService, computeStatuses: ReadonlyArray<number>) =>
  Effect.gen(function*() {
    yield* heading("(b) A downstream 401: the worker's token is revoked behind its back")
    const revoked = yield* worker.session.token
    const bStart = Date.now()
    const adoptedBefore = worker.adopted.length
    const rejectedBefore = computeStatuses.filter((s) => s === 401).length
    yield* sim.revoke(Redacted.value(revoked.id))
    yield* say(`✗ revoked the worker's current token (audit ${audit(revoked)}…) in Keystone`)
    yield* waitUntil("b", "a 401 from compute", "5 seconds", Effect.sync(() => computeStatuses.filter((s) => s === 401).length > rejectedBefore))
    yield* waitUntil("b", "a new login", "5 seconds", Effect.sync(() => worker.adopted.length > adoptedBefore))
    const relogin = worker.adopted[adoptedBefore]!.token
    yield* say(`✓ compute answered 401; the session dropped that token and logged in again (${expiresIn(relogin)}, audit ${audit(relogin)}…)`)
    yield* waitUntil("b", "a call with the new token", "5 seconds", Effect.sync(() => worker.calls.some((c) => c.at > bStart && c.audit === relogin.auditIds[0])))
    yield* noFailures(worker, "b", bStart)
    yield* say("✓ the call that met the 401 was retried once with the new token: 200; no call failed")
    return revoked
  })

/** (c) Every login answered 503 across the renewal point: the current token keeps serving, then a renewal. Returns the logins refused. */
const keystoneOutage = (worker: Worker, sim: KeystoneSim.KeystoneSimService) =>
  Effect.gen(function*() {
    yield* heading("(c) Keystone outage at renewal time: every login answered 503")
    const current = yield* worker.session.token
    const cStart = Date.now()
    const adoptedBeforeOutage = worker.adopted.length
    const issuesBefore = yield* sim.count("POST /v3/auth/tokens")
    yield* sim.inject(Fault.status(503, { route: "POST /v3/auth/tokens", count: Infinity, retryAfter: 1 }))
    yield* say(`✗ Keystone answers 503 to every login from now (the current token, audit ${audit(current)}…, ${expiresIn(current)})`)
    yield* waitUntil(
      "c",
      "a failed renewal",
      TOKEN_LIFETIME,
      Effect.map(sim.count("POST /v3/auth/tokens"), (n) => n - issuesBefore >= 2)
    )
    const served = yield* worker.session.token
    yield* check("c", served.auditIds[0] === current.auditIds[0], "the session stopped serving the current token")
    yield* check("c", worker.adopted.length === adoptedBeforeOutage, "a token was adopted during the outage")
    yield* noFailures(worker, "c", cStart)
    yield* say(
      `✓ renewal failed, yet the session still serves the current token (${secondsLeft(served).toFixed(1)}s left); ` +
        `${worker.calls.filter((c) => c.at >= cStart).length} downstream calls during the outage, all 200`
    )
    const stale = worker.calls.filter((c) => c.at >= cStart && c.audit !== current.auditIds[0])
    yield* check("c", stale.length === 0, "a call during the outage was not made with the current token")
    yield* sim.clearFaults
    const refusedLogins = (yield* sim.count("POST /v3/auth/tokens")) - issuesBefore
    yield* say("✓ Keystone is back")
    const remaining = Duration.millis(Math.max(0, secondsLeft(current) * 1000))
    yield* renewalAfter(worker, "c", adoptedBeforeOutage, remaining)
    yield* noFailures(worker, "c", cStart)
    return refusedLogins
  })

/** (d) Keystone, asked with compute's service token: the revoked and the first (expired) token are refused, the current one not. */
const revokedTokenRefused = (worker: Worker, computeClient: KeystoneClient.KeystoneClientService, revoked: Token.Token) =>
  Effect.gen(function*() {
    yield* heading("(d) The revoked token, asked about with compute's service token")
    const checked = yield* computeClient.check(revoked)
    yield* check("d", checked === false, "check(revoked token) answered true")
    yield* say("✓ KeystoneClient.check(revoked token) → false")
    const validation = yield* computeClient.validate(revoked).pipe(
      Effect.as("valid"),
      Effect.catchTag("NotFound", (e) => Effect.succeed(`NotFound (${e.status}: ${e.message})`))
    )
    yield* check("d", validation.startsWith("NotFound"), `validate(revoked token) answered ${validation}`)
    yield* say(`✓ KeystoneClient.validate(revoked token) → ${validation}`)
    const expiredOk = yield* computeClient.check(worker.first)
    yield* check("d", expiredOk === false, "check(expired token) answered true")
    const currentOk = yield* computeClient.check(yield* worker.session.token)
    yield* check("d", currentOk === true, "check(current token) answered false")
    yield* say("✓ check(the first token, expired by now) → false too; check(the current token) → true")
  })

/** Stages (a) to (d) with the worker of the `KeystoneSession` provided; what the summary reports. */
export const stages = (
  sim: KeystoneSim.KeystoneSimService,
  computeClient: KeystoneClient.KeystoneClientService,
  computeStatuses: Array<number>
) =>
  Effect.gen(function*() {
    const worker = yield* startWorker
    yield* renewalsBeforeExpiry(worker)
    const revoked = yield* downstream401(worker, sim, computeStatuses)
    const refusedLogins = yield* keystoneOutage(worker, sim)
    yield* revokedTokenRefused(worker, computeClient, revoked)
    return { calls: [...worker.calls], renewals: worker.adopted.length - 1, relogins: 1, refusedLogins }
  }).pipe(Effect.scoped)
