/**
 * Federated auth types from OS_* variables and clouds.yaml, with the keys
 * openstacksdk uses; and clouds.yaml's `regions:` list.
 */
import * as NodeContext from "@effect/platform-node/NodeContext"
import { describe, expect, it } from "@effect/vitest"
import { OpenStackConfig } from "@effect-keystone/client"
import * as CloudsYaml from "@effect-keystone/client/CloudsYaml"
import { ConfigProvider, Effect, Option, Redacted } from "effect"
import * as fs from "node:fs"
import * as os from "node:os"
import * as path from "node:path"

const fromEnv = (vars: Record<string, string>) =>
  Effect.withConfigProvider(OpenStackConfig.fromEnv, ConfigProvider.fromMap(new Map(Object.entries(vars))))

const federated = {
  OS_AUTH_URL: "https://keystone.example.com/v3",
  OS_IDENTITY_PROVIDER: "myidp",
  OS_PROTOCOL: "openid",
  OS_CLIENT_ID: "keystone",
  OS_CLIENT_SECRET: "client-secret-1",
  OS_DISCOVERY_ENDPOINT: "https://idp.example.com/.well-known/openid-configuration",
  OS_PROJECT_NAME: "demo",
  OS_PROJECT_DOMAIN_NAME: "Default"
}

describe("OpenStackConfig: federated auth types", () => {
  it.effect("v3oidcpassword from an RC file: the flow, the IdP, the scope; secrets redacted", () =>
    Effect.gen(function*() {
      const s = yield* fromEnv({ ...federated, OS_AUTH_TYPE: "v3oidcpassword", OS_USERNAME: "alice", OS_PASSWORD: "pw-1", OS_OPENID_SCOPE: "openid groups" })
      const c = s.auth.credentials
      expect(c).toMatchObject({ _tag: "OpenIdConnect", identityProvider: "myidp", protocol: "openid" })
      if (c._tag !== "OpenIdConnect" || c.flow._tag !== "Password") throw new Error("not the password flow")
      expect(c.flow.username).toBe("alice")
      expect(Redacted.value(c.flow.password)).toBe("pw-1")
      expect(Redacted.value(c.flow.client.clientSecret!)).toBe("client-secret-1")
      expect(c.flow.client).toMatchObject({ clientId: "keystone", scope: "openid groups", accessTokenType: "access_token" })
      expect(s.auth.scope).toMatchObject({ _tag: "Project", name: "demo", domain: { name: "Default" } })
      expect(JSON.stringify(s)).not.toContain("client-secret-1")
      expect(JSON.stringify(s)).not.toContain("pw-1")
    }))

  it.effect("each flow by its keystoneauth1 name", () =>
    Effect.gen(function*() {
      const flow = (vars: Record<string, string>) =>
        Effect.map(fromEnv({ ...federated, ...vars }), (s) => s.auth.credentials._tag === "OpenIdConnect" ? s.auth.credentials.flow._tag : "none")
      expect(yield* flow({ OS_AUTH_TYPE: "v3oidcclientcredentials" })).toBe("ClientCredentials")
      expect(yield* flow({ OS_AUTH_TYPE: "v3oidcauthcode", OS_CODE: "c0de", OS_REDIRECT_URI: "https://app/cb" })).toBe("AuthorizationCode")
      expect(yield* flow({ OS_AUTH_TYPE: "v3oidcdeviceauthz" })).toBe("DeviceAuthorization")
      expect(yield* flow({ OS_AUTH_TYPE: "v3oidcaccesstoken", OS_ACCESS_TOKEN: "at-1" })).toBe("AccessToken")
    }))

  it.effect("what is missing or wrong is a ConfigError naming the variable", () =>
    Effect.gen(function*() {
      const error = (vars: Record<string, string>) => Effect.map(Effect.flip(fromEnv(vars)), String)
      expect(yield* error({ ...federated, OS_AUTH_TYPE: "v3oidcpassword", OS_USERNAME: "alice" })).toContain("OS_PASSWORD")
      const { OS_DISCOVERY_ENDPOINT: _, ...noIdp } = federated
      expect(yield* error({ ...noIdp, OS_AUTH_TYPE: "v3oidcclientcredentials" })).toContain("OS_DISCOVERY_ENDPOINT or OS_ACCESS_TOKEN_ENDPOINT")
      expect(yield* error({ ...federated, OS_AUTH_TYPE: "v3oidcauthcode", OS_CODE: "c" })).toContain("OS_REDIRECT_URI")
      expect(yield* error({ ...federated, OS_AUTH_TYPE: "v3oidcclientcredentials", OS_ACCESS_TOKEN_TYPE: "saml" })).toContain("OS_ACCESS_TOKEN_TYPE")
      expect(yield* error({ ...federated, OS_AUTH_TYPE: "v3oidcpassword", OS_IDENTITY_API_VERSION: "2.0", OS_USERNAME: "a", OS_PASSWORD: "p" })).toContain("Identity v3")
      expect(yield* error({ ...federated, OS_AUTH_TYPE: "v3samlpassword" })).toContain("v3oidcpassword")
    }))
})

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ek-regions-"))
const clouds = path.join(dir, "clouds.yaml")
fs.writeFileSync(clouds, `
clouds:
  fed:
    auth_type: v3oidcclientcredentials
    auth:
      auth_url: https://keystone.example.com/v3
      identity_provider: myidp
      protocol: openid
      client_id: keystone
      client_secret: s3cret
      access_token_endpoint: https://idp.example.com/token
      project_id: p1
  multi:
    auth:
      auth_url: https://keystone.example.com/v3
      user_id: u1
      password: pw
    regions:
      - RegionOne
      - name: RegionTwo
        values:
          interface: internal
  bad:
    auth:
      auth_url: https://keystone.example.com/v3
      user_id: u1
      password: pw
    regions: RegionOne
`)
/** OS_CLOUD=name, with `vars` set alongside (they override the cloud's values). */
const inCloud = (name: string, vars: Record<string, string> = {}) =>
  CloudsYaml.load.pipe(
    Effect.withConfigProvider(ConfigProvider.fromMap(new Map(Object.entries({ OS_CLOUD: name, OS_CLIENT_CONFIG_FILE: clouds, HOME: dir, ...vars })))),
    Effect.provide(NodeContext.layer)
  )

describe("CloudsYaml: federation and regions", () => {
  it.effect("auth_type v3oidcclientcredentials with auth: keys", () =>
    Effect.gen(function*() {
      const s = yield* inCloud("fed")
      expect(s.auth.credentials).toMatchObject({ _tag: "OpenIdConnect", flow: { _tag: "ClientCredentials", client: { accessTokenEndpoint: "https://idp.example.com/token" } } })
    }))

  it.effect("regions: the first by default, the one named by OS_REGION_NAME with its values, an unknown one refused", () =>
    Effect.gen(function*() {
      const first = yield* inCloud("multi")
      expect(Option.getOrNull(first.region)).toBe("RegionOne")
      expect(first.interface).toBe("public")
      const second = yield* inCloud("multi", { OS_REGION_NAME: "RegionTwo" })
      expect(Option.getOrNull(second.region)).toBe("RegionTwo")
      expect(second.interface).toBe("internal")
      expect(String(yield* Effect.flip(inCloud("multi", { OS_REGION_NAME: "RegionNine" })))).toContain("region RegionNine is not in the cloud's regions (RegionOne, RegionTwo)")
      expect(String(yield* Effect.flip(inCloud("bad")))).toContain("regions must be a list")
    }))
})
