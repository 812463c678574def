/**
 * Responses recorded from a real Keystone (Zed) by scripts/record-fixtures.sh
 * into fixtures/recorded (see its README.md). Ids and times change with every
 * re-recording, so these tests check names, shapes and cross-references, not
 * ids. Every file there must be accounted for in `recordings`
 * (support/recorded.ts). The tokens are checked in Recorded.tokens.test.ts.
 */
import { describe, expect, it } from "@effect/vitest"
import { Catalog, ErrorBody, Token, V3 } from "@effect-keystone/schema"
import { Either, ParseResult, Schema } from "effect"
import { catalogRows, decoders, getOrFail, listFiles, readJson, readText } from "./support/fixtures.js"
import { body, dir, entry, headers, index, names, recordedToken, recordings, requestHeader } from "./support/recorded.js"
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
