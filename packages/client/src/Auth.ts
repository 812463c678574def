/**
 * Credentials plus scope: one login, and its v3 / v2.0 request bodies.
 *
 * @since 0.1.0
 */
import * as Either from "effect/Either"
import * as Redacted from "effect/Redacted"
import type { V2, V3 } from "@effect-keystone/schema"
import * as Credentials from "./Credentials.js"
import * as AuthScope from "./AuthScope.js"
import * as OidcCredentials from "./internal/oidcCredentials.js"
import { InvalidInput } from "./KeystoneError.js"

/**
 * What `issue` takes. An application credential carries its own scope, so
 * giving it one does not type-check.
 *
 * @since 0.1.0
 * @category models
 */
export type Auth =
  | { readonly credentials: Credentials.ApplicationCredential; readonly scope?: never }
  | {
    readonly credentials: Credentials.Password | Credentials.ExistingToken | Credentials.Totp | Credentials.MultiFactor | Credentials.OpenIdConnect
    readonly scope?: AuthScope.AuthScope | undefined
  }

/**
 * A stable, secret-free description of who logs in and for what; the basis
 * of cache keys.
 *
 * @since 0.1.0
 * @category getters
 */
export const describe = (auth: Auth): string =>
  `${Credentials.identity(auth.credentials)}|${AuthScope.describe(auth.scope)}`

const invalid = (message: string) =>
  Either.left(new InvalidInput({ input: "auth", message }))

const userWire = (u: Credentials.UserRef) =>
  "id" in u ? { id: u.id } : { name: u.name, domain: u.domain.id !== undefined ? { id: u.domain.id } : { name: u.domain.name! } }

type Identity = V3.AuthRequest["auth"]["identity"]
type Mutable<T> = { -readonly [K in keyof T]: T[K] }

const addMethod = (
  identity: Mutable<Partial<Identity>> & { methods: Array<Identity["methods"][number]> },
  c: Credentials.Credentials
): string | undefined => {
  switch (c._tag) {
    case "Password":
      identity.methods.push("password")
      identity.password = { user: { ...userWire(c.user), password: Redacted.value(c.password) } }
      return
    case "Totp":
      identity.methods.push("totp")
      identity.totp = { user: { ...userWire(c.user), passcode: Redacted.value(c.passcode) } }
      return
    case "ExistingToken":
      identity.methods.push("token")
      identity.token = { id: Redacted.value(c.token) }
      return
    case "ApplicationCredential":
      identity.methods.push("application_credential")
      identity.application_credential = "id" in c.ref
        ? { id: c.ref.id, secret: Redacted.value(c.secret) }
        : { name: c.ref.name, user: userWire(c.ref.user), secret: Redacted.value(c.secret) }
      return
    case "OpenIdConnect":
      return "a federated login is not a /v3/auth/tokens method"
    case "MultiFactor":
      for (const m of c.methods) {
        if (identity.methods.includes(methodName(m))) return `method ${methodName(m)} given twice`
        const error = addMethod(identity, m)
        if (error !== undefined) return error
      }
      return
  }
}

const methodName = (c: Credentials.Password | Credentials.Totp | Credentials.ExistingToken) =>
  c._tag === "Password" ? "password" : c._tag === "Totp" ? "totp" : "token"

const scopeWire = (scope: AuthScope.AuthScope): Either.Either<V3.ScopeRequest, string> => {
  switch (scope._tag) {
    case "Project":
      return Either.right({
        project: "id" in scope ? { id: scope.id } : { name: scope.name, domain: userWireDomain(scope.domain) }
      })
    case "Domain":
      return Either.right({ domain: "id" in scope ? { id: scope.id } : { name: scope.name } })
    case "System":
      return Either.right({ system: { all: true } })
    case "Trust":
      return Either.right({ "OS-TRUST:trust": { id: scope.id } })
    case "Unscoped":
      return Either.right("unscoped")
    case "Tenant":
      return Either.left("a tenant scope is v2.0 only; on v3 use AuthScope.project({ name, domain })")
  }
}

const userWireDomain = (d: Credentials.DomainRef) => (d.id !== undefined ? { id: d.id } : { name: d.name! })

