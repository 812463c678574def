/**
 * A real OpenID Connect provider for the federation tests: `oidc-provider`
 * (OpenID Certified) on loopback, with one client per keystoneauth1 flow.
 *
 * - `password`: the resource-owner password grant, which oidc-provider does
 *   not ship; registered here as a custom grant type.
 * - `client_credentials`, `authorization_code` (the "browser" is
 *   {@link Idp.authorize}), the device flow (the user's approval is
 *   {@link Idp.approveDevice}; polling faster than the interval is answered
 *   `slow_down`), refresh tokens, introspection (for the claims proxy),
 *   userinfo, revocation.
 *
 * Test-only: fixed secrets, in-memory storage, loopback.
 */
import * as http from "node:http"
import type { AddressInfo } from "node:net"
import Provider from "oidc-provider"

/** @internal */
export interface Account {
  readonly sub: string
  readonly password: string
  readonly email: string
  readonly groups: ReadonlyArray<string>
}

/** The people the IdP knows. alice is in `cloud-users` (the mapping gives her a project role). */
export const accounts: ReadonlyArray<Account> = [
  { sub: "alice", password: "alice-password", email: "alice@example.org", groups: ["cloud-users"] },
  { sub: "mallory", password: "mallory-password", email: "mallory@example.org", groups: [] }
]

/** The clients, one per flow; the proxy's client introspects. */
export const clients = {
  password: { id: "ek-password", secret: "ek-password-secret" },
  clientCredentials: { id: "ek-service", secret: "ek-service-secret" },
  authorizationCode: { id: "ek-code", secret: "ek-code-secret", redirectUri: "http://127.0.0.1:9/callback" },
  device: { id: "ek-device", secret: "ek-device-secret" },
  proxy: { id: "ek-proxy", secret: "ek-proxy-secret" }
} as const

/** Groups a client-credentials token carries (machine identities). */
const serviceGroups: Record<string, ReadonlyArray<string>> = { [clients.clientCredentials.id]: ["cloud-users"] }

const DEVICE = "urn:ietf:params:oauth:grant-type:device_code"

/** The device flow's polling interval in seconds (oidc-provider announces 5). */
const pollInterval = 5

/** @internal */
export interface Idp {
  readonly issuer: string
  readonly discoveryUrl: string
  /** The authorization-code flow's browser: logs `sub` in, consents, returns the code sent to the redirect URI. */
  readonly authorize: (sub: string, options?: { readonly scope?: string }) => Promise<string>
  /** The device flow's user: approves the code shown to them as `sub`. */
  readonly approveDevice: (userCode: string, sub: string) => Promise<void>
  /** How many tokens the token endpoint gave, by grant type (`password`, `refresh_token`, …). */
  readonly issued: (grantType: string) => number
  /** Ends every grant of `sub`: their access and refresh tokens stop working. */
  readonly revokeGrants: (sub: string) => Promise<number>
  readonly close: () => Promise<void>
}

const findAccount = (sub: string) => accounts.find((a) => a.sub === sub)

const claimsOf = (sub: string) => {
  const account = findAccount(sub)
  return account === undefined ? undefined : { sub, email: account.email, email_verified: true, groups: [...account.groups] }
}

