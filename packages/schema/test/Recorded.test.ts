/**
 * Responses recorded from a real Keystone (Zed) by scripts/record-fixtures.sh
 * into fixtures/recorded (see its README.md). Ids and times change with every
 * re-recording, so these tests check names, shapes and cross-references, not
 * ids. Every file there must be accounted for in `recordings` below.
 */
import { describe, expect, it } from "@effect/vitest"
import { Catalog, ErrorBody, Token, V3 } from "@effect-keystone/schema"
import { DateTime, Duration, Either, Option, ParseResult, Redacted, Schema } from "effect"
import * as path from "node:path"
import {
  catalogRows,
  decoders,
  fixturesDir,
  getOrFail,
  type Kind,
  listFiles,
  readJson,
  readText
} from "./support/fixtures.js"

const dir = path.join(fixturesDir, "recorded")

interface Recording {
  /** What the response body decodes as; no body when absent. */
  readonly body?: Kind
  /** What the request body decodes as; `malformed` for the deliberately broken one (`.request.txt`). */
  readonly request?: Kind | "malformed"
}

const issued = { body: "v3-token", request: "v3-auth-request" } as const
const error = { body: "error" } as const
// Keystone refused these on grounds the structural wire schema does not check
// (two scopes, a method without its object, an application credential with a
// scope); as JSON they are well-formed auth requests.
const refused = { body: "error", request: "v3-auth-request" } as const

const recordings: Readonly<Record<string, Recording>> = {
  "versions": { body: "version" },
  "version-v3": { body: "version" },
  "issue-password-admin-project": issued,
  "issue-password-user-id-unscoped": issued,
  "issue-password-user-id-default-project": issued,
  "issue-password-explicit-unscoped": issued,
  "issue-password-name-domain-project-id": issued,
  "issue-password-project-name-domain": issued,
  "issue-password-domain-id": issued,
  "issue-password-domain-name": issued,
  "issue-password-system": issued,
  "issue-password-project-nocatalog": issued,
  "issue-appcred-id": issued,
  "issue-appcred-name-user-id": issued,
  "issue-appcred-name-user-name-domain": issued,
  "issue-token-rescope-project": issued,
  "issue-token-rescope-domain-nocatalog": issued,
  "validate-project": { body: "v3-token" },
  "validate-project-nocatalog": { body: "v3-token" },
  "validate-unscoped": { body: "v3-token" },
  "validate-domain": { body: "v3-token" },
  "validate-system-self": { body: "v3-token" },
  "validate-appcred": { body: "v3-token" },
  "validate-allow-expired": { body: "v3-token" },
  "check-head": {},
  "issue-password-to-revoke": issued,
  "revoke-delete": {},
  "auth-catalog": { body: "v3-catalog" },
  "auth-projects": { body: "v3-projects" },
  "auth-domains": { body: "v3-domains" },
  "auth-system": { body: "v3-system" },
  "auth-system-admin": { body: "v3-system" },
  "error-401-wrong-password": { body: "error", request: "v3-auth-request" },
  "error-401-unknown-user": { body: "error", request: "v3-auth-request" },
  "error-401-appcred-wrong-secret": { body: "error", request: "v3-auth-request" },
  "error-401-appcred-with-scope": refused,
  "error-401-project-not-member": { body: "error", request: "v3-auth-request" },
  "error-401-invalid-auth-token": error,
  "error-401-missing-auth-token": error,
  "error-403-catalog-unscoped": error,
  "error-403-catalog-system": error,
  "error-404-validate-revoked": error,
  "error-404-check-head-revoked": {},
  "error-404-validate-garbage": error,
  "error-401-revoked-auth-token": error,
  "error-400-two-scopes": refused,
  "error-400-malformed-json": { body: "error", request: "malformed" },
  "error-400-missing-method-object": refused
}

const names = Object.keys(recordings)

