/**
 * Federated logins end to end: a real OpenID provider (oidc-provider), the
 * claims proxy in place of mod_auth_openidc, and the real Keystone of
 * `scripts/keystone-up.sh` with an identity provider, a mapping (sub → user,
 * group cloud-users → member on fedproject) and the openid protocol. Each
 * flow ends with a project-scoped token that Keystone itself validates.
 */
import { NodeHttpClient } from "@effect/platform-node"
import { AuthScope, Credentials, KeystoneClient } from "@effect-keystone/client"
import type { Auth, KeystoneError } from "@effect-keystone/client"
import { describe, expect, it } from "@effect/vitest"
import * as Clock from "effect/Clock"
import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Redacted from "effect/Redacted"
import * as Idp from "../../../scripts/federation/idp.js"
import * as KeystoneFederation from "../../../scripts/federation/keystone.js"
import * as Stack from "../../../scripts/federation/stack.js"
import * as KeystoneEnv from "../../../scripts/keystone-env.js"

const env = KeystoneEnv.load()
const need = KeystoneEnv.need(env)
const keystone = need("KS_BASE_URL")
const adminPassword = need("KS_ADMIN_PASSWORD")

class Federated extends Context.Tag("Federated")<Federated, Stack.Stack>() {}

const StackLive = Layer.scoped(
  Federated,
  Effect.acquireRelease(Effect.promise(() => Stack.up({ keystone, adminPassword })), (s) => Effect.promise(s.close))
)

const ClientLive = Layer.effect(
  KeystoneClient.KeystoneClient,
  Effect.flatMap(Federated, (s) => KeystoneClient.make({ authUrl: s.authUrl }))
).pipe(Layer.provideMerge(StackLive), Layer.provide(NodeHttpClient.layerUndici))

const project = AuthScope.project({ name: KeystoneFederation.names.project, domain: { name: KeystoneFederation.names.domain } })

const idpOptions = (s: Stack.Stack, c: { readonly id: string; readonly secret: string }) => ({
  identityProvider: KeystoneFederation.names.identityProvider,
  protocol: KeystoneFederation.names.protocol,
  clientId: c.id,
  clientSecret: Redacted.make(c.secret),
  discoveryEndpoint: s.idp.discoveryUrl,
  openidScope: "openid profile email groups"
})

/** Keystone's own view of a token (validated with an admin token, not through our client's cache). */
const keystoneSays = (id: Redacted.Redacted<string>) =>
  Effect.promise(async () => {
    const admin = await Stack.adminToken(keystone, adminPassword)
    const response = await fetch(`${keystone}/v3/auth/tokens`, {
      headers: { "x-auth-token": admin, "x-subject-token": Redacted.value(id), connection: "close" }
    })
    return { status: response.status, body: await response.json() as { token: { user: { name: string }; project?: { name: string }; roles?: Array<{ name: string }>; methods: Array<string> } } }
  })

const expectProjectToken = (auth: Auth.Auth, user: string) =>
  Effect.gen(function*() {
    const client = yield* KeystoneClient.KeystoneClient
    const token = yield* client.issue(auth)
    const seen = yield* keystoneSays(token.id)
    expect(seen.status).toBe(200)
    expect(seen.body.token.user.name).toBe(user)
    expect(seen.body.token.project?.name).toBe(KeystoneFederation.names.project)
    expect(seen.body.token.roles?.map((r) => r.name)).toContain(KeystoneFederation.names.role)
    return token
  })

