/**
 * A Keystone token that is always there: cached, shared through a
 * `TokenStore`, renewed in the background before it expires, and one
 * `issue` request per renewal however many fibers (or, with a shared store,
 * processes) ask.
 *
 * ```ts
 * const MainLive = KeystoneSession.layer({ auth }).pipe(
 *   Layer.provide(TokenStore.layerMemory),
 *   Layer.provide(KeystoneClient.layer({ authUrl: "https://keystone.example.com/v3" })),
 *   Layer.provide(NodeHttpClient.layerUndici)
 * )
 * ```
 *
 * ## Time
 *
 * A token's deadline is computed on the local clock: its lifetime as Keystone
 * meant it (`expires_at − issued_at`) counted from the moment it arrived. A
 * local clock minutes ahead of or behind Keystone's does not move it.
 * Keystone's `expires_at` meets the local clock only for a token without
 * `issued_at` and for a token read from a store (we did not see it arrive):
 * then the remaining life is `expires_at − now`, corrected by the skew this
 * process saw on its own issues, and never more than the token's lifetime.
 *
 * - The margin defaults to max(2 minutes, 10% of the lifetime), and is never
 *   more than half the lifetime (a configured one included).
 * - `token` answers from memory while more than the margin is left. The
 *   background fiber renews a little earlier (up to a quarter of the margin,
 *   at random, so processes sharing a store spread out).
 * - While renewal fails, the current token is served until it expires
 *   locally; then `token` fails with the last attempt's error. The fiber
 *   keeps trying (transient errors from 2 s up to every minute while a valid
 *   token is held, at most `maxRetryDelayWithoutToken` (5 s) apart once none
 *   is; refusals such as 401 from 30 s up to every 10 minutes) and recovers
 *   on its own. A `Retry-After` delays renewal only while a valid token is
 *   held.
 * - Logins are at least `minimumRefresh` (1 s) apart, whoever asks: a
 *   Keystone handing out nearly dead tokens cannot make every `token` call a
 *   login. An `issued_at` more than 5 minutes off the local clock is logged
 *   once as a warning.
 *
 * ## The store
 *
 * Read when the session starts (a still-valid token there is used: no login
 * on a worker restart) and at every renewal, inside `withLock` and before
 * issuing (another process may just have renewed); written after every issue;
 * cleaned on `invalidate` and, with `revokeOnClose`, on close. Store failures
 * are logged and treated as a miss: never fatal. A stored token whose user,
 * scope or API version contradicts the session's own login (the ids or names
 * in `auth`, the auth URL, what Keystone said about the session's own
 * tokens) is never adopted: a miss, logged as a warning. Whoever can read
 * the store can still copy a genuine entry: use `TokenStore.layerEncrypted`
 * for a store others can write.
 *
 * ## Logs
 *
 * Routine events (a token issued, taken from the store, invalidated, revoked
 * on close) log at `Debug`. A failed renewal the session rides out (it still
 * serves a valid token) is a `Warning`; one that leaves it without a valid
 * token is an `Error`; the first success after failures is `Info`. No line
 * carries a token id.
 *
 * @since 0.1.0
 */
import type * as HttpClient from "@effect/platform/HttpClient"
import type * as HttpClientError from "@effect/platform/HttpClientError"
import type { Auth, KeystoneClient, KeystoneError } from "@effect-keystone/client"
import * as CallerToken from "@effect-keystone/client/CallerToken"
import type { Catalog, Token } from "@effect-keystone/schema"
import * as Config from "effect/Config"
import type * as ConfigError from "effect/ConfigError"
import * as Context from "effect/Context"
import type * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import type * as Redacted from "effect/Redacted"
import type * as Scope from "effect/Scope"
import type * as Stream from "effect/Stream"
import * as Origins from "./internal/origins.js"
import * as internal from "./internal/session.js"
import * as SessionCaller from "./internal/sessionCaller.js"
import type * as TokenStore from "./TokenStore.js"

