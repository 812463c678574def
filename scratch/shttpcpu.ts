import { HttpClient, HttpClientRequest } from "@effect/platform"
import { NodeHttpClient } from "@effect/platform-node"
import { KeystoneSession, TokenStore } from "@effect-keystone/cache"
import { Credentials, KeystoneClient } from "@effect-keystone/client"
import { KeystoneSim } from "@effect-keystone/testing"
import { Effect, Redacted } from "effect"
import { simProcess } from "../bench/simProcess.js"
const N = Number(process.argv[2] ?? 2000)
const program = Effect.gen(function*() {
  const sim = yield* simProcess
  const bare = yield* HttpClient.HttpClient
  const session = yield* KeystoneSession.make({ auth: { credentials: Credentials.password({ username: KeystoneSim.Demo.username, domain: { id: "default" }, password: Redacted.make(KeystoneSim.Demo.password) }) } }).pipe(
    Effect.provideServiceEffect(KeystoneClient.KeystoneClient, KeystoneClient.make({ authUrl: sim.authUrl })), Effect.provide(TokenStore.layerMemory))
  const ours = yield* session.httpClient
  const token = Redacted.value((yield* session.token).id)
  const request = HttpClientRequest.get(sim.authUrl)
  const get = (client: HttpClient.HttpClient.With<unknown>, req: HttpClientRequest.HttpClientRequest) => client.execute(req).pipe(Effect.flatMap((r) => r.text))
  const sides: Record<string, Effect.Effect<unknown, unknown>> = { bare: get(bare, HttpClientRequest.setHeader(request, "x-auth-token", token)), ours: get(ours, request) }
  for (let k = 0; k < 6; k++) for (const [name, e] of Object.entries(sides)) {
    const c0 = process.cpuUsage(); const t0 = process.hrtime.bigint()
    for (let i = 0; i < N; i++) yield* e
    const c = process.cpuUsage(c0)
    if (k > 0) console.log(name.padEnd(6), `cpu ${((c.user + c.system) / N).toFixed(1)}µs wall ${(Number(process.hrtime.bigint() - t0) / N / 1000).toFixed(1)}µs`)
  }
}).pipe(Effect.scoped, Effect.provide(NodeHttpClient.layerUndici))
Effect.runPromise(program)
