/**
 * Validated tokens, remembered: an LRU `Cache` (single flight per token: the
 * first request validates, the others wait for its answer), a positive entry
 * bounded by the token's expiry and `maxAge`, a rejection remembered for
 * `negativeMaxAge`, a failure of Keystone never. Optionally a shared
 * `TokenStore` behind it (see `sharedStore.ts`). Keys are SHA-256 hashes; the
 * id of a remembered token is its hash, never the token.
 *
 * @internal
 */
import { sha256 as nobleSha256 } from "@noble/hashes/sha2.js"
import { bytesToHex, utf8ToBytes } from "@noble/hashes/utils.js"
import type { KeystoneError } from "@effect-keystone/client"
import * as KeystoneMetrics from "@effect-keystone/client/KeystoneMetrics"
import { Token } from "@effect-keystone/schema"
import * as Cache from "effect/Cache"
import * as Clock from "effect/Clock"
import * as DateTime from "effect/DateTime"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Equal from "effect/Equal"
import * as Exit from "effect/Exit"
import * as Hash from "effect/Hash"
import * as Metric from "effect/Metric"
import * as Option from "effect/Option"
import * as Redacted from "effect/Redacted"
import * as Ref from "effect/Ref"
import type { Validate } from "./caller.js"
import { KeystoneUnavailable, TokenRejected } from "./errors.js"
import type * as Revocation from "./revocation.js"
import type { SharedStore } from "./sharedStore.js"

/** @internal */
export interface Settings {
  readonly maxAgeMillis: number
  readonly negativeMaxAgeMillis: number
  readonly capacity: number
  readonly catalog: boolean
  readonly retryAfterSeconds: number
}

type Outcome =
  | { readonly _tag: "Valid"; readonly token: Token.Token; readonly untilMillis: number }
  | { readonly _tag: "Rejected"; readonly error: TokenRejected }

/** The cache key: equal by hash and mode. The token id is handed to the lookup once, then dropped. */
class Key implements Equal.Equal {
  constructor(readonly hash: string, readonly allowExpired: boolean, private tokenId: string | undefined) {}
  take(): string | undefined {
    const id = this.tokenId
    this.tokenId = undefined
    return id
  }
  [Equal.symbol](that: unknown): boolean {
    return that instanceof Key && that.hash === this.hash && that.allowExpired === this.allowExpired
  }
  [Hash.symbol](): number {
    return Hash.cached(this, Hash.string(`${this.hash}|${this.allowExpired}`))
  }
}

/**
 * Lowercase hex SHA-256, computed synchronously (portable, no `node:crypto`):
 * WebCrypto's asynchronous digest cost a whole cached request's worth of
 * time per call (H's bench: ~230 µs under load).
 *
 * @internal
 */
export const sha256 = (text: string): Effect.Effect<string> => Effect.sync(() => bytesToHex(nobleSha256(utf8ToBytes(text))))

/** One count per validated token, by result (see `KeystoneMetrics.ValidationResult`); resolved once. */
const counted: Record<KeystoneMetrics.ValidationResult, Effect.Effect<void>> = {
  hit: Metric.increment(KeystoneMetrics.withTags(KeystoneMetrics.validations, { result: "hit" })),
  miss: Metric.increment(KeystoneMetrics.withTags(KeystoneMetrics.validations, { result: "miss" })),
  negative: Metric.increment(KeystoneMetrics.withTags(KeystoneMetrics.validations, { result: "negative" })),
  revoked: Metric.increment(KeystoneMetrics.withTags(KeystoneMetrics.validations, { result: "revoked" })),
  unavailable: Metric.increment(KeystoneMetrics.withTags(KeystoneMetrics.validations, { result: "unavailable" }))
}

const rejected = (reason: TokenRejected["reason"], message: string): Outcome => ({
  _tag: "Rejected",
  error: new TokenRejected({ reason, message })
})

/** What a Keystone failure means for the caller's token. @internal */
export const classify = (
  error: KeystoneError.KeystoneError,
  retryAfterSeconds: number
): Effect.Effect<Outcome, KeystoneUnavailable> => {
  switch (error._tag) {
    case "NotFound":
      return Effect.succeed(rejected("Unknown", "The token is unknown, expired or revoked."))
    case "BadRequest":
    case "InvalidInput":
      // Keystone's 400, or a token id the client refused to send (not one path segment of visible ASCII)
      return Effect.succeed(rejected("Malformed", "The token is malformed."))
    default: {
      const hinted = "retryAfter" in error && error.retryAfter !== undefined
        ? Math.max(1, Math.ceil(Duration.toSeconds(Duration.decode(error.retryAfter))))
        : retryAfterSeconds
      return Effect.fail(new KeystoneUnavailable({ retryAfterSeconds: hinted, message: `${error._tag}: ${error.message}` }))
    }
  }
}

/** @internal */
export interface Validator {
  /** The token's (cached) validation; the token's id in the result is its hash. */
  readonly validate: (
    tokenId: string,
    allowExpired: boolean
  ) => Effect.Effect<Token.Token, TokenRejected | KeystoneUnavailable>
  /** Drops every remembered validation the index covers. */
  readonly dropCovered: Effect.Effect<number>
  readonly dropAll: Effect.Effect<void>
}