/**
 * @since 0.1.0
 * @category models
 */
export interface Options {
  /** Who logs in, and for what. */
  readonly auth: Auth.Auth
  /**
   * How long before local expiry a token is renewed. Default max(2 minutes,
   * 10% of the token's lifetime); never more than half the lifetime.
   */
  readonly refreshMargin?: Duration.DurationInput | undefined
  /** Revoke the tokens this session issued when its scope closes (errors are logged). Default `false`. */
  readonly revokeOnClose?: boolean | undefined
  /**
   * The store key. Default `TokenStore.key({ authUrl, auth })` with the
   * client's auth URL: sessions with the same login share a token.
   */
  readonly storeKey?: TokenStore.StoreKey | undefined
  /**
   * The least time between two logins of this session, whoever asks (the
   * refresher, `token`, `tokenValidFor`, `refresh`, a 401 retry): a renewal
   * due sooner waits. Bounds the logins a Keystone handing out nearly dead
   * tokens can cause. Default 1 second.
   *
   * @since 0.2.0
   */
  readonly minimumRefresh?: Duration.DurationInput | undefined
  /**
   * While the session holds no valid token, transient renewal failures (503,
   * 429, resets) are retried at least this often, whatever `Retry-After`
   * said. (While a valid token is held, `Retry-After` is honoured up to that
   * token's expiry; refusals such as 401 keep their slow backoff.) Default 5
   * seconds.
   *
   * @since 0.2.0
   */
  readonly maxRetryDelayWithoutToken?: Duration.DurationInput | undefined
  /**
   * A 401 from a service through `httpClient` for a token issued less than
   * this ago is checked with Keystone (once per token and window, however
   * many requests are refused): if Keystone still takes the token, the 401 is
   * returned to the caller as is (the service refuses us, and a new login
   * would only be refused again); if Keystone refuses it too (revoked), or
   * past the window, the token is invalidated and the request retried once
   * with a fresh one. With two tokens (`httpClientOnBehalfOf`) Keystone is
   * asked about each replaceable one whatever its age, the verdict kept for
   * this long. Default 30 seconds.
   *
   * @since 0.2.0
   */
  readonly refusedTokenWindow?: Duration.DurationInput | undefined
  /**
   * Origins (`https://host:port`; a URL's path is ignored) `httpClient` may
   * send the token to besides those of the token's own catalog and of the
   * auth URL. A request to any other origin fails with `OriginNotAllowed`
   * and is not sent. Entries that are not absolute http(s) URLs allow
   * nothing (logged at start). Default none.
   *
   * @since 0.2.0
   */
  readonly allowOrigins?: ReadonlyArray<string> | undefined
}

/**
 * `session.httpClient` refused to send the token to a request's origin: it
 * is not in the token's catalog, not the auth URL's, and not in
 * `allowOrigins` (or the URL is not an absolute http(s) URL). Nothing was
 * sent.
 *
 * @since 0.2.0
 * @category errors
 */
export const OriginNotAllowed: typeof Origins.OriginNotAllowed = Origins.OriginNotAllowed

/**
 * @since 0.2.0
 * @category errors
 */
export type OriginNotAllowed = Origins.OriginNotAllowed

/**
 * @since 0.1.0
 * @category models
 */
