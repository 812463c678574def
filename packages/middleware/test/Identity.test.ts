import { describe, expect, it } from "@effect/vitest"
import { Token } from "@effect-keystone/schema"
import * as Either from "effect/Either"
import * as Redacted from "effect/Redacted"
import * as Headers from "../src/Headers.js"
import * as Identity from "../src/Identity.js"

const v3 = (extra: Record<string, unknown>) =>
  Either.getOrThrow(Token.decodeV3(Redacted.make("t"), {
    token: {
      methods: ["application_credential"],
      user: { id: "u1", name: "Łukasz", domain: { id: "default", name: "Default" } },
      audit_ids: ["a1"],
      expires_at: "2026-11-29T21:00:00.000000Z",
      issued_at: "2026-11-29T20:00:00.000000Z",
      roles: [{ id: "r1", name: "member" }],
      project: { id: "p1", name: "demo", domain: { id: "default", name: "Default" } },
      application_credential: { id: "ac1", name: "ci", restricted: true },
      ...extra
    }
  }))

describe("Identity and its headers", () => {
  it("is_admin_project from Keystone: false becomes X-Is-Admin-Project: False; absent means True", () => {
    const notAdmin = Identity.fromToken(v3({ is_admin_project: false }))
    expect(notAdmin.isAdminProject).toBe(false)
    expect(Headers.forIdentity({ ...notAdmin, service: null })["X-Is-Admin-Project"]).toBe("False")
    expect(Identity.fromToken(v3({})).isAdminProject).toBe(true)
  })

  it("application credential and trust are in the identity; toJson is plain JSON", () => {
    const identity = Identity.fromToken(v3({
      "OS-TRUST:trust": { id: "t1", impersonation: true, trustee_user: { id: "u1" }, trustor_user: { id: "u9" } }
    }))
    expect(identity.applicationCredential).toEqual({ id: "ac1", name: "ci", restricted: true })
    expect(identity.trust).toEqual({ id: "t1", impersonation: true, trusteeUserId: "u1", trustorUserId: "u9" })
    expect(identity.project?.id).toBe("p1")
    const json = Identity.toJson({ ...identity, service: null })
    expect(JSON.parse(JSON.stringify(json))).toMatchObject({
      user: { name: "Łukasz" },
      expiresAt: "2026-11-29T21:00:00.000Z",
      service: null
    })
  })

  it("a header value beyond Latin-1 is sent as its UTF-8 bytes (a fetch Headers accepts it)", () => {
    const set = Headers.forIdentity({ ...Identity.fromToken(v3({})), service: null })
    expect(set["X-User-Name"]).toBe("\u00c5\u0081ukasz")
    expect(() => new globalThis.Headers(set)).not.toThrow()
    expect(Buffer.from(set["X-User-Name"]!, "latin1").toString("utf8")).toBe("Łukasz")
  })
})
