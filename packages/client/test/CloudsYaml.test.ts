import * as NodeContext from "@effect/platform-node/NodeContext"
import * as FileSystem from "@effect/platform/FileSystem"
import * as Path from "@effect/platform/Path"
import { SystemError } from "@effect/platform/Error"
import { describe, expect, it } from "@effect/vitest"
import { OpenStackConfig } from "@effect-keystone/client"
import * as CloudsYaml from "@effect-keystone/client/CloudsYaml"
import { ConfigProvider, Effect, Layer, Option, Redacted, Stream } from "effect"
import { execFileSync } from "node:child_process"
import * as fs from "node:fs"
import * as os from "node:os"
import * as path from "node:path"

/** `effect` with `vars` as the whole environment, files through Node's FileSystem and Path. */
const withEnv = (vars: Record<string, string>) => <A, E>(effect: Effect.Effect<A, E, FileSystem.FileSystem | Path.Path>) =>
  effect.pipe(
    Effect.withConfigProvider(ConfigProvider.fromMap(new Map(Object.entries(vars)))),
    Effect.provide(NodeContext.layer)
  )

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ek-clouds-"))
const clouds = path.join(dir, "clouds.yaml")
const secure = path.join(dir, "secure.yaml")
fs.writeFileSync(clouds, `
clouds:
  devstack:
    auth:
      auth_url: http://127.0.0.1/identity/v3
      username: demo
      user_domain_name: Default
      project_name: demo
      project_domain_id: default
    region_name: RegionOne
    interface: internal
    identity_api_version: 3
    verify: false
    compute_endpoint_override: http://nova-direct.test:8774/v2.1
    object-store_endpoint_override: " http://swift-direct.test/v1/AUTH_x "
  appcred:
    auth_type: v3applicationcredential
    auth:
      auth_url: http://127.0.0.1/identity/v3
      application_credential_id: ac1
`)
fs.writeFileSync(secure, `
clouds:
  devstack:
    auth:
      password: from-secure-yaml
  appcred:
    auth:
      application_credential_secret: app-secret
`)
const env = { OS_CLIENT_CONFIG_FILE: clouds, OS_CLIENT_SECURE_FILE: secure, HOME: dir }

describe("CloudsYaml.fromCloud", () => {
  it.effect("merges secure.yaml into clouds.yaml", () =>
    Effect.gen(function*() {
      const s = yield* CloudsYaml.fromCloud("devstack")
      expect(s.authUrl).toBe("http://127.0.0.1/identity/v3")
      expect(s.interface).toBe("internal")
      expect(s.tls.insecure).toBe(true)
      expect(Option.getOrNull(s.region)).toBe("RegionOne")
      const c = s.auth.credentials
      expect(c._tag === "Password" && Redacted.value(c.password)).toBe("from-secure-yaml")
      const app = yield* CloudsYaml.fromCloud("appcred")
      expect(app.auth.credentials).toMatchObject({ _tag: "ApplicationCredential", ref: { id: "ac1" } })
      expect(app.endpointOverrides).toBeUndefined()
    }).pipe(withEnv(env)))

  it.effect("reads <service>_endpoint_override entries by service key", () =>
    Effect.gen(function*() {
      const s = yield* CloudsYaml.fromCloud("devstack")
      expect(s.endpointOverrides).toEqual({
        compute: "http://nova-direct.test:8774/v2.1",
        object_store: "http://swift-direct.test/v1/AUTH_x"
      })
      expect(OpenStackConfig.serviceKey("Object-Store")).toBe("object_store")
    }).pipe(withEnv(env)))

  it.effect("errors name the clouds.yaml key", () =>
    Effect.gen(function*() {
      const unknown = yield* Effect.flip(CloudsYaml.fromCloud("nope").pipe(withEnv(env)))
      expect(String(unknown)).toMatch(/cloud nope is not in .*clouds\.yaml \(it has: devstack, appcred\)/)
      // a name of Object.prototype is not a cloud
      const proto = yield* Effect.flip(CloudsYaml.fromCloud("constructor").pipe(withEnv(env)))
      expect(String(proto)).toContain("cloud constructor is not in")
      const noSecure = yield* Effect.flip(
        CloudsYaml.fromCloud("devstack").pipe(withEnv({ ...env, OS_CLIENT_SECURE_FILE: path.join(dir, "none.yaml") }))
      )
      expect(String(noSecure)).toContain("clouds.devstack.auth.password")
    }))

  it.effect("overrides win over the cloud and are named as OS_* variables", () =>
    Effect.gen(function*() {
      const s = yield* CloudsYaml.fromCloud("devstack", { overrides: { region_name: "RegionTwo" } })
      expect(Option.getOrNull(s.region)).toBe("RegionTwo")
      const bad = yield* Effect.flip(CloudsYaml.fromCloud("devstack", { overrides: { interface: "private" } }))
      expect(String(bad)).toContain("OS_INTERFACE must be public, internal or admin")
    }).pipe(withEnv(env)))
})

