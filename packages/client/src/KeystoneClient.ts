/**
 * The Keystone token API as an Effect service: issue, validate, check,
 * revoke, and list a token's endpoints, on v3 or v2.0.
 *
 * @since 0.1.0
 */
import type * as HttpClient from "@effect/platform/HttpClient"
import type { Catalog, Token, Url } from "@effect-keystone/schema"
import * as Config from "effect/Config"
import type * as ConfigError from "effect/ConfigError"
import * as Context from "effect/Context"
import type * as DateTime from "effect/DateTime"
import type * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import type * as Option from "effect/Option"
import type * as Redacted from "effect/Redacted"
import type * as Schedule from "effect/Schedule"
import type { Auth } from "./Auth.js"
import * as internal from "./internal/client.js"
import type { KeystoneError } from "./KeystoneError.js"

/**
 * The token acted on: a decoded `Token` or a bare (redacted) token id.
 *
 * @since 0.1.0
 * @category models
 */
export type Subject = Token.Token | Redacted.Redacted<string>

/**
 * The Keystone API versions the client speaks (`Url.ApiVersion`).
 *
 * @since 0.1.0
 * @category models
 */
export type ApiVersion = Url.ApiVersion

/**
 * @since 0.1.0
 * @category models
 */
export interface IssueOptions {
  /** Ask Keystone to leave the catalog out (`?nocatalog`). */
  readonly noCatalog?: boolean | undefined
}

/**
 * @since 0.1.0
 * @category models
 */
export interface ValidateOptions {
  readonly noCatalog?: boolean | undefined
  /** Accept a token up to Keystone's `allow_expired_window` past expiry. */
  readonly allowExpired?: boolean | undefined
  /**
   * Only a token scoped to this project (tenant) id is valid: another is
   * `NotFound` from `validate` (the message says why) and `false` from
   * `check`. Checked by the client on both versions, so a mismatch never
   * reads as our own token refused. Must be non-empty.
   */
  readonly belongsTo?: string | undefined
}

/**
 * How transient failures (`ServiceUnavailable`, `RateLimited`,
 * `TransportError`) are retried. Others never are.
 *
 * @since 0.1.0
 * @category models
 */
export interface RetryPolicy {
  /** First backoff; doubles each time, with jitter. Default 200 millis. */
  readonly base?: Duration.DurationInput | undefined
  /** Longest single pause. Default 5 seconds. */
  readonly cap?: Duration.DurationInput | undefined
  /** Attempts in all, the first included. Default 5. */
  readonly maxAttempts?: number | undefined
  /** Total time allowed for all attempts and pauses. Default 30 seconds. */
  readonly budget?: Duration.DurationInput | undefined
  /** Replace the backoff entirely; `Retry-After` and the budget still apply. */
  readonly schedule?: Schedule.Schedule<unknown, KeystoneError> | undefined
  /**
   * The longest `Retry-After` honoured: a longer one counts as this long,
   * in the retry pause and in the error's `retryAfter`. A pause that would
   * outlast the budget still fails at once. Default: the budget (30 seconds).
   *
   * @since 0.2.0
   */
  readonly maxRetryAfter?: Duration.DurationInput | undefined
}

/**
 * @since 0.1.0
 * @category models
 */
export interface Options {
  /** e.g. `https://keystone.example.com/v3`, `…/v2.0`, or the bare root with `version: "auto"`. */
  readonly authUrl: string
  /** Default `"auto"`: the version in the URL, else discovered (v3 preferred). */
  readonly version?: ApiVersion | "auto" | undefined
  /** `false` turns retries off. */
  readonly retry?: RetryPolicy | false | undefined
  /**
   * Per-request timeout. Default 10 seconds, on the Effect `Clock`. On the
   * live clock the request is stopped through its abort signal once the
   * `HttpClient` has been seen listening to one (every `@effect/platform`
   * client), else interrupted in a fiber of its own.
   */
  readonly timeout?: Duration.DurationInput | undefined
  /**
   * Extra headers on every request (e.g. `User-Agent`). A name that is not
   * an HTTP token or a value with CR, LF or another control character makes
   * every call fail with `InvalidInput` (`input: "headers"`) before anything is sent.
   */
  readonly headers?: Readonly<Record<string, string>> | undefined
  /**
   * The largest response body read, in bytes. A larger one (declared by
   * `Content-Length`, or streamed) fails the call with `DecodeError` and the
   * connection is closed as soon as the cap is passed. Default 4 MiB.
   *
   * @since 0.2.0
   */
  readonly maxResponseBytes?: number | undefined
}

