/**
 * The whole federated login stack for a test: the IdP, Keystone configured to
 * trust it, and the claims proxy in front of Keystone. `authUrl` is what a
 * client uses (the proxy's `/v3`).
 *
 * Test-only.
 */
import * as ClaimsProxy from "./claims-proxy.js"
import * as Idp from "./idp.js"
import * as KeystoneFederation from "./keystone.js"

export interface Stack {
  readonly idp: Idp.Idp
  readonly proxy: ClaimsProxy.ClaimsProxy
  /** The proxy's /v3: every request reaches the real Keystone through it. */
  readonly authUrl: string
  readonly domainId: string
  readonly close: () => Promise<void>
}

/** An admin token from the Keystone of scripts/keystone-up.sh. */
export const adminToken = async (keystone: string, password: string): Promise<string> => {
  const response = await fetch(`${keystone}/v3/auth/tokens`, {
    method: "POST",
    headers: { "content-type": "application/json", connection: "close" },
    body: JSON.stringify({
      auth: {
        identity: { methods: ["password"], password: { user: { name: "admin", domain: { id: "default" }, password } } },
        scope: { project: { name: "admin", domain: { id: "default" } } }
      }
    })
  })
  const token = response.headers.get("x-subject-token")
  if (response.status !== 201 || token === null) throw new Error(`admin login: HTTP ${response.status}`)
  return token
}

export const up = async (options: {
  readonly keystone: string // base URL, no /v3
  readonly adminPassword: string
  readonly idp?: Parameters<typeof Idp.start>[0]
}): Promise<Stack> => {
  const idp = await Idp.start(options.idp)
  try {
    const token = await adminToken(options.keystone, options.adminPassword)
    const { domainId } = await KeystoneFederation.configure({ keystone: options.keystone, adminToken: token, issuer: idp.issuer })
    const proxy = await ClaimsProxy.start({
      keystone: options.keystone,
      issuer: idp.issuer,
      introspection: { clientId: Idp.clients.proxy.id, clientSecret: Idp.clients.proxy.secret }
    })
    return {
      idp,
      proxy,
      authUrl: proxy.authUrl,
      domainId,
      close: async () => {
        await proxy.close()
        await idp.close()
      }
    }
  } catch (error) {
    await idp.close()
    throw error
  }
}