const isObject = (u: unknown): u is Record<string, unknown> => typeof u === "object" && u !== null

const nonEmpty = (u: unknown): u is string => typeof u === "string" && u.length > 0

const isSecret = (u: unknown): boolean =>
  Redacted.isRedacted(u) && nonEmpty(Redacted.value(u as Redacted.Redacted<unknown>))

const checkDomain = (d: unknown, what: string): string | undefined => {
  if (!isObject(d)) return `${what} needs a domain ({ id } or { name })`
  const hasId = d.id !== undefined
  const hasName = d.name !== undefined
  if (hasId && hasName) return `${what}: a domain is named by id or by name, not both`
  if (hasId) return nonEmpty(d.id) ? undefined : `${what}: the domain id must be a non-empty string`
  if (hasName) return nonEmpty(d.name) ? undefined : `${what}: the domain name must be a non-empty string`
  return `${what} needs a domain ({ id } or { name })`
}

const checkUser = (u: unknown, what: string): string | undefined => {
  if (!isObject(u)) return `${what} needs a user (by id, or by name and domain)`
  if (u.id !== undefined) {
    if (!nonEmpty(u.id)) return `${what}: the user id must be a non-empty string`
    if (u.name !== undefined) return `${what}: a user is named by id or by name and domain, not both`
    return undefined
  }
  if (!nonEmpty(u.name)) return `${what} needs a user (by id, or by name and domain)`
  return checkDomain(u.domain, `${what}: a user by name`)
}

const checkCredentials = (c: unknown, nested: boolean): string | undefined => {
  if (!isObject(c) || typeof c._tag !== "string") return "credentials are required (use Credentials.*)"
  switch (c._tag) {
    case "Password":
      return checkUser(c.user, "password") ?? (isSecret(c.password) ? undefined : "password: the password must be a Redacted non-empty string")
    case "Totp":
      return checkUser(c.user, "totp") ?? (isSecret(c.passcode) ? undefined : "totp: the passcode must be a Redacted non-empty string")
    case "ExistingToken":
      return isSecret(c.token) ? undefined : "token: the token id must be a Redacted non-empty string"
    case "ApplicationCredential": {
      if (nested) return "an application credential cannot be combined with other methods"
      const ref = c.ref
      if (!isObject(ref)) return "application credential: needs an id, or a name and its user"
      if (ref.id !== undefined) {
        if (!nonEmpty(ref.id)) return "application credential: the id must be a non-empty string"
        if (ref.name !== undefined) return "application credential: named by id or by name and user, not both"
      } else {
        if (!nonEmpty(ref.name)) return "application credential: needs an id, or a name and its user"
        const user = checkUser(ref.user, "application credential by name")
        if (user !== undefined) return user
      }
      return isSecret(c.secret) ? undefined : "application credential: the secret must be a Redacted non-empty string"
    }
    case "OpenIdConnect":
      return nested ? "federated (OpenID Connect) credentials cannot be combined with other methods" : OidcCredentials.problem(c)
    case "MultiFactor": {
      if (nested) return "multi-factor credentials cannot be nested"
      if (!Array.isArray(c.methods) || c.methods.length === 0) return "multi-factor: at least one method is required"
      for (const m of c.methods) {
        const error = checkCredentials(m, true)
        if (error !== undefined) return error
      }
      if (c.receipt !== undefined && !isSecret(c.receipt)) return "multi-factor: the receipt must be Redacted"
      return undefined
    }
    default:
      return `unknown credentials ${JSON.stringify(String(c._tag))}`
  }
}

const scopeKeys = ["project", "domain", "system", "OS-TRUST:trust", "trust"]

