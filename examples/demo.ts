/**
 * `npm start`: effect-keystone in 20 seconds, with nothing to set up.
 *
 * It starts a simulated Keystone (`KeystoneSim.serve`) on loopback that
 * issues 12-second tokens, and a small "compute" service (in Keystone's
 * catalog) behind `@effect-keystone/middleware`, which checks every request's
 * X-Auth-Token as keystonemiddleware does for Nova. Then a worker calls compute four times a second through
 * `KeystoneSession` while the demo
 *
 *   (a) lets tokens approach expiry: the session renews them before they expire;
 *   (b) revokes the worker's token in Keystone: compute answers 401, the
 *       session drops the token, logs in again and retries the call once;
 *   (c) makes Keystone answer 503 to every login across the renewal point:
 *       the session keeps serving the current token, then recovers;
 *   (d) asks Keystone about the revoked token: check → false, validate → NotFound;
 *   (e) runs examples/protected-service.ts: /whoami, /headers, one validation
 *       for 100 concurrent calls, a revoked token refused within a second.
 *
 * Every stage checks what it claims; if one does not hold, the demo exits 1.
 *
 * Against a real cloud (a short tour: log in, catalog, validate, renew, revoke):
 *
 *   npm start -- --auth-url https://keystone.example.com/v3   # with OS_USERNAME, OS_PASSWORD, …
 *   source openrc.sh && npm start                              # OS_AUTH_URL (or OS_CLOUD) set
 */
import { NodeContext, NodeHttpClient, NodeHttpServer, NodeRuntime } from "@effect/platform-node"
import * as HttpClient from "@effect/platform/HttpClient"
import { KeystoneSession, TokenStore } from "@effect-keystone/cache"
import { AuthScope, CallerToken, Credentials, KeystoneClient } from "@effect-keystone/client"
import * as CloudsYaml from "@effect-keystone/client/CloudsYaml"
import * as Tls from "@effect-keystone/client/Tls"
import { Token } from "@effect-keystone/schema"
import { Fault, KeystoneSim } from "@effect-keystone/testing"
import * as KeystoneSimNode from "@effect-keystone/testing/Node"
import * as Cause from "effect/Cause"
import * as ConfigProvider from "effect/ConfigProvider"
import * as Console from "effect/Console"
import * as Data from "effect/Data"
import * as DateTime from "effect/DateTime"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Logger from "effect/Logger"
import * as LogLevel from "effect/LogLevel"
import * as Option from "effect/Option"
import * as Redacted from "effect/Redacted"
import * as Schedule from "effect/Schedule"
import type * as Scope from "effect/Scope"
import * as Stream from "effect/Stream"
import { createServer } from "node:http"
import { pathToFileURL } from "node:url"
import * as ProtectedStage from "./demo-protected-service.js"

/** How long the simulated Keystone's tokens live. */
export const TOKEN_LIFETIME = Duration.seconds(12)

/** A stage did not behave as claimed. */
export class StageFailed extends Data.TaggedError("StageFailed")<{ readonly stage: string; readonly message: string }> {}

// ---------------------------------------------------------------------------
// narration
// ---------------------------------------------------------------------------

const startedAt = Date.now()
const clock = () => `${((Date.now() - startedAt) / 1000).toFixed(1).padStart(5)}s`
const say = (line: string) => Console.log(`${clock()}  ${line}`)
const heading = (line: string) => Console.log(`\n${line}`)

/** Library warnings (e.g. a failed renewal) as indented narration; no token ids are ever logged. */
const narratorLogger = Logger.make(({ logLevel, message }) => {
  if (LogLevel.lessThan(logLevel, LogLevel.Warning)) return
  const text = (Array.isArray(message) ? message : [message]).map(String).join(" ")
  globalThis.console.log(`${clock()}     ⋯ ${text}`)
})

const audit = (t: Token.Token) => t.auditIds[0]?.slice(0, 8) ?? "(none)"
const secondsLeft = (t: Token.Token, now = Date.now()) =>
  Option.match(t.expiresAt, { onNone: () => Infinity, onSome: (at) => (DateTime.toEpochMillis(at) - now) / 1000 })
const expiresIn = (t: Token.Token) => `expires in ${secondsLeft(t).toFixed(0)}s`

const check = (stage: string, ok: boolean, message: string) =>
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
// the world: a simulated Keystone and a compute service that trusts it
// ---------------------------------------------------------------------------