interface IndexEntry {
  readonly name: string
  readonly method: string
  readonly path: string
  readonly request_headers: ReadonlyArray<string>
  readonly status: number
  readonly status_line: string
}

const index = (readJson(dir, "index.json") as { recordings: ReadonlyArray<IndexEntry> }).recordings
const entry = (name: string) => index.find((r) => r.name === name)!

const headers = (name: string) => {
  const [statusLine = "", ...lines] = readText(dir, `${name}.headers.txt`).split("\n").filter((l) => l.length > 0)
  const map = new Map<string, string>()
  for (const line of lines) {
    const i = line.indexOf(": ")
    if (i <= 0) throw new Error(`${name}.headers.txt: not a header line: ${JSON.stringify(line)}`)
    map.set(line.slice(0, i).toLowerCase(), line.slice(i + 2))
  }
  return { statusLine, headers: map }
}

const requestHeader = (name: string, header: string) =>
  entry(name).request_headers.find((h) => h.toLowerCase().startsWith(`${header.toLowerCase()}: `))?.split(": ")[1]

const body = (name: string) => readJson(dir, `${name}.json`)

/** A recorded token, with its id from X-Subject-Token as the client would take it. */
const recordedToken = (name: string): Token.Token => {
  const subject = headers(name).headers.get("x-subject-token")
  if (subject === undefined) throw new Error(`${name}: no X-Subject-Token`)
  return getOrFail(Token.decodeV3(Redacted.make(subject), body(name)), name)
}

/**
 * Keystone builds roles and the catalog from sets and SQL rows: their order is
 * not part of the answer. The token with roles, methods, services and
 * endpoints in a fixed order.
 */
const canonical = (t: Token.Token): Token.Token => {
  const byId = <A extends { readonly id: string | null }>(as: ReadonlyArray<A>) =>
    [...as].sort((a, b) => (a.id ?? "").localeCompare(b.id ?? ""))
  return new Token.Token({
    ...t,
    roles: byId(t.roles),
    methods: [...t.methods].sort(),
    catalog: { services: byId(t.catalog.services).map((s) => ({ ...s, endpoints: byId(s.endpoints) })) }
  })
}

/** Equal but for the order of roles, methods and the catalog. */
const sameToken = (a: Token.Token, b: Token.Token) => Token.equivalence(canonical(a), canonical(b))

const url = (catalog: Catalog.Catalog, filter: Catalog.EndpointFilter) => getOrFail(Catalog.endpoint(catalog, filter))
const lifetimeMillis = (t: Token.Token) => Option.map(Token.lifetime(t), Duration.toMillis)
const expiry = (t: Token.Token) => Option.map(t.expiresAt, DateTime.toEpochMillis)

