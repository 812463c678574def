/**
 * What `import`ing the cache package loads. The main entry (KeystoneSession,
 * TokenStore with the memory and encrypted stores, ServiceClient) runs
 * wherever Effect runs: no `node:` module, no ioredis, no yaml. The Node-only
 * stores live in their own subpaths, and the checks below see them there.
 */
import { describe, expect, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import { cycles, importGraph, loaded, offending } from "../../../scripts/importGraph.js"

const graph = (entry: string) => Effect.promise(() => importGraph(entry))

describe("what importing @effect-keystone/cache loads", () => {
  it.effect("the main entry: no node: module, ioredis or yaml", () =>
    Effect.gen(function*() {
      const main = yield* graph("packages/cache/src/index.ts")
      expect(loaded(main).has("packages/cache/src/KeystoneSession.ts")).toBe(true)
      expect(offending(main, { packages: ["ioredis", "yaml"] })).toEqual([])
    }), 60_000)

  it.effect("no runtime import cycle among the package's modules", () =>
    Effect.gen(function*() {
      for (const entry of ["index", "FileTokenStore", "RedisTokenStore", "RedisConnection"]) {
        const g = yield* graph(`packages/cache/src/${entry}.ts`)
        expect(cycles(g, "packages/cache/src/")).toEqual([])
      }
    }), 60_000)

  it.effect("the Redis store's subpath loads ioredis (the check sees what it looks for)", () =>
    Effect.gen(function*() {
      const redis = yield* graph("packages/cache/src/RedisTokenStore.ts")
      const found = offending(redis, { packages: ["ioredis"], allowBuiltins: true })
      expect(found).toHaveLength(1)
      expect(found[0]).toMatch(/^packages\/cache\/src\/RedisTokenStore\.ts → .*node_modules\/ioredis\//)
    }), 60_000)

  it.effect("the file store's subpath is the one that loads node:fs", () =>
    Effect.gen(function*() {
      const file = yield* graph("packages/cache/src/FileTokenStore.ts")
      expect(offending(file).filter((line) => line.endsWith("→ node:fs"))).toEqual([
        expect.stringMatching(/internal\/safeFile\.ts → node:fs$/)
      ])
    }), 60_000)
})