describe("CloudsYaml.load", () => {
  it.effect("OS_CLOUD selects the cloud and OS_* variables override it, all from the ConfigProvider", () =>
    Effect.gen(function*() {
      const viaLoad = yield* CloudsYaml.load.pipe(withEnv({ ...env, OS_CLOUD: "devstack", OS_INTERFACE: "admin" }))
      expect(viaLoad.interface).toBe("admin")
      expect(viaLoad.authUrl).toBe("http://127.0.0.1/identity/v3")
      // an empty variable unsets the cloud's value
      const unset = yield* Effect.flip(CloudsYaml.load.pipe(withEnv({ ...env, OS_CLOUD: "devstack", OS_PASSWORD: "" })))
      expect(String(unset)).toContain("password")
    }))

  it.effect("without OS_CLOUD it is OpenStackConfig.fromEnv, and touches no file", () =>
    Effect.gen(function*() {
      const vars = { OS_AUTH_URL: "http://k/v3", OS_TOKEN: "tok", OS_PROJECT_ID: "p1" }
      const s = yield* CloudsYaml.load.pipe(
        Effect.withConfigProvider(ConfigProvider.fromMap(new Map(Object.entries(vars)))),
        Effect.provide(Layer.merge(FileSystem.layerNoop({ stat: () => Effect.die("a file was read"), stream: () => Stream.die("a file was read") }), Path.layer))
      )
      expect(s.auth.credentials._tag).toBe("ExistingToken")
    }))

  it.effect("HOME and XDG_CONFIG_HOME come from the ConfigProvider, not the process", () =>
    Effect.gen(function*() {
      const home = fs.mkdtempSync(path.join(os.tmpdir(), "ek-home-"))
      fs.mkdirSync(path.join(home, ".config", "openstack"), { recursive: true })
      fs.copyFileSync(clouds, path.join(home, ".config", "openstack", "clouds.yaml"))
      fs.copyFileSync(secure, path.join(home, ".config", "openstack", "secure.yaml"))
      const viaHome = yield* CloudsYaml.load.pipe(withEnv({ HOME: home, OS_CLOUD: "devstack" }))
      expect(viaHome.authUrl).toBe("http://127.0.0.1/identity/v3")
      const xdg = fs.mkdtempSync(path.join(os.tmpdir(), "ek-xdg-"))
      fs.mkdirSync(path.join(xdg, "openstack"))
      fs.copyFileSync(clouds, path.join(xdg, "openstack", "clouds.yaml"))
      const viaXdg = yield* CloudsYaml.load.pipe(withEnv({ XDG_CONFIG_HOME: xdg, OS_CLOUD: "appcred", OS_APPLICATION_CREDENTIAL_SECRET: "s" }))
      expect(viaXdg.auth.credentials).toMatchObject({ _tag: "ApplicationCredential", ref: { id: "ac1" } })
    }))

  it.effect("reads through whatever FileSystem is provided", () =>
    Effect.gen(function*() {
      const files: Record<string, string> = {
        "/cfg/clouds.yaml": "clouds:\n  mem:\n    auth:\n      auth_url: http://mem/v3\n      token: t\n"
      }
      const notFound = (pathOrDescriptor: string, method: string) =>
        new SystemError({ reason: "NotFound", module: "FileSystem", method, pathOrDescriptor })
      const memory = FileSystem.layerNoop({
        stat: (p) =>
          files[p] === undefined
            ? Effect.fail(notFound(p, "stat"))
            : Effect.succeed({ type: "File", size: FileSystem.Size(files[p]!.length) } as FileSystem.File.Info),
        stream: (p) => Stream.succeed(new TextEncoder().encode(files[p as string] ?? ""))
      })
      const s = yield* CloudsYaml.load.pipe(
        Effect.withConfigProvider(ConfigProvider.fromMap(new Map([["OS_CLOUD", "mem"], ["OS_CLIENT_CONFIG_FILE", "/cfg/clouds.yaml"]]))),
        Effect.provide(Layer.merge(memory, Path.layer))
      )
      expect(s.authUrl).toBe("http://mem/v3")
      expect(s.auth.credentials._tag).toBe("ExistingToken")
    }))

  it.effect("a FIFO, a directory or an oversized file is refused with a ConfigError naming it, never read", () =>
    Effect.gen(function*() {
      const fifo = path.join(dir, "fifo.yaml")
      execFileSync("mkfifo", [fifo])
      const big = path.join(dir, "big.yaml")
      fs.writeFileSync(big, `# ${"x".repeat(CloudsYaml.maxFileBytes)}\nclouds: {}\n`)
      for (const file of [fifo, dir, big]) {
        const error = yield* Effect.flip(CloudsYaml.load.pipe(withEnv({ OS_CLOUD: "devstack", OS_CLIENT_CONFIG_FILE: file })))
        expect(error._op).toBe("InvalidData")
        expect(String(error)).toContain(file)
      }
    }))

  it.effect("invalid YAML is a ConfigError naming the file", () =>
    Effect.gen(function*() {
      const bad = path.join(dir, "bad.yaml")
      fs.writeFileSync(bad, "clouds: [unclosed\n")
      const error = yield* Effect.flip(CloudsYaml.load.pipe(withEnv({ OS_CLOUD: "x", OS_CLIENT_CONFIG_FILE: bad })))
      expect(String(error)).toContain(`${bad} is not valid YAML`)
    }))
})

describe("CloudsYaml.searchPaths", () => {
  it.effect("follows openstacksdk, with the variables from the ConfigProvider", () =>
    Effect.gen(function*() {
      const paths = yield* CloudsYaml.searchPaths("clouds.yaml").pipe(withEnv({ HOME: "/home/u", OS_CLIENT_CONFIG_FILE: "/x/c.yaml" }))
      expect(paths).toEqual(["/x/c.yaml", path.join(process.cwd(), "clouds.yaml"), "/home/u/.config/openstack/clouds.yaml", "/etc/openstack/clouds.yaml"])
      const xdg = yield* CloudsYaml.searchPaths("secure.yaml").pipe(withEnv({ HOME: "/home/u", XDG_CONFIG_HOME: "/xdg" }))
      expect(xdg).toEqual([path.join(process.cwd(), "secure.yaml"), "/xdg/openstack/secure.yaml", "/etc/openstack/secure.yaml"])
    }))
})
