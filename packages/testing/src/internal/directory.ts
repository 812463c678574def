/**
 * Lookups over a seed: who is who, who holds which roles where, and the
 * catalog rendered for a project in both API versions.
 */
import type { Seed } from "../KeystoneSim.js"

export type Target =
  | { readonly _tag: "Project"; readonly projectId: string }
  | { readonly _tag: "Domain"; readonly domainId: string }
  | { readonly _tag: "System" }

/** `{ id }` or `{ name }` as sent in a request; anything else finds nothing. */
export type Ref = unknown

const placeholder = /[$%]\((project_id|tenant_id)\)s/g

const isRecord = (u: unknown): u is Record<string, unknown> => typeof u === "object" && u !== null && !Array.isArray(u)

const byId = <A extends { readonly id: string }>(items: ReadonlyArray<A>): Map<string, A> =>
  new Map(items.map((item) => [item.id, item]))

export interface V3Endpoint {
  readonly id: string
  readonly interface: string
  readonly region_id: string
  readonly url: string
  readonly region: string
}

export interface V3Service {
  readonly endpoints: ReadonlyArray<V3Endpoint>
  readonly id: string
  readonly type: string
  readonly name: string
}

export interface V2Endpoint {
  readonly id: string
  readonly region: string
  readonly publicURL?: string
  readonly internalURL?: string
  readonly adminURL?: string
}

export interface V2Service {
  readonly endpoints: ReadonlyArray<V2Endpoint>
  readonly endpoints_links: ReadonlyArray<never>
  readonly type: string
  readonly name: string
}

