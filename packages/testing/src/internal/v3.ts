/**
 * Keystone v3 token API: POST/GET/HEAD/DELETE /v3/auth/tokens (the
 * listings and revocation events are in v3Lists.ts).
 */
import * as Either from "effect/Either"
import type { Seed } from "../KeystoneSim.js"
import type { Ctx, Handler, Step } from "./context.js"
import type { SimRequest } from "./http.js"
import { boolParam, isRecord, jsonBody, ok, roleNames, stop } from "./context.js"
import * as http from "./http.js"
import * as ids from "./ids.js"
import * as render from "./render.js"
import type { TokenRecord, TokenScope } from "./tokens.js"
import { wholeSeconds } from "./tokens.js"

const unauthorized = (ctx: Ctx) => stop(http.viewError(ctx.baseUrl, 401))

const schemaError = (ctx: Ctx, field: string, detail: string) =>
  stop(http.viewError(ctx.baseUrl, 400, `Invalid input for field '${field}': ${detail}`))

const notFound = (ctx: Ctx, message: string) => stop(http.viewError(ctx.baseUrl, 404, message))
/** Python's `repr` of a JSON value (as jsonschema quotes it). */
const repr = (u: unknown): string => (typeof u === "string" ? `'${u}'` : JSON.stringify(u))

// ---------------------------------------------------------------------------
// the caller and the subject
// ---------------------------------------------------------------------------
/** `X-Auth-Token`, missing or not valid: 401. */
/** @internal */
export const caller = (req: { readonly headers: Readonly<Record<string, string>> }, ctx: Ctx): Step<TokenRecord> => {
  const id = req.headers["x-auth-token"]
  const found = id === undefined || id === "" ? undefined : ctx.tokens.lookup(id, ctx.now)
  return found?._tag === "Valid" ? ok(found.token) : unauthorized(ctx)
}

const subject = (ctx: Ctx, id: string, allowExpired: boolean): Step<TokenRecord> => {
  const found = ctx.tokens.lookup(id, ctx.now, allowExpired ? ctx.settings.allowExpiredWindowMillis : 0)
  switch (found._tag) {
    case "Valid":
      return ok(found.token)
    case "Unknown":
      return notFound(ctx, "Could not recognize Fernet token")
    default:
      return notFound(ctx, "Failed to validate token")
  }
}

const privileged = (ctx: Ctx, who: TokenRecord) => {
  const roles = roleNames(ctx, who)
  return roles.includes("admin") || roles.includes("service") || (who.scope._tag === "System" && roles.includes("reader"))
}

/**
 * The token named by `X-Subject-Token`, if the caller may act on it:
 * Keystone's policy for validate, check and revoke is "the token's own
 * user, an admin or a service". Without a subject the policy has no target,
 * so only an admin or a service learns that it is missing.
 */
const target = (req: SimRequest, ctx: Ctx, who: TokenRecord, action: string, allowExpired: boolean): Step<TokenRecord> =>
  Either.gen(function*() {
    const id = req.headers["x-subject-token"]
    const forbidden = http.forbiddenAction(ctx.baseUrl, action)
    if (id === undefined || id === "") {
      return yield* stop(privileged(ctx, who) ? http.viewError(ctx.baseUrl, 404, "No token in the request") : forbidden)
    }
    const token = yield* subject(ctx, id, allowExpired)
    if (who.userId !== token.userId && !privileged(ctx, who)) return yield* stop(forbidden)
    return token
  })

// ---------------------------------------------------------------------------
// authentication methods
// ---------------------------------------------------------------------------

interface Authenticated {
  readonly userId: string
  readonly parent?: TokenRecord
  readonly applicationCredential?: Seed.ApplicationCredential
}

