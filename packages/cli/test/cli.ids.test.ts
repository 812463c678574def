/**
 * Issue 8, defect 1 through the CLI: `keystone-token check ..` against a
 * v2.0 URL used to print `true` with no credentials at all (HEAD /v2.0).
 */
import { describe, expect, it } from "@effect/vitest"
import * as KeystoneSimNode from "@effect-keystone/testing/Node"
import * as Effect from "effect/Effect"
import { run } from "./support.js"

describe("keystone-token check with ids that are not token ids", () => {
  it.scopedLive("`check ..` and `check .` against a v2.0 URL: not `true` but InvalidInput (exit 2), nothing sent", () =>
    Effect.gen(function*() {
      const sim = yield* KeystoneSimNode.serve(undefined, { port: 0 })
      for (const id of ["..", "."]) {
        const r = yield* run(["check", id], { OS_AUTH_URL: sim.authUrlV2 })
        expect(r.stdout).not.toContain("true")
        expect(r.code).toBe(2)
        expect(r.stderr).toMatch(/^keystone-token: InvalidInput \(subject, not sent\): /)
        expect(r.stderr).toContain("dot segment")
      }
      expect(yield* sim.count()).toBe(0)
    }))
})
