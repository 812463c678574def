/**
 * Where tokens are kept between requests, restarts and processes.
 *
 * A store never decides whether you can authenticate: a corrupt, foreign or
 * expired entry is a miss (logged), and an unreachable backend fails with
 * `TokenStoreError`, which `KeystoneSession` logs and treats as a miss.
 *
 * This module runs wherever Effect runs: the memory store and the encrypting
 * wrapper (WebCrypto) are here. The stores that need Node are in their own
 * entries: `@effect-keystone/cache/FileTokenStore` (a directory, POSIX
 * details through `node:fs`) and `@effect-keystone/cache/RedisTokenStore`
 * (ioredis, an optional peer dependency).
 *
 * @since 0.1.0
 */
import type * as Auth from "@effect-keystone/client/Auth"
import type * as KeystoneMetrics from "@effect-keystone/client/KeystoneMetrics"
import type { Token } from "@effect-keystone/schema"
import type * as Arr from "effect/Array"
import * as Config from "effect/Config"
import type * as ConfigError from "effect/ConfigError"
import * as Context from "effect/Context"
import type * as DateTime from "effect/DateTime"
import * as Effect from "effect/Effect"
import type * as Either from "effect/Either"
import * as Layer from "effect/Layer"
import type * as Option from "effect/Option"
import type * as Redacted from "effect/Redacted"
import * as EncryptedStore from "./internal/encryptedStore.js"
import * as EnvelopeInternal from "./internal/envelope.js"
import * as MemoryStore from "./internal/memoryStore.js"
import * as Sealing from "./internal/sealing.js"
import { TokenStoreEncryptionError, type TokenStoreError } from "./internal/storeErrors.js"
import * as StoreMetrics from "./internal/storeMetrics.js"
import * as KeyInternal from "./internal/storeKey.js"

/**
 * A hashed key: safe in file names, Redis keys and logs.
 *
 * @since 0.1.0
 * @category models
 */
export type StoreKey = string & { readonly StoreKey: unique symbol }

/**
 * The key for a login: auth URL, identity and scope, hashed. Never the
 * password or secret; a token login mixes in a one-way hash of the token.
 *
 * @since 0.1.0
 * @category keys
 */
export const key: (input: { readonly authUrl: string; readonly auth: Auth.Auth }) => StoreKey = KeyInternal.key

export {
  /**
   * The backend could not be reached or written.
   *
   * @since 0.1.0
   * @category errors
   */
  TokenStoreError
} from "./internal/storeErrors.js"

/**
 * @since 0.1.0
 * @category models
 */
export interface TokenStoreService {
  /**
   * The backend's name: the `backend` tag of the store metrics and of its log
   * lines and errors (`memory`, `file`, `redis`; a store written by hand
   * names itself, and counts its operations with `withMetrics`).
   */
  readonly backend: KeystoneMetrics.StoreBackend
  /** A still-valid token, or `None` (absent, expired, corrupt, foreign version). */
  readonly get: (key: StoreKey) => Effect.Effect<Option.Option<Token.Token>, TokenStoreError>
  readonly set: (key: StoreKey, token: Token.Token) => Effect.Effect<void, TokenStoreError>
  readonly remove: (key: StoreKey) => Effect.Effect<void, TokenStoreError>
  /**
   * Runs `effect` while holding a lock on `key`, shared by everyone using the
   * same backend (fibers for memory, processes for file and Redis). A lock
   * that cannot be had (backend down, holder died) never blocks forever.
   */
  readonly withLock: <A, E, R>(key: StoreKey, effect: Effect.Effect<A, E, R>) => Effect.Effect<A, E, R>
  /** The same entries as opaque strings, for `layerEncrypted` (backends have it; wrappers do not). @since 0.2.0 */
  readonly raw?: RawEntries | undefined
}

/**
 * Opaque-string access to a store's entries, under the envelope.
 *
 * @since 0.2.0
 * @category models
 */
