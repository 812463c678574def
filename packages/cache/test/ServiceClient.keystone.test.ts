/**
 * ServiceClient against a REAL Keystone (`bash scripts/keystone-up.sh`,
 * whose catalog lists identity as `http://127.0.0.1:<port>/v3/`, with the
 * trailing slash): identity's own version documents, and calls through the
 * catalog URL. Run with `npx vitest run --config vitest.keystone.config.ts`.
 */
import { NodeHttpClient } from "@effect/platform-node"
import { describe, expect, it } from "@effect/vitest"
import { AuthScope, Credentials, KeystoneClient } from "@effect-keystone/client"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Option from "effect/Option"
import * as Redacted from "effect/Redacted"
import * as KeystoneEnv from "../../../scripts/keystone-env.js"
import * as KeystoneSession from "../src/KeystoneSession.js"
import * as ServiceClient from "../src/ServiceClient.js"
import * as TokenStore from "../src/TokenStore.js"

const need = KeystoneEnv.need(KeystoneEnv.load())
const ks = {
  authUrl: need("KS_AUTH_URL"),
  baseUrl: need("KS_BASE_URL"),
  demoUserId: need("KS_DEMO_USER_ID"),
  demoPassword: need("KS_DEMO_PASSWORD"),
  demoProjectId: need("KS_DEMO_PROJECT_ID")
}

const SessionLive = KeystoneSession.layer({
  auth: {
    credentials: Credentials.password({ userId: ks.demoUserId, password: Redacted.make(ks.demoPassword) }),
    scope: AuthScope.project({ id: ks.demoProjectId })
  }
}).pipe(
  Layer.provide(TokenStore.layerMemory),
  Layer.provide(KeystoneClient.layer({ authUrl: ks.authUrl })),
  Layer.provideMerge(NodeHttpClient.layerUndici)
)

describe("ServiceClient against a real Keystone", () => {
  it.live("identity through the catalog's trailing-slash URL, with its own version document", () =>
    Effect.gen(function*() {
      const session = yield* KeystoneSession.KeystoneSession
      expect(yield* session.endpoint({ type: "identity" })).toBe(`${ks.authUrl}/`)
      const identity = yield* ServiceClient.make({ type: "identity", version: { min: "3" } })
      const version = Option.getOrThrow(yield* identity.version)
      expect(version).toMatchObject({ status: "CURRENT", url: `${ks.authUrl}/` })
      expect(version.id).toMatch(/^v3\.\d+$/)
      const response = yield* identity.http.get("/auth/projects")
      const body = (yield* response.json) as { projects: Array<{ id: string }> }
      expect(body.projects.map((p) => p.id)).toContain(ks.demoProjectId)
    }).pipe(Effect.provide(SessionLive)))

  it.live("the unversioned root answers 300 Multiple Choices: bound to v3's link", () =>
    Effect.gen(function*() {
      const identity = yield* ServiceClient.make({ type: "identity", endpointOverride: `${ks.baseUrl}/`, version: { min: "3" } })
      expect(yield* identity.endpoint).toBe(`${ks.authUrl}/`)
      const old = yield* ServiceClient.make({ type: "identity", endpointOverride: `${ks.baseUrl}/`, version: { max: "2" } })
      const error = yield* Effect.flip(old.endpoint)
      expect(error._tag).toBe("VersionNotAvailable")
      if (error._tag === "VersionNotAvailable") expect(error.offered.some((v) => v.startsWith("v3."))).toBe(true)
    }).pipe(Effect.provide(SessionLive)))

  it.live("a refusal is a ServiceError with Keystone's message and request id", () =>
    Effect.gen(function*() {
      const identity = yield* ServiceClient.make({ type: "identity" })
      const error = yield* Effect.flip(identity.http.get("users"))
      expect(error._tag).toBe("ServiceError")
      if (error._tag !== "ServiceError") return
      expect(error.status).toBe(403)
      expect(error.serviceMessage).toMatch(/not authorized|permission/i)
      expect(error.requestId).toMatch(/^req-/)
      expect(error.url).toBe(`${ks.authUrl}/users`)
    }).pipe(Effect.provide(SessionLive)))
})
