/**
 * OpenStack's own configuration: the `OS_*` variables of an RC file, read
 * through Effect `Config` the way openstacksdk reads them, and the rules that
 * turn raw values into `Settings`. Reading `clouds.yaml` / `secure.yaml`
 * (selected by `OS_CLOUD`) is `CloudsYaml`, a subpath of its own
 * (`@effect-keystone/client/CloudsYaml`) so that this module loads no YAML
 * parser and touches no file.
 *
 * @since 0.1.0
 */
import type { Catalog } from "@effect-keystone/schema"
import * as Config from "effect/Config"
import type * as ConfigError from "effect/ConfigError"
import type * as Either from "effect/Either"
import * as Option from "effect/Option"
import type { Auth } from "./Auth.js"
import * as internal from "./internal/openStackConfig.js"
import type { ApiVersion } from "./KeystoneClient.js"

/**
 * TLS settings for the HTTP transport (see `Tls.layerUndici`).
 *
 * @since 0.1.0
 * @category models
 */
export interface TlsSettings {
  /** Path of a PEM CA bundle (`OS_CACERT`, `cacert`). */
  readonly caCert?: string | undefined
  /** Path of a PEM client certificate (`OS_CERT`, `cert`). */
  readonly cert?: string | undefined
  /** Path of its PEM key (`OS_KEY`, `key`). */
  readonly key?: string | undefined
  /** Skip server verification (`OS_INSECURE=true`, `verify: false`). Off unless asked. */
  readonly insecure: boolean
}

/**
 * Everything needed to talk to one cloud's Keystone.
 *
 * @since 0.1.0
 * @category models
 */
export interface Settings {
  readonly authUrl: string
  readonly version: ApiVersion | "auto"
  readonly auth: Auth
  readonly region: Option.Option<string>
  readonly interface: Catalog.Interface
  readonly tls: TlsSettings
  /**
   * clouds.yaml `<service>_endpoint_override` entries by service key (the
   * service type with `-` as `_`: `compute`, `object_store`). The
   * `OS_<SERVICE>_ENDPOINT_OVERRIDE` variables are read by
   * `ServiceClient.fromSettings` for its service.
   *
   * @since 0.2.0
   */
  readonly endpointOverrides?: Readonly<Record<string, string>> | undefined
}

/**
 * A service type as it appears in `<service>_endpoint_override` keys and
 * `OS_<SERVICE>_ENDPOINT_OVERRIDE` variables: `object-store` → `object_store`.
 *
 * @since 0.2.0
 * @category naming
 */
export const serviceKey = (serviceType: string): string => serviceType.trim().toLowerCase().replace(/-/g, "_")

/**
 * The settings' names, as in clouds.yaml `auth:` (and top level for a few).
 *
 * @since 0.1.0
 * @category models
 */
export const keys = [
  "auth_url",
  "identity_api_version",
  "auth_type",
  "username",
  "user_id",
  "password",
  "user_domain_name",
  "user_domain_id",
  "project_name",
  "project_id",
  "project_domain_name",
  "project_domain_id",
  "domain_name",
  "domain_id",
  "system_scope",
  "tenant_name",
  "tenant_id",
  "application_credential_id",
  "application_credential_name",
  "application_credential_secret",
  "token",
  "passcode",
  "identity_provider",
  "protocol",
  "client_id",
  "client_secret",
  "discovery_endpoint",
  "access_token_endpoint",
  "device_authorization_endpoint",
  "openid_scope",
  "access_token_type",
  "access_token",
  "code",
  "redirect_uri",
  "region_name",
  "interface",
  "cacert",
  "cert",
  "key",
  "insecure"
] as const

/**
 * @since 0.1.0
 * @category models
 */
export type Key = typeof keys[number]

/**
 * Raw values by key, and how to name a key in an error message.
 *
 * @since 0.1.0
 * @category models
 */
export interface Source {
  readonly values: Partial<Record<Key, string>>
  readonly name: (key: Key) => string
}

const secrets = new Set<Key>(["password", "application_credential_secret", "token", "passcode", "client_secret", "access_token", "code"])

/**
 * How an `OS_*` variable is named for a key.
 *
 * @since 0.1.0
 * @category naming
 */
export const envName = (key: Key): string => `OS_${key.toUpperCase()}`

/**
 * Turns raw values into settings, or a `ConfigError` that names the
 * variable or clouds.yaml key at fault.
 *
 * @since 0.1.0
 * @category resolving
 */
export const resolve: (source: Source) => Either.Either<Settings, ConfigError.ConfigError> = internal.resolve

/**
 * Whether a key holds a secret (wrapped in `Redacted` at first read).
 *
 * @since 0.1.0
 * @category naming
 */
export const isSecret = (key: Key): boolean => secrets.has(key)

/**
 * The `OS_*` variables that are set (an empty one included: it unsets a
 * clouds.yaml value), by key, read through Effect `Config`.
 *
 * @since 0.3.0
 * @category config
 */
export const envValues: Config.Config<Partial<Record<Key, string>>> = Config.all(
  keys.map((k) => Config.option(Config.string(envName(k))))
).pipe(Config.map((found) => {
  const values: Partial<Record<Key, string>> = {}
  keys.forEach((k, i) => {
    const value = found[i]!
    if (Option.isSome(value)) values[k] = value.value
  })
  return values
}))

/**
 * The `OS_*` variables of an OpenStack RC file, through Effect `Config`, so
 * any `ConfigProvider` works (the environment by default). For `OS_CLOUD`
 * and `clouds.yaml`, see `CloudsYaml.load` in
 * `@effect-keystone/client/CloudsYaml`.
 *
 * @example
 * ```ts
 * import { OpenStackConfig } from "@effect-keystone/client"
 * import { ConfigProvider, Effect } from "effect"
 *
 * const settings = OpenStackConfig.fromEnv.pipe(
 *   Effect.withConfigProvider(ConfigProvider.fromMap(new Map([
 *     ["OS_AUTH_URL", "https://keystone.example.com/v3"],
 *     ["OS_APPLICATION_CREDENTIAL_ID", "6e1d…"],
 *     ["OS_APPLICATION_CREDENTIAL_SECRET", "…"]
 *   ])))
 * )
 * ```
 *
 * @since 0.1.0
 * @category config
 */
export const fromEnv: Config.Config<Settings> = Config.mapOrFail(envValues, (values) => resolve({ values, name: envName }))
