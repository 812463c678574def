import { describe, expect, it } from "@effect/vitest"
import { Catalog, ErrorBody, Token, V2 } from "@effect-keystone/schema"
import { DateTime, Duration, Either, Option, ParseResult, Redacted, Schema } from "effect"
import { catalogRows, fixture, fixturesOfKind, getOrFail } from "./support/fixtures.js"

const TENANT = "3f1e7c2a9b8d4e5f8a6b7c9d0e1f2a3b"
const USER = "b5d2f6a8c3e94f0a9d1b2c4e6f8a0b1c"

const decodeRequest = Schema.decodeUnknownEither(V2.AuthRequest)
const decodeAccess = Schema.decodeUnknownEither(V2.AccessResponse)
const decodeEndpoints = Schema.decodeUnknownEither(V2.EndpointsResponse)
const decodeError = Schema.decodeUnknownEither(ErrorBody.ErrorBody)

const token = (file: string) => getOrFail(Token.decodeV2(fixture(file)), file)
const millis = (o: Option.Option<DateTime.Utc>) => Option.map(o, DateTime.toEpochMillis)
const url = (catalog: Catalog.Catalog, filter: Catalog.EndpointFilter) => getOrFail(Catalog.endpoint(catalog, filter))

describe("V2.AuthRequest", () => {
  it.each(fixturesOfKind("v2-auth-request", "v2/"))("%s decodes", (file) => {
    expect(Either.isRight(decodeRequest(fixture(file)))).toBe(true)
  })

  it("password credentials with tenantName", () => {
    const r = getOrFail(decodeRequest(fixture("v2/authenticate-password-tenant-name.request.json")))
    expect(r.auth).toEqual({ tenantName: "demo", passwordCredentials: { username: "demo", password: "demo-password" } })
  })

  it("password credentials with tenantId", () => {
    const r = getOrFail(decodeRequest(fixture("v2/authenticate-password-tenant-id.request.json")))
    expect(r.auth.tenantId).toBe(TENANT)
    expect(r.auth.tenantName).toBeUndefined()
    expect("passwordCredentials" in r.auth && r.auth.passwordCredentials).toEqual({ username: "demo", password: "demo-password" })
  })

  it("password credentials by userId with tenantId", () => {
    const r = getOrFail(decodeRequest(fixture("v2/authenticate-password-user-id-tenant-id.request.json")))
    expect(r.auth).toEqual({ tenantId: TENANT, passwordCredentials: { userId: USER, password: "demo-password" } })
  })

  it("token with tenantId", () => {
    const r = getOrFail(decodeRequest(fixture("v2/authenticate-token-tenant-id.request.json")))
    expect(r.auth).toEqual({ tenantId: TENANT, token: { id: "4a1f0d3c9e8b47a6b5c2d1e0f9a8b7c6" } })
  })

  it("encodes back to the same JSON", () => {
    for (const file of fixturesOfKind("v2-auth-request", "v2/")) {
      const json = fixture(file)
      expect(Schema.encodeSync(V2.AuthRequest)(getOrFail(decodeRequest(json)))).toEqual(json)
    }
  })

  it("rejects bodies with no credentials, no password or a non-string tenant", () => {
    for (
      const bad of [
        {},
        { auth: { tenantName: "demo" } },
        { auth: { passwordCredentials: { username: "demo" }, tenantName: "demo" } },
        { auth: { passwordCredentials: { password: "x" }, tenantName: "demo" } },
        { auth: { token: {}, tenantId: TENANT } },
        { auth: { token: { id: "t" }, tenantId: 42 } },
        { passwordCredentials: { username: "demo", password: "x" } }
      ]
    ) {
      const r = decodeRequest(bad)
      expect(Either.isLeft(r) && ParseResult.isParseError(r.left)).toBe(true)
    }
  })
})

