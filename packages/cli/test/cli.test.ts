import * as Command from "@effect/cli/Command"
import * as NodeContext from "@effect/platform-node/NodeContext"
import { describe, expect, it } from "@effect/vitest"
import { Cli, ExitCode } from "@effect-keystone/cli"
import { KeystoneError } from "@effect-keystone/client"
import { KeystoneSim } from "@effect-keystone/testing"
import * as KeystoneSimNode from "@effect-keystone/testing/Node"
import * as ConfigProvider from "effect/ConfigProvider"
import * as Effect from "effect/Effect"
import * as Logger from "effect/Logger"
import * as LogLevel from "effect/LogLevel"
import { redisUrl } from "../../cache/test/utils/redis.js"
import { Admin, captureConsole, Demo, demoEnv, Domains, parseTable, run, stripAnsi, tmpDir } from "./support.js"

const serve = KeystoneSimNode.serve(undefined, { port: 0 })

const issueId = (env: Record<string, string>) =>
  Effect.map(run(["issue", "-f", "value", "-c", "id"], env), (r) => {
    expect(r.code).toBe(0)
    return r.stdout.trim()
  })


describe("keystone-token issue", () => {
  it.scopedLive("prints a Field/Value table like openstack token issue", () =>
    Effect.gen(function*() {
      const sim = yield* serve
      const r = yield* run(["issue"], demoEnv(sim.authUrl))
      expect(r.stderr).toBe("")
      expect(r.code).toBe(0)
      expect(r.stdout).toMatch(/^\+-+\+-+\+\n\| Field +\| Value +\|\n\+-+\+-+\+\n/)
      const fields = parseTable(r.stdout)
      expect(Object.keys(fields)).toEqual(["expires", "id", "project_id", "user_id"])
      expect(fields.project_id).toBe(Demo.projectId)
      expect(fields.user_id).toBe(Demo.userId)
      expect(fields.expires).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/)
      expect(fields.id!.length).toBeGreaterThan(10)
    }))

  it.scopedLive("-f json prints an object with the same fields", () =>
    Effect.gen(function*() {
      const sim = yield* serve
      const r = yield* run(["issue", "-f", "json"], demoEnv(sim.authUrl))
      expect(r.code).toBe(0)
      const json = JSON.parse(r.stdout)
      expect(Object.keys(json)).toEqual(["expires", "id", "project_id", "user_id"])
      expect(json.user_id).toBe(Demo.userId)
      expect(json.project_id).toBe(Demo.projectId)
    }))

  it.scopedLive("-f value -c id prints only the token id; -c is repeatable and keeps its order", () =>
    Effect.gen(function*() {
      const sim = yield* serve
      const env = demoEnv(sim.authUrl)
      const id = yield* issueId(env)
      expect(id).toMatch(/^\S+$/)
      const r = yield* run(["issue", "-f", "value", "-c", "user_id", "-c", "project_id"], env)
      expect(r.stdout).toBe(`${Demo.userId}\n${Demo.projectId}`)
    }))

  it.scopedLive("shows domain_id or system for tokens scoped that way", () =>
    Effect.gen(function*() {
      const sim = yield* serve
      const admin = {
        OS_AUTH_URL: sim.authUrl,
        OS_USERNAME: Admin.username,
        OS_PASSWORD: Admin.password,
        OS_USER_DOMAIN_ID: Admin.domainId
      }
      const domain = yield* run(["issue", "-f", "json"], { ...admin, OS_DOMAIN_ID: Domains.default.id })
      expect(domain.code).toBe(0)
      expect(JSON.parse(domain.stdout)).toMatchObject({ domain_id: Domains.default.id, user_id: Admin.userId })
      expect(Object.keys(JSON.parse(domain.stdout))).toEqual(["domain_id", "expires", "id", "user_id"])
      const system = yield* run(["issue"], { ...admin, OS_SYSTEM_SCOPE: "all" })
      expect(system.code).toBe(0)
      expect(parseTable(system.stdout).system).toBe("all")
    }))

  it.scopedLive("--os-* options override the environment", () =>
    Effect.gen(function*() {
      const sim = yield* serve
      const env = { ...demoEnv(sim.authUrl), OS_AUTH_URL: "http://127.0.0.1:1/v3", OS_PASSWORD: "wrong" }
      const r = yield* run(
        ["issue", "-f", "value", "-c", "project_id", "--os-auth-url", sim.authUrl, "--os-password", Demo.password, "--os-project-name", "demo2", "--os-project-domain-name", "demo-domain"],
        env
      )
      expect(r.stderr).toBe("")
      expect(r.stdout).toBe(KeystoneSim.Projects.demo2.id)
    }))

  it.scopedLive("an unknown -c column is a usage error (exit 2) before anything is sent", () =>
    Effect.gen(function*() {
      const sim = yield* serve
      const r = yield* run(["issue", "-c", "nope"], demoEnv(sim.authUrl))
      expect(r.code).toBe(2)
      expect(r.stderr).toMatch(/^keystone-token: usage: unknown column nope \(available: .*\bid\b/)
      expect(yield* sim.count("POST /v3/auth/tokens")).toBe(0)
    }))
})

