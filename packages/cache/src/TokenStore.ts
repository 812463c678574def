/**
 * Where tokens are kept between requests, restarts and processes.
 *
 * A store never decides whether you can authenticate: a corrupt, foreign or
 * expired entry is a miss (logged), and an unreachable backend fails with
 * `TokenStoreError`, which `KeystoneSession` logs and treats as a miss.
 *
 * @since 0.1.0
 */
import { Auth } from "@effect-keystone/client"
import { Token, Url } from "@effect-keystone/schema"
import type * as FileSystem from "@effect/platform/FileSystem"
import type * as Arr from "effect/Array"
import * as Config from "effect/Config"
import type * as ConfigError from "effect/ConfigError"
import * as Context from "effect/Context"
import * as DateTime from "effect/DateTime"
import type * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Layer from "effect/Layer"
import * as Option from "effect/Option"
import * as Redacted from "effect/Redacted"
import * as Schema from "effect/Schema"
import type * as Scope from "effect/Scope"
import type { Cluster, Redis, RedisOptions } from "ioredis"
import { createHash } from "node:crypto"
import * as EncryptedStore from "./internal/encryptedStore.js"
import * as EnvelopeInternal from "./internal/envelope.js"
import * as FileStore from "./internal/fileStore.js"
import * as MemoryStore from "./internal/memoryStore.js"
import * as RedisStore from "./internal/redisStore.js"

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
export const key = (input: { readonly authUrl: string; readonly auth: Auth.Auth }): StoreKey => {
  const c = input.auth.credentials
  const extra = c._tag === "ExistingToken" ? `|${createHash("sha256").update(Redacted.value(c.token)).digest("hex")}` : ""
  return createHash("sha256")
    .update(`${Url.withoutTrailingSlashes(input.authUrl)}|${Auth.describe(input.auth)}${extra}`)
    .digest("hex")
    .slice(0, 40) as StoreKey
}

/**
 * The backend could not be reached or written.
 *
 * @since 0.1.0
 * @category errors
 */
export class TokenStoreError extends Schema.TaggedError<TokenStoreError>()("TokenStoreError", {
  backend: Schema.Literal("memory", "file", "redis"),
  operation: Schema.Literal("get", "set", "remove", "lock"),
  message: Schema.String
}) {}

/**
 * @since 0.1.0
 * @category models
 */