export const make = (seed: Seed) => {
  const domains = byId(seed.domains)
  const projects = byId(seed.projects)
  const users = byId(seed.users)
  const roles = byId(seed.roles)
  const groups = byId(seed.groups ?? [])
  const identityProviders = byId(seed.identityProviders ?? [])
  const appCreds = byId(seed.applicationCredentials)
  const trusts = byId(seed.trusts ?? [])
  const implied = seed.impliedRoles ?? []
  // federated logins add users, projects and assignments (see federation.ts)
  const assignments: Array<Seed.Assignment> = [...seed.assignments]

  const domainByRef = (ref: Ref): Seed.Domain | undefined => {
    if (!isRecord(ref)) return undefined
    if (typeof ref.id === "string") return domains.get(ref.id)
    if (typeof ref.name === "string") return seed.domains.find((d) => d.name === ref.name)
    return undefined
  }

  const domainEnabled = (domainId: string) => domains.get(domainId)?.enabled !== false

  const userEnabled = (user: Seed.User) => user.enabled !== false && domainEnabled(user.domainId)

  const projectEnabled = (project: Seed.Project) => project.enabled !== false && domainEnabled(project.domainId)

  const userByName = (name: string, domainId: string) =>
    [...users.values()].find((u) => u.name === name && u.domainId === domainId)

  const projectByName = (name: string, domainId: string) =>
    [...projects.values()].find((p) => p.name === name && p.domainId === domainId)

  /** Ids or names, in order, unknown ones dropped. */
  const rolesByRefs = (refs: ReadonlyArray<string>): Array<Seed.Role> =>
    refs.flatMap((r) => {
      const role = roles.get(r) ?? seed.roles.find((x) => x.name === r)
      return role === undefined ? [] : [role]
    })

  /** A group by id, else by name (in `domainId` first). */
  const groupByRef = (ref: string, domainId: string): Seed.Group | undefined => {
    const named = [...groups.values()].filter((g) => g.name === ref)
    return groups.get(ref) ?? named.find((g) => g.domainId === domainId) ?? named[0]
  }

  const withImplied = (direct: ReadonlyArray<string>): Array<Seed.Role> => {
    const ids = [...new Set(direct)]
    for (let i = 0; i < ids.length; i++) {
      for (const rule of implied) {
        if (rule.priorRoleId === ids[i] && !ids.includes(rule.impliedRoleId)) ids.push(rule.impliedRoleId)
      }
    }
    return rolesByRefs(ids)
  }

  const matches = (a: Seed.Assignment, target: Target) =>
    target._tag === "Project"
      ? a.projectId === target.projectId
      : target._tag === "Domain"
      ? a.domainId === target.domainId
      : a.system === true

  /** The user's assignments and those of the groups (a federated token's), in order. */
  const assignmentsOf = (userId: string, groupIds: ReadonlyArray<string> = []) =>
    assignments.filter((a) => a.userId === userId || (a.groupId !== undefined && groupIds.includes(a.groupId)))

  /** The user's effective roles on a target (with those of `groupIds`), implied roles included. */
  const rolesOn = (userId: string, target: Target, groupIds?: ReadonlyArray<string>): Array<Seed.Role> =>
    withImplied(assignmentsOf(userId, groupIds).filter((a) => matches(a, target)).map((a) => a.roleId))

  /** Adds or replaces a user (a federated user's shadow). */
  const shadow = (user: Seed.User) => void users.set(user.id, user)

  const addProject = (project: Seed.Project) => void projects.set(project.id, project)

  /** Grants a role, once. */
  const assign = (a: Seed.Assignment) => {
    const same = (b: Seed.Assignment) =>
      b.userId === a.userId && b.groupId === a.groupId && b.roleId === a.roleId && b.projectId === a.projectId &&
      b.domainId === a.domainId && b.system === a.system
    if (!assignments.some(same)) assignments.push(a)
  }

  const render = (url: string, projectId: string | undefined): string | undefined =>
    url.search(placeholder) === -1 ? url : projectId === undefined ? undefined : url.replace(placeholder, projectId)

  /** Keys in Keystone's order; a service whose every endpoint needs a project stays, with no endpoints. */
  const catalogV3 = (projectId: string | undefined): Array<V3Service> =>
    seed.catalog.map((service) => ({
      endpoints: service.endpoints.flatMap((e) => {
        const url = render(e.url, projectId)
        return url === undefined ? [] : [{ id: e.id, interface: e.interface, region_id: e.region, url, region: e.region }]
      }),
      id: service.id,
      type: service.type,
      name: service.name
    }))

  /** One endpoint per region with the three interface URLs in it. */
  const catalogV2 = (projectId: string): Array<V2Service> =>
    catalogV3(projectId).map((service) => {
      const regions = new Map<string, { id: string; region: string; [url: string]: string }>()
      for (const e of service.endpoints) {
        const entry = regions.get(e.region) ?? { id: e.id, region: e.region }
        if (e.interface === "public") entry.id = e.id
        entry[`${e.interface}URL`] = e.url
        regions.set(e.region, entry)
      }
      return { endpoints: [...regions.values()], endpoints_links: [], type: service.type, name: service.name }
    })

  const originOf = (url: string) => {
    try {
      return new URL(url).origin
    } catch {
      return undefined
    }
  }

  /** The catalog service (other than identity) whose endpoint URL prefixes `url`, else one with documents on its host. */
  const serviceAt = (url: string): Seed.Service | undefined =>
    seed.catalog.find((s) =>
      s.type !== "identity" &&
      s.endpoints.some((e) => {
        const prefix = e.url.split(placeholder)[0]!
        return prefix.length > 0 && url.startsWith(prefix)
      })
    ) ?? seed.catalog.find((s) =>
      s.type !== "identity" && s.documents !== undefined && s.documents.some((d) => originOf(d.url) === originOf(url))
    )

  return {
    seed,
    domain: (id: string) => domains.get(id),
    domainByRef,
    domainEnabled,
    project: (id: string) => projects.get(id),
    projectByName,
    projectEnabled,
    user: (id: string) => users.get(id),
    userByName,
    userEnabled,
    role: (id: string) => roles.get(id),
    rolesByRefs,
    rolesOn,
    assignmentsOf,
    groupByRef,
    identityProvider: (id: string) => identityProviders.get(id),
    /** Every protocol id some identity provider has. */
    protocols: () => [...new Set([...identityProviders.values()].flatMap((idp) => idp.protocols))],
    shadow,
    addProject,
    assign,
    appCred: (id: string) => appCreds.get(id),
    appCredByName: (name: string, userId: string) =>
      seed.applicationCredentials.find((c) => c.name === name && c.userId === userId),
    trust: (id: string) => trusts.get(id),
    catalogV3,
    catalogV2,
    serviceAt
  }
}

export type Directory = ReturnType<typeof make>
