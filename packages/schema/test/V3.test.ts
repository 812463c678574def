import { describe, expect, it } from "@effect/vitest"
import { Catalog, ErrorBody, Token, V3 } from "@effect-keystone/schema"
import { DateTime, Duration, Either, Option, ParseResult, Redacted, Schema } from "effect"
import { catalogRows, fixture, fixturesOfKind, getOrFail } from "./support/fixtures.js"

const PROJECT = "8a5c2e7f0b3d4f6a9c1e4b7d0a3c6f9e"
const USER = "2b7e4a1d8c5f4b0e9a3d6c2f5e8b1a4d"
const DEFAULT = { id: "default", name: "Default" }
const MEMBER = { id: "4e2d8f1a7b5c4d3e9f0a1b2c3d4e5f6a", name: "member" }
const READER = { id: "5f3e9a2b8c6d4e4f0a1b2c3d4e5f6a7b", name: "reader" }
const ISSUED = Date.UTC(2026, 10, 23, 9, 30, 37)
const EXPIRES = Date.UTC(2026, 10, 23, 10, 30, 37)

const decodeRequest = Schema.decodeUnknownEither(V3.AuthRequest)
const decodeResponse = Schema.decodeUnknownEither(V3.TokenResponse)
const id = Redacted.make("gAAAAABn-subject-token")
const token = (file: string) => getOrFail(Token.decodeV3(id, fixture(file)), file)
const millis = (o: Option.Option<DateTime.Utc>) => Option.map(o, DateTime.toEpochMillis)
const url = (catalog: Catalog.Catalog, filter: Catalog.EndpointFilter) => getOrFail(Catalog.endpoint(catalog, filter))

describe("V3.AuthRequest", () => {
  it.each(fixturesOfKind("v3-auth-request", "v3/"))("%s decodes and encodes back", (file) => {
    const json = fixture(file)
    const r = getOrFail(decodeRequest(json))
    expect(Schema.encodeSync(V3.AuthRequest)(r)).toEqual(json)
  })

  it("password by user name and domain, project by name and domain", () => {
    const { auth } = getOrFail(decodeRequest(fixture("v3/auth-password-user-name-project-name.request.json")))
    expect(auth.identity.methods).toEqual(["password"])
    expect(auth.identity.password?.user).toEqual({ name: "demo", domain: { name: "Default" }, password: "demo-password" })
    expect(auth.scope).toEqual({ project: { name: "demo", domain: { id: "default" } } })
  })

  it("two methods (password + totp), system scope", () => {
    const { auth } = getOrFail(decodeRequest(fixture("v3/auth-password-totp-user-id.request.json")))
    expect(auth.identity.methods).toEqual(["password", "totp"])
    expect(auth.identity.totp?.user).toEqual({ id: USER, passcode: "012345" })
    expect(auth.scope).toEqual({ system: { all: true } })
  })

  it("application credential by name and user name + domain, no scope", () => {
    const { auth } = getOrFail(decodeRequest(fixture("v3/auth-application-credential-name-user-name.request.json")))
    expect(auth.identity.application_credential).toEqual({
      name: "monitoring",
      secret: "s3cr3t",
      user: { name: "demo", domain: { id: "default" } }
    })
    expect(auth.scope).toBeUndefined()
  })

  it("token with trust scope, and the explicit \"unscoped\" string", () => {
    const trust = getOrFail(decodeRequest(fixture("v3/auth-token-trust-scoped.request.json")))
    expect(trust.auth.identity.token).toEqual({ id: "gAAAAABkTRUSTEE-token" })
    expect(trust.auth.scope).toEqual({ "OS-TRUST:trust": { id: "f0e1d2c3b4a54f6e7d8c9b0a1f2e3d4c" } })
    const unscoped = getOrFail(decodeRequest(fixture("v3/auth-token-explicit-unscoped.request.json")))
    expect(unscoped.auth.scope).toBe("unscoped")
  })

  it("rejects no methods, unknown methods, half credentials and unknown scope strings", () => {
    const identity = { methods: ["password"], password: { user: { id: USER, password: "p" } } }
    for (
      const bad of [
        { auth: { identity: { methods: [] } } },
        { auth: { identity: { methods: ["kerberos"] } } },
        { auth: { identity: { methods: ["password"], password: { user: { id: USER } } } } },
        { auth: { identity: { methods: ["password"], password: { user: { name: "demo", password: "p" } } } } },
        { auth: { identity, scope: "project" } },
        { auth: { identity, scope: { system: { all: false } } } },
        { auth: { identity, scope: { project: { name: "demo" } } } },
        { identity }
      ]
    ) {
      const r = decodeRequest(bad)
      expect(Either.isLeft(r) && ParseResult.isParseError(r.left)).toBe(true)
    }
  })
})

