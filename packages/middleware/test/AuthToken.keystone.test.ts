/**
 * The middleware against a REAL Keystone (`bash scripts/keystone-up.sh`):
 * the service validates as admin (no `service` role there, so
 * `serviceTokenRoles: ["admin"]`). Revocation is done out of band with
 * `curl -X DELETE` (keystone-up.sh installs curl), and the revoked token must
 * be refused within the poll interval — also by every process of a fleet
 * sharing a Redis (`layerFleet`), where one process polls for all.
 * Run with `npm run test:keystone`.
 */
import { NodeHttpClient } from "@effect/platform-node"
import { describe, expect, it } from "@effect/vitest"
import { KeystoneSession, TokenStore } from "@effect-keystone/cache"
import * as RedisTokenStore from "@effect-keystone/cache/RedisTokenStore"
import { AuthScope as Scope, Credentials, KeystoneClient, KeystoneMetrics } from "@effect-keystone/client"
import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Metric from "effect/Metric"
import * as Redacted from "effect/Redacted"
import { execFile } from "node:child_process"
import * as KeystoneEnv from "../../../scripts/keystone-env.js"
import { redisUrl, uniquePrefix } from "../../cache/test/utils/redis.js"
import * as AuthToken from "../src/AuthToken.js"
import * as RedisRevocationFeed from "../src/RedisRevocationFeed.js"
import { headers, newKey, tag } from "./support.js"

const ks = KeystoneEnv.seeded()

const admin = {
  credentials: Credentials.password({ userId: ks.adminUserId, password: Redacted.make(ks.adminPassword) }),
  scope: Scope.project({ id: ks.adminProjectId })
}
const demo = {
  credentials: Credentials.password({ userId: ks.demoUserId, password: Redacted.make(ks.demoPassword) }),
  scope: Scope.project({ id: ks.demoProjectId })
}

const pollEvery = 2_000

const layer = (options?: AuthToken.Options) =>
  AuthToken.layer({ revocation: { pollEvery: `${pollEvery} millis` }, serviceTokenRoles: ["admin"], ...options }).pipe(
    Layer.provideMerge(KeystoneSession.layer({ auth: admin })),
    Layer.provideMerge(TokenStore.layerMemory),
    Layer.provideMerge(KeystoneClient.layer({ authUrl: ks.authUrl })),
    Layer.provideMerge(NodeHttpClient.layerUndici)
  )

/** `curl -X DELETE /v3/auth/tokens` (`openstack token revoke` in HTTP); the status Keystone answered. */
const curlRevoke = (adminToken: string, token: string) =>
  Effect.async<number, Error>((resume) => {
    execFile("curl", [
      "-s", "-o", "/dev/null", "-w", "%{http_code}", "--max-time", "10", "-X", "DELETE",
      "-H", `X-Auth-Token: ${adminToken}`, "-H", `X-Subject-Token: ${token}`, `${ks.authUrl}/auth/tokens`
    ], (error, stdout) => resume(error === null ? Effect.succeed(Number(stdout)) : Effect.fail(error)))
  })

const issue = (auth: typeof demo) =>
  Effect.flatMap(KeystoneClient.KeystoneClient, (c) => Effect.map(c.issue(auth), (t) => Redacted.value(t.id)))