describe("federated logins against a real IdP and a real Keystone", () => {
  it.layer(ClientLive, { timeout: 60_000 })((it) => {
    it.effect("v3oidcpassword: a project-scoped token with the mapped role", () =>
      Effect.gen(function*() {
        const s = yield* Federated
        const token = yield* expectProjectToken({
          credentials: Credentials.oidcPassword({ ...idpOptions(s, Idp.clients.password), username: "alice", password: Redacted.make("alice-password") }),
          scope: project
        }, "alice")
        expect(token.methods).toContain("token")
      }))

    it.effect("v3oidcclientcredentials: the OAuth client is the federated user", () =>
      Effect.gen(function*() {
        const s = yield* Federated
        yield* expectProjectToken({ credentials: Credentials.oidcClientCredentials(idpOptions(s, Idp.clients.clientCredentials)), scope: project }, Idp.clients.clientCredentials.id)
      }))

    it.effect("v3oidcauthcode: the code a browser brought back", () =>
      Effect.gen(function*() {
        const s = yield* Federated
        const code = yield* Effect.promise(() => s.idp.authorize("alice", { scope: "openid profile email groups" }))
        yield* expectProjectToken({
          credentials: Credentials.oidcAuthorizationCode({
            ...idpOptions(s, Idp.clients.authorizationCode),
            code: Redacted.make(code),
            redirectUri: Idp.clients.authorizationCode.redirectUri
          }),
          scope: project
        }, "alice")
      }))

    it.effect("v3oidcdeviceauthz: the user approves the code they were shown", () =>
      Effect.gen(function*() {
        const s = yield* Federated
        const shown: Array<Credentials.DevicePrompt> = []
        yield* expectProjectToken({
          credentials: Credentials.oidcDeviceAuthorization({
            ...idpOptions(s, Idp.clients.device),
            onPrompt: (prompt) =>
              Effect.promise(async () => {
                shown.push(prompt)
                await s.idp.approveDevice(prompt.userCode, "alice")
              })
          }),
          scope: project
        }, "alice")
        expect(shown).toHaveLength(1)
        expect(shown[0]!.verificationUri).toBe(`${s.idp.issuer}/device`)
      }).pipe(Effect.withClock(Clock.make())), { timeout: 30_000 }) // the IdP's 5-second polling interval, in real time

    it.effect("v3oidcaccesstoken: an access token the app holds; unscoped when no scope is asked", () =>
      Effect.gen(function*() {
        const s = yield* Federated
        const client = yield* KeystoneClient.KeystoneClient
        const accessToken = yield* Effect.promise(() => passwordGrant(s, "alice", "alice-password"))
        const token = yield* client.issue({
          credentials: Credentials.oidcAccessToken({ identityProvider: "testidp", protocol: "openid", accessToken: Redacted.make(accessToken) })
        })
        expect(token.methods).toEqual(["openid"])
        const seen = yield* keystoneSays(token.id)
        expect(seen.body.token.project).toBeUndefined()
        expect(seen.body.token.user.name).toBe("alice")
      }))

    it.effect("refusals are typed: wrong client secret, wrong password, a revoked IdP token, a user the mapping does not admit", () =>
      Effect.gen(function*() {
        const s = yield* Federated
        const client = yield* KeystoneClient.KeystoneClient
        const flip = (auth: Auth.Auth) => Effect.flip(client.issue(auth))
        const badSecret = yield* flip({
          credentials: Credentials.oidcPassword({ ...idpOptions(s, { id: Idp.clients.password.id, secret: "wrong-client-secret-42" }), username: "alice", password: Redacted.make("alice-password") }),
          scope: project
        })
        expect(badSecret).toMatchObject({ _tag: "IdentityProviderError", error: "invalid_client" })
        const badPassword = yield* flip({
          credentials: Credentials.oidcPassword({ ...idpOptions(s, Idp.clients.password), username: "alice", password: Redacted.make("wrong-password-42") }),
          scope: project
        })
        expect(badPassword).toMatchObject({ _tag: "IdentityProviderError", error: "invalid_grant" })
        for (const e of [badSecret, badPassword]) {
          const text = JSON.stringify(e) + String(e)
          expect(text).not.toContain("wrong-client-secret-42")
          expect(text).not.toContain("wrong-password-42")
        }
        const accessToken = yield* Effect.promise(() => passwordGrant(s, "alice", "alice-password"))
        yield* Effect.promise(() => s.idp.revokeGrants("alice"))
        const revoked: KeystoneError.KeystoneError = yield* flip({
          credentials: Credentials.oidcAccessToken({ identityProvider: "testidp", protocol: "openid", accessToken: Redacted.make(accessToken) })
        })
        expect(revoked._tag).toBe("Unauthorized")
        expect(JSON.stringify(revoked)).not.toContain(accessToken)
        const outsider = yield* flip({
          credentials: Credentials.oidcPassword({ ...idpOptions(s, Idp.clients.password), username: "mallory", password: Redacted.make("mallory-password") }),
          scope: project
        })
        expect(outsider._tag).toBe("Unauthorized")
      }))
  })
})

const passwordGrant = async (s: Stack.Stack, username: string, password: string): Promise<string> => {
  const response = await fetch(`${s.idp.issuer}/token`, {
    method: "POST",
    headers: {
      authorization: `Basic ${btoa(`${Idp.clients.password.id}:${Idp.clients.password.secret}`)}`,
      "content-type": "application/x-www-form-urlencoded"
    },
    body: new URLSearchParams({ grant_type: "password", username, password, scope: "openid profile email groups" })
  })
  return ((await response.json()) as { access_token: string }).access_token
}
