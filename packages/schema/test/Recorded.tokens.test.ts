/**
 * The tokens recorded from a real Keystone (Zed) in fixtures/recorded (see
 * Recorded.test.ts): scopes, users, roles, catalogs, application
 * credentials, rescoping, and validation returning what was issued.
 */
import { describe, expect, it } from "@effect/vitest"
import { Catalog, Token, V3 } from "@effect-keystone/schema"
import { DateTime, Either, Option, Redacted, Schema } from "effect"
import { getOrFail, readJson } from "./support/fixtures.js"
import { dir, expiry, lifetimeMillis, recordedToken, sameToken, url } from "./support/recorded.js"

describe("recorded Keystone responses", () => {
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
})