export interface RawEntries {
  /** The stored string as is; `None` when absent, or refused by the backend (wrong type, too large), logged. */
  readonly get: (key: StoreKey) => Effect.Effect<Option.Option<string>, TokenStoreError>
  /** Stores `value`; the backend may drop it after `expiresAt` (Redis TTL), or keep it. */
  readonly set: (key: StoreKey, value: string, expiresAt: Option.Option<DateTime.Utc>) => Effect.Effect<void, TokenStoreError>
}

/**
 * @since 0.1.0
 * @category tags
 */
export class TokenStore extends Context.Tag("@effect-keystone/cache/TokenStore")<TokenStore, TokenStoreService>() {}

// ---------------------------------------------------------------------------
// envelope
// ---------------------------------------------------------------------------

/**
 * The current envelope version. Entries of any other version are misses.
 *
 * @since 0.1.0
 * @category envelope
 */
export const envelopeVersion: 1 = EnvelopeInternal.version

/**
 * `{ v, storedAt, token }`: what every backend stores (inside the ciphertext with `layerEncrypted`).
 *
 * @since 0.1.0
 * @category envelope
 */
export const Envelope = EnvelopeInternal.Envelope

/**
 * Serializes a token into an envelope string.
 *
 * @since 0.1.0
 * @category envelope
 */
export const encode: (token: Token.Token, now: DateTime.Utc) => string = EnvelopeInternal.encode

/**
 * Why a stored string was not used.
 *
 * @since 0.1.0
 * @category envelope
 */
export type DecodeFailure = EnvelopeInternal.DecodeFailure

/**
 * Reads an envelope string back. Anything that is not a current, unexpired
 * envelope is a reasoned miss.
 *
 * @since 0.1.0
 * @category envelope
 */
export const decode: (raw: string, now: DateTime.Utc) => Either.Either<Token.Token, DecodeFailure> = EnvelopeInternal.decode

// ---------------------------------------------------------------------------
// memory
// ---------------------------------------------------------------------------

/**
 * A store in a `SynchronizedRef`, private to this process. `withLock` is a
 * semaphore per key.
 *
 * @since 0.1.0
 * @category constructors
 */
export const makeMemory: Effect.Effect<TokenStoreService> = MemoryStore.make

/**
 * @since 0.1.0
 * @category layers
 *
 * @example
 * ```ts
 * KeystoneSession.layer({ auth }).pipe(Layer.provide(TokenStore.layerMemory))
 * // shared by processes: FileTokenStore.layer({ directory }) (with NodeContext.layer),
 * // or RedisTokenStore.layer({ url }), from their own entries
 * ```
 */
export const layerMemory: Layer.Layer<TokenStore> = Layer.effect(TokenStore, makeMemory)

// ---------------------------------------------------------------------------
// encryption
// ---------------------------------------------------------------------------

export {
  /**
   * Encryption could not be set up (see `reason`).
   *
   * @since 0.2.0
   * @category errors
   */
  TokenStoreEncryptionError
} from "./internal/storeErrors.js"

/**
 * Options of `layerEncrypted`.
 *
 * @since 0.2.0
 * @category models
 */
export interface EncryptionOptions {
  /**
   * Secrets, each the base64 (standard or URL-safe) of ≥ 32 random bytes (`openssl rand -base64 32`).
   * The first encrypts, all decrypt: a new key goes first, the old one second until its entries expire.
   */
  readonly keys: Arr.NonEmptyReadonlyArray<Redacted.Redacted<string>>
}

/**
 * Wraps `store` so that every entry is sealed with AES-256-GCM (WebCrypto):
 * `ek1.<key id>.<nonce>.<ciphertext>`, a random 96-bit nonce per write, the
 * store key bound in as associated data (a copy under another key does not
 * open), AES keys derived with HKDF-SHA256. Only the expiry reaches the
 * backend in clear (its TTL). An entry not sealed, sealed with an unknown key
 * or failing authentication is a miss, logged as a warning, never adopted.
 *
 * @since 0.2.0
 * @category constructors
 */
export const makeEncrypted = (
  store: TokenStoreService,
  options: EncryptionOptions
): Effect.Effect<TokenStoreService, TokenStoreEncryptionError> => EncryptedStore.make(store, options.keys)

/**
 * Seals and opens strings with the keys of `makeEncrypted` (see `makeSealer`).
 *
 * @since 0.6.0
 * @category models
 */
