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
  get,
  issue,
  Mfa,
  password,
  Projects,
  provideSim,
  send,
  Service,
  tokenAuth,
  tokenId,
  tokens,
  Trust
} from "./utils.js"

const UNAUTHORIZED = {
  error: { code: 401, message: "The request you have made requires authentication.", title: "Unauthorized" }
}

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

describe("KeystoneSim v3: validating, checking, revoking", () => {
  it.effect("a token validates itself: 200, X-Subject-Token echoed, same body", () =>
    Effect.gen(function*() {
      const issued = yield* issue(demo())
      const id = issued.headers["x-subject-token"]!
      const a = yield* tokens("GET", id, id)
      expect(a.status).toBe(200)
      expect(a.headers["x-subject-token"]).toBe(id)
      expect(a.json).toEqual(issued.json)
      expect(decodeV3(a)).toEqual(decodeV3(issued))
      expect((yield* tokens("GET", id, id, "?nocatalog")).json.token.catalog).toBeUndefined()
    }).pipe(provideSim()))

  it.effect("caller missing or not valid: 401; subject garbage: 404", () =>
    Effect.gen(function*() {
      const id = yield* tokenId(demo())
      const missing = yield* tokens("GET", undefined, id)
      expect(missing.status).toBe(401)
      expect(missing.json).toEqual(UNAUTHORIZED)
      expect((yield* tokens("GET", "garbage", id)).status).toBe(401)
      const garbage = yield* tokens("GET", id, "garbage")
      expect(garbage.status).toBe(404)
      expect(garbage.text).toBe(`{"error":{"code":404,"message":"Could not recognize Fernet token","title":"Not Found"}}\n`)
    }).pipe(provideSim()))

  it.effect("someone else's token: 403 unless admin or service", () =>
    Effect.gen(function*() {
      const subject = yield* tokenId(demo())
      const other = yield* tokenId(password({ id: Demo2.userId }, Demo2.password))
      const forbidden = yield* tokens("GET", other, subject)
      expect(forbidden.status).toBe(403)
      expect(forbidden.json.error.message).toBe("You are not authorized to perform the requested action: identity:validate_token.")
      expect((yield* tokens("HEAD", other, subject)).status).toBe(403)
      expect((yield* tokens("DELETE", other, subject)).status).toBe(403)
      expect((yield* tokens("GET", other, undefined)).status).toBe(403)

      const adminToken = yield* tokenId(admin({ project: { id: Projects.admin.id } }))
      expect((yield* tokens("GET", adminToken, subject)).status).toBe(200)
      const missing = yield* tokens("GET", adminToken, undefined)
      expect(missing.status).toBe(404)
      expect(missing.json.error.message).toBe("No token in the request")
      const service = yield* tokenId(password({ id: Service.userId }, Service.password))
      expect((yield* tokens("GET", service, subject)).status).toBe(200)
      // the same user's other token is fine
      const again = yield* tokenId(demo("unscoped"))
      expect((yield* tokens("GET", again, subject)).status).toBe(200)
    }).pipe(provideSim()))

  it.effect("HEAD: 200 without a body; DELETE: 204, then 404", () =>
    Effect.gen(function*() {
      const id = yield* tokenId(demo())
      const head = yield* tokens("HEAD", id, id)
      expect(head.status).toBe(200)
      expect(head.text).toBe("")
      expect(head.headers["x-subject-token"]).toBe(id)
      const other = yield* tokenId(demo())
      const del = yield* tokens("DELETE", other, id)
      expect(del.status).toBe(204)
      expect(del.text).toBe("")
      const after = yield* tokens("GET", other, id)
      expect(after.status).toBe(404)
      expect(after.json.error.message).toBe("Failed to validate token")
      expect((yield* tokens("HEAD", other, id)).status).toBe(404)
      expect((yield* tokens("DELETE", other, id)).status).toBe(404)
      // a revoked token is no caller either
      expect((yield* tokens("GET", id, other)).status).toBe(401)
    }).pipe(provideSim()))

  it.effect("expiry follows the Clock; allow_expired within the window", () =>
    Effect.gen(function*() {
      const id = yield* tokenId(demo())
      yield* TestClock.adjust("59 minutes")
      expect((yield* tokens("GET", id, id)).status).toBe(200)
      yield* TestClock.adjust("1 minute")
      const caller = yield* tokenId(admin({ project: { id: Projects.admin.id } }))
      const expired = yield* tokens("GET", caller, id)
      expect(expired.status).toBe(404)
      expect(expired.json.error.message).toBe("Failed to validate token")
      expect((yield* tokens("GET", id, id)).status).toBe(401) // an expired caller
      const allowed = yield* tokens("GET", caller, id, "?allow_expired=1")
      expect(allowed.status).toBe(200)
      expect(allowed.json.token.expires_at).toBe("1970-01-01T01:00:00.000000Z")
      expect((yield* tokens("HEAD", caller, id, "?allow_expired=true")).status).toBe(200)
      yield* TestClock.adjust("48 hours")
      const late = yield* tokenId(admin({ project: { id: Projects.admin.id } }))
      expect((yield* tokens("GET", late, id, "?allow_expired=1")).status).toBe(404)
    }).pipe(provideSim()))

  it.effect("setTokenLifetime, revokeAll, revoke, tokensIssued", () =>
    Effect.gen(function*() {
      const sim = yield* KeystoneSim.KeystoneSim
      yield* sim.setTokenLifetime("5 minutes")
      const a = yield* issue(demo())
      expect(a.json.token.expires_at).toBe("1970-01-01T00:05:00.000000Z")
      const b = yield* tokenId(demo())
      yield* sim.revoke(b)
      expect((yield* tokens("GET", b, b)).status).toBe(401)
      const id = a.headers["x-subject-token"]!
      expect((yield* tokens("GET", id, id)).status).toBe(200)
      yield* sim.revokeAll
      expect((yield* tokens("GET", id, id)).status).toBe(401)
      expect(yield* sim.tokensIssued).toBe(2)
    }).pipe(provideSim({ tokenLifetime: "2 hours" })))
})

