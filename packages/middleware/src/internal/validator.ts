/**
 * Validated tokens, remembered: an LRU (`lru.ts`: single flight per token,
 * the first request validates, the others wait for its answer), a positive
 * entry bounded by the token's expiry and `maxAge`, a rejection remembered
 * for `negativeMaxAge`, a failure of Keystone never. Optionally a shared
 * `TokenStore` behind it (see `sharedStore.ts`). Keys are SHA-256 hashes;
 * the id of a remembered token is its hash, never the token.
 *
 * Every use of a remembered validation, read synchronously (`cached`) or
 * through `validate`, goes through `answer` (a hit, a remembered rejection,
 * or a revocation found): the revocation index, the token's expiry, a v2.0
 * token's tenant. Everything else is a miss and goes through `lookup`.
 *
 * @internal
 */
import type { KeystoneError } from "@effect-keystone/client"
import { Token } from "@effect-keystone/schema"
import * as DateTime from "effect/DateTime"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Option from "effect/Option"
import * as Redacted from "effect/Redacted"
import * as Ref from "effect/Ref"
import type * as Scope from "effect/Scope"
import type { Validate } from "./caller.js"
import { sha256Hex } from "./digest.js"
import { KeystoneUnavailable, TokenRejected } from "./errors.js"
import * as Lru from "./lru.js"
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

/** Keystone's answer on a token, as remembered (the token's id replaced by its hash). */
type Outcome =
  | { readonly _tag: "Valid"; readonly token: Token.Token; readonly untilMillis: number }
  | { readonly _tag: "Rejected"; readonly error: TokenRejected }

/** A remembered answer, with what each use checks computed once. */
interface Remembered {
  readonly answer: Either.Either<Token.Token, TokenRejected>
  /** The token's expiry (epoch millis); `Infinity` when it has none or was rejected. */
  readonly expiresMillis: number
  /** A v2.0 token without a tenant (keystonemiddleware refuses it). */
  readonly noProject: boolean
}

/**
 * Lowercase hex SHA-256 (`digest.ts`), as an effect.
 *
 * @internal
 */
export const sha256 = (text: string): Effect.Effect<string> => Effect.sync(() => sha256Hex(text))

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
  /**
   * The remembered answer on a token, synchronously (no fiber, no Keystone);
   * `undefined` when Keystone has to be asked: `validate` then.
   */
  readonly cached: (tokenId: string, allowExpired: boolean) => Either.Either<Token.Token, TokenRejected> | undefined
  /** The token's (cached) validation; the token's id in the result is its hash. */
  readonly validate: (
    tokenId: string,
    allowExpired: boolean
  ) => Effect.Effect<Token.Token, TokenRejected | KeystoneUnavailable>
  /** Drops every remembered validation the index covers. */
  readonly dropCovered: Effect.Effect<number>
  readonly dropAll: Effect.Effect<void>
}

const remember = (outcome: Outcome): Remembered => {
  if (outcome._tag === "Rejected") return { answer: Either.left(outcome.error), expiresMillis: Infinity, noProject: false }
  const token = outcome.token
  return {
    answer: Either.right(token),
    expiresMillis: Option.match(token.expiresAt, { onNone: () => Infinity, onSome: DateTime.toEpochMillis }),
    noProject: token.version === "v2.0" && Token.projectId(token) === undefined
  }
}

/** The key of a token's hash: a validation allowing expiry is remembered apart. */
const keyOf = (hash: string, allowExpired: boolean) => allowExpired ? `${hash}+expired` : hash

/**
 * Builds the validator; after the scope closes it remembers nothing (every
 * request goes through `validate`).
 *
 * @internal
 */
