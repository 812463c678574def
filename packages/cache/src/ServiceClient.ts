/**
 * An `HttpClient` bound to one service of the catalog, as keystoneauth1's
 * `Adapter`: give it paths relative to the service's endpoint.
 *
 * ```ts
 * const servers = Effect.gen(function*() {
 *   const nova = yield* ServiceClient.make({ type: "compute", version: { min: "2" }, microversion: "2.79" })
 *   const response = yield* nova.http.get("servers/detail")
 *   return yield* response.json
 * })
 * ```
 *
 * - Every request goes through `session.httpClient`: `X-Auth-Token`, the
 *   origin check and the single re-authentication on a 401 are the
 *   session's.
 * - The endpoint is read from the current token's catalog on every request,
 *   so a renewal that changes the catalog moves the client.
 * - Paths are joined with exactly one slash, the endpoint's own path and
 *   query kept, percent-encoding as written; a path that is an absolute URL,
 *   names another host (`//host`) or climbs (`..`) above the endpoint's path
 *   fails with `InvalidServicePath`, unsent.
 * - With `version` (or `microversion`), the service's version document is
 *   read once per endpoint (one request however many fibers ask; a failure
 *   is not kept) and the client bound to the highest version in the range.
 * - Answers of 400 and up fail with `ServiceError` (as keystoneauth1 raises),
 *   unless `failOnStatus: false`.
 *
 * @since 0.2.0
 */
import type * as HttpClient from "@effect/platform/HttpClient"
import type * as OpenStackConfig from "@effect-keystone/client/OpenStackConfig"
import type { Catalog } from "@effect-keystone/schema"
import * as Config from "effect/Config"
import type * as ConfigError from "effect/ConfigError"
import * as Effect from "effect/Effect"
import * as Option from "effect/Option"
import { KeystoneSession } from "./KeystoneSession.js"
import type * as Discovery from "./internal/serviceDiscovery.js"
import * as internal from "./internal/serviceClient.js"
import * as Errors from "./internal/serviceErrors.js"
import * as Join from "./internal/serviceJoin.js"

/**
 * The version this library reports in its `User-Agent`.
 *
 * @since 0.2.0
 */
export const libraryVersion: string = internal.libraryVersion

/**
 * @since 0.2.0
 * @category models
 */
export interface Options {
  /** The catalog's service type, e.g. `"compute"`. */
  readonly type: string
  /** Default `"public"`. */
  readonly interface?: Catalog.EndpointFilter["interface"]
  readonly region?: string | undefined
  readonly name?: string | undefined
  /**
   * Use this URL instead of the catalog's (keystoneauth1's
   * `endpoint_override`). The token is sent there only if the session
   * allows its origin (`allowOrigins`); otherwise `OriginNotAllowed`.
   */
  readonly endpointOverride?: string | undefined
  /**
   * Discover the service's versions and bind to the highest one within
   * `min` (default any) and `max` (default `"latest"`). `"2"` as a maximum
   * takes any 2.x.
   */
  readonly version?: { readonly min?: string | undefined; readonly max?: string | undefined } | undefined
  /**
   * Sent as `OpenStack-API-Version: <type> <microversion>` (and the legacy
   * header of compute, baremetal, shared-file-system) after checking it
   * against the discovered range; `"latest"` sends the service's maximum.
   * Implies discovery.
   */
  readonly microversion?: string | undefined
  /** The application's own product, put before `effect-keystone/<version>` in `User-Agent`. */
  readonly userAgent?: string | undefined
  /** Fail answers of 400 and up with `ServiceError`. Default `true`. */
  readonly failOnStatus?: boolean | undefined
}

/**
 * A service answered 400 or more: its status, its own message when the body
 * has one (read up to 64 KiB), its request id, the method and the URL (user
 * info and secret-looking query values redacted).
 *
 * @since 0.2.0
 * @category errors
 */
export const ServiceError: typeof Errors.ServiceError = Errors.ServiceError
/** @since 0.2.0 @category errors */
export type ServiceError = Errors.ServiceError

/**
 * A path that is not relative to the endpoint (absolute URL, `//host`, `..`
 * above the endpoint's path, a backslash, a control character or a
 * fragment). Nothing was sent.
 *
 * @since 0.2.0
 * @category errors
 */
export const InvalidServicePath: typeof Errors.InvalidServicePath = Errors.InvalidServicePath
/** @since 0.2.0 @category errors */
export type InvalidServicePath = Errors.InvalidServicePath

/**
 * No version the service offers is within the range asked for; `offered`
 * lists them.
 *
 * @since 0.2.0
 * @category errors
 */