describe("recorded Keystone responses", () => {
  it("every file is accounted for, and every recording has its files", () => {
    const expected = ["README.md", "index.json"]
    for (const [name, r] of Object.entries(recordings)) {
      expected.push(`${name}.headers.txt`)
      if (r.body !== undefined) expected.push(`${name}.json`)
      if (r.request === "malformed") expected.push(`${name}.request.txt`)
      else if (r.request !== undefined) expected.push(`${name}.request.json`)
    }
    expect(listFiles(dir)).toEqual(expected.sort())
  })

  it("index.json lists the same recordings, with the status each headers file shows", () => {
    expect(index.map((r) => r.name).sort()).toEqual([...names].sort())
    for (const r of index) {
      const { statusLine } = headers(r.name)
      expect(statusLine).toBe(r.status_line)
      expect(statusLine).toMatch(new RegExp(`^HTTP/1\\.1 ${r.status} [A-Z ]+$`))
    }
  })

  it.each(names.filter((n) => recordings[n]!.body !== undefined))("%s.json decodes", (name) => {
    const kind = recordings[name]!.body!
    if (kind === "v3-token") {
      const t = recordedToken(name)
      const back = getOrFail(Schema.decodeUnknownEither(Token.TokenFromJson)(Schema.encodeSync(Token.TokenFromJson)(t)))
      expect(Token.equivalence(back, t)).toBe(true)
    } else {
      getOrFail(decoders[kind](body(name)), name)
    }
    if (kind === "error") expect(ErrorBody.decodeOption(body(name))?.error.code).toBe(entry(name).status)
  })

  it.each(names.filter((n) => recordings[n]!.request !== undefined))("%s request decodes", (name) => {
    const kind = recordings[name]!.request!
    if (kind === "malformed") {
      const text = readText(dir, `${name}.request.txt`)
      const r = Schema.decodeUnknownEither(Schema.parseJson(V3.AuthRequest))(text)
      expect(Either.isLeft(r) && ParseResult.isParseError(r.left)).toBe(true)
    } else {
      getOrFail(decoders[kind](readJson(dir, `${name}.request.json`)), name)
    }
  })

  describe("headers", () => {
    it("every response has a request id and Vary: X-Auth-Token", () => {
      for (const name of names) {
        const h = headers(name).headers
        expect(h.get("x-openstack-request-id")).toMatch(/^req-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/)
        if (name !== "versions" && name !== "version-v3") expect(h.get("vary")).toBe("X-Auth-Token")
      }
    })

    it("POST gives 201 CREATED and the new id in X-Subject-Token", () => {
      for (const r of index.filter((r) => r.method === "POST" && r.status === 201)) {
        expect(r.status_line).toBe("HTTP/1.1 201 CREATED")
        expect(headers(r.name).headers.get("x-subject-token")).toBe(`gAAAAAFAKE-TOKEN-${r.name}`)
      }
    })

    it("GET and HEAD on /v3/auth/tokens echo the subject token; DELETE gives 204 without", () => {
      for (const r of index.filter((r) => r.path.startsWith("/v3/auth/tokens") && r.method !== "POST" && r.status < 300)) {
        const h = headers(r.name).headers
        if (r.method === "DELETE") {
          expect(r.status).toBe(204)
          expect(h.has("x-subject-token")).toBe(false)
        } else {
          expect(r.status).toBe(200)
          expect(h.get("x-subject-token")).toBe(requestHeader(r.name, "X-Subject-Token"))
        }
      }
    })

    it("every 401 asks for Keystone auth at the /v3 endpoint", () => {
      const unauthorized = index.filter((r) => r.status === 401)
      expect(unauthorized.length).toBeGreaterThanOrEqual(8)
      for (const r of unauthorized) {
        expect(headers(r.name).headers.get("www-authenticate")).toBe(`Keystone uri="http://127.0.0.1:35357/v3"`)
      }
    })
  })

  describe("tokens", () => {
    const adminProject = recordedToken("issue-password-admin-project")

    it("password, project by name: scope, user, roles (with implied ones), times", () => {
      const t = adminProject
      expect(Redacted.value(t.id)).toBe("gAAAAAFAKE-TOKEN-issue-password-admin-project")
      expect(t.version).toBe("v3")
      expect(t.scope).toMatchObject({ _tag: "Project", name: "admin", domain: { id: "default", name: "Default" } })
      expect(t.user).toMatchObject({ name: "admin", domain: { id: "default", name: "Default" } })
      expect(t.roles.map((r) => r.name).sort()).toEqual(["admin", "member", "reader"])
      expect(t.methods).toEqual(["password"])
      expect(t.auditIds).toHaveLength(1)
      expect(lifetimeMillis(t)).toEqual(Option.some(3_600_000))
      const issued = Option.getOrThrow(t.issuedAt)
      expect(Token.isExpired(t, issued)).toBe(false)
      expect(Token.isExpired(t, DateTime.add(issued, { hours: 1 }))).toBe(true)
    })

    it("the catalog keystone-up.sh seeds, with endpoint lookups", () => {
      const { catalog } = adminProject
      const project = Token.projectId(adminProject)!
      expect(catalog.services.map((s) => [s.type, s.name, s.endpoints.length]).sort()).toEqual([
        ["compute", "nova", 6],
        ["identity", "keystone", 3],
        ["image", "glance", 2],
        ["object-store", "swift", 1]
      ])
      expect(url(catalog, { type: "identity" })).toBe("http://127.0.0.1:35357/v3")
      expect(url(catalog, { type: "compute" })).toBe("http://127.0.0.1:8774/v2.1")
      expect(url(catalog, { type: "compute", region: "RegionTwo" })).toBe("http://127.0.0.2:8774/v2.1")
      expect(url(catalog, { type: "compute", region: "RegionTwo", interface: "internal" })).toBe("http://127.0.0.2:18774/v2.1")
      expect(url(catalog, { type: "compute", region: "RegionOne", interface: "adminURL" })).toBe("http://127.0.0.1:28774/v2.1")
      // Keystone substituted $(project_id)s
      expect(url(catalog, { type: "object-store" })).toBe(`http://127.0.0.1:8080/v1/AUTH_${project}`)
      expect(url(catalog, { type: "image", interface: "internal" })).toBe("http://127.0.0.2:19292")
      const image = Catalog.endpoint(catalog, { type: "image", region: "RegionOne" })
      expect(Either.isLeft(image) && image.left.message).toContain("region RegionTwo")
      const swift = Catalog.endpoint(catalog, { type: "object-store", interface: "internal" })
      expect(Either.isLeft(swift) && swift.left.message).toContain("interface public")
    })

    it("project scopes by id, by name + domain name, and the default project", () => {
      const byId = recordedToken("issue-password-name-domain-project-id")
      expect(byId.scope).toMatchObject({ _tag: "Project", name: "demo", domain: { id: "default" } })
      expect(byId.user.name).toBe("demo")
      expect(byId.roles.map((r) => r.name).sort()).toEqual(["member", "reader"])
      const demo2 = recordedToken("issue-password-project-name-domain")
      expect(demo2.scope).toMatchObject({ _tag: "Project", name: "demo2", domain: { name: "demo-domain" } })
      const byDefault = recordedToken("issue-password-user-id-default-project")
      expect(byDefault.scope).toEqual(byId.scope)
      expect(url(demo2.catalog, { type: "object-store" })).toBe(`http://127.0.0.1:8080/v1/AUTH_${Token.projectId(demo2)}`)
    })

    it("unscoped: no roles, no catalog", () => {
      for (const name of ["issue-password-user-id-unscoped", "issue-password-explicit-unscoped", "validate-unscoped"]) {
        const t = recordedToken(name)
        expect(t.scope).toEqual({ _tag: "Unscoped" })
        expect(t.roles).toEqual([])
        expect(t.catalog).toEqual(Catalog.empty)
        expect(Token.projectId(t)).toBeUndefined()
      }
      expect(recordedToken("issue-password-user-id-unscoped").user).toMatchObject({ name: "other", domain: { name: "demo-domain" } })
    })

    it("domain-scoped: the catalog has swift without endpoints (its URL needs a project)", () => {
      for (const name of ["issue-password-domain-id", "issue-password-domain-name", "validate-domain"]) {
        const t = recordedToken(name)
        expect(t.scope).toEqual({ _tag: "Domain", id: "default", name: "Default" })
        const swift = Catalog.endpoint(t.catalog, { type: "object-store" })
        expect(Either.isLeft(swift) && swift.left.reasons).toEqual(["service swift: has no endpoints"])
        expect(url(t.catalog, { type: "compute" })).toBe("http://127.0.0.1:8774/v2.1")
      }
    })

    it("system-scoped", () => {
      for (const name of ["issue-password-system", "validate-system-self"]) {
        const t = recordedToken(name)
        expect(t.scope).toEqual({ _tag: "System", all: true })
        expect(t.user.name).toBe("admin")
        expect(t.roles.map((r) => r.name)).toContain("admin")
      }
    })

    it("nocatalog: scoped, but no catalog to look in", () => {
      for (const name of ["issue-password-project-nocatalog", "validate-project-nocatalog", "issue-token-rescope-domain-nocatalog"]) {
        const t = recordedToken(name)
        expect(t.scope._tag).not.toBe("Unscoped")
        expect(t.catalog).toEqual(Catalog.empty)
        const r = Catalog.endpoint(t.catalog, { type: "identity" })
        expect(Either.isLeft(r) && r.left.message).toContain("no service catalog")
      }
    })

    it("application credential: restricted, project-scoped, by id or by name", () => {
      const t = recordedToken("issue-appcred-id")
      expect(t.methods).toEqual(["application_credential"])
      expect(t.applicationCredential).toMatchObject({ name: "demo-appcred", restricted: true })
      expect(t.scope).toMatchObject({ _tag: "Project", name: "demo" })
      expect(t.roles.map((r) => r.name).sort()).toEqual(["member", "reader"])
      for (const name of ["issue-appcred-name-user-id", "issue-appcred-name-user-name-domain", "validate-appcred"]) {
        expect(recordedToken(name).applicationCredential).toEqual(t.applicationCredential)
      }
      const request = getOrFail(Schema.decodeUnknownEither(V3.AuthRequest)(readJson(dir, "issue-appcred-id.request.json")))
      expect(request.auth.identity.application_credential).toEqual({ id: t.applicationCredential!.id, secret: "FAKE-SECRET" })
    })

    it("rescoping keeps the parent's expiry and audit id, and adds the token method", () => {
      const parent = recordedToken("issue-password-explicit-unscoped")
      for (const name of ["issue-token-rescope-project", "issue-token-rescope-domain-nocatalog"]) {
        const t = recordedToken(name)
        // a set on Keystone's side: the order changes from one run to the next
        expect([...t.methods].sort()).toEqual(["password", "token"])
        expect(expiry(t)).toEqual(expiry(parent))
        expect(t.auditIds).toHaveLength(2)
        expect(t.auditIds[1]).toBe(parent.auditIds[0])
        const lifetime = Option.getOrThrow(lifetimeMillis(t))
        expect(lifetime).toBeGreaterThan(0)
        expect(lifetime).toBeLessThanOrEqual(3_600_000)
      }
      const request = getOrFail(Schema.decodeUnknownEither(V3.AuthRequest)(readJson(dir, "issue-token-rescope-project.request.json")))
      expect(request.auth.identity.token).toEqual({ id: Redacted.value(parent.id) })
    })

    it("validation returns the token that was issued", () => {
      const issued = recordedToken("issue-password-name-domain-project-id")
      const validated = recordedToken("validate-project")
      expect(sameToken(validated, issued)).toBe(true)
      expect(sameToken(recordedToken("validate-allow-expired"), issued)).toBe(true)
      const nocatalog = recordedToken("validate-project-nocatalog")
      expect(sameToken(nocatalog, new Token.Token({ ...issued, catalog: Catalog.empty }))).toBe(true)
      expect(sameToken(recordedToken("validate-unscoped"), recordedToken("issue-password-explicit-unscoped"))).toBe(true)
      expect(sameToken(recordedToken("validate-appcred"), recordedToken("issue-appcred-id"))).toBe(true)
      expect(sameToken(recordedToken("validate-domain"), recordedToken("issue-password-domain-id"))).toBe(true)
      expect(sameToken(recordedToken("validate-system-self"), recordedToken("issue-password-system"))).toBe(true)
      // and the ids differ, so equivalence is not vacuous
      expect(sameToken(validated, recordedToken("issue-password-user-id-default-project"))).toBe(false)
    })
  })

  describe("other responses", () => {
    it("GET /v3/auth/catalog is the project token's catalog", () => {
      const r = getOrFail(Schema.decodeUnknownEither(V3.CatalogResponse)(body("auth-catalog")))
      const fromToken = recordedToken("issue-password-name-domain-project-id").catalog
      expect(catalogRows(Catalog.fromV3(r.catalog))).toEqual(catalogRows(fromToken))
    })

    it("GET /v3/auth/projects lists demo and demo2, with the ids the tokens carry", () => {
      const r = getOrFail(Schema.decodeUnknownEither(V3.ProjectsResponse)(body("auth-projects")))
      const ids = Object.fromEntries(r.projects.map((p) => [p.name, p.id]))
      expect(Object.keys(ids).sort()).toEqual(["demo", "demo2"])
      expect(ids["demo"]).toBe(Token.projectId(recordedToken("issue-password-name-domain-project-id")))
      expect(ids["demo2"]).toBe(Token.projectId(recordedToken("issue-password-project-name-domain")))
    })

    it("GET /v3/auth/domains and /v3/auth/system", () => {
      const domains = getOrFail(Schema.decodeUnknownEither(V3.DomainsResponse)(body("auth-domains")))
      expect(domains.domains.map((d) => [d.id, d.name])).toEqual([["default", "Default"]])
      const decodeSystem = Schema.decodeUnknownEither(V3.SystemResponse)
      expect(getOrFail(decodeSystem(body("auth-system"))).system).toEqual([])
      expect(getOrFail(decodeSystem(body("auth-system-admin"))).system).toEqual([{ all: true }])
    })

    it("version discovery: GET / is 300 with the list, GET /v3 the one version", () => {
      const decode = Schema.decodeUnknownEither(V3.VersionsResponse)
      const all = getOrFail(decode(body("versions")))
      expect("versions" in all && all.versions.values.map((v) => v.id)).toEqual(["v3.14"])
      const one = getOrFail(decode(body("version-v3")))
      expect("version" in one && [one.version.id, one.version.status]).toEqual(["v3.14", "stable"])
      expect(entry("versions").status).toBe(300)
    })
  })

  describe("errors", () => {
    const message = (name: string) => ErrorBody.decodeOption(body(name))?.error.message

    it("401s hide the reason; the application credential scope error adds identity", () => {
      for (
        const name of [
          "error-401-wrong-password",
          "error-401-unknown-user",
          "error-401-appcred-wrong-secret",
          "error-401-project-not-member",
          "error-401-invalid-auth-token",
          "error-401-missing-auth-token",
          "error-401-revoked-auth-token"
        ]
      ) {
        expect(ErrorBody.decodeOption(body(name))?.error).toEqual({
          code: 401,
          title: "Unauthorized",
          message: "The request you have made requires authentication."
        })
      }
      const scoped = ErrorBody.decodeOption(body("error-401-appcred-with-scope"))
      expect(scoped?.error.identity).toEqual({})
      expect(scoped?.error.message).toContain("Application credentials cannot request a scope")
    })

    it("403 for a catalog asked with a token that is not project-scoped", () => {
      for (const name of ["error-403-catalog-unscoped", "error-403-catalog-system"]) {
        expect(ErrorBody.decodeOption(body(name))?.error.title).toBe("Forbidden")
      }
    })

    it("404 for a revoked or unreadable subject token", () => {
      expect(message("error-404-validate-revoked")).toBe("Failed to validate token")
      expect(message("error-404-validate-garbage")).toBe("Could not recognize Fernet token")
      expect(entry("error-404-check-head-revoked").status).toBe(404)
    })

    it("400s say what Keystone expected", () => {
      expect(message("error-400-malformed-json")).toMatch(/^Expecting to find valid JSON in request body\./)
      expect(message("error-400-missing-method-object")).toMatch(/^Expecting to find password in identity\./)
      expect(message("error-400-two-scopes")).toMatch(/^Expecting to find system, project, domain, OS-TRUST:trust or unscoped in scope\./)
    })
  })
})
