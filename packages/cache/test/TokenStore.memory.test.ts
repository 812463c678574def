import { describe, expect, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as Option from "effect/Option"
import * as Redacted from "effect/Redacted"
import { TokenStore } from "../src/index.js"
import { conformance } from "./TokenStore.conformance.js"
import { freshKey, makeToken } from "./utils/tokens.js"

conformance("memory", TokenStore.layerMemory)

describe("TokenStore.layerMemory at scale", () => {
  // one entry per session of a process with 10,000 sessions, twice over; a copy of every entry on each
  // set (as the store once made) took minutes here, so this test then timed out
  it.effect("holds 20,000 entries, each read back as set; removes one without touching the others", () =>
    Effect.gen(function*() {
      const store = yield* TokenStore.TokenStore
      const token = makeToken()
      const keys = Array.from({ length: 20_000 }, freshKey)
      for (const key of keys) yield* store.set(key, token)
      for (const key of [keys[0]!, keys[9_999]!, keys[19_999]!]) {
        expect(Option.map(yield* store.get(key), (t) => Redacted.value(t.id))).toEqual(Option.some(Redacted.value(token.id)))
      }
      yield* store.remove(keys[5]!)
      expect(yield* store.get(keys[5]!)).toEqual(Option.none())
      expect(Option.isSome(yield* store.get(keys[6]!))).toBe(true)
    }).pipe(Effect.provide(TokenStore.layerMemory)))
})
