/**
 * `@effect-keystone/middleware` against keystonemiddleware's `auth_token`
 * (driven in-process from Python by keystonemiddleware_baseline.py, its
 * in-memory token cache), both validating against the same KeystoneSim on
 * loopback, whose validations take 50 ms (as a real Keystone's do), with the
 * same service user and `include_service_catalog` on both sides:
 *
 *   - a cached validation: a whole request through the middleware (a fetch
 *     `Request` through `Fetch.wrap`; a webob request through `AuthProtocol`)
 *     with a token the middleware has seen. Target: ≥ 20× faster.
 *   - 1,000 concurrent requests carrying one new token: how many validations
 *     each sent to Keystone (ours: one; printed, not a ratio).
 */
import * as HttpClient from "@effect/platform/HttpClient"
import { NodeHttpClient } from "@effect/platform-node"
import { KeystoneSession, TokenStore } from "@effect-keystone/cache"
import { AuthScope, Credentials, KeystoneClient } from "@effect-keystone/client"
import { AuthToken, Fetch } from "@effect-keystone/middleware"
import { Fault, KeystoneSim } from "@effect-keystone/testing"
import * as KeystoneSimNode from "@effect-keystone/testing/Node"
import { Effect, Exit, Layer, ManagedRuntime, Redacted, Scope } from "effect"
import { spawn } from "node:child_process"
import * as net from "node:net"
import * as path from "node:path"
import { fileURLToPath } from "node:url"
import { measureAsync, report } from "./measure.js"

const here = path.dirname(fileURLToPath(import.meta.url))
const python = "/usr/bin/python3"
const CONCURRENT = 1000
const { Demo, Service } = KeystoneSim

interface Baseline {
  readonly cached_ns: number
  readonly validations: number
  readonly ok: number
  readonly requests: number
  readonly version: string
}

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = s.address() as net.AddressInfo
      s.close(() => resolve(port))
    })
  })

/** keystonemiddleware_baseline.py, fed its input on stdin (tokens never on the command line). */
const keystonemiddleware = (input: unknown) =>
  new Promise<Baseline | string>((resolve) => {
    const child = spawn(python, [path.join(here, "keystonemiddleware_baseline.py")], { stdio: ["pipe", "pipe", "pipe"] })
    let out = ""
    let err = ""
    child.stdout.on("data", (d) => (out += d))
    child.stderr.on("data", (d) => (err += d))
    child.on("error", (e) => resolve(`keystonemiddleware baseline unavailable (${python}: ${e.message})`))
    child.on("close", (code) =>
      resolve(
        code === 0
          ? (JSON.parse(out) as Baseline)
          : `keystonemiddleware baseline unavailable (${python}: ${err.trim().split("\n").pop()}); install Debian's python3-keystonemiddleware`
      ))
    child.stdin.end(JSON.stringify(input))
  })

export const run = async () => {
  const port = await freePort()
  const authUrl = `http://127.0.0.1:${port}/v3`
  const catalog = KeystoneSim.defaultSeed.catalog.map((s) =>
    s.type === "identity" ? { ...s, endpoints: s.endpoints.map((e) => ({ ...e, url: authUrl })) } : s
  )
  const scope = Effect.runSync(Scope.make())
  const sim = await Effect.runPromise(
    KeystoneSimNode.serve({ catalog, tokenLifetime: "12 hours" }, { port }).pipe(Scope.extend(scope))
  )
  await Effect.runPromise(sim.inject(Fault.latency("50 millis", { route: "GET /v3/auth/tokens", count: Infinity })))
  const issue = () =>
    Effect.runPromise(
      Effect.flatMap(KeystoneClient.make({ authUrl }), (c) =>
        c.issue({ credentials: Credentials.password({ userId: Demo.userId, password: Redacted.make(Demo.password) }) })).pipe(
          Effect.map((t) => Redacted.value(t.id)),
          Effect.provide(NodeHttpClient.layerUndici)
        )
    )
  const [cachedToken, newTokenTheirs, newTokenOurs] = [await issue(), await issue(), await issue()]

  // ours: the service session and the middleware, validations counted on the client
  let validations = 0
  const Counted = Layer.effect(
    HttpClient.HttpClient,
    Effect.map(HttpClient.HttpClient, (client) =>
      HttpClient.tapRequest(client, (r) =>
        Effect.sync(() => {
          if (r.method === "GET" && r.url.endsWith("/auth/tokens")) validations++
        })))
  ).pipe(Layer.provide(NodeHttpClient.layerUndici))
  const AuthLive = AuthToken.layer({ includeServiceCatalog: true, serviceTokenRolesRequired: true }).pipe(
    Layer.provideMerge(KeystoneSession.layer({
      auth: {
        credentials: Credentials.password({ userId: Service.userId, password: Redacted.make(Service.password) }),
        scope: AuthScope.project({ id: Service.projectId })
      }
    })),
    Layer.provide(TokenStore.layerMemory),
    Layer.provideMerge(KeystoneClient.layer({ authUrl })),
    Layer.provideMerge(Counted)
  )
  const runtime = ManagedRuntime.make(AuthLive)
  const handler = Fetch.wrap(runtime, () => new Response("ok"))
  const call = async (token: string) => (await handler(new Request("http://service.test/", { headers: { "x-auth-token": token } }))).status

  try {
    const base = await keystonemiddleware({
      auth_url: authUrl,
      username: Service.username,
      password: Service.password,
      project_name: Service.projectName,
      cached_token: cachedToken,
      new_token: newTokenTheirs,
      concurrency: CONCURRENT
    })
    if ((await call(cachedToken)) !== 200) throw new Error("our middleware refused the cached token")
    const before = validations
    const ours = await measureAsync("Fetch.wrap(runtime, handler)(request)", () => call(cachedToken), 5000)
    if (validations !== before) throw new Error("our cached path went to Keystone")

    validations = 0
    const statuses = await Promise.all(Array.from({ length: CONCURRENT }, () => call(newTokenOurs)))
    const ourValidations = validations
    const ourOk = statuses.filter((s) => s === 200).length

    if (typeof base === "string") {
      console.log(`\n${base}`)
      console.log(`  ours: cached validation ${ours.nsPerOp.toFixed(0)} ns/op; ${CONCURRENT} concurrent requests, one new token: ${ourValidations} validation(s)`)
      return []
    }
    const result = report({
      name: "cached validation: a whole request through the middleware, token seen before",
      baseline: { label: `keystonemiddleware ${base.version} auth_token (webob)`, nsPerOp: base.cached_ns },
      ours,
      ratio: base.cached_ns / ours.nsPerOp,
      target: { min: 20 }
    })
    console.log(`\n${CONCURRENT} concurrent requests with one new token (Keystone validations take 50 ms)`)
    console.log(`  baseline  keystonemiddleware ${base.version}: ${base.validations} validations sent to Keystone (${base.ok}/${base.requests} answered 200)`)
    console.log(`  ours      @effect-keystone/middleware: ${ourValidations} validation sent to Keystone (${ourOk}/${CONCURRENT} answered 200)`)
    return [result]
  } finally {
    await runtime.dispose()
    await Effect.runPromise(Scope.close(scope, Exit.void))
  }
}
