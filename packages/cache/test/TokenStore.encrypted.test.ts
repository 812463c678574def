/**
 * `TokenStore.layerEncrypted`: the shared conformance suite over memory and
 * Redis, and what an attacker who can write the Redis can and cannot do.
 */
import * as NodeContext from "@effect/platform-node/NodeContext"
import { afterAll, describe, expect, it } from "@effect/vitest"
import { Token } from "@effect-keystone/schema"
import * as Config from "effect/Config"
import * as ConfigProvider from "effect/ConfigProvider"
import * as Context from "effect/Context"
import * as DateTime from "effect/DateTime"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Option from "effect/Option"
import * as Redacted from "effect/Redacted"
import * as Fs from "node:fs"
import * as Os from "node:os"
import * as Path from "node:path"
import type { Redis } from "ioredis"
import { TokenStore } from "../src/index.js"
import * as FileTokenStore from "../src/FileTokenStore.js"
import * as RedisTokenStore from "../src/RedisTokenStore.js"
import { conformance } from "./TokenStore.conformance.js"
import { capture } from "./utils/logs.js"
import { inspectRedis, uniquePrefix, useRedisUrl } from "./utils/redis.js"
import { auth, makeEnv, makeSession } from "./utils/session.js"
import { freshKey, makeToken } from "./utils/tokens.js"

const url = useRedisUrl()

/** A fresh key in the documented format: base64 of 32 random bytes. */
const newKey = () => Redacted.make(Buffer.from(crypto.getRandomValues(new Uint8Array(32))).toString("base64"))

const keyA = newKey()
const keyB = newKey()

const encryptedOver = (below: Layer.Layer<TokenStore.TokenStore>, keys = [keyA] as const) =>
  TokenStore.layerEncrypted({ keys: [...keys] as [Redacted.Redacted<string>] }).pipe(Layer.provide(below))

conformance("encrypted over memory", encryptedOver(TokenStore.layerMemory))
const fileRoot = Fs.mkdtempSync(Path.join(Os.tmpdir(), "effect-keystone-encrypted-file-"))
afterAll(() => Fs.rmSync(fileRoot, { recursive: true, force: true }))
conformance(
  "encrypted over file",
  encryptedOver(FileTokenStore.layer({ directory: Path.join(fileRoot, "conformance") }).pipe(Layer.provide(NodeContext.layer))),
  { shared: true }
)
const conformancePrefix = uniquePrefix("encrypted-conformance")
conformance(
  "encrypted over redis",
  Layer.suspend(() => encryptedOver(RedisTokenStore.layer({ url: url() }, { prefix: conformancePrefix }))),
  { shared: true }
)

const store = TokenStore.TokenStore
const tokenId = (token: Token.Token) => Redacted.value(token.id)

const inspector = Effect.suspend(() => inspectRedis(url()))

/** Runs `effect` on the store `layer`, with captured logs; returns its result and the logs. */
const on = <A, E>(layer: Layer.Layer<TokenStore.TokenStore, E>, effect: Effect.Effect<A, TokenStore.TokenStoreError, TokenStore.TokenStore>) => {
  const logs = capture()
  return Effect.map(Effect.provide(Effect.provide(effect, layer), logs.layer), (a) => [a, logs] as const)
}

const redisLayer = (prefix: string, keys: ReadonlyArray<Redacted.Redacted<string>> = [keyA]) =>
  TokenStore.layerEncrypted({ keys: keys as [Redacted.Redacted<string>] }).pipe(
    Layer.provide(RedisTokenStore.layer({ url: url() }, { prefix }))
  )