export interface Sealer {
  /** `plaintext` sealed with the first key, `context` bound in (AES-256-GCM, a random nonce each time). */
  readonly seal: (context: string, plaintext: string) => Effect.Effect<string, TokenStoreEncryptionError>
  /**
   * What `seal` made under the same `context` with any of the keys; else why not:
   * `not-encrypted`, `corrupt`, `unknown-key` or `authentication-failed` (another key, another context, tampered).
   */
  readonly open: (
    context: string,
    sealed: string
  ) => Effect.Effect<Either.Either<string, "not-encrypted" | "corrupt" | "unknown-key" | "authentication-failed">>
}

/**
 * Seals strings other than store entries with the same keys as
 * `makeEncrypted` (e.g. messages between processes that share a sealed
 * store): the same format, key derivation and rotation. Whatever is sealed
 * under one `context` opens under that context only, and never as a store
 * entry (nor a store entry as it): the associated data is `ctx:<context>`
 * where an entry's is its store key.
 *
 * @since 0.6.0
 * @category constructors
 */
export const makeSealer = (options: EncryptionOptions): Effect.Effect<Sealer, TokenStoreEncryptionError> =>
  Effect.map(Sealing.make(options.keys), (sealing): Sealer => ({
    seal: (context, plaintext) =>
      Effect.mapError(
        sealing.seal(`ctx:${context}`, plaintext),
        () => new TokenStoreEncryptionError({ reason: "NoWebCrypto", message: "WebCrypto could not encrypt" })
      ),
    open: (context, sealed) => sealing.open(`ctx:${context}`, sealed)
  }))

/**
 * Encrypts whatever `TokenStore` is provided below it (see `makeEncrypted`), e.g.
 * `TokenStore.layerEncrypted({ keys }).pipe(Layer.provide(RedisTokenStore.layer({ url })))`.
 *
 * @since 0.2.0
 * @category layers
 */
export const layerEncrypted = (
  options: EncryptionOptions
): Layer.Layer<TokenStore, TokenStoreEncryptionError, TokenStore> =>
  Layer.effect(TokenStore, Effect.flatMap(TokenStore, (store) => makeEncrypted(store, options)))

/**
 * `layerEncrypted` with its keys read from `Config`, e.g.
 * `TokenStore.layerEncryptedConfig({ keys: Config.array(Config.redacted(), "KEYSTONE_STORE_KEYS") })`
 * (with the environment provider, `KEYSTONE_STORE_KEYS=newkey,oldkey`). An
 * empty list fails with `TokenStoreEncryptionError` (`NoKeys`).
 *
 * @since 0.2.0
 * @category layers
 */
export const layerEncryptedConfig = (
  config: Config.Config.Wrap<{ readonly keys: ReadonlyArray<Redacted.Redacted<string>> }>
): Layer.Layer<TokenStore, ConfigError.ConfigError | TokenStoreEncryptionError, TokenStore> =>
  Layer.effect(
    TokenStore,
    Effect.flatMap(Config.unwrap(config), ({ keys }) => Effect.flatMap(TokenStore, (s) => EncryptedStore.make(s, keys)))
  )

/**
 * A store written by hand, counted in the store metrics as the built-in
 * backends are (`keystone_store_operations_total`, `…_failures_total` and
 * `keystone_store_lock_wait_seconds`, tagged with its `backend`). The
 * built-in stores and `makeEncrypted` already count themselves: wrap only
 * your own.
 *
 * @since 0.6.0
 * @category metrics
 *
 * @example
 * ```ts
 * import { TokenStore } from "@effect-keystone/cache"
 * import { Effect, Layer, Option } from "effect"
 *
 * const mine: TokenStore.TokenStoreService = {
 *   backend: "vault",
 *   get: () => Effect.succeed(Option.none()),
 *   set: () => Effect.void,
 *   remove: () => Effect.void,
 *   withLock: (_key, effect) => effect
 * }
 * const layer = Layer.succeed(TokenStore.TokenStore, TokenStore.withMetrics(mine))
 * ```
 */
export const withMetrics = (store: TokenStoreService): TokenStoreService => StoreMetrics.instrument(store)
