/**
 * Who the client is when it validates, checks or revokes other tokens or
 * lists their endpoints: the token it sends as `X-Auth-Token`. Provide a
 * `CallerToken` to `KeystoneClient.layer` / `make`: a fixed token, service
 * credentials issued on demand, or (from `@effect-keystone/cache`)
 * `KeystoneSession.layerCallerToken`, the token an auto-renewing session
 * holds. Without one, each token is its own caller.
 *
 * When Keystone refuses the caller's own token (401), the client tells the
 * `CallerToken` (`refused`) and, if it can get another, retries the call
 * once with it.
 *
 * @since 0.3.0
 */
import type { Auth } from "./Auth.js"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import type * as Redacted from "effect/Redacted"
import * as internal from "./internal/callerToken.js"
import * as KeystoneClient from "./KeystoneClient.js"

/**
 * @since 0.3.0
 * @category models
 */
export interface CallerTokenService extends internal.CallerTokenService {}

/**
 * @since 0.3.0
 * @category tags
 */
export const CallerToken: typeof internal.CallerToken = internal.CallerToken

/**
 * @since 0.3.0
 * @category tags
 */
export type CallerToken = internal.CallerToken

/**
 * A token the application already has (e.g. an admin token). Never renewed:
 * a 401 on it is the call's `Unauthorized`. A token a header cannot carry
 * (CR, LF, spaces…) makes every call fail with `BadRequest` (status 0)
 * before anything is sent.
 *
 * @since 0.3.0
 * @category constructors
 */
export const fixed: (token: Redacted.Redacted<string>) => CallerTokenService = internal.fixed

/**
 * Service credentials, logged in with on first use (without the catalog),
 * once for all concurrent callers; a failed login is not remembered. The
 * token is renewed by the library's renewal rule (`Token.renewalMarginMillis`:
 * max(2 minutes, 10% of its lifetime) before expiry) and once when Keystone
 * refuses it. Uses the given client to log in.
 *
 * @since 0.3.0
 * @category constructors
 */
export const issued = (
  auth: Auth
): Effect.Effect<CallerTokenService, never, KeystoneClient.KeystoneClient> =>
  Effect.flatMap(KeystoneClient.KeystoneClient, (client) => internal.issued(client, auth))

/**
 * @since 0.3.0
 * @category layers
 */
export const layerFixed = (token: Redacted.Redacted<string>): Layer.Layer<CallerToken> =>
  Layer.succeed(CallerToken, fixed(token))

/**
 * `issued` as a layer. It needs a `KeystoneClient` to log in with: give it a
 * plain one, and give the `CallerToken` to the client that validates. Make
 * them two layers (call `KeystoneClient.layer` twice): one layer value used
 * in both places is built once and shared, and would not see the caller.
 *
 * @since 0.3.0
 * @category layers
 *
 * @example
 * ```ts
 * import { AuthScope, CallerToken, Credentials, KeystoneClient } from "@effect-keystone/client"
 * import { Layer, Redacted } from "effect"
 *
 * const authUrl = "https://keystone.example.com/v3"
 * const service = {
 *   credentials: Credentials.password({ userId: "svc", password: Redacted.make("pw") }),
 *   scope: AuthScope.project({ id: "service-project" })
 * }
 * // validates, checks and revokes as the service user (an HttpClient is still needed)
 * const Validating = KeystoneClient.layer({ authUrl }).pipe(
 *   Layer.provide(CallerToken.layerIssued(service)),
 *   Layer.provide(KeystoneClient.layer({ authUrl }))
 * )
 * ```
 */
export const layerIssued = (auth: Auth): Layer.Layer<CallerToken, never, KeystoneClient.KeystoneClient> =>
  Layer.effect(CallerToken, issued(auth))
