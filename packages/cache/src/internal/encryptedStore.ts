/**
 * `TokenStore.makeEncrypted`: entries sealed with AES-256-GCM (WebCrypto)
 * through the backend's `raw` entries.
 *
 * Stored form: `ek1.<kid>.<nonce>.<ciphertext>`, where `kid` is 8 hex digits
 * derived from the secret (HKDF-SHA256, its own `info`), `nonce` 12 random
 * bytes and `ciphertext` the AES-GCM output (128-bit tag included), both
 * base64url. The associated data is `ek1|<kid>|<store key>`. The plaintext is
 * the usual envelope (`TokenStore.encode`).
 */
import * as Arr from "effect/Array"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Option from "effect/Option"
import * as Redacted from "effect/Redacted"
import type * as TokenStore from "../TokenStore.js"
import * as Envelope from "./envelope.js"
import { TokenStoreEncryptionError, TokenStoreError } from "./storeErrors.js"
import * as StoreMetrics from "./storeMetrics.js"

const format = "ek1"
const nonceBytes = 12
const tagBytes = 16
const minimumKeyBytes = 32

const encoder = new TextEncoder()
const decoder = new TextDecoder()
const salt = encoder.encode("effect-keystone/TokenStore")

type Subtle = typeof globalThis.crypto.subtle

interface SealingKey {
  readonly id: string
  readonly key: Awaited<ReturnType<Subtle["importKey"]>>
}

/** Why a stored string was not opened. */
type OpenFailure = "not-encrypted" | "corrupt" | "unknown-key" | "authentication-failed"

const base64UrlEncode = (bytes: Uint8Array): string => {
  let binary = ""
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "")
}

/** Standard or URL-safe base64, padding optional; `undefined` when it is not base64. */
const base64Decode = (text: string): Uint8Array<ArrayBuffer> | undefined => {
  if (!/^[A-Za-z0-9+/_-]*={0,2}$/.test(text)) return undefined
  const standard = text.replace(/=+$/, "").replace(/-/g, "+").replace(/_/g, "/")
  if (standard.length % 4 === 1) return undefined
  try {
    const binary = atob(standard.padEnd(standard.length + (4 - standard.length % 4) % 4, "="))
    const bytes = new Uint8Array(binary.length)
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i)
    return bytes
  } catch {
    return undefined
  }
}

const fail = (reason: TokenStoreEncryptionError["reason"], message: string) =>
  new TokenStoreEncryptionError({ reason, message })

/** Checks one secret and derives its AES key and key id; the error names the key's position only. */
const deriveKey = (subtle: Subtle, secret: Redacted.Redacted<string>, index: number) =>
  Effect.gen(function*() {
    const bytes = base64Decode(Redacted.value(secret).trim())
    if (bytes === undefined || bytes.length < minimumKeyBytes) {
      return yield* Effect.fail(fail(
        "InvalidKey",
        `encryption key #${index + 1} is not the base64 of at least ${minimumKeyBytes} random bytes ` +
          `(${bytes === undefined ? "not base64" : `${bytes.length} bytes`}); make one with \`openssl rand -base64 32\``
      ))
    }
    return yield* Effect.tryPromise({
      try: async (): Promise<SealingKey> => {
        const material = await subtle.importKey("raw", bytes, "HKDF", false, ["deriveBits"])
        const derive = (info: string, bits: number) =>
          subtle.deriveBits({ name: "HKDF", hash: "SHA-256", salt, info: encoder.encode(info) }, material, bits)
        const aes = await derive("effect-keystone TokenStore AES-256-GCM key v1", 256)
        const id = new Uint8Array(await derive("effect-keystone TokenStore key id v1", 32))
        return {
          id: Array.from(id, (b) => b.toString(16).padStart(2, "0")).join(""),
          key: await subtle.importKey("raw", aes, { name: "AES-GCM" }, false, ["encrypt", "decrypt"])
        }
      },
      catch: () => fail("NoWebCrypto", `could not derive encryption key #${index + 1} with WebCrypto`)
    })
  })

const associatedData = (kid: string, key: TokenStore.StoreKey) => encoder.encode(`${format}|${kid}|${key}`)

