/**
 * Raw OpenStack settings (by clouds.yaml key) turned into `Settings`, one
 * named step per concern: URL and version, interface, scope, user,
 * credentials, TLS. Each step answers a value or the `ConfigError` that names
 * the variable or clouds.yaml key at fault.
 *
 * @internal
 */
import { Catalog, Url } from "@effect-keystone/schema"
import * as ConfigError from "effect/ConfigError"
import * as Either from "effect/Either"
import * as Option from "effect/Option"
import * as Redacted from "effect/Redacted"
import * as Schema from "effect/Schema"
import type { Auth } from "../Auth.js"
import * as Credentials from "../Credentials.js"
import type { ApiVersion } from "../KeystoneClient.js"
import type { Key, Settings, Source } from "../OpenStackConfig.js"
import * as AuthScope from "../AuthScope.js"
import * as OidcConfig from "./oidcConfig.js"

/** @internal */
export type Result<A> = Either.Either<A, ConfigError.ConfigError>

/** Reading raw values: trimmed, "" as unset, secrets redacted at once, errors by name. @internal */
export interface Reader {
  readonly get: (key: Key) => string | undefined
  readonly secret: (key: Key) => Redacted.Redacted<string> | undefined
  readonly name: (key: Key) => string
  readonly missing: (key: Key, why: string) => Result<never>
  readonly invalid: (key: Key, why: string) => Result<never>
}

const reader = (source: Source): Reader => ({
  get: (key) => {
    const value = source.values[key]?.trim()
    return value === undefined || value === "" ? undefined : value
  },
  secret: (key) => {
    const value = source.values[key]
    return value === undefined || value === "" ? undefined : Redacted.make(value)
  },
  name: source.name,
  missing: (key, why) => Either.left(ConfigError.MissingData([source.name(key)], why)),
  invalid: (key, why) => Either.left(ConfigError.InvalidData([source.name(key)], why))
})

const truthy = (value: string | undefined): boolean =>
  value !== undefined && ["1", "true", "yes", "on"].includes(value.toLowerCase())

