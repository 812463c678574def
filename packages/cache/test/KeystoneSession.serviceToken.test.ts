/**
 * `session.httpClientOnBehalfOf`: the user's token plus this service's own
 * `X-Service-Token` (issue 11, "Sending service tokens"), against a
 * downstream that demands both (test/utils/downstream.ts).
 */
import { describe, expect, it } from "@effect/vitest"
import { KeystoneSim } from "@effect-keystone/testing"
import * as Effect from "effect/Effect"
import * as Redacted from "effect/Redacted"
import * as TestClock from "effect/TestClock"
import * as Downstream from "./utils/downstream.js"
import { auth, type Env, idOf, makeEnv, makeSession, serviceAuth } from "./utils/session.js"

const url = `${Downstream.origin}/v1/volumes`

/** A 401 counts against a token sent alone only past `refusedTokenWindow`; step past it anyway. */
const later = TestClock.adjust("31 seconds")

const setup = Effect.gen(function*() {
  let downstream: Downstream.Downstream | undefined
  const env: Env = yield* makeEnv({
    wrapHttp: (http) => {
      downstream = Downstream.make("http://keystone.test/v3")
      return downstream.wrap(http)
    }
  })
  const service = yield* makeSession(env, { auth: serviceAuth, allowOrigins: [Downstream.origin] })
  return { env, service, downstream: downstream! }
})

describe("KeystoneSession.httpClientOnBehalfOf", () => {
  it.scoped("sends the user's token as X-Auth-Token and the session's as X-Service-Token", () =>
    Effect.gen(function*() {
      const { downstream, env, service } = yield* setup
      const user = yield* makeSession(env)
      const http = yield* service.httpClientOnBehalfOf(user)
      const response = yield* http.get(url)
      expect(response.status).toBe(200)
      expect(yield* response.json).toEqual({ user: KeystoneSim.Demo.userId, service: KeystoneSim.Service.userId })
      expect(downstream.seen).toEqual([{ auth: idOf(yield* user.token), service: idOf(yield* service.token) }])
      // the session's plain client sends its own token alone: the downstream refuses it
      const plain = yield* service.httpClient
      expect((yield* plain.get(url)).status).toBe(401)
    }))

  it.scoped("a user token that expired mid-operation is still accepted with the service token", () =>
    Effect.gen(function*() {
      const { downstream, env, service } = yield* setup
      yield* env.sim.setTokenLifetime("10 minutes")
      const userToken = yield* env.client.issue(auth)
      yield* TestClock.adjust("15 minutes") // the user's token has expired; the service session renewed its own
      const http = yield* service.httpClientOnBehalfOf(userToken)
      const response = yield* http.get(url)
      expect(response.status).toBe(200)
      expect(downstream.seen.at(-1)?.auth).toBe(idOf(userToken))
      // Keystone itself no longer takes the user's token alone
      const takenAlone = yield* env.client.check(userToken).pipe(Effect.catchTag("Unauthorized", () => Effect.succeed(false)))
      expect(takenAlone).toBe(false)
    }))

  for (const refused of ["service", "user"] as const) {
    it.scoped(`a refused ${refused} token (both from sessions): only that one is re-issued, and the request sent once more`, () =>
      Effect.gen(function*() {
        const { downstream, env, service } = yield* setup
        const user = yield* makeSession(env)
        const http = yield* service.httpClientOnBehalfOf(user)
        const before = { user: yield* user.token, service: yield* service.token }
        yield* later
        yield* env.sim.revoke(idOf(before[refused]))
        const response = yield* http.get(url)
        expect(response.status).toBe(200)
        const after = { user: yield* user.token, service: yield* service.token }
        const kept = refused === "user" ? "service" : "user"
        expect(idOf(after[refused])).not.toBe(idOf(before[refused]))
        expect(idOf(after[kept])).toBe(idOf(before[kept]))
        expect(downstream.seen).toEqual([
          { auth: idOf(before.user), service: idOf(before.service) },
          { auth: idOf(after.user), service: idOf(after.service) }
        ])
      }))
  }

  it.scoped("a refused fixed user token: the 401 goes back as is, nothing is re-issued, nothing sent twice", () =>
    Effect.gen(function*() {
      const { downstream, env, service } = yield* setup
      const userToken = yield* env.client.issue(auth)
      const serviceBefore = yield* service.token
      yield* later
      yield* env.sim.revoke(idOf(userToken))
      const issuedBefore = yield* env.sim.tokensIssued
      const http = yield* service.httpClientOnBehalfOf(Redacted.make(idOf(userToken)))
      const response = yield* http.get(url)
      expect(response.status).toBe(401)
      expect(response.headers["www-authenticate"]).toBe(`Keystone uri="http://keystone.test/v3"`)
      expect(downstream.seen.length).toBe(1)
      expect(yield* env.sim.tokensIssued).toBe(issuedBefore)
      expect(idOf(yield* service.token)).toBe(idOf(serviceBefore))
    }))

  it.scoped("both tokens go only where the service token may go: another origin is refused, unsent", () =>
    Effect.gen(function*() {
      const { downstream, env, service } = yield* setup
      const user = yield* makeSession(env, { allowOrigins: ["http://elsewhere.test"] })
      const http = yield* service.httpClientOnBehalfOf(user)
      const error = yield* Effect.flip(http.get("http://elsewhere.test/v1/volumes"))
      expect(error._tag).toBe("OriginNotAllowed")
      expect(downstream.seen).toEqual([])
    }))
})
