/**
 * Keystone's own OAuth 2.0 client-credentials grant (`POST
 * /v3/OS-OAUTH2/token`, Keystone 22+): an application credential as the
 * OAuth client, an access token for services that accept
 * `Authorization: Bearer`.
 *
 * @internal
 */
import * as Clock from "effect/Clock"
import * as DateTime from "effect/DateTime"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Option from "effect/Option"
import type { OAuth2ClientCredentials, OAuth2Token } from "../KeystoneClient.js"
import type * as KeystoneError from "../KeystoneError.js"
import type { Resolved } from "./discovery.js"
import * as Errors from "./errors.js"
import type * as Http from "./http.js"
import * as Oidc from "./oidc.js"

/** @internal */
export const token = (
  env: Http.Env,
  at: Resolved,
  client: OAuth2ClientCredentials
): Effect.Effect<OAuth2Token, KeystoneError.KeystoneError> => {
  const url = `${at.base}/OS-OAUTH2/token`
  if (at.version !== "v3") {
    return Effect.fail(Errors.invalidInput("version", "OAuth 2.0 access tokens need the v3 API"))
  }
  return Effect.gen(function*() {
    const tokens = yield* Oidc.token(env, { tokenEndpoint: url }, client, { _tag: "client_credentials" }, true)
    const now = yield* Clock.currentTimeMillis
    return {
      accessToken: tokens.accessToken,
      expiresAt: Option.map(tokens.expiresIn, (d) => DateTime.unsafeMake(now + Duration.toMillis(d)))
    }
  })
}