const demoAuth = {
  credentials: Credentials.password({
    username: KeystoneSim.Demo.username,
    domain: { id: KeystoneSim.Demo.domainId },
    password: Redacted.make(KeystoneSim.Demo.password)
  }),
  scope: AuthScope.project({ name: KeystoneSim.Demo.projectName, domain: { id: KeystoneSim.Demo.domainId } })
}

const serviceAuth = {
  credentials: Credentials.password({ userId: KeystoneSim.Service.userId, password: Redacted.make(KeystoneSim.Service.password) }),
  scope: AuthScope.project({ id: KeystoneSim.Service.projectId })
}

/** The simulator on loopback, its catalog pointing at itself and at compute. */
const startKeystone = (computeUrl: string) =>
  KeystoneSimNode.serve((baseUrl) => ({
    catalog: [
      {
        id: "5c6f7bd9e7a64d6e8d8a7f0b3e9f1a01",
        type: "identity",
        name: "keystone",
        endpoints: [{ id: "a1e0c3d2b4f54c7e9a8b6d5c4e3f2a10", interface: "public", region: "RegionOne", url: `${baseUrl}/v3` }]
      },
      {
        id: "9d8c7b6a5f4e4d3c8b2a1f0e9d8c7b60",
        type: "compute",
        name: "nova",
        endpoints: [{ id: "b2f1e0d9c8b74a6f9e5d4c3b2a1f0e90", interface: "public", region: "RegionOne", url: computeUrl }]
      }
    ]
  }))

const routeLegend = (refusedLogins: number): Record<string, string> => ({
  "POST /v3/auth/tokens": `logins: the services' (renewed) and the worker's (${refusedLogins} answered 503 in (c))`,
  "GET /v3/auth/tokens": "validations: compute's (once per new token, then cached), (d) and (e)",
  "GET /v3/OS-REVOKE/events": `revocation polls of compute and (e), every ${ProtectedStage.POLL}`,
  "HEAD /v3/auth/tokens": "checks: the worker asking whether its refused token is dead in (b), and (d)"
})

interface Call {
  readonly at: number
  readonly status: number
  /** The audit id compute saw (which token was accepted). */
  readonly audit: string | null
  readonly error?: string
}

// ---------------------------------------------------------------------------
// the simulated demo
// ---------------------------------------------------------------------------

/** The simulated demo: every stage, checked. */
export const simulated = Effect.gen(function*() {
  yield* Console.log("effect-keystone demo: a worker, a compute service and a simulated Keystone, all on loopback\n")

  // compute listens first (any free port), so Keystone's catalog can name it
  const computeServer = yield* NodeHttpServer.make(() => createServer(), { port: 0, host: "127.0.0.1" })
  const computeAddress = computeServer.address
  if (computeAddress._tag !== "TcpAddress") return yield* Effect.die("compute is not on TCP")
  const computeUrl = `http://127.0.0.1:${computeAddress.port}/v2.1`
  const sim = yield* startKeystone(computeUrl)
  yield* say(`Keystone (KeystoneSim) on ${sim.authUrl}`)

  // compute validates tokens with its own service token (issued while tokens live an hour)
  const keystone = yield* KeystoneClient.make({ authUrl: sim.authUrl })
  const serviceToken = yield* keystone.issue(serviceAuth)
  const computeClient = yield* KeystoneClient.make({ authUrl: sim.authUrl }).pipe(
    Effect.provide(CallerToken.layerFixed(serviceToken.id))
  )
  const computeStatuses: Array<number> = []
  yield* computeServer.serve(
    ProtectedStage.computeApp((status) => computeStatuses.push(status)).pipe(
      Effect.provide(yield* ProtectedStage.serviceAuth(sim.authUrl))
    )
  )
  yield* say(
    `compute on ${computeUrl}: @effect-keystone/middleware checks each new X-Auth-Token with Keystone ` +
      `(as the "service" user), then caches it; revocation poll every ${ProtectedStage.POLL}`
  )
  yield* sim.setTokenLifetime(TOKEN_LIFETIME)
  yield* say(`Keystone now issues ${Duration.format(TOKEN_LIFETIME)} tokens`)

  // The worker's session, composed as in the README.
  const WorkerLive = KeystoneSession.layer({ auth: demoAuth }).pipe(
    Layer.provide(TokenStore.layerMemory),
    // two attempts per login, so a Keystone outage reaches the session quickly (default: 5 within 30 s)
    Layer.provide(KeystoneClient.layer({ authUrl: sim.authUrl, retry: { maxAttempts: 2 } }))
  )

  const result = yield* Effect.provide(stages(sim, computeClient, computeStatuses), WorkerLive)
  yield* ProtectedStage.stage(
    sim,
    Effect.map(keystone.issue(demoAuth), (t) => Redacted.value(t.id)),
    say,
    (ok, message) => check("e", ok, message)
  )
  const counts = yield* sim.counts

  yield* heading("Summary")
  const ok = result.calls.filter((c) => c.status === 200).length
  yield* say(`downstream calls: ${ok}/${result.calls.length} OK (compute answered 401 ${computeStatuses.filter((s) => s === 401).length}× along the way, each retried)`)
  yield* say(`worker tokens: 1 login, ${result.renewals} background renewals, ${result.relogins} re-login after the 401`)
  yield* say("Keystone requests by route:")
  for (const [route, n] of Object.entries(counts).sort(([a], [b]) => a.localeCompare(b))) {
    yield* Console.log(`          ${String(n).padStart(4)}  ${route.padEnd(24)} ${routeLegend(result.refusedLogins)[route] ?? ""}`)
  }
  yield* check("summary", ok === result.calls.length, `${result.calls.length - ok} downstream call(s) failed`)
  yield* say(`✓ all stages behaved as claimed in ${((Date.now() - startedAt) / 1000).toFixed(1)}s`)
})