describe("V2.AccessResponse and Token.decodeV2", () => {
  it.each(fixturesOfKind("v2-access", "v2/"))("%s decodes with AccessResponse", (file) => {
    expect(Either.isRight(decodeAccess(fixture(file)))).toBe(true)
  })

  it("authenticate: a tenant-scoped token with its catalog, user, roles and times", () => {
    const t = token("v2/authenticate.response.json")
    expect(t).toBeInstanceOf(Token.Token)
    expect(t.version).toBe("v2.0")
    expect(Redacted.value(t.id)).toBe("7c2f5a8e1b4d4c6f9a3e2d1c0b9a8f7e")
    expect(t.user).toEqual({ id: USER, name: "demo", domain: null })
    expect(t.scope).toEqual({ _tag: "Project", id: TENANT, name: "demo", domain: null })
    expect(Token.projectId(t)).toBe(TENANT)
    expect(t.roles).toEqual([{ id: null, name: "member" }, { id: null, name: "reader" }])
    expect(t.methods).toEqual([])
    expect(t.auditIds).toEqual(["Xh7tUJ8fRzGq3Nw2kLmP0A"])
    expect(t.applicationCredential).toBeUndefined()
    // 2015-era forms: naive issued_at with microseconds, expires with Z and no fraction
    expect(millis(t.issuedAt)).toEqual(Option.some(Date.UTC(2015, 5, 1, 12, 0, 0, 123)))
    expect(millis(t.expiresAt)).toEqual(Option.some(Date.UTC(2015, 5, 1, 13, 0, 0)))
    expect(Option.map(Token.lifetime(t), Duration.toMillis)).toEqual(Option.some(3_600_000 - 123))
  })

  it("authenticate: each v2 endpoint object becomes three endpoints, one per interface", () => {
    const t = token("v2/authenticate.response.json")
    expect(t.catalog.services.map((s) => [s.type, s.name, s.endpoints.length])).toEqual([
      ["compute", "nova", 6],
      ["identity", "keystone", 3],
      ["network", "neutron", 6],
      ["image", "glance", 3],
      ["object-store", "swift", 3]
    ])
    const identity = t.catalog.services.find((s) => s.type === "identity")!
    expect(identity.endpoints).toEqual([
      {
        id: "2e9c6d7a8b3f4c4d1e0f9a8b7c6d5e4f-public",
        interface: "public",
        region: "RegionOne",
        url: "https://keystone.example.com:5000/v2.0"
      },
      {
        id: "2e9c6d7a8b3f4c4d1e0f9a8b7c6d5e4f-internal",
        interface: "internal",
        region: "RegionOne",
        url: "http://keystone.r1.internal:5000/v2.0"
      },
      {
        id: "2e9c6d7a8b3f4c4d1e0f9a8b7c6d5e4f-admin",
        interface: "admin",
        region: "RegionOne",
        url: "http://keystone.r1.admin:35357/v2.0"
      }
    ])
  })

  it("authenticate: endpoint lookups by type, interface (or its v2 alias), region and name", () => {
    const { catalog } = token("v2/authenticate.response.json")
    expect(url(catalog, { type: "compute", region: "RegionOne" })).toBe(`https://nova.r1.example.com:8774/v2.1/${TENANT}`)
    expect(url(catalog, { type: "compute", region: "RegionTwo", interface: "internal" }))
      .toBe(`http://nova.r2.internal:8774/v2.1/${TENANT}`)
    expect(url(catalog, { type: "compute", region: "RegionTwo", interface: "internalURL" }))
      .toBe(`http://nova.r2.internal:8774/v2.1/${TENANT}`)
    expect(url(catalog, { type: "identity", interface: "adminURL" })).toBe("http://keystone.r1.admin:35357/v2.0")
    expect(url(catalog, { type: "object-store", interface: "admin" })).toBe("http://swift.r1.admin:8080")
    expect(url(catalog, { type: "object-store" })).toBe(`https://swift.r1.example.com:8080/v1/AUTH_${TENANT}`)
    expect(url(catalog, { type: "image", name: "glance" })).toBe("https://glance.r2.example.com:9292")
    const miss = Catalog.endpoint(catalog, { type: "image", region: "RegionOne" })
    expect(Either.isLeft(miss) && miss.left.message).toContain("region RegionTwo")
  })

  it("unscoped: no tenant, an empty catalog, no roles", () => {
    const t = token("v2/authenticate-unscoped.response.json")
    expect(t.scope).toEqual({ _tag: "Unscoped" })
    expect(Token.projectId(t)).toBeUndefined()
    expect(t.catalog).toEqual(Catalog.empty)
    expect(t.roles).toEqual([])
    expect(millis(t.issuedAt)).toEqual(Option.some(Date.UTC(2014, 4, 1, 9, 0, 0, 500)))
    expect(millis(t.expiresAt)).toEqual(Option.some(Date.UTC(2014, 4, 1, 10)))
    const miss = Catalog.endpoint(t.catalog, { type: "compute" })
    expect(Either.isLeft(miss) && miss.left.message).toContain("no service catalog")
  })

  it("trust-scoped: the trust becomes the scope, with the tenant as its project", () => {
    const t = token("v2/authenticate-trust.response.json")
    expect(t.scope).toEqual({
      _tag: "Trust",
      id: "e8a5c1b4d7f04a3b9c2d5e8f1a4b7c0d",
      impersonation: true,
      trusteeUserId: "d7f4b0c3e6a94b2d8f1c4e7a0b3d6f9c",
      trustorUserId: "c6e3a9b2d5f84a1c7e0b3d6f9a2c5e8b",
      project: { id: TENANT, name: "demo", domain: null }
    })
    expect(Token.projectId(t)).toBe(TENANT)
    // impersonation: the token's user is the trustor
    expect(t.user.id).toBe("c6e3a9b2d5f84a1c7e0b3d6f9a2c5e8b")
    expect(t.roles).toEqual([{ id: null, name: "member" }])
    expect(millis(t.expiresAt)).toEqual(Option.some(Date.UTC(2017, 1, 1, 9)))
    expect(url(t.catalog, { type: "identity" })).toBe("https://keystone.example.com:5000/v2.0")
  })

  it("validate (Newton–Pike): the authenticate shape with v3-style times and two audit ids", () => {
    const t = token("v2/validate-token.response.json")
    const a = token("v2/authenticate.response.json")
    expect(Redacted.value(t.id)).toBe("f9b6d2c5e8a14b7c0d3e6f9a2b5c8d1e")
    expect(millis(t.issuedAt)).toEqual(Option.some(Date.UTC(2017, 5, 12, 10, 20, 30)))
    expect(millis(t.expiresAt)).toEqual(Option.some(Date.UTC(2017, 5, 12, 11, 20, 30)))
    expect(Option.map(Token.lifetime(t), Duration.toMillis)).toEqual(Option.some(3_600_000))
    expect(t.auditIds).toEqual(["VaLiDaTeAuDiT_0123456w", "PaReNtAuDiT-0123456789"])
    expect(t.scope).toEqual(a.scope)
    expect(t.user).toEqual(a.user)
    expect(t.roles).toEqual(a.roles)
    expect(t.catalog).toEqual(a.catalog)
  })

  it("metadata and roles_links are read but not part of the token", () => {
    const r = getOrFail(decodeAccess(fixture("v2/authenticate.response.json")))
    expect(r.access.metadata).toEqual({
      is_admin: 0,
      roles: ["9fe2ff9ee4384b1894a90878d3e92bab", "0b6ef5dc2d6c4e2ba0a1c1f1e0b9c8d7"]
    })
    expect(r.access.user.username).toBe("demo")
    expect(r.access.token.tenant).toEqual({ description: "Demo project", enabled: true, id: TENANT, name: "demo" })
  })

  it("expires: null means the token never expires", () => {
    const body = fixture("v2/authenticate.response.json") as { access: { token: Record<string, unknown> } }
    body.access.token.expires = null
    const t = getOrFail(Token.decodeV2(body))
    expect(t.expiresAt).toEqual(Option.none())
    expect(Token.isExpired(t, DateTime.unsafeMake(Date.UTC(9999, 0, 1)))).toBe(false)
  })

  it("a bad timestamp is a ParseError that points at the field", () => {
    const body = fixture("v2/authenticate.response.json") as { access: { token: Record<string, unknown> } }
    body.access.token.expires = "31/01/2014"
    const r = Token.decodeV2(body)
    expect(Either.isLeft(r) && ParseResult.isParseError(r.left)).toBe(true)
    expect(Either.isLeft(r) && r.left.message).toContain(`["access"]["token"]["expires"]`)
    expect(Either.isLeft(r) && r.left.message).toContain("31/01/2014")
  })

  it("rejects an access body without token id, user or with a malformed catalog", () => {
    const mutations: Array<(a: any) => void> = [
      (a) => delete a.access.token.id,
      (a) => delete a.access.user,
      (a) => (a.access.serviceCatalog[0].endpoints = "none"),
      (a) => delete a.access.serviceCatalog[0].type,
      (a) => (a.access.user.roles = [{ id: "x" }])
    ]
    for (const mutate of mutations) {
      const body = fixture("v2/authenticate.response.json")
      mutate(body)
      const r = Token.decodeV2(body)
      expect(Either.isLeft(r) && ParseResult.isParseError(r.left)).toBe(true)
    }
  })
})

