/**
 * Client overhead: `KeystoneClient.validate` (undici transport, headers,
 * status mapping, decoding into a `Token`) against a raw undici request that
 * sends the same headers and `JSON.parse`s the body, both to the same
 * loopback simulator (in its own process), interleaved. Target: ≤ 5% more time per request.
 */
import { HttpClient, HttpClientRequest } from "@effect/platform"
import { NodeHttpClient } from "@effect/platform-node"
import { Credentials, KeystoneClient } from "@effect-keystone/client"
import { KeystoneSim } from "@effect-keystone/testing"
import { Effect, Layer, Redacted } from "effect"
import * as Undici from "undici"
import { spawn } from "node:child_process"
import * as path from "node:path"
import { fileURLToPath } from "node:url"
import { report } from "../bench/measure.js"

const perRound = 300
const rounds = 11
const here = path.dirname(fileURLToPath(import.meta.url))

/** The simulator in a child process; its auth URL once it listens. */
const simProcess = Effect.acquireRelease(
  Effect.async<{ readonly authUrl: string; readonly kill: () => void }>((resume) => {
    const child = spawn(process.execPath, ["--import", "tsx", path.join(here, "../bench/sim-server.ts")], {
      stdio: ["ignore", "pipe", "inherit"]
    })
    let out = ""
    child.stdout.on("data", (chunk: Buffer) => {
      out += chunk.toString()
      const line = out.split("\n")[0]
      if (out.includes("\n") && line !== undefined) resume(Effect.succeed({ authUrl: line.trim(), kill: () => child.kill() }))
    })
  }),
  (p) => Effect.sync(() => p.kill())
)

export const run = async () => {
  const program = Effect.gen(function*() {
    const sim = yield* simProcess
    const client = yield* KeystoneClient.make({ authUrl: sim.authUrl, retry: false })
    const token = yield* client.issue({
      credentials: Credentials.password({
        username: KeystoneSim.Demo.username,
        domain: { id: "default" },
        password: Redacted.make(KeystoneSim.Demo.password)
      }),
      scope: { _tag: "Project", id: KeystoneSim.Demo.projectId }
    })
    const id = Redacted.value(token.id)
    const url = `${sim.authUrl}/auth/tokens`
    const dispatcher = new Undici.Agent()
    const raw = Effect.promise(async () => {
      const res = await Undici.request(url, {
        dispatcher,
        headers: { accept: "application/json", "x-auth-token": id, "x-subject-token": id }
      })
      if (res.statusCode !== 200) throw new Error(`status ${res.statusCode}`)
      return JSON.parse(await res.body.text())
    })
    const headers = { accept: "application/json", "x-auth-token": id, "x-subject-token": id }
    const http = yield* HttpClient.HttpClient
    const platform = http.execute(HttpClientRequest.get(url).pipe(HttpClientRequest.setHeaders(headers))).pipe(
      Effect.flatMap((r) => r.text),
      Effect.map((text) => JSON.parse(text))
    )
    const ours = client.validate(token)
    const time = (effect: Effect.Effect<unknown, unknown>) =>
      Effect.gen(function*() {
        const start = process.hrtime.bigint()
        for (let i = 0; i < perRound; i++) yield* effect
        return Number(process.hrtime.bigint() - start) / perRound
      })
    for (let i = 0; i < 4; i++) {
      yield* time(raw)
      yield* time(platform)
      yield* time(ours)
    }
    const rawNs: Array<number> = []
    const platformNs: Array<number> = []
    const oursNs: Array<number> = []
    const vsRaw: Array<number> = []
    const vsPlatform: Array<number> = []
    for (let r = 0; r < rounds; r++) {
      const b = yield* time(ours)
      const p = yield* time(platform)
      const a = yield* time(platform)
      rawNs.push(a)
      platformNs.push(p)
      oursNs.push(b)
      vsRaw.push(b / a)
      vsPlatform.push(b / p)
    }
    yield* Effect.promise(() => dispatcher.close())
    const median = (xs: Array<number>) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)]!
    return {
      raw: median(rawNs),
      platform: median(platformNs),
      ours: median(oursNs),
      ratio: median(vsRaw),
      ratioPlatform: median(vsPlatform)
    }
  }).pipe(Effect.scoped, Effect.provide(NodeHttpClient.layerUndici))
  const r = await Effect.runPromise(program)
  return [
    report({
      name: "validate a token over loopback HTTP (same simulator, same headers)",
      baseline: { label: "raw undici.request + JSON.parse", nsPerOp: r.raw },
      ours: { label: "KeystoneClient.validate (→ Token)", nsPerOp: r.ours },
      ratio: r.ratio,
      target: { max: 1.05 }
    }),
    // What the library itself adds over the HttpClient the app provides (the
    // part of the request path that is ours to make faster).
    report({
      name: "the same, against @effect/platform's HttpClient (NodeHttpClient.layerUndici) doing the same GET",
      baseline: { label: "HttpClient.execute + text + JSON.parse", nsPerOp: r.platform },
      ours: { label: "KeystoneClient.validate (→ Token)", nsPerOp: r.ours },
      ratio: r.ratioPlatform,
      target: { max: 1.05 }
    })
  ]
}