const stages = (
  sim: KeystoneSim.KeystoneSimService,
  computeClient: KeystoneClient.KeystoneClientService,
  computeStatuses: Array<number>
) =>
  Effect.gen(function*() {
    const session = yield* KeystoneSession.KeystoneSession
    const http = yield* session.httpClient

    // -- the worker: GET compute/servers every 250 ms ---------------------------------------
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
    const adopted: Array<{ readonly token: Token.Token; readonly at: number; readonly previous: Token.Token }> = []
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

    const failedCalls = (since: number) => calls.filter((c) => c.at >= since && c.status !== 200)
    const noFailures = (stage: string, since: number) =>
      Effect.suspend(() => {
        const failed = failedCalls(since)
        return check(stage, failed.length === 0, `${failed.length} downstream call(s) failed: ${failed[0]?.error ?? `status ${failed[0]?.status}`}`)
      })
    /** A renewal (or re-login) after index `n`: reports it and checks it came before the old token expired. */
    const renewalAfter = (stage: string, n: number, within: Duration.DurationInput) =>
      Effect.gen(function*() {
        yield* waitUntil(stage, "a renewal", within, Effect.sync(() => adopted.length > n))
        const { at, previous, token } = adopted[n]!
        const left = secondsLeft(previous, at)
        yield* say(`✓ renewed token (${expiresIn(token)}, audit ${audit(token)}…): the previous one still had ${left.toFixed(1)}s left`)
        yield* check(stage, left > 0, "the previous token had already expired")
        return token
      })

    // -- (a) renewals before expiry -----------------------------------------------------------
    const lifetime = Duration.toSeconds(TOKEN_LIFETIME)
    yield* heading(`(a) Renewal before expiry: ${lifetime}s tokens, renewed in the background ahead of time`)
    const aStart = Date.now()
    const within = Duration.times(TOKEN_LIFETIME, 1.5)
    yield* renewalAfter("a", 0, within)
    yield* renewalAfter("a", 1, within)
    yield* noFailures("a", aStart)
    yield* say(`✓ ${calls.filter((c) => c.at >= aStart).length} downstream calls meanwhile, every one 200`)

    // -- (b) a downstream 401, recovered ------------------------------------------------------
    yield* heading("(b) A downstream 401: the worker's token is revoked behind its back")
    const revoked = yield* session.token
    const bStart = Date.now()
    const adoptedBefore = adopted.length
    const rejectedBefore = computeStatuses.filter((s) => s === 401).length
    yield* sim.revoke(Redacted.value(revoked.id))
    yield* say(`✗ revoked the worker's current token (audit ${audit(revoked)}…) in Keystone`)
    yield* waitUntil("b", "a 401 from compute", "5 seconds", Effect.sync(() => computeStatuses.filter((s) => s === 401).length > rejectedBefore))
    yield* waitUntil("b", "a new login", "5 seconds", Effect.sync(() => adopted.length > adoptedBefore))
    const relogin = adopted[adoptedBefore]!.token
    yield* say(`✓ compute answered 401; the session dropped that token and logged in again (${expiresIn(relogin)}, audit ${audit(relogin)}…)`)
    yield* waitUntil("b", "a call with the new token", "5 seconds", Effect.sync(() => calls.some((c) => c.at > bStart && c.audit === relogin.auditIds[0])))
    yield* noFailures("b", bStart)
    yield* say("✓ the call that met the 401 was retried once with the new token: 200; no call failed")

    // -- (c) Keystone outage across the renewal point ----------------------------------------
    yield* heading("(c) Keystone outage at renewal time: every login answered 503")
    const current = yield* session.token
    const cStart = Date.now()
    const adoptedBeforeOutage = adopted.length
    const issuesBefore = yield* sim.count("POST /v3/auth/tokens")
    yield* sim.inject(Fault.status(503, { route: "POST /v3/auth/tokens", count: Infinity, retryAfter: 1 }))
    yield* say(`✗ Keystone answers 503 to every login from now (the current token, audit ${audit(current)}…, ${expiresIn(current)})`)
    yield* waitUntil(
      "c",
      "a failed renewal",
      TOKEN_LIFETIME,
      Effect.map(sim.count("POST /v3/auth/tokens"), (n) => n - issuesBefore >= 2)
    )
    const served = yield* session.token
    yield* check("c", served.auditIds[0] === current.auditIds[0], "the session stopped serving the current token")
    yield* check("c", adopted.length === adoptedBeforeOutage, "a token was adopted during the outage")
    yield* noFailures("c", cStart)
    yield* say(
      `✓ renewal failed, yet the session still serves the current token (${secondsLeft(served).toFixed(1)}s left); ` +
        `${calls.filter((c) => c.at >= cStart).length} downstream calls during the outage, all 200`
    )
    const stale = calls.filter((c) => c.at >= cStart && c.audit !== current.auditIds[0])
    yield* check("c", stale.length === 0, "a call during the outage was not made with the current token")
    yield* sim.clearFaults
    const refusedLogins = (yield* sim.count("POST /v3/auth/tokens")) - issuesBefore
    yield* say("✓ Keystone is back")
    const remaining = Duration.millis(Math.max(0, secondsLeft(current) * 1000))
    yield* renewalAfter("c", adoptedBeforeOutage, remaining)
    yield* noFailures("c", cStart)

    // -- (d) the revoked token is refused -----------------------------------------------------
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
    const expiredOk = yield* computeClient.check(first)
    yield* check("d", expiredOk === false, "check(expired token) answered true")
    const currentOk = yield* computeClient.check(yield* session.token)
    yield* check("d", currentOk === true, "check(current token) answered false")
    yield* say("✓ check(the first token, expired by now) → false too; check(the current token) → true")

    return { calls: [...calls], renewals: adopted.length - 1, relogins: 1, refusedLogins }
  }).pipe(Effect.scoped)

