import { describe, expect, it } from "@effect/vitest"
import { KeystoneSim } from "@effect-keystone/testing"
import * as Effect from "effect/Effect"
import * as Fiber from "effect/Fiber"
import * as Layer from "effect/Layer"
import * as TestClock from "effect/TestClock"
import * as Worker from "../worker.js"
import { demoAuth } from "./support.js"

const auth = demoAuth

const ISSUE = "POST /v3/auth/tokens"
const COMPUTE = "GET service:compute"

// The worker against the in-memory simulator, on the TestClock: 2 hours of
// calls every 10 minutes with 1-hour tokens.
const WorkerTest = Worker.layer({ authUrl: "http://keystone.test/v3", auth }).pipe(
  Layer.provideMerge(KeystoneSim.layer())
)

describe("examples/worker", () => {
  it.effect("calls the catalog's compute endpoint and renews its token before expiry", () =>
    Effect.gen(function*() {
      const sim = yield* KeystoneSim.KeystoneSim
      const fiber = yield* Effect.fork(Worker.program({
        service: { type: "compute", interface: "public", region: "RegionOne" },
        path: "/servers",
        every: "10 minutes",
        calls: 13
      }))
      yield* TestClock.adjust("2 hours")
      const summary = yield* Fiber.join(fiber)
      expect(summary).toMatchObject({ calls: 13, ok: 13, failed: 0 })
      // 1-hour tokens, renewed about 6 minutes early: the first at 0, then ~54 min, ~1h48
      expect(summary.renewals).toBe(2)
      expect(yield* sim.count(ISSUE)).toBe(3)
      expect(yield* sim.count(COMPUTE)).toBe(13)
    }).pipe(Effect.provide(WorkerTest)))

  it.effect("a revoked token costs one 401 and one login, not a failed call", () =>
    Effect.gen(function*() {
      const sim = yield* KeystoneSim.KeystoneSim
      const fiber = yield* Effect.fork(Worker.program({
        service: { type: "compute" },
        path: "/servers",
        every: "1 minute",
        calls: 4
      }))
      yield* TestClock.adjust("90 seconds")
      yield* sim.revokeAll
      yield* TestClock.adjust("5 minutes")
      const summary = yield* Fiber.join(fiber)
      expect(summary).toMatchObject({ calls: 4, ok: 4, failed: 0, renewals: 1 })
      expect(yield* sim.count(ISSUE)).toBe(2)
      expect(yield* sim.count(COMPUTE)).toBe(5) // one call was answered 401 and retried
    }).pipe(Effect.provide(WorkerTest)))

  it.effect("a catalog URL with a trailing slash (as many clouds list theirs): the path is joined with one slash", () =>
    Effect.gen(function*() {
      const sim = yield* KeystoneSim.KeystoneSim
      const fiber = yield* Effect.fork(Worker.program({
        service: { type: "identity" },
        path: "/auth/projects",
        every: "1 second",
        calls: 3
      }))
      yield* TestClock.adjust("5 seconds")
      const summary = yield* Fiber.join(fiber)
      expect(summary).toMatchObject({ calls: 3, ok: 3, failed: 0 })
      expect(yield* sim.count("GET /v3/auth/projects")).toBe(3)
    }).pipe(Effect.provide(
      Worker.layer({ authUrl: "http://keystone.test/v3", auth }).pipe(
        Layer.provideMerge(KeystoneSim.layer({
          catalog: KeystoneSim.defaultSeed.catalog.map((service) =>
            service.type === "identity"
              ? { ...service, endpoints: service.endpoints.map((e) => ({ ...e, url: `${e.url}/` })) }
              : service
          )
        }))
      )
    )))
})
