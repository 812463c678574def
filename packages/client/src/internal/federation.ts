/**
 * A federated (OpenID Connect) login, as keystoneauth1's `v3oidc*` plugins
 * do it: a token from the identity provider (a remembered refresh token
 * first, else the flow), traded at Keystone's federation endpoint for an
 * unscoped token, then rescoped with the token method. The IdP's discovery
 * document is remembered once read (failures are not).
 *
 * @internal
 */
import type { Token } from "@effect-keystone/schema"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Option from "effect/Option"
import * as Redacted from "effect/Redacted"
import type { Auth } from "../Auth.js"
import * as Credentials from "../Credentials.js"
import type { IssueOptions } from "../KeystoneClient.js"
import type * as KeystoneError from "../KeystoneError.js"
import type { Resolved } from "./discovery.js"
import * as Errors from "./errors.js"
import * as Http from "./http.js"
import * as Oidc from "./oidc.js"
import * as Secrets from "./secrets.js"
import * as Url from "./url.js"

/** @internal */
export interface Federation {
  readonly issue: (
    credentials: Credentials.OpenIdConnect,
    auth: Auth,
    options: IssueOptions | undefined
  ) => Effect.Effect<Token.Token, KeystoneError.KeystoneError>
}

/** @internal */
export const make = (
  env: Http.Env,
  at: Resolved,
  decodeToken: (spec: Http.Spec, reply: Errors.Reply, id: string | undefined) => Effect.Effect<Token.Token, KeystoneError.KeystoneError>,
  rescope: (auth: Auth, options: IssueOptions | undefined) => Effect.Effect<Token.Token, KeystoneError.KeystoneError>
): Federation => {
  const documents = new Map<string, Oidc.Endpoints>()
  // the IdP's refresh token for each federated identity, so a renewal does not run the flow again
  const refreshTokens = new Map<string, Redacted.Redacted<string>>()

  const endpointsOf = (client: Credentials.OidcClient): Effect.Effect<Oidc.Endpoints, KeystoneError.KeystoneError> => {
    const explicit = (found: Oidc.Endpoints | undefined): Oidc.Endpoints => ({
      tokenEndpoint: client.accessTokenEndpoint ?? found!.tokenEndpoint,
      deviceAuthorizationEndpoint: client.deviceAuthorizationEndpoint ?? found?.deviceAuthorizationEndpoint
    })
    const url = client.discoveryEndpoint
    if (url === undefined) return Effect.succeed(explicit(undefined))
    const known = documents.get(url)
    if (known !== undefined) return Effect.succeed(explicit(known))
    return Effect.map(Oidc.discover(env, url), (found) => {
      documents.set(url, found)
      return explicit(found)
    })
  }

  const runFlow = (
    flow: Exclude<Credentials.OidcFlow, { readonly _tag: "AccessToken" }>,
    endpoints: Oidc.Endpoints
  ): Effect.Effect<Oidc.Tokens, KeystoneError.KeystoneError> => {
    const client: Oidc.Client = { clientId: flow.client.clientId, clientSecret: flow.client.clientSecret }
    switch (flow._tag) {
      case "Password":
        return Oidc.token(env, endpoints, client, { _tag: "password", username: flow.username, password: flow.password, scope: flow.client.scope })
      case "ClientCredentials":
        return Oidc.token(env, endpoints, client, { _tag: "client_credentials", scope: flow.client.scope })
      case "AuthorizationCode":
        return Oidc.token(env, endpoints, client, { _tag: "authorization_code", code: flow.code, redirectUri: flow.redirectUri })
      case "DeviceAuthorization":
        return Effect.gen(function*() {
          const authorization = yield* Oidc.deviceAuthorization(env, endpoints, client, flow.client.scope)
          const prompt: Credentials.DevicePrompt = {
            verificationUri: authorization.verificationUri,
            verificationUriComplete: Option.getOrUndefined(authorization.verificationUriComplete),
            userCode: authorization.userCode,
            expiresInSeconds: Math.round(Duration.toSeconds(authorization.expiresIn))
          }
          yield* flow.onPrompt !== undefined
            ? flow.onPrompt(prompt)
            : Effect.log(`To sign in, open ${prompt.verificationUri} and enter the code ${prompt.userCode}`)
          return yield* Oidc.pollDevice(env, endpoints, client, authorization)
        })
    }
  }

  /** The IdP's tokens: by the remembered refresh token when it still works, else by the flow. */
  const idpTokens = (credentials: Credentials.OpenIdConnect): Effect.Effect<Oidc.Tokens, KeystoneError.KeystoneError> => {
    const flow = credentials.flow
    if (flow._tag === "AccessToken") {
      return Effect.succeed({ accessToken: flow.accessToken, expiresIn: Option.none(), idToken: Option.none(), refreshToken: Option.none() })
    }
    const key = Credentials.identity(credentials)
    return Effect.gen(function*() {
      const endpoints = yield* endpointsOf(flow.client)
      const client: Oidc.Client = { clientId: flow.client.clientId, clientSecret: flow.client.clientSecret }
      const remembered = refreshTokens.get(key)
      const tokens = yield* remembered === undefined
        ? runFlow(flow, endpoints)
        : Oidc.token(env, endpoints, client, { _tag: "refresh_token", refreshToken: remembered }).pipe(
          Effect.catchTag("IdentityProviderError", () =>
            Effect.suspend(() => {
              refreshTokens.delete(key)
              return runFlow(flow, endpoints)
            }))
        )
      if (Option.isSome(tokens.refreshToken)) refreshTokens.set(key, tokens.refreshToken.value)
      return tokens
    })
  }

  const issue = (credentials: Credentials.OpenIdConnect, auth: Auth, options: IssueOptions | undefined) =>
    Effect.gen(function*() {
      const idp = Url.pathSegment(credentials.identityProvider)
      const protocol = Url.pathSegment(credentials.protocol)
      if (Either.isLeft(idp) || Either.isLeft(protocol)) {
        const why = Either.isLeft(idp) ? `the identity provider name: ${idp.left}` : `the protocol name: ${Either.merge(protocol)}`
        return yield* Effect.fail(Errors.invalidInput("auth", why))
      }
      const path = `/OS-FEDERATION/identity_providers/${idp.right}/protocols/${protocol.right}/auth`
      const tokens = yield* idpTokens(credentials)
      const flow = credentials.flow
      const wantsIdToken = flow._tag !== "AccessToken" && flow.client.accessTokenType === "id_token"
      const bearer = wantsIdToken ? Option.getOrUndefined(tokens.idToken) : tokens.accessToken
      const spec: Http.Spec = {
        method: "POST",
        fullUrl: at.base + path,
        url: at.redactedBase + path,
        headers: {},
        secrets: [...Secrets.ofAuth(auth), Redacted.value(tokens.accessToken), ...Option.toArray(Option.map(tokens.idToken, Redacted.value))],
        version: "v3"
      }
      if (bearer === undefined) {
        return yield* Effect.fail(Errors.invalidInput("auth", "accessTokenType is id_token, but the identity provider gave no id_token (ask for the openid scope)"))
      }
      const withBearer: Http.Spec = { ...spec, headers: { Authorization: `Bearer ${Redacted.value(bearer)}` } }
      const reply = yield* Http.request(env, withBearer, Http.is2xx)
      const unscoped = yield* decodeToken(withBearer, reply, reply.headers["x-subject-token"])
      if (auth.scope === undefined || auth.scope._tag === "Unscoped") return unscoped
      return yield* rescope({ credentials: Credentials.existingToken(unscoped.id), scope: auth.scope }, options)
    })

  return { issue }
}
