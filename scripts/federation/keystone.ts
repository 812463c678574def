/**
 * Configures federation on the real Keystone of `scripts/keystone-up.sh`
 * (whose keystone.conf already enables the `openid` method and the
 * `HTTP_OIDC_` assertion prefix), through its REST API, idempotently:
 *
 *   domain    idp-users  (not "federated": Keystone reserves that name)
 *   idp       testidp        remote_ids = [the IdP's issuer], domain idp-users
 *   mapping   testidp-openid sub → an ephemeral user named after it; members of
 *                            the `cloud-users` group (claim `groups`) get `member`
 *                            on project `fedproject` (created on first login)
 *   protocol  openid         mapping testidp-openid, remote_id_attribute HTTP_OIDC_ISS
 *
 * Test-only.
 */
export const names = {
  domain: "idp-users",
  identityProvider: "testidp",
  mapping: "testidp-openid",
  protocol: "openid",
  project: "fedproject",
  role: "member",
  group: "cloud-users"
} as const

const mappingRules = {
  rules: [
    {
      local: [
        { user: { name: "{0}", type: "ephemeral" } },
        { projects: [{ name: names.project, roles: [{ name: names.role }] }] }
      ],
      remote: [{ type: "HTTP_OIDC_SUB" }, { type: "HTTP_OIDC_GROUPS", any_one_of: [names.group] }]
    }
  ]
}

/** Registers (or updates) the IdP, mapping and protocol; returns the federated domain's id. */
export const configure = async (options: {
  readonly keystone: string // base URL, no /v3
  readonly adminToken: string
  readonly issuer: string
}): Promise<{ readonly domainId: string }> => {
  const api = async (method: string, path: string, body?: unknown): Promise<{ status: number; json: any }> => {
    const response = await fetch(`${options.keystone}/v3${path}`, {
      method,
      headers: { "x-auth-token": options.adminToken, "content-type": "application/json", accept: "application/json", connection: "close" },
      ...(body === undefined ? {} : { body: JSON.stringify(body) })
    })
    const text = await response.text()
    return { status: response.status, json: text === "" ? undefined : JSON.parse(text) }
  }
  const must = async (method: string, path: string, body?: unknown, ok: ReadonlyArray<number> = [200, 201, 204]) => {
    const reply = await api(method, path, body)
    if (!ok.includes(reply.status)) throw new Error(`${method} ${path}: ${reply.status} ${JSON.stringify(reply.json)}`)
    return reply
  }

  const domains = await must("GET", `/domains?name=${names.domain}`)
  const domainId: string = domains.json.domains[0]?.id ??
    (await must("POST", "/domains", { domain: { name: names.domain, description: "federated users (tests)" } })).json.domain.id

  const idp = await api("GET", `/OS-FEDERATION/identity_providers/${names.identityProvider}`)
  if (idp.status === 404) {
    await must("PUT", `/OS-FEDERATION/identity_providers/${names.identityProvider}`, {
      identity_provider: { enabled: true, remote_ids: [options.issuer], domain_id: domainId }
    })
  } else {
    await must("PATCH", `/OS-FEDERATION/identity_providers/${names.identityProvider}`, {
      identity_provider: { enabled: true, remote_ids: [options.issuer] }
    })
  }

  const mapping = await api("GET", `/OS-FEDERATION/mappings/${names.mapping}`)
  await must(mapping.status === 404 ? "PUT" : "PATCH", `/OS-FEDERATION/mappings/${names.mapping}`, { mapping: mappingRules })

  const protocolPath = `/OS-FEDERATION/identity_providers/${names.identityProvider}/protocols/${names.protocol}`
  const protocol = { protocol: { mapping_id: names.mapping, remote_id_attribute: "HTTP_OIDC_ISS" } }
  const existing = await api("GET", protocolPath)
  await must(existing.status === 404 ? "PUT" : "PATCH", protocolPath, protocol)
  return { domainId }
}
