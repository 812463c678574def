/**
 * What a token is for: a project, a domain, the system, a trust, or nothing.
 *
 * @since 0.1.0
 */
import type { DomainRef } from "./Credentials.js"

/**
 * @since 0.1.0
 * @category models
 */
export type AuthScope =
  | { readonly _tag: "Project"; readonly id: string; readonly name?: never; readonly domain?: never }
  | { readonly _tag: "Project"; readonly name: string; readonly domain: DomainRef; readonly id?: never }
  | { readonly _tag: "Domain"; readonly id: string; readonly name?: never }
  | { readonly _tag: "Domain"; readonly name: string; readonly id?: never }
  | { readonly _tag: "System" }
  | { readonly _tag: "Trust"; readonly id: string }
  | { readonly _tag: "Unscoped" }
  | { readonly _tag: "Tenant"; readonly name: string }

/**
 * A project by id, or by name within a domain.
 *
 * @since 0.1.0
 * @category constructors
 */
export const project = (
  input:
    | { readonly id: string; readonly name?: never; readonly domain?: never }
    | { readonly name: string; readonly domain: DomainRef; readonly id?: never }
): AuthScope => ({ _tag: "Project", ...input } as AuthScope)

/**
 * A domain by id or by name.
 *
 * @since 0.1.0
 * @category constructors
 */
export const domain = (
  input: { readonly id: string; readonly name?: never } | { readonly name: string; readonly id?: never }
): AuthScope =>
  "id" in input ? { _tag: "Domain", id: input.id } : { _tag: "Domain", name: input.name }

/**
 * The whole deployment (`system: { all: true }`).
 *
 * @since 0.1.0
 * @category constructors
 */
export const system = (): AuthScope => ({ _tag: "System" })

/**
 * @since 0.1.0
 * @category constructors
 */
export const trust = (input: { readonly id: string }): AuthScope => ({ _tag: "Trust", id: input.id })

/**
 * Explicitly unscoped (v3 `"scope": "unscoped"`), even if the user has a default project.
 *
 * @since 0.1.0
 * @category constructors
 */
export const unscoped = (): AuthScope => ({ _tag: "Unscoped" })

/**
 * v2.0 only: a tenant by name (Keystone looks it up in the default domain).
 * For a tenant by id use `project({ id })`.
 *
 * @since 0.1.0
 * @category constructors
 */
export const tenant = (input: { readonly name: string }): AuthScope => ({ _tag: "Tenant", name: input.name })

/**
 * A description of the scope without secrets, for cache keys and logs.
 * Omitted scope is `default`.
 *
 * @since 0.1.0
 * @category getters
 */
export const describe = (scope: AuthScope | undefined): string => {
  if (scope === undefined) return "default"
  switch (scope._tag) {
    case "Project":
      return "id" in scope
        ? `project:id=${scope.id}`
        : `project:name=${scope.name}@${scope.domain.id !== undefined ? `id=${scope.domain.id}` : `name=${scope.domain.name}`}`
    case "Domain":
      return "id" in scope ? `domain:id=${scope.id}` : `domain:name=${scope.name}`
    case "System":
      return "system:all"
    case "Trust":
      return `trust:id=${scope.id}`
    case "Unscoped":
      return "unscoped"
    case "Tenant":
      return `tenant:name=${scope.name}`
  }
}
