/**
 * Cached token reads and endpoint lookups through `KeystoneSession`, against
 * keystoneauth1's `Session.get_token()` / `get_endpoint()` on the same token
 * body, measured in the same run. Targets: ≥ 10× and ≥ 50× faster.
 */
import { KeystoneSession, TokenStore } from "@effect-keystone/cache"
import { Credentials, KeystoneClient } from "@effect-keystone/client"
import { KeystoneSim } from "@effect-keystone/testing"
import { Effect, Layer, Redacted } from "effect"
import { spawnSync } from "node:child_process"
import * as fs from "node:fs"
import * as os from "node:os"
import * as path from "node:path"
import { fileURLToPath } from "node:url"
import { largeTokenBody } from "./fixtures.js"
import { type Measurement, report } from "./measure.js"

const here = path.dirname(fileURLToPath(import.meta.url))
const filter = { type: "compute", interface: "internal", region: "RegionTwo" } as const

interface Baseline {
  readonly get_token_ns: number
  readonly get_endpoint_ns: number
  readonly version: string
}

const python = "/usr/bin/python3"

const keystoneauth1 = (): Baseline | string => {
  const body = largeTokenBody()
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "ek-bench-")), "token.json")
  fs.writeFileSync(file, JSON.stringify(body))
  const r = spawnSync(python, [path.join(here, "keystoneauth1_baseline.py"), file, filter.type, filter.interface, filter.region], {
    encoding: "utf8"
  })
  if (r.status !== 0) {
    return `keystoneauth1 baseline unavailable (${python}: ${(r.stderr || String(r.error)).trim().split("\n").pop()}); install Debian's python3-keystoneauth1`
  }
  return JSON.parse(r.stdout) as Baseline
}

const simCatalog = () =>
  largeTokenBody().token.catalog.map((s) => ({
    id: s.id,
    type: s.type,
    name: s.name,
    endpoints: s.endpoints.map((e) => ({ id: e.id, interface: e.interface, region: e.region_id, url: e.url }))
  }))

/** ns per op of `n` sequential `yield*` of `effect` inside one running fiber (median of rounds). */
const perOp = <A, E>(effect: Effect.Effect<A, E>, n: number, rounds = 9) =>
  Effect.gen(function*() {
    const samples: Array<number> = []
    for (let r = 0; r < rounds + 2; r++) {
      const start = process.hrtime.bigint()
      for (let i = 0; i < n; i++) yield* effect
      if (r >= 2) samples.push(Number(process.hrtime.bigint() - start) / n)
    }
    samples.sort((a, b) => a - b)
    return samples[Math.floor(samples.length / 2)]!
  })

export const run = async () => {
  const base = keystoneauth1()
  const SessionLive = KeystoneSession.layer({
    auth: {
      credentials: Credentials.password({
        username: KeystoneSim.Demo.username,
        domain: { id: "default" },
        password: Redacted.make(KeystoneSim.Demo.password)
      })
    }
  }).pipe(
    Layer.provideMerge(KeystoneClient.layer({ authUrl: "http://keystone.test/v3" })),
    Layer.provideMerge(TokenStore.layerMemory),
    Layer.provideMerge(KeystoneSim.layer({ catalog: simCatalog(), tokenLifetime: "12 hours" }))
  )
  const { endpointNs, tokenNs, url } = await Effect.runPromise(
    Effect.gen(function*() {
      const session = yield* KeystoneSession.KeystoneSession
      yield* session.token
      const url = yield* session.endpoint(filter)
      const tokenNs = yield* perOp(session.token, 200_000)
      const endpointNs = yield* perOp(session.endpoint(filter), 200_000)
      return { tokenNs, endpointNs, url }
    }).pipe(Effect.provide(SessionLive), Effect.scoped)
  )
  if (typeof base === "string") {
    console.log(`\n${base}`)
    console.log(`  ours: session.token ${tokenNs.toFixed(0)} ns/op, session.endpoint ${endpointNs.toFixed(0)} ns/op (${url})`)
    return []
  }
  const ksa = (label: string, ns: number): Measurement => ({ label: `keystoneauth1 ${base.version} ${label}`, nsPerOp: ns })
  const ours = (label: string, ns: number): Measurement => ({ label, nsPerOp: ns })
  return [
    report({
      name: "cached token read",
      baseline: ksa("Session.get_token()", base.get_token_ns),
      ours: ours("yield* session.token", tokenNs),
      ratio: base.get_token_ns / tokenNs,
      target: { min: 10 }
    }),
    report({
      name: `endpoint lookup (${filter.type}/${filter.interface}/${filter.region} in a 16-service, 144-endpoint catalog)`,
      baseline: ksa("Session.get_endpoint()", base.get_endpoint_ns),
      ours: ours("yield* session.endpoint(filter)", endpointNs),
      ratio: base.get_endpoint_ns / endpointNs,
      target: { min: 50 }
    })
  ]
}
