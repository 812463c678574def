/**
 * Scale: 10,000 `KeystoneSession`s (one user each) in one process against
 * the in-memory `KeystoneSim` (`scale-sessions.ts`, run in a process of its
 * own with `--expose-gc`). Prints the heap each session holds, the CPU the
 * idle sessions use, and checks issue 13's target: no per-session timer or
 * fiber beyond one sleeping fiber.
 *
 * The process runs an esbuild bundle of `scale-sessions.ts` (the workspace
 * sources inlined, other packages left to Node) with plain `node`: what tsx
 * adds to every function it transpiles (a `name` property) would otherwise
 * count in the heap.
 */
import * as esbuild from "esbuild"
import { spawnSync } from "node:child_process"
import * as fs from "node:fs"
import * as path from "node:path"
import { fileURLToPath } from "node:url"

const here = path.dirname(fileURLToPath(import.meta.url))
const root = path.resolve(here, "..")
// inside the repository, so that Node resolves the bundle's bare imports from its node_modules
const bundle = path.join(root, "node_modules", ".cache", "effect-keystone-bench", `scale-sessions-${process.pid}.mjs`)

const SESSIONS = 10_000
const IDLE_MILLIS = 5_000
/** Timers and fibers allowed beyond one per session (e.g. one of the runtime's own). */
const SLACK = 10

interface Result {
  readonly sessions: number
  readonly openMillis: number
  readonly openCpuMs: number
  readonly idleMillis: number
  readonly heapBytesPerSession: number
  readonly heapBytesPerToken: number
  readonly timers: number
  readonly fibers: number
  readonly cpuIdleMs: number
  readonly cpuBaselineMs: number
}

const build = () =>
  esbuild.build({
    absWorkingDir: root,
    entryPoints: [path.join(here, "scale-sessions.ts")],
    outfile: bundle,
    bundle: true,
    format: "esm",
    platform: "node",
    target: "node20",
    tsconfig: path.join(root, "tsconfig.json"),
    logLevel: "silent",
    plugins: [{
      name: "external-packages",
      setup(b) {
        b.onResolve({ filter: /^[@a-z]/ }, (args) =>
          args.path.startsWith("@effect-keystone/") ? undefined : { path: args.path, external: true })
      }
    }]
  })

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`

export const run = async (sessions = SESSIONS, idleMillis = IDLE_MILLIS) => {
  await build()
  const r = spawnSync(process.execPath, ["--expose-gc", bundle, String(sessions), String(idleMillis)], {
    cwd: root,
    encoding: "utf8",
    maxBuffer: 1 << 24
  })
  fs.rmSync(bundle, { force: true })
  if (r.status !== 0) throw new Error(`scale-sessions failed (${r.status}): ${r.stderr}`)
  const x = JSON.parse(r.stdout.trim().split("\n").pop()!) as Result
  const limit = x.sessions + SLACK
  const timersMet = x.timers <= limit
  const fibersMet = x.fibers <= limit
  console.log(`\n${x.sessions} KeystoneSessions (distinct users) in one process, in-memory KeystoneSim`)
  console.log(`  opened    in ${(x.openMillis / 1000).toFixed(1)} s (${(x.openCpuMs / x.sessions).toFixed(2)} ms CPU per session, the simulator's login included)`)
  console.log(
    `  memory    ${kb(x.heapBytesPerSession)} heap per session after GC, its token included ` +
      `(a token held without a session, with its store entry and the simulator's record: ${kb(x.heapBytesPerToken)}; ` +
      `so the session itself ${kb(x.heapBytesPerSession - x.heapBytesPerToken)})`
  )
  console.log(
    `  idle CPU  ${x.cpuIdleMs.toFixed(0)} ms over ${(x.idleMillis / 1000).toFixed(0)} s with the sessions ` +
      `(${(x.cpuIdleMs / x.idleMillis * 100).toFixed(2)}% of a core; the same process before them: ${x.cpuBaselineMs.toFixed(0)} ms)`
  )
  console.log(`  timers    ${x.timers} Timeouts   target ≤ sessions + ${SLACK} (${limit})   ${timersMet ? "MET" : "NOT MET"}`)
  console.log(`  fibers    ${x.fibers} live fibers   target ≤ sessions + ${SLACK} (${limit})   ${fibersMet ? "MET" : "NOT MET"}`)
  return [{ name: "per-session timers", met: timersMet }, { name: "per-session fibers", met: fibersMet }]
}
