import { HttpClient, HttpClientRequest } from "@effect/platform"
import { NodeHttpClient } from "@effect/platform-node"
import { Credentials, KeystoneClient } from "@effect-keystone/client"
import { KeystoneSim } from "@effect-keystone/testing"
import { Token } from "@effect-keystone/schema"
import { Effect, Redacted } from "effect"
import { spawn } from "node:child_process"
import * as path from "node:path"

const mode = process.argv[2] ?? "both"
const N = Number(process.argv[3] ?? 2000)
const simProcess = Effect.acquireRelease(
  Effect.async<{ readonly authUrl: string; readonly kill: () => void }>((resume) => {
    const child = spawn(process.execPath, ["--import", "tsx", path.join(process.cwd(), "bench/sim-server.ts")], { stdio: ["ignore", "pipe", "inherit"] })
    let out = ""
    child.stdout.on("data", (chunk: Buffer) => {
      out += chunk.toString()
      const line = out.split("\n")[0]
      if (out.includes("\n") && line !== undefined) resume(Effect.succeed({ authUrl: line.trim(), kill: () => child.kill() }))
    })
  }),
  (p) => Effect.sync(() => p.kill())
)
const program = Effect.gen(function*() {
  const sim = yield* simProcess
  const client = yield* KeystoneClient.make({ authUrl: sim.authUrl, retry: false })
  const token = yield* client.issue({
    credentials: Credentials.password({ username: KeystoneSim.Demo.username, domain: { id: "default" }, password: Redacted.make(KeystoneSim.Demo.password) }),
    scope: { _tag: "Project", id: KeystoneSim.Demo.projectId }
  })
  const id = Redacted.value(token.id)
  const url = `${sim.authUrl}/auth/tokens`
  const headers = { accept: "application/json", "x-auth-token": id, "x-subject-token": id }
  const http = yield* HttpClient.HttpClient
  const platform = http.execute(HttpClientRequest.get(url).pipe(HttpClientRequest.setHeaders(headers))).pipe(Effect.flatMap((r) => r.text), Effect.map((t) => JSON.parse(t)))
  const ours = client.validate(token)
  const rid = Redacted.make(id)
  const platformDecode = http.execute(HttpClientRequest.get(url).pipe(HttpClientRequest.setHeaders(headers))).pipe(Effect.flatMap((r) => r.text), Effect.map((t) => Token.decodeV3(rid, JSON.parse(t))))
  const time = (label: string, effect: Effect.Effect<unknown, unknown>) => Effect.gen(function*() {
    const c0 = process.cpuUsage(); const t0 = process.hrtime.bigint()
    for (let i = 0; i < N; i++) yield* effect
    const c = process.cpuUsage(c0); const t = Number(process.hrtime.bigint() - t0) / N
    const cpu = (c.user + c.system) * 1000 / N
    return { label, wall: t, cpu }
  })
  for (let k = 0; k < 3; k++) {
    const rs = []
    if (mode !== "ours") rs.push(yield* time("platform", platform))
    if (mode === "both" || mode === "all") rs.push(yield* time("ours", ours))
    if (mode === "ours") rs.push(yield* time("ours", ours))
    if (mode === "all") rs.push(yield* time("platDecode", platformDecode))
    console.log(rs.map((r) => `${r.label} wall ${(r.wall / 1000).toFixed(0)}µs cpu ${(r.cpu / 1000).toFixed(0)}µs`).join(" | "))
  }
}).pipe(Effect.scoped, Effect.provide(NodeHttpClient.layerUndici))
Effect.runPromise(program)
