/**
 * Import cost: the wall time of a fresh `node` process that imports the built
 * `@effect-keystone/cache` (`packages/cache/dist`, through its package
 * exports) against one that imports `effect`, in alternating runs so that
 * both see the same machine load. Target (issue 13): the cache package adds
 * ≤ 30 ms over `import("effect")`, which takes about 120 ms on a quiet
 * machine; as a ratio that holds under load, ≤ 1.25× (150 / 120).
 */
import { spawnSync } from "node:child_process"
import * as path from "node:path"
import { fileURLToPath } from "node:url"
import { type Measurement, report } from "./measure.js"

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..")

/** The 30 ms allowance over `effect`'s 120 ms import, as a ratio of whole-process wall times. */
const TARGET_RATIO = (120 + 30) / 120

interface Run {
  readonly wallMs: number
  readonly cpuMs: number
  /** What the script printed as its own figure (ms), if anything. */
  readonly ownMs: number
}

/** A fresh process running `script` (an ES module) from the repository root; its wall time seen from here and its own CPU time. */
const runOnce = (script: string): Run => {
  const cpu = `const r = process.resourceUsage(); process.stdout.write(" " + (r.userCPUTime + r.systemCPUTime) / 1000)`
  const start = process.hrtime.bigint()
  const r = spawnSync(process.execPath, ["--input-type=module", "-e", `${script};${cpu}`], { cwd: root, encoding: "utf8" })
  const wallMs = Number(process.hrtime.bigint() - start) / 1e6
  if (r.status !== 0) throw new Error(`${script} failed: ${r.stderr}`)
  const [own, cpuMs] = r.stdout.trim().split(" ").map(Number)
  return { wallMs, cpuMs: cpuMs ?? own!, ownMs: cpuMs === undefined ? NaN : own! }
}

const importOf = (specifier: string) => `await import(${JSON.stringify(specifier)})`

/** An application that already uses `effect` (its barrel loaded) then imports the cache package: the time of that second import. */
const incremental = `await import("effect"); const t = performance.now(); await import("@effect-keystone/cache");` +
  `process.stdout.write(String(performance.now() - t))`

const median = (xs: ReadonlyArray<number>) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!

/** `tsc -b`: the bench imports `dist`, which must match the sources. */
const build = () => {
  const r = spawnSync(process.execPath, [path.join(root, "node_modules/typescript/bin/tsc"), "-b", "tsconfig.build.json"], {
    cwd: root,
    encoding: "utf8"
  })
  if (r.status !== 0) throw new Error(`tsc -b tsconfig.build.json failed:\n${r.stdout}${r.stderr}`)
}

export const run = (rounds = 21) => {
  build()
  const scripts = {
    "effect": importOf("effect"),
    "@effect-keystone/cache": importOf("@effect-keystone/cache"),
    "@effect-keystone/client": importOf("@effect-keystone/client"),
    "node:path": importOf("node:path"),
    incremental
  }
  const names = Object.keys(scripts) as Array<keyof typeof scripts>
  for (const n of names) runOnce(scripts[n])
  const runs = new Map<string, Array<Run>>(names.map((n) => [n, []]))
  const ratios: Array<number> = []
  const differences: Array<number> = []
  for (let i = 0; i < rounds; i++) {
    const round = names.map((n) => runOnce(scripts[n]))
    round.forEach((r, j) => runs.get(names[j]!)!.push(r))
    ratios.push(round[1]!.wallMs / round[0]!.wallMs)
    differences.push(round[1]!.wallMs - round[0]!.wallMs)
  }
  const wall = (s: string) => median(runs.get(s)!.map((r) => r.wallMs))
  const cpu = (s: string) => median(runs.get(s)!.map((r) => r.cpuMs))
  const ms = (label: string, s: string): Measurement => ({ label, nsPerOp: wall(s) * 1e6 })
  const result = report({
    name: `import cost (fresh node process, wall time, median of ${rounds} alternating runs)`,
    baseline: ms(`import("effect")`, "effect"),
    ours: ms(`import("@effect-keystone/cache") (dist)`, "@effect-keystone/cache"),
    ratio: median(ratios),
    target: { max: Number(TARGET_RATIO.toFixed(2)) }
  })
  const added = median(differences)
  console.log(
    `  adds      ${added.toFixed(0)} ms over effect (${(added * 120 / wall("effect")).toFixed(0)} ms scaled to a 120 ms effect import; target ≤ 30 ms)`
  )
  console.log(
    `  figures   node alone ${wall("node:path").toFixed(0)} ms; @effect-keystone/client ${wall("@effect-keystone/client").toFixed(0)} ms; ` +
      `CPU per process: effect ${cpu("effect").toFixed(0)} ms, cache ${cpu("@effect-keystone/cache").toFixed(0)} ms, node alone ${cpu("node:path").toFixed(0)} ms`
  )
  const more = median(runs.get("incremental")!.map((r) => r.ownMs))
  console.log(
    `  figures   after import("effect"), import("@effect-keystone/cache") takes ${more.toFixed(0)} ms more (in-process; ` +
      `${(more * 120 / wall("effect")).toFixed(0)} ms scaled to a 120 ms effect import)`
  )
  return [result]
}