const checkScope = (s: unknown): string | undefined => {
  if (s === undefined) return undefined
  if (!isObject(s) || typeof s._tag !== "string") {
    if (isObject(s) && scopeKeys.filter((k) => k in s).length > 1) {
      return "a scope names one project, domain, system or trust, not several (use AuthScope.*)"
    }
    return "the scope must be made with AuthScope.*"
  }
  const has = (k: string) => s[k] !== undefined
  switch (s._tag) {
    case "Project":
      if (has("id")) {
        if (!nonEmpty(s.id)) return "project scope: the id must be a non-empty string"
        if (has("name") || has("domain")) return "project scope: a project is named by id or by name and domain, not both"
        return undefined
      }
      if (!nonEmpty(s.name)) return "project scope: needs an id, or a name and its domain"
      return checkDomain(s.domain, "project scope: a project by name")
    case "Domain":
      if (has("id") && has("name")) return "domain scope: a domain is named by id or by name, not both"
      if (has("project")) return "a scope names one project, domain, system or trust, not several"
      return nonEmpty(s.id) || nonEmpty(s.name) ? undefined : "domain scope: needs an id or a name"
    case "System":
    case "Unscoped":
      return undefined
    case "Trust":
      return nonEmpty(s.id) ? undefined : "trust scope: needs the trust id"
    case "Tenant":
      return nonEmpty(s.name) ? undefined : "tenant scope: needs the tenant name"
    default:
      return `unknown scope ${JSON.stringify(String(s._tag))}`
  }
}

/**
 * Checks what TypeScript cannot (JavaScript callers, values built at run
 * time, casts) before anything is sent: every field's presence and type,
 * secrets wrapped in `Redacted`, one way of naming each thing, and no scope
 * with an application credential.
 *
 * @since 0.1.0
 * @category validation
 */
export const validate = (auth: Auth): Either.Either<Auth, InvalidInput> => {
  if (!isObject(auth)) return invalid("auth must be { credentials, scope? }")
  const c = auth.credentials as unknown
  const credentials = checkCredentials(c, false)
  if (credentials !== undefined) return invalid(credentials)
  if ((c as Credentials.Credentials)._tag === "ApplicationCredential" && auth.scope !== undefined) {
    return invalid("an application credential carries its own scope and cannot request one")
  }
  const scope = checkScope(auth.scope)
  return scope === undefined ? Either.right(auth) : invalid(scope)
}

/**
 * The POST /v3/auth/tokens body.
 *
 * @since 0.1.0
 * @category encoding
 */
export const toV3Request = (auth: Auth): Either.Either<V3.AuthRequest, InvalidInput> =>
  Either.flatMap(validate(auth), (auth): Either.Either<V3.AuthRequest, InvalidInput> => {
    const identity = { methods: [] as Array<Identity["methods"][number]> } as
      & Mutable<Partial<Identity>>
      & { methods: Array<Identity["methods"][number]> }
    const error = addMethod(identity, auth.credentials)
    if (error !== undefined) return invalid(error)
    if (auth.scope === undefined) return Either.right({ auth: { identity: identity as Identity } })
    return Either.match(scopeWire(auth.scope), {
      onLeft: invalid,
      onRight: (scope) => Either.right({ auth: { identity: identity as Identity, scope } })
    })
  })

/**
 * The POST /v2.0/tokens body. v2.0 knows only password and token, scoped to
 * a tenant (by id or name) or unscoped.
 *
 * @since 0.1.0
 * @category encoding
 */
export const toV2Request = (auth: Auth): Either.Either<V2.AuthRequest, InvalidInput> =>
  Either.flatMap(validate(auth), (auth): Either.Either<V2.AuthRequest, InvalidInput> => {
    const c = auth.credentials
    let tenancy: { tenantId?: string; tenantName?: string } = {}
    const s = auth.scope
    if (s !== undefined) {
      if (s._tag === "Project" && "id" in s) tenancy = { tenantId: s.id }
      else if (s._tag === "Tenant") tenancy = { tenantName: s.name }
      else if (s._tag === "Project") tenancy = { tenantName: s.name }
      else if (s._tag !== "Unscoped") return invalid(`v2.0 has no ${s._tag.toLowerCase()} scope; use a tenant`)
    }
    if (c._tag === "Password") {
      if ("id" in c.user) {
        return Either.right({ auth: { passwordCredentials: { userId: c.user.id, password: Redacted.value(c.password) }, ...tenancy } })
      }
      return Either.right({ auth: { passwordCredentials: { username: c.user.name, password: Redacted.value(c.password) }, ...tenancy } })
    }
    if (c._tag === "ExistingToken") return Either.right({ auth: { token: { id: Redacted.value(c.token) }, ...tenancy } })
    return invalid(`v2.0 has no ${c._tag} authentication; use password or token`)
  })
