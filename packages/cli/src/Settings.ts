/**
 * Where the CLI's connection settings come from: `--os-*` options over the
 * `OS_*` environment, over the `clouds.yaml` entry chosen by `--os-cloud` /
 * `OS_CLOUD`, as `openstack` does.
 *
 * @since 0.1.0
 */
import { OpenStackConfig } from "@effect-keystone/client"
import * as Config from "effect/Config"
import type * as ConfigError from "effect/ConfigError"
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

const withAlternativesCleared = (fromFlags: Partial<Record<Key, string>>): Partial<Record<Key, string>> => {
  const out: Partial<Record<Key, string>> = {}
  for (const group of alternatives) {
    if (group.some((k) => fromFlags[k] !== undefined)) for (const k of group) out[k] = "" // "" reads as unset
  }
  return { ...out, ...fromFlags }
}

// Secrets are unwrapped only here, to be handed to OpenStackConfig, which
// wraps them in Redacted again as it reads them.
const raw = (values: Flags["values"]): Partial<Record<Key, string>> => {
  const out: Partial<Record<Key, string>> = {}
  for (const [k, v] of Object.entries(values) as Array<[Key, string | Redacted.Redacted<string> | undefined]>) {
    if (v !== undefined) out[k] = Redacted.isRedacted(v) ? Redacted.value(v) : v
  }
  return out
}

const optional = (name: string) =>
  Config.option(Config.string(name)).pipe(Config.map(Option.filter((s) => s !== "")), Config.map(Option.getOrUndefined))

const environment = Config.all(
  Object.fromEntries(OpenStackConfig.keys.map((k) => [k, optional(OpenStackConfig.envName(k))])) as Record<
    Key,
    Config.Config<string | undefined>
  >
).pipe(Config.map((all) => {
  const out: Partial<Record<Key, string>> = {}
  for (const k of OpenStackConfig.keys) if (all[k] !== undefined) out[k] = all[k]
  return out
}))

const fileEnvironment = Config.all({
  OS_CLIENT_CONFIG_FILE: optional("OS_CLIENT_CONFIG_FILE"),
  OS_CLIENT_SECURE_FILE: optional("OS_CLIENT_SECURE_FILE"),
  HOME: optional("HOME"),
  XDG_CONFIG_HOME: optional("XDG_CONFIG_HOME")
})

/**
 * Resolves the settings, reading the environment through the current
 * `ConfigProvider`. Errors name the option, variable or clouds.yaml key at
 * fault.
 *
 * @since 0.1.0
 * @category loading
 */
export const load = (flags: Flags): Effect.Effect<OpenStackConfig.Settings, ConfigError.ConfigError> =>
  Effect.gen(function*() {
    const env = yield* environment
    const fromFlags = raw(flags.values)
    const overrides = withAlternativesCleared(fromFlags)
    const cloud = Option.isSome(flags.cloud) ? flags.cloud.value : yield* optional("OS_CLOUD")
    if (cloud !== undefined && cloud !== "") {
      return yield* OpenStackConfig.fromCloud(cloud, {
        env: yield* fileEnvironment,
        overrides: { ...env, ...overrides }
      })
    }
    return yield* OpenStackConfig.resolve({
      values: { ...env, ...overrides },
      name: (k) => (fromFlags[k] !== undefined ? flagName(k) : OpenStackConfig.envName(k))
    })
  })

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
): Effect.Effect<{ readonly settings: OpenStackConfig.Settings; readonly configured: boolean }, ConfigError.ConfigError> =>
  load(flags).pipe(
    Effect.map((settings) => ({ settings, configured: true })),
    Effect.orElse(() =>
      load({ ...flags, values: { ...flags.values, auth_type: "token", token: subject } }).pipe(
        Effect.map((settings) => ({ settings, configured: false }))
      )
    )
  )
