/**
 * Keystone v3 listings: GET /v3/auth/{catalog,projects,domains,system} and
 * GET /v3/OS-REVOKE/events.
 */
import * as Either from "effect/Either"
import type { Ctx, Handler } from "./context.js"
import { roleNames, stop } from "./context.js"
import * as http from "./http.js"
import * as render from "./render.js"
import type { TokenRecord } from "./tokens.js"
import { caller, unique } from "./v3.js"

// ---------------------------------------------------------------------------
// GET /v3/auth/{catalog,projects,domains,system}
// ---------------------------------------------------------------------------

const listLinks = (ctx: Ctx, path: string) => ({ next: null, self: `${ctx.baseUrl}/v3/auth/${path}`, previous: null })

/** The ids of what the caller's user (and a federated caller's groups) hold roles on, without repeats. */
const assignedIds = (ctx: Ctx, who: TokenRecord, key: "projectId" | "domainId") =>
  unique(ctx.dir.assignmentsOf(who.userId, who.federation?.groupIds).flatMap((a) => {
    const id = a[key]
    return id === undefined ? [] : [id]
  }))

export const catalog: Handler = (req, ctx) =>
  Either.merge(Either.gen(function*() {
    const who = yield* caller(req, ctx)
    if (who.scope._tag !== "Project") return http.viewError(ctx.baseUrl, 403)
    return http.v3Listing({
      catalog: ctx.dir.catalogV3(who.scope.projectId),
      links: { self: `${ctx.baseUrl}/v3/auth/catalog` }
    })
  }))

export const projects: Handler = (req, ctx) =>
  Either.merge(Either.gen(function*() {
    const who = yield* caller(req, ctx)
    const projects = assignedIds(ctx, who, "projectId").flatMap((id) => {
      const p = ctx.dir.project(id)
      return p === undefined || !ctx.dir.projectEnabled(p) ? [] : [{
        id: p.id,
        name: p.name,
        domain_id: p.domainId,
        description: p.description ?? "",
        enabled: true,
        parent_id: p.domainId,
        is_domain: false,
        tags: [],
        options: {},
        links: { self: `${ctx.baseUrl}/v3/projects/${p.id}` }
      }]
    })
    return http.v3Listing({ projects, links: listLinks(ctx, "projects") })
  }))

export const domains: Handler = (req, ctx) =>
  Either.merge(Either.gen(function*() {
    const who = yield* caller(req, ctx)
    const domains = assignedIds(ctx, who, "domainId").flatMap((id) => {
      const d = ctx.dir.domain(id)
      return d === undefined || d.enabled === false ? [] : [{
        id: d.id,
        name: d.name,
        description: d.description ?? "",
        enabled: true,
        tags: [],
        options: {},
        links: { self: `${ctx.baseUrl}/v3/domains/${d.id}` }
      }]
    })
    return http.v3Listing({ domains, links: listLinks(ctx, "domains") })
  }))

export const system: Handler = (req, ctx) =>
  Either.merge(Either.gen(function*() {
    const who = yield* caller(req, ctx)
    const held = ctx.dir.rolesOn(who.userId, { _tag: "System" }, who.federation?.groupIds).length > 0
    return http.v3Listing({ system: held ? [{ all: true }] : [], links: { self: `${ctx.baseUrl}/v3/auth/system` } })
  }))

// ---------------------------------------------------------------------------
// GET /v3/OS-REVOKE/events
// ---------------------------------------------------------------------------

/** What `oslo_utils.timeutils.parse_isotime` accepts (the `iso8601` package), as UTC epoch millis. */
const isoTime = /^(\d{4})-?(\d\d)-?(\d\d)(?:[T ](\d\d):?(\d\d)(?::?(\d\d)(?:[.,](\d+))?)?)?(Z|[+-]\d\d(?::?\d\d)?)?$/i

const parseIsoTime = (text: string): number | undefined => {
  const m = isoTime.exec(text)
  if (m === null) return undefined
  const [, y, mo, d, h = "00", mi = "00", s = "00", fraction = "", zone = "Z"] = m
  const offset = zone.toUpperCase() === "Z" ? "Z" : `${zone.slice(0, 3)}:${zone.slice(3).replace(":", "") || "00"}`
  const millis = Date.parse(`${y}-${mo}-${d}T${h}:${mi}:${s}.${fraction.padEnd(3, "0").slice(0, 3)}${offset}`)
  return Number.isNaN(millis) ? undefined : millis
}

/** Keystone's policy `identity:list_revoke_events`: `rule:service_or_admin`. */
export const revokeEvents: Handler = (req, ctx) =>
  Either.merge(Either.gen(function*() {
    const who = yield* caller(req, ctx)
    const roles = roleNames(ctx, who)
    if (!roles.includes("admin") && !roles.includes("service")) {
      return yield* stop(http.forbiddenAction(ctx.baseUrl, "identity:list_revoke_events"))
    }
    const since = req.url.searchParams.get("since") ?? ""
    const after = since === "" ? undefined : parseIsoTime(since)
    if (since !== "" && after === undefined) {
      return yield* stop(http.viewError(ctx.baseUrl, 400, `invalidate date format ${since}`))
    }
    const events = ctx.tokens.events(after).map((e) => ({
      user_id: e.userId,
      audit_id: e.auditId,
      issued_before: render.timestamp(e.issuedBefore),
      revoked_at: render.timestamp(e.revokedAt)
    }))
    return http.v3Listing({
      events,
      links: { next: null, self: `${ctx.baseUrl}/v3/OS-REVOKE/events`, previous: null }
    })
  }))
