/**
 * The envelope every backend stores (`{ v, storedAt, token }` as JSON), and
 * the one place a stored string becomes a token: backends (and the encrypting
 * wrapper) provide `RawEntries`, and `entries` turns them into the store's
 * `get`/`set`, with the same misses and logs everywhere.
 *
 * @internal
 */
import { Token } from "@effect-keystone/schema"
import * as DateTime from "effect/DateTime"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Option from "effect/Option"
import * as Schema from "effect/Schema"
import type { RawEntries, StoreKey, TokenStoreError, TokenStoreService } from "../TokenStore.js"

/** @internal */
export const version = 1

/** @internal */
export const Envelope = Schema.Struct({
  v: Schema.Literal(version),
  storedAt: Schema.DateTimeUtc,
  token: Token.Token
})

const EnvelopeJson = Schema.parseJson(Envelope)
const decodeEnvelope = Schema.decodeUnknownEither(EnvelopeJson)
const encodeEnvelope = Schema.encodeSync(EnvelopeJson)

/** @internal */
export const encode = (token: Token.Token, now: DateTime.Utc): string =>
  encodeEnvelope({ v: version, storedAt: now, token })

/** @internal */
export type DecodeFailure = "corrupt" | "foreign-version" | "expired"

/** A JSON object whose `v` is not ours. */
const foreignVersion = (raw: string): boolean => {
  try {
    const parsed: unknown = JSON.parse(raw)
    return typeof parsed === "object" && parsed !== null && "v" in parsed && parsed.v !== version
  } catch {
    return false
  }
}

/** @internal */
export const decode = (raw: string, now: DateTime.Utc): Either.Either<Token.Token, DecodeFailure> =>
  Either.flatMap(
    Either.mapLeft(decodeEnvelope(raw), (): DecodeFailure => foreignVersion(raw) ? "foreign-version" : "corrupt"),
    ({ token }) => Token.isExpired(token, now) ? Either.left("expired") : Either.right(token)
  )

/**
 * A logged miss: the warning every backend gives for an entry it will not use
 * (key and reason, never the content).
 *
 * @internal
 */
export const warnMiss = (annotations: Readonly<Record<string, unknown>>, reason: string): Effect.Effect<Option.Option<never>> =>
  Effect.as(
    Effect.logWarning("TokenStore: ignoring a stored entry").pipe(Effect.annotateLogs({ ...annotations, reason })),
    Option.none()
  )

/**
 * `get` and `set` of a store whose entries are `raw` strings: an expired
 * entry is a quiet miss, anything else unusable a logged one.
 *
 * @internal
 */
export const entries = (
  raw: RawEntries,
  annotations: (key: StoreKey) => Readonly<Record<string, unknown>>
): Pick<TokenStoreService, "get" | "set"> => ({
  get: (key): Effect.Effect<Option.Option<Token.Token>, TokenStoreError> =>
    Effect.flatMap(raw.get(key), (stored) =>
      Option.isNone(stored)
        ? Effect.succeedNone
        : Effect.flatMap(DateTime.now, (now) =>
          Either.match(decode(stored.value, now), {
            onLeft: (reason) =>
              reason === "expired"
                ? Effect.as(
                  Effect.logDebug("TokenStore: stored token has expired").pipe(Effect.annotateLogs(annotations(key))),
                  Option.none()
                )
                : warnMiss(annotations(key), reason),
            onRight: Effect.succeedSome
          }))),
  set: (key, token) => Effect.flatMap(DateTime.now, (now) => raw.set(key, encode(token, now), token.expiresAt))
})
