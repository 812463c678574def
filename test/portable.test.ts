/**
 * The core runs wherever Effect runs: importing the main entry of schema,
 * client or testing loads no `node:` (or `bun:`) module, no ioredis and no
 * yaml (the cache package checks its own entries in
 * `packages/cache/test/imports.test.ts`). Node-only parts live in named
 * subpaths (`client/Tls`, `testing/Node`, …), and the last test shows the
 * check sees them there. The Bun and Deno suites (`npm run test:runtimes`)
 * run a real flow on top.
 */
import { describe, expect, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import { importGraph, offending } from "../scripts/importGraph.js"

const graph = (entry: string) => Effect.promise(() => importGraph(entry))

const core = ["schema", "client", "testing"]

describe("the core entries import no node: module, ioredis or yaml", () => {
  for (const name of core) {
    it.effect(`@effect-keystone/${name}`, () =>
      Effect.gen(function*() {
        const main = yield* graph(`packages/${name}/src/index.ts`)
        expect(main.imports.size).toBeGreaterThan(10)
        expect(offending(main, { packages: ["ioredis", "yaml"] })).toEqual([])
      }), 60_000)
  }

  it.effect("the check sees what it looks for: @effect-keystone/testing/Node loads node:http", () =>
    Effect.gen(function*() {
      const node = yield* graph("packages/testing/src/Node.ts")
      expect(offending(node)).toContain("packages/testing/src/Node.ts → node:http")
    }), 60_000)
})
