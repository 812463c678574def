/**
 * The Redis store on a real Redis Cluster of 3 masters (started for this
 * suite), through an ioredis `Cluster` client: the conformance suite (plain
 * and encrypted), entries and locks spread over the nodes, and single flight
 * across "processes" (store instances) logging in once.
 */
import { afterAll, beforeAll, describe, expect, it } from "@effect/vitest"
import { Token } from "@effect-keystone/schema"
import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import * as Layer from "effect/Layer"
import * as Option from "effect/Option"
import * as Redacted from "effect/Redacted"
import * as Scope from "effect/Scope"
import { Cluster } from "ioredis"
import { KeystoneSession, TokenStore } from "../src/index.js"
import * as RedisTokenStore from "../src/RedisTokenStore.js"
import { conformance } from "./TokenStore.conformance.js"
import { uniquePrefix } from "./utils/redis.js"
import { cluster, type Node, onNode } from "./utils/redisTopology.js"
import { auth, ISSUE, makeEnv } from "./utils/session.js"
import { freshKey, makeToken } from "./utils/tokens.js"

const scope = Effect.runSync(Scope.make())
let nodes: ReadonlyArray<Node> = []
let client: Cluster | undefined

beforeAll(async () => {
  nodes = await Effect.runPromise(Scope.extend(cluster(3), scope))
  client = new Cluster(nodes.map((n) => ({ host: "127.0.0.1", port: n.port })), {
    enableOfflineQueue: false,
    redisOptions: { connectTimeout: 2_000, commandTimeout: 2_000, maxRetriesPerRequest: 1 }
  })
  client.on("error", () => {})
}, 30_000)

afterAll(async () => {
  client?.disconnect()
  await Effect.runPromise(Scope.close(scope, Exit.void))
})

const clusterClient = (): Cluster => {
  if (client === undefined) throw new Error("the cluster did not start")
  return client
}

const storeLayer = (prefix: string) => Layer.suspend(() => RedisTokenStore.layer({ client: clusterClient() }, { prefix }))
const key = Redacted.make(Buffer.alloc(32, 7).toString("base64"))

conformance("redis cluster", storeLayer(uniquePrefix("cluster-conformance")), { shared: true })
conformance(
  "encrypted over redis cluster",
  TokenStore.layerEncrypted({ keys: [key] }).pipe(Layer.provide(storeLayer(uniquePrefix("cluster-encrypted")))),
  { shared: true }
)

/** Which master (by port) holds `redisKey` now, if any (the others answer MOVED). */
const holder = (redisKey: string) =>
  Effect.promise(() =>
    Promise.all(nodes.map((n) => onNode(n.port, (r) => r.exists(redisKey).catch(() => 0))))
  ).pipe(Effect.map((found) => Option.fromNullable(nodes[found.findIndex((x) => x === 1)]?.port)))

describe("RedisTokenStore.layer on a Cluster", () => {
  it.live("entries spread over all 3 masters; an entry and its lock often live on different nodes", () =>
    Effect.gen(function*() {
      const prefix = uniquePrefix("cluster-spread")
      const keys = Array.from({ length: 24 }, freshKey)
      let splitPairs = 0
      yield* Effect.gen(function*() {
        const s = yield* TokenStore.TokenStore
        for (const k of keys) {
          yield* s.set(k, makeToken())
          const lockHolder = yield* s.withLock(k, holder(`${prefix}lock:${k}`))
          const entryHolder = yield* holder(`${prefix}token:${k}`)
          expect(Option.isSome(lockHolder) && Option.isSome(entryHolder)).toBe(true)
          if (Option.getOrUndefined(lockHolder) !== Option.getOrUndefined(entryHolder)) splitPairs++
          expect(Option.isSome(yield* s.get(k))).toBe(true)
        }
      }).pipe(Effect.provide(storeLayer(prefix)))
      const perNode = yield* Effect.forEach(keys, (k) => holder(`${prefix}token:${k}`))
      const ports = new Set(perNode.flatMap((p) => Option.toArray(p)))
      expect(ports.size).toBe(3)
      expect(splitPairs).toBeGreaterThan(0)
    }))

  it.scopedLive("single flight: 6 sessions with their own store instances, started together, log in once", () =>
    Effect.gen(function*() {
      const prefix = uniquePrefix("cluster-flight")
      const env = yield* makeEnv()
      const sessions = yield* Effect.forEach(Array.from({ length: 6 }), () =>
        Effect.gen(function*() {
          const store = yield* RedisTokenStore.make({ client: clusterClient() }, { prefix })
          return yield* Effect.provide(
            KeystoneSession.make({ auth }),
            Context.add(env.context, TokenStore.TokenStore, store)
          )
        }))
      const tokens = yield* Effect.all(sessions.map((s) => s.token), { concurrency: "unbounded" })
      expect(yield* env.sim.count(ISSUE)).toBe(1)
      for (const t of tokens) expect(Token.equivalence(t, tokens[0]!)).toBe(true)
      const locks = yield* Effect.promise(() =>
        Promise.all(nodes.map((n) => onNode(n.port, (r) => r.keys(`${prefix}lock:*`))))
      )
      expect(locks.flat()).toEqual([])
    }))
})