describe("keystone-token validate / check / revoke", () => {
  it.scopedLive("validate prints user, scope, expiry, roles and methods but not the id", () =>
    Effect.gen(function*() {
      const sim = yield* serve
      const env = demoEnv(sim.authUrl)
      const id = yield* issueId(env)
      const r = yield* run(["validate", id], env)
      expect(r.code).toBe(0)
      const fields = parseTable(r.stdout)
      expect(Object.keys(fields)).toEqual(["expires", "methods", "project_id", "roles", "user_id"])
      expect(fields.methods).toBe("password")
      expect(fields.roles).toContain("member")
      expect(r.stdout).not.toContain(id)
      const withId = yield* run(["validate", "-f", "value", "-c", "id", id], env)
      expect(withId.stdout).toBe(id)
    }))

  it.scopedLive("validate needs only the auth URL: the token authenticates itself", () =>
    Effect.gen(function*() {
      const sim = yield* serve
      const id = yield* issueId(demoEnv(sim.authUrl))
      const r = yield* run(["validate", "-f", "json", id], { OS_AUTH_URL: sim.authUrl })
      expect(r.stderr).toBe("")
      expect(JSON.parse(r.stdout)).toMatchObject({ user_id: Demo.userId, project_id: Demo.projectId, methods: ["password"] })
    }))

  it.scopedLive("validate --service uses the configured login as X-Auth-Token", () =>
    Effect.gen(function*() {
      const sim = yield* serve
      const id = yield* issueId(demoEnv(sim.authUrl))
      const admin = {
        OS_AUTH_URL: sim.authUrl,
        OS_USERNAME: Admin.username,
        OS_PASSWORD: Admin.password,
        OS_USER_DOMAIN_ID: Admin.domainId,
        OS_PROJECT_NAME: Admin.projectName,
        OS_PROJECT_DOMAIN_ID: Admin.domainId
      }
      const r = yield* run(["validate", "--service", "-f", "value", "-c", "user_id", id], admin)
      expect(r.stderr).toBe("")
      expect(r.stdout).toBe(Demo.userId)
    }))

  it.scopedLive("check prints true (exit 0) or false (exit 1); revoke prints nothing; then check is false", () =>
    Effect.gen(function*() {
      const sim = yield* serve
      const env = demoEnv(sim.authUrl)
      const id = yield* issueId(env)
      expect(yield* run(["check", id], env)).toEqual({ code: 0, stdout: "true", stderr: "" })
      expect(yield* run(["check", "not-a-token"], env)).toEqual({ code: 1, stdout: "false", stderr: "" })
      expect(yield* run(["revoke", id], env)).toEqual({ code: 0, stdout: "", stderr: "" })
      expect(yield* run(["check", id], env)).toEqual({ code: 1, stdout: "false", stderr: "" })
      const validate = yield* run(["validate", id], env)
      expect(validate.code).toBe(3)
      expect(validate.stderr).toMatch(/^keystone-token: Unauthorized \(401\): /)
    }))

  it.scopedLive("check --service answers false from Keystone's 404 for a revoked token", () =>
    Effect.gen(function*() {
      const sim = yield* serve
      const env = demoEnv(sim.authUrl)
      const id = yield* issueId(env)
      yield* sim.revoke(id)
      expect(yield* run(["check", "--service", id], env)).toEqual({ code: 1, stdout: "false", stderr: "" })
    }))
})

