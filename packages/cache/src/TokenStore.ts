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
import { Token } from "@effect-keystone/schema"
import * as Context from "effect/Context"
import * as DateTime from "effect/DateTime"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Layer from "effect/Layer"
import * as Option from "effect/Option"
import * as Redacted from "effect/Redacted"
import * as Schema from "effect/Schema"
import * as SynchronizedRef from "effect/SynchronizedRef"
import { createHash } from "node:crypto"

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
  const extra = c._tag === "Token" ? `|${createHash("sha256").update(Redacted.value(c.token)).digest("hex")}` : ""
  return createHash("sha256")
    .update(`${input.authUrl.replace(/\/+$/, "")}|${Auth.describe(input.auth)}${extra}`)
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
export const envelopeVersion = 1

/**
 * `{ v, storedAt, token }`: what file and Redis backends write.
 *
 * @since 0.1.0
 * @category envelope
 */
export const Envelope = Schema.Struct({
  v: Schema.Literal(envelopeVersion),
  storedAt: Schema.DateTimeUtc,
  token: Token.Token
})

const EnvelopeJson = Schema.parseJson(Envelope)
const decodeEnvelope = Schema.decodeUnknownEither(EnvelopeJson)
const encodeEnvelope = Schema.encodeSync(EnvelopeJson)

/**
 * Serializes a token into an envelope string.
 *
 * @since 0.1.0
 * @category envelope
 */
export const encode = (token: Token.Token, now: DateTime.Utc): string =>
  encodeEnvelope({ v: envelopeVersion, storedAt: now, token })

/**
 * Why a stored string was not used.
 *
 * @since 0.1.0
 * @category envelope
 */
export type DecodeFailure = "corrupt" | "foreign-version" | "expired"

/**
 * Reads an envelope string back. Anything that is not a current, unexpired
 * envelope is a reasoned miss.
 *
 * @since 0.1.0
 * @category envelope
 */
export const decode = (raw: string, now: DateTime.Utc): Either.Either<Token.Token, DecodeFailure> => {
  const result = decodeEnvelope(raw)
  if (Either.isLeft(result)) {
    try {
      const parsed: unknown = JSON.parse(raw)
      if (typeof parsed === "object" && parsed !== null && "v" in parsed && parsed.v !== envelopeVersion) {
        return Either.left("foreign-version")
      }
    } catch {
      // not JSON at all
    }
    return Either.left("corrupt")
  }
  return Token.isExpired(result.right.token, now) ? Either.left("expired") : Either.right(result.right.token)
}

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
export const makeMemory: Effect.Effect<TokenStoreService> = Effect.gen(function*() {
  const entries = yield* SynchronizedRef.make(new Map<StoreKey, Token.Token>())
  const locks = new Map<StoreKey, Effect.Semaphore>()
  const lockFor = (key: StoreKey) =>
    Effect.sync(() => {
      let semaphore = locks.get(key)
      if (semaphore === undefined) locks.set(key, semaphore = Effect.unsafeMakeSemaphore(1))
      return semaphore
    })
  return {
    backend: "memory",
    get: (key) =>
      Effect.flatMap(DateTime.now, (now) =>
        Effect.map(SynchronizedRef.get(entries), (map) =>
          Option.filter(Option.fromNullable(map.get(key)), (t) => !Token.isExpired(t, now)))),
    set: (key, token) => SynchronizedRef.update(entries, (map) => new Map(map).set(key, token)),
    remove: (key) =>
      SynchronizedRef.update(entries, (map) => {
        const next = new Map(map)
        next.delete(key)
        return next
      }),
    withLock: (key, effect) =>
      Effect.flatMap(lockFor(key), (semaphore) => semaphore.withPermits(1)(effect))
  }
})

/**
 * @since 0.1.0
 * @category layers
 */
export const layerMemory: Layer.Layer<TokenStore> = Layer.effect(TokenStore, makeMemory)
