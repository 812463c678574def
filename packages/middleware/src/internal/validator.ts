/**
 * Validated tokens, remembered: an LRU (`lru.ts`: single flight per token,
 * the first request validates, the others wait for its answer), a positive
 * entry bounded by the token's expiry and `maxAge`, a rejection remembered
 * for `negativeMaxAge`, a failure of Keystone never. Optionally a shared
 * `TokenStore` behind it (see `sharedStore.ts`). Keys are SHA-256 hashes;
 * the id of a remembered token is its hash, never the token.
 *
 * A remembered validation is checked on every use (`answer`: the revocation
 * index, the token's expiry, a v2.0 token's tenant) and counted once per use
 * in `KeystoneMetrics.validations` (`hit`, `negative`, `revoked`; `miss` for
 * the request that asked Keystone, `unavailable` when it could not answer).
 * `remembered` finds an answer synchronously without counting it: the caller
 * counts it with `use` once it is the request's answer, so a request that
 * then goes to Keystone after all is not counted twice.
 *
 * @internal
 */
import type { KeystoneError } from "@effect-keystone/client"
import * as KeystoneMetrics from "@effect-keystone/client/KeystoneMetrics"
import * as Retry from "@effect-keystone/client/Retry"
import { Token } from "@effect-keystone/schema"
import * as DateTime from "effect/DateTime"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as FiberRef from "effect/FiberRef"
import type * as MetricLabel from "effect/MetricLabel"
import * as Option from "effect/Option"
import * as Redacted from "effect/Redacted"
import type { Validate } from "./caller.js"
import { sha256Hex } from "./digest.js"
import { KeystoneUnavailable, TokenRejected } from "./errors.js"
import * as Lru from "./lru.js"
import type { Outage } from "./outage.js"
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

/** A remembered answer on a token, as one request uses it. @internal */
export interface Found {
  readonly answer: Either.Either<Token.Token, TokenRejected>
  /** How the use counts. */
  readonly result: "hit" | "negative" | "revoked"
  /** The cache key (a hash) the answer is remembered under. */
  readonly key: string
}

/** A remembered answer, with what each use checks computed once (itself the `Found` of a plain use). */
interface Remembered extends Found {
  readonly result: "hit" | "negative"
  /** The token's expiry (epoch millis); `Infinity` when it has none or was rejected. */
  readonly expiresMillis: number
  /** A v2.0 token without a tenant (keystonemiddleware refuses it). */
  readonly noProject: boolean
}

const counters: Record<KeystoneMetrics.ValidationResult, ReturnType<typeof KeystoneMetrics.withTags<typeof KeystoneMetrics.validations>>> = {
  hit: KeystoneMetrics.withTags(KeystoneMetrics.validations, { result: "hit" }),
  miss: KeystoneMetrics.withTags(KeystoneMetrics.validations, { result: "miss" }),
  negative: KeystoneMetrics.withTags(KeystoneMetrics.validations, { result: "negative" }),
  revoked: KeystoneMetrics.withTags(KeystoneMetrics.validations, { result: "revoked" }),
  unavailable: KeystoneMetrics.withTags(KeystoneMetrics.validations, { result: "unavailable" })
}

/** One count, with the metric labels of where it happened (a fiber's, or where the service was built). */
const count = (result: KeystoneMetrics.ValidationResult, labels: ReadonlyArray<MetricLabel.MetricLabel>) =>
  counters[result].unsafeUpdate(1, labels)

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
      // Keystone's Retry-After (none, or 0: the pause configured), in whole seconds
      const asked = Retry.retryAfter(error)
      const hinted = Duration.isZero(asked) ? retryAfterSeconds : Math.ceil(Duration.toSeconds(asked))
      return Effect.fail(new KeystoneUnavailable({ retryAfterSeconds: hinted, message: `${error._tag}: ${error.message}` }))
    }
  }
}

/** @internal */
export interface Validator {
  /**
   * The remembered answer on a token, synchronously (no fiber, no Keystone),
   * not counted yet; `undefined` when Keystone has to be asked: `validate` then.
   */
  readonly remembered: (tokenId: string, allowExpired: boolean) => Found | undefined
  /** A remembered answer used: counted (with `labels`), and forgotten when revoked. */
  readonly use: (found: Found, labels: ReadonlyArray<MetricLabel.MetricLabel>) => Either.Either<Token.Token, TokenRejected>
  /** The metric labels where the validator was built: those of a use outside any fiber. */
  readonly labels: ReadonlyArray<MetricLabel.MetricLabel>
  /** The token's (cached, counted) validation; the token's id in the result is its hash. */
  readonly validate: (
    tokenId: string,
    allowExpired: boolean
  ) => Effect.Effect<Token.Token, TokenRejected | KeystoneUnavailable>
  /** Drops every remembered validation the index covers. */
  readonly dropCovered: Effect.Effect<number>
  /** Forgets every cached validation; how many there were. */
  readonly dropAll: Effect.Effect<number>
  /** Forgets everything and remembers nothing more (the service's scope closed). */
  readonly close: Effect.Effect<void>
}