describe("TokenStore.layerEncrypted on Redis: what is stored", () => {
  it.scopedLive("the stored value holds no token id, user, project or catalog URL in clear", () =>
    Effect.gen(function*() {
      const redis = yield* inspector
      const prefix = uniquePrefix("enc-clear")
      const key = freshKey()
      const token = makeToken()
      yield* on(redisLayer(prefix), Effect.flatMap(store, (s) => s.set(key, token)))
      const value = (yield* Effect.promise(() => redis.get(`${prefix}token:${key}`)))!
      expect(value).toMatch(/^ek1\.[0-9a-f]{8}\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]+$/)
      for (const clear of [tokenId(token), "demo", "svc0.example.com", "audit-1", "RegionOne"]) {
        expect(value).not.toContain(clear)
      }
      const ttl = yield* Effect.promise(() => redis.pttl(`${prefix}token:${key}`))
      expect(ttl).toBeGreaterThan(0) // the expiry still reaches the backend for its TTL
    }))

  it.scopedLive("over the file store, the entry file holds no token id, user or catalog URL in clear", () =>
    Effect.gen(function*() {
      const directory = Path.join(fileRoot, "clear")
      const key = freshKey()
      const token = makeToken()
      const layer = encryptedOver(FileTokenStore.layer({ directory }).pipe(Layer.provide(NodeContext.layer)))
      yield* on(layer, Effect.flatMap(store, (s) => s.set(key, token)))
      const value = Fs.readFileSync(Path.join(directory, `${key}.json`), "utf8")
      expect(value).toMatch(/^ek1\.[0-9a-f]{8}\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]+$/)
      for (const clear of [tokenId(token), "demo", "svc0.example.com", "audit-1", "RegionOne"]) {
        expect(value).not.toContain(clear)
      }
      const [back] = yield* on(layer, Effect.flatMap(store, (s) => s.get(key)))
      expect(tokenId(Option.getOrThrow(back))).toBe(tokenId(token))
    }))

  it.scopedLive("two writes of the same token differ (a fresh nonce each time)", () =>
    Effect.gen(function*() {
      const redis = yield* inspector
      const prefix = uniquePrefix("enc-nonce")
      const key = freshKey()
      const token = makeToken()
      const read = () => Effect.promise(() => redis.get(`${prefix}token:${key}`))
      yield* on(redisLayer(prefix), Effect.flatMap(store, (s) => s.set(key, token)))
      const first = yield* read()
      yield* on(redisLayer(prefix), Effect.flatMap(store, (s) => s.set(key, token)))
      const second = yield* read()
      expect(first!.split(".")[2]).not.toBe(second!.split(".")[2])
      expect(first).not.toBe(second)
    }))
})

describe("TokenStore.layerEncrypted on Redis: entries that do not authenticate are misses", () => {
  /** Writes `token` under `key`, lets `plant` rewrite Redis, then reads `readKey`. */
  const attack = (
    plant: (redis: Redis, prefix: string, key: string) => Promise<unknown>,
    options: { readonly readKey?: TokenStore.StoreKey; readonly readKeys?: ReadonlyArray<Redacted.Redacted<string>> } = {}
  ) =>
    Effect.gen(function*() {
      const redis = yield* inspector
      const prefix = uniquePrefix("enc-attack")
      const key = freshKey()
      const token = makeToken()
      yield* on(redisLayer(prefix), Effect.flatMap(store, (s) => s.set(key, token)))
      yield* Effect.promise(() => plant(redis, prefix, key))
      const readKey = options.readKey ?? key
      const [got, logs] = yield* on(redisLayer(prefix, options.readKeys), Effect.flatMap(store, (s) => s.get(readKey)))
      for (const line of logs.lines) {
        expect(line.text).not.toContain(tokenId(token))
        expect(line.text).not.toContain(Redacted.value(keyA))
      }
      return { got, logs, readKey }
    })

  const expectWarnedMiss = (
    result: { readonly got: Option.Option<Token.Token>; readonly logs: ReturnType<typeof capture>; readonly readKey: string },
    reason: string
  ) => {
    expect(result.got).toEqual(Option.none())
    const warnings = result.logs.warnings()
    expect(warnings).toHaveLength(1)
    expect(warnings[0]!.message).toBe("TokenStore: ignoring a stored entry")
    expect(warnings[0]!.annotations).toMatchObject({ backend: "redis", key: result.readKey, reason })
  }

  for (const position of ["nonce", "ciphertext", "tag"] as const) {
    it.scopedLive(`one flipped bit in the ${position}: a miss with a warning`, () =>
      Effect.gen(function*() {
        const result = yield* attack(async (redis, prefix, key) => {
          const value = (await redis.get(`${prefix}token:${key}`))!
          const parts = value.split(".")
          const index = position === "nonce" ? 2 : 3
          const bytes = Buffer.from(parts[index]!, "base64url")
          bytes[position === "tag" ? bytes.length - 1 : 0]! ^= 0x01
          parts[index] = bytes.toString("base64url")
          await redis.set(`${prefix}token:${key}`, parts.join("."))
        })
        expectWarnedMiss(result, "authentication-failed")
      }))
  }

  it.scopedLive("an entry copied to another key: a miss with a warning", () =>
    Effect.gen(function*() {
      const other = freshKey()
      const result = yield* attack(
        async (redis, prefix, key) => redis.set(`${prefix}token:${other}`, (await redis.get(`${prefix}token:${key}`))!),
        { readKey: other }
      )
      expectWarnedMiss(result, "authentication-failed")
    }))

  it.scopedLive("an entry under a key we do not hold: a miss with a warning", () =>
    Effect.gen(function*() {
      const result = yield* attack(async () => undefined, { readKeys: [keyB] })
      expectWarnedMiss(result, "unknown-key")
    }))

  it.scopedLive("an entry with our key id but sealed by another key: a miss with a warning", () =>
    Effect.gen(function*() {
      const forged = yield* attack(async (redis, prefix, key) => {
        // what an attacker without the key can do: keep our header, put their own bytes behind it
        const ours = (await redis.get(`${prefix}token:${key}`))!
        const [format, kid] = ours.split(".")
        const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(12))).toString("base64url")
        const sealed = Buffer.from(crypto.getRandomValues(new Uint8Array(200))).toString("base64url")
        await redis.set(`${prefix}token:${key}`, [format, kid, nonce, sealed].join("."))
      })
      expectWarnedMiss(forged, "authentication-failed")
    }))

  it.scopedLive("a planted plaintext envelope under the key: a miss with a warning", () =>
    Effect.gen(function*() {
      const planted = makeToken({ id: "attacker-token" })
      const result = yield* attack((redis, prefix, key) =>
        redis.set(`${prefix}token:${key}`, TokenStore.encode(planted, DateTime.unsafeNow()))
      )
      expectWarnedMiss(result, "not-encrypted")
    }))

  for (
    const c of [
      { name: "garbage", value: "\u0000not an entry{" },
      { name: "a truncated entry", value: "ek1.0011aabb.AAAA" },
      { name: "a header with a bad nonce", value: "ek1.0011aabb.AAAA.AAAAAAAAAAAAAAAAAAAAAAAAAAAA" },
      { name: "a non-base64 body", value: "ek1.0011aabb.AAAAAAAAAAAAAAAA.!!!!" }
    ] as const
  ) {
    it.scopedLive(`${c.name}: a miss with a warning`, () =>
      Effect.gen(function*() {
        const result = yield* attack((redis, prefix, key) => redis.set(`${prefix}token:${key}`, c.value))
        expectWarnedMiss(result, c.name === "garbage" ? "not-encrypted" : "corrupt")
      }))
  }
})

