/**
 * keystonemiddleware's `auth_token` as an Effect service: validates the
 * `X-Auth-Token` (and `X-Service-Token`) of incoming requests with the
 * service's own auto-renewing `KeystoneSession`, remembers validations no
 * longer than the token lives (nor `maxAge`), one Keystone request per new
 * token however many requests carry it, and drops revoked tokens within a
 * revocation poll (one poller for a whole fleet with `layerFleet`).
 *
 * @since 0.1.0
 */
import type * as HttpClient from "@effect/platform/HttpClient"
import type { KeystoneSession, TokenStore } from "@effect-keystone/cache"
import type { KeystoneClient } from "@effect-keystone/client"
import * as Config from "effect/Config"
import type * as ConfigError from "effect/ConfigError"
import * as Context from "effect/Context"
import type * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import type * as Redacted from "effect/Redacted"
import type * as Scope from "effect/Scope"
import type * as Identities from "./Identity.js"
import * as Errors from "./internal/errors.js"
import * as internal from "./internal/service.js"
import type * as RevocationFeed from "./RevocationFeed.js"

/**
 * The token is not (or no longer) valid. `reason`: `Missing`, `Unknown`
 * (Keystone does not know it: never issued, expired or revoked there),
 * `Expired`, `Revoked` (a revocation event covers it), `Malformed`,
 * `NoProject` (a v2.0 token without a tenant), `ServiceToken` (the service
 * token is invalid or lacks a `serviceTokenRoles` role while they are required).
 *
 * @since 0.1.0
 * @category errors
 */
export const TokenRejected: typeof Errors.TokenRejected = Errors.TokenRejected

/**
 * @since 0.1.0
 * @category errors
 */
export type TokenRejected = Errors.TokenRejected

/**
 * Keystone could not say (unreachable, failing, rate limiting, or refusing
 * the service's own credentials): answer 503 with `Retry-After`, never 401.
 *
 * @since 0.1.0
 * @category errors
 */
export const KeystoneUnavailable: typeof Errors.KeystoneUnavailable = Errors.KeystoneUnavailable

/**
 * @since 0.1.0
 * @category errors
 */
export type KeystoneUnavailable = Errors.KeystoneUnavailable

/**
 * A request's verdict: `Confirmed` with the identity, or `Invalid` (what was
 * wrong, the service token's principal when it was valid, and the user's
 * identity when only the service token failed).
 *
 * @since 0.1.0
 * @category models
 */
export type Status =
  | { readonly _tag: "Confirmed"; readonly identity: Identities.Identity }
  | {
    readonly _tag: "Invalid"
    readonly error: TokenRejected | KeystoneUnavailable
    readonly service: Identities.Principal | null
    readonly serviceTokenSent: boolean
    readonly user?: Identities.Identity | undefined
  }

/**
 * What an adapter does with a request: forward it (after removing `remove`
 * and setting `set`), or answer it (401 with `WWW-Authenticate`, 503 with
 * `Retry-After`).
 *
 * @since 0.1.0
 * @category models
 */
export type Decision =
  | {
    readonly _tag: "Forward"
    readonly status: Status
    readonly set: Readonly<Record<string, string>>
    readonly remove: ReadonlyArray<string>
  }
  | {
    readonly _tag: "Respond"
    readonly status: 401 | 503
    readonly headers: Readonly<Record<string, string>>
    readonly body: string
  }

/**
 * @since 0.1.0
 * @category models
 */
export interface Options {
  readonly cache?: {
    /** The longest a validation is reused (never past the token's expiry). Default 5 minutes. */
    readonly maxAge?: Duration.DurationInput | undefined
    /** How long a rejected token is remembered. Default 10 seconds. */
    readonly negativeMaxAge?: Duration.DurationInput | undefined
    /** Tokens remembered in memory at most (least recently used go first). Default 10,000. */
    readonly capacity?: number | undefined
  } | undefined
  readonly revocation?: {
    /** How often `GET /v3/OS-REVOKE/events` is polled; `false`: never. Default 5 seconds. */
    readonly pollEvery?: Duration.DurationInput | false | undefined
    /** Most revocation events kept (beyond it the cache is emptied). Default 10,000. */
    readonly capacity?: number | undefined
  } | undefined
  /** keystonemiddleware's `service_token_roles`. Default `["service"]`. */
  readonly serviceTokenRoles?: ReadonlyArray<string> | undefined
  /** keystonemiddleware's `service_token_roles_required`. Default `false`. */
  readonly serviceTokenRolesRequired?: boolean | undefined
  /** keystonemiddleware's `delay_auth_decision`: forward invalid requests, marked `Invalid`. Default `false`. */
  readonly delayAuthDecision?: boolean | undefined
  /** keystonemiddleware's `include_service_catalog`: the catalog in the identity and `X-Service-Catalog`. Default `false`. */
  readonly includeServiceCatalog?: boolean | undefined
  /** The URI in `WWW-Authenticate: Keystone uri="…"`. Default: the client's auth URL. */
  readonly wwwAuthenticateUri?: string | undefined
  /** Keystone's per-request timeout when validating. Default 5 seconds. */
  readonly timeout?: Duration.DurationInput | undefined
  /** Retries of a validation (a request waits for them). Default 2 attempts within 3 seconds. */
  readonly retry?: KeystoneClient.RetryPolicy | false | undefined
  /** `Retry-After` of a 503 when Keystone gave none. Default 5 seconds. */
  readonly retryAfter?: Duration.DurationInput | undefined
}

