/**
 * The identity-provider half of a federated login: the OpenID discovery
 * document, the token endpoint's grants (password, client credentials,
 * authorization code, refresh token, device code) and the device flow's
 * authorization and polling (RFC 6749, RFC 8628, OpenID Connect Discovery).
 * Requests go through the client's own `HttpClient` with its timeout, body
 * cap and retries; the IdP's OAuth errors become `IdentityProviderError`.
 *
 * @internal
 */
import { Url as SchemaUrl } from "@effect-keystone/schema"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Option from "effect/Option"
import * as Redacted from "effect/Redacted"
import * as Schema from "effect/Schema"
import * as KeystoneError from "../KeystoneError.js"
import * as Errors from "./errors.js"
import * as Http from "./http.js"
import * as Url from "./url.js"

/** Where the IdP takes its requests. @internal */
export interface Endpoints {
  readonly tokenEndpoint: string
  readonly deviceAuthorizationEndpoint?: string | undefined
}

/** The OAuth client the deployment registered with the IdP. @internal */
export interface Client {
  readonly clientId: string
  readonly clientSecret?: Redacted.Redacted<string> | undefined
}

/** One token-endpoint grant. @internal */
export type Grant =
  | { readonly _tag: "password"; readonly username: string; readonly password: Redacted.Redacted<string>; readonly scope: string }
  | { readonly _tag: "client_credentials"; readonly scope?: string | undefined }
  | { readonly _tag: "authorization_code"; readonly code: Redacted.Redacted<string>; readonly redirectUri: string }
  | { readonly _tag: "refresh_token"; readonly refreshToken: Redacted.Redacted<string> }
  | { readonly _tag: "device_code"; readonly deviceCode: Redacted.Redacted<string> }

/** The tokens a grant gave. @internal */
export interface Tokens {
  readonly accessToken: Redacted.Redacted<string>
  readonly expiresIn: Option.Option<Duration.Duration>
  readonly idToken: Option.Option<Redacted.Redacted<string>>
  readonly refreshToken: Option.Option<Redacted.Redacted<string>>
}

/** What the device flow shows the user. @internal */
export interface DeviceAuthorization {
  readonly deviceCode: Redacted.Redacted<string>
  readonly userCode: string
  readonly verificationUri: string
  readonly verificationUriComplete: Option.Option<string>
  readonly expiresIn: Duration.Duration
  readonly interval: Duration.Duration
}

const Discovery = Schema.Struct({
  issuer: Schema.String,
  token_endpoint: Schema.String,
  device_authorization_endpoint: Schema.optional(Schema.String)
})

const TokenReply = Schema.Struct({
  access_token: Schema.NonEmptyString,
  token_type: Schema.optional(Schema.String),
  expires_in: Schema.optional(Schema.Number.pipe(Schema.nonNegative())),
  id_token: Schema.optional(Schema.String),
  refresh_token: Schema.optional(Schema.String)
})

const DeviceReply = Schema.Struct({
  device_code: Schema.NonEmptyString,
  user_code: Schema.NonEmptyString,
  verification_uri: Schema.NonEmptyString,
  verification_uri_complete: Schema.optional(Schema.String),
  expires_in: Schema.Number.pipe(Schema.positive()),
  interval: Schema.optional(Schema.Number.pipe(Schema.nonNegative()))
})

const OAuthError = Schema.Struct({ error: Schema.NonEmptyString, error_description: Schema.optional(Schema.String) })

/**
 * Why the IdP must not be sent secrets at `url`, if so: not a URL, not
 * `https:` (plain `http:` only on loopback), or user info in it.
 *
 * @internal
 */
export const endpointProblem = (url: string, what: string): string | undefined => {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return `${what} is not a URL`
  }
  if (parsed.username !== "" || parsed.password !== "") return `${what} must not carry user info`
  if (parsed.protocol === "https:") return undefined
  if (parsed.protocol === "http:" && Url.isLoopback(parsed.hostname)) return undefined
  return `${what} must be https (plain http only on loopback): ${parsed.protocol}//${parsed.host}`
}

/** The URL as it may appear in an error: no query, no user info. */
const shown = (url: string): string => {
  try {
    const parsed = new URL(url)
    return `${parsed.origin}${parsed.pathname}`
  } catch {
    return "(invalid URL)"
  }
}

const refuse = (input: string, reason: string) => Effect.fail(Errors.invalidInput(input, reason))

const decodeWith = <A, I>(schema: Schema.Schema<A, I>, spec: Http.Spec, reply: Errors.Reply, what: string) => {
  const json = Errors.jsonBody(spec, reply)
  if (!json.ok) return Effect.fail(json.error)
  const decoded = Schema.decodeUnknownEither(schema)(json.value)
  return Either.isLeft(decoded)
    ? Effect.fail(Errors.decodeError(spec, reply, `${what}: ${Errors.describeParseError(decoded.left)}`))
    : Effect.succeed(decoded.right)
}