/** `{ id }` or `{ name, domain }`; unknown or disabled users are a 401. */
const findUser = (ctx: Ctx, ref: unknown, method: string): Step<Seed.User> => {
  if (!isRecord(ref)) return schemaError(ctx, `identity/${method}`, "'user' is a required property")
  let user: Seed.User | undefined
  if (typeof ref.id === "string") {
    user = ctx.dir.user(ref.id)
  } else if (typeof ref.name === "string") {
    if (!isRecord(ref.domain)) return stop(http.expecting(ctx.baseUrl, "domain", "user"))
    const domain = ctx.dir.domainByRef(ref.domain)
    user = domain === undefined ? undefined : ctx.dir.userByName(ref.name, domain.id)
  } else {
    return stop(http.expecting(ctx.baseUrl, "id or name", "user"))
  }
  return user !== undefined && ctx.dir.userEnabled(user) ? ok(user) : unauthorized(ctx)
}

const password = (ctx: Ctx, payload: Record<string, unknown>): Step<Authenticated> =>
  Either.gen(function*() {
    const user = yield* findUser(ctx, payload.user, "password")
    const given = (payload.user as Record<string, unknown>).password
    if (typeof given !== "string" || given !== user.password) return yield* unauthorized(ctx)
    return { userId: user.id }
  })

const totp = (ctx: Ctx, payload: Record<string, unknown>): Step<Authenticated> =>
  Either.gen(function*() {
    const user = yield* findUser(ctx, payload.user, "totp")
    const given = (payload.user as Record<string, unknown>).passcode
    if (user.passcode === undefined || typeof given !== "string" || given !== user.passcode) {
      return yield* unauthorized(ctx)
    }
    return { userId: user.id }
  })

const token = (ctx: Ctx, payload: Record<string, unknown>): Step<Authenticated> =>
  Either.gen(function*() {
    if (typeof payload.id !== "string") return yield* schemaError(ctx, "identity/token", "'id' is a required property")
    const parent = yield* subject(ctx, payload.id, false)
    if (parent.trustId !== undefined || parent.applicationCredentialId !== undefined) {
      return yield* stop(
        http.forbiddenAction(ctx.baseUrl, "Using a delegated token to create another token is not allowed.")
      )
    }
    return { userId: parent.userId, parent }
  })

const applicationCredential = (ctx: Ctx, payload: Record<string, unknown>): Step<Authenticated> =>
  Either.gen(function*() {
    if (typeof payload.secret !== "string") {
      return yield* schemaError(ctx, "identity/application_credential", "'secret' is a required property")
    }
    let cred: Seed.ApplicationCredential | undefined
    if (typeof payload.id === "string") {
      cred = ctx.dir.appCred(payload.id)
    } else if (typeof payload.name === "string") {
      const user = yield* findUser(ctx, payload.user, "application_credential")
      cred = ctx.dir.appCredByName(payload.name, user.id)
    } else {
      return yield* stop(http.expecting(ctx.baseUrl, "id or name", "application_credential"))
    }
    if (cred === undefined || cred.secret !== payload.secret) return yield* unauthorized(ctx)
    const user = ctx.dir.user(cred.userId)
    if (user === undefined || !ctx.dir.userEnabled(user)) return yield* unauthorized(ctx)
    return { userId: user.id, applicationCredential: cred }
  })

const methods: Record<string, (ctx: Ctx, payload: Record<string, unknown>) => Step<Authenticated>> = {
  password,
  token,
  application_credential: applicationCredential,
  totp
}

// ---------------------------------------------------------------------------
// scope
// ---------------------------------------------------------------------------

type ScopeRequest =
  | { readonly _tag: "Default" }
  | { readonly _tag: "Unscoped" }
  | { readonly _tag: "Project"; readonly project: Seed.Project }
  | { readonly _tag: "Domain"; readonly domain: Seed.Domain }
  | { readonly _tag: "System" }
  | { readonly _tag: "Trust"; readonly trust: Seed.Trust }

const scopeKeys = ["project", "domain", "OS-TRUST:trust", "system"] as const

