import { NodeContext } from "@effect/platform-node"
import { describe, expect, it } from "@effect/vitest"
import { KeystoneSim } from "@effect-keystone/testing"
import * as KeystoneSimNode from "@effect-keystone/testing/Node"
import * as Effect from "effect/Effect"
import * as fs from "node:fs/promises"
import * as os from "node:os"
import * as path from "node:path"
import * as ExportToken from "../export-token.js"

const ISSUE = "POST /v3/auth/tokens"

const tempDir = Effect.acquireRelease(
  Effect.promise(() => fs.mkdtemp(path.join(os.tmpdir(), "export-token-test-"))),
  (dir) => Effect.promise(() => fs.rm(dir, { recursive: true, force: true }))
)

describe("examples/export-token", () => {
  it.scopedLive("a second process gets the token from the file store: one issue request in all", () =>
    Effect.gen(function*() {
      const sim = yield* KeystoneSimNode.serve() // a real socket: the child process calls it too
      const directory = yield* tempDir
      const { consumed, exported } = yield* ExportToken.exportToken(ExportToken.simEnv(sim.authUrl), directory)
      expect(consumed).toEqual(exported)
      expect(exported.auditId).toMatch(/^[\w-]{22}$/)
      expect(yield* sim.count(ISSUE)).toBe(1)
      // the first process revoked it on close, and the store no longer holds it
      expect(yield* sim.count("DELETE /v3/auth/tokens")).toBe(1)
      expect((yield* Effect.promise(() => fs.readdir(directory))).filter((f) => f.endsWith(".json"))).toEqual([])
    }).pipe(Effect.provide(NodeContext.layer)), 60_000)

  it.scopedLive("a process with another login does not get it: it logs in itself", () =>
    Effect.gen(function*() {
      const sim = yield* KeystoneSimNode.serve()
      const directory = yield* tempDir
      // the same user scoped to another project: another store key
      const { consumed, exported } = yield* ExportToken.exportToken(ExportToken.simEnv(sim.authUrl), directory, {
        consumerEnv: { OS_PROJECT_NAME: KeystoneSim.Demo2.projectName, OS_PROJECT_DOMAIN_ID: KeystoneSim.Demo2.domainId }
      })
      expect(consumed.auditId).not.toBe(exported.auditId)
      expect(yield* sim.count(ISSUE)).toBe(2)
    }).pipe(Effect.provide(NodeContext.layer)), 60_000)
})
