import { AuthScope, Credentials, KeystoneClient } from "@effect-keystone/client"
import type { Auth } from "@effect-keystone/client"
import { Catalog, Token } from "@effect-keystone/schema"
import { describe, expect, it } from "@effect/vitest"
import * as DateTime from "effect/DateTime"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Redacted from "effect/Redacted"
import * as TestClock from "effect/TestClock"
import { Admin, adminAuth, AppCred, Demo, demoByName, demoPassword, Mfa, Trust, withSim } from "./utils.js"

const Domains = { demo: { id: "75630e2922684bbeaa7cc2f12f83b3df", name: "demo-domain" } }

describe("KeystoneClient v3 against KeystoneSim", () => {
  describe("issue", () => {
    const cases: ReadonlyArray<readonly [string, Auth.Auth, (t: Token.Token) => void]> = [
      ["password by user id, default project", { credentials: demoPassword }, (t) => {
        expect(t.scope).toMatchObject({ _tag: "Project", id: Demo.projectId, name: Demo.projectName })
        expect(t.methods).toEqual(["password"])
        expect(t.catalog.services.length).toBeGreaterThan(0)
      }],
      ["password by name + domain id, unscoped", { credentials: demoByName, scope: AuthScope.unscoped() }, (t) => {
        expect(t.scope._tag).toBe("Unscoped")
        expect(t.catalog.services).toEqual([])
      }],
      ["password by name + domain name, project by id", {
        credentials: Credentials.password({
          username: Demo.username,
          domain: { name: Demo.domainName },
          password: Redacted.make(Demo.password)
        }),
        scope: AuthScope.project({ id: Demo.projectId })
      }, (t) => expect(t.scope).toMatchObject({ _tag: "Project", id: Demo.projectId })],
      ["project by name + domain name", {
        credentials: demoPassword,
        scope: AuthScope.project({ name: "demo2", domain: { name: Domains.demo.name } })
      }, (t) => expect(t.scope).toMatchObject({ _tag: "Project", name: "demo2", domain: { id: Domains.demo.id } })],
      ["project by name + domain id", {
        credentials: demoPassword,
        scope: AuthScope.project({ name: Demo.projectName, domain: { id: Demo.domainId } })
      }, (t) => expect(t.scope).toMatchObject({ _tag: "Project", id: Demo.projectId })],
      ["domain by id", { credentials: demoPassword, scope: AuthScope.domain({ id: Domains.demo.id }) }, (t) => {
        expect(t.scope).toEqual({ _tag: "Domain", id: Domains.demo.id, name: Domains.demo.name })
      }],
      ["domain by name", { credentials: demoPassword, scope: AuthScope.domain({ name: Domains.demo.name }) }, (t) => {
        expect(t.scope).toMatchObject({ _tag: "Domain", id: Domains.demo.id })
      }],
      ["system", {
        credentials: Credentials.password({ userId: Admin.userId, password: Redacted.make(Admin.password) }),
        scope: AuthScope.system()
      }, (t) => expect(t.scope).toEqual({ _tag: "System", all: true })],
      ["trust", { credentials: demoPassword, scope: AuthScope.trust({ id: Trust.id }) }, (t) => {
        expect(t.scope).toMatchObject({ _tag: "Trust", id: Trust.id, trustorUserId: Admin.userId, trusteeUserId: Demo.userId })
      }],
      ["application credential by id", {
        credentials: Credentials.applicationCredential({ id: AppCred.id, secret: Redacted.make(AppCred.secret) })
      }, (t) => {
        expect(t.applicationCredential).toMatchObject({ id: AppCred.id, name: AppCred.name })
        expect(t.scope).toMatchObject({ _tag: "Project", id: AppCred.projectId })
      }],
      ["application credential by name + user id", {
        credentials: Credentials.applicationCredential({
          name: AppCred.name,
          user: { userId: AppCred.userId },
          secret: Redacted.make(AppCred.secret)
        })
      }, (t) => expect(t.applicationCredential?.id).toBe(AppCred.id)],
      ["application credential by name + user name and domain", {
        credentials: Credentials.applicationCredential({
          name: AppCred.name,
          user: { username: Demo.username, domain: { id: Demo.domainId } },
          secret: Redacted.make(AppCred.secret)
        })
      }, (t) => expect(t.applicationCredential?.id).toBe(AppCred.id)],
      ["totp", {
        credentials: Credentials.totp({ userId: Demo.userId, passcode: Redacted.make(Demo.passcode) }),
        scope: AuthScope.project({ id: Demo.projectId })
      }, (t) => expect(t.methods).toEqual(["totp"])]
    ]
    for (const [name, auth, check] of cases) {
      it.effect(name, () =>
        withSim((sim, client) =>
          Effect.gen(function*() {
            const token = yield* client.issue(auth)
            expect(token.version).toBe("v3")
            expect(Redacted.value(token.id)).not.toBe("")
            check(token)
            expect(yield* sim.count("POST /v3/auth/tokens")).toBe(1)
          })))
    }

    it.effect("token method rescopes, keeping the audit chain", () =>
      withSim((_, client) =>
        Effect.gen(function*() {
          const unscoped = yield* client.issue({ credentials: demoPassword, scope: AuthScope.unscoped() })
          const scoped = yield* client.issue({ credentials: Credentials.existingToken(unscoped.id), scope: AuthScope.project({ id: Demo.projectId }) })
          expect(scoped.methods).toContain("token")
          expect(scoped.auditIds[1]).toBe(unscoped.auditIds[0])
        })))

    it.effect("noCatalog sends ?nocatalog and gets no catalog", () =>
      withSim((_, client) =>
        Effect.gen(function*() {
          const token = yield* client.issue({ credentials: demoPassword }, { noCatalog: true })
          expect(token.catalog.services).toEqual([])
        })))

    it.effect("MFA: a receipt, then password + totp with the receipt", () =>
      withSim((_, client) =>
        Effect.gen(function*() {
          const password = Credentials.password({ userId: Mfa.userId, password: Redacted.make(Mfa.password) })
          const error = yield* Effect.flip(client.issue({ credentials: password }))
          expect(error._tag).toBe("AuthReceiptRequired")
          if (error._tag !== "AuthReceiptRequired") return
          expect(error.requiredMethods).toEqual([["password", "totp"]])
          expect(error.methods).toEqual(["password"])
          const token = yield* client.issue({
            credentials: Credentials.multiFactor(
              [Credentials.totp({ userId: Mfa.userId, passcode: Redacted.make(Mfa.passcode) })],
              { receipt: error.receipt }
            )
          })
          expect([...token.methods].sort()).toEqual(["password", "totp"])
        })))

    it.effect("wrong password → Unauthorized, sent once", () =>
      withSim((sim, client) =>
        Effect.gen(function*() {
          const error = yield* Effect.flip(client.issue({
            credentials: Credentials.password({ userId: Demo.userId, password: Redacted.make("nope-nope") })
          }))
          expect(error).toMatchObject({ _tag: "Unauthorized", status: 401, method: "POST", url: `${sim.authUrl}/auth/tokens`, requestId: expect.stringMatching(/^req-/) })
          expect(yield* sim.count()).toBe(1)
        })))
  })

  describe("validate", () => {
    it.effect("self as caller, with and without the catalog", () =>
      withSim((sim, client) =>
        Effect.gen(function*() {
          const token = yield* client.issue({ credentials: demoPassword })
          const full = yield* client.validate(token)
          expect(Token.equivalence(full, token)).toBe(true)
          const bare = yield* client.validate(token.id, { noCatalog: true })
          expect(bare.catalog.services).toEqual([])
          expect(bare.user).toEqual(token.user)
          expect(yield* sim.count("GET /v3/auth/tokens")).toBe(2)
        })))

    it.effect("an expired token: NotFound, unless allowExpired", () =>
      withSim((_, client) =>
        Effect.gen(function*() {
          const subject = yield* client.issue({ credentials: demoPassword }, { noCatalog: true })
          yield* TestClock.adjust("2 hours")
          const error = yield* Effect.flip(client.validate(subject))
          expect(error._tag).toBe("NotFound")
          const token = yield* client.validate(subject, { allowExpired: true })
          expect(Token.isExpired(token, yield* DateTime.now)).toBe(true)
        }), { caller: { auth: adminAuth } }))

    it.effect("belongsTo (checked by the client on v3)", () =>
      withSim((_, client) =>
        Effect.gen(function*() {
          const token = yield* client.issue({ credentials: demoPassword })
          expect((yield* client.validate(token, { belongsTo: Demo.projectId })).user.id).toBe(Demo.userId)
          const error = yield* Effect.flip(client.validate(token, { belongsTo: Admin.projectId }))
          expect(error._tag).toBe("NotFound")
          expect(error.message).toContain(`not scoped to project ${Admin.projectId}`)
        })))
  })

  describe("check and revoke", () => {
    it.effect("check true; revoke; check false and validate NotFound (service caller)", () =>
      withSim((sim, client) =>
        Effect.gen(function*() {
          const token = yield* client.issue({ credentials: demoPassword })
          expect(yield* client.check(token)).toBe(true)
          yield* client.revoke(token)
          expect(yield* client.check(token)).toBe(false)
          const error = yield* Effect.flip(client.validate(token))
          expect(error._tag).toBe("NotFound")
          expect(yield* sim.count("HEAD /v3/auth/tokens")).toBe(2)
          expect(yield* sim.count("DELETE /v3/auth/tokens")).toBe(1)
        }), { caller: { auth: adminAuth } }))

    it.effect("self as caller: a revoked token is refused as the caller (Unauthorized), as Keystone does", () =>
      withSim((_, client) =>
        Effect.gen(function*() {
          const token = yield* client.issue({ credentials: demoPassword })
          expect(yield* client.check(token)).toBe(true)
          yield* client.revoke(token)
          const error = yield* Effect.flip(client.check(token))
          expect(error._tag).toBe("Unauthorized")
        })))

    it.effect("check with allowExpired", () =>
      withSim((_, client) =>
        Effect.gen(function*() {
          const token = yield* client.issue({ credentials: demoPassword }, { noCatalog: true })
          yield* TestClock.adjust("90 minutes")
          expect(yield* client.check(token)).toBe(false)
          expect(yield* client.check(token, { allowExpired: true })).toBe(true)
        }), { caller: { auth: adminAuth } }))

    it.effect("a garbage subject → check false, validate NotFound", () =>
      withSim((_, client) =>
        Effect.gen(function*() {
          expect(yield* client.check(Redacted.make("garbage-token-id"))).toBe(false)
          expect((yield* Effect.flip(client.validate(Redacted.make("garbage-token-id"))))._tag).toBe("NotFound")
        }), { caller: { auth: adminAuth } }))
  })

  describe("endpoints", () => {
    it.effect("a project-scoped token's catalog", () =>
      withSim((sim, client) =>
        Effect.gen(function*() {
          const token = yield* client.issue({ credentials: demoPassword }, { noCatalog: true })
          const catalog = yield* client.endpoints(token)
          expect(Catalog.endpoint(catalog, { type: "compute", region: "RegionTwo" })).toEqual(
            Either.right("http://compute.region-two.test:8774/v2.1")
          )
          expect(Catalog.endpoint(catalog, { type: "object-store" })).toEqual(
            Either.right(`http://object.region-one.test:8080/v1/AUTH_${Demo.projectId}`)
          )
          expect(yield* sim.count("GET /v3/auth/catalog")).toBe(1)
        })))

    it.effect("an unscoped token → Forbidden", () =>
      withSim((_, client) =>
        Effect.gen(function*() {
          const token = yield* client.issue({ credentials: demoPassword, scope: AuthScope.unscoped() })
          expect((yield* Effect.flip(client.endpoints(token)))._tag).toBe("Forbidden")
        })))

    it.effect("uses the subject as X-Auth-Token even with service auth", () =>
      withSim((sim, client) =>
        Effect.gen(function*() {
          const token = yield* client.issue({ credentials: demoPassword })
          const catalog = yield* client.endpoints(token)
          expect(catalog.services.length).toBeGreaterThan(0)
          expect(yield* sim.count("POST /v3/auth/tokens")).toBe(1) // no service token needed
        }), { caller: { auth: adminAuth } }))
  })

  it.effect("version is v3 without any request", () =>
    withSim((sim, client) =>
      Effect.gen(function*() {
        expect(yield* client.version).toBe("v3")
        expect(client.authUrl).toBe(sim.authUrl)
        expect(yield* sim.count()).toBe(0)
      })))

  it.effect("layer provides the KeystoneClient tag", () =>
    withSim((sim) =>
      Effect.gen(function*() {
        const client = yield* KeystoneClient.KeystoneClient
        const token = yield* client.issue({ credentials: demoPassword })
        expect(token.user.id).toBe(Demo.userId)
      }).pipe(Effect.provide(KeystoneClient.layer({ authUrl: sim.authUrl })))))
})
