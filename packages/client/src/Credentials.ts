/**
 * What proves who you are to Keystone.
 *
 * @since 0.1.0
 */
import type * as Effect from "effect/Effect"
import type * as Redacted from "effect/Redacted"

/**
 * @since 0.1.0
 * @category models
 */
export type DomainRef = { readonly id: string; readonly name?: never } | { readonly name: string; readonly id?: never }

/**
 * A user by id, or by name within a domain (a name alone is ambiguous).
 *
 * @since 0.1.0
 * @category models
 */
export type UserRef = { readonly id: string } | { readonly name: string; readonly domain: DomainRef }

/**
 * @since 0.1.0
 * @category models
 */
export interface Password {
  readonly _tag: "Password"
  readonly user: UserRef
  readonly password: Redacted.Redacted<string>
}

/**
 * An application credential, by id or by name and owner. It carries its own
 * scope, so it never takes one.
 *
 * @since 0.1.0
 * @category models
 */
export interface ApplicationCredential {
  readonly _tag: "ApplicationCredential"
  readonly ref: { readonly id: string } | { readonly name: string; readonly user: UserRef }
  readonly secret: Redacted.Redacted<string>
}

/**
 * An existing token, to rescope or to trade for a fresh one.
 *
 * @since 0.1.0
 * @category models
 */
export interface ExistingToken {
  readonly _tag: "ExistingToken"
  readonly token: Redacted.Redacted<string>
}

/**
 * @since 0.1.0
 * @category models
 */
export interface Totp {
  readonly _tag: "Totp"
  readonly user: UserRef
  readonly passcode: Redacted.Redacted<string>
}

/**
 * Several methods at once (multi-factor), optionally continuing from the
 * receipt of an `AuthReceiptRequired` error.
 *
 * @since 0.1.0
 * @category models
 */
export interface MultiFactor {
  readonly _tag: "MultiFactor"
  readonly methods: ReadonlyArray<Password | Totp | ExistingToken>
  readonly receipt?: Redacted.Redacted<string> | undefined
}

/**
 * @since 0.1.0
 * @category models
 */
export type Credentials = Password | ApplicationCredential | ExistingToken | Totp | MultiFactor | OpenIdConnect

/**
 * The OAuth client a federated cloud registered with its identity provider,
 * and where to reach the IdP: its OpenID discovery document, or its token
 * endpoint directly (keystoneauth1's `discovery_endpoint` /
 * `access_token_endpoint`).
 *
 * @since 0.3.0
 * @category models
 */
export interface OidcClient {
  readonly clientId: string
  /** Omitted for a public client: the id is then sent in the form. */
  readonly clientSecret?: Redacted.Redacted<string> | undefined
  readonly discoveryEndpoint?: string | undefined
  readonly accessTokenEndpoint?: string | undefined
  /** The device flow's endpoint when there is no discovery document. */
  readonly deviceAuthorizationEndpoint?: string | undefined
  /** keystoneauth1's `openid_scope`. Default `"openid profile"`. */
  readonly scope: string
  /** Which of the IdP's tokens Keystone is given (`access_token_type`). Default `"access_token"`. */
  readonly accessTokenType: "access_token" | "id_token"
}

/**
 * What the device flow asks the user to do (RFC 8628 §3.3).
 *
 * @since 0.3.0
 * @category models
 */
export interface DevicePrompt {
  readonly verificationUri: string
  readonly verificationUriComplete?: string | undefined
  readonly userCode: string
  readonly expiresInSeconds: number
}

/**
 * How the identity provider is asked for a token (keystoneauth1's
 * `v3oidcpassword`, `v3oidcclientcredentials`, `v3oidcauthcode`,
 * `v3oidcdeviceauthz`, `v3oidcaccesstoken`).
 *
 * @since 0.3.0
 * @category models
 */
export type OidcFlow =
  | { readonly _tag: "Password"; readonly client: OidcClient; readonly username: string; readonly password: Redacted.Redacted<string> }
  | { readonly _tag: "ClientCredentials"; readonly client: OidcClient }
  | { readonly _tag: "AuthorizationCode"; readonly client: OidcClient; readonly code: Redacted.Redacted<string>; readonly redirectUri: string }
  | {
    readonly _tag: "DeviceAuthorization"
    readonly client: OidcClient
    /** Shows the user where to go and what to enter. Default: logged at Info. Interactive use only. */
    readonly onPrompt?: ((prompt: DevicePrompt) => Effect.Effect<void>) | undefined
  }
  | { readonly _tag: "AccessToken"; readonly accessToken: Redacted.Redacted<string> }