/** Parses `auth.scope` and finds its target: 400 when malformed, 401 when not found or disabled. */
const parseScope = (ctx: Ctx, scope: unknown): Step<ScopeRequest> => {
  if (scope === undefined) return ok({ _tag: "Default" })
  if (scope === "unscoped") return ok({ _tag: "Unscoped" })
  const keys = isRecord(scope) ? scopeKeys.filter((k) => k in scope) : []
  if (!isRecord(scope) || keys.length !== 1) {
    return stop(http.expecting(ctx.baseUrl, "system, project, domain, OS-TRUST:trust or unscoped", "scope"))
  }
  switch (keys[0]!) {
    case "project": {
      const ref = scope.project
      if (!isRecord(ref)) return schemaError(ctx, "scope/project", `${JSON.stringify(ref)} is not of type 'object'`)
      let project: Seed.Project | undefined
      if (typeof ref.id === "string") {
        project = ctx.dir.project(ref.id)
      } else if (typeof ref.name === "string") {
        if (!isRecord(ref.domain)) return stop(http.expecting(ctx.baseUrl, "domain", "project"))
        const domain = ctx.dir.domainByRef(ref.domain)
        project = domain === undefined ? undefined : ctx.dir.projectByName(ref.name, domain.id)
      } else {
        return stop(http.expecting(ctx.baseUrl, "id or name", "project"))
      }
      return project !== undefined && ctx.dir.projectEnabled(project)
        ? ok({ _tag: "Project", project })
        : unauthorized(ctx)
    }
    case "domain": {
      if (!isRecord(scope.domain)) return stop(http.expecting(ctx.baseUrl, "id or name", "domain"))
      const domain = ctx.dir.domainByRef(scope.domain)
      return domain !== undefined && domain.enabled !== false ? ok({ _tag: "Domain", domain }) : unauthorized(ctx)
    }
    case "system": {
      const system = scope.system
      return isRecord(system) && system.all === true ? ok({ _tag: "System" }) : unauthorized(ctx)
    }
    case "OS-TRUST:trust": {
      const ref = scope["OS-TRUST:trust"]
      if (!isRecord(ref) || typeof ref.id !== "string") return stop(http.expecting(ctx.baseUrl, "id", "trust"))
      const trust = ctx.dir.trust(ref.id)
      return trust === undefined ? unauthorized(ctx) : ok({ _tag: "Trust", trust })
    }
  }
}

interface Grant {
  readonly userId: string
  readonly scope: TokenScope
  readonly roleIds: ReadonlyArray<string>
  readonly trustId?: string
  readonly applicationCredentialId?: string
}

const idsOf = (roles: ReadonlyArray<Seed.Role>) => roles.map((r) => r.id)

