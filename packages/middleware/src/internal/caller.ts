/**
 * How the middleware validates a token with the service's own credentials:
 * `KeystoneClient.validate` with the `KeystoneSession`'s token as the caller
 * (`X-Auth-Token`), renewed by the session. A 401 (our own token refused)
 * drops that token from the session and tries once more with a fresh one.
 *
 * The client's caller is fixed when the client is made, so one client is
 * made per session token (cheap: it shares the `HttpClient`) and replaced
 * when the session's token changes.
 *
 * @internal
 */
import * as HttpClient from "@effect/platform/HttpClient"
import type { KeystoneSession } from "@effect-keystone/cache"
import type * as KeystoneError from "@effect-keystone/client/KeystoneError"
import * as KeystoneClient from "@effect-keystone/client/KeystoneClient"
import type { Token } from "@effect-keystone/schema"
import * as Effect from "effect/Effect"
import type * as Redacted from "effect/Redacted"
import * as SynchronizedRef from "effect/SynchronizedRef"

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
  Effect.gen(function*() {
    const current = yield* SynchronizedRef.make<
      { readonly token: Token.Token; readonly client: KeystoneClient.KeystoneClientService } | undefined
    >(undefined)

    const clientFor = (token: Token.Token) =>
      SynchronizedRef.modifyEffect(current, (held) => {
        if (held !== undefined && held.token === token) return Effect.succeed([held.client, held] as const)
        return base.version.pipe(
          Effect.flatMap((version) =>
            KeystoneClient.make({
              authUrl: base.authUrl,
              version,
              serviceAuth: { token: token.id },
              retry: options.retry,
              timeout: options.timeout
            })
          ),
          Effect.provideService(HttpClient.HttpClient, http),
          Effect.map((client) => [client, { token, client }] as const)
        )
      })

    const attempt = (subject: Redacted.Redacted<string>, validateOptions: KeystoneClient.ValidateOptions) =>
      Effect.flatMap(session.token, (token) =>
        Effect.flatMap(clientFor(token), (client) =>
          client.validate(subject, validateOptions).pipe(
            Effect.tapErrorTag("Unauthorized", (e) => e.status === 401 ? session.invalidate(token) : Effect.void)
          )))

    return (subject, validateOptions) =>
      attempt(subject, validateOptions).pipe(
        Effect.catchIf(
          (e) => e._tag === "Unauthorized" && e.status === 401,
          () => attempt(subject, validateOptions)
        )
      )
  })
