/**
 * What Apache's mod_auth_openidc does in front of a federated Keystone, for
 * the tests: on the federation login path it checks the bearer access token
 * with the IdP (RFC 7662 introspection, then userinfo for a user's claims)
 * and passes the claims to Keystone as `OIDC-*` request headers (uwsgi hands
 * them to Keystone as `HTTP_OIDC_*`, the `[federation] assertion_prefix`).
 * Incoming claim headers are removed from every request, so a caller cannot
 * plant them. Everything else passes through unchanged.
 *
 * Test-only: loopback, plain HTTP.
 */
import * as http from "node:http"
import type { AddressInfo } from "node:net"

/** @internal */
export interface ClaimsProxy {
  /** The proxy's Keystone URL (`http://127.0.0.1:<port>/v3`): give it to the client as `authUrl`. */
  readonly authUrl: string
  /** How many logins the proxy refused (token not active). */
  readonly refused: () => number
  readonly close: () => Promise<void>
}

const federationLogin = /^\/v3\/OS-FEDERATION\/identity_providers\/[^/]+\/protocols\/[^/]+\/auth\/?(\?.*)?$/

/** A header that reaches Keystone as `HTTP_OIDC_*`: `OIDC-Sub`, `oidc_sub`, … */
const isClaimHeader = (name: string) => /^oidc[-_]/i.test(name)

/** @internal */
export interface Claims {
  readonly iss: string
  readonly sub: string
  readonly email?: string | undefined
  readonly groups: ReadonlyArray<string>
}

/**
 * What mod_auth_openidc learns of a bearer token: RFC 7662 introspection
 * at the IdP, then userinfo for a user's claims. `undefined` when the token
 * is not active or comes from another issuer.
 */
export const introspect = async (
  options: { readonly issuer: string; readonly introspection: { readonly clientId: string; readonly clientSecret: string } },
  accessToken: string
): Promise<Claims | undefined> => {
  const basic = Buffer.from(`${options.introspection.clientId}:${options.introspection.clientSecret}`).toString("base64")
  const introspected = await fetch(`${options.issuer}/token/introspection`, {
    method: "POST",
    headers: { authorization: `Basic ${basic}`, "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ token: accessToken })
  }).then((r) => r.json() as Promise<Record<string, unknown>>)
  if (introspected.active !== true || introspected.iss !== options.issuer) return undefined
  if (typeof introspected.sub !== "string") {
    // a client-credentials token: the client is the principal
    return { iss: options.issuer, sub: String(introspected.client_id), groups: asGroups(introspected.groups) }
  }
  const userinfo = await fetch(`${options.issuer}/me`, { headers: { authorization: `Bearer ${accessToken}` } })
  const claims = userinfo.ok ? (await userinfo.json()) as Record<string, unknown> : {}
  return {
    iss: options.issuer,
    sub: introspected.sub,
    email: typeof claims.email === "string" ? claims.email : undefined,
    groups: asGroups(claims.groups)
  }
}

/** Starts the proxy on 127.0.0.1 in front of `keystone` (its base URL, no /v3). */
export const start = async (options: {
  readonly keystone: string
  readonly issuer: string
  readonly introspection: { readonly clientId: string; readonly clientSecret: string }
}): Promise<ClaimsProxy> => {
  const target = new URL(options.keystone)
  let refused = 0
  const verify = (accessToken: string) => introspect(options, accessToken)

  const server = http.createServer(async (req, res) => {
    const headers: http.OutgoingHttpHeaders = {}
    for (const [name, value] of Object.entries(req.headers)) {
      if (!isClaimHeader(name) && name !== "host") headers[name] = value
    }
    headers.host = target.host
    // one connection per request: Keystone's uwsgi (one worker) closes each one after its reply
    headers.connection = "close"
    if (federationLogin.test(req.url ?? "")) {
      const bearer = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? "")
      const claims = bearer === null ? undefined : await verify(bearer[1]!).catch(() => undefined)
      if (claims === undefined) {
        refused++
        res.writeHead(401, { "www-authenticate": 'Bearer error="invalid_token"', "content-type": "text/plain" })
        res.end("invalid or missing bearer token")
        return
      }
      headers["oidc-iss"] = claims.iss
      headers["oidc-sub"] = claims.sub
      if (claims.email !== undefined) headers["oidc-email"] = claims.email
      // Keystone splits a multi-valued claim on ';'
      headers["oidc-groups"] = claims.groups.join(";")
    }
    const upstream = http.request(
      { host: target.hostname, port: target.port, method: req.method, path: req.url, headers, agent: false },
      (reply) => {
        res.writeHead(reply.statusCode ?? 502, reply.headers)
        reply.pipe(res)
      }
    )
    upstream.on("error", () => {
      res.writeHead(502)
      res.end()
    })
    req.pipe(upstream)
  })
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve))
  const port = (server.address() as AddressInfo).port
  return {
    authUrl: `http://127.0.0.1:${port}/v3`,
    refused: () => refused,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      })
  }
}

const asGroups = (value: unknown): ReadonlyArray<string> =>
  Array.isArray(value) ? value.filter((g): g is string => typeof g === "string") : []
