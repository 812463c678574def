/**
 * Token bodies as Keystone writes them: v3 `{ token }`, v2.0 `{ access }`,
 * and the MFA receipt.
 */
import { Timestamp } from "@effect-keystone/schema"
import * as DateTime from "effect/DateTime"
import type { Directory } from "./directory.js"
import type { Receipt, TokenRecord } from "./tokens.js"

export const timestamp = (millis: number): string => Timestamp.format(DateTime.unsafeMake(millis))

const userRef = (dir: Directory, userId: string) => {
  const user = dir.user(userId)!
  const domain = dir.domain(user.domainId)!
  return { domain: { id: domain.id, name: domain.name }, id: user.id, name: user.name }
}

/** A federated token's roles are Keystone's whole role references. */
const roles = (dir: Directory, t: TokenRecord) =>
  t.roleIds.flatMap((id) => {
    const role = dir.role(id)
    if (role === undefined) return []
    return t.federation === undefined ? [{ id: role.id, name: role.name }] : [{
      id: role.id,
      name: role.name,
      domain_id: null,
      description: null,
      options: role.immutable === true ? { immutable: true } : {}
    }]
  })

/** The token's user: a federated one says where it came from, and has no password. */
const tokenUser = (dir: Directory, t: TokenRecord) => {
  const f = t.federation
  return f === undefined ? { ...userRef(dir, t.userId), password_expires_at: null } : {
    ...userRef(dir, t.userId),
    "OS-FEDERATION": {
      groups: f.groupIds.map((id) => ({ id })),
      identity_provider: { id: f.identityProviderId },
      protocol: { id: f.protocolId }
    }
  }
}

const projectRef = (dir: Directory, projectId: string) => {
  const project = dir.project(projectId)!
  const domain = dir.domain(project.domainId)!
  return { domain: { id: domain.id, name: domain.name }, id: project.id, name: project.name }
}

/** The body of POST and GET /v3/auth/tokens, keys in Keystone's order. */
export const v3Token = (dir: Directory, t: TokenRecord, includeCatalog: boolean) => {
  const token: Record<string, unknown> = {
    methods: t.methods,
    user: tokenUser(dir, t),
    audit_ids: t.auditIds,
    expires_at: timestamp(t.expiresAt),
    issued_at: timestamp(t.issuedAt)
  }
  const scope = t.scope
  switch (scope._tag) {
    case "Unscoped":
      return { token }
    case "System":
      token.roles = roles(dir, t)
      token.system = { all: true }
      break
    case "Domain": {
      const domain = dir.domain(scope.domainId)!
      token.domain = { id: domain.id, name: domain.name }
      token.roles = roles(dir, t)
      break
    }
    case "Project":
      if (t.trustId !== undefined) {
        const trust = dir.trust(t.trustId)!
        token["OS-TRUST:trust"] = {
          id: trust.id,
          impersonation: trust.impersonation === true,
          trustee_user: { id: trust.trusteeUserId },
          trustor_user: { id: trust.trustorUserId }
        }
        token.project = projectRef(dir, scope.projectId)
      } else {
        token.project = projectRef(dir, scope.projectId)
        token.is_domain = false
      }
      token.roles = roles(dir, t)
  }
  if (includeCatalog) token.catalog = dir.catalogV3(scope._tag === "Project" ? scope.projectId : undefined)
  if (t.applicationCredentialId !== undefined) {
    const cred = dir.appCred(t.applicationCredentialId)!
    token.application_credential = { id: cred.id, name: cred.name, restricted: cred.restricted !== false }
  }
  return { token }
}

/** The body of POST and GET /v2.0/tokens. */
export const v2Access = (dir: Directory, t: TokenRecord) => {
  const user = dir.user(t.userId)!
  const projectId = t.scope._tag === "Project" ? t.scope.projectId : undefined
  const project = projectId === undefined ? undefined : dir.project(projectId)!
  const tokenRoles = roles(dir, t)
  const access: Record<string, unknown> = {
    token: {
      issued_at: timestamp(t.issuedAt),
      expires: timestamp(t.expiresAt),
      id: t.id,
      ...(project === undefined ? {} : {
        tenant: { description: project.description ?? null, enabled: project.enabled !== false, id: project.id, name: project.name }
      }),
      audit_ids: t.auditIds
    },
    serviceCatalog: projectId === undefined ? [] : dir.catalogV2(projectId),
    user: {
      username: user.name,
      roles_links: [],
      id: user.id,
      roles: tokenRoles.map((r) => ({ name: r.name })),
      name: user.name
    },
    metadata: { is_admin: 0, roles: tokenRoles.map((r) => r.id) }
  }
  if (t.trustId !== undefined) {
    const trust = dir.trust(t.trustId)!
    access.trust = {
      id: trust.id,
      trustee_user_id: trust.trusteeUserId,
      trustor_user_id: trust.trustorUserId,
      impersonation: trust.impersonation === true
    }
  }
  return { access }
}

/** The 401 body that asks for more authentication methods. */
export const receipt = (dir: Directory, r: Receipt, required: ReadonlyArray<ReadonlyArray<string>>) => ({
  receipt: {
    expires_at: timestamp(r.expiresAt),
    issued_at: timestamp(r.issuedAt),
    methods: r.methods,
    user: userRef(dir, r.userId)
  },
  required_auth_methods: required
})