/**
 * @since 0.1.0
 * @category models
 */
export interface AuthTokenService {
  /** The verdict for a request's tokens; fails only when Keystone cannot say and decisions are not delayed. */
  readonly authenticate: (tokens: {
    readonly userToken?: string | undefined
    readonly serviceToken?: string | undefined
  }) => Effect.Effect<Status, KeystoneUnavailable>
  /**
   * The whole keystonemiddleware step for a request, from its headers
   * (looked up by lowercase name); `delayAuthDecision` overrides the
   * service's setting for this call.
   */
  readonly decide: (
    header: (name: string) => string | undefined,
    options?: { readonly delayAuthDecision?: boolean | undefined }
  ) => Effect.Effect<Decision>
  /**
   * `decide`, synchronously, when the request's tokens were validated before
   * (their answers remembered, positive or negative): no fiber, no Keystone
   * request. `undefined` when one is not remembered: then run `decide`. The
   * adapters try this first.
   *
   * @example
   * ```ts
   * const header = (name: string) => request.headers.get(name) ?? undefined
   * const decision = auth.decideCached(header) ?? await runtime.runPromise(auth.decide(header))
   * ```
   *
   * @since 0.4.0
   */
  readonly decideCached: (
    header: (name: string) => string | undefined,
    options?: { readonly delayAuthDecision?: boolean | undefined }
  ) => Decision | undefined
  /** One token's principal (cached like a request's). */
  readonly validate: (
    token: Redacted.Redacted<string>,
    options?: { readonly allowExpired?: boolean | undefined }
  ) => Effect.Effect<Identities.Principal, TokenRejected | KeystoneUnavailable>
  /** Reads revocation events now (and, in a fleet, publishes the new ones); the number of cached validations dropped. */
  readonly pollRevocations: Effect.Effect<number>
  readonly delayAuthDecision: boolean
  /** `Keystone uri="…"`. */
  readonly wwwAuthenticate: string
}

/**
 * @since 0.1.0
 * @category tags
 */
export class AuthToken extends Context.Tag("@effect-keystone/middleware/AuthToken")<AuthToken, AuthTokenService>() {}

/**
 * The caller's identity, provided to a handler behind the middleware.
 *
 * @since 0.1.0
 * @category tags
 */
export class Identity extends Context.Tag("@effect-keystone/middleware/AuthToken/Identity")<
  Identity,
  Identities.Identity
>() {}

/**
 * The request's verdict, provided to a handler behind the middleware when it
 * decides itself (`delayAuthDecision`).
 *
 * @since 0.1.0
 * @category tags
 */
export class RequestStatus extends Context.Tag("@effect-keystone/middleware/AuthToken/RequestStatus")<
  RequestStatus,
  Status
>() {}

/**
 * Builds the validator in the current scope (its revocation poller stops
 * with it). Validations use the `KeystoneSession`'s token as the caller
 * against the `KeystoneClient`'s Keystone.
 *
 * @since 0.1.0
 * @category constructors
 */
export const make: (
  options?: Options
) => Effect.Effect<
  AuthTokenService,
  never,
  KeystoneSession.KeystoneSession | KeystoneClient.KeystoneClient | HttpClient.HttpClient | Scope.Scope
> = (options) => internal.make(options ?? {}, undefined)

/** What `makeShared` and `makeFleet` need: `make`'s, the shared `TokenStore`, and a scope. */
type SharedRequirements =
  | KeystoneSession.KeystoneSession
  | KeystoneClient.KeystoneClient
  | HttpClient.HttpClient
  | TokenStore.TokenStore
  | Scope.Scope

