/**
 * `TokenStore.makeSealer`: strings sealed with the store's keys, bound to a
 * context, never interchangeable with store entries.
 */
import { describe, expect, it } from "@effect/vitest"
import * as DateTime from "effect/DateTime"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Option from "effect/Option"
import * as Redacted from "effect/Redacted"
import { TokenStore } from "../src/index.js"
import { freshKey, makeToken } from "./utils/tokens.js"

const newKey = () => Redacted.make(Buffer.from(crypto.getRandomValues(new Uint8Array(32))).toString("base64"))

describe("TokenStore.makeSealer", () => {
  it.effect("opens what it sealed under the same context only; another key, a tampered or foreign string do not open", () =>
    Effect.gen(function*() {
      const [keyA, keyB] = [newKey(), newKey()]
      const sealer = yield* TokenStore.makeSealer({ keys: [keyA] })
      const sealed = yield* sealer.seal("channel-1", "{\"events\":[]}")
      expect(sealed).toMatch(/^ek1\.[0-9a-f]{8}\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]+$/)
      expect(sealed).not.toContain("events")
      expect(yield* sealer.open("channel-1", sealed)).toEqual(Either.right("{\"events\":[]}"))
      // a random nonce each time
      expect(yield* sealer.seal("channel-1", "{\"events\":[]}")).not.toBe(sealed)
      expect(yield* sealer.open("channel-2", sealed)).toEqual(Either.left("authentication-failed"))
      const [format, kid, nonce, body] = sealed.split(".")
      const flipped = `${body!.slice(0, -2)}${body!.endsWith("AA") ? "BA" : "AA"}`
      expect(yield* sealer.open("channel-1", [format, kid, nonce, flipped].join("."))).toEqual(Either.left("authentication-failed"))
      expect(yield* sealer.open("channel-1", "{\"events\":[]}")).toEqual(Either.left("not-encrypted"))
      expect(yield* sealer.open("channel-1", "ek1.0011aabb.AAAA")).toEqual(Either.left("corrupt"))
      const other = yield* TokenStore.makeSealer({ keys: [keyB] })
      expect(yield* other.open("channel-1", sealed)).toEqual(Either.left("unknown-key"))
      // rotation: [new, old] opens the old key's strings and seals with the new one
      const rotated = yield* TokenStore.makeSealer({ keys: [keyB, keyA] })
      expect(yield* rotated.open("channel-1", sealed)).toEqual(Either.right("{\"events\":[]}"))
      expect(yield* other.open("channel-1", yield* rotated.seal("channel-1", "x"))).toEqual(Either.right("x"))
    }))

  it.effect("a store entry never opens as a sealed string, nor a sealed string as a store entry (same key, same name)", () =>
    Effect.gen(function*() {
      const keys = [newKey()] as const
      const backend = yield* TokenStore.makeMemory
      const store = yield* TokenStore.makeEncrypted(backend, { keys })
      const sealer = yield* TokenStore.makeSealer({ keys })
      const key = freshKey()
      yield* store.set(key, makeToken())
      const entry = Option.getOrThrow(yield* backend.raw!.get(key))
      expect(yield* sealer.open(key, entry)).toEqual(Either.left("authentication-failed"))
      const planted = freshKey()
      yield* backend.raw!.set(planted, yield* sealer.seal(planted, TokenStore.encode(makeToken(), yield* DateTime.now)), Option.none())
      expect(Option.isNone(yield* store.get(planted))).toBe(true)
    }))

  it.effect("a bad key fails like makeEncrypted's", () =>
    Effect.gen(function*() {
      const error = yield* Effect.flip(TokenStore.makeSealer({ keys: [Redacted.make("c2hvcnQ=")] }))
      expect(error).toMatchObject({ _tag: "TokenStoreEncryptionError", reason: "InvalidKey" })
      expect(error.message).not.toContain("c2hvcnQ")
    }))
})