describe("AuthToken against a real Keystone", () => {
  it.live("valid, invalid, and spoofed headers removed", () =>
    Effect.gen(function*() {
      const auth = yield* AuthToken.AuthToken
      const token = yield* issue(demo)
      const decision = yield* auth.decide(headers({ "X-Auth-Token": token, "X-Roles": "admin", "X-User-Id": "someone" }))
      if (decision._tag !== "Forward") throw new Error(`answered ${decision.status}`)
      expect(decision.set).toMatchObject({
        "X-Identity-Status": "Confirmed",
        "X-User-Id": ks.demoUserId,
        "X-Project-Id": ks.demoProjectId,
        "X-User-Domain-Id": "default"
      })
      expect(decision.set["X-Roles"]?.split(",")).not.toContain("admin")
      expect(decision.remove).toEqual(expect.arrayContaining(["x-roles", "x-user-id"]))
      const refused = yield* auth.decide(headers({ "X-Auth-Token": `${token.slice(0, -4)}AAAA` }))
      expect(refused).toMatchObject({ _tag: "Respond", status: 401, headers: { "www-authenticate": `Keystone uri="${ks.authUrl}"` } })
    }).pipe(Effect.provide(layer())))

  it.live("a token revoked with curl is refused within the poll interval", () =>
    Effect.gen(function*() {
      const auth = yield* AuthToken.AuthToken
      const token = yield* issue(demo)
      const adminToken = yield* issue(admin)
      expect(tag(yield* auth.authenticate({ userToken: token }))).toBe("Confirmed")
      expect(yield* curlRevoke(adminToken, token)).toBe(204)
      const revokedAt = Date.now()
      let verdict = "Confirmed"
      while (verdict === "Confirmed" && Date.now() - revokedAt < pollEvery + 1_500) {
        yield* Effect.sleep("200 millis")
        verdict = tag(yield* auth.authenticate({ userToken: token }))
      }
      expect(verdict).not.toBe("Confirmed")
      expect(Date.now() - revokedAt).toBeLessThan(pollEvery + 1_500)
    }).pipe(Effect.provide(layer({ cache: { maxAge: "5 minutes" } }))))

  it.live("a service token with the role gives X-Service-*; without it (required) the request is refused", () =>
    Effect.gen(function*() {
      const auth = yield* AuthToken.AuthToken
      const user = yield* issue(demo)
      const service = yield* issue(admin)
      const ok = yield* auth.decide(headers({ "X-Auth-Token": user, "X-Service-Token": service }))
      if (ok._tag !== "Forward") throw new Error(`answered ${ok.status}`)
      expect(ok.set).toMatchObject({ "X-Service-Identity-Status": "Confirmed", "X-Service-User-Id": ks.adminUserId })
      const notService = yield* issue(demo)
      const refused = yield* auth.decide(headers({ "X-Auth-Token": user, "X-Service-Token": notService }))
      expect(refused).toMatchObject({ _tag: "Respond", status: 401 })
      const delayed = yield* auth.decide(headers({ "X-Auth-Token": user, "X-Service-Token": notService }), {
        delayAuthDecision: true
      })
      expect(delayed._tag === "Forward" && delayed.set["X-Service-Identity-Status"]).toBe("Invalid")
      expect(delayed._tag === "Forward" && delayed.set["X-Identity-Status"]).toBe("Confirmed")
      expect(delayed._tag === "Forward" && tag(delayed.status)).toBe("ServiceToken")
    }).pipe(Effect.provide(layer({ serviceTokenRolesRequired: true }))))

  it.live("delay_auth_decision: an unknown token is forwarded as Invalid", () =>
    Effect.gen(function*() {
      const auth = yield* AuthToken.AuthToken
      const decision = yield* auth.decide(headers({ "X-Auth-Token": "gAAAAABnot-a-real-token" }))
      expect(decision._tag === "Forward" && decision.set).toEqual({ "X-Identity-Status": "Invalid" })
    }).pipe(Effect.provide(layer({ delayAuthDecision: true }))))
})

describe("AuthToken.layerFleet against a real Keystone and Redis", () => {
  it.scopedLive("three processes: one polls OS-REVOKE; a token revoked with curl is refused by all within the interval", () =>
    Effect.gen(function*() {
      const redis = { url: yield* redisUrl }
      const prefix = uniquePrefix("fleet-keystone")
      const keys = [newKey()] as const
      const run = crypto.randomUUID()
      const every = 1_000
      const member = (name: string) =>
        AuthToken.layerFleet({ revocation: { pollEvery: `${every} millis` }, serviceTokenRoles: ["admin"] }, { keys }).pipe(
          Layer.provide(RedisTokenStore.layer(redis, { prefix })),
          Layer.provide(RedisRevocationFeed.layer(redis, { prefix })),
          Layer.provideMerge(KeystoneSession.layer({ auth: admin })),
          Layer.provideMerge(TokenStore.layerMemory),
          Layer.provideMerge(KeystoneClient.layer({ authUrl: ks.authUrl })),
          Layer.provideMerge(NodeHttpClient.layerUndici),
          Layer.build,
          Effect.map((context) => ({ name, context, auth: Context.get(context, AuthToken.AuthToken) })),
          Effect.tagMetrics({ fleet: run, process: name })
        )
      const members = [yield* member("a"), yield* member("b"), yield* member("c")]
      const polls = Effect.forEach(members, (m) =>
        Metric.value(KeystoneMetrics.withTags(KeystoneMetrics.revocationPolls, { result: "ok" })).pipe(
          Effect.map((s) => s.count),
          Effect.tagMetrics({ fleet: run, process: m.name })
        ))
      yield* Effect.sleep(`${every} millis`)
      const before = yield* polls
      yield* Effect.sleep(`${3 * every} millis`)
      const grew = (yield* polls).map((n, i) => n - before[i]!)
      expect(grew.filter((n) => n > 0).length).toBe(1)
      expect(Math.max(...grew)).toBeGreaterThanOrEqual(2)

      const token = yield* Effect.provide(issue(demo), members[0]!.context)
      const adminToken = yield* Effect.provide(issue(admin), members[0]!.context)
      for (const m of members) expect(tag(yield* m.auth.authenticate({ userToken: token }))).toBe("Confirmed")
      expect(yield* curlRevoke(adminToken, token)).toBe(204)
      const revokedAt = Date.now()
      const confirmed = () =>
        members.filter((m) => {
          const d = m.auth.decideCached(headers({ "X-Auth-Token": token }))
          return d !== undefined && d._tag === "Forward" && d.status._tag === "Confirmed"
        })
      while (confirmed().length > 0 && Date.now() - revokedAt < every + 1_500) yield* Effect.sleep("50 millis")
      const elapsed = Date.now() - revokedAt
      for (const m of members) expect(tag(yield* m.auth.authenticate({ userToken: token }))).not.toBe("Confirmed")
      expect(elapsed).toBeLessThan(every + 1_500)
      console.log(`fleet on a real Keystone: polls per process over 3 intervals ${grew.join(", ")}; revoked token refused by all 3 after ${elapsed} ms (interval ${every} ms)`)
    }))
})

