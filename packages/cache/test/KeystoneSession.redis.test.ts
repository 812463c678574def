/**
 * A session on a real Redis store that goes away mid-test (a private
 * redis-server, stopped and started again): the session keeps handing out
 * tokens from Keystone meanwhile, and writes to Redis again once it is back.
 */
import { describe, expect, it } from "@effect/vitest"
import { KeystoneClient } from "@effect-keystone/client"
import { Token } from "@effect-keystone/schema"
import { KeystoneSim } from "@effect-keystone/testing"
import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Option from "effect/Option"
import * as KeystoneSession from "../src/KeystoneSession.js"
import * as TokenStore from "../src/TokenStore.js"
import * as RedisTokenStore from "../src/RedisTokenStore.js"
import { privateRedis, uniquePrefix } from "./utils/redis.js"
import { auth, ISSUE } from "./utils/session.js"

describe("KeystoneSession on Redis", () => {
  it.scopedLive("Redis stopped mid-run: the session keeps working; restarted: entries are written again", () =>
    Effect.gen(function*() {
      const redis = yield* privateRedis
      const prefix = uniquePrefix("session-outage")
      const storeLayer = RedisTokenStore.layer({ url: redis.url }, { prefix, timeout: "1 second" })
      const layers = KeystoneSession.layer({ auth }).pipe(
        Layer.provideMerge(KeystoneClient.layer({ authUrl: "http://keystone.test/v3", retry: false })),
        Layer.provideMerge(storeLayer),
        Layer.provideMerge(KeystoneSim.layer())
      )
      const context = yield* Layer.build(layers)
      const session = Context.get(context, KeystoneSession.KeystoneSession)
      const sim = Context.get(context, KeystoneSim.KeystoneSim)
      const store = Context.get(context, TokenStore.TokenStore)
      // a second store instance: what another process would read
      const reader = yield* RedisTokenStore.make({ url: redis.url }, { prefix, timeout: "1 second" })
      const stored = Effect.map(reader.get(session.storeKey), Option.map((t) => t.auditIds[0]))

      const first = yield* session.token
      expect(yield* stored).toEqual(Option.some(first.auditIds[0]))

      yield* redis.stop
      expect((yield* Effect.flip(store.get(session.storeKey)))._tag).toBe("TokenStoreError")
      const during = yield* session.refresh
      expect(Token.equivalence(during, first)).toBe(false)
      expect(Token.equivalence(yield* session.token, during)).toBe(true)
      expect(yield* sim.count(ISSUE)).toBe(2)

      yield* redis.start
      const after = yield* session.refresh
      expect(yield* stored).toEqual(Option.some(after.auditIds[0]))
      expect(yield* sim.count(ISSUE)).toBe(3)
    }), 60_000)
})
