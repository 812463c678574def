/**
 * The worker, pipeline and protected-service examples against a REAL
 * Keystone (`bash scripts/keystone-up.sh`). Run with `npm run test:keystone`.
 * Reads `$KEYSTONE_DIR/env` (default `/tmp/effect-keystone-ks/env`) or the
 * `KS_*` variables, and fails loudly when neither is there.
 */
import { NodeHttpClient } from "@effect/platform-node"
import { describe, expect, it } from "@effect/vitest"
import { KeystoneSession, TokenStore } from "@effect-keystone/cache"
import { AuthScope, Credentials, KeystoneClient, OpenStackConfig } from "@effect-keystone/client"
import * as ConfigProvider from "effect/ConfigProvider"
import * as Effect from "effect/Effect"
import * as Fiber from "effect/Fiber"
import * as Layer from "effect/Layer"
import * as Redacted from "effect/Redacted"
import * as Pipeline from "../pipeline.js"
import * as ProtectedService from "../protected-service.js"
import * as Worker from "../worker.js"
import * as KeystoneEnv from "../../scripts/keystone-env.js"
import type { JsonBody } from "./support.js"

const ks = KeystoneEnv.seeded()

const demo = {
  credentials: Credentials.password({ userId: ks.demoUserId, password: Redacted.make(ks.demoPassword) }),
  scope: AuthScope.project({ id: ks.demoProjectId })
}
/** The examples' "service" identity: admin may validate anyone's token under Keystone's default policy. */
const service = {
  credentials: Credentials.password({ userId: ks.adminUserId, password: Redacted.make(ks.adminPassword) }),
  scope: AuthScope.project({ id: ks.adminProjectId })
}

const ClientLive = KeystoneClient.layer({ authUrl: ks.authUrl }).pipe(Layer.provideMerge(NodeHttpClient.layerUndici))
const issue = (auth: typeof demo) => Effect.flatMap(KeystoneClient.KeystoneClient, (c) => c.issue(auth))
const revoke = (token: Parameters<KeystoneClient.KeystoneClientService["revoke"]>[0]) =>
  Effect.flatMap(KeystoneClient.KeystoneClient, (c) => c.revoke(token))

describe("examples against a real Keystone", () => {
  it.live("worker: calls identity's /auth/projects through the catalog's trailing-slash URL with ServiceClient, and logs a renewal", () =>
    Effect.gen(function*() {
      const session = yield* KeystoneSession.KeystoneSession
      const fiber = yield* Effect.fork(Worker.program({
        service: { type: "identity", interface: "public", region: ks.region },
        path: "/auth/projects",
        every: "500 millis", // the refresh below waits for minimumRefresh (1 s after the first login): keep it inside the run
        calls: 4
      }))
      yield* Effect.sleep("500 millis")
      yield* session.refresh
      const summary = yield* Fiber.join(fiber)
      expect(summary).toEqual({ calls: 4, ok: 4, failed: 0, renewals: 1 })
    }).pipe(
      Effect.provide(Worker.layer({ authUrl: ks.authUrl, auth: demo }).pipe(Layer.provide(NodeHttpClient.layerUndici)))
    ))

  it.live("pipeline: accepted, revoked, unknown, and a re-login after our service token is revoked", () =>
    Effect.gen(function*() {
      const session = yield* KeystoneSession.KeystoneSession
      const valid = yield* issue(demo)
      const revoked = yield* issue(demo)
      yield* revoke(revoked)
      const first = yield* Pipeline.run([
        { id: "valid", token: valid.id },
        { id: "revoked", token: revoked.id },
        { id: "unknown", token: Redacted.make("gAAAAABnot-a-real-fernet-token") }
      ], { authUrl: ks.authUrl, retryDeferredAfter: "100 millis" })
      expect(first.outcomes).toEqual([
        { _tag: "Accepted", job: "valid", user: "demo", project: "demo" },
        { _tag: "Rejected", job: "revoked", reason: "token revoked or expired" },
        { _tag: "Rejected", job: "unknown", reason: "token revoked or expired" }
      ])

      // Keystone refuses our own service token from now: Unauthorized → the session logs in again → the job goes through
      const refused = yield* session.token
      yield* revoke(refused)
      const second = yield* Pipeline.run([{ id: "valid", token: valid.id }], { authUrl: ks.authUrl })
      expect(second.outcomes).toEqual([{ _tag: "Accepted", job: "valid", user: "demo", project: "demo" }])
      expect(Redacted.value((yield* session.token).id)).not.toBe(Redacted.value(refused.id))
      yield* revoke(valid)
    }).pipe(
      Effect.provide(
        KeystoneSession.layer({ auth: service, revokeOnClose: true }).pipe(
          Layer.provide(TokenStore.layerMemory),
          Layer.provideMerge(ClientLive)
        )
      )
    ))

  it.scopedLive("protected-service: 401 without or with a revoked token (within the revocation poll), /whoami for a good one", () =>
    Effect.gen(function*() {
      // the service's credentials as OS_* variables (admin may validate anyone's token)
      const settings = yield* Effect.withConfigProvider(
        OpenStackConfig.fromEnv,
        ConfigProvider.fromMap(
          new Map([
            ["OS_AUTH_URL", ks.authUrl],
            ["OS_USER_ID", ks.adminUserId],
            ["OS_PASSWORD", ks.adminPassword],
            ["OS_PROJECT_ID", ks.adminProjectId]
          ])
        )
      )
      // its session must outlive the server: built in the test's scope
      const auth = yield* Layer.build(ProtectedService.layer(settings, { revocation: { pollEvery: "1 second" } }))
      const { url } = yield* ProtectedService.serve().pipe(Effect.provide(auth))
      const get = (token?: string) =>
        Effect.promise(async () => {
          const r = await fetch(`${url}/whoami`, { headers: token === undefined ? {} : { "x-auth-token": token } })
          return { status: r.status, body: (await r.json()) as JsonBody }
        })
      expect((yield* get()).status).toBe(401)
      expect((yield* get("gAAAAABnot-a-real-fernet-token")).status).toBe(401)
      const token = yield* issue(demo)
      const ok = yield* get(Redacted.value(token.id))
      expect(ok.status).toBe(200)
      expect(ok.body).toMatchObject({
        user: { id: ks.demoUserId, name: "demo" },
        project: { id: ks.demoProjectId, name: "demo" },
        auditIds: [token.auditIds[0]]
      })
      yield* revoke(token)
      yield* Effect.sleep("2500 millis")
      expect((yield* get(Redacted.value(token.id))).status).toBe(401)
    }).pipe(Effect.provide(ClientLive)))
})