export interface TokenStoreService {
  readonly backend: "memory" | "file" | "redis"
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
 * // or TokenStore.layerFile({ directory }) with NodeFileSystem.layer, or TokenStore.layerRedis({ url })
 * ```
 */
export const layerMemory: Layer.Layer<TokenStore> = Layer.effect(TokenStore, makeMemory)

// ---------------------------------------------------------------------------
// file
// ---------------------------------------------------------------------------

/**
 * Options of the file backend.
 *
 * @since 0.1.0
 * @category models
 */
export interface FileOptions {
  /** Where entries (`<key>.json`) and locks (`<key>.lock`) live. Created 0700 when missing. */
  readonly directory: string
  /**
   * A lock whose file has not been refreshed for this long is broken (default 30 seconds). So is, at once,
   * a lock file owned by another user, refreshed more than 5 seconds in the future, or larger than a lock.
   */
  readonly staleLockTimeout?: Duration.DurationInput | undefined
  /** After waiting this long for a lock, `withLock` runs the effect without it, logged (default 60 seconds). */
  readonly lockWaitTimeout?: Duration.DurationInput | undefined
}

/**
 * A store in a directory, shared by every process that uses the same one.
 *
 * Each key is one `<key>.json` file (mode 0600), replaced atomically: written
 * to a unique temporary file in the same directory, fsynced, then renamed.
 * A truncated, corrupt, foreign-version, unreadable or foreign-owned file is a
 * miss with a warning (key and reason, never the token); an expired one is a
 * miss. Entries are opened without following links and without blocking, and
 * only a regular file of ours of at most 4 MiB is read: a symlink (e.g. to
 * `/dev/zero`), FIFO, socket, device, directory or bigger file is a miss with
 * a warning. A directory that cannot be written makes `set` fail with
 * `TokenStoreError`.
 *
 * `withLock` creates `<key>.lock` exclusively (O_EXCL) holding pid, host, a
 * unique id and the time, polls with jittered backoff on the Effect `Clock`
 * while someone else holds it, breaks a lock that is stale (not refreshed
 * within `staleLockTimeout`, whose holder pid on this host is gone, owned by
 * another user or dated in the future; only the very file judged is
 * removed), keeps its own fresh while the effect runs, and removes it only if
 * it is still its own, however the effect ends. Lock trouble other than
 * contention (e.g. EACCES, or something other than a regular file at the lock
 * path), or waiting longer than `lockWaitTimeout`, runs the effect without
 * the lock, logged.
 *
 * Uses `FileSystem` from `@effect/platform`: provide `NodeFileSystem.layer`.
 *
 * @since 0.1.0
 * @category constructors
 */
export const makeFile = (options: FileOptions): Effect.Effect<TokenStoreService, never, FileSystem.FileSystem> =>
  FileStore.make(options)

/**
 * @since 0.1.0
 * @category layers
 */
export const layerFile = (options: FileOptions): Layer.Layer<TokenStore, never, FileSystem.FileSystem> =>
  Layer.effect(TokenStore, makeFile(options))

// ---------------------------------------------------------------------------
// redis
// ---------------------------------------------------------------------------

/**
 * What the Redis backend talks to: a URL (the layer opens and closes its own
 * connection, tuned to fail fast while Redis is down and to reconnect in the
 * background; `options` override those defaults), or a client you own
 * (standalone, sentinel or cluster), which the layer never closes.
 *
 * @since 0.1.0
 * @category models
 */
export type RedisConnection =
  | { readonly url: string; readonly options?: Omit<RedisOptions, "replyMapping"> | undefined }
  | { readonly client: Redis | Cluster }

/**
 * Options of the Redis backend.
 *
 * @since 0.1.0
 * @category models
 */
export interface RedisStoreOptions {
  /** Key prefix (default `"effect-keystone:"`): entries are `${prefix}token:${key}`, locks `${prefix}lock:${key}`. */
  readonly prefix?: string | undefined
  /** Upper bound of any one operation, connecting included (default 3 seconds). */
  readonly timeout?: Duration.DurationInput | undefined
  /** Lock expiry, refreshed while held (default 30 seconds). */
  readonly lockTtl?: Duration.DurationInput | undefined
  /** After waiting this long for a lock, `withLock` runs the effect without it, logged (default 60 seconds). */
  readonly lockWaitTimeout?: Duration.DurationInput | undefined
  /** Largest entry read or written, bytes (default 4 MiB): larger is a logged miss, never transferred. @since 0.2.0 */
  readonly maxEntryBytes?: number | undefined
}

/**
 * A store in Redis, shared by every process that uses the same Redis and
 * prefix.
 *
 * Values are envelope strings with a `PX` TTL of the token's remaining life
 * (none for a token that never expires). A value of another type or larger
 * than `maxEntryBytes` is a miss, logged (checked in Redis, not transferred).
 * Redis down or slow makes `get`, `set` and `remove` fail with
 * `TokenStoreError` within `timeout`, never hang. `withLock` is `SET lock <unique> NX PX lockTtl`, polled with jittered
 * backoff, refreshed while held and released by a compare-and-delete script
 * (only by its owner); a lock key without an expiry was not written by this
 * library and is broken. With Redis down it runs the effect without the lock,
 * logged. Every script touches one key, so all of this works on a Cluster.
 *
 * @since 0.1.0
 * @category constructors
 */
export const makeRedis = (
  connection: RedisConnection,
  options?: RedisStoreOptions
): Effect.Effect<TokenStoreService, never, Scope.Scope> => RedisStore.make(connection, options)

/**
 * @since 0.1.0
 * @category layers
 */
export const layerRedis = (connection: RedisConnection, options?: RedisStoreOptions): Layer.Layer<TokenStore> =>
  Layer.scoped(TokenStore, makeRedis(connection, options))

// ---------------------------------------------------------------------------
// encryption
// ---------------------------------------------------------------------------

/**
 * Encryption could not be set up: a key that is not base64 of at least 32
 * bytes (the message says which, never the key), no key, a store below
 * without `raw` entries, or no WebCrypto.
 *
 * @since 0.2.0
 * @category errors
 */
export class TokenStoreEncryptionError
  extends Schema.TaggedError<TokenStoreEncryptionError>()("TokenStoreEncryptionError", {
    reason: Schema.Literal("InvalidKey", "NoKeys", "UnsupportedStore", "NoWebCrypto"),
    message: Schema.String
  })
{}

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
 * Encrypts whatever `TokenStore` is provided below it (see `makeEncrypted`), e.g.
 * `TokenStore.layerEncrypted({ keys }).pipe(Layer.provide(TokenStore.layerRedis({ url })))`.
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
