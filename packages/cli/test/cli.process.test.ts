/**
 * `keystone-token` as a real child process (tsx packages/cli/src/main.ts),
 * against the simulator on loopback: exit codes, stdout/stderr and the shell
 * idiom `export OS_TOKEN=$(keystone-token issue -f value -c id)`.
 */
import { describe, expect, it } from "@effect/vitest"
import * as KeystoneSimNode from "@effect-keystone/testing/Node"
import * as Effect from "effect/Effect"
import * as fs from "node:fs"
import * as os from "node:os"
import * as path from "node:path"
import { childEnv, Demo, demoEnv, exec, main, root, spawn, stripAnsi, tsx } from "./support.js"

const serve = KeystoneSimNode.serve(undefined, { port: 0 })
const timeout = 240_000

describe("keystone-token (child process)", () => {
  it.scopedLive("export OS_TOKEN=$(keystone-token issue -f value -c id); keystone-token validate $OS_TOKEN", () =>
    Effect.gen(function*() {
      const sim = yield* serve
      const script = [
        `export OS_TOKEN=$("$TSX" "$MAIN" issue -f value -c id)`,
        `"$TSX" "$MAIN" validate -f value -c user_id -c project_id "$OS_TOKEN"`,
        `"$TSX" "$MAIN" check "$OS_TOKEN"`,
        `"$TSX" "$MAIN" revoke "$OS_TOKEN"`,
        `"$TSX" "$MAIN" check "$OS_TOKEN"; echo "exit=$?"`
      ].join(" && ")
      const r = yield* exec("bash", ["-c", script], childEnv({ ...demoEnv(sim.authUrl), TSX: tsx, MAIN: main }))
      expect(r.stderr).toBe("")
      expect(r.stdout).toBe(`${Demo.userId}\n${Demo.projectId}\ntrue\nfalse\nexit=1\n`)
      expect(r.code).toBe(0)
    }), timeout)

  it.scopedLive("a wrong password: exit 3, one line on stderr, no stack trace, no password", () =>
    Effect.gen(function*() {
      const sim = yield* serve
      const secret = "child-wr0ng-pw"
      const r = yield* spawn(["issue", "--os-password", secret], demoEnv(sim.authUrl))
      expect(r.code).toBe(3)
      expect(r.stdout).toBe("")
      expect(r.stderr).toMatch(/^keystone-token: Unauthorized \(401\): [^\n]+ \[POST [^\n]+, request req-[^\n]+\]\n$/)
      expect(r.stdout + r.stderr).not.toContain(secret)
    }), timeout)

  it.scopedLive("--cache file across processes: one POST /v3/auth/tokens for two issues", () =>
    Effect.gen(function*() {
      const sim = yield* serve
      const dir = yield* Effect.acquireRelease(
        Effect.sync(() => fs.mkdtempSync(path.join(os.tmpdir(), "keystone-token-child-"))),
        (d) => Effect.sync(() => fs.rmSync(d, { recursive: true, force: true }))
      )
      const args = ["issue", "-f", "value", "-c", "id", "--cache", "file", "--cache-url", dir]
      const first = yield* spawn(args, demoEnv(sim.authUrl))
      const second = yield* spawn(args, demoEnv(sim.authUrl))
      expect(first.code).toBe(0)
      expect(second.stdout).toBe(first.stdout)
      expect(yield* sim.count("POST /v3/auth/tokens")).toBe(1)
    }), timeout)

  it.live("npm run keystone-token -- --help lists the exit codes", () =>
    Effect.gen(function*() {
      const r = yield* exec("npm", ["run", "--silent", "keystone-token", "--", "--help"], childEnv({}))
      expect(r.code).toBe(0)
      const help = stripAnsi(r.stdout)
      expect(help).toContain("EXIT CODES")
      expect(help).toMatch(/^10\n\n {2}EndpointNotFound/m)
      expect(root).toBe(path.resolve(root))
    }), timeout)

  /**
   * A copy of the workspace without any build: the bin, the sources and the
   * root tsconfig (linked), `dist` only if `withDist` writes one.
   */
  const checkout = (withDist?: string) =>
    Effect.acquireRelease(
      Effect.sync(() => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), "keystone-token-checkout-"))
        for (const entry of ["node_modules", "tsconfig.json", "tsconfig.base.json"]) {
          fs.symlinkSync(path.join(root, entry), path.join(dir, entry))
        }
        fs.mkdirSync(path.join(dir, "packages", "cli", "bin"), { recursive: true })
        for (const p of ["schema", "client", "cache", "testing"]) {
          fs.symlinkSync(path.join(root, "packages", p), path.join(dir, "packages", p))
        }
        const cli = path.join(dir, "packages", "cli")
        fs.symlinkSync(path.join(root, "packages", "cli", "src"), path.join(cli, "src"))
        fs.copyFileSync(path.join(root, "packages", "cli", "package.json"), path.join(cli, "package.json"))
        fs.copyFileSync(path.join(root, "packages", "cli", "bin", "keystone-token.js"), path.join(cli, "bin", "keystone-token.js"))
        if (withDist !== undefined) {
          fs.mkdirSync(path.join(cli, "dist"))
          fs.writeFileSync(path.join(cli, "dist", "main.js"), withDist)
        }
        return { dir, bin: path.join(cli, "bin", "keystone-token.js") }
      }),
      ({ dir }) => Effect.sync(() => fs.rmSync(dir, { recursive: true, force: true }))
    )

  it.scopedLive("the workspace bin runs from source when nothing is built (right after npm install)", () =>
    Effect.gen(function*() {
      const { bin, dir } = yield* checkout()
      expect(fs.existsSync(path.join(dir, "packages", "cli", "dist"))).toBe(false)
      const r = yield* exec(process.execPath, [bin, "--help"], childEnv({}), os.tmpdir())
      expect(r.stderr).toBe("")
      expect(r.code).toBe(0)
      expect(stripAnsi(r.stdout)).toMatch(/^10\n\n {2}EndpointNotFound/m)
    }), timeout)

  it.scopedLive("with a build, the bin runs dist (what the published package does)", () =>
    Effect.gen(function*() {
      const { bin } = yield* checkout(`console.log("from dist")\n`)
      const r = yield* exec(process.execPath, [bin, "--help"], childEnv({}), os.tmpdir())
      expect(r).toMatchObject({ code: 0, stdout: "from dist\n", stderr: "" })
    }), timeout)
})
