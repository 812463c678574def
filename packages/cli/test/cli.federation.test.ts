/**
 * `keystone-token` on federated logins: the real OpenID provider of
 * scripts/federation/idp.ts and KeystoneSim trusting it (scripts/
 * federation/sim.ts). The device flow's prompt goes to stderr while stdout
 * keeps the token; an RC file of `OS_*` variables for `v3oidcpassword`,
 * sourced by bash, drives the CLI as a child process.
 */
import { describe, expect, it } from "@effect/vitest"
import { KeystoneSim } from "@effect-keystone/testing"
import * as KeystoneSimNode from "@effect-keystone/testing/Node"
import * as Effect from "effect/Effect"
import * as fs from "node:fs"
import * as os from "node:os"
import * as path from "node:path"
import * as Idp from "../../../scripts/federation/idp.js"
import * as SimFederation from "../../../scripts/federation/sim.js"
import { childEnv, exec, main, start, tsx } from "./support.js"

const { Federated } = KeystoneSim

/** The IdP and the simulator on loopback, the simulator trusting the IdP. */
const setup = Effect.gen(function*() {
  const idp = yield* Effect.acquireRelease(Effect.promise(() => Idp.start()), (i) => Effect.promise(i.close))
  const sim = yield* KeystoneSimNode.serve()
  yield* SimFederation.trust(sim, idp)
  return { idp, sim }
})

/** The OS_* variables of a federated login to fedproject (keystoneauth1's names). */
const federatedEnv = (
  s: Effect.Effect.Success<typeof setup>,
  authType: string,
  client: { readonly id: string; readonly secret: string }
): Record<string, string> => ({
  OS_AUTH_URL: s.sim.authUrl,
  OS_AUTH_TYPE: authType,
  OS_IDENTITY_PROVIDER: Federated.identityProvider,
  OS_PROTOCOL: Federated.protocol,
  OS_CLIENT_ID: client.id,
  OS_CLIENT_SECRET: client.secret,
  OS_DISCOVERY_ENDPOINT: s.idp.discoveryUrl,
  OS_OPENID_SCOPE: "openid profile email groups",
  OS_PROJECT_NAME: Federated.projectName,
  OS_PROJECT_DOMAIN_NAME: Federated.domainName,
  OS_IDENTITY_API_VERSION: "3"
})

/** Real time for the CLI to get on with it. */
const pause = (millis: number) => Effect.promise(() => new Promise((resolve) => setTimeout(resolve, millis)))

describe("keystone-token on federated logins (real IdP, KeystoneSim)", () => {
  it.scopedLive("issue with v3oidcdeviceauthz: the verification URL and code on stderr; once approved, the token on stdout", () =>
    Effect.gen(function*() {
      const s = yield* setup
      const running = yield* start(["issue", "-f", "json"], federatedEnv(s, "v3oidcdeviceauthz", Idp.clients.device))
      // the user reads the code off the terminal, and approves it at the IdP
      let userCode: string | undefined
      for (let i = 0; i < 200 && userCode === undefined; i++) {
        userCode = /enter the code (\S+)/.exec(running.err.join("\n"))?.[1]
        if (userCode === undefined) yield* pause(25)
      }
      expect(userCode).toBeDefined()
      expect(running.out).toEqual([])
      yield* Effect.promise(() => s.idp.approveDevice(userCode!, "alice"))
      const r = yield* running.result
      expect(r.code).toBe(0)
      const lines = r.stderr.split("\n")
      expect(lines[0]).toBe(`keystone-token: to sign in, open ${s.idp.issuer}/device and enter the code ${userCode} (it expires in 600 seconds)`)
      expect(lines[1]).toMatch(new RegExp(`^keystone-token: or open ${s.idp.issuer}/device\\?user_code=`))
      expect(lines[2]).toBe("keystone-token: waiting for the sign-in...")
      expect(lines).toHaveLength(3)
      // stdout is the token alone: alice's shadow user on fedproject
      const token = JSON.parse(r.stdout)
      expect(token.project_id).toBe(Federated.projectId)
      expect(r.stdout).not.toContain(userCode!)
      const seen = yield* Effect.promise(() =>
        fetch(`${s.sim.authUrl}/auth/tokens?nocatalog`, { headers: { "x-auth-token": token.id, "x-subject-token": token.id } })
          .then((res) => res.json() as Promise<{ token: { user: { id: string; name: string } } }>)
      )
      expect(seen.token.user).toMatchObject({ id: token.user_id, name: "alice" })
      expect(s.idp.issued("urn:ietf:params:oauth:grant-type:device_code")).toBe(1)
    }), 60_000) // the IdP's 5-second polling interval, in real time

  it.scopedLive("an RC file for v3oidcpassword, sourced by bash: issue prints the federated token, and no secret", () =>
    Effect.gen(function*() {
      const s = yield* setup
      const dir = yield* Effect.acquireRelease(
        Effect.sync(() => fs.mkdtempSync(path.join(os.tmpdir(), "keystone-token-oidc-"))),
        (d) => Effect.sync(() => fs.rmSync(d, { recursive: true, force: true }))
      )
      const rc = path.join(dir, "fedproject-openrc.sh")
      const vars = { ...federatedEnv(s, "v3oidcpassword", Idp.clients.password), OS_USERNAME: "alice", OS_PASSWORD: "alice-password" }
      fs.writeFileSync(rc, Object.entries(vars).map(([k, v]) => `export ${k}='${v}'\n`).join(""))
      const r = yield* exec(
        "bash",
        ["-c", `source "$RC" && "$TSX" "$MAIN" issue -f json && "$TSX" "$MAIN" issue -f value -c user_id`],
        childEnv({ RC: rc, TSX: tsx, MAIN: main })
      )
      expect(r.stderr).toBe("")
      expect(r.code).toBe(0)
      const [json, userId] = [r.stdout.slice(0, r.stdout.lastIndexOf("}") + 1), r.stdout.slice(r.stdout.lastIndexOf("}") + 1).trim()]
      const token = JSON.parse(json)
      expect(Object.keys(token)).toEqual(["expires", "id", "project_id", "user_id"])
      expect(token.project_id).toBe(Federated.projectId)
      expect(userId).toBe(token.user_id)
      for (const secret of ["alice-password", Idp.clients.password.secret]) expect(r.stdout).not.toContain(secret)
      // each run logged in at the IdP (password grant) and at the simulator's federation endpoint
      expect(s.idp.issued("password")).toBe(2)
      expect(yield* s.sim.count("POST /v3/OS-FEDERATION/identity_providers/{idp}/protocols/{protocol}/auth")).toBe(2)
    }), 240_000)
})
