import { describe, expect, it } from "@effect/vitest"
import { KeystoneSim } from "@effect-keystone/testing"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as V2 from "../v2-cloud.js"

const demo = V2.passwordAuth({ username: "demo", password: KeystoneSim.Demo.password, tenant: "demo" })
const admin = V2.passwordAuth({ username: "admin", password: KeystoneSim.Admin.password, tenant: "admin" })

const env = (caller?: typeof admin) =>
  V2.layer({ authUrl: "http://keystone.test/v2.0", auth: demo, caller }).pipe(
    Layer.provideMerge(KeystoneSim.layer({ versions: ["v2.0"] })) // v3 answers 404 here
  )

describe("examples/v2-cloud", () => {
  // live clock: the program refreshes right after its first login, and logins are at least 1 s apart
  it.scopedLive("a v2.0 session: token, catalog, endpoint, httpClient, renewal and admin validation", () =>
    Effect.gen(function*() {
      const sim = yield* KeystoneSim.KeystoneSim
      const summary = yield* V2.program
      expect(summary).toEqual({
        version: "v2.0",
        user: "demo",
        tenant: "demo",
        services: ["identity (keystone)", "compute (nova)", "object-store (swift)", "image (glance)"],
        compute: "http://compute.region-one.test:8774/v2.1",
        computeStatus: 200,
        renewed: true,
        validated: "valid"
      })
      const counts = yield* sim.counts
      // demo twice (login + refresh), admin once (the service token)
      expect(counts["POST /v2.0/tokens"]).toBe(3)
      expect(counts["GET /v2.0/tokens/{id}"]).toBe(1)
      expect(Object.keys(counts).filter((k) => k.includes("/v3"))).toEqual([])
    }).pipe(Effect.provide(env(admin))))

  it.scopedLive("without an admin token, validation is skipped (v2.0 answers 403)", () =>
    Effect.gen(function*() {
      const summary = yield* V2.program
      expect(summary.validated).toBe("skipped")
      expect(summary.computeStatus).toBe(200)
    }).pipe(Effect.provide(env())))

  it.scopedLive("revokeOnClose revokes both tokens through DELETE /v2.0/tokens/{id}", () =>
    Effect.gen(function*() {
      const sim = yield* KeystoneSim.KeystoneSim
      yield* V2.program.pipe(Effect.provide(V2.layer({ authUrl: "http://keystone.test/v2.0", auth: demo, caller: admin })), Effect.scoped)
      expect(yield* sim.count("DELETE /v2.0/tokens/{id}")).toBe(2)
    }).pipe(Effect.provide(KeystoneSim.layer({ versions: ["v2.0"] }))))
})
