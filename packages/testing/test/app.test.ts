/**
 * `KeystoneSimService.app`: the simulator as an `HttpApp`, served here as a
 * web handler (`HttpApp.toWebHandler`), as `Deno.serve` or a worker would.
 */
import * as HttpApp from "@effect/platform/HttpApp"
import { describe, expect, it } from "@effect/vitest"
import { Fault, KeystoneSim } from "@effect-keystone/testing"
import * as Effect from "effect/Effect"
import { demo } from "./utils.js"

const issue = (handler: (request: Request) => Promise<Response>, sim: KeystoneSim.KeystoneSimService) =>
  Effect.promise(() =>
    handler(
      new Request(`${sim.authUrl}/auth/tokens`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(demo({ project: { id: KeystoneSim.Demo.projectId } }))
      })
    )
  )

describe("KeystoneSim app", () => {
  it.effect("answers as a web handler: Keystone's status line, headers and counts", () =>
    Effect.gen(function*() {
      const sim = yield* KeystoneSim.make()
      const handler = HttpApp.toWebHandler(sim.app)
      const res = yield* issue(handler, sim)
      expect(`${res.status} ${res.statusText}`).toBe("201 CREATED")
      expect(res.headers.get("x-subject-token")).toMatch(/^gAAAAAB/)
      expect(res.headers.get("vary")).toBe("X-Auth-Token")
      const notFound = yield* Effect.promise(() => handler(new Request(`${sim.baseUrl}/nowhere/`)))
      expect(notFound.status).toBe(404)
      expect(notFound.headers.get("content-type")).toBe("text/html; charset=utf-8")
      expect(yield* sim.counts).toEqual({ "POST /v3/auth/tokens": 1, "GET /nowhere": 1 })
    }))

  it.effect("a dropped connection, where the host cannot close it: the status line, then a body that fails", () =>
    Effect.gen(function*() {
      const sim = yield* KeystoneSim.make()
      const handler = HttpApp.toWebHandler(sim.app)
      yield* sim.inject(Fault.reset())
      const res = yield* issue(handler, sim)
      const body = yield* Effect.either(Effect.tryPromise(() => res.text()))
      expect(body._tag).toBe("Left")
      expect(yield* sim.tokensIssued).toBe(0)
    }))
})
