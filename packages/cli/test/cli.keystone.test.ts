/**
 * `keystone-token` against a REAL Keystone (`bash scripts/keystone-up.sh`).
 * Run with `npm run test:keystone`. Reads `$KEYSTONE_DIR/env` (default
 * `/tmp/effect-keystone-ks/env`) or the `KS_*` variables, and fails loudly
 * when neither is there.
 */
import { describe, expect, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import { childEnv, exec, main, run, tsx } from "./support.js"
import * as KeystoneEnv from "../../../scripts/keystone-env.js"


const ks = KeystoneEnv.load()
const need = KeystoneEnv.need(ks)

/** The demo user's RC file, as `openstack` would read it. */
const demo = {
  OS_AUTH_URL: need("KS_AUTH_URL"),
  OS_USERNAME: need("KS_DEMO_USERNAME"),
  OS_PASSWORD: need("KS_DEMO_PASSWORD"),
  OS_USER_DOMAIN_ID: need("KS_DEFAULT_DOMAIN_ID"),
  OS_PROJECT_NAME: need("KS_DEMO_PROJECT_NAME"),
  OS_PROJECT_DOMAIN_ID: need("KS_DEFAULT_DOMAIN_ID"),
  OS_IDENTITY_API_VERSION: "3"
}

describe("keystone-token against a real Keystone", () => {
  it.live("export OS_TOKEN=$(keystone-token issue -f value -c id); keystone-token validate accepts it", () =>
    Effect.gen(function*() {
      const script = [
        `export OS_TOKEN=$("$TSX" "$MAIN" issue -f value -c id)`,
        `test -n "$OS_TOKEN"`,
        `"$TSX" "$MAIN" validate -f json "$OS_TOKEN"`
      ].join(" && ")
      const r = yield* exec("bash", ["-c", script], childEnv({ ...demo, TSX: tsx, MAIN: main }))
      expect(r.stderr).toBe("")
      expect(r.code).toBe(0)
      const json = JSON.parse(r.stdout)
      expect(json.user_id).toBe(need("KS_DEMO_USER_ID"))
      expect(json.project_id).toBe(need("KS_DEMO_PROJECT_ID"))
      expect(json.methods).toEqual(["password"])
      expect(json.roles).toContain("member")
      expect(json.id).toBeUndefined()
    }), 240_000)

  it.live("issue, check, revoke, check: true then false (exit 1)", () =>
    Effect.gen(function*() {
      const issued = yield* run(["issue", "-f", "json"], demo)
      expect(issued.stderr).toBe("")
      const token = JSON.parse(issued.stdout)
      expect(Object.keys(token)).toEqual(["expires", "id", "project_id", "user_id"])
      expect(token.id).toMatch(/^gAAAAA/) // fernet
      expect(yield* run(["check", token.id], demo)).toEqual({ code: 0, stdout: "true", stderr: "" })
      expect(yield* run(["revoke", token.id], demo)).toEqual({ code: 0, stdout: "", stderr: "" })
      expect(yield* run(["check", token.id], demo)).toEqual({ code: 1, stdout: "false", stderr: "" })
      expect(yield* run(["check", "--service", token.id], demo)).toEqual({ code: 1, stdout: "false", stderr: "" })
    }))

  it.live("catalog and endpoint read the seeded catalog", () =>
    Effect.gen(function*() {
      const catalog = yield* run(["catalog", "-f", "value", "-c", "type", "-c", "interface", "-c", "region", "-c", "url"], demo)
      expect(catalog.code).toBe(0)
      expect(catalog.stdout.split("\n")).toContain("compute internal RegionTwo http://127.0.0.2:18774/v2.1")
      const url = yield* run(["endpoint", "--type", "compute", "--interface", "admin", "--region", "RegionOne"], demo)
      expect(url).toEqual({ code: 0, stdout: "http://127.0.0.1:28774/v2.1", stderr: "" })
      const missing = yield* run(["endpoint", "--type", "image", "--region", "RegionOne"], demo)
      expect(missing.code).toBe(10)
      expect(missing.stderr).toMatch(/^keystone-token: EndpointNotFound: /)
    }))

  it.live("a wrong password: exit 3, one line with Keystone's message and request id", () =>
    Effect.gen(function*() {
      const r = yield* run(["issue"], { ...demo, OS_PASSWORD: "not-the-password" })
      expect(r.code).toBe(3)
      expect(r.stderr).toMatch(
        /^keystone-token: Unauthorized \(401\): The request you have made requires authentication\. \[POST \S+\/v3\/auth\/tokens, request req-[0-9a-f-]+\]$/
      )
      expect(r.stderr).not.toContain("not-the-password")
    }))
})
