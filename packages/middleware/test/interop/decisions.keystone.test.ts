/**
 * Interop with the REAL keystonemiddleware: the same tokens, issued by the
 * real Keystone, sent to keystonemiddleware's `auth_token` in front of a
 * WSGI app (`bash scripts/keystonemiddleware-up.sh`) and to our middleware in
 * front of a Node app; both must reach the same decision and hand the app
 * the same identity headers. Run with `npm run test:keystone`.
 */
import { describe, expect, it } from "@effect/vitest"
import { keystonemiddleware, ks, revoke, shortLivedToken, tokens, waitUntil } from "./keystone.js"
import { agree, useOurs, view } from "./support.js"

const ours = useOurs("decisions")

const CONFIRMED = "Confirmed"

describe(`the same decisions and headers as keystonemiddleware (${ks.ksmUrl})`, () => {
  it("valid tokens of every scope: project, domain, unscoped, system, admin project, application credential", async () => {
    const kinds = ["project", "domain", "unscoped", "system", "admin", "appCred"] as const
    for (const kind of kinds) {
      const token = await tokens[kind]()
      const seen = await agree(ours, "strict", { "x-auth-token": token })
      expect(seen.status, kind).toBe(200)
      expect(seen.headers!["x-identity-status"], kind).toBe(CONFIRMED)
    }
    const system = await agree(ours, "strict", { "x-auth-token": await tokens.system() })
    expect(system.headers!["openstack-system-scope"]).toBe("all")
    const domain = await agree(ours, "strict", { "x-auth-token": await tokens.domain() })
    expect(domain.headers!["x-domain-id"]).toBe("default")
  })

  it("no token, garbage, a token padded with spaces, X-Storage-Token: refused, or forwarded as Invalid", async () => {
    const token = await tokens.project()
    const cases: Array<Record<string, string>> = [
      {},
      { "x-auth-token": "garbage" },
      { "x-auth-token": `  ${token}  ` },
      { "x-storage-token": token }
    ]
    for (const headers of cases) {
      await agree(ours, "strict", headers)
      await agree(ours, "delay", headers)
    }
    const refused = await agree(ours, "strict", { "x-auth-token": "garbage" })
    expect(refused.status).toBe(401)
    expect(refused.wwwAuthenticate).toBe(`Keystone uri="${ks.authUrl}"`)
    expect((await agree(ours, "delay", {})).headers!["x-identity-status"]).toBe("Invalid")
  })

  it("a revoked token (never seen before): refused", async () => {
    const token = await tokens.project()
    await revoke(token)
    expect((await agree(ours, "strict", { "x-auth-token": token })).status).toBe(401)
    expect((await agree(ours, "delay", { "x-auth-token": token })).headers!["x-identity-status"]).toBe("Invalid")
  })

  it("service tokens with a valid user token: with the service role, without it, garbage; strict, lenient, delayed", async () => {
    const user = await tokens.project()
    const service = await tokens.service()
    const noRole = await tokens.project()
    for (const mount of ["strict", "lenient", "delay"] as const) {
      const withRole = await agree(ours, mount, { "x-auth-token": user, "x-service-token": service })
      expect(withRole.headers!["x-service-identity-status"]).toBe(CONFIRMED)
      expect(withRole.headers!["x-service-user-name"]).toBe(ks.service.username)
      await agree(ours, mount, { "x-auth-token": user, "x-service-token": noRole })
      await agree(ours, mount, { "x-auth-token": user, "x-service-token": "garbage" })
    }
    expect((await agree(ours, "strict", { "x-auth-token": user, "x-service-token": noRole })).status).toBe(401)
    // keystonemiddleware's backwards-compatible default: any valid token passes as a service token
    expect((await agree(ours, "lenient", { "x-auth-token": user, "x-service-token": noRole })).status).toBe(200)
  })

  it("an expired user token: refused alone; accepted with a service token holding the service role (allow_expired)", async () => {
    const { expiresAt, token } = await shortLivedToken(4)
    const service = await tokens.service()
    const noRole = await tokens.project()
    // seen while valid by both, so both have it cached when it expires
    expect((await agree(ours, "strict", { "x-auth-token": token })).status).toBe(200)
    await waitUntil(expiresAt)
    for (const mount of ["strict", "lenient", "delay"] as const) {
      await agree(ours, mount, { "x-auth-token": token })
      const accepted = await agree(ours, mount, { "x-auth-token": token, "x-service-token": service })
      expect(accepted.status, mount).toBe(200)
      expect(accepted.headers!["x-identity-status"], mount).toBe(CONFIRMED)
      await agree(ours, mount, { "x-auth-token": token, "x-service-token": noRole })
    }
    expect((await agree(ours, "lenient", { "x-auth-token": token, "x-service-token": noRole })).status).toBe(401)
  })

  it("an expired user token never seen before, with a service token: validated with allow_expired by both", async () => {
    const { expiresAt, token } = await shortLivedToken(3)
    await waitUntil(expiresAt)
    const service = await tokens.service()
    const accepted = await agree(ours, "strict", { "x-auth-token": token, "x-service-token": service })
    expect(accepted.status).toBe(200)
    expect((await agree(ours, "strict", { "x-auth-token": token })).status).toBe(401)
  })

  it("spoofed identity headers are replaced or removed, whatever the token", async () => {
    const spoofed = {
      "x-identity-status": CONFIRMED,
      "x-service-identity-status": CONFIRMED,
      "x-user-id": "spoofed-user",
      "x-user-name": "admin",
      "x-roles": "admin",
      "x-role": "admin",
      "x-project-id": "spoofed-project",
      "x-tenant-id": "spoofed-project",
      "x-domain-id": "spoofed-domain",
      "x-is-admin-project": "True",
      "x-service-roles": "service",
      "x-service-user-id": "spoofed-service",
      "x-service-catalog": "[]"
    }
    const valid = await agree(ours, "strict", { ...spoofed, "x-auth-token": await tokens.project() })
    expect(valid.headers!["x-user-id"]).toBe(ks.demoUserId)
    expect(valid.headers!["x-domain-id"]).toBeUndefined()
    const invalid = await agree(ours, "delay", { ...spoofed, "x-auth-token": "garbage" })
    expect(invalid.headers).toEqual({ "x-identity-status": "Invalid" })
  })

  it("OpenStack-System-Scope: keystonemiddleware lets a planted one through with an invalid token; we never do", async () => {
    const planted = { "openstack-system-scope": "all", "x-auth-token": "garbage" }
    const theirs = view(await keystonemiddleware("delay", planted))
    const mine = view(await ours("delay", planted))
    expect(theirs.headers).toEqual({ "x-identity-status": "Invalid", "openstack-system-scope": "all" })
    expect(mine.headers).toEqual({ "x-identity-status": "Invalid" })
    // with a valid token both overwrite it (keystonemiddleware clears it for a non-system token)
    const valid = await agree(ours, "delay", { ...planted, "x-auth-token": await tokens.project() })
    expect(valid.headers!["openstack-system-scope"]).toBeUndefined()
  })
})
