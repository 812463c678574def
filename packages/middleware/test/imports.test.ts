/**
 * What `import`ing the middleware loads: the main entry (AuthToken, the
 * Effect, HttpApi and fetch adapters) runs wherever Effect runs, no `node:`
 * module and no ioredis; the Node adapter and the Redis revocation feed are
 * in their own subpaths.
 */
import { describe, expect, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import { cycles, importGraph, loaded, offending } from "../../../scripts/importGraph.js"

const graph = (entry: string) => Effect.promise(() => importGraph(entry))

describe("what importing @effect-keystone/middleware loads", () => {
  it.effect("the main entry: no node: module, no ioredis, no import cycle", () =>
    Effect.gen(function*() {
      const main = yield* graph("packages/middleware/src/index.ts")
      expect(loaded(main).has("packages/middleware/src/AuthToken.ts")).toBe(true)
      expect(loaded(main).has("packages/middleware/src/RevocationFeed.ts")).toBe(true)
      expect(offending(main, { packages: ["ioredis", "yaml"] })).toEqual([])
      expect(cycles(main, "packages/middleware/src/")).toEqual([])
    }), 60_000)

  it.effect("the Node subpath adds nothing at run time but types (node:http is a type import)", () =>
    Effect.gen(function*() {
      const node = yield* graph("packages/middleware/src/Node.ts")
      expect(offending(node, { packages: ["ioredis", "yaml"] })).toEqual([])
    }), 60_000)

  it.effect("the Redis feed's subpath loads ioredis (through the cache's RedisConnection), without a cycle", () =>
    Effect.gen(function*() {
      const redis = yield* graph("packages/middleware/src/RedisRevocationFeed.ts")
      const found = offending(redis, { packages: ["ioredis"], allowBuiltins: true })
      expect(found).toHaveLength(1)
      expect(found[0]).toMatch(/RedisRevocationFeed\.ts → .*cache\/src\/internal\/redisConnection\.ts → .*node_modules\/ioredis\//)
      expect(cycles(redis, "packages/middleware/src/")).toEqual([])
    }), 60_000)
})