/**
 * A federated login: a token from an OpenID Connect identity provider,
 * traded at `POST /v3/OS-FEDERATION/identity_providers/{identityProvider}/
 * protocols/{protocol}/auth` for an unscoped Keystone token, then rescoped to
 * the requested scope. v3 only.
 *
 * @since 0.3.0
 * @category models
 */
export interface OpenIdConnect {
  readonly _tag: "OpenIdConnect"
  readonly identityProvider: string
  readonly protocol: string
  readonly flow: OidcFlow
}

/**
 * A user by id, or by name and domain, as the constructors take it.
 *
 * @since 0.1.0
 * @category models
 */
export type UserInput =
  | { readonly userId: string; readonly username?: never; readonly domain?: never }
  | { readonly username: string; readonly domain: DomainRef; readonly userId?: never }

const userRef = (input: UserInput): UserRef =>
  "userId" in input ? { id: input.userId } : { name: input.username, domain: input.domain }

/**
 * Password, by user id or by user name and domain.
 *
 * @since 0.1.0
 * @category constructors
 */
export const password = (
  input: UserInput & { readonly password: Redacted.Redacted<string> }
): Password => ({ _tag: "Password", user: userRef(input), password: input.password })

/**
 * v2.0 password: a user name (Keystone looks it up in the default domain) or id.
 *
 * @since 0.1.0
 * @category constructors
 */
export const passwordV2 = (
  input:
    | { readonly userId: string; readonly username?: never; readonly password: Redacted.Redacted<string> }
    | { readonly username: string; readonly userId?: never; readonly password: Redacted.Redacted<string> }
): Password => ({
  _tag: "Password",
  user: "userId" in input ? { id: input.userId } : { name: input.username, domain: { id: "default" } },
  password: input.password
})

/**
 * Application credential, by id or by name and its owner.
 *
 * @since 0.1.0
 * @category constructors
 */
export const applicationCredential = (
  input:
    | { readonly id: string; readonly name?: never; readonly user?: never; readonly secret: Redacted.Redacted<string> }
    | {
      readonly name: string
      readonly id?: never
      readonly secret: Redacted.Redacted<string>
      readonly user: UserInput
    }
): ApplicationCredential => ({
  _tag: "ApplicationCredential",
  ref: "id" in input ? { id: input.id } : { name: input.name, user: userRef(input.user) },
  secret: input.secret
})

/**
 * An existing token id.
 *
 * @since 0.1.0
 * @category constructors
 */
export const existingToken = (token: Redacted.Redacted<string>): ExistingToken => ({ _tag: "ExistingToken", token })

/**
 * A TOTP passcode.
 *
 * @since 0.1.0
 * @category constructors
 */
export const totp = (
  input: UserInput & { readonly passcode: Redacted.Redacted<string> }
): Totp => ({ _tag: "Totp", user: userRef(input), passcode: input.passcode })

/**
 * Several methods in one request (e.g. password + TOTP).
 *
 * @since 0.1.0
 * @category constructors
 */
export const multiFactor = (
  methods: ReadonlyArray<Password | Totp | ExistingToken>,
  options?: { readonly receipt?: Redacted.Redacted<string> | undefined }
): MultiFactor => ({ _tag: "MultiFactor", methods, receipt: options?.receipt })

/**
 * Where the federated login goes and how the IdP is reached, as
 * keystoneauth1's OIDC plugins take them.
 *
 * @since 0.3.0
 * @category models
 */
export interface OidcInput {
  readonly identityProvider: string
  readonly protocol: string
  readonly clientId: string
  readonly clientSecret?: Redacted.Redacted<string> | undefined
  readonly discoveryEndpoint?: string | undefined
  readonly accessTokenEndpoint?: string | undefined
  readonly deviceAuthorizationEndpoint?: string | undefined
  /** Default `"openid profile"`. */
  readonly openidScope?: string | undefined
  /** Default `"access_token"`. */
  readonly accessTokenType?: "access_token" | "id_token" | undefined
}

