/**
 * `npm run test:runtimes`: the flow of `test/runtimes/flow.ts` under Bun and
 * Deno (the `bun` and `deno` npm packages, devDependencies). Each entry is
 * bundled from the sources with esbuild (workspace packages through
 * tsconfig.json's `paths`, so no build is needed); Deno's bundle is built
 * for a neutral platform, so a Node built-in anywhere in its graph fails
 * the bundle before Deno runs. Then each runtime runs its bundle, serving
 * the simulator on loopback with its own HTTP server.
 *
 * `KEYSTONE_RUNTIMES_NODE_COMPAT=1` bundles Deno's entry like Bun's instead
 * (Node built-ins left to Deno's Node compatibility): the flow alone, while
 * a core entry still imports a Node module.
 */
import * as esbuild from "esbuild"
import { spawn } from "node:child_process"
import * as fs from "node:fs"
import * as os from "node:os"
import * as path from "node:path"
import { fileURLToPath } from "node:url"

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..")
const bin = (name: string) => path.join(root, "node_modules", ".bin", name)
const TIMEOUT_MS = 45_000
const nodeCompat = process.env.KEYSTONE_RUNTIMES_NODE_COMPAT === "1"

interface Runtime {
  readonly name: string
  readonly entry: string
  readonly strict: boolean
  readonly command: (bundle: string) => ReadonlyArray<string>
}

const runtimes: ReadonlyArray<Runtime> = [
  { name: "bun", entry: "test/runtimes/bun.ts", strict: false, command: (bundle) => [bin("bun"), "run", bundle] },
  {
    name: "deno",
    entry: "test/runtimes/deno.ts",
    strict: !nodeCompat,
    command: (bundle) => [
      bin("deno"),
      "run",
      ...(nodeCompat ? ["--allow-env", "--allow-read", "--allow-sys"] : []),
      "--allow-net=127.0.0.1",
      "--no-prompt",
      "--no-config",
      "--unstable-no-legacy-abort",
      bundle
    ]
  }
]

const bundle = async (runtime: Runtime, outdir: string): Promise<string> => {
  const outfile = path.join(outdir, `${runtime.name}.mjs`)
  await esbuild.build({
    absWorkingDir: root,
    entryPoints: [runtime.entry],
    bundle: true,
    outfile,
    format: "esm",
    platform: runtime.strict ? "neutral" : "node",
    mainFields: ["module", "main"],
    // CommonJS dependencies (ioredis) call `require` for Node built-ins; Bun has it, Deno gets it from node:module
    ...(runtime.strict || runtime.name === "bun"
      ? {}
      : { banner: { js: "import { createRequire } from \"node:module\"; const require = createRequire(import.meta.url);" } }),
    target: "es2022",
    tsconfig: path.join(root, "tsconfig.json"),
    logLevel: "silent"
  })
  return outfile
}

const execute = (argv: ReadonlyArray<string>): Promise<{ readonly code: number | null; readonly output: string }> =>
  new Promise((resolve) => {
    const child = spawn(argv[0]!, argv.slice(1), { cwd: root, stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, NO_COLOR: "1" } })
    let output = ""
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()))
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()))
    const timer = setTimeout(() => {
      output += `\n(killed after ${TIMEOUT_MS} ms)\n`
      child.kill("SIGKILL")
    }, TIMEOUT_MS)
    child.on("error", (error) => (output += `\n${error.message}\n`))
    child.on("close", (code) => {
      clearTimeout(timer)
      resolve({ code, output })
    })
  })

const main = async () => {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), "effect-keystone-runtimes-"))
  let passed = 0
  let failed = 0
  try {
    for (const runtime of runtimes) {
      const started = Date.now()
      let bundled = started
      let result: { readonly code: number | null; readonly output: string }
      try {
        const file = await bundle(runtime, outdir)
        bundled = Date.now()
        result = await execute(runtime.command(file))
      } catch (error) {
        bundled = Date.now()
        result = { code: 1, output: `bundling ${runtime.entry} failed: ${error}\n` }
      }
      process.stdout.write(result.output)
      const summary = /(\d+) passed, (\d+) failed/.exec(result.output)
      const ok = result.code === 0 && summary !== null && summary[2] === "0" && summary[1] !== "0"
      console.log(
        `${runtime.name}: ${ok ? "ok" : `FAILED (exit ${result.code})`}; bundled in ${bundled - started} ms, ran in ${
          Date.now() - bundled
        } ms\n`
      )
      passed += summary === null ? 0 : Number(summary[1])
      failed += summary === null ? 1 : Math.max(Number(summary[2]), ok ? 0 : 1)
    }
  } finally {
    fs.rmSync(outdir, { recursive: true, force: true })
  }
  console.log(`steps on Bun and Deno: ${passed} passed, ${failed} failed`)
  process.exitCode = failed === 0 ? 0 : 1
}

main()
