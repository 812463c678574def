/**
 * KeystoneSim's v3 tokens: issuing them (every method and scope) and
 * refusing them. Validating, checking, revoking and the listings are in
 * KeystoneSim.v3.tokens.test.ts; versions and routing in
 * KeystoneSim.routing.test.ts.
 */
import * as HttpClientRequest from "@effect/platform/HttpClientRequest"
import { describe, expect, it } from "@effect/vitest"
import { Catalog, V3 } from "@effect-keystone/schema"
import { KeystoneSim } from "@effect-keystone/testing"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Schema from "effect/Schema"
import * as TestClock from "effect/TestClock"
import {
  admin,
  AppCred,
  decodeV3,
  demo,
  Demo,
  Demo2,
  Disabled,
  Domains,
  issue,
  Mfa,
  password,
  Projects,
  provideSim,
  send,
  tokenAuth,
  tokenId,
  Trust,
  UNAUTHORIZED
} from "./utils.js"

describe("KeystoneSim v3: issuing", () => {
  it.effect("password by user id, project id: 201, X-Subject-Token, Keystone's body", () =>
    Effect.gen(function*() {
      const a = yield* issue(demo({ project: { id: Demo.projectId } }))
      expect(a.status).toBe(201)
      expect(a.headers["x-subject-token"]).toMatch(/^gAAAAA[A-Za-z0-9_-]{150,}$/)
      expect(a.headers["content-type"]).toBe("application/json")
      expect(a.headers["vary"]).toBe("X-Auth-Token")
      expect(a.headers["x-openstack-request-id"]).toMatch(/^req-[0-9a-f-]{36}$/)
      const t = a.json.token
      expect(Object.keys(t)).toEqual(["methods", "user", "audit_ids", "expires_at", "issued_at", "project", "is_domain", "roles", "catalog"])
      expect(t.issued_at).toBe("1970-01-01T00:00:00.000000Z")
      expect(t.expires_at).toBe("1970-01-01T01:00:00.000000Z")
      expect(t.user).toEqual({
        domain: { id: "default", name: "Default" },
        id: Demo.userId,
        name: "demo",
        password_expires_at: null
      })
      expect(t.audit_ids).toHaveLength(1)
      expect(t.roles.map((r: { name: string }) => r.name)).toEqual(["member", "reader"])

      const token = decodeV3(a)
      expect(token.scope).toEqual({
        _tag: "Project",
        id: Demo.projectId,
        name: "demo",
        domain: { id: "default", name: "Default" }
      })
      expect(token.methods).toEqual(["password"])
      const swift = Catalog.endpoint(token.catalog, { type: "object-store", interface: "public" })
      expect(swift).toEqual(Either.right(`http://object.region-one.test:8080/v1/AUTH_${Demo.projectId}`))
      expect(Catalog.endpoint(token.catalog, { type: "compute", interface: "internal", region: "RegionTwo" }))
        .toEqual(Either.right("http://compute.region-two.internal:8774/v2.1"))
    }).pipe(provideSim()))

  it.effect("password by name and domain name, project by name and domain name", () =>
    Effect.gen(function*() {
      const a = yield* issue(password(
        { name: "demo2", domain: { name: "demo-domain" } },
        Demo2.password,
        { project: { name: "demo2", domain: { name: "demo-domain" } } }
      ))
      expect(a.status).toBe(201)
      const token = decodeV3(a)
      expect(token.user).toEqual({ id: Demo2.userId, name: "demo2", domain: { id: Domains.demo.id, name: "demo-domain" } })
      expect(token.scope).toMatchObject({ _tag: "Project", id: Projects.demo2.id })
    }).pipe(provideSim()))

  it.effect("domain scope by id and by name", () =>
    Effect.gen(function*() {
      const byId = yield* issue(admin({ domain: { id: "default" } }))
      expect(decodeV3(byId).scope).toEqual({ _tag: "Domain", id: "default", name: "Default" })
      const byName = yield* issue(demo({ domain: { name: "demo-domain" } }))
      expect(byName.status).toBe(201)
      const token = decodeV3(byName)
      expect(token.scope).toEqual({ _tag: "Domain", id: Domains.demo.id, name: "demo-domain" })
      expect(token.roles.map((r) => r.name)).toEqual(["reader"])
      // endpoints that need a project id are left out; the service stays, empty
      const swift = byName.json.token.catalog.find((s: { type: string }) => s.type === "object-store")
      expect(swift.endpoints).toEqual([])
    }).pipe(provideSim()))

  it.effect("system scope", () =>
    Effect.gen(function*() {
      const a = yield* issue(admin({ system: { all: true } }))
      expect(Object.keys(a.json.token)).toEqual([
        "methods", "user", "audit_ids", "expires_at", "issued_at", "roles", "system", "catalog"
      ])
      expect(decodeV3(a).scope).toEqual({ _tag: "System", all: true })
      expect((yield* issue(demo({ system: { all: true } }))).status).toBe(401)
    }).pipe(provideSim()))

  it.effect("explicitly unscoped: no roles, no catalog", () =>
    Effect.gen(function*() {
      const a = yield* issue(demo("unscoped"))
      expect(Object.keys(a.json.token)).toEqual(["methods", "user", "audit_ids", "expires_at", "issued_at"])
      const token = decodeV3(a)
      expect(token.scope).toEqual({ _tag: "Unscoped" })
      expect(token.catalog.services).toEqual([])
    }).pipe(provideSim()))

  it.effect("no scope: the default project when the user has a role there, else unscoped", () =>
    Effect.gen(function*() {
      expect(decodeV3(yield* issue(demo())).scope).toMatchObject({ _tag: "Project", id: Demo.projectId })
      const noRole = yield* issue(demo()).pipe(
        provideSim({
          users: KeystoneSim.defaultSeed.users.map((u) => u.id === Demo.userId ? { ...u, defaultProjectId: Projects.admin.id } : u)
        })
      )
      expect(decodeV3(noRole).scope).toEqual({ _tag: "Unscoped" })
    }).pipe(provideSim()))

  it.effect("nocatalog", () =>
    Effect.gen(function*() {
      const a = yield* issue(demo(), "?nocatalog")
      expect(a.json.token.catalog).toBeUndefined()
      expect(a.json.token.roles).toBeDefined()
    }).pipe(provideSim()))

  it.effect("token method: rescopes, keeps the parent's expiry, chains audit ids", () =>
    Effect.gen(function*() {
      const first = yield* issue(demo("unscoped"))
      const parent = first.headers["x-subject-token"]!
      yield* TestClock.adjust("10 minutes")
      const a = yield* issue(tokenAuth(parent, { project: { name: "demo2", domain: { id: Domains.demo.id } } }))
      expect(a.status).toBe(201)
      const t = a.json.token
      expect(t.methods).toEqual(["password", "token"])
      expect(t.issued_at).toBe("1970-01-01T00:10:00.000000Z")
      expect(t.expires_at).toBe(first.json.token.expires_at)
      expect(t.audit_ids).toHaveLength(2)
      expect(t.audit_ids[1]).toBe(first.json.token.audit_ids[0])
      expect(decodeV3(a).scope).toMatchObject({ _tag: "Project", id: Projects.demo2.id })
    }).pipe(provideSim()))

  it.effect("token method with an unknown, revoked or expired token: 404", () =>
    Effect.gen(function*() {
      const garbage = yield* issue(tokenAuth("garbage"))
      expect(garbage.status).toBe(404)
      expect(garbage.json).toEqual({ error: { code: 404, message: "Could not recognize Fernet token", title: "Not Found" } })
      const id = yield* tokenId(demo())
      yield* TestClock.adjust("2 hours")
      const expired = yield* issue(tokenAuth(id))
      expect(expired.json.error.message).toBe("Failed to validate token")
    }).pipe(provideSim()))

  it.effect("application credential by id and by name + user", () =>
    Effect.gen(function*() {
      const byId = yield* issue({
        auth: { identity: { methods: ["application_credential"], application_credential: { id: AppCred.id, secret: AppCred.secret } } }
      })
      expect(byId.status).toBe(201)
      const token = decodeV3(byId)
      expect(token.applicationCredential).toEqual({ id: AppCred.id, name: "demo-appcred", restricted: true })
      expect(token.scope).toMatchObject({ _tag: "Project", id: AppCred.projectId })
      expect(token.methods).toEqual(["application_credential"])

      const byName = yield* issue({
        auth: {
          identity: {
            methods: ["application_credential"],
            application_credential: {
              name: AppCred.name,
              secret: AppCred.secret,
              user: { name: Demo.username, domain: { id: Demo.domainId } }
            }
          }
        }
      })
      expect(byName.status).toBe(201)

      const wrong = yield* issue({
        auth: { identity: { methods: ["application_credential"], application_credential: { id: AppCred.id, secret: "nope" } } }
      })
      expect(wrong.status).toBe(401)

      const scoped = yield* issue({
        auth: {
          identity: { methods: ["application_credential"], application_credential: { id: AppCred.id, secret: AppCred.secret } },
          scope: { project: { id: AppCred.projectId } }
        }
      })
      expect(scoped.status).toBe(401)
      expect(scoped.json.error.message).toBe(
        "Error authenticating with application credential: Application credentials cannot request a scope."
      )

      const rescope = yield* issue(tokenAuth(byId.headers["x-subject-token"]!))
      expect(rescope.status).toBe(403)
    }).pipe(provideSim()))

  it.effect("totp: the seeded passcode", () =>
    Effect.gen(function*() {
      const totp = (passcode: string) => ({
        auth: { identity: { methods: ["totp"], totp: { user: { id: Demo.userId, passcode } } } }
      })
      const a = yield* issue(totp(Demo.passcode))
      expect(a.status).toBe(201)
      expect(decodeV3(a).methods).toEqual(["totp"])
      expect((yield* issue(totp("000000"))).status).toBe(401)
    }).pipe(provideSim()))

  it.effect("MFA: password alone gets a receipt; password + totp with the receipt gets a token", () =>
    Effect.gen(function*() {
      const first = yield* issue(password({ id: Mfa.userId }, Mfa.password))
      expect(first.status).toBe(401)
      const receipt = first.headers["openstack-auth-receipt"]
      expect(receipt).toBeDefined()
      const body = Schema.decodeUnknownSync(V3.ReceiptResponse)(first.json)
      expect(body.required_auth_methods).toEqual([["password", "totp"]])
      expect(body.receipt.methods).toEqual(["password"])
      expect(first.json.error).toBeUndefined()

      const totp = { auth: { identity: { methods: ["totp"], totp: { user: { id: Mfa.userId, passcode: Mfa.passcode } } } } }
      const second = yield* issue(totp, "", { "openstack-auth-receipt": receipt! })
      expect(second.status).toBe(201)
      expect(decodeV3(second).methods).toEqual(["password", "totp"])

      expect((yield* issue(totp, "", { "openstack-auth-receipt": "bogus" })).status).toBe(401)
      yield* TestClock.adjust("6 minutes")
      expect((yield* issue(totp, "", { "openstack-auth-receipt": receipt! })).status).toBe(401)
    }).pipe(provideSim()))

  it.effect("trust scope: the trustee acting on the trustor's project", () =>
    Effect.gen(function*() {
      const a = yield* issue(demo({ "OS-TRUST:trust": { id: Trust.id } }))
      expect(a.status).toBe(201)
      const token = decodeV3(a)
      expect(token.scope).toMatchObject({
        _tag: "Trust",
        id: Trust.id,
        impersonation: false,
        trusteeUserId: Demo.userId,
        trustorUserId: Trust.trustorUserId,
        project: { id: Trust.projectId }
      })
      expect(token.roles.map((r) => r.name)).toEqual(["member"])
      expect((yield* issue(admin({ "OS-TRUST:trust": { id: Trust.id } }))).status).toBe(403)
      expect((yield* issue(demo({ "OS-TRUST:trust": { id: "nope" } }))).status).toBe(401)
    }).pipe(provideSim()))
})

