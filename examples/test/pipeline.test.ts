import { describe, expect, it } from "@effect/vitest"
import { KeystoneSession, TokenStore } from "@effect-keystone/cache"
import { AuthScope, Credentials, KeystoneClient } from "@effect-keystone/client"
import { Fault, KeystoneSim } from "@effect-keystone/testing"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Option from "effect/Option"
import * as Redacted from "effect/Redacted"
import * as Pipeline from "../pipeline.js"
import { demoAuth } from "./support.js"

const AUTH_URL = "http://keystone.test/v3"

const service = {
  credentials: Credentials.password({ userId: KeystoneSim.Service.userId, password: Redacted.make(KeystoneSim.Service.password) }),
  scope: AuthScope.project({ id: KeystoneSim.Service.projectId })
}

const demo = demoAuth

/** The pipeline's session (service user) over the in-memory simulator; the client issues the jobs' tokens. */
const Env = KeystoneSession.layer({ auth: service }).pipe(
  Layer.provide(TokenStore.layerMemory),
  Layer.provideMerge(KeystoneClient.layer({ authUrl: AUTH_URL })),
  Layer.provideMerge(KeystoneSim.layer())
)

const issueDemo = Effect.flatMap(KeystoneClient.KeystoneClient, (c) => c.issue(demo))

const options = { authUrl: AUTH_URL, retryDeferredAfter: "50 millis", retry: false } as const

describe("examples/pipeline", () => {
  it.scopedLive("one outcome per kind of token", () =>
    Effect.gen(function*() {
      const sim = yield* KeystoneSim.KeystoneSim
      const valid = yield* issueDemo
      const revoked = yield* issueDemo
      yield* sim.revoke(Redacted.value(revoked.id))
      yield* sim.setTokenLifetime("1 second")
      const expired = yield* issueDemo
      yield* sim.setTokenLifetime("1 hour")
      yield* Effect.sleep(Option.getOrThrow(expired.expiresAt).epochMillis - Date.now() + 50)

      const { outcomes } = yield* Pipeline.run([
        { id: "valid", token: valid.id },
        { id: "revoked", token: revoked.id },
        { id: "expired", token: expired.id },
        { id: "unknown", token: Redacted.make("gAAAAABnot-a-real-token") },
        { id: "malformed", token: Redacted.make("two words") }
      ], options)
      expect(outcomes).toEqual([
        { _tag: "Accepted", job: "valid", user: "demo", project: "demo" },
        { _tag: "Rejected", job: "revoked", reason: "token revoked or expired" },
        { _tag: "Rejected", job: "expired", reason: "token revoked or expired" },
        { _tag: "Rejected", job: "unknown", reason: "token revoked or expired" },
        { _tag: "Rejected", job: "malformed", reason: "malformed token" }
      ])
      expect(outcomes.map(Pipeline.format)).toContain("valid: accepted (user demo, project demo)")
    }).pipe(Effect.provide(Env)))

  it.scopedLive("our service token revoked: the client logs the session in again once, then the jobs go through", () =>
    Effect.gen(function*() {
      const sim = yield* KeystoneSim.KeystoneSim
      const session = yield* KeystoneSession.KeystoneSession
      const jobs = yield* Effect.forEach(["a", "b", "c"], (id) => Effect.map(issueDemo, (t) => ({ id, token: t.id })))
      const serviceToken = yield* session.token
      yield* sim.revoke(Redacted.value(serviceToken.id))
      const issuedBefore = yield* sim.tokensIssued

      const { outcomes } = yield* Pipeline.run(jobs, { ...options, concurrency: 1 })
      expect(outcomes.map((o) => o._tag)).toEqual(["Accepted", "Accepted", "Accepted"])
      expect((yield* sim.tokensIssued) - issuedBefore).toBe(1) // one new service login
      expect(Redacted.value((yield* session.token).id)).not.toBe(Redacted.value(serviceToken.id))
    }).pipe(Effect.provide(Env)))

  it.scopedLive("ServiceUnavailable: deferred, retried once at the end, skipped if Keystone is still failing", () =>
    Effect.gen(function*() {
      const sim = yield* KeystoneSim.KeystoneSim
      const jobs = yield* Effect.forEach(["a", "b", "c"], (id) => Effect.map(issueDemo, (t) => ({ id, token: t.id })))
      yield* KeystoneSession.KeystoneSession.pipe(Effect.flatMap((s) => s.token)) // the service is logged in
      // a burst of three 503s: jobs a, b, c are deferred; the second round goes through
      yield* sim.inject(Fault.status(503, { route: "GET /v3/auth/tokens", count: 3 }))
      const burst = yield* Pipeline.run(jobs, { ...options, concurrency: 1 })
      expect(burst.outcomes.map((o) => o._tag)).toEqual(["Accepted", "Accepted", "Accepted"])

      // Keystone keeps failing: deferred, then skipped
      yield* sim.inject(Fault.status(503, { route: "GET /v3/auth/tokens", count: Infinity }))
      const outage = yield* Pipeline.run(jobs, options)
      expect(outage.outcomes).toEqual(jobs.map((j) => ({ _tag: "Skipped", job: j.id, reason: "Keystone answered 503" })))
      yield* sim.clearFaults

      // unreachable: also deferred, then skipped
      yield* sim.setDown
      const down = yield* Pipeline.run(jobs.slice(0, 1), options)
      expect(down.outcomes[0]).toMatchObject({ _tag: "Skipped", job: "a" })
      yield* sim.setUp
    }).pipe(Effect.provide(Env)))

  it.scopedLive("service credentials that Keystone refuses: every job fails, none is rejected", () =>
    Effect.gen(function*() {
      const jobs = yield* Effect.forEach(["a", "b"], (id) => Effect.map(issueDemo, (t) => ({ id, token: t.id })))
      const bad = {
        credentials: Credentials.password({ userId: KeystoneSim.Service.userId, password: Redacted.make("wrong") }),
        scope: AuthScope.project({ id: KeystoneSim.Service.projectId })
      }
      const { outcomes } = yield* Pipeline.run(jobs, options).pipe(
        Effect.provide(KeystoneSession.layer({ auth: bad }).pipe(Layer.provide(TokenStore.layerMemory)))
      )
      expect(outcomes).toEqual(jobs.map((j) => ({ _tag: "Failed", job: j.id, reason: "Keystone refuses our service login" })))
    }).pipe(Effect.provide(Env)))
})