// ---------------------------------------------------------------------------
// against a real cloud
// ---------------------------------------------------------------------------

/** The short tour against the cloud `provider`'s OS_* settings describe. */
export const real = (provider: ConfigProvider.ConfigProvider) =>
  Effect.gen(function*() {
    const settings = yield* CloudsYaml.load.pipe(Effect.withConfigProvider(provider), Effect.provide(NodeContext.layer))
    yield* Console.log(`effect-keystone demo against ${settings.authUrl}\n`)
    const ClientLive = KeystoneClient.layer({ authUrl: settings.authUrl, version: settings.version }).pipe(
      Layer.provideMerge(Tls.layerUndici(settings.tls))
    )
    // the session (closed first, revoking its tokens) inside the client's lifetime
    const SessionLive = KeystoneSession.layer({ auth: settings.auth, revokeOnClose: true }).pipe(
      Layer.provide(TokenStore.layerMemory)
    )
    const region = Option.getOrUndefined(settings.region)

    const tour = Effect.gen(function*() {
      const session = yield* KeystoneSession.KeystoneSession
      const client = yield* KeystoneClient.KeystoneClient
      const token = yield* session.token
      const scope = token.scope._tag === "Project" ? `project ${token.scope.name}` : token.scope._tag.toLowerCase()
      yield* say(`✓ logged in as ${token.user.name} (${scope}, ${token.version}, ${expiresIn(token)}, audit ${audit(token)}…)`)
      yield* say("catalog:")
      for (const service of token.catalog.services) {
        const urls = service.endpoints
          .filter((e) => e.interface === settings.interface && (region === undefined || e.region === region))
          .map((e) => `${e.region ?? "-"} ${e.url}`)
        yield* Console.log(`          ${service.type.padEnd(16)} ${service.name.padEnd(12)} ${urls.join(", ") || "(no matching endpoint)"}`)
      }
      for (const type of ["compute", "identity"]) {
        const url = yield* Effect.either(session.endpoint({ type, interface: settings.interface, region }))
        yield* say(url._tag === "Right" ? `✓ ${type} endpoint: ${url.right}` : `  ${type}: ${url.left.message}`)
      }
      const validated = yield* client.validate(token)
      yield* say(`✓ validated: ${validated.user.name}, roles ${validated.roles.map((r) => r.name).join(", ") || "(none)"}`)
      const renewed = yield* session.refresh
      yield* check("real", renewed.auditIds[0] !== token.auditIds[0], "refresh returned the same token")
      yield* say(`✓ renewed (session.refresh): ${expiresIn(renewed)}, audit ${audit(renewed)}…`)
      return [token, renewed] as const
    })

    yield* Effect.gen(function*() {
      const tokens = yield* Effect.provide(tour, SessionLive)
      // the session revoked both on close: Keystone now refuses them
      const client = yield* KeystoneClient.KeystoneClient
      for (const t of tokens) {
        const refused = yield* client.check(t).pipe(
          Effect.map((valid) => !valid),
          Effect.catchTag("Unauthorized", () => Effect.succeed(true)) // a dead token cannot vouch for itself
        )
        yield* check("real", refused, `token audit ${audit(t)}… is still valid after close`)
      }
      yield* say(`✓ both tokens revoked on close (revokeOnClose): Keystone refuses them`)
    }).pipe(Effect.provide(ClientLive))
  })

