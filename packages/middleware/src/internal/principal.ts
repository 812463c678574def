/**
 * A validated `Token` as a `Principal`, and its JSON view.
 *
 * @internal
 */
import type { Token } from "@effect-keystone/schema"
import * as DateTime from "effect/DateTime"
import * as Option from "effect/Option"
import type { Identity, Principal } from "../Identity.js"

/** @internal */
export const fromToken = (token: Token.Token, options?: { readonly catalog?: boolean | undefined }): Principal => {
  const scope = token.scope
  const project = scope._tag === "Project"
    ? { id: scope.id, name: scope.name, domain: scope.domain }
    : scope._tag === "Trust"
    ? scope.project
    : null
  return {
    version: token.version,
    user: token.user,
    scope,
    project,
    domain: scope._tag === "Domain" ? { id: scope.id, name: scope.name } : null,
    system: scope._tag === "System" && scope.all ? "all" : null,
    roles: token.roles.map((r) => r.name),
    roleIds: token.roles.flatMap((r) => r.id === null ? [] : [r.id]),
    applicationCredential: token.applicationCredential ?? null,
    trust: scope._tag === "Trust"
      ? {
        id: scope.id,
        impersonation: scope.impersonation,
        trusteeUserId: scope.trusteeUserId,
        trustorUserId: scope.trustorUserId
      }
      : null,
    auditIds: token.auditIds,
    methods: token.methods,
    issuedAt: token.issuedAt,
    expiresAt: token.expiresAt,
    isAdminProject: token.isAdminProject ?? true,
    catalog: options?.catalog === true && token.catalog.services.length > 0 ? token.catalog : null
  }
}

const iso = (time: Option.Option<DateTime.Utc>): string | null =>
  Option.match(time, { onNone: () => null, onSome: DateTime.formatIso })

const principalJson = (p: Principal): Record<string, unknown> => ({
  version: p.version,
  user: p.user,
  project: p.project,
  domain: p.domain,
  system: p.system,
  roles: p.roles,
  applicationCredential: p.applicationCredential,
  trust: p.trust,
  auditIds: p.auditIds,
  methods: p.methods,
  issuedAt: iso(p.issuedAt),
  expiresAt: iso(p.expiresAt),
  isAdminProject: p.isAdminProject
})

/** @internal */
export const toJson = (identity: Principal | Identity): Record<string, unknown> =>
  "service" in identity
    ? { ...principalJson(identity), service: identity.service === null ? null : principalJson(identity.service) }
    : principalJson(identity)
