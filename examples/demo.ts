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
 * Stages (a) to (d) are named steps in demo-stages.ts, (e) is in
 * demo-protected-service.ts; this file builds the world they run in.
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
import { KeystoneSim } from "@effect-keystone/testing"
import * as KeystoneSimNode from "@effect-keystone/testing/Node"
import * as Cause from "effect/Cause"
import * as ConfigProvider from "effect/ConfigProvider"
import * as Console from "effect/Console"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Logger from "effect/Logger"
import * as Option from "effect/Option"
import * as Redacted from "effect/Redacted"
import type * as Scope from "effect/Scope"
import { createServer } from "node:http"
import { pathToFileURL } from "node:url"
import * as ProtectedStage from "./demo-protected-service.js"
import { audit, check, elapsed, expiresIn, heading, narratorLogger, say, StageFailed, stages, TOKEN_LIFETIME } from "./demo-stages.js"

export { StageFailed, TOKEN_LIFETIME }

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
  yield* say(`✓ all stages behaved as claimed in ${elapsed()}s`)
})

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
