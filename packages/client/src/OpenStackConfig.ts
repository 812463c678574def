/**
 * OpenStack's own configuration: the `OS_*` variables of an RC file, and
 * `clouds.yaml` / `secure.yaml` selected by `OS_CLOUD`, read the way
 * openstacksdk reads them.
 *
 * @since 0.1.0
 */
import { Catalog, Url } from "@effect-keystone/schema"
import * as Config from "effect/Config"
import * as ConfigError from "effect/ConfigError"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Option from "effect/Option"
import * as Redacted from "effect/Redacted"
import * as Schema from "effect/Schema"
import * as fs from "node:fs/promises"
import * as os from "node:os"
import * as path from "node:path"
import * as YAML from "yaml"
import type { Auth } from "./Auth.js"
import * as Credentials from "./Credentials.js"
import type { ApiVersion } from "./KeystoneClient.js"
import * as AuthScope from "./AuthScope.js"

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
 * The `<service>_endpoint_override` entries of a cloud (top level of its
 * clouds.yaml entry), by service key.
 *
 * @since 0.2.0
 * @category clouds.yaml
 */
export const cloudEndpointOverrides = (entry: Json): Record<string, string> => {
  const out: Record<string, string> = {}
  for (const [k, v] of Object.entries(entry)) {
    const m = /^([a-z0-9_-]+)_endpoint_override$/i.exec(k)
    if (m !== null && typeof v === "string" && v.trim() !== "") out[serviceKey(m[1]!)] = v.trim()
  }
  return out
}

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

const secrets = new Set<Key>(["password", "application_credential_secret", "token", "passcode"])

/**
 * How an `OS_*` variable is named for a key.
 *
 * @since 0.1.0
 * @category naming
 */
export const envName = (key: Key): string => `OS_${key.toUpperCase()}`

const bool = (value: string | undefined): boolean =>
  value !== undefined && ["1", "true", "yes", "on"].includes(value.trim().toLowerCase())

/**
 * Turns raw values into settings, or a `ConfigError` that names the
 * variable or clouds.yaml key at fault.
 *
 * @since 0.1.0
 * @category resolving
 */