/**
 * An application credential as an OAuth 2.0 client (Keystone's
 * `client_secret_basic`): its id and secret.
 *
 * @since 0.3.0
 * @category models
 */
export interface OAuth2ClientCredentials {
  readonly clientId: string
  readonly clientSecret: Redacted.Redacted<string>
}

/**
 * An OAuth 2.0 access token from Keystone, for `Authorization: Bearer`.
 * `expiresAt` is measured from its arrival by `Clock` (`expires_in`).
 *
 * @since 0.3.0
 * @category models
 */
export interface OAuth2Token {
  readonly accessToken: Redacted.Redacted<string>
  readonly expiresAt: Option.Option<DateTime.Utc>
}

/**
 * @since 0.1.0
 * @category models
 */
export interface KeystoneClientService {
  /** The auth URL as given, without a trailing slash. */
  readonly authUrl: string
  /** The API version in use (discovered once when `"auto"`). */
  readonly version: Effect.Effect<ApiVersion, KeystoneError>
  readonly issue: (auth: Auth, options?: IssueOptions) => Effect.Effect<Token.Token, KeystoneError>
  readonly validate: (subject: Subject, options?: ValidateOptions) => Effect.Effect<Token.Token, KeystoneError>
  /** `true` on 200/204, `false` on 404; every other failure is an error. */
  readonly check: (subject: Subject, options?: Pick<ValidateOptions, "allowExpired" | "belongsTo">) => Effect.Effect<boolean, KeystoneError>
  readonly revoke: (subject: Subject) => Effect.Effect<void, KeystoneError>
  /** v3 `GET /v3/auth/catalog`, v2.0 `GET /v2.0/tokens/{id}/endpoints`. */
  readonly endpoints: (subject: Subject) => Effect.Effect<Catalog.Catalog, KeystoneError>
  /**
   * Keystone's own OAuth 2.0 client-credentials grant (`POST
   * /v3/OS-OAUTH2/token`, Keystone 22+), with an application credential as
   * the client. A refusal is `IdentityProviderError` (`invalid_client`).
   *
   * @since 0.3.0
   */
  readonly oauth2Token: (client: OAuth2ClientCredentials) => Effect.Effect<OAuth2Token, KeystoneError>
}

/**
 * @since 0.1.0
 * @category tags
 */
export class KeystoneClient extends Context.Tag("@effect-keystone/client/KeystoneClient")<
  KeystoneClient,
  KeystoneClientService
>() {}

/**
 * Builds the service. A plain `http://` authUrl to a host that is not
 * loopback is logged once, as a warning. Nothing is sent until the first call: version
 * discovery (`version: "auto"` on a bare root) and a `CallerToken` issued on
 * demand happen on first use and are remembered once they succeed. Requires
 * an `HttpClient` (e.g. `NodeHttpClient.layerUndici`).
 *
 * With a `CallerToken` in the context it is built in, `validate`, `check`,
 * `revoke` and `endpoints` are sent as that caller (`X-Auth-Token`);
 * without one, each token is its own caller.
 *
 * @since 0.1.0
 * @category constructors
 */
export const make: (options: Options) => Effect.Effect<KeystoneClientService, never, HttpClient.HttpClient> =
  internal.make

/**
 * @since 0.1.0
 * @category layers
 *
 * @example
 * ```ts
 * import { NodeHttpClient } from "@effect/platform-node"
 * import { Credentials, KeystoneClient } from "@effect-keystone/client"
 * import { Effect, Redacted } from "effect"
 *
 * const token = Effect.flatMap(KeystoneClient.KeystoneClient, (keystone) =>
 *   keystone.issue({ credentials: Credentials.password({ userId: "u1", password: Redacted.make("pw") }) })
 * ).pipe(
 *   Effect.provide(KeystoneClient.layer({ authUrl: "https://keystone.example.com/v3" })),
 *   Effect.provide(NodeHttpClient.layerUndici)
 * )
 * ```
 */
export const layer = (options: Options): Layer.Layer<KeystoneClient, never, HttpClient.HttpClient> =>
  Layer.effect(KeystoneClient, make(options))

/**
 * The options read from `Config`, e.g.
 * `KeystoneClient.layerConfig({ authUrl: Config.string("OS_AUTH_URL") })`.
 *
 * @since 0.1.0
 * @category layers
 */
export const layerConfig = (
  config: Config.Config.Wrap<Options>
): Layer.Layer<KeystoneClient, ConfigError.ConfigError, HttpClient.HttpClient> =>
  Layer.effect(KeystoneClient, Effect.flatMap(Config.unwrap(config), make))