describe("V2.EndpointsResponse", () => {
  it("the endpoints list groups into the same catalog as the token's serviceCatalog", () => {
    const r = getOrFail(decodeEndpoints(fixture("v2/token-endpoints-list.response.json")))
    expect(r.endpoints).toHaveLength(7)
    const catalog = Catalog.fromV2Endpoints(r)
    expect(catalog.services.map((s) => [s.type, s.name, s.endpoints.length])).toEqual([
      ["compute", "nova", 6],
      ["identity", "keystone", 3],
      ["network", "neutron", 6],
      ["image", "glance", 3],
      ["object-store", "swift", 3]
    ])
    const fromToken = token("v2/authenticate.response.json").catalog
    expect(catalogRows(catalog)).toEqual(catalogRows(fromToken))
    expect(url(catalog, { type: "network", region: "RegionTwo", interface: "admin" })).toBe("http://neutron.r2.admin:9696/")
  })

  it("{} (an unscoped token) is an empty list and an empty catalog", () => {
    const r = getOrFail(decodeEndpoints(fixture("v2/token-endpoints-list-unscoped.response.json")))
    expect(r.endpoints).toEqual([])
    expect(Catalog.fromV2Endpoints(r)).toEqual(Catalog.empty)
  })

  it("rejects entries without a type", () => {
    const r = decodeEndpoints({ endpoints: [{ id: "x", publicURL: "http://x" }] })
    expect(Either.isLeft(r)).toBe(true)
  })
})