export interface KeystoneSessionService {
  /** The key this session uses in the `TokenStore`. */
  readonly storeKey: TokenStore.StoreKey
  /**
   * A token valid for at least the margin: a memory read while that holds,
   * else the (single) renewal in flight. While Keystone fails, the current
   * token is served until it expires; then the last attempt's error.
   */
  readonly token: Effect.Effect<Token.Token, KeystoneError.KeystoneError>
  /**
   * A token valid for at least `duration` (renewing if needed). Asking for
   * more than Keystone's token lifetime gets a fresh token.
   */
  readonly tokenValidFor: (duration: Duration.DurationInput) => Effect.Effect<Token.Token, KeystoneError.KeystoneError>
  /**
   * Drops that token (compared by id): the next `token` gets another. A newer
   * token the session already holds is kept. Removes it from the store too
   * if the store holds it. Never fails.
   */
  readonly invalidate: (token: Token.Token | Redacted.Redacted<string>) => Effect.Effect<void>
  /** A new token now, skipping the store (joins a renewal already in flight). */
  readonly refresh: Effect.Effect<Token.Token, KeystoneError.KeystoneError>
  /** The URL from the current token's catalog (`Catalog.endpoint`, indexed once per token). */
  readonly endpoint: (
    filter: Catalog.EndpointFilter
  ) => Effect.Effect<string, Catalog.EndpointNotFound | KeystoneError.KeystoneError>
  /** The current token's catalog. */
  readonly catalog: Effect.Effect<Catalog.Catalog, KeystoneError.KeystoneError>
  /**
   * The application's `HttpClient` with `X-Auth-Token` set, for the origins
   * of the token's catalog, the auth URL's and `allowOrigins` only: a
   * request elsewhere fails with `OriginNotAllowed`, unsent. It does not
   * follow redirects (a fetch-based client is told not to); wrap it in
   * `HttpClient.followRedirects` and each hop is checked like a new request.
   * The `HttpClient` provided to the session must not follow redirects
   * itself.
   *
   * On a 401 it invalidates the refused token and retries once with a fresh
   * one, unless the token was issued less than `refusedTokenWindow` ago and
   * Keystone still takes it; a second 401 is returned as is. (A request with a stream
   * body is not retried: the body cannot be sent twice.)
   */
  readonly httpClient: Effect.Effect<
    HttpClient.HttpClient.With<HttpClientError.HttpClientError | KeystoneError.KeystoneError | OriginNotAllowed>
  >
  /**
   * An `HttpClient` for calls this service makes on a user's behalf: the
   * user's token as `X-Auth-Token` and this session's own token as
   * `X-Service-Token`, so the service called accepts a user token that
   * expires mid-operation (keystonemiddleware's `allow_expired` with a valid
   * service token, `service_token_roles`). `user` is a token (sent as it is,
   * expired or not, and never re-issued) or another session (its token,
   * renewed like any session's).
   *
   * Origins, redirects and stream bodies are handled as by `httpClient`; the
   * origin check uses this session's token, auth URL and `allowOrigins`
   * (both tokens go only where the service token may go).
   *
   * On a 401 (keystonemiddleware does not say which token it refused),
   * Keystone is asked about each re-issuable token (`HEAD /v3/auth/tokens`
   * with this session's `KeystoneClient`, at most once per token and
   * `refusedTokenWindow`): the ones it confirms dead (`401`, `404`) are
   * invalidated and the request is sent once more with fresh ones; if it
   * confirms none, the 401 is returned as is (the service refuses the
   * request for another reason, e.g. a missing role, or a fixed user token
   * is no longer acceptable).
   *
   * ```ts
   * const service = yield* KeystoneSession.KeystoneSession // the service's own login
   * const http = yield* service.httpClientOnBehalfOf(incomingUserToken)
   * const volumes = yield* http.get(`${cinder}/volumes`)
   * ```
   *
   * @since 0.2.0
   */
  readonly httpClientOnBehalfOf: (user: OnBehalfOf) => Effect.Effect<
    HttpClient.HttpClient.With<HttpClientError.HttpClientError | KeystoneError.KeystoneError | OriginNotAllowed>
  >
  /** Every token the session adopts from now on (issued or taken from the store). */
  readonly changes: Stream.Stream<Token.Token>
}

/**
 * Whose `X-Auth-Token` `httpClientOnBehalfOf` sends: a user's token as
 * received (e.g. the incoming request's, validated), or a session (anything
 * with `token` and `invalidate`, such as another `KeystoneSessionService`).
 *
 * @since 0.2.0
 * @category models
 */
