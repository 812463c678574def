import { AuthScope, Credentials } from "@effect-keystone/client"
import { Catalog } from "@effect-keystone/schema"
import { describe, expect, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Redacted from "effect/Redacted"
import { Admin, adminV2, Demo, demoV2, leaks, withSim } from "./utils.js"

const v2Admin = { v2: true, caller: { auth: adminV2 } } as const

describe("KeystoneClient v2.0 against KeystoneSim", () => {
  describe("issue", () => {
    it.effect("password by user name + tenant name", () =>
      withSim((sim, client) =>
        Effect.gen(function*() {
          const token = yield* client.issue(demoV2)
          expect(token.version).toBe("v2.0")
          expect(token.scope).toMatchObject({ _tag: "Project", id: Demo.projectId, name: Demo.projectName })
          expect(token.catalog.services.length).toBeGreaterThan(0)
          expect(yield* sim.count("POST /v2.0/tokens")).toBe(1)
        }), { v2: true }))

    it.effect("password by user id + tenant id (AuthScope.project({ id }))", () =>
      withSim((_, client) =>
        Effect.gen(function*() {
          const token = yield* client.issue({
            credentials: Credentials.passwordV2({ userId: Demo.userId, password: Redacted.make(Demo.password) }),
            scope: AuthScope.project({ id: Demo.projectId })
          })
          expect(token.scope).toMatchObject({ _tag: "Project", id: Demo.projectId })
        }), { v2: true }))

    it.effect("unscoped, then a token rescoped to a tenant", () =>
      withSim((_, client) =>
        Effect.gen(function*() {
          const unscoped = yield* client.issue({
            credentials: Credentials.passwordV2({ username: Demo.username, password: Redacted.make(Demo.password) })
          })
          expect(unscoped.scope._tag).toBe("Unscoped")
          expect(unscoped.catalog.services).toEqual([])
          const scoped = yield* client.issue({ credentials: Credentials.existingToken(unscoped.id), scope: AuthScope.tenant({ name: Demo.projectName }) })
          expect(scoped.scope).toMatchObject({ _tag: "Project", id: Demo.projectId })
        }), { v2: true }))

    it.effect("v3-only credentials and scopes are refused before any request", () =>
      withSim((sim, client) =>
        Effect.gen(function*() {
          const domain = yield* Effect.flip(client.issue({
            credentials: Credentials.passwordV2({ username: Demo.username, password: Redacted.make(Demo.password) }),
            scope: AuthScope.domain({ id: "default" })
          }))
          const totp = yield* Effect.flip(client.issue({
            credentials: Credentials.totp({ userId: Demo.userId, passcode: Redacted.make("123456") })
          }))
          expect(domain).toMatchObject({ _tag: "InvalidInput", input: "auth" })
          expect(totp).toMatchObject({ _tag: "InvalidInput", input: "auth" })
          expect(yield* sim.count()).toBe(0)
        }), { v2: true }))

    it.effect("wrong password → Unauthorized", () =>
      withSim((sim, client) =>
        Effect.gen(function*() {
          const error = yield* Effect.flip(client.issue({
            credentials: Credentials.passwordV2({ username: Demo.username, password: Redacted.make("not-it-at-all") })
          }))
          expect(error).toMatchObject({ _tag: "Unauthorized", status: 401, url: `${sim.authUrlV2}/tokens` })
          expect(yield* sim.count()).toBe(1)
        }), { v2: true }))
  })

  describe("validate, check, revoke (admin service token)", () => {
    it.effect("validate; the token id stays out of the error URL", () =>
      withSim((sim, client) =>
        Effect.gen(function*() {
          const token = yield* client.issue(demoV2)
          const validated = yield* client.validate(token)
          expect(validated.user.id).toBe(Demo.userId)
          expect(Redacted.value(validated.id)).toBe(Redacted.value(token.id))
          expect(yield* sim.count("GET /v2.0/tokens/{id}")).toBe(1)
        }), v2Admin))

    it.effect("belongsTo (checked by the client): the right tenant passes, another is NotFound saying why", () =>
      withSim((sim, client) =>
        Effect.gen(function*() {
          const token = yield* client.issue(demoV2)
          expect((yield* client.validate(token, { belongsTo: Demo.projectId })).user.id).toBe(Demo.userId)
          const error = yield* Effect.flip(client.validate(token, { belongsTo: Admin.projectId }))
          expect(error._tag).toBe("NotFound")
          expect(error.message).toContain(`not scoped to project ${Admin.projectId}`)
          expect(error).toMatchObject({ url: `${sim.authUrlV2}/tokens/***` })
          expect(leaks(error, [Redacted.value(token.id)])).toEqual([])
        }), v2Admin))

    it.effect("check true; revoke; check false; validate NotFound", () =>
      withSim((sim, client) =>
        Effect.gen(function*() {
          const token = yield* client.issue(demoV2)
          expect(yield* client.check(token)).toBe(true)
          expect(yield* client.check(token, { belongsTo: Demo.projectId })).toBe(true)
          yield* client.revoke(token)
          expect(yield* client.check(token)).toBe(false)
          const error = yield* Effect.flip(client.validate(token))
          expect(error._tag).toBe("NotFound")
          expect(error).toMatchObject({ url: `${sim.authUrlV2}/tokens/***` })
          expect(leaks(error, [Redacted.value(token.id)])).toEqual([])
          expect(yield* sim.count("DELETE /v2.0/tokens/{id}")).toBe(1)
          // check with belongsTo reads the token (GET) to compare its tenant
          expect(yield* sim.count("HEAD /v2.0/tokens/{id}")).toBe(2)
          expect(yield* sim.count("GET /v2.0/tokens/{id}")).toBe(2)
        }), v2Admin))

    it.effect("allowExpired is not part of v2.0: InvalidInput, nothing sent", () =>
      withSim((sim, client) =>
        Effect.gen(function*() {
          const error = yield* Effect.flip(client.validate(Redacted.make("some-token-id"), { allowExpired: true }))
          expect(error).toMatchObject({ _tag: "InvalidInput", input: "allowExpired" })
          expect(yield* sim.count()).toBe(0)
        }), v2Admin))

    it.effect("without a service token a non-admin cannot validate (Forbidden)", () =>
      withSim((_, client) =>
        Effect.gen(function*() {
          const token = yield* client.issue(demoV2)
          expect((yield* Effect.flip(client.validate(token)))._tag).toBe("Forbidden")
        }), { v2: true }))

    it.effect("an admin validates its own token without a service token", () =>
      withSim((_, client) =>
        Effect.gen(function*() {
          const token = yield* client.issue(adminV2)
          expect((yield* client.validate(token)).user.id).toBe(Admin.userId)
        }), { v2: true }))
  })

  describe("endpoints (GET /v2.0/tokens/{id}/endpoints)", () => {
    it.effect("a scoped token's endpoints, grouped into a catalog", () =>
      withSim((sim, client) =>
        Effect.gen(function*() {
          const token = yield* client.issue(demoV2)
          const catalog = yield* client.endpoints(token)
          expect(Catalog.endpoint(catalog, { type: "compute", region: "RegionOne", interface: "internal" })).toEqual(
            Either.right("http://compute.region-one.internal:8774/v2.1")
          )
          expect(yield* sim.count("GET /v2.0/tokens/{id}/endpoints")).toBe(1)
        }), v2Admin))

    it.effect("an unscoped token has none", () =>
      withSim((_, client) =>
        Effect.gen(function*() {
          const token = yield* client.issue({
            credentials: Credentials.passwordV2({ username: Demo.username, password: Redacted.make(Demo.password) })
          })
          expect((yield* client.endpoints(token)).services).toEqual([])
        }), v2Admin))
  })
})
