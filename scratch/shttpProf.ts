import { HttpClient, HttpClientRequest } from "@effect/platform"
import { NodeHttpClient } from "@effect/platform-node"
import { KeystoneSession, TokenStore } from "@effect-keystone/cache"
import { Credentials, KeystoneClient } from "@effect-keystone/client"
import { KeystoneSim } from "@effect-keystone/testing"
import { Effect, Redacted } from "effect"
import { spawn } from "node:child_process"
const simProcess = Effect.acquireRelease(
  Effect.async<{ readonly authUrl: string; readonly kill: () => void }>((resume) => {
    const child = spawn(process.execPath, ["--import", "tsx", "bench/sim-server.ts"], { stdio: ["ignore", "pipe", "inherit"], env: { ...process.env, NODE_OPTIONS: "" } })
    let out = ""
    child.stdout.on("data", (chunk: Buffer) => { out += chunk.toString(); const line = out.split("\n")[0]; if (out.includes("\n") && line !== undefined) resume(Effect.succeed({ authUrl: line.trim(), kill: () => child.kill() })) })
  }), (p) => Effect.sync(() => p.kill()))
const which = process.argv[2]!, N = Number(process.argv[3] ?? 3000)
const program = Effect.gen(function*() {
  const sim = yield* simProcess
  const bare = yield* HttpClient.HttpClient
  const session = yield* KeystoneSession.make({ auth: { credentials: Credentials.password({ username: KeystoneSim.Demo.username, domain: { id: "default" }, password: Redacted.make(KeystoneSim.Demo.password) }) } }).pipe(
    Effect.provideServiceEffect(KeystoneClient.KeystoneClient, KeystoneClient.make({ authUrl: sim.authUrl })), Effect.provide(TokenStore.layerMemory))
  const ours = yield* session.httpClient
  const token = Redacted.value((yield* session.token).id)
  const request = HttpClientRequest.get(sim.authUrl)
  const e = which === "bare" ? bare.execute(HttpClientRequest.setHeader(request, "x-auth-token", token)).pipe(Effect.flatMap((r) => r.text)) : ours.execute(request).pipe(Effect.flatMap((r) => r.text))
  for (let i = 0; i < N; i++) yield* e
}).pipe(Effect.scoped, Effect.provide(NodeHttpClient.layerUndici))
Effect.runPromise(program)