describe("KeystoneSim v3: catalog and listings", () => {
  it.effect("GET /v3/auth/catalog: the project's catalog, 403 without a project", () =>
    Effect.gen(function*() {
      const sim = yield* KeystoneSim.KeystoneSim
      const issued = yield* issue(demo())
      const a = yield* get("/v3/auth/catalog", issued.headers["x-subject-token"])
      expect(a.status).toBe(200)
      const body = Schema.decodeUnknownSync(V3.CatalogResponse)(a.json)
      expect(body.catalog).toEqual(issued.json.token.catalog)
      expect(a.json.links).toEqual({ self: `${sim.authUrl}/auth/catalog` })

      const unscoped = yield* get("/v3/auth/catalog", yield* tokenId(demo("unscoped")))
      expect(unscoped.status).toBe(403)
      expect(unscoped.text).toBe(
        `{"error":{"code":403,"message":"You are not authorized to perform the requested action.","title":"Forbidden"}}\n`
      )
      expect((yield* get("/v3/auth/catalog")).status).toBe(401)
    }).pipe(provideSim()))

  it.effect("GET /v3/auth/projects, /domains, /system", () =>
    Effect.gen(function*() {
      const id = yield* tokenId(demo())
      const projects = Schema.decodeUnknownSync(V3.ProjectsResponse)((yield* get("/v3/auth/projects", id)).json)
      expect(projects.projects.map((p) => p.name).sort()).toEqual(["demo", "demo2"])
      const domains = Schema.decodeUnknownSync(V3.DomainsResponse)((yield* get("/v3/auth/domains", id)).json)
      expect(domains.domains.map((d) => d.name)).toEqual(["demo-domain"])
      expect((yield* get("/v3/auth/system", id)).json.system).toEqual([])
      const adminId = yield* tokenId(admin())
      expect((yield* get("/v3/auth/system", adminId)).json.system).toEqual([{ all: true }])
    }).pipe(provideSim()))
})