export const VersionNotAvailable: typeof Errors.VersionNotAvailable = Errors.VersionNotAvailable
/** @since 0.2.0 @category errors */
export type VersionNotAvailable = Errors.VersionNotAvailable

/**
 * The microversion asked for is outside the service's range (or the service
 * announces none).
 *
 * @since 0.2.0
 * @category errors
 */
export const MicroversionNotSupported: typeof Errors.MicroversionNotSupported = Errors.MicroversionNotSupported
/** @since 0.2.0 @category errors */
export type MicroversionNotSupported = Errors.MicroversionNotSupported

/**
 * Everything a service client's request can fail with.
 *
 * @since 0.2.0
 * @category errors
 */
export type Error = internal.Error

/**
 * A discovered version: `id` (`v2.1`), `version` (`2.1`), `status`
 * (`CURRENT`, `SUPPORTED`, `DEPRECATED`), the `url` the client is bound to,
 * and the microversion range when the service announces one.
 *
 * @since 0.2.0
 * @category models
 */
export type ServiceVersion = Discovery.ServiceVersion

/**
 * @since 0.2.0
 * @category models
 */
export interface ServiceClient {
  /** Takes paths relative to the endpoint: `http.get("servers/detail")`. */
  readonly http: HttpClient.HttpClient.With<Error>
  /** The URL paths are joined to now (the catalog's, or the discovered version's). */
  readonly endpoint: Effect.Effect<string, Error>
  /** The discovered version (none without `version`/`microversion`). */
  readonly version: Effect.Effect<Option.Option<ServiceVersion>, Error>
  /** The microversion sent (the negotiated maximum for `"latest"`). */
  readonly microversion: Effect.Effect<Option.Option<string>, Error>
}

/**
 * A client for one service, through the session's `httpClient`.
 *
 * @since 0.2.0
 * @category constructors
 */
export const make = (options: Options): Effect.Effect<ServiceClient, never, KeystoneSession> =>
  Effect.flatMap(KeystoneSession, (session) =>
    Effect.map(internal.make(session, options), (c) => ({
      http: c.http,
      endpoint: c.endpoint,
      version: Effect.map(c.resolve, (r) => r.version),
      microversion: Effect.map(c.resolve, (r) => r.microversion)
    })))

/**
 * `make` with the cloud's configuration as defaults, as openstacksdk: the
 * interface (`OS_INTERFACE` / `interface`), the region (`OS_REGION_NAME` /
 * `region_name`) and the endpoint override (`OS_<SERVICE>_ENDPOINT_OVERRIDE`,
 * e.g. `OS_OBJECT_STORE_ENDPOINT_OVERRIDE`, which wins over clouds.yaml
 * `<service>_endpoint_override`). What `options` gives wins over all.
 *
 * @since 0.2.0
 * @category constructors
 */
export const fromSettings = (
  settings: OpenStackConfig.Settings,
  options: Options
): Effect.Effect<ServiceClient, ConfigError.ConfigError, KeystoneSession> =>
  Effect.flatMap(loadOpenStackConfig, ({ serviceKey }) =>
    Effect.flatMap(
      Config.option(Config.nonEmptyString(`OS_${serviceKey(options.type).toUpperCase()}_ENDPOINT_OVERRIDE`)),
      (fromEnv) =>
        make({
          ...options,
          interface: options.interface ?? settings.interface,
          region: options.region ?? Option.getOrUndefined(settings.region),
          endpointOverride: options.endpointOverride ??
            Option.getOrUndefined(fromEnv) ??
            settings.endpointOverrides?.[serviceKey(options.type)]
        })
    ))

/**
 * `OpenStackConfig` (for `serviceKey`), loaded when `fromSettings` runs, not
 * when this module is imported: it reads clouds.yaml (the `yaml` package),
 * which the main entry does not load. Whoever has `Settings` loaded it already.
 */
const loadOpenStackConfig = Effect.promise(() => import("@effect-keystone/client/OpenStackConfig"))

/**
 * `endpoint` joined with a relative `path` (see the module notes), or why not.
 *
 * @since 0.2.0
 * @category utils
 */
export const joinUrl = (endpoint: string, path: string): { readonly _tag: "Joined"; readonly url: string } | {
  readonly _tag: "Refused"
  readonly reason: string
} => Join.join(endpoint, path)

/**
 * `User-Agent` as the client sends it: the application's product (if any),
 * then `effect-keystone/<libraryVersion>`.
 *
 * @since 0.2.0
 * @category utils
 */
export const userAgent: (app?: string) => string = internal.userAgent
