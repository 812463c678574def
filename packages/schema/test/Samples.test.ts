/**
 * Keystone's own API samples (../shared/keystone-samples, next to the repo;
 * see its README). They are read in place, never copied into the project.
 * Every file there must be listed in `samples` below, so a new sample cannot
 * go unchecked.
 */
import { describe, expect, it } from "@effect/vitest"
import { Catalog, ErrorBody, Token, V2, V3 } from "@effect-keystone/schema"
import { DateTime, Duration, Either, Option, Redacted, Schema } from "effect"
import * as fs from "node:fs"
import * as path from "node:path"
import { fileURLToPath } from "node:url"
import {
  decoders,
  fixture,
  fixtureKinds,
  fixturesDir,
  getOrFail,
  type Kind,
  listFiles,
  readJson,
  readText,
  sampleId
} from "./support/fixtures.js"

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..")
const samplesDir = process.env.KEYSTONE_SAMPLES_DIR ?? path.resolve(root, "../shared/keystone-samples")
const exists = fs.existsSync(samplesDir)

/** An HTTP header block: its first line, and headers it must carry. */
interface Http {
  readonly http: string
  readonly has?: ReadonlyArray<string>
}

type Entry = Kind | Http

/** Every sample file, with what it must decode as (JSON) or look like (headers). */
const samples: Readonly<Record<string, Entry>> = {
  "constructed/v2/authenticate-password-tenant-id.request.json": "v2-auth-request",
  "constructed/v2/authenticate-password-user-id-tenant-id.request.json": "v2-auth-request",
  "constructed/v2/authenticate-token-tenant-id.request.json": "v2-auth-request",
  "constructed/v2/authenticate.response-headers.txt": { http: "HTTP/1.1 200 OK" },
  "constructed/v2/delete-token.response-headers.txt": { http: "HTTP/1.1 204 No Content" },
  "constructed/v2/error-401-unauthorized.response-headers.txt": { http: "HTTP/1.1 401 Unauthorized", has: ["WWW-Authenticate"] },
  "constructed/v2/error-401-unauthorized.response.json": "error",
  "constructed/v2/error-404-token-not-found.response.json": "error",
  "constructed/v2/validate-token-head.response-headers.txt": { http: "HTTP/1.1 200 OK" },
  "constructed/v3/check-token-head.request-headers.txt": {
    http: "HEAD /v3/auth/tokens HTTP/1.1",
    has: ["X-Auth-Token", "X-Subject-Token"]
  },
  "constructed/v3/check-token-head.response-headers.txt": { http: "HTTP/1.1 200 OK", has: ["X-Subject-Token"] },
  "constructed/v3/error-401-auth-failed.response-headers.txt": { http: "HTTP/1.1 401 UNAUTHORIZED", has: ["WWW-Authenticate"] },
  "constructed/v3/error-401-auth-failed.response.json": "error",
  "constructed/v3/error-401-invalid-x-auth-token.response-headers.txt": {
    http: "HTTP/1.1 401 Unauthorized",
    has: ["WWW-Authenticate"]
  },
  "constructed/v3/error-401-invalid-x-auth-token.response.json": "error",
  "constructed/v3/error-403-forbidden.response.json": "error",
  "constructed/v3/error-404-fernet-unrecognized.response.json": "error",
  "constructed/v3/error-404-token-not-found.response.json": "error",
  "constructed/v3/error-404-token-validation-failed.response-headers.txt": { http: "HTTP/1.1 404 NOT FOUND" },
  "constructed/v3/error-404-token-validation-failed.response.json": "error",
  "constructed/v3/revoke-token-delete.request-headers.txt": {
    http: "DELETE /v3/auth/tokens HTTP/1.1",
    has: ["X-Auth-Token", "X-Subject-Token"]
  },
  "constructed/v3/revoke-token-delete.response-headers.txt": { http: "HTTP/1.1 204 NO CONTENT" },
  "constructed/v3/validate-token.response-headers.txt": { http: "HTTP/1.1 200 OK", has: ["X-Subject-Token"] },
  "v2/authenticate-admin.response.json": "v2-access",
  "v2/authenticate-password-tenant-name-admin.request.json": "v2-auth-request",
  "v2/authenticate-password-tenant-name.request.json": "v2-auth-request",
  "v2/authenticate-token-tenant-name.request.json": "v2-auth-request",
  "v2/authenticate.response.json": "v2-access",
  "v2/tenants-list.response.json": "v2-tenants",
  "v2/token-endpoints-list.response.json": "v2-endpoints",
  "v2/validate-token.response.json": "v2-access",
  // GET /v2.0: the same `{ version }` document as GET /v3
  "v2/version-show.response.json": "version",
  "v3/auth-application-credential-id.request.json": "v3-auth-request",
  "v3/auth-application-credential-name-user.request.json": "v3-auth-request",
  "v3/auth-application-credential.response.json": "v3-token",
  "v3/auth-password-domain-id-scoped.request.json": "v3-auth-request",
  "v3/auth-password-domain-name-scoped.request.json": "v3-auth-request",
  "v3/auth-password-domain-scoped.response.json": "v3-token",
  "v3/auth-password-explicit-unscoped.request.json": "v3-auth-request",
  "v3/auth-password-explicit-unscoped.response.json": "v3-token",
  "v3/auth-password-project-id-scoped.request.json": "v3-auth-request",
  "v3/auth-password-project-name-domain-scoped.request.json": "v3-auth-request",
  "v3/auth-password-project-scoped-large-catalog.response.json": "v3-token",
  "v3/auth-password-project-scoped.response.json": "v3-token",
  "v3/auth-password-system-scoped.request.json": "v3-auth-request",
  "v3/auth-password-system-scoped.response.json": "v3-token",
  "v3/auth-password-totp-project-scoped.response.json": "v3-token",
  "v3/auth-password-unscoped.response-headers.txt": { http: "HTTP/1.1 201 Created", has: ["X-Subject-Token"] },
  "v3/auth-password-unscoped.response.json": "v3-token",
  "v3/auth-password-user-id-unscoped.request.json": "v3-auth-request",
  "v3/auth-password-user-name-domain-system-scoped.request.json": "v3-auth-request",
  "v3/auth-password-user-name-domain-unscoped.request.json": "v3-auth-request",
  "v3/auth-receipt-401.response.json": "v3-receipt",
  "v3/auth-token-domain-id-scoped.request.json": "v3-auth-request",
  "v3/auth-token-domain-name-scoped.request.json": "v3-auth-request",
  "v3/auth-token-domain-scoped.response.json": "v3-token",
  "v3/auth-token-explicit-unscoped.request.json": "v3-auth-request",
  "v3/auth-token-project-id-scoped-large-catalog.request.json": "v3-auth-request",
  "v3/auth-token-project-id-scoped.request.json": "v3-auth-request",
  "v3/auth-token-project-name-domain-scoped.request.json": "v3-auth-request",
  "v3/auth-token-project-scoped-large-catalog.response.json": "v3-token",
  "v3/auth-token-project-scoped.response.json": "v3-token",
  "v3/auth-token-system-scoped.request.json": "v3-auth-request",
  "v3/auth-token-system-scoped.response.json": "v3-token",
  "v3/auth-token-trust-scoped.request.json": "v3-auth-request",
  "v3/auth-token-trust-scoped.response.json": "v3-token",
  "v3/auth-token-unscoped.request.json": "v3-auth-request",
  "v3/auth-token-unscoped.response.json": "v3-token",
  "v3/auth-totp-project-id-scoped-with-receipt.request.json": "v3-auth-request",
  "v3/get-auth-catalog.response.json": "v3-catalog",
  "v3/get-auth-domains.response.json": "v3-domains",
  "v3/get-auth-projects.response.json": "v3-projects",
  "v3/get-auth-system.response.json": "v3-system",
  // upstream quirk: the request headers sample starts with "Headers:", not a request line
  "v3/validate-token.request-headers.txt": { http: "Headers:", has: ["X-Auth-Token", "X-Subject-Token"] },
  "v3/validate-token-domain-scoped.response.json": "v3-token",
  "v3/validate-token-project-scoped.response.json": "v3-token",
  "v3/validate-token-system-scoped.response.json": "v3-token",
  "v3/validate-token-unscoped.response.json": "v3-token"
}