const oidc = (input: OidcInput, flow: (client: OidcClient) => OidcFlow): OpenIdConnect => ({
  _tag: "OpenIdConnect",
  identityProvider: input.identityProvider,
  protocol: input.protocol,
  flow: flow({
    clientId: input.clientId,
    clientSecret: input.clientSecret,
    discoveryEndpoint: input.discoveryEndpoint,
    accessTokenEndpoint: input.accessTokenEndpoint,
    deviceAuthorizationEndpoint: input.deviceAuthorizationEndpoint,
    scope: input.openidScope ?? "openid profile",
    accessTokenType: input.accessTokenType ?? "access_token"
  })
})

/**
 * `v3oidcpassword`: the user's name and password, sent to the IdP (the
 * resource-owner password grant), never to Keystone.
 *
 * @since 0.3.0
 * @category constructors
 */
export const oidcPassword = (
  input: OidcInput & { readonly username: string; readonly password: Redacted.Redacted<string> }
): OpenIdConnect => oidc(input, (client) => ({ _tag: "Password", client, username: input.username, password: input.password }))

/**
 * `v3oidcclientcredentials`: the OAuth client itself is the principal.
 *
 * @since 0.3.0
 * @category constructors
 */
export const oidcClientCredentials = (input: OidcInput): OpenIdConnect =>
  oidc(input, (client) => ({ _tag: "ClientCredentials", client }))

/**
 * `v3oidcauthcode`: an authorization code a browser brought back to
 * `redirectUri`. A code works once; renewals use the refresh token the IdP
 * gave with it.
 *
 * @since 0.3.0
 * @category constructors
 */
export const oidcAuthorizationCode = (
  input: OidcInput & { readonly code: Redacted.Redacted<string>; readonly redirectUri: string }
): OpenIdConnect =>
  oidc(input, (client) => ({ _tag: "AuthorizationCode", client, code: input.code, redirectUri: input.redirectUri }))

/**
 * `v3oidcdeviceauthz`: the device flow, for interactive use. `onPrompt`
 * shows the user the verification URI and code (default: logged at Info);
 * the login waits until they approve, or fails with `IdentityProviderError`
 * `expired_token`.
 *
 * @since 0.3.0
 * @category constructors
 */
export const oidcDeviceAuthorization = (
  input: OidcInput & { readonly onPrompt?: ((prompt: DevicePrompt) => Effect.Effect<void>) | undefined }
): OpenIdConnect => oidc(input, (client) => ({ _tag: "DeviceAuthorization", client, onPrompt: input.onPrompt }))

/**
 * `v3oidcaccesstoken`: an access token the app already holds.
 *
 * @since 0.3.0
 * @category constructors
 */
export const oidcAccessToken = (input: {
  readonly identityProvider: string
  readonly protocol: string
  readonly accessToken: Redacted.Redacted<string>
}): OpenIdConnect => ({
  _tag: "OpenIdConnect",
  identityProvider: input.identityProvider,
  protocol: input.protocol,
  flow: { _tag: "AccessToken", accessToken: input.accessToken }
})

/**
 * A description of who the credentials name, without any secret: used in
 * cache keys and logs.
 *
 * @since 0.1.0
 * @category getters
 */
export const identity = (credentials: Credentials): string => {
  const user = (u: UserRef) => ("id" in u ? `id=${u.id}` : `name=${u.name}@${domain(u.domain)}`)
  const domain = (d: DomainRef) => (d.id !== undefined ? `id=${d.id}` : `name=${d.name}`)
  switch (credentials._tag) {
    case "Password":
      return `password:${user(credentials.user)}`
    case "Totp":
      return `totp:${user(credentials.user)}`
    case "ApplicationCredential":
      return "id" in credentials.ref
        ? `application_credential:id=${credentials.ref.id}`
        : `application_credential:name=${credentials.ref.name}/${user(credentials.ref.user)}`
    case "ExistingToken":
      // A token has no stable identity of its own; its audit trail is what Keystone keys on.
      return "token"
    case "MultiFactor":
      return `multi:[${credentials.methods.map(identity).join(",")}]`
    case "OpenIdConnect": {
      const f = credentials.flow
      const via = `oidc:${credentials.identityProvider}/${credentials.protocol}`
      if (f._tag === "AccessToken") return `${via}:access_token`
      const who = f._tag === "Password" ? `:user=${f.username}` : ""
      return `${via}:${f._tag}:client=${f.client.clientId}${who}`
    }
  }
}