describe("keystone-token catalog / endpoint", () => {
  it.scopedLive("catalog prints type, name, interface, region and url of every endpoint", () =>
    Effect.gen(function*() {
      const sim = yield* serve
      const env = demoEnv(sim.authUrl)
      const r = yield* run(["catalog"], env)
      expect(r.code).toBe(0)
      const lines = r.stdout.split("\n")
      expect(lines[1]).toMatch(/^\| type +\| name +\| interface +\| region +\| url +\|$/)
      expect(r.stdout).toMatch(/\| compute +\| nova +\| public +\| RegionOne +\| http:\/\/compute\.region-one\.test:8774\/v2\.1 +\|/)
      const json = JSON.parse((yield* run(["catalog", "-f", "json"], env)).stdout) as Array<Record<string, string>>
      expect(json.filter((e) => e.type === "compute")).toHaveLength(6)
      expect(json).toContainEqual({
        type: "image",
        name: "glance",
        interface: "internal",
        region: "RegionTwo",
        url: "http://image.region-two.internal:9292"
      })
      const urls = yield* run(["catalog", "-f", "value", "-c", "type", "-c", "url"], env)
      expect(urls.stdout.split("\n")).toContain("compute http://compute.region-two.admin:8774/v2.1")
    }))

  it.scopedLive("endpoint prints one URL, by type, interface and region", () =>
    Effect.gen(function*() {
      const sim = yield* serve
      const env = demoEnv(sim.authUrl)
      expect(yield* run(["endpoint", "--type", "compute"], env)).toEqual({
        code: 0,
        stdout: "http://compute.region-one.test:8774/v2.1",
        stderr: ""
      })
      const internal = yield* run(["endpoint", "--type", "compute", "--interface", "internal", "--region", "RegionTwo"], env)
      expect(internal.stdout).toBe("http://compute.region-two.internal:8774/v2.1")
      // OS_REGION_NAME and OS_INTERFACE are the defaults
      const fromEnv = yield* run(["endpoint", "--type", "image"], { ...env, OS_REGION_NAME: "RegionTwo", OS_INTERFACE: "internal" })
      expect(fromEnv.stdout).toBe("http://image.region-two.internal:9292")
    }))

  it.scopedLive("endpoint that matches nothing exits 10 with the reason", () =>
    Effect.gen(function*() {
      const sim = yield* serve
      const env = demoEnv(sim.authUrl)
      const r = yield* run(["endpoint", "--type", "image", "--region", "RegionOne"], env)
      expect(r.code).toBe(10)
      expect(r.stdout).toBe("")
      expect(r.stderr.split("\n")).toHaveLength(1)
      expect(r.stderr).toMatch(/^keystone-token: EndpointNotFound: No endpoint with type=image, interface=public, region=RegionOne: .*region RegionTwo/)
      const none = yield* run(["endpoint", "--type", "volume"], env)
      expect(none.code).toBe(10)
      expect(none.stderr).toContain("no service of type volume")
    }))
})

describe("keystone-token errors", () => {
  it("exit codes come from the error's tag: every KeystoneError has one, InvalidInput is a usage error", () => {
    for (const member of KeystoneError.KeystoneError.members) expect(ExitCode.forTag(member._tag)).not.toBe(ExitCode.ExitCode.Internal)
    expect(ExitCode.forTag("InvalidInput")).toBe(ExitCode.ExitCode.Usage)
    expect(ExitCode.forTag("BadRequest")).toBe(ExitCode.ExitCode.BadRequest)
    expect(ExitCode.forTag("toString")).toBe(ExitCode.ExitCode.Internal)
  })

  it.scopedLive("a wrong password: one line with Unauthorized, exit 3, no stack, no password", () =>
    Effect.gen(function*() {
      const sim = yield* serve
      const secret = "wr0ng-s3cret-pw"
      for (const args of [["issue"], ["issue", "--os-password", secret]]) {
        const env = { ...demoEnv(sim.authUrl), OS_PASSWORD: secret }
        const r = yield* run(args, env)
        expect(r.code).toBe(3)
        expect(r.stdout).toBe("")
        const lines = r.stderr.split("\n")
        expect(lines).toHaveLength(1)
        expect(lines[0]).toMatch(/^keystone-token: Unauthorized \(401\): .+ \[POST http:\/\/127\.0\.0\.1:\d+\/v3\/auth\/tokens, request req-[0-9a-f-]+\]$/)
        expect(r.stderr).not.toMatch(/\n\s+at /)
        expect(r.stdout + r.stderr).not.toContain(secret)
      }
    }))

  it.scopedLive("--debug adds the full cause, still without the password", () =>
    Effect.gen(function*() {
      const sim = yield* serve
      const secret = "wr0ng-s3cret-pw"
      const r = yield* run(["issue", "--debug"], { ...demoEnv(sim.authUrl), OS_PASSWORD: secret })
      expect(r.code).toBe(3)
      expect(r.stderr.split("\n").length).toBeGreaterThan(1)
      expect(r.stderr).toContain("Unauthorized")
      expect(r.stdout + r.stderr).not.toContain(secret)
    }))

  it.effect("a missing OS_AUTH_URL: exit 2, naming the variable", () =>
    Effect.gen(function*() {
      const env = demoEnv("x")
      delete env.OS_AUTH_URL
      const r = yield* run(["issue"], env)
      expect(r.code).toBe(2)
      expect(r.stderr).toMatch(/^keystone-token: configuration: OS_AUTH_URL is required/)
      expect(r.stderr.split("\n")).toHaveLength(1)
    }))

  it.live("an unreachable Keystone: TransportError, exit 8 (after retries)", () =>
    Effect.gen(function*() {
      const r = yield* run(["check", "some-token"], { OS_AUTH_URL: "http://127.0.0.1:9/v3" })
      expect(r.code).toBe(8)
      expect(r.stderr).toMatch(/^keystone-token: TransportError \(Connect\): /)
    }), 60_000)

  it.effect("--help lists the exit codes", () =>
    Effect.gen(function*() {
      const r = yield* run(["--help"], {})
      expect(r.code).toBe(0)
      const help = stripAnsi(r.stdout)
      expect(help).toContain("EXIT CODES")
      for (const [code, meaning] of [[0, "success"], [1, "check: the token is not valid"], [2, "usage or configuration error (ConfigError"], [3, "Unauthorized"], [10, "EndpointNotFound"]] as const) {
        expect(help).toMatch(new RegExp(`^ ?${code}\\n\\n {2}${meaning.replace(/[()]/g, "\\$&")}`, "m"))
      }
      const sub = stripAnsi((yield* run(["issue", "--help"], {})).stdout)
      expect(sub).toContain("--os-password")
      expect(sub).toContain("EXIT CODES")
    }))

  it.effect("a bad option is a usage error, exit 2", () =>
    Effect.gen(function*() {
      const r = yield* run(["issue", "-f", "yaml"], {})
      expect(r.code).toBe(2)
    }))
})

