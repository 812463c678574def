/**
 * What `Credentials.OpenIdConnect` must hold before anything is sent, and
 * the secrets in it (for scrubbing).
 *
 * @internal
 */
import * as Redacted from "effect/Redacted"
import type * as Credentials from "../Credentials.js"

const isObject = (u: unknown): u is Record<string, unknown> => typeof u === "object" && u !== null

const nonEmpty = (u: unknown): u is string => typeof u === "string" && u.length > 0

const isSecret = (u: unknown): boolean =>
  Redacted.isRedacted(u) && nonEmpty(Redacted.value(u as Redacted.Redacted<unknown>))

const checkClient = (c: unknown, flow: string, needsDevice: boolean): string | undefined => {
  const what = `OpenID Connect (${flow})`
  if (!isObject(c)) return `${what}: needs the OAuth client`
  if (!nonEmpty(c.clientId)) return `${what}: the client id must be a non-empty string`
  if (c.clientSecret !== undefined && !isSecret(c.clientSecret)) return `${what}: the client secret must be a Redacted non-empty string`
  for (const key of ["discoveryEndpoint", "accessTokenEndpoint", "deviceAuthorizationEndpoint"] as const) {
    if (c[key] !== undefined && !nonEmpty(c[key])) return `${what}: ${key} must be a non-empty string`
  }
  if (c.discoveryEndpoint === undefined && c.accessTokenEndpoint === undefined) {
    return `${what}: needs discoveryEndpoint (the IdP's OpenID discovery document) or accessTokenEndpoint`
  }
  if (needsDevice && c.discoveryEndpoint === undefined && c.deviceAuthorizationEndpoint === undefined) {
    return `${what}: needs discoveryEndpoint or deviceAuthorizationEndpoint`
  }
  if (!nonEmpty(c.scope)) return `${what}: the OpenID scope must be a non-empty string`
  if (c.accessTokenType !== "access_token" && c.accessTokenType !== "id_token") {
    return `${what}: accessTokenType must be "access_token" or "id_token"`
  }
  return undefined
}

/** Why these federated credentials cannot be sent, if so. @internal */
export const problem = (c: Record<string, unknown>): string | undefined => {
  if (!nonEmpty(c.identityProvider)) return "OpenID Connect: the identity provider must be a non-empty string"
  if (!nonEmpty(c.protocol)) return "OpenID Connect: the protocol must be a non-empty string"
  const f = c.flow
  if (!isObject(f)) return "OpenID Connect: needs a flow (use Credentials.oidc*)"
  switch (f._tag) {
    case "Password":
      return checkClient(f.client, "password", false) ??
        (nonEmpty(f.username) ? undefined : "OpenID Connect (password): the username must be a non-empty string") ??
        (isSecret(f.password) ? undefined : "OpenID Connect (password): the password must be a Redacted non-empty string")
    case "ClientCredentials":
      return checkClient(f.client, "client credentials", false)
    case "AuthorizationCode":
      return checkClient(f.client, "authorization code", false) ??
        (isSecret(f.code) ? undefined : "OpenID Connect (authorization code): the code must be a Redacted non-empty string") ??
        (nonEmpty(f.redirectUri) ? undefined : "OpenID Connect (authorization code): the redirect URI must be a non-empty string")
    case "DeviceAuthorization":
      return checkClient(f.client, "device authorization", true) ??
        (f.onPrompt === undefined || typeof f.onPrompt === "function"
          ? undefined
          : "OpenID Connect (device authorization): onPrompt must be a function")
    case "AccessToken":
      return isSecret(f.accessToken) ? undefined : "OpenID Connect (access token): the access token must be a Redacted non-empty string"
    default:
      return `OpenID Connect: unknown flow ${JSON.stringify(String(f._tag))}`
  }
}

/** Every secret in federated credentials. @internal */
export const secrets = (c: Credentials.OpenIdConnect): Array<string> => {
  const f = c.flow
  const out: Array<unknown> = []
  if (f._tag === "AccessToken") out.push(f.accessToken)
  else {
    out.push(f.client?.clientSecret)
    if (f._tag === "Password") out.push(f.password)
    if (f._tag === "AuthorizationCode") out.push(f.code)
  }
  return out.flatMap((r) => {
    if (!Redacted.isRedacted(r)) return []
    const v = Redacted.value(r as Redacted.Redacted<unknown>)
    return typeof v === "string" ? [v] : []
  })
}
