/**
 * The federated `auth_type`s (keystoneauth1's `v3oidc*`) read from OS_* /
 * clouds.yaml, with the keys openstacksdk uses: `identity_provider`,
 * `protocol`, `client_id`, `client_secret`, `discovery_endpoint`,
 * `access_token_endpoint`, `device_authorization_endpoint`, `openid_scope`,
 * `access_token_type`, `access_token`, `username`/`password`, `code`,
 * `redirect_uri`.
 *
 * @internal
 */
import * as Either from "effect/Either"
import * as Credentials from "../Credentials.js"
import type { Reader, Result } from "./openStackConfig.js"

/** Every `auth_type` the library reads, for error messages. @internal */
export const supportedAuthTypes =
  "password, token, v3applicationcredential, v3totp, v3oidcpassword, v3oidcclientcredentials, v3oidcauthcode, v3oidcdeviceauthz, v3oidcaccesstoken"

const required = (r: Reader, key: Parameters<Reader["get"]>[0], what: string): Result<string> => {
  const value = r.get(key)
  return value === undefined ? r.missing(key, `${r.name(key)} is required for ${what}`) : Either.right(value)
}

/** The federated credentials `authType` names. @internal */
export const credentials = (r: Reader, authType: string): Result<Credentials.OpenIdConnect> =>
  Either.gen(function*() {
    const what = `auth_type ${authType}`
    const identityProvider = yield* required(r, "identity_provider", what)
    const protocol = yield* required(r, "protocol", what)
    if (authType === "v3oidcaccesstoken") {
      const accessToken = r.secret("access_token")
      if (accessToken === undefined) return yield* r.missing("access_token", `${r.name("access_token")} is required for ${what}`)
      return Credentials.oidcAccessToken({ identityProvider, protocol, accessToken })
    }
    const clientId = yield* required(r, "client_id", what)
    const discoveryEndpoint = r.get("discovery_endpoint")
    const accessTokenEndpoint = r.get("access_token_endpoint")
    if (discoveryEndpoint === undefined && accessTokenEndpoint === undefined) {
      return yield* r.missing(
        "discovery_endpoint",
        `${r.name("discovery_endpoint")} or ${r.name("access_token_endpoint")} is required for ${what}`
      )
    }
    const tokenType = r.get("access_token_type")
    if (tokenType !== undefined && tokenType !== "access_token" && tokenType !== "id_token") {
      return yield* r.invalid("access_token_type", `${r.name("access_token_type")} must be access_token or id_token, not ${tokenType}`)
    }
    const input: Credentials.OidcInput = {
      identityProvider,
      protocol,
      clientId,
      clientSecret: r.secret("client_secret"),
      discoveryEndpoint,
      accessTokenEndpoint,
      deviceAuthorizationEndpoint: r.get("device_authorization_endpoint"),
      openidScope: r.get("openid_scope"),
      accessTokenType: tokenType
    }
    switch (authType) {
      case "v3oidcpassword": {
        const username = yield* required(r, "username", what)
        const password = r.secret("password")
        if (password === undefined) return yield* r.missing("password", `${r.name("password")} is required for ${what}`)
        return Credentials.oidcPassword({ ...input, username, password })
      }
      case "v3oidcauthcode": {
        const code = r.secret("code")
        if (code === undefined) return yield* r.missing("code", `${r.name("code")} is required for ${what}`)
        const redirectUri = yield* required(r, "redirect_uri", what)
        return Credentials.oidcAuthorizationCode({ ...input, code, redirectUri })
      }
      case "v3oidcdeviceauthz":
        return Credentials.oidcDeviceAuthorization(input)
      default:
        return Credentials.oidcClientCredentials(input)
    }
  })