/** @internal */
export const make = (
  settings: Settings,
  validate: Validate,
  revocations: Revocation.Index,
  shared: SharedStore | undefined
): Effect.Effect<Validator> =>
  Effect.gen(function*() {
    const down = yield* Ref.make(false)
    const answered = Effect.flatMap(Ref.getAndSet(down, false), (was) =>
      was ? Effect.logInfo("AuthToken: Keystone answers again") : Effect.void)
    const failed = (e: KeystoneUnavailable) =>
      Effect.flatMap(Ref.getAndSet(down, true), (was) =>
        was
          ? Effect.void
          : Effect.logError(`AuthToken: cannot validate tokens (answering 503 until Keystone answers): ${e.message}`))

    const fromKeystone = (key: Key, tokenId: string, now: number): Effect.Effect<Outcome, KeystoneUnavailable> =>
      validate(Redacted.make(tokenId), { allowExpired: key.allowExpired, noCatalog: !settings.catalog }).pipe(
        Effect.map((token): Outcome => {
          const untilMillis = Option.match(token.expiresAt, {
            onNone: () => now + settings.maxAgeMillis,
            onSome: (e) => Math.min(now + settings.maxAgeMillis, DateTime.toEpochMillis(e))
          })
          return {
            _tag: "Valid",
            token: new Token.Token({ ...token, id: Redacted.make(key.hash) }, { disableValidation: true }),
            untilMillis
          }
        }),
        Effect.catchAll((e) => classify(e, settings.retryAfterSeconds)),
        Effect.tapBoth({ onFailure: failed, onSuccess: () => answered })
      )

    const lookup = (key: Key): Effect.Effect<Outcome, KeystoneUnavailable> =>
      Effect.gen(function*() {
        const tokenId = key.take()
        // a later lookup for the same hash always comes with its own key; this guards the impossible
        if (tokenId === undefined) return rejected("Missing", "No token.")
        const now = yield* Clock.currentTimeMillis
        if (shared !== undefined && !key.allowExpired) {
          const found = yield* shared.get(key.hash, now)
          if (Option.isSome(found)) return { _tag: "Valid", ...found.value } satisfies Outcome
        }
        const outcome = yield* fromKeystone(key, tokenId, now)
        if (shared !== undefined && outcome._tag === "Valid" && !key.allowExpired) {
          yield* shared.set(key.hash, outcome.token, now)
        }
        return outcome
      })

    const clock = yield* Effect.clock
    const cache = yield* Cache.makeWith({
      capacity: settings.capacity,
      lookup,
      timeToLive: Exit.match({
        onFailure: () => Duration.zero,
        onSuccess: (outcome) =>
          Duration.millis(
            outcome._tag === "Rejected"
              ? settings.negativeMaxAgeMillis
              : Math.max(0, outcome.untilMillis - clock.unsafeCurrentTimeMillis())
          )
      })
    })

    /** What a valid, unrevoked token still has to pass. */
    const admit = (key: Key, token: Token.Token, now: number): Effect.Effect<Token.Token, TokenRejected> => {
      if (!key.allowExpired && Token.isExpired(token, DateTime.unsafeMake(now))) {
        return Effect.fail(new TokenRejected({ reason: "Expired", message: "The token has expired." }))
      }
      // keystonemiddleware: a v2.0 token must name its tenant
      if (token.version === "v2.0" && Token.projectId(token) === undefined) {
        return Effect.fail(new TokenRejected({ reason: "NoProject", message: "Unable to determine service tenancy." }))
      }
      return Effect.succeed(token)
    }

    /** The verdict on an outcome, counted; `fresh`: this request ran the lookup (a miss), else it was remembered. */
    const check = (key: Key, outcome: Outcome, fresh: boolean, now: number): Effect.Effect<Token.Token, TokenRejected> => {
      if (outcome._tag === "Rejected") return Effect.zipRight(fresh ? counted.miss : counted.negative, Effect.fail(outcome.error))
      const token = outcome.token
      if (revocations.covers(token)) {
        return counted.revoked.pipe(
          Effect.zipRight(cache.invalidate(key)),
          Effect.zipRight(Effect.fail(new TokenRejected({ reason: "Revoked", message: "The token has been revoked." })))
        )
      }
      return Effect.zipRight(fresh ? counted.miss : counted.hit, admit(key, token, now))
    }

    const validateCached = (tokenId: string, allowExpired: boolean) =>
      Effect.gen(function*() {
        const hash = yield* sha256(tokenId)
        const key = new Key(hash, allowExpired, tokenId)
        // uninterruptible: a caller that goes away must not cancel the validation others wait for
        // Left: remembered (or joined a lookup in flight); Right: this request's lookup
        const found = yield* Effect.uninterruptible(cache.getEither(key)).pipe(
          // a time-to-live of zero still holds within the same millisecond: a failure is never reused
          Effect.tapError(() => Effect.zipRight(counted.unavailable, cache.invalidate(key)))
        )
        const outcome = Either.merge(found)
        const now = yield* Clock.currentTimeMillis
        if (outcome._tag === "Valid" && outcome.untilMillis <= now) yield* cache.invalidate(key)
        return yield* check(key, outcome, Either.isRight(found), now)
      })

    const dropCovered = Effect.gen(function*() {
      let dropped = 0
      for (const [key, outcome] of yield* cache.entries) {
        if (outcome._tag === "Valid" && revocations.covers(outcome.token)) {
          yield* cache.invalidate(key)
          dropped++
        }
      }
      return dropped
    })

    return { validate: validateCached, dropCovered, dropAll: cache.invalidateAll } satisfies Validator
  })