describe("TokenStore.layerEncrypted: keys", () => {
  it.scopedLive("rotation: an entry sealed with the old key opens with [new, old]; new writes use the new key", () =>
    Effect.gen(function*() {
      const redis = yield* inspector
      const prefix = uniquePrefix("enc-rotate")
      const [key, later] = [freshKey(), freshKey()]
      const [token, next] = [makeToken(), makeToken()]
      yield* on(redisLayer(prefix, [keyA]), Effect.flatMap(store, (s) => s.set(key, token)))
      const oldKid = (yield* Effect.promise(() => redis.get(`${prefix}token:${key}`)))!.split(".")[1]
      const [got] = yield* on(redisLayer(prefix, [keyB, keyA]), Effect.flatMap(store, (s) => Effect.zipLeft(s.get(key), s.set(later, next))))
      expect(tokenId(Option.getOrThrow(got))).toBe(tokenId(token))
      const newKid = (yield* Effect.promise(() => redis.get(`${prefix}token:${later}`)))!.split(".")[1]
      expect(newKid).not.toBe(oldKid)
      // the new entry needs the new key: the old key alone cannot open it
      const [withOld, logs] = yield* on(redisLayer(prefix, [keyA]), Effect.flatMap(store, (s) => s.get(later)))
      expect(withOld).toEqual(Option.none())
      expect(logs.warnings()[0]!.annotations).toMatchObject({ reason: "unknown-key" })
      const [withNew] = yield* on(redisLayer(prefix, [keyB]), Effect.flatMap(store, (s) => s.get(later)))
      expect(tokenId(Option.getOrThrow(withNew))).toBe(tokenId(next))
    }))

  const buildWith = (keys: ReadonlyArray<string>) =>
    Effect.flip(Layer.build(
      TokenStore.layerEncrypted({ keys: keys.map((k) => Redacted.make(k)) as [Redacted.Redacted<string>] }).pipe(
        Layer.provide(TokenStore.layerMemory)
      )
    ))

  for (
    const c of [
      { name: "31 bytes", key: Buffer.alloc(31, 7).toString("base64"), detail: "31 bytes" },
      { name: "an empty string", key: "", detail: "0 bytes" },
      { name: "a passphrase (not base64)", key: "correct horse battery staple!", detail: "not base64" }
    ]
  ) {
    it.scoped(`a key of ${c.name} is refused with TokenStoreEncryptionError, naming its position only`, () =>
      Effect.gen(function*() {
        const error = yield* buildWith([Redacted.value(keyA), c.key])
        expect(error).toMatchObject({ _tag: "TokenStoreEncryptionError", reason: "InvalidKey" })
        expect(error.message).toContain("key #2")
        expect(error.message).toContain(c.detail)
        if (c.key !== "") expect(error.message).not.toContain(c.key)
        expect(error.message).not.toContain(Redacted.value(keyA))
      }))
  }

  it.scoped("URL-safe base64 without padding and longer keys are accepted", () =>
    Effect.gen(function*() {
      const urlSafe = Buffer.from(crypto.getRandomValues(new Uint8Array(32))).toString("base64url")
      const long = Buffer.from(crypto.getRandomValues(new Uint8Array(64))).toString("base64")
      const context = yield* Layer.build(
        TokenStore.layerEncrypted({ keys: [Redacted.make(urlSafe), Redacted.make(long)] }).pipe(
          Layer.provide(TokenStore.layerMemory)
        )
      )
      const s = Context.get(context, store)
      const key = freshKey()
      const token = makeToken()
      yield* s.set(key, token)
      expect(tokenId(Option.getOrThrow(yield* s.get(key)))).toBe(tokenId(token))
    }))

  it.scoped("a store below that cannot hold opaque entries is refused (UnsupportedStore)", () =>
    Effect.gen(function*() {
      const twice = TokenStore.layerEncrypted({ keys: [keyA] }).pipe(Layer.provide(encryptedOver(TokenStore.layerMemory)))
      const error = yield* Effect.flip(Layer.build(twice))
      expect(error).toMatchObject({ _tag: "TokenStoreEncryptionError", reason: "UnsupportedStore" })
    }))

  it.scoped("layerEncryptedConfig reads a comma-separated list; the first encrypts, all decrypt", () =>
    Effect.gen(function*() {
      const layer = TokenStore.layerEncryptedConfig({ keys: Config.array(Config.redacted(), "STORE_KEYS") })
      const provider = (value: string) =>
        Layer.setConfigProvider(ConfigProvider.fromMap(new Map([["STORE_KEYS", value]])))
      const below = yield* Layer.build(TokenStore.layerMemory)
      const storeWith = (value: string) =>
        Effect.map(
          Layer.build(layer.pipe(Layer.provide(Layer.succeedContext(below)), Layer.provide(provider(value)))),
          (context) => Context.get(context, store)
        )
      const key = freshKey()
      const token = makeToken()
      yield* Effect.flatMap(storeWith(Redacted.value(keyA)), (s) => s.set(key, token))
      const rotated = yield* storeWith(`${Redacted.value(keyB)},${Redacted.value(keyA)}`)
      expect(tokenId(Option.getOrThrow(yield* rotated.get(key)))).toBe(tokenId(token))
      const newOnly = yield* storeWith(Redacted.value(keyB))
      expect(yield* newOnly.get(key)).toEqual(Option.none())

      const missing = yield* Effect.flip(
        Layer.build(layer.pipe(Layer.provide(Layer.succeedContext(below)), Layer.provide(Layer.setConfigProvider(ConfigProvider.fromMap(new Map())))))
      )
      expect(missing._tag).toBe("ConfigError")
      const short = yield* Effect.flip(storeWith(`${Redacted.value(keyA)},c2hvcnQ=`))
      expect(short).toMatchObject({ _tag: "TokenStoreEncryptionError", reason: "InvalidKey" })
      const none = yield* Effect.flip(Layer.build(
        TokenStore.layerEncryptedConfig({ keys: Config.succeed([]) }).pipe(Layer.provide(Layer.succeedContext(below)))
      ))
      expect(none).toMatchObject({ _tag: "TokenStoreEncryptionError", reason: "NoKeys" })
    }))
})