describe("KeystoneSim v3: refusing", () => {
  it.effect("wrong password, unknown user, disabled user: 401 with WWW-Authenticate", () =>
    Effect.gen(function*() {
      const sim = yield* KeystoneSim.KeystoneSim
      for (
        const body of [
          password({ id: Demo.userId }, "nope"),
          password({ id: "nobody" }, "x"),
          password({ name: "demo", domain: { id: "nope" } }, Demo.password),
          password({ id: Disabled.userId }, Disabled.password)
        ]
      ) {
        const a = yield* issue(body)
        expect(a.status).toBe(401)
        expect(a.text).toBe(JSON.stringify(UNAUTHORIZED) + "\n")
        expect(a.headers["www-authenticate"]).toBe(`Keystone uri="${sim.authUrl}"`)
      }
    }).pipe(provideSim()))

  it.effect("no role on the requested project, domain or system: 401", () =>
    Effect.gen(function*() {
      expect((yield* issue(demo({ project: { id: Projects.admin.id } }))).status).toBe(401)
      expect((yield* issue(demo({ project: { id: "nope" } }))).status).toBe(401)
      expect((yield* issue(demo({ domain: { id: "default" } }))).status).toBe(401)
      expect((yield* issue(demo({ system: { all: true } }))).status).toBe(401)
    }).pipe(provideSim()))

  it.effect("malformed requests: 400 with Keystone's messages", () =>
    Effect.gen(function*() {
      const sim = yield* KeystoneSim.KeystoneSim
      const notJson = yield* send(
        HttpClientRequest.post(`${sim.authUrl}/auth/tokens`).pipe(HttpClientRequest.bodyText("{nope", "application/json"))
      )
      expect(notJson.status).toBe(400)
      expect(notJson.json.error.message).toMatch(/^Expecting to find valid JSON in request body\./)
      expect((yield* issue({})).json.error.message).toMatch(/^Expecting to find auth in request body\./)
      expect((yield* issue({ auth: {} })).json.error.message).toMatch(/'identity' is a required property/)
      expect((yield* issue({ auth: { identity: {} } })).json.error.message).toMatch(/'methods' is a required property/)
      expect((yield* issue({ auth: { identity: { methods: ["password"] } } })).json.error.message)
        .toMatch(/^Expecting to find password in identity\./)
      const twoScopes = yield* issue(demo({ project: { id: Demo.projectId }, domain: { id: "default" } }))
      expect(twoScopes.status).toBe(400)
      expect(twoScopes.json.error.message).toMatch(/^Expecting to find system, project, domain, OS-TRUST:trust or unscoped in scope\./)
      expect((yield* issue(demo({ project: { name: "demo" } }))).json.error.message).toMatch(/^Expecting to find domain in project\./)
      expect((yield* issue(password({ name: "demo" }, Demo.password))).json.error.message).toMatch(/^Expecting to find domain in user\./)
    }).pipe(provideSim()))

  it.effect("no methods, or an unsupported one: 401", () =>
    Effect.gen(function*() {
      expect((yield* issue({ auth: { identity: { methods: [] } } })).status).toBe(401)
      const kerberos = yield* issue({ auth: { identity: { methods: ["kerberos"], kerberos: {} } } })
      expect(kerberos.status).toBe(401)
      expect(kerberos.json.error.message).toBe("Attempted to authenticate with an unsupported method.")
      expect(kerberos.json.error.identity.methods).toContain("password")
    }).pipe(provideSim()))
})
