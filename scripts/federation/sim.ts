/**
 * KeystoneSim trusting the test IdP the way the real stack does (stack.ts):
 * every bearer token is introspected at the IdP, as the claims proxy (our
 * mod_auth_openidc) does, and the claims go through the mapping keystone.ts
 * gives the real Keystone: `sub` → a user named after it; members of the
 * group `cloud-users` get `member` on project `fedproject` (domain
 * `idp-users`, KeystoneSim's `Federated`); anyone else is refused (401).
 *
 * Test-only.
 */
import type { Federation, KeystoneSim } from "@effect-keystone/testing"
import * as Effect from "effect/Effect"
import * as Option from "effect/Option"
import * as Redacted from "effect/Redacted"
import * as ClaimsProxy from "./claims-proxy.js"
import * as Idp from "./idp.js"
import { names } from "./keystone.js"

/** keystone.ts's mapping rules, applied to the claims. */
export const mapping = (claims: ClaimsProxy.Claims): Option.Option<Federation.Identity> =>
  claims.groups.includes(names.group)
    ? Option.some({ user: { name: claims.sub }, projects: [{ name: names.project, roles: [names.role] }] })
    : Option.none()

/** From now on the simulator's `testidp`/`openid` logins accept the bearer tokens `idp` says are active. */
export const trust = (sim: KeystoneSim.KeystoneSimService, idp: Idp.Idp): Effect.Effect<void> =>
  sim.federation.verifyWith({
    identityProvider: names.identityProvider,
    protocol: names.protocol,
    verify: (accessToken) =>
      Effect.map(
        Effect.promise(() =>
          ClaimsProxy.introspect(
            { issuer: idp.issuer, introspection: { clientId: Idp.clients.proxy.id, clientSecret: Idp.clients.proxy.secret } },
            Redacted.value(accessToken)
          )
        ),
        (claims) => (claims === undefined ? Option.none() : mapping(claims))
      )
  })
