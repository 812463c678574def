/**
 * Credentials plus scope: one login, and its v3 / v2.0 request bodies.
 *
 * @since 0.1.0
 */
import * as Either from "effect/Either"
import * as Redacted from "effect/Redacted"
import type { V2, V3 } from "@effect-keystone/schema"
import * as Credentials from "./Credentials.js"
import { BadRequest } from "./KeystoneError.js"
import * as Scope from "./Scope.js"

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
    readonly credentials: Credentials.Password | Credentials.Token | Credentials.Totp | Credentials.MultiFactor
    readonly scope?: Scope.Scope | undefined
  }

/**
 * A stable, secret-free description of who logs in and for what; the basis
 * of cache keys.
 *
 * @since 0.1.0
 * @category getters
 */
export const describe = (auth: Auth): string =>
  `${Credentials.identity(auth.credentials)}|${Scope.describe(auth.scope)}`

const invalid = (message: string) =>
  Either.left(new BadRequest({ status: 0, message, method: "POST", url: "(not sent)" }))

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
    case "Token":
      identity.methods.push("token")
      identity.token = { id: Redacted.value(c.token) }
      return
    case "ApplicationCredential":
      identity.methods.push("application_credential")
      identity.application_credential = "id" in c.ref
        ? { id: c.ref.id, secret: Redacted.value(c.secret) }
        : { name: c.ref.name, user: userWire(c.ref.user), secret: Redacted.value(c.secret) }
      return
    case "MultiFactor":
      for (const m of c.methods) {
        if (identity.methods.includes(methodName(m))) return `method ${methodName(m)} given twice`
        const error = addMethod(identity, m)
        if (error !== undefined) return error
      }
      return
  }
}

const methodName = (c: Credentials.Password | Credentials.Totp | Credentials.Token) =>
  c._tag === "Password" ? "password" : c._tag === "Totp" ? "totp" : "token"

const scopeWire = (scope: Scope.Scope): Either.Either<V3.ScopeRequest, string> => {
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
      return Either.left("a tenant scope is v2.0 only; on v3 use Scope.project({ name, domain })")
  }
}

const userWireDomain = (d: Credentials.DomainRef) => (d.id !== undefined ? { id: d.id } : { name: d.name! })

/**
 * Checks what TypeScript cannot (JavaScript callers, values built at run
 * time) before anything is sent.
 *
 * @since 0.1.0
 * @category validation
 */
export const validate = (auth: Auth): Either.Either<Auth, BadRequest> => {
  const c = auth.credentials as Credentials.Credentials | undefined
  if (c === undefined || typeof c !== "object" || typeof c._tag !== "string") return invalid("credentials are required")
  if (c._tag === "ApplicationCredential" && auth.scope !== undefined) {
    return invalid("an application credential carries its own scope and cannot request one")
  }
  const s = auth.scope as Scope.Scope | undefined
  if (s !== undefined) {
    if (s._tag === "Project" && !("id" in s) && (s as { domain?: unknown }).domain === undefined) {
      return invalid("a project by name needs its domain")
    }
    const keys = Object.keys(s).filter((k) => k !== "_tag")
    if (s._tag === "Project" && "id" in s && keys.length > 1) return invalid("a project is named by id or by name, not both")
  }
  return Either.right(auth)
}

/**
 * The POST /v3/auth/tokens body.
 *
 * @since 0.1.0
 * @category encoding
 */
export const toV3Request = (auth: Auth): Either.Either<V3.AuthRequest, BadRequest> =>
  Either.flatMap(validate(auth), (auth): Either.Either<V3.AuthRequest, BadRequest> => {
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
export const toV2Request = (auth: Auth): Either.Either<V2.AuthRequest, BadRequest> =>
  Either.flatMap(validate(auth), (auth): Either.Either<V2.AuthRequest, BadRequest> => {
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
    if (c._tag === "Token") return Either.right({ auth: { token: { id: Redacted.value(c.token) }, ...tenancy } })
    return invalid(`v2.0 has no ${c._tag} authentication; use password or token`)
  })