const jsonSamples = Object.entries(samples).filter((e): e is [string, Kind] => typeof e[1] === "string")
const httpSamples = Object.entries(samples).filter((e): e is [string, Http] => typeof e[1] !== "string")

/** Files in the samples folder (its README aside). */
const files = exists ? listFiles(samplesDir).filter((f) => f !== "README.md") : []

const sample = (rel: string) => readJson(samplesDir, rel)
const v3 = (rel: string) => getOrFail(Token.decodeV3(sampleId, sample(rel)), rel)
const v2 = (rel: string) => getOrFail(Token.decodeV2(sample(rel)), rel)
const millis = (o: Option.Option<DateTime.Utc>) => Option.map(o, DateTime.toEpochMillis)
const url = (catalog: Catalog.Catalog, filter: Catalog.EndpointFilter) => getOrFail(Catalog.endpoint(catalog, filter))

const parseHttp = (text: string) => {
  const [first = "", ...rest] = text.split(/\r?\n/).filter((l) => l.length > 0)
  const headers = new Map<string, string>()
  for (const line of rest) {
    const m = /^([A-Za-z0-9-]+): (.*)$/.exec(line)
    if (m === null) throw new Error(`not a header line: ${JSON.stringify(line)}`)
    headers.set(m[1]!.toLowerCase(), m[2]!)
  }
  return { first, headers }
}