/** `auth_url`, and the API version it ends in unless `identity_api_version` says. */
const urlAndVersion = (r: Reader): Result<{ readonly authUrl: string; readonly version: ApiVersion | "auto" }> => {
  const authUrl = r.get("auth_url")
  if (authUrl === undefined) {
    return r.missing("auth_url", `${r.name("auth_url")} is required: the Keystone URL, e.g. https://keystone.example.com/v3`)
  }
  if (!/^https?:\/\//.test(authUrl)) return r.invalid("auth_url", `${r.name("auth_url")} must be an http(s) URL`)
  const fromUrl = Url.apiVersion(authUrl) ?? "auto"
  const requested = r.get("identity_api_version")
  const version = requested === undefined
    ? fromUrl
    : ["3", "3.0", "v3"].includes(requested)
    ? "v3"
    : ["2", "2.0", "v2.0"].includes(requested)
    ? "v2.0"
    : undefined
  if (version === undefined) {
    return r.invalid("identity_api_version", `${r.name("identity_api_version")} must be 3 or 2.0, not ${requested}`)
  }
  return Either.right({ authUrl: Url.withoutTrailingSlashes(authUrl), version })
}

/** `interface`, with v2.0's `publicURL` spelling accepted. */
const endpointInterface = (r: Reader): Result<Settings["interface"]> => {
  const iface = (r.get("interface") ?? "public").replace(/URL$/, "")
  return Schema.is(Catalog.Interface)(iface)
    ? Either.right(iface)
    : r.invalid("interface", `${r.name("interface")} must be public, internal or admin, not ${iface}`)
}

/** The scope asked for, and the key that asked (for errors about it). */
interface ScopeChoice {
  readonly scope: AuthScope.AuthScope | undefined
  readonly key: Key | undefined
}

const scopeOf = (r: Reader, v2: boolean): Result<ScopeChoice> => {
  const projectIdKey: Key = r.get("project_id") !== undefined ? "project_id" : "tenant_id"
  const projectNameKey: Key = r.get("project_name") !== undefined ? "project_name" : "tenant_name"
  const projectId = r.get(projectIdKey)
  const projectName = r.get(projectNameKey)
  const domainKey: Key = r.get("domain_id") !== undefined ? "domain_id" : "domain_name"
  const system = r.get("system_scope")
  const candidates: Array<Key | undefined> = [
    projectId !== undefined ? projectIdKey : projectName !== undefined ? projectNameKey : undefined,
    r.get(domainKey) !== undefined ? domainKey : undefined,
    system !== undefined ? "system_scope" : undefined
  ]
  const asked = candidates.filter((k): k is Key => k !== undefined)
  if (asked.length > 1) return r.invalid(asked[1]!, `${asked.map(r.name).join(" and ")} ask for two scopes; set only one`)
  const key = asked[0]
  const chosen = (scope: AuthScope.AuthScope): Result<ScopeChoice> => Either.right({ scope, key })
  if (projectId !== undefined) return chosen(AuthScope.project({ id: projectId }))
  if (projectName !== undefined) {
    if (v2) return chosen(AuthScope.tenant({ name: projectName }))
    const domainId = r.get("project_domain_id") ?? r.get("user_domain_id")
    const domainName = r.get("project_domain_name") ?? r.get("user_domain_name")
    if (domainId !== undefined) return chosen(AuthScope.project({ name: projectName, domain: { id: domainId } }))
    if (domainName !== undefined) return chosen(AuthScope.project({ name: projectName, domain: { name: domainName } }))
    return r.missing(
      "project_domain_name",
      `${r.name(projectNameKey)} needs ${r.name("project_domain_name")} or ${r.name("project_domain_id")}`
    )
  }
  const domainId = r.get("domain_id")
  if (domainId !== undefined) return chosen(AuthScope.domain({ id: domainId }))
  const domainName = r.get("domain_name")
  if (domainName !== undefined) return chosen(AuthScope.domain({ name: domainName }))
  if (system !== undefined) {
    return system === "all" ? chosen(AuthScope.system()) : r.invalid("system_scope", `${r.name("system_scope")} must be all`)
  }
  return Either.right({ scope: undefined, key: undefined })
}

type User = { readonly userId: string } | { readonly username: string; readonly domain: Credentials.DomainRef }

/** The user, by id or by name in a domain (v2.0 has only the default domain). */
const userOf = (r: Reader, v2: boolean): Result<User> => {
  const userId = r.get("user_id")
  if (userId !== undefined) return Either.right({ userId })
  const username = r.get("username")
  if (username === undefined) return r.missing("username", `${r.name("username")} or ${r.name("user_id")} is required`)
  if (v2) return Either.right({ username, domain: { id: "default" } })
  const domainId = r.get("user_domain_id")
  if (domainId !== undefined) return Either.right({ username, domain: { id: domainId } })
  const domainName = r.get("user_domain_name")
  if (domainName !== undefined) return Either.right({ username, domain: { name: domainName } })
  return r.missing("user_domain_name", `${r.name("username")} needs ${r.name("user_domain_name")} or ${r.name("user_domain_id")}`)
}

/** `auth_type`, or what the values imply: an application credential secret, a lone token, else a password. */
const authTypeOf = (r: Reader): string =>
  (r.get("auth_type") ?? (r.get("application_credential_secret") !== undefined
    ? "v3applicationcredential"
    : r.get("token") !== undefined && r.get("password") === undefined
    ? "token"
    : "password")).toLowerCase()

const applicationCredential = (r: Reader, v2: boolean, choice: ScopeChoice): Result<Auth> => {
  if (v2) return r.invalid("auth_type", `application credentials need Identity v3, but ${r.name("identity_api_version")} is 2.0`)
  const secret = r.secret("application_credential_secret")
  if (secret === undefined) {
    return r.missing("application_credential_secret", `${r.name("application_credential_secret")} is required`)
  }
  if (choice.key !== undefined) {
    return r.invalid(choice.key, `an application credential carries its own scope; unset ${r.name(choice.key)}`)
  }
  const id = r.get("application_credential_id")
  if (id !== undefined) return Either.right({ credentials: Credentials.applicationCredential({ id, secret }) })
  const name = r.get("application_credential_name")
  if (name === undefined) {
    return r.missing(
      "application_credential_id",
      `${r.name("application_credential_id")} or ${r.name("application_credential_name")} is required`
    )
  }
  return Either.map(userOf(r, v2), (user) => ({ credentials: Credentials.applicationCredential({ name, secret, user }) }))
}

/** The credentials `auth_type` names, with the scope asked for. */
const authOf = (r: Reader, v2: boolean, choice: ScopeChoice): Result<Auth> => {
  const scope = choice.scope
  const withSecret = (key: Key, what: string, f: (secret: Redacted.Redacted<string>) => Result<Auth>): Result<Auth> => {
    const secret = r.secret(key)
    return secret === undefined ? r.missing(key, `${r.name(key)} is required for ${what} authentication`) : f(secret)
  }
  // a secret that goes with the user: a password or a TOTP passcode
  const withUser = (
    key: Key,
    what: string,
    make: (user: User, secret: Redacted.Redacted<string>) => Credentials.Password | Credentials.Totp
  ) =>
    withSecret(key, what, (secret) => Either.map(userOf(r, v2), (user) => ({ credentials: make(user, secret), scope })))
  const authType = authTypeOf(r)
  switch (authType) {
    case "password":
    case "v3password":
    case "v2password":
      return withUser("password", "password", (user, password) =>
        Credentials.password({ ...user, password } as Parameters<typeof Credentials.password>[0]))
    case "token":
    case "v3token":
    case "v2token":
      return withSecret("token", "token", (token) => Either.right({ credentials: Credentials.existingToken(token), scope }))
    case "v3totp":
      return withUser("passcode", "TOTP", (user, passcode) =>
        Credentials.totp({ ...user, passcode } as Parameters<typeof Credentials.totp>[0]))
    case "v3applicationcredential":
      return applicationCredential(r, v2, choice)
    case "v3oidcpassword":
    case "v3oidcclientcredentials":
    case "v3oidcauthcode":
    case "v3oidcdeviceauthz":
    case "v3oidcaccesstoken":
      return v2
        ? r.invalid("auth_type", `federated logins need Identity v3, but ${r.name("identity_api_version")} is 2.0`)
        : Either.map(OidcConfig.credentials(r, authType), (credentials) => ({ credentials, scope }))
    default:
      return r.invalid("auth_type", `${r.name("auth_type")} ${authType} is not supported (${OidcConfig.supportedAuthTypes})`)
  }
}

/** What Identity v2.0 cannot express: other credentials than password and token, other scopes than a tenant. */
const v2Limits = (r: Reader, auth: Auth, choice: ScopeChoice): Result<Auth> => {
  if (auth.credentials._tag !== "Password" && auth.credentials._tag !== "ExistingToken") {
    return r.invalid("auth_type", `Identity v2.0 supports only password and token authentication`)
  }
  if (auth.scope !== undefined && auth.scope._tag !== "Project" && auth.scope._tag !== "Tenant") {
    return r.invalid(choice.key!, `Identity v2.0 has only tenant (project) scope`)
  }
  return Either.right(auth)
}

/**
 * Turns raw values into settings, or a `ConfigError` naming the variable or
 * clouds.yaml key at fault.
 *
 * @internal
 */
export const resolve = (source: Source): Result<Settings> => {
  const r = reader(source)
  return Either.gen(function*() {
    const { authUrl, version } = yield* urlAndVersion(r)
    const v2 = version === "v2.0"
    const iface = yield* endpointInterface(r)
    const choice = yield* scopeOf(r, v2)
    const auth = yield* Either.flatMap(authOf(r, v2, choice), (auth) => v2 ? v2Limits(r, auth, choice) : Either.right(auth))
    return {
      authUrl,
      version,
      auth,
      region: Option.fromNullable(r.get("region_name")),
      interface: iface,
      tls: { caCert: r.get("cacert"), cert: r.get("cert"), key: r.get("key"), insecure: truthy(r.get("insecure")) }
    }
  })
}
