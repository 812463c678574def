/**
 * KeystoneSession's httpClient (the token set on each request; a downstream
 * 401 renews it once) and its endpoint and catalog lookups.
 */
import { describe, expect, it } from "@effect/vitest"
import { KeystoneError } from "@effect-keystone/client"
import { Fault } from "@effect-keystone/testing"
import * as Effect from "effect/Effect"
import { COMPUTE, computeUrl, idOf, ISSUE, makeEnv, makeSession, pastRefusedTokenWindow } from "./utils/session.js"

describe("KeystoneSession", () => {
  describe("httpClient", () => {
    it.scoped("sets X-Auth-Token", () =>
      Effect.gen(function*() {
        const env = yield* makeEnv()
        const session = yield* makeSession(env)
        const http = yield* session.httpClient
        const url = yield* computeUrl(session)
        const response = yield* http.get(`${url}/servers`)
        expect(response.status).toBe(200)
        const body = (yield* response.json) as { token: { user_id: string } }
        expect(body.token.user_id).toBe((yield* session.token).user.id)
      }))

    it.scoped("a downstream 401: exactly one re-issue and one retry", () =>
      Effect.gen(function*() {
        const env = yield* makeEnv()
        const session = yield* makeSession(env)
        const http = yield* session.httpClient
        const url = yield* computeUrl(session)
        const first = yield* session.token
        yield* pastRefusedTokenWindow
        yield* env.sim.revoke(idOf(first)) // Keystone revoked it behind our back
        const response = yield* http.get(`${url}/servers`)
        expect(response.status).toBe(200)
        expect(yield* env.sim.count(ISSUE)).toBe(2)
        expect(yield* env.sim.count(COMPUTE)).toBe(2)
        expect(idOf(yield* session.token)).not.toBe(idOf(first))
      }))

    it.scoped("100 concurrent requests meeting the same 401: one re-issue between them", () =>
      Effect.gen(function*() {
        const env = yield* makeEnv()
        const session = yield* makeSession(env)
        const http = yield* session.httpClient
        const url = yield* computeUrl(session)
        yield* pastRefusedTokenWindow
        yield* env.sim.revoke(idOf(yield* session.token))
        const responses = yield* Effect.all(Array.from({ length: 100 }, () => http.get(`${url}/servers`)), {
          concurrency: "unbounded"
        })
        expect(responses.every((r) => r.status === 200)).toBe(true)
        expect(yield* env.sim.count(ISSUE)).toBe(2)
        expect(yield* env.sim.count(COMPUTE)).toBe(200)
      }))

    it.scoped("a service that always answers 401: one retry, then the 401 (no loop)", () =>
      Effect.gen(function*() {
        const env = yield* makeEnv()
        const session = yield* makeSession(env)
        const http = yield* session.httpClient
        const url = yield* computeUrl(session)
        yield* session.token
        yield* pastRefusedTokenWindow
        yield* env.sim.inject(Fault.status(401, { route: COMPUTE, count: Infinity }))
        const response = yield* http.get(`${url}/servers`)
        expect(response.status).toBe(401)
        expect(yield* env.sim.count(COMPUTE)).toBe(2)
        expect(yield* env.sim.count(ISSUE)).toBe(2)
      }))

    it.scoped("other statuses pass through untouched", () =>
      Effect.gen(function*() {
        const env = yield* makeEnv()
        const session = yield* makeSession(env)
        const http = yield* session.httpClient
        const url = yield* computeUrl(session)
        yield* env.sim.inject(Fault.status(403, { route: COMPUTE }))
        const response = yield* http.get(`${url}/servers`)
        expect(response.status).toBe(403)
        expect(yield* env.sim.count(COMPUTE)).toBe(1)
        expect(yield* env.sim.count(ISSUE)).toBe(1)
      }))

    it.scoped("a token failure surfaces as the typed KeystoneError", () =>
      Effect.gen(function*() {
        const env = yield* makeEnv({ client: { retry: false } })
        yield* env.sim.inject(Fault.status(401, { route: ISSUE, count: Infinity }))
        const session = yield* makeSession(env)
        const http = yield* session.httpClient
        const error = yield* Effect.flip(http.get("http://compute.test/servers"))
        expect(KeystoneError.isKeystoneError(error)).toBe(true)
        expect(error._tag).toBe("Unauthorized")
      }))
  })

  describe("endpoint and catalog", () => {
    it.scoped("answers from the current token's catalog, the same catalog object per token", () =>
      Effect.gen(function*() {
        const env = yield* makeEnv()
        const session = yield* makeSession(env)
        const url = yield* computeUrl(session)
        expect(url).toMatch(/^http/)
        const t = yield* session.token
        expect(yield* session.catalog).toBe(t.catalog)
        const missing = yield* Effect.flip(session.endpoint({ type: "no-such-service" }))
        expect(missing._tag).toBe("EndpointNotFound")
      }))
  })
})
