/**
 * An auto-renewing worker: it calls a service from the catalog in a loop and
 * never thinks about tokens. `KeystoneSession` logs in once, renews the token
 * in the background before it expires, and `ServiceClient` binds its
 * `HttpClient` to one service of the catalog: it takes paths relative to the
 * service's endpoint (joined right whatever slashes the catalog URL has),
 * adds `X-Auth-Token` (logging in again once if the service answers 401) and
 * fails answers of 400 and up with a typed `ServiceError`.
 *
 * Run it against your cloud (the usual OpenStack RC variables, or OS_CLOUD
 * with clouds.yaml):
 *
 *   source openrc.sh
 *   npx tsx examples/worker.ts
 *
 * OS_INTERFACE, OS_REGION_NAME and OS_<SERVICE>_ENDPOINT_OVERRIDE (e.g.
 * OS_COMPUTE_ENDPOINT_OVERRIDE; its origin must then be allowed to receive
 * the token, see KeystoneSession's `allowOrigins`) choose the endpoint.
 *
 * Optional: WORKER_SERVICE_TYPE (default "compute"), WORKER_PATH (default
 * "/servers", relative to the endpoint), WORKER_INTERVAL (default "30 seconds"), WORKER_CALLS (default:
 * forever), KEYSTONE_TOKEN_DIR (share the token through files: a restarted
 * worker does not log in again).
 */
import { NodeContext, NodeRuntime } from "@effect/platform-node"
import type * as HttpClient from "@effect/platform/HttpClient"
import { KeystoneSession, ServiceClient, TokenStore } from "@effect-keystone/cache"
import * as FileTokenStore from "@effect-keystone/cache/FileTokenStore"
import { type Auth, KeystoneClient, type OpenStackConfig } from "@effect-keystone/client"
import * as CloudsYaml from "@effect-keystone/client/CloudsYaml"
import * as Tls from "@effect-keystone/client/Tls"
import type { Token } from "@effect-keystone/schema"
import * as Config from "effect/Config"
import type * as ConfigError from "effect/ConfigError"
import * as DateTime from "effect/DateTime"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Option from "effect/Option"
import * as Schedule from "effect/Schedule"
import * as Stream from "effect/Stream"
import { pathToFileURL } from "node:url"

export interface WorkerOptions {
  /** Which service to call, e.g. `{ type: "compute", interface: "public", region: "RegionOne" }`. */
  readonly service: ServiceClient.Options
  /**
   * The cloud's configuration: its interface and region are the defaults, and
   * `OS_<SERVICE>_ENDPOINT_OVERRIDE` / clouds.yaml `<service>_endpoint_override` apply.
   */
  readonly settings?: OpenStackConfig.Settings | undefined
  /** Relative to the endpoint URL, e.g. `servers` or `/servers`. */
  readonly path: string
  /** Pause between calls. */
  readonly every: Duration.DurationInput
  /** Stop after this many calls (default: run forever). */
  readonly calls?: number | undefined
}

export interface WorkerSummary {
  readonly calls: number
  readonly ok: number
  readonly failed: number
  /** Tokens the session adopted after the first one. */
  readonly renewals: number
}

/** What may be logged about a token: never its id. */
export const describeToken = (token: Token.Token, now: DateTime.Utc): string => {
  const audit = token.auditIds[0] ?? "(none)"
  const expires = Option.match(token.expiresAt, {
    onNone: () => "never expires",
    onSome: (at) => `expires in ${Math.round((DateTime.toEpochMillis(at) - DateTime.toEpochMillis(now)) / 1000)}s`
  })
  return `${expires}, audit ${audit}`
}

/**
 * The worker loop. Needs a `KeystoneSession`; the token, its renewal and the
 * 401 retry are all the session's business.
 */
