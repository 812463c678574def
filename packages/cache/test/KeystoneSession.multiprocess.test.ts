/**
 * Several processes, one shared store, one Keystone: exactly one login.
 * Real time, real sockets: a KeystoneSim served on loopback in this process
 * and four workers (packages/cache/test/fixtures/sessionWorker.ts).
 *
 * The worker is bundled once with esbuild (the workspace sources inlined,
 * node_modules left to Node) and run with plain `node`: four `tsx` processes
 * each transpiling the whole source graph took 20–30 s per test on two cores.
 */
import { beforeAll, describe, expect, it } from "@effect/vitest"
import * as esbuild from "esbuild"
import * as KeystoneSimNode from "@effect-keystone/testing/Node"
import * as Effect from "effect/Effect"
import { type ChildProcess, spawn } from "node:child_process"
import * as Fs from "node:fs"
import * as Os from "node:os"
import * as Path from "node:path"
import { fileURLToPath } from "node:url"
import { uniquePrefix, useRedisUrl } from "./utils/redis.js"

const here = Path.dirname(fileURLToPath(import.meta.url))
const root = Path.resolve(here, "../../..")
const workerSource = Path.join(here, "fixtures", "sessionWorker.ts")
// inside the cache package, so that Node resolves the bundle's bare imports as the package's sources would
const worker = Path.join(here, "..", "node_modules", ".cache", `sessionWorker-${process.pid}.mjs`)

/** Bundles the worker: `@effect-keystone/*` and relative imports inlined from the sources, every other package external. */
const bundleWorker = async () => {
  await esbuild.build({
    absWorkingDir: root,
    entryPoints: [workerSource],
    outfile: worker,
    bundle: true,
    format: "esm",
    platform: "node",
    target: "node20",
    tsconfig: Path.join(root, "tsconfig.json"),
    logLevel: "silent",
    plugins: [{
      name: "external-packages",
      setup(build) {
        build.onResolve({ filter: /^[@a-z]/ }, (args) =>
          args.path.startsWith("@effect-keystone/") ? undefined : { path: args.path, external: true })
      }
    }]
  })
}
const WORKERS = 4
const ISSUE = "POST /v3/auth/tokens"

interface Result {
  readonly auditId: string | null
  readonly idHash: string
}

interface Running {
  readonly child: ChildProcess
  readonly ready: Promise<void>
  readonly done: Promise<Result>
}

const start = (args: ReadonlyArray<string>): Running => {
  const child = spawn(process.execPath, [worker, ...args], {
    cwd: root,
    stdio: ["pipe", "pipe", "pipe"]
  })
  let out = ""
  let err = ""
  let onReady: () => void = () => {}
  const ready = new Promise<void>((resolve) => (onReady = resolve))
  child.stdout!.on("data", (chunk: Buffer) => {
    out += chunk.toString()
    if (out.includes("ready\n")) onReady()
  })
  child.stderr!.on("data", (chunk: Buffer) => (err += chunk.toString()))
  const done = new Promise<Result>((resolve, reject) => {
    child.on("exit", (code) => {
      const line = out.split("\n").find((l) => l.startsWith("{"))
      if (code === 0 && line !== undefined) resolve(JSON.parse(line) as Result)
      else reject(new Error(`worker exited with ${code}: ${err || out}`))
    })
  })
  // a worker that dies before `ready` fails the race at once instead of leaving it to the timeout
  return { child, ready: Promise.race([ready, done.then(() => {})]), done }
}

/** Starts the workers, lines them up, lets them go at once, collects their tokens. */
const race = (args: ReadonlyArray<string>) =>
  Effect.acquireUseRelease(
    Effect.sync(() => Array.from({ length: WORKERS }, () => start(args))),
    (workers) =>
      Effect.promise(async () => {
        await Promise.all(workers.map((w) => w.ready))
        for (const w of workers) w.child.stdin!.write("go\n")
        return Promise.all(workers.map((w) => w.done))
      }).pipe(Effect.timeout("60 seconds")),
    (workers) => Effect.sync(() => workers.forEach((w) => w.child.exitCode === null && w.child.kill("SIGKILL")))
  )

describe("KeystoneSession across processes", () => {
  beforeAll(async () => {
    await bundleWorker()
    return () => Fs.rmSync(worker, { force: true })
  })
  const redisUrl = useRedisUrl()

  it.scopedLive("4 processes sharing a file store, empty cache: exactly one issue request", () =>
    Effect.gen(function*() {
      const sim = yield* KeystoneSimNode.serve(undefined, { port: 0 })
      const directory = yield* Effect.acquireRelease(
        Effect.sync(() => Fs.mkdtempSync(Path.join(Os.tmpdir(), "keystone-session-"))),
        (dir) => Effect.sync(() => Fs.rmSync(dir, { recursive: true, force: true }))
      )
      const results = yield* race([sim.authUrl, "file", directory])
      expect(yield* sim.count(ISSUE)).toBe(1)
      expect(new Set(results.map((r) => r.idHash)).size).toBe(1)
      expect(results.every((r) => r.auditId !== null)).toBe(true)
    }), { timeout: 90_000 })

  it.scopedLive("4 processes sharing a Redis store, empty cache: exactly one issue request", () =>
    Effect.gen(function*() {
      const sim = yield* KeystoneSimNode.serve(undefined, { port: 0 })
      const results = yield* race([sim.authUrl, "redis", redisUrl(), uniquePrefix("session")])
      expect(yield* sim.count(ISSUE)).toBe(1)
      expect(new Set(results.map((r) => r.idHash)).size).toBe(1)
    }), { timeout: 90_000 })
})