/** 2xx passes; 4xx is the IdP's OAuth error; 5xx and 429 are Keystone-style transient errors (retried). */
const sendToIdp = (env: Http.Env, spec: Http.Spec): Effect.Effect<Errors.Reply, KeystoneError.KeystoneError> =>
  Effect.flatMap(Http.request(env, spec, (status) => status < 500 && status !== 429), (reply): Effect.Effect<Errors.Reply, KeystoneError.KeystoneError> => {
    if (Http.is2xx(reply.status)) return Effect.succeed(reply)
    const parsed = Errors.parseJson(reply.text)
    const body = parsed.ok ? Schema.decodeUnknownOption(OAuthError)(parsed.value) : Option.none()
    if (Option.isNone(body)) return Effect.fail(Errors.decodeError(spec, reply, `HTTP ${reply.status} without an OAuth error`))
    const description = body.value.error_description === undefined
      ? undefined
      : Errors.scrub(body.value.error_description, spec.secrets)
    return Effect.fail(
      new KeystoneError.IdentityProviderError({
        method: spec.method,
        url: spec.url,
        status: reply.status,
        requestId: reply.requestId,
        error: Errors.scrub(body.value.error, spec.secrets),
        description,
        message: `the identity provider refused: ${body.value.error}${description === undefined ? "" : ` (${description})`}`
      })
    )
  })

/**
 * Reads the OpenID discovery document. Its `issuer` must be the document's
 * own base (OpenID Connect Discovery §4.3), and each endpoint https (or
 * loopback): a document cannot send the client's secrets elsewhere.
 *
 * @internal
 */
export const discover = (env: Http.Env, discoveryUrl: string): Effect.Effect<Endpoints, KeystoneError.KeystoneError> => {
  const problem = endpointProblem(discoveryUrl, "the discovery endpoint")
  if (problem !== undefined) return refuse("discoveryEndpoint", problem)
  const spec: Http.Spec = { method: "GET", url: shown(discoveryUrl), fullUrl: discoveryUrl, secrets: [], version: undefined }
  return Effect.gen(function*() {
    const reply = yield* Http.request(env, spec, Http.is2xx)
    const doc = yield* decodeWith(Discovery, spec, reply, "an OpenID discovery document")
    const base = discoveryUrl.replace(/\/\.well-known\/openid-configuration\/?$/, "")
    if (SchemaUrl.withoutTrailingSlashes(doc.issuer) !== SchemaUrl.withoutTrailingSlashes(base)) {
      return yield* Effect.fail(Errors.decodeError(spec, reply, `the document's issuer ${JSON.stringify(doc.issuer)} is not ${base}`))
    }
    for (const [url, what] of [[doc.token_endpoint, "token_endpoint"], [doc.device_authorization_endpoint, "device_authorization_endpoint"]] as const) {
      const bad = url === undefined ? undefined : endpointProblem(url, `the document's ${what}`)
      if (bad !== undefined) return yield* Effect.fail(Errors.decodeError(spec, reply, bad))
    }
    return { tokenEndpoint: doc.token_endpoint, deviceAuthorizationEndpoint: doc.device_authorization_endpoint }
  })
}

/** RFC 6749 §2.3.1: the client id and secret, form-encoded, as HTTP Basic credentials. */
const basic = (client: Client, secret: string): string => {
  const encode = (s: string) => encodeURIComponent(s).replace(/%20/g, "+")
  return `Basic ${btoa(`${encode(client.clientId)}:${encode(secret)}`)}`
}

const post = (
  env: Http.Env,
  url: string,
  client: Client,
  form: Record<string, string>,
  secrets: Array<string>,
  keystoneItself = false
): Effect.Effect<{ readonly spec: Http.Spec; readonly reply: Errors.Reply }, KeystoneError.KeystoneError> => {
  // Keystone's own OAuth 2.0 endpoint is under the auth URL, which is checked (and warned about) once
  const problem = keystoneItself ? undefined : endpointProblem(url, "the identity provider's endpoint")
  if (problem !== undefined) return refuse("accessTokenEndpoint", problem)
  const secret = client.clientSecret === undefined ? undefined : Redacted.value(client.clientSecret)
  const authorization = secret === undefined ? undefined : basic(client, secret)
  const spec: Http.Spec = {
    method: "POST",
    url: shown(url),
    fullUrl: url,
    form: secret === undefined ? { ...form, client_id: client.clientId } : form,
    headers: authorization === undefined ? {} : { Authorization: authorization },
    secrets: [...secrets, ...(secret === undefined ? [] : [secret, authorization!, authorization!.slice(6)])],
    version: undefined
  }
  return Effect.map(sendToIdp(env, spec), (reply) => ({ spec, reply }))
}