export const program = (
  options: WorkerOptions
): Effect.Effect<WorkerSummary, ConfigError.ConfigError, KeystoneSession.KeystoneSession> =>
  Effect.scoped(Effect.gen(function*() {
    const session = yield* KeystoneSession.KeystoneSession
    // The endpoint is read from the current token's catalog on every call: a renewed token may carry a new one.
    const wanted = { userAgent: "effect-keystone-worker-example", ...options.service }
    const service = yield* (options.settings === undefined
      ? ServiceClient.make(wanted)
      : ServiceClient.fromSettings(options.settings, wanted))
    let renewals = 0
    let ok = 0
    let failed = 0

    // The first token (from the store, or a login). A failure here is not fatal:
    // the session keeps trying, and each call asks again.
    const first = yield* Effect.option(session.token)
    if (Option.isSome(first)) yield* Effect.log(`logged in (${describeToken(first.value, yield* DateTime.now)})`)

    // Log every renewal: `changes` emits each token the session adopts from now on.
    yield* session.changes.pipe(
      Stream.filter((token) => Option.isNone(first) || token.auditIds[0] !== first.value.auditIds[0]),
      Stream.runForEach((token) =>
        Effect.flatMap(DateTime.now, (now) => {
          renewals++
          return Effect.log(`token renewed (${describeToken(token, now)})`)
        })
      ),
      Effect.forkScoped
    )
    yield* Effect.yieldNow() // let the subscription start

    const call = Effect.gen(function*() {
      // X-Auth-Token is added here; a 401 invalidates the token and retries once with a fresh one.
      const response = yield* service.http.get(options.path)
      const body = yield* response.text
      return { status: response.status, bytes: body.length }
    }).pipe(
      Effect.tap(({ bytes, status }) => {
        // 400 and up are ServiceErrors (below); a 3xx is not a success either
        if (status >= 200 && status < 300) ok++
        else failed++
        return Effect.log(`GET ${options.service.type} ${options.path} → ${status} (${bytes} bytes)`)
      }),
      // A worker does not die on one failed call: log it and go on.
      Effect.catchAll((error) => {
        failed++
        return Effect.logWarning(`GET ${options.service.type} ${options.path} failed: ${error._tag}: ${error.message}`)
      })
    )

    const spaced = Schedule.spaced(options.every)
    yield* options.calls === undefined
      ? Effect.repeat(call, spaced)
      : Effect.repeat(call, { schedule: spaced, times: Math.max(0, options.calls - 1) })
    return { calls: ok + failed, ok, failed, renewals }
  }))

/**
 * The session with what it needs, except the `HttpClient`: give it
 * `NodeHttpClient.layerUndici` (or `Tls.layerUndici(settings.tls)`, which
 * applies OS_CACERT and friends) in production, `KeystoneSim.layer()` in tests.
 */
export const layer = (
  settings: { readonly authUrl: string; readonly auth: Auth.Auth; readonly version?: KeystoneClient.ApiVersion | "auto" },
  store: Layer.Layer<TokenStore.TokenStore> = TokenStore.layerMemory
): Layer.Layer<KeystoneSession.KeystoneSession, never, HttpClient.HttpClient> =>
  KeystoneSession.layer({ auth: settings.auth }).pipe(
    Layer.provide(store),
    Layer.provide(KeystoneClient.layer({ authUrl: settings.authUrl, version: settings.version ?? "auto" }))
  )

// ---------------------------------------------------------------------------
// Run directly: configured from OS_* variables (or OS_CLOUD).
// ---------------------------------------------------------------------------

const main = Effect.gen(function*() {
  const settings = yield* CloudsYaml.load
  const type = yield* Config.string("WORKER_SERVICE_TYPE").pipe(Config.withDefault("compute"))
  const path = yield* Config.string("WORKER_PATH").pipe(Config.withDefault("/servers"))
  const every = yield* Config.duration("WORKER_INTERVAL").pipe(Config.withDefault(Duration.seconds(30)))
  const calls = yield* Config.option(Config.integer("WORKER_CALLS"))
  const tokenDir = yield* Config.option(Config.string("KEYSTONE_TOKEN_DIR"))
  const store = Option.match(tokenDir, {
    onNone: () => TokenStore.layerMemory,
    onSome: (directory) => FileTokenStore.layer({ directory }).pipe(Layer.provide(NodeContext.layer))
  })
  const summary = yield* program({ service: { type }, settings, path, every, calls: Option.getOrUndefined(calls) }).pipe(
    // Tls.layerUndici is NodeHttpClient.layerUndici with OS_CACERT, OS_CERT, OS_KEY and OS_INSECURE applied
    Effect.provide(layer(settings, store).pipe(Layer.provide(Tls.layerUndici(settings.tls))))
  )
  yield* Effect.log(`done: ${summary.ok}/${summary.calls} calls OK, ${summary.renewals} renewals`)
})

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  NodeRuntime.runMain(main.pipe(Effect.provide(NodeContext.layer)))
}
