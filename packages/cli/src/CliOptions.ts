/**
 * The options every `keystone-token` command takes: `--os-*` overrides,
 * `--os-cloud`, the token cache, `--debug` and `--timing`; and the output
 * options.
 *
 * @since 0.1.0
 */
import * as Options from "@effect/cli/Options"
import { OpenStackConfig } from "@effect-keystone/client"
import type * as Option from "effect/Option"
import type * as Redacted from "effect/Redacted"
import * as Output from "./Output.js"
import { flagName, type Flags } from "./Settings.js"

type Key = OpenStackConfig.Key

/**
 * The keys with an `--os-*` option: the usual RC-file variables. Everything
 * else (application credentials, TOTP, client certificates) comes from the
 * environment or clouds.yaml.
 *
 * @since 0.1.0
 * @category options
 */
export const overridable: ReadonlyArray<Key> = [
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
  "region_name",
  "interface",
  "cacert"
]

const described = (k: Key) => `overrides ${OpenStackConfig.envName(k)} (clouds.yaml: ${k})`

const text = (k: Key): Options.Options<Option.Option<string | Redacted.Redacted<string>>> => {
  const name = flagName(k).slice(2)
  const option: Options.Options<string | Redacted.Redacted<string>> = OpenStackConfig.isSecret(k)
    ? Options.redacted(name)
    : Options.text(name)
  return option.pipe(Options.withDescription(described(k)), Options.optional)
}

const overrides = Options.all(
  Object.fromEntries(overridable.map((k) => [k, text(k)])) as Record<
    Key,
    Options.Options<Option.Option<string | Redacted.Redacted<string>>>
  >
)

const insecure = Options.boolean("os-insecure").pipe(
  Options.withDescription("skip TLS verification (overrides OS_INSECURE); never use it in production")
)

const cloud = Options.text("os-cloud").pipe(
  Options.withDescription("the clouds.yaml entry to use (overrides OS_CLOUD)"),
  Options.optional
)

/**
 * `--os-cloud` and every `--os-*` override, as `Settings.Flags`.
 *
 * @since 0.1.0
 * @category options
 */
export const flags: Options.Options<Flags> = Options.all({ cloud, overrides, insecure }).pipe(
  Options.map(({ cloud, insecure, overrides }): Flags => {
    const values: Record<string, string | Redacted.Redacted<string>> = {}
    for (const [k, v] of Object.entries(overrides)) if (v._tag === "Some") values[k] = v.value
    if (insecure) values.insecure = "true"
    return { cloud, values }
  })
)

/**
 * @since 0.1.0
 * @category models
 */
export type CacheKind = "memory" | "file" | "redis"

/**
 * `--cache` and `--cache-url`.
 *
 * @since 0.1.0
 * @category options
 */
export const cache = Options.all({
  kind: Options.choice("cache", ["memory", "file", "redis"]).pipe(
    Options.withDescription(
      "where tokens are kept between runs: memory (not kept, the default), file (--cache-url directory, default ~/.cache/effect-keystone) or redis (--cache-url, default redis://127.0.0.1:6379)"
    ),
    Options.withDefault("memory" as CacheKind)
  ),
  url: Options.text("cache-url").pipe(
    Options.withDescription("file: the cache directory; redis: the Redis URL"),
    Options.optional
  )
})

/**
 * `--debug`: full error causes and debug logs on stderr.
 *
 * @since 0.1.0
 * @category options
 */
export const debug = Options.boolean("debug").pipe(
  Options.withDescription("print the full cause of an error (stack traces) and debug logs to stderr")
)

/**
 * `--timing`: after the output, every HTTP call (method, URL with query
 * values redacted, status, duration) on stderr.
 *
 * @since 0.4.0
 * @category options
 */
export const timing = Options.boolean("timing").pipe(
  Options.withDescription(
    "after the output, print every HTTP call on stderr: method, URL (query values redacted), status and time, then the total"
  )
)

/**
 * `-f table|json|value`.
 *
 * @since 0.1.0
 * @category options
 */
export const format = Options.choice("format", Output.formats).pipe(
  Options.withAlias("f"),
  Options.withDescription("output format: table (default), json, or value (bare values, one per line, for scripts)"),
  Options.withDefault("table" as Output.Format)
)

/**
 * `-c COLUMN`, repeatable.
 *
 * @since 0.1.0
 * @category options
 */
export const columns = Options.text("column").pipe(
  Options.withAlias("c"),
  Options.withDescription("print only this column (repeat for more); e.g. -f value -c id"),
  Options.repeated
)

/**
 * The options shared by every command that talks to Keystone.
 *
 * @since 0.1.0
 * @category options
 */
export const common = { flags, cache, debug, timing }
