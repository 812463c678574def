/**
 * Keystone v2.0 token API (Newton–Pike): POST /v2.0/tokens and the admin
 * calls on /v2.0/tokens/{id}. Only the default domain exists for v2.0.
 */
import * as Either from "effect/Either"
import type { Seed } from "../KeystoneSim.js"
import type { Ctx, Step } from "./context.js"
import { isRecord, jsonBody, ok, roleNames, stop } from "./context.js"
import * as http from "./http.js"
import * as ids from "./ids.js"
import * as render from "./render.js"
import type { TokenRecord, TokenScope } from "./tokens.js"
import { wholeSeconds } from "./tokens.js"
import type { SimRequest, SimResponse } from "./http.js"

const DEFAULT_DOMAIN = "default"

const fail = (ctx: Ctx, status: number, message?: string) => stop(http.v2Error(ctx.baseUrl, status, message))

const expecting = (ctx: Ctx, attribute: string, target: string) =>
  fail(ctx, 400, `Expecting to find ${attribute} in ${target}. ${http.messages[400]}`)

const inDefaultDomain = (ctx: Ctx, user: Seed.User | undefined): user is Seed.User =>
  user !== undefined && user.domainId === DEFAULT_DOMAIN && ctx.dir.userEnabled(user)

const authenticate = (ctx: Ctx, auth: Record<string, unknown>): Step<{ userId: string; parent?: TokenRecord }> => {
  const credentials = auth.passwordCredentials
  if (isRecord(credentials)) {
    if (typeof credentials.password !== "string") return expecting(ctx, "password", "passwordCredentials")
    if (credentials.userId === undefined && credentials.username === undefined) {
      return expecting(ctx, "username or userId", "passwordCredentials")
    }
    const user = typeof credentials.userId === "string"
      ? ctx.dir.user(credentials.userId)
      : typeof credentials.username === "string"
      ? ctx.dir.userByName(credentials.username, DEFAULT_DOMAIN)
      : undefined
    return inDefaultDomain(ctx, user) && user.password === credentials.password
      ? ok({ userId: user.id })
      : fail(ctx, 401)
  }
  if (isRecord(auth.token)) {
    if (typeof auth.token.id !== "string") return expecting(ctx, "id", "token")
    const found = ctx.tokens.lookup(auth.token.id, ctx.now)
    if (found._tag !== "Valid" || !inDefaultDomain(ctx, ctx.dir.user(found.token.userId))) return fail(ctx, 401)
    if (found.token.trustId !== undefined || found.token.applicationCredentialId !== undefined) return fail(ctx, 403)
    return ok({ userId: found.token.userId, parent: found.token })
  }
  return expecting(ctx, "passwordCredentials or token", "auth")
}

const tenant = (ctx: Ctx, auth: Record<string, unknown>): Step<Seed.Project | undefined> => {
  if (auth.tenantName === undefined && auth.tenantId === undefined) return ok(undefined)
  // tenantName wins when both are given, as in Keystone
  const project = typeof auth.tenantName === "string"
    ? ctx.dir.projectByName(auth.tenantName, DEFAULT_DOMAIN)
    : typeof auth.tenantId === "string"
    ? ctx.dir.project(auth.tenantId)
    : undefined
  return project !== undefined && project.domainId === DEFAULT_DOMAIN && ctx.dir.projectEnabled(project)
    ? ok(project)
    : fail(ctx, 401)
}

