/**
 * `decideCached`: the synchronous decision from remembered validations, the
 * one the adapters try first. It must say what `decide` says, or nothing
 * (`undefined`: ask Keystone), under every rule the cache keeps.
 */
import { describe, expect, it } from "@effect/vitest"
import { KeystoneMetrics } from "@effect-keystone/client"
import { KeystoneSim } from "@effect-keystone/testing"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import * as Metric from "effect/Metric"
import * as Redacted from "effect/Redacted"
import * as Scope from "effect/Scope"
import * as TestClock from "effect/TestClock"
import type * as AuthToken from "../src/AuthToken.js"
import { headers, makeEnv, tag, VALIDATE } from "./support.js"

const statusOf = (decision: AuthToken.Decision | undefined) => {
  if (decision === undefined) return "not remembered"
  return decision._tag === "Respond" ? `${decision.status}` : tag(decision.status)
}

/** The validations counted so far under this test's metric tag, by result. */
const counts = Effect.map(
  Effect.forEach(["hit", "miss", "negative", "revoked"] as const, (result) =>
    Effect.map(Metric.value(KeystoneMetrics.withTags(KeystoneMetrics.validations, { result })), (s) => [result, s.count] as const)),
  Object.fromEntries
)

describe("AuthToken.decideCached", () => {
  it.scoped("says nothing for a token never seen; once decided, the same decision as decide, without Keystone", () =>
    Effect.gen(function*() {
      const env = yield* makeEnv({ includeServiceCatalog: true })
      const token = yield* env.issue()
      const request = headers({ "X-Auth-Token": token })
      expect(env.auth.decideCached(request)).toBeUndefined()
      expect(yield* env.sim.count(VALIDATE)).toBe(0)
      const decided = yield* env.auth.decide(request)
      const cached = env.auth.decideCached(request)
      expect(cached).toEqual(decided)
      if (cached?._tag !== "Forward" || cached.status._tag !== "Confirmed") throw new Error("not confirmed")
      expect(cached.status.identity.user.id).toBe(KeystoneSim.Demo.userId)
      expect(cached.set["X-Service-Catalog"]).toBeDefined()
      expect(yield* env.sim.count(VALIDATE)).toBe(1)
    }))

  it.scoped("a rejected token is remembered for negativeMaxAge: 401 at once, then nothing", () =>
    Effect.gen(function*() {
      const env = yield* makeEnv({ cache: { negativeMaxAge: "10 seconds" } })
      const request = headers({ "X-Auth-Token": "gAAAAA-not-a-token" })
      expect(statusOf(yield* env.auth.decide(request))).toBe("401")
      expect(statusOf(env.auth.decideCached(request))).toBe("401")
      expect(env.auth.decideCached(request, { delayAuthDecision: true })).toMatchObject({
        _tag: "Forward",
        set: { "X-Identity-Status": "Invalid" }
      })
      yield* TestClock.adjust("11 seconds")
      expect(env.auth.decideCached(request)).toBeUndefined()
      expect(yield* env.sim.count(VALIDATE)).toBe(1)
    }))

  it.scoped("no longer than maxAge, nor than the token lives", () =>
    Effect.gen(function*() {
      const env = yield* makeEnv({ cache: { maxAge: "30 seconds" } })
      const request = headers({ "X-Auth-Token": yield* env.issue() })
      yield* env.auth.decide(request)
      yield* TestClock.adjust("29 seconds")
      expect(statusOf(env.auth.decideCached(request))).toBe("Confirmed")
      yield* TestClock.adjust("2 seconds")
      expect(env.auth.decideCached(request)).toBeUndefined()

      const long = yield* makeEnv({ cache: { maxAge: "1 hour" } })
      yield* long.sim.setTokenLifetime("2 minutes")
      const short = headers({ "X-Auth-Token": yield* long.issue() })
      yield* long.auth.decide(short)
      yield* TestClock.adjust("119 seconds")
      expect(statusOf(long.auth.decideCached(short))).toBe("Confirmed")
      yield* TestClock.adjust("2 seconds")
      expect(long.auth.decideCached(short)).toBeUndefined()
    }))

  it.scoped("a revoked token: refused from the next poll on, the other tokens still served", () =>
    Effect.gen(function*() {
      const env = yield* makeEnv({ revocation: { pollEvery: false } })
      const revoked = headers({ "X-Auth-Token": yield* env.issue() })
      const kept = headers({ "X-Auth-Token": yield* env.issue() })
      yield* env.auth.decide(revoked)
      yield* env.auth.decide(kept)
      const revokedToken = revoked("x-auth-token")!
      yield* env.sim.revoke(revokedToken)
      expect(statusOf(env.auth.decideCached(revoked))).toBe("Confirmed")
      expect(yield* env.auth.pollRevocations).toBe(1)
      expect(env.auth.decideCached(revoked)).toBeUndefined()
      expect(statusOf(yield* env.auth.decide(revoked))).toBe("401")
      expect(statusOf(env.auth.decideCached(kept))).toBe("Confirmed")
    }))

  it.scoped("service tokens: decided only when both are remembered; X-Service-* and delay_auth_decision as decide", () =>
    Effect.gen(function*() {
      const env = yield* makeEnv({ serviceTokenRolesRequired: true })
      const user = yield* env.issue()
      const service = Redacted.value((yield* env.session.token).id)
      const notService = yield* env.issue()
      const both = headers({ "X-Auth-Token": user, "X-Service-Token": service })
      yield* env.auth.decide(headers({ "X-Auth-Token": user }))
      expect(env.auth.decideCached(both)).toBeUndefined()
      const decided = yield* env.auth.decide(both)
      expect(env.auth.decideCached(both)).toEqual(decided)
      expect(env.auth.decideCached(both)).toMatchObject({
        _tag: "Forward",
        set: { "X-Service-Identity-Status": "Confirmed", "X-Service-User-Name": "service", "X-User-Id": KeystoneSim.Demo.userId }
      })

      const wrongService = headers({ "X-Auth-Token": user, "X-Service-Token": notService })
      yield* env.auth.decide(wrongService)
      expect(statusOf(env.auth.decideCached(wrongService))).toBe("401")
      const delayed = env.auth.decideCached(wrongService, { delayAuthDecision: true })
      expect(delayed).toEqual(yield* env.auth.decide(wrongService, { delayAuthDecision: true }))
      expect(statusOf(delayed)).toBe("ServiceToken")
    }))

  it.effect("remembers nothing once the service's scope is closed", () =>
    Effect.gen(function*() {
      const scope = yield* Scope.make()
      const env = yield* Scope.extend(makeEnv(), scope)
      const request = headers({ "X-Auth-Token": yield* env.issue() })
      yield* env.auth.decide(request)
      expect(statusOf(env.auth.decideCached(request))).toBe("Confirmed")
      yield* Scope.close(scope, Exit.void)
      expect(env.auth.decideCached(request)).toBeUndefined()
    }))

  it.scoped("counted once per token: its hits, with the labels where the service was built; nothing when it says nothing", () =>
    Effect.gen(function*() {
      const env = yield* makeEnv()
      const alone = headers({ "X-Auth-Token": yield* env.issue() })
      yield* env.auth.decide(alone)
      env.auth.decideCached(alone)
      env.auth.decideCached(alone)
      expect(yield* counts).toEqual({ hit: 2, miss: 1, negative: 0, revoked: 0 })

      const service = Redacted.value((yield* env.session.token).id)
      yield* env.auth.decide(headers({ "X-Auth-Token": service }))
      const both = headers({ "X-Auth-Token": yield* env.issue(), "X-Service-Token": service })
      // the service token is remembered, the user token not: nothing decided, nothing counted
      expect(env.auth.decideCached(both)).toBeUndefined()
      expect(yield* counts).toEqual({ hit: 2, miss: 2, negative: 0, revoked: 0 })
      yield* env.auth.decide(both) // the service token a hit, the user token a miss
      env.auth.decideCached(both) // both hits
      expect(yield* counts).toEqual({ hit: 5, miss: 3, negative: 0, revoked: 0 })
    }).pipe(Effect.tagMetrics("test", "decide-cached")))
})
