import { describe, expect, it } from "@effect/vitest"
import { KeystoneSim } from "@effect-keystone/testing"
import * as Effect from "effect/Effect"
import * as Option from "effect/Option"
import * as Redacted from "effect/Redacted"
import * as TestClock from "effect/TestClock"
import * as HttpClient from "@effect/platform/HttpClient"
import { KeystoneSession } from "@effect-keystone/cache"
import { KeystoneClient } from "@effect-keystone/client"
import * as Config from "effect/Config"
import * as ConfigProvider from "effect/ConfigProvider"
import * as Layer from "effect/Layer"
import * as AuthToken from "../src/AuthToken.js"
import { adminAuth, adminSystemAuth, demoAuth, headers, makeEnv, tag, VALIDATE } from "./support.js"

const confirmed = (status: AuthToken.Status) => {
  if (status._tag !== "Confirmed") throw new Error(`expected Confirmed, got ${status._tag}: ${status.error.message}`)
  return status.identity
}


describe("AuthToken", () => {
  it.scoped("a valid token: the typed identity and keystonemiddleware's headers", () =>
    Effect.gen(function*() {
      const env = yield* makeEnv()
      const token = yield* env.issue()
      const identity = confirmed(yield* env.auth.authenticate({ userToken: token }))
      expect(identity.user).toEqual({ id: KeystoneSim.Demo.userId, name: "demo", domain: { id: "default", name: "Default" } })
      expect(identity.project?.id).toBe(KeystoneSim.Demo.projectId)
      expect(identity.roles).toContain("member")
      expect(identity.auditIds.length).toBe(1)
      expect(Option.isSome(identity.expiresAt)).toBe(true)
      expect(identity.service).toBeNull()
      expect(identity.catalog).toBeNull()

      const decision = yield* env.auth.decide(headers({ "X-Auth-Token": token }))
      expect(decision._tag).toBe("Forward")
      if (decision._tag !== "Forward") return
      expect(decision.set).toMatchObject({
        "X-Identity-Status": "Confirmed",
        "X-User-Id": KeystoneSim.Demo.userId,
        "X-User-Name": "demo",
        "X-User-Domain-Id": "default",
        "X-Project-Id": KeystoneSim.Demo.projectId,
        "X-Project-Name": "demo",
        "X-Tenant-Id": KeystoneSim.Demo.projectId,
        "X-Is-Admin-Project": "True"
      })
      expect(decision.set["X-Roles"]?.split(",")).toContain("member")
      expect(decision.set["X-Service-Identity-Status"]).toBeUndefined()
      expect(decision.set["OpenStack-System-Scope"]).toBeUndefined()
    }))

  it.scoped("a system-scoped token sets OpenStack-System-Scope: all", () =>
    Effect.gen(function*() {
      const env = yield* makeEnv()
      const token = yield* env.issue(adminSystemAuth)
      const decision = yield* env.auth.decide(headers({ "X-Auth-Token": token }))
      expect(decision._tag === "Forward" && decision.set["OpenStack-System-Scope"]).toBe("all")
      expect(decision._tag === "Forward" && decision.set["X-Project-Id"]).toBeUndefined()
    }))

  it.scoped("includeServiceCatalog: the catalog in the identity and X-Service-Catalog in v2.0 shape", () =>
    Effect.gen(function*() {
      const env = yield* makeEnv({ includeServiceCatalog: true })
      const token = yield* env.issue()
      const decision = yield* env.auth.decide(headers({ "X-Auth-Token": token }))
      if (decision._tag !== "Forward" || decision.status._tag !== "Confirmed") throw new Error("not confirmed")
      expect(decision.status.identity.catalog?.services.length).toBeGreaterThan(0)
      const catalog = JSON.parse(decision.set["X-Service-Catalog"]!) as Array<{ type: string; endpoints: Array<Record<string, string>> }>
      const compute = catalog.find((s) => s.type === "compute")
      expect(compute?.endpoints.some((e) => typeof e.publicURL === "string" && typeof e.region === "string")).toBe(true)
    }))

  it.scoped("an unknown token: 401 with WWW-Authenticate; remembered briefly (negative cache)", () =>
    Effect.gen(function*() {
      const env = yield* makeEnv({ cache: { negativeMaxAge: "10 seconds" } })
      const decision = yield* env.auth.decide(headers({ "X-Auth-Token": "gAAAAA-not-a-token" }))
      expect(decision).toMatchObject({ _tag: "Respond", status: 401, headers: { "www-authenticate": `Keystone uri="${env.sim.authUrl}"` } })
      yield* env.auth.decide(headers({ "X-Auth-Token": "gAAAAA-not-a-token" }))
      expect(yield* env.sim.count(VALIDATE)).toBe(1)
      yield* TestClock.adjust("11 seconds")
      yield* env.auth.decide(headers({ "X-Auth-Token": "gAAAAA-not-a-token" }))
      expect(yield* env.sim.count(VALIDATE)).toBe(2)
    }))

  it.scoped("no token: 401 without asking Keystone; a malformed one: 401, nothing sent", () =>
    Effect.gen(function*() {
      const env = yield* makeEnv()
      expect(tag(yield* env.auth.authenticate({}))).toBe("Missing")
      expect(tag(yield* env.auth.authenticate({ userToken: "a/../b" }))).toBe("Malformed")
      expect(yield* env.sim.count(VALIDATE)).toBe(0)
    }))

  it.scoped("an expired token is refused, from the cache too (the entry ends with the token)", () =>
    Effect.gen(function*() {
      const env = yield* makeEnv({ cache: { maxAge: "1 hour" } })
      yield* env.sim.setTokenLifetime("2 minutes")
      const token = yield* env.issue()
      confirmed(yield* env.auth.authenticate({ userToken: token }))
      yield* TestClock.adjust("1 minute")
      confirmed(yield* env.auth.authenticate({ userToken: token }))
      expect(yield* env.sim.count(VALIDATE)).toBe(1)
      yield* TestClock.adjust("61 seconds")
      expect(tag(yield* env.auth.authenticate({ userToken: token }))).toBe("Unknown")
      expect(yield* env.sim.count(VALIDATE)).toBe(2)
    }))

  it.scoped("a positive entry lives no longer than maxAge", () =>
    Effect.gen(function*() {
      const env = yield* makeEnv({ cache: { maxAge: "30 seconds" } })
      const token = yield* env.issue()
      confirmed(yield* env.auth.authenticate({ userToken: token }))
      yield* TestClock.adjust("29 seconds")
      confirmed(yield* env.auth.authenticate({ userToken: token }))
      expect(yield* env.sim.count(VALIDATE)).toBe(1)
      yield* TestClock.adjust("2 seconds")
      confirmed(yield* env.auth.authenticate({ userToken: token }))
      expect(yield* env.sim.count(VALIDATE)).toBe(2)
    }))

  it.scoped("the memory cache holds `capacity` tokens, least recently used out first", () =>
    Effect.gen(function*() {
      const env = yield* makeEnv({ cache: { capacity: 2 } })
      const [a, b, c] = [yield* env.issue(), yield* env.issue(), yield* env.issue()]
      for (const t of [a, b, c]) confirmed(yield* env.auth.authenticate({ userToken: t }))
      expect(yield* env.sim.count(VALIDATE)).toBe(3)
      // b and c are held; a was evicted
      confirmed(yield* env.auth.authenticate({ userToken: c }))
      confirmed(yield* env.auth.authenticate({ userToken: b }))
      expect(yield* env.sim.count(VALIDATE)).toBe(3)
      confirmed(yield* env.auth.authenticate({ userToken: a }))
      expect(yield* env.sim.count(VALIDATE)).toBe(4)
    }))

  it.scoped("single flight: 1,000 concurrent requests with the same new token make exactly 1 validation", () =>
    Effect.gen(function*() {
      const env = yield* makeEnv()
      const token = yield* env.issue()
      const statuses = yield* Effect.all(
        Array.from({ length: 1_000 }, () => env.auth.decide(headers({ "X-Auth-Token": token }))),
        { concurrency: "unbounded" }
      )
      expect(statuses.every((d) => d._tag === "Forward" && d.status._tag === "Confirmed")).toBe(true)
      expect(yield* env.sim.count(VALIDATE)).toBe(1)
    }))

  it.scoped("v2.0: validated with GET /v2.0/tokens/{id}; a token without a tenant is refused, as keystonemiddleware does", () =>
    Effect.gen(function*() {
      // v2.0 lets only admins validate others' tokens; a plain service user is refused (403): 503, not 401
      const refusedService = yield* makeEnv(undefined, { version: "v2.0" })
      const any = yield* refusedService.issue()
      expect(yield* refusedService.auth.decide(headers({ "X-Auth-Token": any }))).toMatchObject({ _tag: "Respond", status: 503 })

      const env = yield* makeEnv(undefined, { version: "v2.0", serviceAuth: adminAuth, sim: refusedService.sim })
      const token = yield* env.issue()
      const decision = yield* env.auth.decide(headers({ "X-Auth-Token": token }))
      if (decision._tag !== "Forward") throw new Error(`answered ${decision.status}`)
      expect(decision.set).toMatchObject({
        "X-Identity-Status": "Confirmed",
        "X-User-Id": KeystoneSim.Demo.userId,
        "X-Project-Id": KeystoneSim.Demo.projectId
      })
      expect(decision.set["X-Project-Domain-Id"]).toBeUndefined()
      expect(yield* env.sim.count("GET /v2.0/tokens/{id}")).toBe(2)
      const unscoped = yield* env.client.issue({ credentials: demoAuth.credentials })
      const refused = yield* env.auth.authenticate({ userToken: Redacted.value(unscoped.id) })
      expect(tag(refused)).toBe("NoProject")
    }))

  it.scoped("layerConfig: the options from Config (delay_auth_decision from the environment)", () =>
    Effect.gen(function*() {
      const env = yield* makeEnv()
      const layer = AuthToken.layerConfig({
        delayAuthDecision: Config.boolean("DELAY_AUTH_DECISION"),
        cache: Config.succeed({ maxAge: "1 minute" })
      }).pipe(
        Layer.provide(Layer.mergeAll(
          Layer.succeed(KeystoneSession.KeystoneSession, env.session),
          Layer.succeed(KeystoneClient.KeystoneClient, env.client),
          Layer.succeed(HttpClient.HttpClient, env.http)
        ))
      )
      const auth = yield* Effect.provide(
        AuthToken.AuthToken,
        Layer.provide(layer, Layer.setConfigProvider(ConfigProvider.fromMap(new Map([["DELAY_AUTH_DECISION", "true"]]))))
      )
      expect(auth.delayAuthDecision).toBe(true)
      expect((yield* auth.decide(headers({ "X-Auth-Token": "bogus" })))._tag).toBe("Forward")
    }))
})