const remember = (key: string, outcome: Outcome): Remembered => {
  if (outcome._tag === "Rejected") {
    return { answer: Either.left(outcome.error), result: "negative", key, expiresMillis: Infinity, noProject: false }
  }
  const token = outcome.token
  return {
    answer: Either.right(token),
    result: "hit",
    key,
    expiresMillis: Option.match(token.expiresAt, { onNone: () => Infinity, onSome: DateTime.toEpochMillis }),
    noProject: token.version === "v2.0" && Token.projectId(token) === undefined
  }
}

/** The key of a token's hash: a validation allowing expiry is remembered apart. */
const keyOf = (hash: string, allowExpired: boolean) => allowExpired ? `${hash}+expired` : hash

/**
 * Builds the validator; after `close` it remembers nothing (every request
 * goes through `validate`).
 *
 * @internal
 */
export const make = (
  settings: Settings,
  validate: Validate,
  revocations: Revocation.Index,
  shared: SharedStore | undefined,
  outage: Outage
): Effect.Effect<Validator> =>
  Effect.gen(function*() {
    const answered = outage.up
    const failed = (e: KeystoneUnavailable) =>
      outage.down(`AuthToken: cannot validate tokens (answering 503 until Keystone answers): ${e.message}`)

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
    const lookup = (key: string, hash: string, tokenId: string, allowExpired: boolean) =>
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
          value: remember(key, outcome),
          untilMillis: outcome._tag === "Valid" ? outcome.untilMillis : started + settings.negativeMaxAgeMillis
        } satisfies Lru.Settled<Remembered>
      })

    const memory = Lru.make<Remembered, KeystoneUnavailable>(settings.capacity)
    let closed = false

    const labels = yield* FiberRef.get(FiberRef.currentMetricLabels)

    // what a remembered answer says to this use
    const answer = (entry: Remembered, allowExpired: boolean, at: number): Found => {
      if (Either.isLeft(entry.answer)) return entry
      const rejected = (result: Found["result"], reason: TokenRejected["reason"], message: string): Found => ({
        answer: Either.left(new TokenRejected({ reason, message })),
        result,
        key: entry.key
      })
      if (revocations.covers(entry.answer.right)) return rejected("revoked", "Revoked", "The token has been revoked.")
      if (!allowExpired && at >= entry.expiresMillis) return rejected("hit", "Expired", "The token has expired.")
      // keystonemiddleware: a v2.0 token must name its tenant
      if (entry.noProject) return rejected("hit", "NoProject", "Unable to determine service tenancy.")
      return entry
    }

    // `fresh`: this request's own lookup, a miss (unless a revocation event covers what Keystone said)
    const use = (found: Found, useLabels: ReadonlyArray<MetricLabel.MetricLabel>, fresh = false) => {
      count(fresh && found.result !== "revoked" ? "miss" : found.result, useLabels)
      if (found.result === "revoked") memory.remove(found.key)
      return found.answer
    }

    const remembered = (tokenId: string, allowExpired: boolean) => {
      if (closed) return undefined
      const at = now()
      const entry = memory.get(keyOf(sha256Hex(tokenId), allowExpired), at)
      return entry === undefined ? undefined : answer(entry, allowExpired, at)
    }

    const validateToken = (tokenId: string, allowExpired: boolean) =>
      Effect.withFiberRuntime<Token.Token, TokenRejected | KeystoneUnavailable>((fiber) => {
        const fiberLabels = fiber.getFiberRef(FiberRef.currentMetricLabels)
        const hash = sha256Hex(tokenId)
        const key = keyOf(hash, allowExpired)
        const entry = closed ? undefined : memory.get(key, now())
        if (entry !== undefined) return use(answer(entry, allowExpired, now()), fiberLabels)
        return memory.resolve(key, lookup(key, hash, tokenId, allowExpired), now).pipe(
          Effect.tapError(() => Effect.sync(() => count("unavailable", fiberLabels))),
          Effect.flatMap((resolved) => use(answer(resolved.value, allowExpired, now()), fiberLabels, resolved.ran))
        )
      })

    const dropCovered = Effect.sync(() =>
      memory.removeWhere((entry) => Either.isRight(entry.answer) && revocations.covers(entry.answer.right))
    )

    return {
      remembered,
      use,
      labels,
      validate: validateToken,
      dropCovered,
      dropAll: Effect.sync(() => {
        const size = memory.size()
        memory.clear()
        return size
      }),
      close: Effect.sync(() => {
        closed = true
        memory.clear()
      })
    } satisfies Validator
  })