/** What the token will be scoped to and which roles it carries; no role there is a 401. */
const grant = (ctx: Ctx, auth: Authenticated, request: ScopeRequest): Step<Grant> => {
  const { dir } = ctx
  if (auth.applicationCredential !== undefined) {
    const cred = auth.applicationCredential
    const project = dir.project(cred.projectId)
    if (project === undefined || !dir.projectEnabled(project)) return unauthorized(ctx)
    const held = idsOf(dir.rolesOn(auth.userId, { _tag: "Project", projectId: project.id }))
    const roleIds = cred.roles === undefined ? held : idsOf(dir.rolesByRefs(cred.roles)).filter((id) => held.includes(id))
    return roleIds.length === 0
      ? unauthorized(ctx)
      : ok({ userId: auth.userId, scope: { _tag: "Project", projectId: project.id }, roleIds, applicationCredentialId: cred.id })
  }
  const scoped = (scope: Extract<TokenScope, { readonly _tag: "Project" | "Domain" | "System" }>): Step<Grant> => {
    const roleIds = idsOf(dir.rolesOn(auth.userId, scope))
    return roleIds.length === 0 ? unauthorized(ctx) : ok({ userId: auth.userId, scope, roleIds })
  }
  switch (request._tag) {
    case "Unscoped":
      return ok({ userId: auth.userId, scope: { _tag: "Unscoped" }, roleIds: [] })
    case "Project":
      return scoped({ _tag: "Project", projectId: request.project.id })
    case "Domain":
      return scoped({ _tag: "Domain", domainId: request.domain.id })
    case "System":
      return scoped({ _tag: "System" })
    case "Trust": {
      const trust = request.trust
      if (trust.trusteeUserId !== auth.userId) return stop(http.viewError(ctx.baseUrl, 403))
      const trustor = dir.user(trust.trustorUserId)
      const project = dir.project(trust.projectId)
      if (trustor === undefined || !dir.userEnabled(trustor) || project === undefined || !dir.projectEnabled(project)) {
        return unauthorized(ctx)
      }
      const held = idsOf(dir.rolesOn(trustor.id, { _tag: "Project", projectId: project.id }))
      const roleIds = idsOf(dir.rolesByRefs(trust.roles)).filter((id) => held.includes(id))
      if (roleIds.length === 0) return unauthorized(ctx)
      return ok({
        userId: trust.impersonation === true ? trustor.id : auth.userId,
        scope: { _tag: "Project", projectId: project.id },
        roleIds,
        trustId: trust.id
      })
    }
    case "Default": {
      const user = dir.user(auth.userId)!
      const project = user.defaultProjectId === undefined ? undefined : dir.project(user.defaultProjectId)
      const roleIds = project === undefined || !dir.projectEnabled(project)
        ? []
        : idsOf(dir.rolesOn(user.id, { _tag: "Project", projectId: project.id }))
      return ok(
        project !== undefined && roleIds.length > 0
          ? { userId: user.id, scope: { _tag: "Project", projectId: project.id }, roleIds }
          : { userId: user.id, scope: { _tag: "Unscoped" }, roleIds: [] }
      )
    }
  }
}

// ---------------------------------------------------------------------------
// POST /v3/auth/tokens
// ---------------------------------------------------------------------------

/** @internal */
export const unique = (xs: ReadonlyArray<string>) => [...new Set(xs)]

/** MFA: when the user has rules, the methods used must satisfy one of them. */
const mfaRequired = (ctx: Ctx, auth: Authenticated, used: ReadonlyArray<string>) => {
  const rules = ctx.dir.user(auth.userId)?.mfaRules ?? []
  if (rules.length === 0 || used.includes("application_credential")) return undefined
  return rules.some((rule) => rule.every((m) => used.includes(m))) ? undefined : rules
}