describe("KeystoneSim: versions, routing, counters", () => {
  it.effect("GET / (300), /v3 and /v2.0 (200)", () =>
    Effect.gen(function*() {
      const sim = yield* KeystoneSim.KeystoneSim
      const root = yield* get("/")
      expect(root.status).toBe(300)
      expect(root.headers["location"]).toBe(`${sim.authUrl}/`)
      expect(root.json.versions.values.map((v: { id: string; status: string }) => [v.id, v.status])).toEqual([
        ["v3.14", "stable"],
        ["v2.0", "deprecated"]
      ])
      const v3 = yield* get("/v3")
      expect(v3.json.version).toMatchObject({ id: "v3.14", status: "stable", links: [{ rel: "self", href: `${sim.authUrl}/` }] })
      expect((yield* get("/v3/")).status).toBe(200)
      expect((yield* get("/v2.0")).json.version).toMatchObject({ id: "v2.0", status: "deprecated" })
    }).pipe(provideSim()))

  it.effect("versions: [\"v3\"] turns v2.0 off", () =>
    Effect.gen(function*() {
      const root = yield* get("/")
      expect(root.json.versions.values.map((v: { id: string }) => v.id)).toEqual(["v3.14"])
      expect((yield* get("/v2.0")).status).toBe(404)
      expect((yield* get("/v2.0/tokens/x")).status).toBe(404)
    }).pipe(provideSim({ versions: ["v3"] })))

  it.effect("unknown paths: Werkzeug's 404 page; known path, wrong method: 405 with Allow", () =>
    Effect.gen(function*() {
      const sim = yield* KeystoneSim.KeystoneSim
      const nope = yield* get("/v3/nope")
      expect(nope.status).toBe(404)
      expect(nope.headers["content-type"]).toBe("text/html; charset=utf-8")
      const put = yield* send(HttpClientRequest.put(`${sim.authUrl}/auth/tokens`))
      expect(put.status).toBe(405)
      expect(put.json).toEqual({ message: "The method is not allowed for the requested URL." })
      expect(put.headers["allow"]).toContain("POST")
    }).pipe(provideSim()))

  it.effect("counts requests per route key", () =>
    Effect.gen(function*() {
      const sim = yield* KeystoneSim.KeystoneSim
      const id = yield* tokenId(demo())
      yield* issue(demo())
      yield* tokens("GET", id, id)
      yield* tokens("HEAD", id, id)
      yield* tokens("DELETE", id, id)
      yield* get("/v3/auth/catalog", id)
      yield* get("/v3/nope")
      expect(yield* sim.count("POST /v3/auth/tokens")).toBe(2)
      expect(yield* sim.count("GET /v3/auth/tokens")).toBe(1)
      expect(yield* sim.count("HEAD /v3/auth/tokens")).toBe(1)
      expect(yield* sim.count("DELETE /v3/auth/tokens")).toBe(1)
      expect(yield* sim.count("GET /v3/auth/catalog")).toBe(1)
      expect(yield* sim.count("GET /v3/nope")).toBe(1)
      expect(yield* sim.count()).toBe(7)
      expect(yield* sim.counts).toEqual({
        "POST /v3/auth/tokens": 2,
        "GET /v3/auth/tokens": 1,
        "HEAD /v3/auth/tokens": 1,
        "DELETE /v3/auth/tokens": 1,
        "GET /v3/auth/catalog": 1,
        "GET /v3/nope": 1
      })
      yield* sim.resetCounts
      expect(yield* sim.count()).toBe(0)
      expect(KeystoneSim.routes).toContain("GET /v2.0/tokens/{id}/endpoints")
    }).pipe(provideSim()))

  it.effect("requests to a catalog endpoint reach a service stub that checks X-Auth-Token", () =>
    Effect.gen(function*() {
      const sim = yield* KeystoneSim.KeystoneSim
      const id = yield* tokenId(demo())
      const url = "http://compute.region-one.test:8774/v2.1/servers"
      const ok = yield* send(HttpClientRequest.get(url).pipe(HttpClientRequest.setHeader("x-auth-token", id)))
      expect(ok.status).toBe(200)
      expect(ok.json).toMatchObject({ service: { type: "compute" }, path: "/v2.1/servers", token: { project_id: Demo.projectId } })
      const refused = yield* send(HttpClientRequest.get(url))
      expect(refused.status).toBe(401)
      expect(refused.headers["www-authenticate"]).toBe(`Keystone uri="${sim.baseUrl}"`)
      expect(yield* sim.count("GET service:compute")).toBe(2)
    }).pipe(provideSim()))
})