/** POST /v2.0/tokens → 200 `{ access }`. */
export const issue = (req: SimRequest, ctx: Ctx): SimResponse =>
  Either.merge(Either.gen(function*() {
    const body = jsonBody(req)
    if (!isRecord(body) || !isRecord(body.auth)) return yield* expecting(ctx, "auth", "request body")
    const { parent, userId } = yield* authenticate(ctx, body.auth)
    const project = yield* tenant(ctx, body.auth)
    const roleIds = project === undefined
      ? []
      : ctx.dir.rolesOn(userId, { _tag: "Project", projectId: project.id }).map((r) => r.id)
    if (project !== undefined && roleIds.length === 0) return yield* fail(ctx, 401)
    const scope: TokenScope = project === undefined ? { _tag: "Unscoped" } : { _tag: "Project", projectId: project.id }
    const audit = ids.auditId()
    const token = ctx.tokens.issue({
      userId,
      methods: parent === undefined ? ["password"] : ["token", ...parent.methods.filter((m) => m !== "token")],
      scope,
      roleIds,
      issuedAt: wholeSeconds(ctx.now),
      expiresAt: parent?.expiresAt ?? wholeSeconds(ctx.now + ctx.settings.tokenLifetimeMillis),
      auditIds: parent === undefined ? [audit] : [audit, parent.auditIds[parent.auditIds.length - 1]!]
    })
    return http.v2Json(200, render.v2Access(ctx.dir, token))
  }))

/** The admin caller (`X-Auth-Token`) and the token named in the path. */
const adminCall = (req: SimRequest, ctx: Ctx, tokenId: string): Step<TokenRecord> =>
  Either.gen(function*() {
    const callerId = req.headers["x-auth-token"]
    const found = callerId === undefined ? undefined : ctx.tokens.lookup(callerId, ctx.now)
    if (found?._tag !== "Valid") return yield* fail(ctx, 401)
    if (!roleNames(ctx, found.token).includes("admin")) {
      return yield* fail(ctx, 403, "You are not authorized to perform the requested action: admin_required.")
    }
    const target = ctx.tokens.lookup(tokenId, ctx.now)
    // Keystone says "Could not find token: <id>."; the simulator never echoes token ids.
    if (target._tag !== "Valid") return yield* fail(ctx, 404, "Could not find token.")
    const t = target.token
    const v2able = t.scope._tag === "Unscoped" ||
      (t.scope._tag === "Project" && ctx.dir.project(t.scope.projectId)?.domainId === DEFAULT_DOMAIN)
    if (!v2able || ctx.dir.user(t.userId)?.domainId !== DEFAULT_DOMAIN) return yield* fail(ctx, 401)
    return t
  })

/** GET and HEAD /v2.0/tokens/{id}, with `?belongsTo=<tenantId>`. */
export const validate = (tokenId: string) => (req: SimRequest, ctx: Ctx): SimResponse =>
  Either.merge(Either.gen(function*() {
    const token = yield* adminCall(req, ctx, tokenId)
    const belongsTo = req.url.searchParams.get("belongsTo")
    if (belongsTo !== null && (token.scope._tag !== "Project" || token.scope.projectId !== belongsTo)) {
      return yield* fail(ctx, 401)
    }
    return http.v2Json(200, render.v2Access(ctx.dir, token))
  }))

/** DELETE /v2.0/tokens/{id} → 204. */
export const revoke = (tokenId: string) => (req: SimRequest, ctx: Ctx): SimResponse =>
  Either.merge(Either.gen(function*() {
    const token = yield* adminCall(req, ctx, tokenId)
    ctx.tokens.revoke(token.id, ctx.now)
    return http.noContent("No Content")
  }))

/** GET /v2.0/tokens/{id}/endpoints → a flat list, `{}` when unscoped. */
export const endpoints = (tokenId: string) => (req: SimRequest, ctx: Ctx): SimResponse =>
  Either.merge(Either.gen(function*() {
    const token = yield* adminCall(req, ctx, tokenId)
    if (token.scope._tag !== "Project") return http.v2Json(200, {})
    const flat = ctx.dir.catalogV2(token.scope.projectId).flatMap((service) =>
      service.endpoints.map((e) => ({ ...e, name: service.name, type: service.type }))
    )
    return http.v2Json(200, { endpoints: flat, endpoints_links: [] })
  }))