export const resolve = (source: Source): Either.Either<Settings, ConfigError.ConfigError> => {
  const v = source.values
  const get = (k: Key) => {
    const value = v[k]?.trim()
    return value === undefined || value === "" ? undefined : value
  }
  const secret = (k: Key) => {
    const value = v[k]
    return value === undefined || value === "" ? undefined : Redacted.make(value)
  }
  const missing = (k: Key, why: string) => Either.left(ConfigError.MissingData([source.name(k)], why))
  const invalid = (k: Key, why: string) => Either.left(ConfigError.InvalidData([source.name(k)], why))
  const n = source.name

  const authUrl = get("auth_url")
  if (authUrl === undefined) return missing("auth_url", `${n("auth_url")} is required: the Keystone URL, e.g. https://keystone.example.com/v3`)
  if (!/^https?:\/\//.test(authUrl)) return invalid("auth_url", `${n("auth_url")} must be an http(s) URL`)

  let version: ApiVersion | "auto" = /\/v2\.0\/?$/.test(authUrl) ? "v2.0" : /\/v3\/?$/.test(authUrl) ? "v3" : "auto"
  const apiVersion = get("identity_api_version")
  if (apiVersion !== undefined) {
    if (apiVersion === "3" || apiVersion === "3.0" || apiVersion === "v3") version = "v3"
    else if (apiVersion === "2" || apiVersion === "2.0" || apiVersion === "v2.0") version = "v2.0"
    else return invalid("identity_api_version", `${n("identity_api_version")} must be 3 or 2.0, not ${apiVersion}`)
  }
  const v2 = version === "v2.0"

  const iface = (get("interface") ?? "public").replace(/URL$/, "")
  if (!Schema.is(Catalog.Interface)(iface)) {
    return invalid("interface", `${n("interface")} must be public, internal or admin, not ${iface}`)
  }

  // --- scope -------------------------------------------------------------
  const projectId = get("project_id") ?? get("tenant_id")
  const projectName = get("project_name") ?? get("tenant_name")
  const projectIdKey: Key = get("project_id") !== undefined ? "project_id" : "tenant_id"
  const projectNameKey: Key = get("project_name") !== undefined ? "project_name" : "tenant_name"
  const domainScoped = get("domain_id") ?? get("domain_name")
  const system = get("system_scope")
  const scopeKinds = [
    projectId !== undefined || projectName !== undefined ? (projectId !== undefined ? projectIdKey : projectNameKey) : undefined,
    domainScoped !== undefined ? (get("domain_id") !== undefined ? "domain_id" : "domain_name") : undefined,
    system !== undefined ? "system_scope" : undefined
  ].filter((k): k is Key => k !== undefined)
  if (scopeKinds.length > 1) {
    return invalid(scopeKinds[1]!, `${scopeKinds.map(n).join(" and ")} ask for two scopes; set only one`)
  }
  let scope: AuthScope.AuthScope | undefined
  if (projectId !== undefined) {
    scope = AuthScope.project({ id: projectId })
  } else if (projectName !== undefined) {
    if (v2) scope = AuthScope.tenant({ name: projectName })
    else {
      const pdId = get("project_domain_id") ?? get("user_domain_id")
      const pdName = get("project_domain_name") ?? get("user_domain_name")
      if (pdId !== undefined) scope = AuthScope.project({ name: projectName, domain: { id: pdId } })
      else if (pdName !== undefined) scope = AuthScope.project({ name: projectName, domain: { name: pdName } })
      else return missing("project_domain_name", `${n(projectNameKey)} needs ${n("project_domain_name")} or ${n("project_domain_id")}`)
    }
  } else if (get("domain_id") !== undefined) {
    scope = AuthScope.domain({ id: get("domain_id")! })
  } else if (get("domain_name") !== undefined) {
    scope = AuthScope.domain({ name: get("domain_name")! })
  } else if (system !== undefined) {
    if (system !== "all") return invalid("system_scope", `${n("system_scope")} must be all`)
    scope = AuthScope.system()
  }

  // --- user --------------------------------------------------------------
  const user = (): Either.Either<{ readonly userId: string } | { readonly username: string; readonly domain: Credentials.DomainRef }, ConfigError.ConfigError> => {
    const userId = get("user_id")
    if (userId !== undefined) return Either.right({ userId })
    const username = get("username")
    if (username === undefined) return missing("username", `${n("username")} or ${n("user_id")} is required`)
    if (v2) return Either.right({ username, domain: { id: "default" } })
    const udId = get("user_domain_id")
    const udName = get("user_domain_name")
    if (udId !== undefined) return Either.right({ username, domain: { id: udId } })
    if (udName !== undefined) return Either.right({ username, domain: { name: udName } })
    return missing("user_domain_name", `${n("username")} needs ${n("user_domain_name")} or ${n("user_domain_id")}`)
  }

  const authType = (get("auth_type") ?? (get("application_credential_secret") !== undefined
    ? "v3applicationcredential"
    : get("token") !== undefined && get("password") === undefined
    ? "token"
    : "password")).toLowerCase()

  let auth: Auth
  switch (authType) {
    case "password":
    case "v3password":
    case "v2password": {
      const password = secret("password")
      if (password === undefined) return missing("password", `${n("password")} is required for password authentication`)
      const u = user()
      if (Either.isLeft(u)) return Either.left(u.left)
      auth = { credentials: Credentials.password({ ...u.right, password } as Parameters<typeof Credentials.password>[0]), scope }
      break
    }
    case "token":
    case "v3token":
    case "v2token": {
      const token = secret("token")
      if (token === undefined) return missing("token", `${n("token")} is required for token authentication`)
      auth = { credentials: Credentials.existingToken(token), scope }
      break
    }
    case "v3totp": {
      const passcode = secret("passcode")
      if (passcode === undefined) return missing("passcode", `${n("passcode")} is required for TOTP authentication`)
      const u = user()
      if (Either.isLeft(u)) return Either.left(u.left)
      auth = { credentials: Credentials.totp({ ...u.right, passcode } as Parameters<typeof Credentials.totp>[0]), scope }
      break
    }
    case "v3applicationcredential": {
      if (v2) return invalid("auth_type", `application credentials need Identity v3, but ${n("identity_api_version")} is 2.0`)
      const appSecret = secret("application_credential_secret")
      if (appSecret === undefined) {
        return missing("application_credential_secret", `${n("application_credential_secret")} is required`)
      }
      if (scope !== undefined) {
        return invalid(scopeKinds[0]!, `an application credential carries its own scope; unset ${n(scopeKinds[0]!)}`)
      }
      const id = get("application_credential_id")
      const name = get("application_credential_name")
      if (id !== undefined) {
        auth = { credentials: Credentials.applicationCredential({ id, secret: appSecret }) }
      } else if (name !== undefined) {
        const u = user()
        if (Either.isLeft(u)) return Either.left(u.left)
        auth = { credentials: Credentials.applicationCredential({ name, secret: appSecret, user: u.right }) }
      } else {
        return missing("application_credential_id", `${n("application_credential_id")} or ${n("application_credential_name")} is required`)
      }
      break
    }
    default:
      return invalid("auth_type", `${n("auth_type")} ${authType} is not supported (password, token, v3applicationcredential, v3totp)`)
  }
  if (v2 && (auth.credentials._tag !== "Password" && auth.credentials._tag !== "ExistingToken")) {
    return invalid("auth_type", `Identity v2.0 supports only password and token authentication`)
  }
  if (v2 && scope !== undefined && scope._tag !== "Project" && scope._tag !== "Tenant") {
    return invalid(scopeKinds[0]!, `Identity v2.0 has only tenant (project) scope`)
  }

  const insecure = bool(get("insecure"))
  return Either.right({
    authUrl: Url.withoutTrailingSlashes(authUrl),
    version,
    auth,
    region: Option.fromNullable(get("region_name")),
    interface: iface,
    tls: { caCert: get("cacert"), cert: get("cert"), key: get("key"), insecure }
  })
}

/**
 * Whether a key holds a secret (wrapped in `Redacted` at first read).
 *
 * @since 0.1.0
 * @category naming
 */
export const isSecret = (key: Key): boolean => secrets.has(key)

/**
 * The `OS_*` variables of an OpenStack RC file, through Effect `Config`, so
 * any `ConfigProvider` works (the environment by default).
 *
 * @since 0.1.0
 * @category config
 */
export const fromEnv: Config.Config<Settings> = Config.all(
  Object.fromEntries(keys.map((k) => [k, Config.option(Config.string(envName(k)))])) as Record<
    Key,
    Config.Config<Option.Option<string>>
  >
).pipe(
  Config.mapOrFail((raw) => {
    const values: Partial<Record<Key, string>> = {}
    for (const k of keys) {
      const value = raw[k]
      if (Option.isSome(value)) values[k] = value.value
    }
    return resolve({ values, name: envName })
  })
)

// ---------------------------------------------------------------------------
// clouds.yaml
// ---------------------------------------------------------------------------

/**
 * Where openstacksdk looks for `clouds.yaml` (and `secure.yaml`), in order.
 *
 * @since 0.1.0
 * @category clouds.yaml
 */
export const searchPaths = (file: "clouds.yaml" | "secure.yaml", env: Record<string, string | undefined> = process.env) => {
  const explicit = file === "clouds.yaml" ? env.OS_CLIENT_CONFIG_FILE : env.OS_CLIENT_SECURE_FILE
  const home = env.HOME ?? os.homedir()
  const config = env.XDG_CONFIG_HOME ?? path.join(home, ".config")
  return [
    ...(explicit !== undefined && explicit !== "" ? [explicit] : []),
    path.join(process.cwd(), file),
    path.join(config, "openstack", file),
    path.join("/etc/openstack", file)
  ]
}

const topLevel = new Set<Key>(["identity_api_version", "auth_type", "region_name", "interface", "cacert", "cert", "key"])

const cloudName = (cloud: string, file: string) => (key: Key): string =>
  key === "insecure"
    ? `${file} clouds.${cloud}.verify`
    : topLevel.has(key)
    ? `${file} clouds.${cloud}.${key}`
    : `${file} clouds.${cloud}.auth.${key}`

/**
 * A parsed YAML mapping.
 *
 * @since 0.1.0
 * @category clouds.yaml
 */
export type Json = { readonly [k: string]: unknown }

const isObject = (u: unknown): u is Json => typeof u === "object" && u !== null && !Array.isArray(u)

const merge = (a: Json, b: Json): Json => {
  const out: Record<string, unknown> = { ...a }
  for (const [k, v] of Object.entries(b)) out[k] = isObject(v) && isObject(out[k]) ? merge(out[k] as Json, v) : v
  return out
}

const readFirst = (candidates: ReadonlyArray<string>) =>
  Effect.gen(function*() {
    for (const file of candidates) {
      const text = yield* Effect.tryPromise(() => fs.readFile(file, "utf8")).pipe(Effect.option)
      if (Option.isSome(text)) {
        const parsed = yield* Effect.try(() => YAML.parse(text.value) as unknown).pipe(
          Effect.mapError(() => ConfigError.InvalidData([file], `${file} is not valid YAML`))
        )
        return Option.some({ file, content: isObject(parsed) ? parsed : {} })
      }
    }
    return Option.none<{ file: string; content: Json }>()
  })

const scalar = (u: unknown): string | undefined =>
  typeof u === "string" ? u : typeof u === "number" || typeof u === "boolean" ? String(u) : undefined

/**
 * Raw values of one cloud entry (already merged with secure.yaml).
 *
 * @since 0.1.0
 * @category clouds.yaml
 */
export const cloudValues = (entry: Json): Partial<Record<Key, string>> => {
  const auth = isObject(entry.auth) ? entry.auth : {}
  const values: Partial<Record<Key, string>> = {}
  for (const k of keys) {
    const value = k === "insecure"
      ? (entry.verify === false || entry.verify === "false" ? "true" : scalar(entry.insecure))
      : scalar(topLevel.has(k) ? entry[k] ?? auth[k] : auth[k] ?? entry[k])
    if (value !== undefined) values[k] = value
  }
  return values
}

/**
 * The settings of cloud `name` from the first `clouds.yaml` found, merged
 * with the first `secure.yaml` found (which wins), as openstacksdk does.
 *
 * @since 0.1.0
 * @category clouds.yaml
 */
export const fromCloud = (
  name: string,
  options?: {
    readonly env?: Record<string, string | undefined>
    /** Values that win over the file's (named as `OS_*` variables in errors). */
    readonly overrides?: Partial<Record<Key, string>>
  }
): Effect.Effect<Settings, ConfigError.ConfigError> =>
  Effect.gen(function*() {
    const env = options?.env ?? process.env
    const clouds = yield* readFirst(searchPaths("clouds.yaml", env))
    if (Option.isNone(clouds)) {
      return yield* Effect.fail(ConfigError.MissingData(["OS_CLOUD"], `OS_CLOUD=${name} but no clouds.yaml was found in ${searchPaths("clouds.yaml", env).join(", ")}`))
    }
    const secure = yield* readFirst(searchPaths("secure.yaml", env))
    const entry = isObject(clouds.value.content.clouds) ? clouds.value.content.clouds[name] : undefined
    if (!isObject(entry)) {
      const known = isObject(clouds.value.content.clouds) ? Object.keys(clouds.value.content.clouds).join(", ") : "none"
      return yield* Effect.fail(ConfigError.MissingData([`${clouds.value.file} clouds.${name}`], `cloud ${name} is not in ${clouds.value.file} (it has: ${known})`))
    }
    const secureEntry = Option.isSome(secure) && isObject(secure.value.content.clouds) ? secure.value.content.clouds[name] : undefined
    const merged = isObject(secureEntry) ? merge(entry, secureEntry) : entry
    const overrides = options?.overrides ?? {}
    const fileName = cloudName(name, path.basename(clouds.value.file))
    const settings = yield* resolve({
      values: { ...cloudValues(merged), ...overrides },
      name: (k) => (overrides[k] !== undefined ? envName(k) : fileName(k))
    })
    const endpointOverrides = cloudEndpointOverrides(merged)
    return Object.keys(endpointOverrides).length === 0 ? settings : { ...settings, endpointOverrides }
  })

/**
 * `OS_CLOUD` (through clouds.yaml) when set, else the `OS_*` variables; any
 * `OS_*` variable set alongside `OS_CLOUD` overrides the cloud's value, as
 * in openstackclient.
 *
 * @since 0.1.0
 * @category config
 */
export const load: Effect.Effect<Settings, ConfigError.ConfigError> = Effect.gen(function*() {
  const cloud = yield* Config.option(Config.string("OS_CLOUD"))
  if (Option.isNone(cloud) || cloud.value === "") return yield* fromEnv
  const env = yield* Config.all(
    Object.fromEntries(keys.map((k) => [k, Config.option(Config.string(envName(k)))])) as Record<Key, Config.Config<Option.Option<string>>>
  )
  const overrides: Partial<Record<Key, string>> = {}
  for (const k of keys) if (Option.isSome(env[k])) overrides[k] = env[k].value
  return yield* fromCloud(cloud.value, { overrides })
})