describe("V3.TokenResponse and Token.decodeV3", () => {
  it.each(fixturesOfKind("v3-token", "v3/"))("%s decodes with TokenResponse", (file) => {
    expect(Either.isRight(decodeResponse(fixture(file)))).toBe(true)
  })

  it("the id is the one given (from X-Subject-Token), never read from the body", () => {
    const t = token("v3/token-never-expires.response.json")
    expect(t.version).toBe("v3")
    expect(Redacted.value(t.id)).toBe("gAAAAABn-subject-token")
  })

  it("expires_at: null never expires and has no lifetime", () => {
    const t = token("v3/token-never-expires.response.json")
    expect(t.expiresAt).toEqual(Option.none())
    expect(millis(t.issuedAt)).toEqual(Option.some(ISSUED))
    expect(Token.lifetime(t)).toEqual(Option.none())
    expect(Token.isExpired(t, DateTime.unsafeMake(Date.UTC(9999, 11, 31)))).toBe(false)
    expect(t.scope).toEqual({ _tag: "Project", id: PROJECT, name: "demo", domain: DEFAULT })
    expect(t.user).toEqual({ id: USER, name: "demo", domain: DEFAULT })
    expect(t.roles).toEqual([MEMBER, READER])
    expect(t.methods).toEqual(["password"])
    expect(t.auditIds).toEqual(["bXkAdUDiTiD-0123456789"])
  })

  it("catalog: v3 endpoints, lookups by interface, region and name", () => {
    const { catalog } = token("v3/token-never-expires.response.json")
    expect(catalog.services.map((s) => [s.id, s.type, s.name, s.endpoints.length])).toEqual([
      ["6a7b8c9d0e1f4a2b3c4d5e6f7a8b9c0d", "identity", "keystone", 3],
      ["7b8c9d0e1f2a4b3c4d5e6f7a8b9c0d1e", "compute", "nova", 6],
      ["8c9d0e1f2a3b4c4d5e6f7a8b9c0d1e2f", "object-store", "swift", 1]
    ])
    expect(catalog.services[0]!.endpoints[0]).toEqual({
      id: "0d1c2b3a4f5e4d6c8b9a0f1e2d3c4ba1",
      interface: "public",
      region: "RegionOne",
      url: "https://keystone.example.com/v3"
    })
    expect(url(catalog, { type: "identity" })).toBe("https://keystone.example.com/v3")
    expect(url(catalog, { type: "compute", region: "RegionTwo" })).toBe("https://nova.r2.example.com:8774/v2.1")
    expect(url(catalog, { type: "compute", region: "RegionTwo", interface: "admin" })).toBe("http://nova.r2.admin:8774/v2.1")
    expect(url(catalog, { type: "compute", interface: "internal", name: "nova" })).toBe("http://nova.r1.internal:8774/v2.1")
    expect(url(catalog, { type: "object-store" })).toBe(`https://swift.r1.example.com:8080/v1/AUTH_${PROJECT}`)
    const miss = Catalog.endpoint(catalog, { type: "object-store", interface: "internal" })
    expect(Either.isLeft(miss) && miss.left.message).toContain("interface public")
  })

  it("nocatalog: a project-scoped token without a catalog", () => {
    const t = token("v3/token-nocatalog.response.json")
    expect(t.scope._tag).toBe("Project")
    expect(t.catalog).toEqual(Catalog.empty)
    const miss = Catalog.endpoint(t.catalog, { type: "identity" })
    expect(Either.isLeft(miss) && miss.left.message).toContain("no service catalog")
    expect(Option.map(Token.lifetime(t), Duration.toMillis)).toEqual(Option.some(EXPIRES - ISSUED))
  })

  it("federated user: OS-FEDERATION and no password_expires_at", () => {
    const t = token("v3/token-federated.response.json")
    expect(t.user).toEqual({
      id: "5c0b2a9f7e6d4c3b8a1f0e9d8c7b6a5f",
      name: "alice@corp.example.org",
      domain: { id: "Federated", name: "Federated" }
    })
    expect(t.methods).toEqual(["token", "openid"])
    expect(t.auditIds).toEqual(["FeDeRaTeDaUdIt01234567", "OrIgInAlFeDaUdIt012345"])
    expect(t.scope).toEqual({ _tag: "Project", id: PROJECT, name: "demo", domain: DEFAULT })
    const wire = getOrFail(decodeResponse(fixture("v3/token-federated.response.json")))
    expect(wire.token.user.password_expires_at).toBeUndefined()
    expect(wire.token.user["OS-FEDERATION"]).toEqual({
      groups: [{ id: "a1b2c3d4e5f64a7b8c9d0e1f2a3b4c5d" }],
      identity_provider: { id: "corp-idp" },
      protocol: { id: "openid" }
    })
  })

  it("unknown fields at every level are tolerated and dropped", () => {
    const json = fixture("v3/token-unknown-fields.response.json")
    const wire = getOrFail(decodeResponse(json)) as unknown as Record<string, any>
    expect(Object.keys(wire)).toEqual(["token"])
    expect(wire.token["service_providers"]).toBeUndefined()
    expect(wire.token["x-vendor-annotation"]).toBeUndefined()
    expect(wire.token.user.email).toBeUndefined()
    expect(wire.token.roles[0]).toEqual(MEMBER)
    expect(wire.token.catalog[0].description).toBeUndefined()
    expect(wire.token.catalog[0].endpoints[0].enabled).toBeUndefined()
    const t = token("v3/token-unknown-fields.response.json")
    expect(t.scope).toEqual({ _tag: "Project", id: PROJECT, name: "demo", domain: DEFAULT })
    expect(t.user).toEqual({ id: USER, name: "demo", domain: DEFAULT })
    expect(t.roles).toEqual([MEMBER, READER])
    expect(url(t.catalog, { type: "identity", interface: "admin" })).toBe("http://keystone.r1.admin:5000/v3")
  })

  it("application credential: kept without its access rules", () => {
    const t = token("v3/token-application-credential.response.json")
    expect(t.methods).toEqual(["application_credential"])
    expect(t.applicationCredential).toEqual({ id: "0a1b2c3d4e5f4a6b7c8d9e0f1a2b3c4d", name: "monitoring", restricted: false })
    expect(t.roles).toEqual([READER])
    expect(Token.projectId(t)).toBe(PROJECT)
  })

  it("trust-scoped, current shape: a Trust scope carrying the project", () => {
    const t = token("v3/token-trust-scoped.response.json")
    expect(t.scope).toEqual({
      _tag: "Trust",
      id: "f0e1d2c3b4a54f6e7d8c9b0a1f2e3d4c",
      impersonation: false,
      trusteeUserId: "3c8f5b2e9d6a4c1f0b7e4a1d8c5f2b9e",
      trustorUserId: "4d9a6c3f0e7b4d2a1c8f5b2e9d6a3c0f",
      project: { id: PROJECT, name: "demo", domain: DEFAULT }
    })
    expect(Token.projectId(t)).toBe(PROJECT)
    expect(t.user.id).toBe("3c8f5b2e9d6a4c1f0b7e4a1d8c5f2b9e")
    expect(t.roles).toEqual([MEMBER])
    expect(url(t.catalog, { type: "compute" })).toBe("https://nova.r1.example.com:8774/v2.1")
  })

  it("domain-scoped with an empty catalog", () => {
    const t = token("v3/token-domain-scoped.response.json")
    expect(t.scope).toEqual({ _tag: "Domain", id: "d0a1b2c3e4f54a6b7c8d9e0f1a2b3c4d", name: "demo-domain" })
    expect(Token.projectId(t)).toBeUndefined()
    expect(t.catalog).toEqual(Catalog.empty)
    expect(t.roles).toEqual([{ id: "6a4f0b3c9d7e4f5a1b2c3d4e5f6a7b8c", name: "admin" }])
  })

  it("system scope and unscoped, built from a fixture", () => {
    const base = (fixture("v3/token-nocatalog.response.json") as { token: Record<string, unknown> }).token
    const { is_domain: _, project: __, ...rest } = base
    const system = getOrFail(Token.decodeV3(id, { token: { ...rest, system: { all: true } } }))
    expect(system.scope).toEqual({ _tag: "System", all: true })
    const { roles: ___, ...unscopedBody } = rest
    const unscoped = getOrFail(Token.decodeV3(id, { token: unscopedBody }))
    expect(unscoped.scope).toEqual({ _tag: "Unscoped" })
    expect(unscoped.roles).toEqual([])
  })

  it("a bad timestamp is a ParseError that points at the field", () => {
    const body = fixture("v3/token-nocatalog.response.json") as { token: Record<string, unknown> }
    body.token.expires_at = "2026-11-23 soon"
    const r = Token.decodeV3(id, body)
    expect(Either.isLeft(r) && ParseResult.isParseError(r.left)).toBe(true)
    expect(Either.isLeft(r) && r.left.message).toContain(`["token"]["expires_at"]`)
  })

  it("rejects a body without user, methods or expires_at, or with an unknown interface", () => {
    const mutations: Array<(b: any) => void> = [
      (b) => delete b.token.user,
      (b) => delete b.token.methods,
      (b) => delete b.token.expires_at,
      (b) => (b.token.catalog[0].endpoints[0].interface = "private"),
      (b) => (b.token.project.domain = null),
      (b) => (b.token = [b.token])
    ]
    for (const mutate of mutations) {
      const body = fixture("v3/token-never-expires.response.json")
      mutate(body)
      const r = Token.decodeV3(id, body)
      expect(Either.isLeft(r) && ParseResult.isParseError(r.left)).toBe(true)
    }
  })
})