describe("ErrorBody (v2)", () => {
  it("401", () => {
    const e = getOrFail(decodeError(fixture("v2/error-401-unauthorized.response.json")))
    expect(e).toBeInstanceOf(ErrorBody.ErrorBody)
    expect(e.error).toEqual({
      code: 401,
      title: "Unauthorized",
      message: "Invalid user / password (Disable debug mode to suppress these details.)"
    })
  })

  it("404", () => {
    const e = ErrorBody.decodeOption(fixture("v2/error-404-token-not-found.response.json"))
    expect(e?.error.code).toBe(404)
    expect(e?.error.title).toBe("Not Found")
    expect(e?.error.message).toBe("Could not find token: 7c2f5a8e1b4d4c6f9a3e2d1c0b9a8f7e")
  })

  it("decodeOption is undefined for bodies that are not errors", () => {
    expect(ErrorBody.decodeOption(fixture("v2/authenticate.response.json"))).toBeUndefined()
    expect(ErrorBody.decodeOption({ error: { code: "401", title: "Unauthorized", message: "m" } })).toBeUndefined()
    expect(ErrorBody.decodeOption({ error: { code: 401.5, title: "Unauthorized", message: "m" } })).toBeUndefined()
    expect(ErrorBody.decodeOption("Unauthorized")).toBeUndefined()
  })
})
