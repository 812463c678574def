/**
 * What `issue`, `validate` and `catalog` print: tokens and catalogs as flat
 * records of named fields.
 *
 * @since 0.1.0
 */
import type { Catalog, Token } from "@effect-keystone/schema"
import * as DateTime from "effect/DateTime"
import * as Option from "effect/Option"
import * as Redacted from "effect/Redacted"
import type { Value } from "./Output.js"

/**
 * Every field a token record has (absent ones are `null`), sorted as
 * `openstack` sorts them.
 *
 * @since 0.1.0
 * @category token
 */
export const tokenColumns: ReadonlyArray<string> = [
  "application_credential_id",
  "audit_ids",
  "domain_id",
  "domain_name",
  "expires",
  "id",
  "issued_at",
  "methods",
  "project_domain_id",
  "project_id",
  "project_name",
  "roles",
  "system",
  "trust_id",
  "user_domain_id",
  "user_id",
  "user_name"
]

const time = (t: Option.Option<DateTime.Utc>): string | null =>
  Option.match(t, { onNone: () => null, onSome: (d) => DateTime.formatIso(d).replace(/\.000Z$/, "Z") })

const scopeFields = (scope: Token.Token["scope"]): Record<string, Value> => {
  switch (scope._tag) {
    case "Project":
      return { project_id: scope.id, project_name: scope.name, project_domain_id: scope.domain?.id ?? null }
    case "Domain":
      return { domain_id: scope.id, domain_name: scope.name }
    case "System":
      return { system: scope.all ? "all" : null }
    case "Trust":
      return {
        trust_id: scope.id,
        project_id: scope.project?.id ?? null,
        project_name: scope.project?.name ?? null,
        project_domain_id: scope.project?.domain?.id ?? null
      }
    case "Unscoped":
      return {}
  }
}

/**
 * A token as a record. The id is revealed here, and printed only when a
 * command's columns include it.
 *
 * @since 0.1.0
 * @category token
 */
export const token = (t: Token.Token): Record<string, Value> => ({
  ...Object.fromEntries(tokenColumns.map((c) => [c, null])),
  application_credential_id: t.applicationCredential?.id ?? null,
  audit_ids: t.auditIds,
  expires: time(t.expiresAt),
  id: Redacted.value(t.id),
  issued_at: time(t.issuedAt),
  methods: t.methods,
  roles: t.roles.map((r) => r.name),
  user_domain_id: t.user.domain?.id ?? null,
  user_id: t.user.id,
  user_name: t.user.name,
  ...scopeFields(t.scope)
})

/**
 * The fields that say what a token is scoped to, for default output.
 *
 * @since 0.1.0
 * @category token
 */
export const scopeColumns = (t: Token.Token): ReadonlyArray<string> => {
  switch (t.scope._tag) {
    case "Project":
      return ["project_id"]
    case "Domain":
      return ["domain_id"]
    case "System":
      return ["system"]
    case "Trust":
      return t.scope.project === null ? ["trust_id"] : ["project_id", "trust_id"]
    case "Unscoped":
      return []
  }
}

/**
 * `issue`'s default columns, as `openstack token issue`: expires, id, the
 * scope (project_id, domain_id or system) and user_id.
 *
 * @since 0.1.0
 * @category token
 */
export const issueDefaults = (t: Token.Token): ReadonlyArray<string> =>
  [...new Set(["expires", "id", ...scopeColumns(t), "user_id"])].sort()

/**
 * `validate`'s default columns: everything `issue` shows but the id, plus
 * roles and methods.
 *
 * @since 0.1.0
 * @category token
 */
export const validateDefaults = (t: Token.Token): ReadonlyArray<string> =>
  [...new Set(["expires", "methods", ...scopeColumns(t), "roles", "user_id"])].sort()

/**
 * Every column of a catalog record.
 *
 * @since 0.1.0
 * @category catalog
 */
export const catalogColumns: ReadonlyArray<string> = ["type", "name", "interface", "region", "url", "id", "service_id"]

/**
 * @since 0.1.0
 * @category catalog
 */
export const catalogDefaults: ReadonlyArray<string> = ["type", "name", "interface", "region", "url"]

const interfaceOrder = { public: 0, internal: 1, admin: 2 } as const

/**
 * One record per endpoint, sorted by type, name, region and interface.
 *
 * @since 0.1.0
 * @category catalog
 */
export const catalog = (c: Catalog.Catalog): ReadonlyArray<Record<string, Value>> =>
  c.services
    .flatMap((s) =>
      s.endpoints.map((e) => ({
        type: s.type,
        name: s.name,
        interface: e.interface,
        region: e.region,
        url: e.url,
        id: e.id,
        service_id: s.id
      }))
    )
    .sort((a, b) =>
      a.type.localeCompare(b.type) ||
      a.name.localeCompare(b.name) ||
      (a.region ?? "").localeCompare(b.region ?? "") ||
      interfaceOrder[a.interface] - interfaceOrder[b.interface]
    )
