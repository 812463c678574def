/**
 * One real flow, run under Bun and Deno by `npm run test:runtimes` (see
 * `scripts/test-runtimes.ts`): the simulator served by the runtime's own
 * HTTP server on loopback, `FetchHttpClient` as the application's client,
 * and the core packages in between. Time is the `TestClock` (renewal after
 * 58 minutes takes no time); the sockets are real.
 *
 * Prints one line per step and `N passed, N failed`; exits 1 on a failure.
 */
import * as FetchHttpClient from "@effect/platform/FetchHttpClient"
import type * as HttpClient from "@effect/platform/HttpClient"
import type * as HttpServer from "@effect/platform/HttpServer"
import { KeystoneSession, TokenStore } from "@effect-keystone/cache"
import { AuthScope, CallerToken, Credentials, KeystoneClient } from "@effect-keystone/client"
import { Catalog } from "@effect-keystone/schema"
import { KeystoneSim } from "@effect-keystone/testing"
import * as Effect from "effect/Effect"
import * as Fiber from "effect/Fiber"
import * as Layer from "effect/Layer"
import * as Logger from "effect/Logger"
import * as LogLevel from "effect/LogLevel"
import * as Redacted from "effect/Redacted"
import * as Stream from "effect/Stream"
import * as TestClock from "effect/TestClock"
import * as TestContext from "effect/TestContext"

const ISSUE = "POST /v3/auth/tokens"
const COMPUTE = "GET service:compute"

const auth = {
  credentials: Credentials.password({ userId: KeystoneSim.Demo.userId, password: Redacted.make(KeystoneSim.Demo.password) }),
  scope: AuthScope.project({ id: KeystoneSim.Demo.projectId })
}

/** A compute service answered by the simulator itself, at `baseUrl/compute/v2.1`. */
const seed = (baseUrl: string): Partial<KeystoneSim.Seed> => ({
  catalog: [{
    id: "9d8c7b6a5f4e4d3c8b2a1f0e9d8c7b60",
    type: "compute",
    name: "nova",
    endpoints: [{ id: "b2f1e0d9c8b74a6f9e5d4c3b2a1f0e90", interface: "public", region: "RegionOne", url: `${baseUrl}/compute/v2.1` }]
  }]
})

class StepFailed extends Error {}

const check = (condition: boolean, what: string): Effect.Effect<void, StepFailed> =>
  condition ? Effect.void : Effect.fail(new StepFailed(what))

type Step = readonly [
  name: string,
  step: Effect.Effect<void, unknown, KeystoneClient.KeystoneClient | KeystoneSession.KeystoneSession | HttpClient.HttpClient>
]

