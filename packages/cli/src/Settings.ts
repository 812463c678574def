/**
 * Where the CLI's connection settings come from: `--os-*` options over the
 * `OS_*` environment, over the `clouds.yaml` entry chosen by `--os-cloud` /
 * `OS_CLOUD`, as `openstack` does. The options are a `ConfigProvider` laid
 * over the environment's; reading is `CloudsYaml.load`.
 *
 * @since 0.1.0
 */
import type * as FileSystem from "@effect/platform/FileSystem"
import type * as Path from "@effect/platform/Path"
import { OpenStackConfig } from "@effect-keystone/client"
import * as CloudsYaml from "@effect-keystone/client/CloudsYaml"
import * as ConfigError from "effect/ConfigError"
import * as ConfigProvider from "effect/ConfigProvider"
import * as Effect from "effect/Effect"
import * as Option from "effect/Option"
import * as Redacted from "effect/Redacted"

type Key = OpenStackConfig.Key

/**
 * What the command line says: the cloud to use and `--os-*` values.
 *
 * @since 0.1.0
 * @category models
 */
export interface Flags {
  readonly cloud: Option.Option<string>
  /** Raw values by OpenStackConfig key; secrets arrive redacted. */
  readonly values: Partial<Record<Key, string | Redacted.Redacted<string>>>
}

/**
 * The option that overrides a key: `auth_url` → `--os-auth-url`.
 *
 * @since 0.1.0
 * @category naming
 */
export const flagName = (key: Key): string => `--os-${key.replace(/_/g, "-")}`

/**
 * Keys that name the same thing in different ways. An option for one of
 * them clears the others from the environment and clouds.yaml, so
 * `--os-project-name x` wins over an `OS_PROJECT_ID` (which OpenStackConfig
 * would otherwise prefer).
 *
 * @since 0.1.0
 * @category naming
 */
export const alternatives: ReadonlyArray<ReadonlyArray<Key>> = [
  ["project_id", "project_name", "tenant_id", "tenant_name", "domain_id", "domain_name", "system_scope"],
  ["project_domain_id", "project_domain_name"],
  ["user_domain_id", "user_domain_name"],
  ["user_id", "username"]
]

// Secrets are unwrapped only here, into the ConfigProvider that OpenStackConfig
// reads, which wraps them in Redacted again as it reads them.
const variables = (flags: Flags): Map<string, string> => {
  const given = Object.entries(flags.values) as Array<[Key, string | Redacted.Redacted<string> | undefined]>
  const vars = new Map<string, string>()
  for (const group of alternatives) {
    // "" reads as unset: it clears the variable and the clouds.yaml value
    if (group.some((k) => flags.values[k] !== undefined)) for (const k of group) vars.set(OpenStackConfig.envName(k), "")
  }
  for (const [k, v] of given) {
    if (v !== undefined) vars.set(OpenStackConfig.envName(k), Redacted.isRedacted(v) ? Redacted.value(v) : v)
  }
  if (Option.isSome(flags.cloud)) vars.set("OS_CLOUD", flags.cloud.value)
  return vars
}

/**
 * The command line's options as a `ConfigProvider` over `environment`: each
 * `--os-*` option is its `OS_*` variable, `--os-cloud` is `OS_CLOUD`, and an
 * option for one of `alternatives` sets the others to "" (unset).
 *
 * @since 0.3.0
 * @category loading
 */
export const configProvider = (flags: Flags, environment: ConfigProvider.ConfigProvider): ConfigProvider.ConfigProvider =>
  ConfigProvider.orElse(ConfigProvider.fromMap(variables(flags)), () => environment)

// An error about a value an option gave names the option, not its variable.
const namingOptions = (flags: Flags) => {
  const byVariable = new Map<string, string>()
  for (const [k, v] of Object.entries(flags.values) as Array<[Key, unknown]>) {
    if (v !== undefined) byVariable.set(OpenStackConfig.envName(k), flagName(k))
  }
  const rename = (text: string) => text.replace(/\bOS_[A-Z0-9_]+\b/g, (name) => byVariable.get(name) ?? name)
  const go = (e: ConfigError.ConfigError): ConfigError.ConfigError => {
    switch (e._op) {
      case "And":
        return ConfigError.And(go(e.left), go(e.right))
      case "Or":
        return ConfigError.Or(go(e.left), go(e.right))
      case "InvalidData":
        return ConfigError.InvalidData(e.path.map(rename), rename(e.message))
      case "MissingData":
        return ConfigError.MissingData(e.path.map(rename), rename(e.message))
      default:
        return e
    }
  }
  return go
}

/**
 * Resolves the settings as `CloudsYaml.load` does, with the options layered
 * over the current `ConfigProvider` (`configProvider`). Errors name the
 * option, variable or clouds.yaml key at fault.
 *
 * @since 0.1.0
 * @category loading
 */
export const load = (
  flags: Flags
): Effect.Effect<OpenStackConfig.Settings, ConfigError.ConfigError, FileSystem.FileSystem | Path.Path> =>
  Effect.configProviderWith((environment) =>
    CloudsYaml.load.pipe(
      Effect.withConfigProvider(configProvider(flags, environment)),
      Effect.mapError(namingOptions(flags))
    )
  )

/**
 * Settings for acting on a given token (`validate`, `check`, `revoke`): the
 * configured ones when complete, else the same settings logging in with that
 * token, so that only the auth URL has to be configured.
 *
 * @since 0.1.0
 * @category loading
 */
export const loadForSubject = (
  flags: Flags,
  subject: Redacted.Redacted<string>
): Effect.Effect<
  { readonly settings: OpenStackConfig.Settings; readonly configured: boolean },
  ConfigError.ConfigError,
  FileSystem.FileSystem | Path.Path
> =>
  load(flags).pipe(
    Effect.map((settings) => ({ settings, configured: true })),
    Effect.orElse(() =>
      load({ ...flags, values: { ...flags.values, auth_type: "token", token: subject } }).pipe(
        Effect.map((settings) => ({ settings, configured: false }))
      )
    )
  )
