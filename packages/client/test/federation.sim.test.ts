/**
 * Federated logins end to end in `npm test`: the identity provider is the
 * real OpenID provider of scripts/federation/idp.ts, Keystone's side is
 * KeystoneSim, trusting the IdP as the real stack does (scripts/federation/
 * sim.ts: introspection, then keystone.ts's mapping). Each of keystoneauth1's
 * five flows ends in a project-scoped token with the mapped role; Keystone's
 * own OAuth 2.0 grant ends in a bearer token the simulator accepts.
 */
import { NodeHttpClient } from "@effect/platform-node"
import { AuthScope, Credentials, KeystoneClient } from "@effect-keystone/client"
import type { Auth } from "@effect-keystone/client"
import { describe, expect, it } from "@effect/vitest"
import { KeystoneSim } from "@effect-keystone/testing"
import * as KeystoneSimNode from "@effect-keystone/testing/Node"
import * as Effect from "effect/Effect"
import * as Option from "effect/Option"
import * as Redacted from "effect/Redacted"
import * as Idp from "../../../scripts/federation/idp.js"
import * as SimFederation from "../../../scripts/federation/sim.js"

const { AppCred, Demo, Federated } = KeystoneSim

/** The IdP and the simulator on loopback, the simulator trusting the IdP, and a client of the simulator. */
const setup = Effect.gen(function*() {
  const idp = yield* Effect.acquireRelease(Effect.promise(() => Idp.start()), (i) => Effect.promise(i.close))
  const sim = yield* KeystoneSimNode.serve()
  yield* SimFederation.trust(sim, idp)
  const client = yield* KeystoneClient.make({ authUrl: sim.authUrl })
  return { idp, sim, client }
})

type Setup = Effect.Effect.Success<typeof setup>

const project = AuthScope.project({ name: Federated.projectName, domain: { name: Federated.domainName } })

const idpOptions = (s: Setup, c: { readonly id: string; readonly secret: string }) => ({
  identityProvider: Federated.identityProvider,
  protocol: Federated.protocol,
  clientId: c.id,
  clientSecret: Redacted.make(c.secret),
  discoveryEndpoint: s.idp.discoveryUrl,
  openidScope: "openid profile email groups"
})

/** Issues, then asks the simulator itself (an admin's validation, not the client's cache) what the token is. */
const expectProjectToken = (s: Setup, auth: Auth.Auth, user: string) =>
  Effect.gen(function*() {
    const token = yield* s.client.issue(auth)
    const seen = yield* s.client.validate(token.id)
    expect(seen.user.name).toBe(user)
    expect(seen.user.domain).toEqual({ id: Federated.domainId, name: Federated.domainName })
    expect(seen.scope).toMatchObject({ _tag: "Project", id: Federated.projectId, name: Federated.projectName })
    expect(seen.roles.map((r) => r.name)).toContain(Federated.roleName)
    expect([...seen.methods].sort()).toEqual(["openid", "token"])
    return token
  })

/** An access token from the IdP's password grant, as an app that holds one would have it. */
const passwordGrant = (s: Setup, username: string, password: string) =>
  Effect.promise(async () => {
    const response = await fetch(`${s.idp.issuer}/token`, {
      method: "POST",
      headers: {
        authorization: `Basic ${btoa(`${Idp.clients.password.id}:${Idp.clients.password.secret}`)}`,
        "content-type": "application/x-www-form-urlencoded"
      },
      body: new URLSearchParams({ grant_type: "password", username, password, scope: "openid profile email groups" })
    })
    return ((await response.json()) as { access_token: string }).access_token
  })

const login = "POST /v3/OS-FEDERATION/identity_providers/{idp}/protocols/{protocol}/auth"