/** The steps, in order; each one builds on the ones before. */
const steps = (sim: KeystoneSim.KeystoneSimService): ReadonlyArray<Step> => {
  const computeUrl = `${sim.baseUrl}/compute/v2.1`
  return [
    ["issue a project-scoped token (password)", Effect.gen(function*() {
      const client = yield* KeystoneClient.KeystoneClient
      const issued = yield* sim.count(ISSUE)
      const token = yield* client.issue(auth)
      yield* check(token.user.id === KeystoneSim.Demo.userId, `user ${token.user.id}`)
      yield* check(token.scope._tag === "Project" && token.scope.id === KeystoneSim.Demo.projectId, "scope")
      const counts = yield* sim.counts
      yield* check(counts[ISSUE] === issued + 1, `one issue request: ${JSON.stringify(counts)}`)
    })],
    ["validate it (it validates itself), and look up its catalog", Effect.gen(function*() {
      const client = yield* KeystoneClient.KeystoneClient
      const token = yield* client.issue(auth)
      const validated = yield* KeystoneClient.make({ authUrl: sim.authUrl }).pipe(
        Effect.provide(CallerToken.layerFixed(token.id)),
        Effect.flatMap((caller) => caller.validate(token))
      )
      yield* check(validated.auditIds[0] === token.auditIds[0], "the same token came back")
      const catalog = yield* client.endpoints(token)
      const url = yield* Catalog.endpoint(catalog, { type: "compute", interface: "public", region: "RegionOne" })
      yield* check(url === computeUrl, `compute at ${url}`)
    })],
    ["a session: endpoint lookup from its token", Effect.gen(function*() {
      const session = yield* KeystoneSession.KeystoneSession
      const url = yield* session.endpoint({ type: "compute", interface: "public", region: "RegionOne" })
      yield* check(url === computeUrl, `compute at ${url}`)
    })],
    ["the session renews its token before expiry (58 minutes on the TestClock)", Effect.gen(function*() {
      const session = yield* KeystoneSession.KeystoneSession
      const before = yield* session.token
      const issued = yield* sim.count(ISSUE)
      const next = yield* Effect.fork(Stream.runHead(session.changes))
      yield* Effect.yieldNow()
      yield* TestClock.adjust("58 minutes")
      const renewed = yield* Fiber.join(next)
      yield* check(renewed._tag === "Some" && renewed.value.auditIds[0] !== before.auditIds[0], "a new token")
      yield* check((yield* sim.count(ISSUE)) === issued + 1, "one issue request for the renewal")
      const now = yield* session.token
      yield* check(now.auditIds[0] !== before.auditIds[0], "the session serves the new token")
    })],
    ["a downstream 401 costs one re-authentication, then the call succeeds", Effect.gen(function*() {
      const session = yield* KeystoneSession.KeystoneSession
      const current = yield* session.token
      const issued = yield* sim.count(ISSUE)
      yield* sim.revoke(Redacted.value(current.id))
      const http = yield* session.httpClient
      const response = yield* http.get(`${computeUrl}/servers`)
      yield* check(response.status === 200, `status ${response.status}`)
      const body = (yield* response.json) as { readonly path?: string }
      yield* check(body.path === "/compute/v2.1/servers", `path ${body.path}`)
      yield* check((yield* sim.count(COMPUTE)) === 2, "the service saw the refused call and the retry")
      yield* check((yield* sim.count(ISSUE)) === issued + 1, "one re-authentication")
    })]
  ]
}

/**
 * Runs the flow against the simulator served by `server`, printing the
 * result of each step; resolves to the number of failed steps.
 */
export const run = <E>(runtime: string, server: Layer.Layer<HttpServer.HttpServer, E>): Promise<number> => {
  const program = Effect.gen(function*() {
    const sim = yield* KeystoneSim.serve(server, seed)
    console.log(`${runtime}: KeystoneSim on ${sim.baseUrl}`)
    const clients = KeystoneSession.layer({ auth }).pipe(
      Layer.provideMerge(TokenStore.layerMemory),
      Layer.provideMerge(KeystoneClient.layer({ authUrl: sim.authUrl })),
      Layer.provideMerge(FetchHttpClient.layer)
    )
    const context = yield* Layer.build(clients)
    // the session's first login, so that the steps count only their own requests
    yield* Effect.provide(Effect.flatMap(KeystoneSession.KeystoneSession, (session) => session.token), context)
    let passed = 0
    let failed = 0
    for (const [name, step] of steps(sim)) {
      if (failed > 0) {
        console.log(`  - ${name} (not run: an earlier step failed)`)
        failed++
        continue
      }
      const started = Date.now()
      const exit = yield* Effect.exit(Effect.provide(step, context))
      if (exit._tag === "Success") {
        passed++
        console.log(`  ✓ ${name} (${Date.now() - started} ms)`)
      } else {
        failed++
        console.log(`  ✗ ${name}\n    ${String(exit.cause).split("\n").join("\n    ")}`)
      }
    }
    console.log(`${runtime}: ${passed} passed, ${failed} failed`)
    return failed
  })
  return Effect.runPromise(
    program.pipe(Effect.scoped, Effect.provide(TestContext.TestContext), Logger.withMinimumLogLevel(LogLevel.Warning))
  )
}