describe("keystone-token --cache", () => {
  it.scopedLive("file: a second issue returns the cached token without calling Keystone", () =>
    Effect.gen(function*() {
      const sim = yield* serve
      const dir = yield* tmpDir
      const env = demoEnv(sim.authUrl)
      const args = ["issue", "-f", "value", "-c", "id", "--cache", "file", "--cache-url", dir]
      const first = yield* run(args, env)
      const second = yield* run(args, env)
      expect(first.code).toBe(0)
      expect(second.stdout).toBe(first.stdout)
      expect(yield* sim.count("POST /v3/auth/tokens")).toBe(1)
      // catalog and endpoint use the cached token too
      expect((yield* run(["endpoint", "--type", "compute", "--cache", "file", "--cache-url", dir], env)).code).toBe(0)
      expect(yield* sim.count("POST /v3/auth/tokens")).toBe(1)
      // revoke drops it from the cache: the next issue gets a new one
      expect((yield* run(["revoke", first.stdout, "--cache", "file", "--cache-url", dir], env)).code).toBe(0)
      const third = yield* run(args, env)
      expect(third.stdout).not.toBe(first.stdout)
      expect(yield* sim.count("POST /v3/auth/tokens")).toBe(2)
    }))

  it.scopedLive("redis: a second issue returns the cached token", () =>
    Effect.gen(function*() {
      const sim = yield* serve
      const url = yield* redisUrl
      const env = demoEnv(sim.authUrl)
      const args = ["issue", "-f", "value", "-c", "id", "--cache", "redis", "--cache-url", url]
      const first = yield* run(args, env)
      const second = yield* run(args, env)
      expect(first.stderr).toBe("")
      expect(second.stdout).toBe(first.stdout)
      expect(yield* sim.count("POST /v3/auth/tokens")).toBe(1)
      yield* run(["revoke", first.stdout, "--cache", "redis", "--cache-url", url], env)
    }))

  it.scopedLive("memory (the default): every run issues", () =>
    Effect.gen(function*() {
      const sim = yield* serve
      const env = demoEnv(sim.authUrl)
      yield* run(["issue"], env)
      yield* run(["issue"], env)
      expect(yield* sim.count("POST /v3/auth/tokens")).toBe(2)
    }))

  it.effect("--cache-url without a shared cache is a usage error", () =>
    Effect.gen(function*() {
      const r = yield* run(["issue", "--cache-url", "/tmp/x"], demoEnv("http://127.0.0.1:9/v3"))
      expect(r.code).toBe(2)
      expect(r.stderr).toContain("--cache-url needs --cache file or --cache redis")
    }))
})

describe("Command.run", () => {
  it.scopedLive("runs the command tree directly", () =>
    Effect.gen(function*() {
      const sim = yield* serve
      const { console, err, out } = yield* captureConsole
      yield* Command.run(Cli.command, { name: "keystone-token", version: Cli.version })(
        ["node", "keystone-token", "issue", "-f", "value", "-c", "user_id"]
      ).pipe(
        Effect.withConsole(console),
        Effect.withConfigProvider(ConfigProvider.fromMap(new Map(Object.entries(demoEnv(sim.authUrl))))),
        Effect.provide(NodeContext.layer),
        Logger.withMinimumLogLevel(LogLevel.Warning)
      )
      expect(err).toEqual([])
      expect(out).toEqual([Demo.userId])
    }))
})
