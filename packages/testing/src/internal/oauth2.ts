/**
 * Keystone's OAuth 2.0 client-credentials grant (Keystone 22+): POST
 * /v3/OS-OAUTH2/token with an application credential as the client, by
 * HTTP Basic only (`client_secret_basic`; the form's client_id and
 * client_secret are not read). The access token is a Keystone token, issued
 * as `POST /v3/auth/tokens` with the application credential issues it;
 * refusals are OAuth 2.0 error bodies (RFC 6749 §5.2).
 */
import type { Handler } from "./context.js"
import { isRecord } from "./context.js"
import type { SimRequest, SimResponse } from "./http.js"
import * as http from "./http.js"
import * as json from "./json.js"
import * as v3 from "./v3.js"

/** Keystone's OAuth2 errors: `{error, error_description}`, Flask's JSON, the status phrase as Python's `http.client` writes it. */
const oauthError = (
  baseUrl: string,
  status: number,
  error: string,
  description: string
): SimResponse =>
  http.response(
    status,
    json.flask({ error, error_description: description }),
    status === 401 ? { "www-authenticate": `Keystone uri="${baseUrl}/v3"` } : {}
  )

/** Every method but POST. */
export const methodNotAllowed: Handler = (_req, ctx) =>
  oauthError(ctx.baseUrl, 405, "other_error", "The method is not allowed for the requested URL.")

/** Werkzeug's `request.form`: read for a form body only. */
const form = (req: SimRequest) =>
  new URLSearchParams(
    (req.headers["content-type"] ?? "").toLowerCase().startsWith("application/x-www-form-urlencoded") ? req.body ?? "" : ""
  )

/** Werkzeug's `request.authorization` for Basic: undefined when absent or unreadable. */
const basicAuth = (header: string | undefined): { readonly id: string; readonly secret: string } | undefined => {
  const m = /^basic\s+(\S+)\s*$/i.exec(header ?? "")
  if (m === null) return undefined
  let decoded: string
  try {
    decoded = new TextDecoder("utf-8", { fatal: true }).decode(Uint8Array.from(atob(m[1]!), (c) => c.charCodeAt(0)))
  } catch {
    return undefined
  }
  const colon = decoded.indexOf(":")
  return colon < 0 ? undefined : { id: decoded.slice(0, colon), secret: decoded.slice(colon + 1) }
}

const messageOf = (res: SimResponse): string => {
  try {
    const body = JSON.parse(res.body ?? "") as unknown
    return isRecord(body) && isRecord(body.error) && typeof body.error.message === "string" ? body.error.message : ""
  } catch {
    return ""
  }
}

export const token: Handler = (req, ctx) => {
  const grantType = form(req).get("grant_type")
  if (grantType === null) return oauthError(ctx.baseUrl, 400, "invalid_request", "The parameter grant_type is required.")
  if (grantType !== "client_credentials") {
    return oauthError(ctx.baseUrl, 400, "unsupported_grant_type", `The parameter grant_type ${grantType} is not supported.`)
  }
  const client = basicAuth(req.headers.authorization)
  if (client === undefined) return oauthError(ctx.baseUrl, 401, "invalid_client", "OAuth2.0 client authorization is required.")
  if (client.id === "" || client.secret === "") {
    return oauthError(ctx.baseUrl, 401, "invalid_client", "OAuth2.0 client authorization is invalid.")
  }
  // Keystone authenticates the client as POST /v3/auth/tokens would
  const issued = v3.issue({
    method: "POST",
    url: new URL(`${ctx.baseUrl}/v3/auth/tokens?nocatalog`),
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      auth: { identity: { methods: ["application_credential"], application_credential: { id: client.id, secret: client.secret } } }
    })
  }, ctx)
  const id = issued.headers["x-subject-token"]
  if (issued.status === 201 && id !== undefined) {
    return http.response(
      200,
      json.flask({ access_token: id, expires_in: Math.floor(ctx.settings.tokenLifetimeMillis / 1000), token_type: "Bearer" })
    )
  }
  switch (issued.status) {
    case 401:
      return oauthError(ctx.baseUrl, 401, "invalid_client", messageOf(issued))
    case 400:
      return oauthError(ctx.baseUrl, 400, "invalid_request", messageOf(issued))
    default:
      return oauthError(
        ctx.baseUrl,
        issued.status,
        "other_error",
        "An unknown error occurred and failed to get an OAuth2.0 access token."
      )
  }
}