/** Starts the IdP on 127.0.0.1 (`port` 0: any free port). */
export const start = async (options: { readonly port?: number; readonly deviceCodeTtl?: number } = {}): Promise<Idp> => {
  const server = http.createServer()
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, "127.0.0.1", resolve))
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  // grants by account, so that revokeGrants can end them
  const grantsOf = new Map<string, Set<string>>()
  const remember = (sub: string, grantId: string) => {
    const set = grantsOf.get(sub) ?? new Set()
    set.add(grantId)
    grantsOf.set(sub, set)
  }

  const provider = new Provider(issuer, {
    clients: [
      { client_id: clients.password.id, client_secret: clients.password.secret, grant_types: ["password", "refresh_token"], response_types: [], redirect_uris: [] },
      { client_id: clients.clientCredentials.id, client_secret: clients.clientCredentials.secret, grant_types: ["client_credentials"], response_types: [], redirect_uris: [] },
      {
        client_id: clients.authorizationCode.id,
        client_secret: clients.authorizationCode.secret,
        grant_types: ["authorization_code", "refresh_token"],
        response_types: ["code"],
        redirect_uris: [clients.authorizationCode.redirectUri]
      },
      { client_id: clients.device.id, client_secret: clients.device.secret, grant_types: [DEVICE, "refresh_token"], response_types: [], redirect_uris: [] },
      { client_id: clients.proxy.id, client_secret: clients.proxy.secret, grant_types: [], response_types: [], redirect_uris: [] }
    ],
    // tokens are opaque; the proxy introspects them, as mod_auth_openidc can
    findAccount: (_ctx, sub) => {
      const claims = claimsOf(sub)
      return claims === undefined ? undefined : { accountId: sub, claims: () => claims }
    },
    claims: { openid: ["sub"], email: ["email", "email_verified"], groups: ["groups"], profile: [] },
    scopes: ["openid", "offline_access", "email", "profile", "groups"],
    features: {
      devInteractions: { enabled: false },
      clientCredentials: { enabled: true },
      introspection: { enabled: true },
      revocation: { enabled: true },
      deviceFlow: { enabled: true }
    },
    // a refresh token for every user grant (keystoneauth1 does not ask for offline_access)
    issueRefreshToken: (_ctx, client) => client.grantTypeAllowed("refresh_token"),
    extraTokenClaims: (_ctx, token) => {
      const clientId = (token as { clientId?: string }).clientId
      return token.kind === "ClientCredentials" && clientId !== undefined ? { groups: [...(serviceGroups[clientId] ?? [])] } : undefined
    },
    ttl: {
      AccessToken: 3600,
      ClientCredentials: 3600,
      DeviceCode: options.deviceCodeTtl ?? 600,
      RefreshToken: 86400,
      Grant: 86400,
      Interaction: 600,
      Session: 86400,
      AuthorizationCode: 60,
      IdToken: 3600
    },
    pkce: { required: () => false },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    cookies: { keys: ["effect-keystone-test-idp"] }
  })

  // the resource-owner password grant (RFC 6749 §4.3)
  provider.registerGrantType(
    "password",
    async (ctx, next) => {
      const params = ctx.oidc.params as Record<string, string | undefined>
      const account = findAccount(params.username ?? "")
      if (account === undefined || account.password !== params.password) {
        ctx.status = 400
        ctx.body = { error: "invalid_grant", error_description: "invalid username or password" }
        return next()
      }
      const client = ctx.oidc.client!
      const scope = params.scope ?? "openid"
      const grant = new provider.Grant({ accountId: account.sub, clientId: client.clientId })
      grant.addOIDCScope(scope)
      const grantId = await grant.save()
      remember(account.sub, grantId)
      const at = new provider.AccessToken({ accountId: account.sub, client, grantId, gty: "password", scope })
      const accessToken = await at.save()
      const rt = new provider.RefreshToken({ accountId: account.sub, client, grantId, gty: "password", scope })
      const refreshToken = await rt.save()
      ctx.body = { access_token: accessToken, token_type: "Bearer", expires_in: at.expiration, scope, refresh_token: refreshToken }
      return next()
    },
    ["username", "password", "scope"]
  )

  const issuedBy = new Map<string, number>()
  provider.use(async (ctx, next) => {
    await next()
    const grantType = (ctx.oidc?.params as Record<string, unknown> | undefined)?.grant_type
    if (ctx.path === "/token" && ctx.status === 200 && typeof grantType === "string") {
      issuedBy.set(grantType, (issuedBy.get(grantType) ?? 0) + 1)
    }
  })

  // device flow: a pending device code polled faster than its interval is answered slow_down (RFC 8628 §3.5)
  const lastPoll = new Map<string, number>()
  provider.use(async (ctx, next) => {
    await next()
    const params = (ctx.oidc?.params ?? {}) as Record<string, unknown>
    if (ctx.path !== "/token" || params.grant_type !== DEVICE || typeof params.device_code !== "string") return
    const now = Date.now()
    const previous = lastPoll.get(params.device_code)
    lastPoll.set(params.device_code, now)
    const body = ctx.body as { error?: string } | undefined
    if (body?.error === "authorization_pending" && previous !== undefined && now - previous < pollInterval * 1000 - 500) {
      ctx.body = { error: "slow_down", error_description: "you are polling too quickly and should back off at a reasonable rate" }
    }
  })

  // the authorization-code flow's interaction: whoever `authorize` named logs in and consents
  let nextLogin: string | undefined
  const callback = provider.callback()
  server.on("request", async (req, res) => {
    const match = /^\/interaction\/([^/?]+)/.exec(req.url ?? "")
    if (match === null) return callback(req, res)
    try {
      const details = await provider.interactionDetails(req, res)
      const accountId = nextLogin ?? ""
      const grant = new provider.Grant({ accountId, clientId: details.params.client_id as string })
      grant.addOIDCScope(String(details.params.scope ?? "openid"))
      const grantId = await grant.save()
      remember(accountId, grantId)
      await provider.interactionFinished(req, res, { login: { accountId }, consent: { grantId } }, { mergeWithLastSubmission: false })
    } catch (error) {
      res.statusCode = 500
      res.end(String(error))
    }
  })

  return {
    issuer,
    discoveryUrl: `${issuer}/.well-known/openid-configuration`,
    authorize: async (sub, authOptions = {}) => {
      nextLogin = sub
      const query = new URLSearchParams({
        client_id: clients.authorizationCode.id,
        response_type: "code",
        scope: authOptions.scope ?? "openid profile",
        redirect_uri: clients.authorizationCode.redirectUri,
        state: "s"
      })
      let url = `${issuer}/auth?${query}`
      const jar = new Map<string, string>()
      for (let hop = 0; hop < 10; hop++) {
        const response = await fetch(url, {
          redirect: "manual",
          headers: { cookie: [...jar].map(([k, v]) => `${k}=${v}`).join("; ") }
        })
        for (const line of response.headers.getSetCookie()) {
          const [pair] = line.split(";")
          const eq = pair!.indexOf("=")
          jar.set(pair!.slice(0, eq), pair!.slice(eq + 1))
        }
        const location = response.headers.get("location")
        if (location === null) throw new Error(`authorize: no redirect (${response.status}: ${await response.text()})`)
        const next = new URL(location, url)
        if (next.href.startsWith(clients.authorizationCode.redirectUri)) {
          const code = next.searchParams.get("code")
          if (code === null) throw new Error(`authorize: ${next.searchParams.get("error")}`)
          return code
        }
        url = next.href
      }
      throw new Error("authorize: too many redirects")
    },
    approveDevice: async (userCode, sub) => {
      const code = await provider.DeviceCode.findByUserCode(userCode.replace(/[^A-Za-z]/g, "").toUpperCase())
      if (code === undefined) throw new Error(`no device code ${userCode}`)
      // what the device asked for (the scope a finished interaction would record on the code)
      const scope = String((code as unknown as { params?: { scope?: string } }).params?.scope ?? "openid")
      const grant = new provider.Grant({ accountId: sub, clientId: code.clientId })
      grant.addOIDCScope(scope)
      const grantId = await grant.save()
      remember(sub, grantId)
      Object.assign(code, { accountId: sub, grantId, scope, authTime: Math.floor(Date.now() / 1000) })
      await code.save()
    },
    issued: (grantType) => issuedBy.get(grantType) ?? 0,
    revokeGrants: async (sub) => {
      const grants = [...(grantsOf.get(sub) ?? [])]
      for (const grantId of grants) {
        await Promise.all([provider.AccessToken, provider.RefreshToken, provider.Grant].map((model) => model.adapter.revokeByGrantId(grantId)))
      }
      grantsOf.delete(sub)
      return grants.length
    },
    close: () => new Promise((resolve) => server.close(() => resolve()))
  }
}

// `tsx scripts/federation/idp.ts [port]`: run it by hand
if (import.meta.url === `file://${process.argv[1]}`) {
  const idp = await start({ port: Number(process.argv[2] ?? 0) })
  console.log(idp.issuer)
}