export const make = (
  settings: Settings,
  validate: Validate,
  revocations: Revocation.Index,
  shared: SharedStore | undefined
): Effect.Effect<Validator, never, Scope.Scope> =>
  Effect.gen(function*() {
    const down = yield* Ref.make(false)
    const answered = Effect.flatMap(Ref.getAndSet(down, false), (was) =>
      was ? Effect.logInfo("AuthToken: Keystone answers again") : Effect.void)
    const failed = (e: KeystoneUnavailable) =>
      Effect.flatMap(Ref.getAndSet(down, true), (was) =>
        was
          ? Effect.void
          : Effect.logError(`AuthToken: cannot validate tokens (answering 503 until Keystone answers): ${e.message}`))

    const fromKeystone = (
      hash: string,
      tokenId: string,
      allowExpired: boolean,
      now: number
    ): Effect.Effect<Outcome, KeystoneUnavailable> =>
      validate(Redacted.make(tokenId), { allowExpired, noCatalog: !settings.catalog }).pipe(
        Effect.map((token): Outcome => {
          const untilMillis = Option.match(token.expiresAt, {
            onNone: () => now + settings.maxAgeMillis,
            onSome: (e) => Math.min(now + settings.maxAgeMillis, DateTime.toEpochMillis(e))
          })
          return {
            _tag: "Valid",
            token: new Token.Token({ ...token, id: Redacted.make(hash) }, { disableValidation: true }),
            untilMillis
          }
        }),
        Effect.catchAll((e) => classify(e, settings.retryAfterSeconds)),
        Effect.tapBoth({ onFailure: failed, onSuccess: () => answered })
      )

    const clock = yield* Effect.clock
    const now = () => clock.unsafeCurrentTimeMillis()

    // the token id is in this lookup's closure only, while it runs
    const lookup = (hash: string, tokenId: string, allowExpired: boolean) =>
      Effect.gen(function*() {
        const started = now()
        let outcome: Outcome | undefined
        if (shared !== undefined && !allowExpired) {
          const found = yield* shared.get(hash, started)
          if (Option.isSome(found)) outcome = { _tag: "Valid", ...found.value }
        }
        if (outcome === undefined) {
          outcome = yield* fromKeystone(hash, tokenId, allowExpired, started)
          if (shared !== undefined && outcome._tag === "Valid" && !allowExpired) {
            yield* shared.set(hash, outcome.token, started)
          }
        }
        return {
          value: remember(outcome),
          untilMillis: outcome._tag === "Valid" ? outcome.untilMillis : started + settings.negativeMaxAgeMillis
        } satisfies Lru.Settled<Remembered>
      })

    const memory = Lru.make<Remembered, KeystoneUnavailable>(settings.capacity)
    let closed = false
    yield* Effect.addFinalizer(() =>
      Effect.sync(() => {
        closed = true
        memory.clear()
      })
    )

    // what a use of a remembered answer returns
    const answer = (key: string, entry: Remembered, allowExpired: boolean, at: number) => {
      if (Either.isLeft(entry.answer)) return entry.answer
      if (revocations.covers(entry.answer.right)) {
        memory.remove(key)
        return Either.left(new TokenRejected({ reason: "Revoked", message: "The token has been revoked." }))
      }
      if (!allowExpired && at >= entry.expiresMillis) {
        return Either.left(new TokenRejected({ reason: "Expired", message: "The token has expired." }))
      }
      // keystonemiddleware: a v2.0 token must name its tenant
      if (entry.noProject) {
        return Either.left(new TokenRejected({ reason: "NoProject", message: "Unable to determine service tenancy." }))
      }
      return entry.answer
    }

    const cached = (tokenId: string, allowExpired: boolean) => {
      if (closed) return undefined
      const key = keyOf(sha256Hex(tokenId), allowExpired)
      const at = now()
      const entry = memory.get(key, at)
      return entry === undefined ? undefined : answer(key, entry, allowExpired, at)
    }

    const validateToken = (tokenId: string, allowExpired: boolean) =>
      Effect.suspend((): Effect.Effect<Token.Token, TokenRejected | KeystoneUnavailable> => {
        const hash = sha256Hex(tokenId)
        const key = keyOf(hash, allowExpired)
        const entry = closed ? undefined : memory.get(key, now())
        if (entry !== undefined) return answer(key, entry, allowExpired, now())
        return Effect.flatMap(
          memory.resolve(key, lookup(hash, tokenId, allowExpired), now),
          (resolved) => answer(key, resolved, allowExpired, now())
        )
      })

    const dropCovered = Effect.sync(() =>
      memory.removeWhere((entry) => Either.isRight(entry.answer) && revocations.covers(entry.answer.right))
    )

    return {
      cached,
      validate: validateToken,
      dropCovered,
      dropAll: Effect.sync(() => memory.clear())
    } satisfies Validator
  })