export const issue: Handler = (req, ctx) =>
  Either.merge(Either.gen(function*() {
    const body = req.body === undefined || req.body.trim() === "" ? {} : jsonBody(req)
    if (!isRecord(body)) return yield* stop(http.expecting(ctx.baseUrl, "valid JSON", "request body"))
    const auth = body.auth
    if (auth === undefined) return yield* stop(http.expecting(ctx.baseUrl, "auth", "request body"))
    if (!isRecord(auth)) return yield* schemaError(ctx, "auth", `${repr(auth)} is not of type 'object'`)
    const identity = auth.identity
    if (identity === undefined) return yield* schemaError(ctx, "auth", "'identity' is a required property")
    if (!isRecord(identity)) return yield* schemaError(ctx, "identity", `${repr(identity)} is not of type 'object'`)
    const requested = identity.methods
    if (requested === undefined) return yield* schemaError(ctx, "identity", "'methods' is a required property")
    if (!Array.isArray(requested) || !requested.every((m) => typeof m === "string")) {
      return yield* schemaError(ctx, "identity/methods", `${repr(requested)} is not of type 'array'`)
    }
    if (requested.length === 0) return yield* unauthorized(ctx)
    for (const m of requested) {
      if (!isRecord(identity[m])) return yield* stop(http.expecting(ctx.baseUrl, m, "identity"))
    }
    const scopeRequest = yield* parseScope(ctx, auth.scope)
    if (requested.includes("application_credential") && scopeRequest._tag !== "Default") {
      return yield* stop(http.viewError(
        ctx.baseUrl,
        401,
        "Error authenticating with application credential: Application credentials cannot request a scope.",
        {}
      ))
    }

    const receiptId = req.headers["openstack-auth-receipt"]
    const receipt = receiptId === undefined ? undefined : ctx.tokens.receipt(receiptId, ctx.now)
    if (receiptId !== undefined && receipt === undefined) return yield* unauthorized(ctx)

    const results: Array<Authenticated> = []
    for (const m of unique(requested)) {
      const method = methods[m]
      if (method === undefined) {
        return yield* stop(http.viewError(
          ctx.baseUrl,
          401,
          "Attempted to authenticate with an unsupported method.",
          { methods: Object.keys(methods) }
        ))
      }
      results.push(yield* method(ctx, identity[m] as Record<string, unknown>))
    }
    const userId = receipt?.userId ?? results[0]!.userId
    if (results.some((r) => r.userId !== userId)) return yield* unauthorized(ctx)
    const parent = results.find((r) => r.parent !== undefined)?.parent
    const applicationCredential = results.find((r) => r.applicationCredential !== undefined)?.applicationCredential
    const authn: Authenticated = {
      userId,
      ...(parent === undefined ? {} : { parent }),
      ...(applicationCredential === undefined ? {} : { applicationCredential })
    }
    const used = unique([...(receipt?.methods ?? []), ...(parent?.methods ?? []), ...requested])

    const required = mfaRequired(ctx, authn, used)
    if (required !== undefined) {
      const r = ctx.tokens.createReceipt({
        userId,
        methods: used,
        issuedAt: wholeSeconds(ctx.now),
        expiresAt: wholeSeconds(ctx.now + ctx.settings.receiptLifetimeMillis)
      })
      return http.v3Json(401, render.receipt(ctx.dir, r, required), { "openstack-auth-receipt": r.id })
    }

    const g = yield* grant(ctx, authn, scopeRequest)
    const audit = ids.auditId()
    const issued = ctx.tokens.issue({
      userId: g.userId,
      methods: used,
      scope: g.scope,
      roleIds: g.roleIds,
      issuedAt: wholeSeconds(ctx.now),
      expiresAt: parent?.expiresAt ?? wholeSeconds(ctx.now + ctx.settings.tokenLifetimeMillis),
      auditIds: parent === undefined ? [audit] : [audit, parent.auditIds[parent.auditIds.length - 1]!],
      ...(g.trustId === undefined ? {} : { trustId: g.trustId }),
      ...(g.applicationCredentialId === undefined ? {} : { applicationCredentialId: g.applicationCredentialId })
    })
    const body201 = render.v3Token(ctx.dir, issued, !req.url.searchParams.has("nocatalog"))
    return http.v3Json(201, body201, { "x-subject-token": issued.id })
  }))

// ---------------------------------------------------------------------------
// GET, HEAD, DELETE /v3/auth/tokens
// ---------------------------------------------------------------------------

export const validate: Handler = (req, ctx) =>
  Either.merge(Either.gen(function*() {
    const who = yield* caller(req, ctx)
    const action = req.method.toUpperCase() === "HEAD" ? "identity:check_token" : "identity:validate_token"
    const token = yield* target(req, ctx, who, action, boolParam(req, "allow_expired"))
    const body = render.v3Token(ctx.dir, token, !req.url.searchParams.has("nocatalog"))
    return http.v3Json(200, body, { "x-subject-token": token.id })
  }))

export const revoke: Handler = (req, ctx) =>
  Either.merge(Either.gen(function*() {
    const who = yield* caller(req, ctx)
    const token = yield* target(req, ctx, who, "identity:revoke_token", false)
    ctx.tokens.revoke(token.id, ctx.now)
    return http.noContent()
  }))
