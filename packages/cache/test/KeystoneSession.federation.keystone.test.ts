/**
 * A KeystoneSession on a federated login, against the real IdP and Keystone
 * (scripts/federation): it renews like any other, by the IdP's refresh token
 * rather than the password grant again, and a renewal after the refresh
 * token stops working runs the flow again.
 */
import { NodeHttpClient } from "@effect/platform-node"
import { describe, expect, it } from "@effect/vitest"
import { AuthScope, Credentials, KeystoneClient } from "@effect-keystone/client"
import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Redacted from "effect/Redacted"
import * as Idp from "../../../scripts/federation/idp.js"
import * as KeystoneFederation from "../../../scripts/federation/keystone.js"
import * as Stack from "../../../scripts/federation/stack.js"
import * as KeystoneEnv from "../../../scripts/keystone-env.js"
import * as KeystoneSession from "../src/KeystoneSession.js"
import * as TokenStore from "../src/TokenStore.js"

const need = KeystoneEnv.need(KeystoneEnv.load())

class Federated extends Context.Tag("Federated")<Federated, Stack.Stack>() {}

const StackLive = Layer.scoped(
  Federated,
  Effect.acquireRelease(
    Effect.promise(() => Stack.up({ keystone: need("KS_BASE_URL"), adminPassword: need("KS_ADMIN_PASSWORD") })),
    (s) => Effect.promise(s.close)
  )
)

const SessionLive = Layer.unwrapEffect(Effect.map(Federated, (s) =>
  KeystoneSession.layer({
    auth: {
      credentials: Credentials.oidcPassword({
        identityProvider: KeystoneFederation.names.identityProvider,
        protocol: KeystoneFederation.names.protocol,
        clientId: Idp.clients.password.id,
        clientSecret: Redacted.make(Idp.clients.password.secret),
        discoveryEndpoint: s.idp.discoveryUrl,
        openidScope: "openid profile email groups",
        username: "alice",
        password: Redacted.make("alice-password")
      }),
      scope: AuthScope.project({ name: KeystoneFederation.names.project, domain: { name: KeystoneFederation.names.domain } })
    }
  }).pipe(Layer.provide(TokenStore.layerMemory), Layer.provide(KeystoneClient.layer({ authUrl: s.authUrl })))
)).pipe(Layer.provideMerge(StackLive), Layer.provide(NodeHttpClient.layerUndici))

describe("KeystoneSession with a federated login (real IdP and Keystone)", () => {
  it.live("renewals use the IdP's refresh token; once it is revoked, the flow runs again", () =>
    Effect.gen(function*() {
      const s = yield* Federated
      const session = yield* KeystoneSession.KeystoneSession
      const first = yield* session.token
      expect(first.user.name).toBe("alice")
      expect(s.idp.issued("password")).toBe(1)
      yield* session.invalidate(first)
      const second = yield* session.token
      expect(Redacted.value(second.id)).not.toBe(Redacted.value(first.id))
      expect(s.idp.issued("password")).toBe(1)
      expect(s.idp.issued("refresh_token")).toBe(1)
      // the IdP ends alice's grants: the refresh token fails, the password grant runs again
      yield* Effect.promise(() => s.idp.revokeGrants("alice"))
      yield* session.invalidate(second)
      const third = yield* session.token
      expect(third.user.name).toBe("alice")
      expect(s.idp.issued("password")).toBe(2)
    }).pipe(Effect.provide(SessionLive)), { timeout: 60_000 })
})
