import { describe, expect, it } from "@effect/vitest"
import { OpenStackConfig } from "@effect-keystone/client"
import { ConfigProvider, Effect, Either, Option, Redacted } from "effect"
import * as util from "node:util"

const fromMap = (vars: Record<string, string>) =>
  Effect.withConfigProvider(OpenStackConfig.fromEnv, ConfigProvider.fromMap(new Map(Object.entries(vars))))

const failure = (vars: Record<string, string>) =>
  Effect.flip(fromMap(vars)).pipe(Effect.map((e) => String(e)))

const rc = {
  OS_AUTH_URL: "https://keystone.example.com/v3",
  OS_USERNAME: "demo",
  OS_PASSWORD: "s3cret-pw",
  OS_USER_DOMAIN_NAME: "Default",
  OS_PROJECT_NAME: "demo",
  OS_PROJECT_DOMAIN_ID: "default",
  OS_REGION_NAME: "RegionOne",
  OS_IDENTITY_API_VERSION: "3"
}

describe("OpenStackConfig.fromEnv", () => {
  it.effect("reads a typical v3 RC file", () =>
    Effect.gen(function*() {
      const s = yield* fromMap(rc)
      expect(s.authUrl).toBe("https://keystone.example.com/v3")
      expect(s.version).toBe("v3")
      expect(s.interface).toBe("public")
      expect(Option.getOrNull(s.region)).toBe("RegionOne")
      expect(s.tls.insecure).toBe(false)
      const c = s.auth.credentials
      expect(c._tag).toBe("Password")
      if (c._tag !== "Password") return
      expect(c.user).toEqual({ name: "demo", domain: { name: "Default" } })
      expect(Redacted.isRedacted(c.password)).toBe(true)
      expect(Redacted.value(c.password)).toBe("s3cret-pw")
      expect(s.auth.scope).toEqual({ _tag: "Project", name: "demo", domain: { id: "default" } })
      expect(util.inspect(s, { depth: 10 })).not.toContain("s3cret-pw")
      expect(JSON.stringify(s)).not.toContain("s3cret-pw")
    }))

  it.effect("application credentials, token, TOTP and system scope", () =>
    Effect.gen(function*() {
      const app = yield* fromMap({
        OS_AUTH_URL: "http://k/v3",
        OS_AUTH_TYPE: "v3applicationcredential",
        OS_APPLICATION_CREDENTIAL_ID: "ac1",
        OS_APPLICATION_CREDENTIAL_SECRET: "shh"
      })
      expect(app.auth.credentials).toMatchObject({ _tag: "ApplicationCredential", ref: { id: "ac1" } })
      expect(app.auth.scope).toBeUndefined()
      const tok = yield* fromMap({ OS_AUTH_URL: "http://k/v3", OS_AUTH_TYPE: "token", OS_TOKEN: "tok", OS_PROJECT_ID: "p1" })
      expect(tok.auth.credentials._tag).toBe("ExistingToken")
      expect(tok.auth.scope).toEqual({ _tag: "Project", id: "p1" })
      const totp = yield* fromMap({ OS_AUTH_URL: "http://k/v3", OS_AUTH_TYPE: "v3totp", OS_USER_ID: "u1", OS_PASSCODE: "123456" })
      expect(totp.auth.credentials).toMatchObject({ _tag: "Totp", user: { id: "u1" } })
      const sys = yield* fromMap({ OS_AUTH_URL: "http://k/v3", OS_USER_ID: "u1", OS_PASSWORD: "p", OS_SYSTEM_SCOPE: "all" })
      expect(sys.auth.scope).toEqual({ _tag: "System" })
      const dom = yield* fromMap({ OS_AUTH_URL: "http://k/v3", OS_USER_ID: "u1", OS_PASSWORD: "p", OS_DOMAIN_NAME: "d" })
      expect(dom.auth.scope).toEqual({ _tag: "Domain", name: "d" })
    }))

  it.effect("v2.0 with tenants", () =>
    Effect.gen(function*() {
      const s = yield* fromMap({
        OS_AUTH_URL: "http://k:5000/v2.0",
        OS_USERNAME: "demo",
        OS_PASSWORD: "p",
        OS_TENANT_NAME: "demo"
      })
      expect(s.version).toBe("v2.0")
      expect(s.auth.scope).toEqual({ _tag: "Tenant", name: "demo" })
      const byId = yield* fromMap({ OS_AUTH_URL: "http://k/v2.0", OS_USERNAME: "demo", OS_PASSWORD: "p", OS_TENANT_ID: "t1" })
      expect(byId.auth.scope).toEqual({ _tag: "Project", id: "t1" })
    }))

  it.effect("a missing or contradictory setting names the variable", () =>
    Effect.gen(function*() {
      expect(yield* failure({})).toContain("OS_AUTH_URL")
      expect(yield* failure({ OS_AUTH_URL: "http://k/v3", OS_USERNAME: "demo" })).toContain("OS_PASSWORD")
      expect(yield* failure({ OS_AUTH_URL: "http://k/v3", OS_USERNAME: "demo", OS_PASSWORD: "p" })).toContain("OS_USER_DOMAIN_NAME")
      expect(yield* failure({ ...rc, OS_DOMAIN_ID: "d" })).toMatch(/OS_PROJECT_NAME and OS_DOMAIN_ID/)
      expect(yield* failure({ ...rc, OS_PROJECT_DOMAIN_ID: "", OS_USER_DOMAIN_NAME: "", OS_USER_ID: "u" })).toContain("OS_PROJECT_DOMAIN_NAME")
      expect(yield* failure({ OS_AUTH_URL: "http://k/v3", OS_APPLICATION_CREDENTIAL_ID: "a", OS_APPLICATION_CREDENTIAL_SECRET: "s", OS_PROJECT_ID: "p" }))
        .toContain("OS_PROJECT_ID")
      expect(yield* failure({ ...rc, OS_IDENTITY_API_VERSION: "4" })).toContain("OS_IDENTITY_API_VERSION")
      expect(yield* failure({ ...rc, OS_INTERFACE: "private" })).toContain("OS_INTERFACE")
      expect(yield* failure({ ...rc, OS_AUTH_TYPE: "saml" })).toContain("OS_AUTH_TYPE")
      const secretFree = yield* failure({ ...rc, OS_DOMAIN_ID: "d" })
      expect(secretFree).not.toContain("s3cret-pw")
    }))

  it.effect("TLS settings and OS_INSECURE", () =>
    Effect.gen(function*() {
      const s = yield* fromMap({ ...rc, OS_CACERT: "/ca.pem", OS_CERT: "/c.pem", OS_KEY: "/k.pem", OS_INSECURE: "true", OS_INTERFACE: "internalURL" })
      expect(s.tls).toEqual({ caCert: "/ca.pem", cert: "/c.pem", key: "/k.pem", insecure: true })
      expect(s.interface).toBe("internal")
    }))
})

describe("OpenStackConfig.resolve", () => {
  it("is pure and typed", () => {
    const r = OpenStackConfig.resolve({ values: { auth_url: "ftp://x" }, name: OpenStackConfig.envName })
    expect(Either.isLeft(r)).toBe(true)
  })
})