export type OnBehalfOf =
  | Token.Token
  | Redacted.Redacted<string>
  | Pick<KeystoneSessionService, "token" | "invalidate">

/**
 * @since 0.1.0
 * @category tags
 */
export class KeystoneSession extends Context.Tag("@effect-keystone/cache/KeystoneSession")<
  KeystoneSession,
  KeystoneSessionService
>() {}

/**
 * Builds the session in the current scope: the first token is fetched in
 * the background (from the store, else issued), so this never fails; the
 * refresher fiber stops, and with `revokeOnClose` the tokens are revoked,
 * when the scope closes.
 *
 * @since 0.1.0
 * @category constructors
 */
export const make: (
  options: Options
) => Effect.Effect<
  KeystoneSessionService,
  never,
  KeystoneClient.KeystoneClient | TokenStore.TokenStore | HttpClient.HttpClient | Scope.Scope
> = internal.make

/**
 * @since 0.1.0
 * @category layers
 *
 * @example
 * ```ts
 * const MainLive = KeystoneSession.layer({ auth, revokeOnClose: true }).pipe(
 *   Layer.provide(TokenStore.layerMemory),
 *   Layer.provide(KeystoneClient.layer({ authUrl })),
 *   Layer.provideMerge(NodeHttpClient.layerUndici)
 * )
 * const servers = Effect.gen(function*() {
 *   const session = yield* KeystoneSession.KeystoneSession
 *   const nova = yield* session.endpoint({ type: "compute" })
 *   const http = yield* session.httpClient
 *   return yield* http.get(`${nova}/servers`)
 * })
 * ```
 */
export const layer = (
  options: Options
): Layer.Layer<KeystoneSession, never, KeystoneClient.KeystoneClient | TokenStore.TokenStore | HttpClient.HttpClient> =>
  Layer.scoped(KeystoneSession, make(options))

/**
 * The options read from `Config`, e.g.
 * `KeystoneSession.layerConfig({ auth, refreshMargin: Config.duration("KEYSTONE_REFRESH_MARGIN") })`.
 *
 * @since 0.1.0
 * @category layers
 */
export const layerConfig = (
  config: Config.Config.Wrap<Options>
): Layer.Layer<
  KeystoneSession,
  ConfigError.ConfigError,
  KeystoneClient.KeystoneClient | TokenStore.TokenStore | HttpClient.HttpClient
> => Layer.scoped(KeystoneSession, Effect.flatMap(Config.unwrap(config), make))

/**
 * The session's token as the `CallerToken` of a `KeystoneClient`: a service
 * that validates incoming tokens does so as its own auto-renewing session,
 * with no second token cache. A 401 on the session's token invalidates it
 * (the session logs in again, once for all callers) and the refused call is
 * retried once.
 *
 * The session needs a `KeystoneClient` of its own to log in with: give it a
 * separate layer from the one that validates.
 *
 * @since 0.3.0
 * @category layers
 *
 * @example
 * ```ts
 * import { KeystoneSession, TokenStore } from "@effect-keystone/cache"
 * import { KeystoneClient } from "@effect-keystone/client"
 * import { Layer } from "effect"
 *
 * declare const authUrl: string
 * declare const serviceAuth: import("@effect-keystone/client").Auth.Auth
 *
 * const Session = KeystoneSession.layer({ auth: serviceAuth }).pipe(
 *   Layer.provide(TokenStore.layerMemory),
 *   Layer.provide(KeystoneClient.layer({ authUrl }))
 * )
 * // validates, checks and revokes with the session's token as X-Auth-Token
 * const Validating = KeystoneClient.layer({ authUrl }).pipe(
 *   Layer.provide(KeystoneSession.layerCallerToken),
 *   Layer.provide(Session)
 * )
 * ```
 */
export const layerCallerToken: Layer.Layer<CallerToken.CallerToken, never, KeystoneSession> = Layer.effect(
  CallerToken.CallerToken,
  Effect.map(KeystoneSession, SessionCaller.make)
)
