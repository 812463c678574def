/**
 * Keystone's own OAuth 2.0 client-credentials grant against the real
 * Keystone: the seeded application credential is the client.
 */
import { NodeHttpClient } from "@effect/platform-node"
import { KeystoneClient } from "@effect-keystone/client"
import { describe, expect, it } from "@effect/vitest"
import * as DateTime from "effect/DateTime"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Option from "effect/Option"
import * as Redacted from "effect/Redacted"
import * as KeystoneEnv from "../../../scripts/keystone-env.js"

const env = KeystoneEnv.load()
const need = KeystoneEnv.need(env)

const Client = KeystoneClient.layer({ authUrl: need("KS_AUTH_URL") }).pipe(Layer.provide(NodeHttpClient.layerUndici))

describe("Keystone OAuth 2.0 (OS-OAUTH2) against a real Keystone", () => {
  it.live("an application credential gets a bearer token Keystone itself accepts", () =>
    Effect.gen(function*() {
      const client = yield* KeystoneClient.KeystoneClient
      const token = yield* client.oauth2Token({ clientId: need("KS_APPCRED_ID"), clientSecret: Redacted.make(need("KS_APPCRED_SECRET")) })
      const expiresAt = Option.getOrThrow(token.expiresAt)
      const now = DateTime.unsafeNow()
      expect(DateTime.distance(now, expiresAt)).toBeGreaterThan(30 * 60_000)
      // the access token is a Keystone token: it validates itself (no caller token: each token is its own caller)
      const seen = yield* client.validate(token.accessToken)
      expect(seen.user.id).toBe(need("KS_DEMO_USER_ID"))
      expect(seen.methods).toContain("application_credential")
      expect(String(token)).not.toContain(Redacted.value(token.accessToken))
    }).pipe(Effect.provide(Client)))

  it.live("a wrong secret is IdentityProviderError invalid_client, without the secret", () =>
    Effect.gen(function*() {
      const client = yield* KeystoneClient.KeystoneClient
      const error = yield* Effect.flip(client.oauth2Token({ clientId: need("KS_APPCRED_ID"), clientSecret: Redacted.make("wrong-appcred-secret-77") }))
      expect(error).toMatchObject({ _tag: "IdentityProviderError", error: "invalid_client", status: 401 })
      expect(JSON.stringify(error) + String(error)).not.toContain("wrong-appcred-secret-77")
    }).pipe(Effect.provide(Client)))
})
