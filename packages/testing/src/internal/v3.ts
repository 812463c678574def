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
import type { Authenticated } from "./v3Methods.js"
import { methods, schemaError, subject, unauthorized } from "./v3Methods.js"

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
  // a federated user's roles include those of the groups it was mapped to
  const groupIds = auth.federated?.federation?.groupIds
  const scoped = (scope: Extract<TokenScope, { readonly _tag: "Project" | "Domain" | "System" }>): Step<Grant> => {
    const roleIds = idsOf(dir.rolesOn(auth.userId, scope, groupIds))
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
        : idsOf(dir.rolesOn(user.id, { _tag: "Project", projectId: project.id }, groupIds))
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
    const federated = results.find((r) => r.federated !== undefined)?.federated
    const applicationCredential = results.find((r) => r.applicationCredential !== undefined)?.applicationCredential
    const authn: Authenticated = {
      userId,
      ...(parent === undefined ? {} : { parent }),
      ...(federated === undefined ? {} : { federated }),
      ...(applicationCredential === undefined ? {} : { applicationCredential })
    }
    const used = unique([...(receipt?.methods ?? []), ...(parent ?? federated)?.methods ?? [], ...requested])

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
      ...(g.applicationCredentialId === undefined ? {} : { applicationCredentialId: g.applicationCredentialId }),
      ...(federated?.federation === undefined ? {} : { federation: federated.federation })
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
