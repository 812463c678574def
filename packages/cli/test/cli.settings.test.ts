/**
 * Where keystone-token's settings come from: a clouds.yaml cloud (by
 * --os-cloud or OS_CLOUD, found through OS_CLIENT_CONFIG_FILE or HOME as the
 * ConfigProvider gives them), with OS_* and --os-* over it, and errors that
 * name the option at fault.
 */
import { describe, expect, it } from "@effect/vitest"
import * as KeystoneSimNode from "@effect-keystone/testing/Node"
import * as Effect from "effect/Effect"
import * as fs from "node:fs"
import * as path from "node:path"
import { Demo, demoEnv, run, tmpDir } from "./support.js"

const serve = KeystoneSimNode.serve(undefined, { port: 0 })

describe("keystone-token --os-cloud", () => {
  it.scopedLive("reads the cloud from clouds.yaml (OS_CLIENT_CONFIG_FILE); OS_* and --os-* override it", () =>
    Effect.gen(function*() {
      const sim = yield* serve
      const dir = yield* tmpDir
      const file = path.join(dir, "clouds.yaml")
      fs.writeFileSync(
        file,
        [
          "clouds:",
          "  sim:",
          "    auth:",
          `      auth_url: ${sim.authUrl}`,
          `      username: ${Demo.username}`,
          `      password: ${Demo.password}`,
          `      user_domain_name: ${Demo.domainName}`,
          `      project_name: ${Demo.projectName}`,
          `      project_domain_id: ${Demo.domainId}`,
          "    region_name: RegionTwo",
          "    identity_api_version: 3",
          ""
        ].join("\n")
      )
      const byOption = yield* run(["issue", "--os-cloud", "sim", "-f", "value", "-c", "user_id"], { OS_CLIENT_CONFIG_FILE: file })
      expect(byOption.stderr).toBe("")
      expect(byOption.stdout).toBe(Demo.userId)
      const byEnv = yield* run(["endpoint", "--type", "compute"], { OS_CLIENT_CONFIG_FILE: file, OS_CLOUD: "sim" })
      expect(byEnv.stdout).toBe("http://compute.region-two.test:8774/v2.1")
      const overridden = yield* run(["issue", "--os-cloud", "sim"], {
        OS_CLIENT_CONFIG_FILE: file,
        OS_PASSWORD: "wrong-from-env"
      })
      expect(overridden.code).toBe(3)
      const unknown = yield* run(["issue", "--os-cloud", "nope"], { OS_CLIENT_CONFIG_FILE: file })
      expect(unknown.code).toBe(2)
      expect(unknown.stderr).toContain("cloud nope is not in")
    }))
})

describe("keystone-token settings through the ConfigProvider", () => {
  it.scopedLive("clouds.yaml is found through HOME as the ConfigProvider gives it, with --os-* over it", () =>
    Effect.gen(function*() {
      const sim = yield* serve
      const home = yield* tmpDir
      fs.mkdirSync(path.join(home, ".config", "openstack"), { recursive: true })
      fs.writeFileSync(
        path.join(home, ".config", "openstack", "clouds.yaml"),
        ["clouds:", "  sim:", "    auth:", `      auth_url: ${sim.authUrl}`, `      user_id: ${Demo.userId}`, "      password: wrong", ""].join("\n")
      )
      const r = yield* run(["issue", "--os-cloud", "sim", "--os-password", Demo.password, "-f", "value", "-c", "user_id"], { HOME: home })
      expect(r.stderr).toBe("")
      expect(r.stdout).toBe(Demo.userId)
    }))

  it.effect("an error about a value an option gave names the option", () =>
    Effect.gen(function*() {
      const r = yield* run(["issue", "--os-auth-url", "ftp://keystone"], demoEnv("http://127.0.0.1:9/v3"))
      expect(r.code).toBe(2)
      expect(r.stderr).toMatch(/^keystone-token: configuration: --os-auth-url must be an http\(s\) URL/)
      const env = yield* run(["issue"], demoEnv("ftp://keystone"))
      expect(env.stderr).toMatch(/^keystone-token: configuration: OS_AUTH_URL must be an http\(s\) URL/)
    }))
})