describe("KeystoneSession over an encrypted Redis", () => {
  it.scopedLive("a plaintext token planted under the session's key is not adopted; the session logs in itself", () =>
    Effect.gen(function*() {
      const prefix = uniquePrefix("enc-session")
      const plain = yield* Layer.build(RedisTokenStore.layer({ url: url() }, { prefix }))
      const env = yield* makeEnv({ store: Layer.orDie(redisLayer(prefix)) })
      const logs = capture()
      // the attacker plants a valid-looking, unexpired token with their own endpoints, under the key the
      // session will use, before it starts (its first store read comes at once, in the background)
      const planted = makeToken({ id: "attacker-token" })
      const key = TokenStore.key({ authUrl: env.client.authUrl, auth })
      yield* Context.get(plain, store).set(key, planted)
      const session = yield* Effect.provide(makeSession(env), logs.layer)
      expect(session.storeKey).toBe(key)
      const token = yield* Effect.provide(session.token, logs.layer)
      expect(tokenId(token)).not.toBe("attacker-token")
      expect(yield* env.sim.count("POST /v3/auth/tokens")).toBe(1)
      expect(logs.warnings().some((l) => l.annotations.reason === "not-encrypted")).toBe(true)
      // and what the session stored is sealed
      const redis = yield* inspector
      const value = yield* Effect.promise(() => redis.get(`${prefix}token:${session.storeKey}`))
      expect(value!.startsWith("ek1.")).toBe(true)
      expect(value).not.toContain(tokenId(token))
    }))
})