describe("other v3 responses", () => {
  it("GET /v3/auth/catalog is the token's catalog", () => {
    const r = getOrFail(Schema.decodeUnknownEither(V3.CatalogResponse)(fixture("v3/get-auth-catalog.response.json")))
    const catalog = Catalog.fromV3(r.catalog)
    expect(catalogRows(catalog)).toEqual(catalogRows(token("v3/token-never-expires.response.json").catalog))
    expect(url(catalog, { type: "compute", region: "RegionTwo", interface: "internal" })).toBe("http://nova.r2.internal:8774/v2.1")
  })

  it("GET /v3/auth/projects, /domains and /system", () => {
    const projects = getOrFail(Schema.decodeUnknownEither(V3.ProjectsResponse)(fixture("v3/get-auth-projects.response.json")))
    expect(projects.projects.map((p) => [p.id, p.name, p.domain_id, p.enabled])).toEqual([
      [PROJECT, "demo", "default", true],
      ["9b6d3f0a1c2e4b5d8f7a6c5e4d3b2a1f", "demo2", "d0a1b2c3e4f54a6b7c8d9e0f1a2b3c4d", true]
    ])
    const domains = getOrFail(Schema.decodeUnknownEither(V3.DomainsResponse)(fixture("v3/get-auth-domains.response.json")))
    expect(domains.domains).toEqual([{ id: "default", name: "Default", enabled: true }])
    const system = getOrFail(Schema.decodeUnknownEither(V3.SystemResponse)(fixture("v3/get-auth-system-none.response.json")))
    expect(system.system).toEqual([])
  })

  it("the MFA receipt (401 without an error key)", () => {
    const json = fixture("v3/auth-receipt-401.response.json")
    const r = getOrFail(Schema.decodeUnknownEither(V3.ReceiptResponse)(json))
    expect(r.receipt.methods).toEqual(["password"])
    expect(r.receipt.user.id).toBe(USER)
    expect(r.required_auth_methods).toEqual([["password", "totp"], ["password", "application_credential"]])
    expect(ErrorBody.decodeOption(json)).toBeUndefined()
  })

  it("version documents: GET /v3 and GET /", () => {
    const decode = Schema.decodeUnknownEither(V3.VersionsResponse)
    const one = getOrFail(decode(fixture("v3/version-v3.response.json")))
    expect("version" in one && one.version.id).toBe("v3.14")
    const all = getOrFail(decode(fixture("v3/versions.response.json")))
    expect("versions" in all && all.versions.values.map((v) => [v.id, v.status])).toEqual([["v3.14", "stable"]])
  })
})