/**
 * @since 0.2.0
 * @internal
 */
export const make = (
  store: TokenStore.TokenStoreService,
  secrets: ReadonlyArray<Redacted.Redacted<string>>
): Effect.Effect<TokenStore.TokenStoreService, TokenStoreEncryptionError> =>
  Effect.gen(function*() {
    const subtle: Subtle | undefined = globalThis.crypto?.subtle
    if (subtle === undefined) return yield* Effect.fail(fail("NoWebCrypto", "globalThis.crypto.subtle is not available"))
    const raw = store.raw
    if (raw === undefined) {
      return yield* Effect.fail(fail("UnsupportedStore", `the ${store.backend} store below cannot hold encrypted entries`))
    }
    if (!Arr.isNonEmptyReadonlyArray(secrets)) return yield* Effect.fail(fail("NoKeys", "no encryption key given"))
    const keys = yield* Effect.forEach(secrets, (secret, index) => deriveKey(subtle, secret, index))
    const [current] = keys
    const annotations = (key: TokenStore.StoreKey) => ({ backend: store.backend, key, encrypted: true })

    const seal = (key: TokenStore.StoreKey, plaintext: string) =>
      Effect.tryPromise({
        try: async () => {
          const nonce = globalThis.crypto.getRandomValues(new Uint8Array(nonceBytes))
          const sealed = await subtle.encrypt(
            { name: "AES-GCM", iv: nonce, additionalData: associatedData(current.id, key) },
            current.key,
            encoder.encode(plaintext)
          )
          return `${format}.${current.id}.${base64UrlEncode(nonce)}.${base64UrlEncode(new Uint8Array(sealed))}`
        },
        catch: () =>
          new TokenStoreError({ backend: store.backend, operation: "set", message: `set ${key}: encryption failed` })
      })

    const open = (key: TokenStore.StoreKey, stored: string): Effect.Effect<Either.Either<string, OpenFailure>> =>
      Effect.suspend((): Effect.Effect<Either.Either<string, OpenFailure>> => {
        const parts = stored.split(".")
        if (parts[0] !== format) return Effect.succeed(Either.left("not-encrypted" as const))
        const [, kid = "", nonceText = "", sealedText = ""] = parts
        const nonce = base64Decode(nonceText)
        const sealed = base64Decode(sealedText)
        if (
          parts.length !== 4 || !/^[0-9a-f]{8}$/.test(kid) || nonce?.length !== nonceBytes || sealed === undefined ||
          sealed.length < tagBytes
        ) return Effect.succeed(Either.left("corrupt" as const))
        const candidates = keys.filter((k) => k.id === kid)
        if (candidates.length === 0) return Effect.succeed(Either.left("unknown-key" as const))
        return Effect.promise(async () => {
          for (const candidate of candidates) {
            try {
              const plain = await subtle.decrypt(
                { name: "AES-GCM", iv: nonce, additionalData: associatedData(kid, key) },
                candidate.key,
                sealed
              )
              return Either.right(decoder.decode(plain))
            } catch {
              // not this key (or tampered): try the next one with the same id
            }
          }
          return Either.left("authentication-failed" as const)
        })
      })

    const sealed: TokenStore.RawEntries = {
      get: (key) =>
        Effect.flatMap(raw.get(key), (stored) =>
          Option.isNone(stored)
            ? Effect.succeedNone
            : Effect.flatMap(open(key, stored.value), (opened) =>
              Either.isLeft(opened)
                ? Envelope.warnMiss(annotations(key), opened.left)
                : Effect.succeedSome(opened.right))),
      set: (key, plaintext, expiresAt) => Effect.flatMap(seal(key, plaintext), (value) => raw.set(key, value, expiresAt))
    }
    const { get, set } = Envelope.entries(sealed, annotations)

    // counted as `encrypted`; `remove` and the lock are the backend's (and counted there)
    return {
      backend: store.backend,
      ...StoreMetrics.entries("encrypted", { get, set }),
      remove: store.remove,
      withLock: store.withLock
    } satisfies TokenStore.TokenStoreService
  })
