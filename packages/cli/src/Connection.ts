/**
 * From settings to services: the TLS-aware HTTP client, `KeystoneClient`,
 * the token store and `KeystoneSession`.
 *
 * @since 0.1.0
 */
import type * as FileSystem from "@effect/platform/FileSystem"
import type * as Path from "@effect/platform/Path"
import type * as HttpClient from "@effect/platform/HttpClient"
import { KeystoneSession, TokenStore } from "@effect-keystone/cache"
import { type Auth, CallerToken, type Credentials, KeystoneClient, type OpenStackConfig } from "@effect-keystone/client"
import * as Tls from "@effect-keystone/client/Tls"
import * as Console from "effect/Console"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Option from "effect/Option"
import * as Redacted from "effect/Redacted"
import * as Cache from "./Cache.js"
import * as Timing from "./Timing.js"
import type { CacheKind } from "./CliOptions.js"
import type { UsageError } from "./CliError.js"
import * as Report from "./Report.js"

/**
 * Sent as `User-Agent`.
 *
 * @since 0.1.0
 * @category constants
 */
export const userAgent = "keystone-token/0.1.0 (effect-keystone)"

/**
 * The device flow's prompt in a terminal: where to sign in and the code,
 * on stderr, since stdout carries the command's output
 * (`export OS_TOKEN=$(keystone-token issue -f value -c id)` still works).
 *
 * @since 0.4.0
 * @category prompts
 */
export const devicePrompt = (prompt: Credentials.DevicePrompt): Effect.Effect<void> =>
  Effect.gen(function*() {
    yield* Console.error(
      `${Report.prefix} to sign in, open ${prompt.verificationUri} and enter the code ${prompt.userCode} (it expires in ${prompt.expiresInSeconds} seconds)`
    )
    if (prompt.verificationUriComplete !== undefined) {
      yield* Console.error(`${Report.prefix} or open ${prompt.verificationUriComplete}`)
    }
    yield* Console.error(`${Report.prefix} waiting for the sign-in...`)
  })

/**
 * `auth` with `devicePrompt` for a device flow that has no prompt of its
 * own (the library's default logs at Info, below what the CLI shows).
 *
 * @since 0.4.0
 * @category prompts
 */
export const interactive = (auth: Auth.Auth): Auth.Auth => {
  const credentials = auth.credentials
  if (credentials._tag !== "OpenIdConnect") return auth
  const flow = credentials.flow
  if (flow._tag !== "DeviceAuthorization" || flow.onPrompt !== undefined) return auth
  return { ...auth, credentials: { ...credentials, flow: { ...flow, onPrompt: devicePrompt } } }
}

/**
 * `KeystoneClient` (and its `HttpClient`) for these settings, over undici
 * with the settings' CA bundle, client certificate and `insecure` switch.
 * With `caller`, validate/check/revoke are sent as those credentials
 * (`CallerToken.layerIssued`). Under `--timing` every call is recorded
 * (`Timing.layer`).
 *
 * @since 0.1.0
 * @category layers
 */
export const client = (
  settings: OpenStackConfig.Settings,
  options?: { readonly caller?: Auth.Auth | undefined }
): Layer.Layer<KeystoneClient.KeystoneClient | HttpClient.HttpClient, Tls.TlsFileError> => {
  const plain = () =>
    KeystoneClient.layer({ authUrl: settings.authUrl, version: settings.version, headers: { "User-Agent": userAgent } })
  const caller = options?.caller === undefined ? undefined : interactive(options.caller)
  // two client layers (not one value twice, which a layer build would share): one logs the caller in, one uses it
  const keystone = caller === undefined
    ? plain()
    : plain().pipe(Layer.provide(CallerToken.layerIssued(caller)), Layer.provide(plain()))
  return keystone.pipe(Layer.provideMerge(Timing.layer(Tls.layerUndici(settings.tls))))
}

/**
 * How `--cache` was set.
 *
 * @since 0.1.0
 * @category models
 */
export interface CacheChoice {
  readonly kind: CacheKind
  readonly url: Option.Option<string>
}

/**
 * A `KeystoneSession` logging in with the settings' credentials (a device
 * flow prompting on stderr, see `interactive`), sharing tokens through the
 * chosen store, with the client it uses.
 *
 * @since 0.1.0
 * @category layers
 */
export const session = (
  settings: OpenStackConfig.Settings,
  cache: CacheChoice
): Layer.Layer<
  KeystoneSession.KeystoneSession | KeystoneClient.KeystoneClient,
  Tls.TlsFileError | UsageError,
  FileSystem.FileSystem | Path.Path
> =>
  KeystoneSession.layer({ auth: interactive(settings.auth) }).pipe(
    Layer.provideMerge(Layer.merge(client(settings), Cache.layer(cache.kind, cache.url)))
  )

/**
 * A token for the configured login: from the store when it holds one still
 * valid for the session's margin, else issued (and stored).
 *
 * @since 0.1.0
 * @category tokens
 */
export const token = (settings: OpenStackConfig.Settings, cache: CacheChoice) =>
  Effect.flatMap(KeystoneSession.KeystoneSession, (s) => s.token).pipe(Effect.provide(session(settings, cache)))

/**
 * The catalog of the configured login's token; asked of Keystone when the
 * token came without one.
 *
 * @since 0.1.0
 * @category tokens
 */
export const catalog = (settings: OpenStackConfig.Settings, cache: CacheChoice) =>
  Effect.gen(function*() {
    const token = yield* Effect.flatMap(KeystoneSession.KeystoneSession, (s) => s.token)
    if (token.catalog.services.length > 0) return token.catalog
    const keystone = yield* KeystoneClient.KeystoneClient
    return yield* keystone.endpoints(token)
  }).pipe(Effect.provide(session(settings, cache)))

/**
 * After `revoke`: drops the token from the store if the store holds it for
 * the configured login, so the next `issue` does not hand it out. Store
 * trouble is logged, never fatal.
 *
 * @since 0.1.0
 * @category tokens
 */
export const forget = (settings: OpenStackConfig.Settings, cache: CacheChoice, revoked: string) =>
  Effect.gen(function*() {
    const store = yield* TokenStore.TokenStore
    const key = TokenStore.key({ authUrl: settings.authUrl, auth: settings.auth })
    const held = yield* store.get(key)
    if (Option.isSome(held) && Redacted.value(held.value.id) === revoked) yield* store.remove(key)
  }).pipe(
    Effect.provide(Cache.layer(cache.kind, cache.url)),
    Effect.catchAll((e) => Effect.logWarning(`could not clean the token cache: ${e.message}`))
  )
