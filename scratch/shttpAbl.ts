import { FetchHttpClient, HttpClient, HttpClientRequest } from "@effect/platform"
import { NodeHttpClient } from "@effect/platform-node"
import { KeystoneSession, TokenStore } from "@effect-keystone/cache"
import { Credentials, KeystoneClient } from "@effect-keystone/client"
import { KeystoneSim } from "@effect-keystone/testing"
import { Effect, Redacted } from "effect"
import { compareEffects } from "../bench/measure.js"
import { simProcess } from "../bench/simProcess.js"
const program = Effect.gen(function*() {
  const sim = yield* simProcess
  const bare = yield* HttpClient.HttpClient
  const session = yield* KeystoneSession.make({ auth: { credentials: Credentials.password({ username: KeystoneSim.Demo.username, domain: { id: "default" }, password: Redacted.make(KeystoneSim.Demo.password) }) } }).pipe(
    Effect.provideServiceEffect(KeystoneClient.KeystoneClient, KeystoneClient.make({ authUrl: sim.authUrl })), Effect.provide(TokenStore.layerMemory))
  const ours = yield* session.httpClient
  const token = Redacted.value((yield* session.token).id)
  const request = HttpClientRequest.get(sim.authUrl)
  const withTok = HttpClientRequest.setHeader(request, "x-auth-token", token)
  const get = (client: HttpClient.HttpClient.With<unknown>, req: HttpClientRequest.HttpClientRequest) => client.execute(req).pipe(Effect.flatMap((r) => r.text))
  const prov = HttpClient.transform(bare, (effect) => Effect.provideService(effect, FetchHttpClient.RequestInit, { redirect: "manual" }))
  const sides = { bare: get(bare, withTok), ours: get(ours, request), bare2: get(bare, withTok) }
  for (let k = 0; k < Number(process.argv[2] ?? 2); k++) {
    const r = yield* compareEffects(sides, { rounds: 11, perRound: 300 })
    console.log("default ", Object.keys(sides).map((s) => `${s} ${(r.nsPerOp(s) / 1000).toFixed(0)}µs ×${r.ratio(s, "bare").toFixed(3)}`).join(" | "))
    const r2 = yield* Effect.provideService(compareEffects(sides, { rounds: 11, perRound: 300 }), FetchHttpClient.RequestInit, { redirect: "manual" })
    console.log("opt-out ", Object.keys(sides).map((s) => `${s} ${(r2.nsPerOp(s) / 1000).toFixed(0)}µs ×${r2.ratio(s, "bare").toFixed(3)}`).join(" | "))
  }
}).pipe(Effect.scoped, Effect.provide(NodeHttpClient.layerUndici))
Effect.runPromise(program)
