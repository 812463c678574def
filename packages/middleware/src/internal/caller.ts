/**
 * How the middleware validates a token with the service's own credentials:
 * `KeystoneClient.validate` with the `KeystoneSession`'s token as the caller
 * (`X-Auth-Token`), renewed by the session. A 401 (our own token refused)
 * drops that token from the session and tries once more with a fresh one.
 *
 * One client whose `CallerToken` is the session's token
 * (`KeystoneSession.layerCallerToken`): the client itself retries once after
 * a 401 on it, with the token the session then holds.
 *
 * @internal
 */
import * as HttpClient from "@effect/platform/HttpClient"
import * as KeystoneSession from "@effect-keystone/cache/KeystoneSession"
import type * as KeystoneError from "@effect-keystone/client/KeystoneError"
import * as KeystoneClient from "@effect-keystone/client/KeystoneClient"
import type { Token } from "@effect-keystone/schema"
import * as Effect from "effect/Effect"
import type * as Redacted from "effect/Redacted"

/** @internal */
export type Validate = (
  subject: Redacted.Redacted<string>,
  options: KeystoneClient.ValidateOptions
) => Effect.Effect<Token.Token, KeystoneError.KeystoneError>

/** @internal */
export interface CallerOptions {
  readonly retry: KeystoneClient.RetryPolicy | false
  readonly timeout: KeystoneClient.Options["timeout"]
}

/** @internal */
export const fromSession = (
  session: KeystoneSession.KeystoneSessionService,
  base: KeystoneClient.KeystoneClientService,
  http: HttpClient.HttpClient,
  options: CallerOptions
): Effect.Effect<Validate> =>
  KeystoneClient.make({ authUrl: base.authUrl, retry: options.retry, timeout: options.timeout }).pipe(
    Effect.provide(KeystoneSession.layerCallerToken),
    Effect.provideService(KeystoneSession.KeystoneSession, session),
    Effect.provideService(HttpClient.HttpClient, http),
    Effect.map((client): Validate => (subject, validateOptions) => client.validate(subject, validateOptions))
  )