// ---------------------------------------------------------------------------

const argValue = (name: string): string | undefined => {
  const args = process.argv.slice(2)
  const i = args.findIndex((a) => a === name || a.startsWith(`${name}=`))
  if (i < 0) return undefined
  return args[i]!.includes("=") ? args[i]!.slice(name.length + 1) : args[i + 1]
}

export const main = Effect.suspend(() => {
  const authUrl = argValue("--auth-url")
  const useReal = authUrl !== undefined || (process.env.OS_AUTH_URL ?? "") !== "" || (process.env.OS_CLOUD ?? "") !== ""
  const provider = authUrl === undefined
    ? ConfigProvider.fromEnv()
    : ConfigProvider.fromMap(new Map([["OS_AUTH_URL", authUrl]])).pipe(ConfigProvider.orElse(() => ConfigProvider.fromEnv()))
  const demo: Effect.Effect<void, unknown, Scope.Scope | HttpClient.HttpClient> = useReal ? real(provider) : simulated
  return demo.pipe(
    Effect.scoped,
    Effect.provide(NodeHttpClient.layerUndici),
    Effect.timeoutFail({
      duration: "55 seconds",
      onTimeout: () => new StageFailed({ stage: "demo", message: "took longer than 55 seconds" })
    }),
    Effect.tapErrorCause((cause) =>
      Console.error(
        `\n✗ demo failed${
          Cause.failureOption(cause).pipe(
            Option.map((e) => (e instanceof StageFailed ? ` in stage (${e.stage}): ${e.message}` : `: ${String((e as { message?: unknown }).message ?? e)}`)),
            Option.getOrElse(() => `:\n${Cause.pretty(cause)}`)
          )
        }`
      )
    ),
    Effect.provide(Logger.replace(Logger.defaultLogger, narratorLogger))
  )
})

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  NodeRuntime.runMain(main, {
    disableErrorReporting: true,
    disablePrettyLogger: true,
    // exit as soon as the demo is done (idle keep-alive sockets need not hold the process)
    teardown: (exit, onExit) => {
      onExit(exit._tag === "Success" ? 0 : 1)
      process.exit(exit._tag === "Success" ? 0 : 1)
    }
  })
}
