/**
 * Running `keystone-token` in-process (captured console, a map of
 * environment variables) and as a child process.
 */
import * as NodeContext from "@effect/platform-node/NodeContext"
import { Cli } from "@effect-keystone/cli"
import { KeystoneSim } from "@effect-keystone/testing"
import * as ConfigProvider from "effect/ConfigProvider"
import * as Console from "effect/Console"
import * as Effect from "effect/Effect"
import * as Fiber from "effect/Fiber"
import { execFile } from "node:child_process"
import * as fs from "node:fs"
import * as os from "node:os"
import * as path from "node:path"
import { fileURLToPath } from "node:url"

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..")
export const tsx = path.join(root, "node_modules", ".bin", "tsx")
export const main = path.join(root, "packages", "cli", "src", "main.ts")

export const { Admin, Demo, Domains, Projects } = KeystoneSim

/** A temporary directory, removed with the scope. */
export const tmpDir = Effect.acquireRelease(
  Effect.sync(() => fs.mkdtempSync(path.join(os.tmpdir(), "keystone-token-test-"))),
  (dir) => Effect.sync(() => fs.rmSync(dir, { recursive: true, force: true }))
)

export interface Result {
  readonly code: number
  readonly stdout: string
  readonly stderr: string
}

// eslint-disable-next-line no-control-regex
export const stripAnsi = (s: string) => s.replace(/\u001b\[[0-9;]*m/g, "")

const text = (args: ReadonlyArray<unknown>) => args.map((a) => (typeof a === "string" ? a : String(a))).join(" ")

/** A console that records `log` (stdout) and `error`/`warn` (stderr). */
export const captureConsole = Effect.map(Effect.console, (base) => {
  const out: Array<string> = []
  const err: Array<string> = []
  const unsafe: Console.UnsafeConsole = {
    ...base.unsafe,
    log: (...args) => void out.push(text(args)),
    info: (...args) => void out.push(text(args)),
    error: (...args) => void err.push(text(args)),
    warn: (...args) => void err.push(text(args)),
    debug: (...args) => void err.push(text(args)),
    trace: (...args) => void err.push(text(args))
  }
  const console: Console.Console = {
    ...base,
    unsafe,
    log: (...args) => Effect.sync(() => unsafe.log(...args)),
    info: (...args) => Effect.sync(() => unsafe.info(...args)),
    error: (...args) => Effect.sync(() => unsafe.error(...args)),
    warn: (...args) => Effect.sync(() => unsafe.warn(...args)),
    debug: (...args) => Effect.sync(() => unsafe.debug(...args)),
    trace: (...args) => Effect.sync(() => unsafe.trace(...args))
  }
  return { console, out, err }
})

/** Environment variables for the demo user on project demo of a simulator. */
export const demoEnv = (authUrl: string): Record<string, string> => ({
  OS_AUTH_URL: authUrl,
  OS_USERNAME: Demo.username,
  OS_PASSWORD: Demo.password,
  OS_USER_DOMAIN_NAME: Demo.domainName,
  OS_PROJECT_NAME: Demo.projectName,
  OS_PROJECT_DOMAIN_ID: Demo.domainId,
  OS_IDENTITY_API_VERSION: "3"
})

/**
 * `keystone-token ...args` in this process, with `env` as its only
 * environment, in a fiber of its own: its output so far (`out`, `err`) can
 * be read while it runs; `result` waits for it to end.
 */
export const start = (args: ReadonlyArray<string>, env: Record<string, string>) =>
  Effect.gen(function*() {
    const { console, err, out } = yield* captureConsole
    const fiber = yield* Cli.main(["node", "keystone-token", ...args]).pipe(
      Effect.withConsole(console),
      Effect.withConfigProvider(ConfigProvider.fromMap(new Map(Object.entries(env)))),
      Effect.provide(NodeContext.layer),
      Effect.fork
    )
    const result = Effect.map(Fiber.join(fiber), (code): Result => ({ code, stdout: out.join("\n"), stderr: err.join("\n") }))
    return { out, err, result }
  })

/** `keystone-token ...args` in this process, with `env` as its only environment. */
export const run = (args: ReadonlyArray<string>, env: Record<string, string>) =>
  Effect.flatMap(start(args, env), (running) => running.result)

/** The parent's environment without any OS_* variable, plus `env`. */
export const childEnv = (env: Record<string, string>): Record<string, string> => {
  const clean: Record<string, string> = {}
  for (const [k, v] of Object.entries(process.env)) {
    if (v !== undefined && !k.startsWith("OS_")) clean[k] = v
  }
  return { ...clean, NO_COLOR: "1", ...env }
}

/** Runs a program in `cwd` (by default `root`), resolving with its exit code and output (never rejects). */
export const exec = (file: string, args: ReadonlyArray<string>, env: Record<string, string>, cwd: string = root) =>
  Effect.async<Result>((resume) => {
    const child = execFile(file, [...args], { cwd, env, timeout: 120_000 }, (error, stdout, stderr) => {
      const code = error === null ? 0 : typeof error.code === "number" ? error.code : 255
      resume(Effect.succeed({ code, stdout: String(stdout), stderr: String(stderr) }))
    })
    return Effect.sync(() => void child.kill())
  })

/** `tsx packages/cli/src/main.ts ...args` as a child process. */
export const spawn = (args: ReadonlyArray<string>, env: Record<string, string>) => exec(tsx, [main, ...args], childEnv(env))

/** Parses a Field/Value table into a record. */
export const parseTable = (table: string): Record<string, string> => {
  const rows = table.split("\n").filter((l) => l.startsWith("| ")).map((l) => l.split("|").slice(1, -1).map((c) => c.trim()))
  return Object.fromEntries(rows.slice(1).map(([k, v]) => [k!, v ?? ""]))
}