describe("ErrorBody (v3)", () => {
  it.each(fixturesOfKind("error", "v3/"))("%s decodes", (file) => {
    const e = getOrFail(Schema.decodeUnknownEither(ErrorBody.ErrorBody)(fixture(file)))
    expect(e.error.code).toBe(Number(file.match(/error-(\d{3})/)![1]))
  })

  it("keeps the identity of an auth plugin error", () => {
    const e = ErrorBody.decodeOption(fixture("v3/error-401-auth-plugin.response.json"))
    expect(e?.error).toEqual({
      code: 401,
      title: "Unauthorized",
      message: "Expecting to find application_credential in identity.",
      identity: { methods: ["password", "token", "application_credential"] }
    })
  })

  it("403 and 404", () => {
    expect(ErrorBody.decodeOption(fixture("v3/error-403-forbidden.response.json"))?.error.title).toBe("Forbidden")
    expect(ErrorBody.decodeOption(fixture("v3/error-404-token-not-found.response.json"))?.error.message)
      .toBe("Could not find token: 2b7e4a1d8c5f4b0e9a3d6c2f5e8b1a4d.")
    expect(ErrorBody.decodeOption(fixture("v3/error-401-auth-failed.response.json"))?.error.message)
      .toMatch(/\(Disable insecure_debug mode to suppress these details\.\)$/)
  })
})