const grantForm = (grant: Grant): { readonly form: Record<string, string>; readonly secrets: Array<string> } => {
  switch (grant._tag) {
    case "password": {
      const password = Redacted.value(grant.password)
      return { form: { grant_type: "password", username: grant.username, password, scope: grant.scope }, secrets: [password] }
    }
    case "client_credentials":
      return { form: { grant_type: "client_credentials", ...(grant.scope === undefined ? {} : { scope: grant.scope }) }, secrets: [] }
    case "authorization_code": {
      const code = Redacted.value(grant.code)
      return { form: { grant_type: "authorization_code", code, redirect_uri: grant.redirectUri }, secrets: [code] }
    }
    case "refresh_token": {
      const token = Redacted.value(grant.refreshToken)
      return { form: { grant_type: "refresh_token", refresh_token: token }, secrets: [token] }
    }
    case "device_code": {
      const code = Redacted.value(grant.deviceCode)
      return { form: { grant_type: "urn:ietf:params:oauth:grant-type:device_code", device_code: code }, secrets: [code] }
    }
  }
}

/**
 * One grant at the token endpoint.
 *
 * @internal
 */
export const token = (
  env: Http.Env,
  endpoints: Endpoints,
  client: Client,
  grant: Grant,
  keystoneItself = false
): Effect.Effect<Tokens, KeystoneError.KeystoneError> => {
  const { form, secrets } = grantForm(grant)
  return Effect.flatMap(post(env, endpoints.tokenEndpoint, client, form, secrets, keystoneItself), ({ reply, spec }) => {
    return Effect.map(decodeHolding(TokenReply, spec, reply, "a token endpoint reply"), (body) => ({
      accessToken: Redacted.make(body.access_token),
      expiresIn: Option.map(Option.fromNullable(body.expires_in), Duration.seconds),
      idToken: Option.map(Option.fromNullable(body.id_token), Redacted.make),
      refreshToken: Option.map(Option.fromNullable(body.refresh_token), Redacted.make)
    }))
  })
}

const tokenStrings = (text: string): Array<string> => {
  const parsed = Errors.parseJson(text)
  if (!parsed.ok || typeof parsed.value !== "object" || parsed.value === null) return []
  const record = parsed.value as Record<string, unknown>
  return ["access_token", "id_token", "refresh_token", "device_code"].flatMap((k) => typeof record[k] === "string" ? [record[k] as string] : [])
}

/** Decodes a reply that holds new tokens or codes: none of them may surface in a decode error. */
const decodeHolding = <A, I>(schema: Schema.Schema<A, I>, spec: Http.Spec, reply: Errors.Reply, what: string) =>
  decodeWith(schema, { ...spec, secrets: [...spec.secrets, ...tokenStrings(reply.text)] }, reply, what)

/**
 * Starts the device flow (RFC 8628 §3.1–3.2).
 *
 * @internal
 */
export const deviceAuthorization = (
  env: Http.Env,
  endpoints: Endpoints,
  client: Client,
  scope: string
): Effect.Effect<DeviceAuthorization, KeystoneError.KeystoneError> => {
  const url = endpoints.deviceAuthorizationEndpoint
  if (url === undefined) return refuse("deviceAuthorizationEndpoint", "the identity provider has no device_authorization_endpoint")
  return Effect.flatMap(post(env, url, client, { scope }, []), ({ reply, spec }) =>
    Effect.map(decodeHolding(DeviceReply, spec, reply, "a device authorization reply"), (body) => ({
      deviceCode: Redacted.make(body.device_code),
      userCode: body.user_code,
      verificationUri: body.verification_uri,
      verificationUriComplete: Option.fromNullable(body.verification_uri_complete),
      expiresIn: Duration.seconds(body.expires_in),
      // RFC 8628 §3.2: 5 seconds when the IdP does not say
      interval: Duration.seconds(body.interval ?? 5)
    })))
}

/**
 * Polls the token endpoint until the user approves (RFC 8628 §3.4–3.5): at
 * the announced interval, 5 seconds slower after each `slow_down`, and no
 * longer than the device code lives (`expired_token` then).
 *
 * @internal
 */
export const pollDevice = (
  env: Http.Env,
  endpoints: Endpoints,
  client: Client,
  authorization: DeviceAuthorization
): Effect.Effect<Tokens, KeystoneError.KeystoneError> => {
  const grant: Grant = { _tag: "device_code", deviceCode: authorization.deviceCode }
  const loop = (interval: Duration.Duration): Effect.Effect<Tokens, KeystoneError.KeystoneError> =>
    Effect.zipRight(
      Effect.sleep(interval),
      Effect.catchIf(
        token(env, endpoints, client, grant),
        (e): e is KeystoneError.IdentityProviderError =>
          e._tag === "IdentityProviderError" && (e.error === "authorization_pending" || e.error === "slow_down"),
        (e) => loop(e.error === "slow_down" ? Duration.sum(interval, Duration.seconds(5)) : interval)
      )
    )
  const expired = new KeystoneError.IdentityProviderError({
    method: "POST",
    url: shown(endpoints.tokenEndpoint),
    status: 0,
    error: "expired_token",
    description: "the device code expired before the user approved it",
    message: "the identity provider refused: expired_token (the device code expired before the user approved it)"
  })
  return Effect.timeoutFail(loop(authorization.interval), { duration: authorization.expiresIn, onTimeout: () => expired })
}
