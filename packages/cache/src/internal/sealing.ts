/**
 * AES-256-GCM sealing with the `TokenStore` encryption keys (WebCrypto): the
 * stored form and key derivation of `TokenStore.makeEncrypted`, for its
 * entries and for anything else sealed with the same keys (`makeSealer`).
 *
 * Sealed form: `ek1.<kid>.<nonce>.<ciphertext>`, where `kid` is 8 hex digits
 * derived from the secret (HKDF-SHA256, its own `info`), `nonce` 12 random
 * bytes and `ciphertext` the AES-GCM output (128-bit tag included), both
 * base64url. The associated data is `ek1|<kid>|<context>`: a store entry's
 * context is its store key (40 hex digits), `makeSealer`'s are `ctx:…`, so
 * nothing sealed for one opens as the other.
 *
 * @internal
 */
import * as Arr from "effect/Array"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Redacted from "effect/Redacted"
import { TokenStoreEncryptionError } from "./storeErrors.js"

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


/** Why a sealed string was not opened. @internal */
export type OpenFailure = "not-encrypted" | "corrupt" | "unknown-key" | "authentication-failed"

/** @internal */
export interface Sealing {
  /** Seals `plaintext` with the first key, `context` bound in; fails (nothing to say) when WebCrypto does. */
  readonly seal: (context: string, plaintext: string) => Effect.Effect<string, void>
  /** Opens what `seal` made with any of the keys, under the same `context`. */
  readonly open: (context: string, sealed: string) => Effect.Effect<Either.Either<string, OpenFailure>>
}

/** Checks and derives every key. @internal */
export const make = (
  secrets: ReadonlyArray<Redacted.Redacted<string>>
): Effect.Effect<Sealing, TokenStoreEncryptionError> =>
  Effect.gen(function*() {
    const subtle: Subtle | undefined = globalThis.crypto?.subtle
    if (subtle === undefined) return yield* Effect.fail(fail("NoWebCrypto", "globalThis.crypto.subtle is not available"))
    if (!Arr.isNonEmptyReadonlyArray(secrets)) return yield* Effect.fail(fail("NoKeys", "no encryption key given"))
    const keys = yield* Effect.forEach(secrets, (secret, index) => deriveKey(subtle, secret, index))
    const [current] = keys
    const associatedData = (kid: string, context: string) => encoder.encode(`${format}|${kid}|${context}`)

    const seal = (context: string, plaintext: string) =>
      Effect.tryPromise({
        try: async () => {
          const nonce = globalThis.crypto.getRandomValues(new Uint8Array(nonceBytes))
          const sealed = await subtle.encrypt(
            { name: "AES-GCM", iv: nonce, additionalData: associatedData(current.id, context) },
            current.key,
            encoder.encode(plaintext)
          )
          return `${format}.${current.id}.${base64UrlEncode(nonce)}.${base64UrlEncode(new Uint8Array(sealed))}`
        },
        catch: () => undefined
      })

    const open = (context: string, stored: string): Effect.Effect<Either.Either<string, OpenFailure>> =>
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
                { name: "AES-GCM", iv: nonce, additionalData: associatedData(kid, context) },
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

    return { seal, open }
  })
