import { HttpClient, HttpClientRequest } from "@effect/platform"
import { NodeHttpClient } from "@effect/platform-node"
import { KeystoneSession, TokenStore } from "@effect-keystone/cache"
import { Credentials, KeystoneClient } from "@effect-keystone/client"
import { KeystoneSim } from "@effect-keystone/testing"
import { Effect, Redacted } from "effect"
import { simProcess } from "../bench/simProcess.js"
const program = Effect.gen(function*() {
  const sim = yield* simProcess
  const bare0 = yield* HttpClient.HttpClient
  const bare = HttpClient.tapRequest(bare0, (r) => Effect.sync(() => console.log(r.method, r.url, JSON.stringify(r.headers).slice(0, 300))))
  const session = yield* KeystoneSession.make({ auth: { credentials: Credentials.password({ username: KeystoneSim.Demo.username, domain: { id: "default" }, password: Redacted.make(KeystoneSim.Demo.password) }) } }).pipe(
    Effect.provideServiceEffect(KeystoneClient.KeystoneClient, KeystoneClient.make({ authUrl: sim.authUrl })), Effect.provide(TokenStore.layerMemory), Effect.provideService(HttpClient.HttpClient, bare))
  const ours = yield* session.httpClient
  const token = Redacted.value((yield* session.token).id)
  const request = HttpClientRequest.get(sim.authUrl)
  const r1 = yield* bare.execute(HttpClientRequest.setHeader(request, "x-auth-token", token))
  console.log(r1.status, JSON.stringify(r1.headers), (yield* r1.text).length)
  const r2 = yield* ours.execute(request)
  console.log(r2.status, JSON.stringify(r2.headers), (yield* r2.text).length)
}).pipe(Effect.scoped, Effect.provide(NodeHttpClient.layerUndici))
Effect.runPromise(program)
