import { describe, expect, it } from "@effect/vitest"
import { KeystoneSim } from "@effect-keystone/testing"
import * as KeystoneSimNode from "@effect-keystone/testing/Node"
import * as ConfigProvider from "effect/ConfigProvider"
import * as Effect from "effect/Effect"
import * as Demo from "../demo.js"
import * as ExportToken from "../export-token.js"

// The simulated demo itself runs in CI as `npm start` (it takes ~20 s of real time).
// Here: its real-cloud tour, against a KeystoneSim on loopback standing in for a cloud.
describe("examples/demo", () => {
  it.scopedLive("the real-cloud tour (npm start -- --auth-url …): login, catalog, validate, renew, revoke on close", () =>
    Effect.gen(function*() {
      const sim = yield* KeystoneSimNode.serve()
      const env = ExportToken.simEnv(sim.authUrl)
      yield* Demo.real(ConfigProvider.fromMap(new Map(Object.entries(env))))
      const counts = yield* sim.counts
      expect(counts["POST /v3/auth/tokens"]).toBe(2) // login + refresh
      expect(counts["GET /v3/auth/tokens"]).toBe(1) // validate
      expect(counts["DELETE /v3/auth/tokens"]).toBe(2) // both revoked on close
      expect(counts["HEAD /v3/auth/tokens"]).toBe(2) // and both refused afterwards
    }))

  it.scopedLive("the real-cloud tour fails (and so exits non-zero) on bad credentials", () =>
    Effect.gen(function*() {
      const sim = yield* KeystoneSimNode.serve()
      const env = { ...ExportToken.simEnv(sim.authUrl), OS_PASSWORD: "wrong" }
      const exit = yield* Effect.exit(Demo.real(ConfigProvider.fromMap(new Map(Object.entries(env)))))
      expect(exit._tag).toBe("Failure")
    }))
})