// registered only where the folder is: a machine without it runs the tests below instead, and shows no skips
if (exists) describe("keystone-samples", () => {
  it("every sample file is mapped, and every mapping has its file", () => {
    expect(files.filter((f) => !(f in samples))).toEqual([])
    expect(Object.keys(samples).filter((f) => !files.includes(f))).toEqual([])
  })

  it.each(jsonSamples)("%s decodes as %s", (file, kind) => {
    const result = decoders[kind](sample(file))
    if (Either.isLeft(result)) throw new Error(`${file} (${kind}):\n${result.left.message}`)
    if (kind === "v3-token" || kind === "v2-access") {
      const token = result.right as Token.Token
      const back = getOrFail(Schema.decodeUnknownEither(Token.TokenFromJson)(Schema.encodeSync(Token.TokenFromJson)(token)))
      expect(Token.equivalence(back, token)).toBe(true)
    }
  })

  it.each(httpSamples)("%s is an HTTP header block", (file, { has = [], http }) => {
    const { first, headers } = parseHttp(readText(samplesDir, file))
    expect(first).toBe(http)
    for (const name of has) expect(headers.has(name.toLowerCase())).toBe(true)
    // constructed bodies are the exact wire bytes: their Content-Length matches
    const body = file.replace(/-headers\.txt$/, ".json")
    if (file.startsWith("constructed/") && headers.has("content-length") && files.includes(body)) {
      expect(Number(headers.get("content-length"))).toBe(fs.statSync(path.join(samplesDir, body)).size)
    }
  })

  describe("what the samples say", () => {
    it("v3 POST gives 201 and the token id in X-Subject-Token; GET and HEAD echo it", () => {
      const post = parseHttp(readText(samplesDir, "v3/auth-password-unscoped.response-headers.txt"))
      expect(post.headers.get("x-subject-token")).toBe("ffe47524401e4d61adc7310f7e5b6191")
      for (const file of ["constructed/v3/validate-token.response-headers.txt", "constructed/v3/check-token-head.response-headers.txt"]) {
        expect(parseHttp(readText(samplesDir, file)).headers.get("x-subject-token")).toBe("c67580")
      }
    })

    it("a 401 from a view has /v3 in WWW-Authenticate, one from the middleware (and v2) has not", () => {
      const header = (f: string) => parseHttp(readText(samplesDir, f)).headers.get("www-authenticate")
      expect(header("constructed/v3/error-401-auth-failed.response-headers.txt")).toBe(`Keystone uri="http://example.com/identity/v3"`)
      expect(header("constructed/v3/error-401-invalid-x-auth-token.response-headers.txt")).toBe(`Keystone uri="http://example.com/identity"`)
      expect(header("constructed/v2/error-401-unauthorized.response-headers.txt")).toBe(`Keystone uri="http://example.com/identity"`)
    })

    it("differently formatted error bodies decode to the same ErrorBody", () => {
      const decode = Schema.decodeUnknownSync(ErrorBody.ErrorBody)
      const flask = decode(sample("constructed/v3/error-401-auth-failed.response.json"))
      const middleware = decode(sample("constructed/v3/error-401-invalid-x-auth-token.response.json"))
      const v2era = decode(sample("constructed/v2/error-401-unauthorized.response.json"))
      expect(readText(samplesDir, "constructed/v3/error-401-auth-failed.response.json"))
        .not.toBe(readText(samplesDir, "constructed/v3/error-401-invalid-x-auth-token.response.json"))
      expect(middleware.error).toEqual(flask.error)
      expect(v2era.error).toEqual(flask.error)
    })

    it("v3 project-scoped samples: scope, roles, catalog, times", () => {
      const t = v3("v3/auth-password-project-scoped.response.json")
      expect(t.scope).toEqual({
        _tag: "Project",
        id: "a6944d763bf64ee6a275f1263fae0352",
        name: "admin",
        domain: { id: "default", name: "Default" }
      })
      expect(t.user).toEqual({ id: "ee4dfb6e5540447cb3741905149d9b6e", name: "admin", domain: { id: "default", name: "Default" } })
      expect(t.roles).toEqual([{ id: "51cc68287d524c759f47c811e6463340", name: "admin" }])
      // 2015 samples carry real microseconds; millisecond precision is kept
      expect(millis(t.expiresAt)).toEqual(Option.some(Date.UTC(2015, 10, 7, 2, 58, 43, 578)))
      expect(url(t.catalog, { type: "identity", interface: "internal" })).toBe("http://example.com/identity")
      // the GET sample is the same file as the POST one
      expect(Token.equivalence(v3("v3/validate-token-project-scoped.response.json"), t)).toBe(true)
    })

    it("v3 token rescope keeps the parent's expiry and audit id", () => {
      const t = v3("v3/auth-token-project-scoped.response.json")
      expect(t.methods).toEqual(["token", "password"])
      expect(t.auditIds).toEqual(["3T2dc1CGQxyJsHdDu1xkcw", "oppr9r6pQo6mWb5Ji4zgwg"])
      // large-catalog sample: issued 21:32:30.505, expires 22:00:11 — a rescoped token lives < 1 h
      const large = v3("v3/auth-token-project-scoped-large-catalog.response.json")
      expect(Option.map(Token.lifetime(large), Duration.toMillis)).toEqual(Option.some(1_660_495))
    })

    it("v3 domain, system and unscoped samples", () => {
      expect(v3("v3/auth-password-domain-scoped.response.json").scope).toEqual({ _tag: "Domain", id: "default", name: "Default" })
      expect(v3("v3/auth-token-system-scoped.response.json").scope).toEqual({ _tag: "System", all: true })
      for (const file of ["v3/auth-password-unscoped.response.json", "v3/auth-token-unscoped.response.json", "v3/validate-token-unscoped.response.json"]) {
        const t = v3(file)
        expect(t.scope).toEqual({ _tag: "Unscoped" })
        expect(t.catalog).toEqual(Catalog.empty)
        expect(t.roles).toEqual([])
      }
    })

    it("the large catalogs: 13 services, 3 endpoints each, lookups by type", () => {
      for (const file of ["v3/auth-password-project-scoped-large-catalog.response.json", "v3/auth-token-project-scoped-large-catalog.response.json"]) {
        const t = v3(file)
        expect(t.catalog.services).toHaveLength(13)
        expect(t.catalog.services.every((s) => s.endpoints.length === 3)).toBe(true)
        const project = Token.projectId(t)!
        expect(url(t.catalog, { type: "compute" })).toBe(`http://23.253.248.171:8774/v2.1/${project}`)
        expect(url(t.catalog, { type: "compute_legacy", region: "RegionOne" })).toBe(`http://23.253.248.171:8774/v2/${project}`)
        expect(url(t.catalog, { type: "object-store", interface: "admin" })).toBe("http://23.253.248.171:8080")
        expect(url(t.catalog, { type: "identity", interface: "admin" })).toBe("http://example.com/identity_v2_admin/v2.0")
      }
    })

    it("the application credential sample", () => {
      const t = v3("v3/auth-application-credential.response.json")
      expect(t.applicationCredential).toEqual({ id: "423f19a4ac1e4f48bbb4180756e6eb6c", name: "monitoring", restricted: true })
      expect(t.methods).toEqual(["application_credential"])
      expect(Token.projectId(t)).toBe("231c62fb0fbd485b995e8b060c3f0d98")
    })

    it("the 2013 trust sample: a Trust scope without project, roles or audit ids", () => {
      const t = v3("v3/auth-token-trust-scoped.response.json")
      expect(t.scope).toEqual({
        _tag: "Trust",
        id: "fe0aef",
        impersonation: false,
        trusteeUserId: "0ca8f6",
        trustorUserId: "bd263c",
        project: null
      })
      expect(t.roles).toEqual([])
      expect(t.auditIds).toEqual([])
      expect(t.user).toEqual({ id: "0ca8f6", name: "Joe", domain: { id: "1789d1", name: "example.com" } })
      expect(Token.projectId(t)).toBeUndefined()
    })

    it("'$OS_TOKEN' in the token-method requests is a literal string", () => {
      const r = Schema.decodeUnknownSync(V3.AuthRequest)(sample("v3/auth-token-unscoped.request.json"))
      expect(r.auth.identity.token?.id).toBe("'$OS_TOKEN'")
    })

    it("GET /v3/auth/catalog without region_id takes the region", () => {
      const r = Schema.decodeUnknownSync(V3.CatalogResponse)(sample("v3/get-auth-catalog.response.json"))
      const c = Catalog.fromV3(r.catalog)
      expect(c.services[0]!.endpoints.map((e) => e.region)).toEqual(["RegionOne", "RegionOne", "RegionOne"])
      expect(url(c, { type: "identity", region: "RegionOne", interface: "admin" })).toBe("http://localhost:5000")
    })

    it("the MFA receipt", () => {
      const r = Schema.decodeUnknownSync(V3.ReceiptResponse)(sample("v3/auth-receipt-401.response.json"))
      expect(r.required_auth_methods).toEqual([["totp", "password"]])
      expect(r.receipt.user.password_expires_at).toBeUndefined()
    })

    it("v2 authenticate samples carry a trust, so they decode as trust-scoped", () => {
      for (const [file, tenant, user] of [
        ["v2/authenticate.response.json", "fc394f2ab2df4114bde39905f800dc57", "demo"],
        ["v2/authenticate-admin.response.json", "73f0aa26640f4971864919d0eb0f0880", "admin"]
      ] as const) {
        const t = v2(file)
        expect(t.scope).toEqual({
          _tag: "Trust",
          id: "394998fa61f14736b1f0c1f322882949",
          impersonation: false,
          trusteeUserId: "269348fdd9374b8885da1418e0730af1",
          trustorUserId: "3ec3164f750146be97f21559ee4d9c51",
          project: { id: tenant, name: user, domain: null }
        })
        expect(Token.projectId(t)).toBe(tenant)
        expect(t.user.name).toBe(user)
        expect(t.roles.every((r) => r.id === null)).toBe(true)
        expect(t.catalog.services).toHaveLength(10)
        expect(t.catalog.services.every((s) => s.endpoints.length === 3)).toBe(true)
        expect(url(t.catalog, { type: "ec2", interface: "admin" })).toBe("http://23.253.72.207:8773/services/Admin")
        expect(url(t.catalog, { type: "ec2", interface: "internal" })).toBe("http://23.253.72.207:8773/services/Cloud")
        expect(url(t.catalog, { type: "identity", interface: "adminURL" })).toBe("http://example.com/identity_v2_admin")
        expect(millis(t.issuedAt)).toEqual(Option.some(Date.parse(file.includes("admin") ? "2014-01-30T17:09:57.647Z" : "2014-01-30T15:30:58.819Z")))
      }
      expect(Redacted.value(v2("v2/authenticate.response.json").id)).toBe("aaaaa-bbbbb-ccccc-dddd")
    })

    it("the 2010 v2 validate sample: -05:00 offset, no issued_at, no catalog, a repeated role id", () => {
      const t = v2("v2/validate-token.response.json")
      expect(millis(t.expiresAt)).toEqual(Option.some(Date.UTC(2010, 10, 1, 8, 32, 15)))
      expect(t.issuedAt).toEqual(Option.none())
      expect(Token.lifetime(t)).toEqual(Option.none())
      expect(t.catalog).toEqual(Catalog.empty)
      expect(t.scope).toEqual({ _tag: "Project", id: "345", name: "My Project", domain: null })
      expect(t.roles).toEqual([{ id: "234", name: "compute:admin" }, { id: "234", name: "object-store:admin" }])
    })

    it("the v2 endpoints list: 13 entries, 39 endpoints, heat under two types", () => {
      const r = Schema.decodeUnknownSync(V2.EndpointsResponse)(sample("v2/token-endpoints-list.response.json"))
      const c = Catalog.fromV2Endpoints(r)
      expect(r.endpoints).toHaveLength(13)
      expect(c.services.flatMap((s) => s.endpoints)).toHaveLength(39)
      expect(c.services.filter((s) => s.name === "heat").map((s) => s.type)).toEqual(["cloudformation", "orchestration"])
      expect(url(c, { type: "compute" })).toBe("https://nova.region-one.public.com/v2/be1319401cfa4a0aa590b97cc7b64d8d")
      expect(url(c, { type: "compute", interface: "internal" })).toBe("https://nova.region-one.internal.com/v2/be1319401cfa4a0aa590b97cc7b64d8d")
    })

    it("the v2 version document is a `{ version }` document", () => {
      const r = Schema.decodeUnknownSync(V3.VersionsResponse)(sample("v2/version-show.response.json"))
      expect("version" in r && [r.version.id, r.version.status]).toEqual(["v2.0", "stable"])
    })
  })
})

describe("the project's own fixtures", () => {
  const own = listFiles(fixturesDir).filter((f) => f.startsWith("v2/") || f.startsWith("v3/"))

  it("every own fixture is mapped, and every mapping has its file", () => {
    expect(own.filter((f) => !(f in fixtureKinds))).toEqual([])
    expect(Object.keys(fixtureKinds).filter((f) => !own.includes(f))).toEqual([])
  })

  it("cover every kind of JSON document the samples have, and each decodes as its kind", () => {
    const sampleKinds = new Set(jsonSamples.map(([, kind]) => kind))
    const ownKinds = new Set(Object.values(fixtureKinds))
    expect([...sampleKinds].filter((k) => !ownKinds.has(k))).toEqual([])
    for (const [file, kind] of Object.entries(fixtureKinds)) {
      const result = decoders[kind](fixture(file))
      if (Either.isLeft(result)) throw new Error(`${file} (${kind}):\n${result.left.message}`)
    }
  })

  it("are our own, not copies of the samples", () => {
    const sampleTexts = new Set(files.map((f) => readText(samplesDir, f)))
    for (const file of own) expect(sampleTexts.has(readText(fixturesDir, file))).toBe(false)
  })
})