describe("federated logins: real IdP, KeystoneSim", () => {
  it.scopedLive("v3oidcpassword: a project-scoped token with the mapped role", () =>
    Effect.gen(function*() {
      const s = yield* setup
      yield* expectProjectToken(s, {
        credentials: Credentials.oidcPassword({ ...idpOptions(s, Idp.clients.password), username: "alice", password: Redacted.make("alice-password") }),
        scope: project
      }, "alice")
      expect(s.idp.issued("password")).toBe(1)
      expect(yield* s.sim.count(login)).toBe(1)
    }).pipe(Effect.provide(NodeHttpClient.layerUndici)))

  it.scopedLive("v3oidcclientcredentials: the OAuth client is the federated user", () =>
    Effect.gen(function*() {
      const s = yield* setup
      yield* expectProjectToken(s, { credentials: Credentials.oidcClientCredentials(idpOptions(s, Idp.clients.clientCredentials)), scope: project }, Idp.clients.clientCredentials.id)
    }).pipe(Effect.provide(NodeHttpClient.layerUndici)))

  it.scopedLive("v3oidcauthcode: the code a browser brought back", () =>
    Effect.gen(function*() {
      const s = yield* setup
      const code = yield* Effect.promise(() => s.idp.authorize("alice", { scope: "openid profile email groups" }))
      yield* expectProjectToken(s, {
        credentials: Credentials.oidcAuthorizationCode({
          ...idpOptions(s, Idp.clients.authorizationCode),
          code: Redacted.make(code),
          redirectUri: Idp.clients.authorizationCode.redirectUri
        }),
        scope: project
      }, "alice")
    }).pipe(Effect.provide(NodeHttpClient.layerUndici)))

  it.scopedLive("v3oidcdeviceauthz: the user approves the code they were shown", () =>
    Effect.gen(function*() {
      const s = yield* setup
      const shown: Array<Credentials.DevicePrompt> = []
      yield* expectProjectToken(s, {
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
    }).pipe(Effect.provide(NodeHttpClient.layerUndici)), 30_000) // the IdP's 5-second polling interval, in real time

  it.scopedLive("v3oidcaccesstoken: unscoped without a scope, project-scoped with one", () =>
    Effect.gen(function*() {
      const s = yield* setup
      const accessToken = Redacted.make(yield* passwordGrant(s, "alice", "alice-password"))
      const credentials = Credentials.oidcAccessToken({ identityProvider: Federated.identityProvider, protocol: Federated.protocol, accessToken })
      const unscoped = yield* s.client.issue({ credentials })
      expect(unscoped.methods).toEqual(["openid"])
      expect(unscoped.scope._tag).toBe("Unscoped")
      expect(unscoped.user.name).toBe("alice")
      yield* expectProjectToken(s, { credentials, scope: project }, "alice")
    }).pipe(Effect.provide(NodeHttpClient.layerUndici)))

  it.scopedLive("refusals are typed: a bearer the IdP never issued or has revoked, a user the mapping does not admit, an unknown identity provider", () =>
    Effect.gen(function*() {
      const s = yield* setup
      const flip = (auth: Auth.Auth) => Effect.flip(s.client.issue(auth))
      const forged = yield* flip({
        credentials: Credentials.oidcAccessToken({ identityProvider: Federated.identityProvider, protocol: Federated.protocol, accessToken: Redacted.make("forged-access-token-1234") }),
        scope: project
      })
      expect(forged._tag).toBe("Unauthorized")
      expect(JSON.stringify(forged) + String(forged)).not.toContain("forged-access-token-1234")
      const accessToken = yield* passwordGrant(s, "alice", "alice-password")
      yield* Effect.promise(() => s.idp.revokeGrants("alice"))
      const revoked = yield* flip({
        credentials: Credentials.oidcAccessToken({ identityProvider: Federated.identityProvider, protocol: Federated.protocol, accessToken: Redacted.make(accessToken) })
      })
      expect(revoked._tag).toBe("Unauthorized")
      expect(JSON.stringify(revoked)).not.toContain(accessToken)
      const outsider = yield* flip({
        credentials: Credentials.oidcPassword({ ...idpOptions(s, Idp.clients.password), username: "mallory", password: Redacted.make("mallory-password") }),
        scope: project
      })
      expect(outsider._tag).toBe("Unauthorized")
      const nowhere = yield* flip({
        credentials: Credentials.oidcPassword({ ...idpOptions(s, Idp.clients.password), identityProvider: "no-such-idp", username: "alice", password: Redacted.make("alice-password") }),
        scope: project
      })
      expect(nowhere).toMatchObject({ _tag: "NotFound" })
      expect(yield* s.sim.tokensIssued).toBe(0)
    }).pipe(Effect.provide(NodeHttpClient.layerUndici)))
})

describe("Keystone OAuth 2.0 (OS-OAUTH2) against KeystoneSim", () => {
  it.scopedLive("an application credential gets a bearer token the simulator accepts as a Keystone token", () =>
    Effect.gen(function*() {
      const s = yield* setup
      const token = yield* s.client.oauth2Token({ clientId: AppCred.id, clientSecret: Redacted.make(AppCred.secret) })
      expect(Option.isSome(token.expiresAt)).toBe(true)
      const seen = yield* s.client.validate(token.accessToken)
      expect(seen.user.id).toBe(Demo.userId)
      expect(seen.methods).toEqual(["application_credential"])
      expect(seen.scope).toMatchObject({ _tag: "Project", id: Demo.projectId })
      expect(String(token)).not.toContain(Redacted.value(token.accessToken))
    }).pipe(Effect.provide(NodeHttpClient.layerUndici)))

  it.scopedLive("a wrong secret is IdentityProviderError invalid_client, without the secret; an unknown client other_error", () =>
    Effect.gen(function*() {
      const s = yield* setup
      const wrong = yield* Effect.flip(s.client.oauth2Token({ clientId: AppCred.id, clientSecret: Redacted.make("wrong-appcred-secret-77") }))
      expect(wrong).toMatchObject({ _tag: "IdentityProviderError", error: "invalid_client", status: 401 })
      expect(JSON.stringify(wrong) + String(wrong)).not.toContain("wrong-appcred-secret-77")
      const unknown = yield* Effect.flip(s.client.oauth2Token({ clientId: "no-such-client", clientSecret: Redacted.make("whatever-secret") }))
      expect(unknown).toMatchObject({ _tag: "IdentityProviderError", error: "other_error", status: 404 })
    }).pipe(Effect.provide(NodeHttpClient.layerUndici)))
})