/**
 * `make`, sharing validations between processes through the `TokenStore`
 * in context: give it the bare backend (`RedisTokenStore.layer(…)`,
 * `FileTokenStore.layer(…)`); every entry is sealed here with `encryption.keys`
 * (AES-256-GCM, `TokenStore.makeEncrypted`), so an entry planted by whoever
 * can write the backend never opens. Processes sharing validations share the
 * keys. Fails with `TokenStoreEncryptionError` on a bad key, or a store that
 * is already a wrapper (an encrypted one).
 *
 * @since 0.1.0
 * @category constructors
 */
export const makeShared = (
  options: Options | undefined,
  encryption: TokenStore.EncryptionOptions
): Effect.Effect<AuthTokenService, TokenStore.TokenStoreEncryptionError, SharedRequirements> =>
  internal.makeShared(options ?? {}, encryption)

/**
 * `makeShared`, and one process of the fleet polls the revocation events
 * for all: the processes sharing the `RevocationFeed` in context
 * (`RedisRevocationFeed.layer(…)`, same Redis and prefix as the store) and
 * Keystone elect one by a lease in the feed; it polls every
 * `revocation.pollEvery` and publishes the new events, and every process
 * drops what they cover, so a token revoked anywhere is refused by every
 * process within the interval. Another process takes over at its next tick
 * when the poller's scope closes, within `2.5 × pollEvery` when it dies. A
 * process polls itself to catch up when it (re)subscribes or misses a
 * message, and while it hears nothing for `3.5 × pollEvery`.
 *
 * Messages are sealed with `encryption.keys` (AES-256-GCM under the topic,
 * `TokenStore.makeSealer`) and checked on receipt: one that does not open or
 * is not revocation events is ignored and logged (counted in
 * `keystone_middleware_revocation_broadcasts_total{result="rejected"}`).
 * With `pollEvery: false` the process never polls; it applies what the
 * others publish.
 *
 * @since 0.6.0
 * @category constructors
 */
export const makeFleet = (
  options: Options | undefined,
  encryption: TokenStore.EncryptionOptions
): Effect.Effect<AuthTokenService, TokenStore.TokenStoreEncryptionError, SharedRequirements | RevocationFeed.RevocationFeed> =>
  internal.makeFleet(options ?? {}, encryption)

/**
 * @since 0.1.0
 * @category layers
 */
export const layer = (
  options?: Options
): Layer.Layer<AuthToken, never, KeystoneSession.KeystoneSession | KeystoneClient.KeystoneClient | HttpClient.HttpClient> =>
  Layer.scoped(AuthToken, make(options))

/**
 * `makeShared` as a layer, e.g.
 * `AuthToken.layerShared(options, { keys }).pipe(Layer.provide(RedisTokenStore.layer({ url })), …)`.
 *
 * @since 0.1.0
 * @category layers
 */
export const layerShared = (
  options: Options | undefined,
  encryption: TokenStore.EncryptionOptions
): Layer.Layer<
  AuthToken,
  TokenStore.TokenStoreEncryptionError,
  KeystoneSession.KeystoneSession | KeystoneClient.KeystoneClient | HttpClient.HttpClient | TokenStore.TokenStore
> => Layer.scoped(AuthToken, makeShared(options, encryption))

/**
 * `makeFleet` as a layer, e.g.
 * `AuthToken.layerFleet(options, { keys }).pipe(Layer.provide(RedisTokenStore.layer(redis)), Layer.provide(RedisRevocationFeed.layer(redis)), …)`.
 *
 * @since 0.6.0
 * @category layers
 */
export const layerFleet = (
  options: Options | undefined,
  encryption: TokenStore.EncryptionOptions
): Layer.Layer<
  AuthToken,
  TokenStore.TokenStoreEncryptionError,
  | KeystoneSession.KeystoneSession
  | KeystoneClient.KeystoneClient
  | HttpClient.HttpClient
  | TokenStore.TokenStore
  | RevocationFeed.RevocationFeed
> => Layer.scoped(AuthToken, makeFleet(options, encryption))

/**
 * The options read from `Config`, e.g.
 * `AuthToken.layerConfig({ delayAuthDecision: Config.boolean("DELAY_AUTH_DECISION") })`.
 *
 * @since 0.1.0
 * @category layers
 */
export const layerConfig = (
  config: Config.Config.Wrap<Options>
): Layer.Layer<
  AuthToken,
  ConfigError.ConfigError,
  KeystoneSession.KeystoneSession | KeystoneClient.KeystoneClient | HttpClient.HttpClient
> => Layer.scoped(AuthToken, Effect.flatMap(Config.unwrap(config), make))
