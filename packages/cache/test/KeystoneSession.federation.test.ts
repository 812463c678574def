/**
 * A KeystoneSession on a federated login in `npm test`: the real OpenID
 * provider of scripts/federation/idp.ts and KeystoneSim trusting it
 * (scripts/federation/sim.ts). TestClock drives the simulator's token
 * expiry and the session's renewals; the IdP runs in real time. Renewals
 * trade the IdP's refresh token, not the password again; once the IdP has
 * ended the grant, the renewal runs the flow again.
 */
import { NodeHttpClient } from "@effect/platform-node"
import { describe, expect, it } from "@effect/vitest"
import { AuthScope, Credentials, KeystoneClient } from "@effect-keystone/client"
import type { Token } from "@effect-keystone/schema"
import { KeystoneSim } from "@effect-keystone/testing"
import * as KeystoneSimNode from "@effect-keystone/testing/Node"
import * as Clock from "effect/Clock"
import * as DateTime from "effect/DateTime"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Option from "effect/Option"
import * as Redacted from "effect/Redacted"
import * as TestClock from "effect/TestClock"
import * as Idp from "../../../scripts/federation/idp.js"
import * as SimFederation from "../../../scripts/federation/sim.js"
import * as KeystoneSession from "../src/KeystoneSession.js"
import * as TokenStore from "../src/TokenStore.js"

const { Federated } = KeystoneSim
const LOGIN = "POST /v3/OS-FEDERATION/identity_providers/{idp}/protocols/{protocol}/auth"

/** A session for alice's password login at the IdP, scoped to fedproject, on a simulator served on this fiber's clock. */
const setup = Effect.gen(function*() {
  const idp = yield* Effect.acquireRelease(Effect.promise(() => Idp.start()), (i) => Effect.promise(i.close))
  const sim = yield* KeystoneSimNode.serve()
  yield* SimFederation.trust(sim, idp)
  const credentials = Credentials.oidcPassword({
    identityProvider: Federated.identityProvider,
    protocol: Federated.protocol,
    clientId: Idp.clients.password.id,
    clientSecret: Redacted.make(Idp.clients.password.secret),
    discoveryEndpoint: idp.discoveryUrl,
    openidScope: "openid profile email groups",
    username: "alice",
    password: Redacted.make("alice-password")
  })
  const session = yield* KeystoneSession.make({
    auth: { credentials, scope: AuthScope.project({ name: Federated.projectName, domain: { name: Federated.domainName } }) }
  }).pipe(Effect.provide(Layer.merge(TokenStore.layerMemory, KeystoneClient.layer({ authUrl: sim.authUrl }))))
  return { idp, sim, session }
})

/**
 * Moves the TestClock to where the renewal of `previous` is due and returns
 * the renewed token. Renewals come 52.5 to 54 minutes into a 1-hour token
 * (margin 6 minutes, jitter up to a quarter of it). Past the 52nd minute
 * the clock moves a second at a time, with a pause in real time after each
 * step, so that a renewal talking to the IdP and the simulator for real is
 * not overtaken by its own request timeouts on the TestClock.
 */
const renewed = (session: KeystoneSession.KeystoneSessionService, previous: Token.Token) =>
  Effect.gen(function*() {
    yield* TestClock.adjust("52 minutes")
    for (let second = 0; second < 180; second++) {
      const token = yield* session.token
      if (Redacted.value(token.id) !== Redacted.value(previous.id)) return token
      yield* TestClock.adjust("1 second")
      yield* Effect.promise(() => new Promise((resolve) => setTimeout(resolve, 20)))
    }
    return yield* Effect.dieMessage("the session did not renew")
  })

describe("KeystoneSession with a federated login (real IdP, KeystoneSim)", () => {
  it.scoped("renews by the IdP's refresh token as the token nears expiry; after the IdP ends the grant, by the password grant again", () =>
    Effect.gen(function*() {
      const { idp, session, sim } = yield* setup
      const first = yield* session.token
      expect(first.user.name).toBe("alice")
      expect(first.roles.map((r) => r.name)).toContain(Federated.roleName)
      expect(idp.issued("password")).toBe(1)
      expect(yield* sim.count(LOGIN)).toBe(1)

      const second = yield* renewed(session, first)
      expect(second.user.id).toBe(first.user.id)
      expect(idp.issued("refresh_token")).toBe(1)
      expect(idp.issued("password")).toBe(1)
      expect(yield* sim.count(LOGIN)).toBe(2)

      // the IdP ends alice's grants: the refresh token fails, the flow runs again
      yield* Effect.promise(() => idp.revokeGrants("alice"))
      const third = yield* renewed(session, second)
      expect(third.user.id).toBe(first.user.id)
      expect(third.scope).toMatchObject({ _tag: "Project", id: Federated.projectId })
      expect(idp.issued("refresh_token")).toBe(1)
      expect(idp.issued("password")).toBe(2)
      expect(yield* sim.count(LOGIN)).toBe(3)
      // each login rescoped once, to fedproject
      expect(yield* sim.count("POST /v3/auth/tokens")).toBe(3)
      // the simulator's clock is the TestClock: the last token is good for a full hour from now on it
      const now = yield* Clock.currentTimeMillis
      expect(DateTime.toEpochMillis(Option.getOrThrow(third.expiresAt)) - now).toBeGreaterThan(59 * 60_000)
    }).pipe(Effect.provide(NodeHttpClient.layerUndici)), { timeout: 30_000 })
})
