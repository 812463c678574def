/**
 * The identity-provider half of federated logins against a real OpenID
 * provider (oidc-provider on loopback, scripts/federation/idp.ts): every
 * grant keystoneauth1's v3oidc* plugins use, the device flow's polling, and
 * the IdP's refusals as typed errors with no secret in them.
 */
import { describe, expect, it } from "@effect/vitest"
import * as HttpClient from "@effect/platform/HttpClient"
import { NodeHttpClient } from "@effect/platform-node"
import * as Context from "effect/Context"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Fiber from "effect/Fiber"
import * as Layer from "effect/Layer"
import * as Option from "effect/Option"
import * as Redacted from "effect/Redacted"
import * as TestClock from "effect/TestClock"
import * as Idp from "../../../scripts/federation/idp.js"
import type * as Http from "../src/internal/http.js"
import * as Oidc from "../src/internal/oidc.js"
import * as Retry from "../src/internal/retry.js"

class TestIdp extends Context.Tag("TestIdp")<TestIdp, Idp.Idp>() {}

const idpLayer = (options?: Parameters<typeof Idp.start>[0]) =>
  Layer.scoped(TestIdp, Effect.acquireRelease(Effect.promise(() => Idp.start(options)), (idp) => Effect.promise(idp.close)))
const IdpLive = idpLayer()
/** Device codes that live 10 seconds. */
const ShortLivedIdp = idpLayer({ deviceCodeTtl: 10 })

const env = Effect.map(HttpClient.HttpClient, (client): Http.Env => ({
  client,
  headers: {},
  retry: Retry.resolve(false),
  timeoutMillis: 10_000,
  maxRetryAfterMillis: 30_000,
  maxResponseBytes: 1 << 20
}))

const client = (c: { readonly id: string; readonly secret: string }): Oidc.Client => ({
  clientId: c.id,
  clientSecret: Redacted.make(c.secret)
})

const setup = Effect.gen(function*() {
  const idp = yield* TestIdp
  const http = yield* env
  const endpoints = yield* Oidc.discover(http, idp.discoveryUrl)
  return { idp, http, endpoints }
})

/** Who the IdP says the access token belongs to (its userinfo endpoint). */
const userinfo = (idp: Idp.Idp, accessToken: Redacted.Redacted<string>) =>
  Effect.promise(() =>
    fetch(`${idp.issuer}/me`, { headers: { authorization: `Bearer ${Redacted.value(accessToken)}` } }).then((r) => r.json())
  )

const introspect = (idp: Idp.Idp, token: Redacted.Redacted<string>) =>
  Effect.promise(() =>
    fetch(`${idp.issuer}/token/introspection`, {
      method: "POST",
      headers: {
        authorization: `Basic ${btoa(`${Idp.clients.proxy.id}:${Idp.clients.proxy.secret}`)}`,
        "content-type": "application/x-www-form-urlencoded"
      },
      body: new URLSearchParams({ token: Redacted.value(token) })
    }).then((r) => r.json() as Promise<Record<string, unknown>>)
  )

describe("OpenID Connect against a real IdP", () => {
  it.layer(Layer.merge(IdpLive, NodeHttpClient.layerUndici), { timeout: 30_000 })((it) => {
    it.effect("discovery finds the token and device endpoints on the issuer", () =>
      Effect.gen(function*() {
        const { endpoints, idp } = yield* setup
        expect(endpoints.tokenEndpoint).toBe(`${idp.issuer}/token`)
        expect(endpoints.deviceAuthorizationEndpoint).toBe(`${idp.issuer}/device/auth`)
      }))

    it.effect("password grant: tokens for the user, with a refresh token that works", () =>
      Effect.gen(function*() {
        const { endpoints, http, idp } = yield* setup
        const tokens = yield* Oidc.token(http, endpoints, client(Idp.clients.password), {
          _tag: "password",
          username: "alice",
          password: Redacted.make("alice-password"),
          scope: "openid profile email groups"
        })
        expect(yield* userinfo(idp, tokens.accessToken)).toMatchObject({ sub: "alice", email: "alice@example.org", groups: ["cloud-users"] })
        expect(Option.isSome(tokens.refreshToken)).toBe(true)
        const refreshed = yield* Oidc.token(http, endpoints, client(Idp.clients.password), {
          _tag: "refresh_token",
          refreshToken: Option.getOrThrow(tokens.refreshToken)
        })
        expect(Redacted.value(refreshed.accessToken)).not.toBe(Redacted.value(tokens.accessToken))
        expect(yield* introspect(idp, refreshed.accessToken)).toMatchObject({ active: true, sub: "alice" })
      }))

    it.effect("a wrong password is IdentityProviderError invalid_grant, without the password", () =>
      Effect.gen(function*() {
        const { endpoints, http } = yield* setup
        const error = yield* Effect.flip(Oidc.token(http, endpoints, client(Idp.clients.password), {
          _tag: "password",
          username: "alice",
          password: Redacted.make("wrong-password-1234"),
          scope: "openid"
        }))
        expect(error._tag).toBe("IdentityProviderError")
        expect(error).toMatchObject({ error: "invalid_grant", status: 400 })
        expect(JSON.stringify(error)).not.toContain("wrong-password-1234")
      }))

    it.effect("a wrong client secret is IdentityProviderError invalid_client, without the secret", () =>
      Effect.gen(function*() {
        const { endpoints, http } = yield* setup
        const error = yield* Effect.flip(Oidc.token(http, endpoints, { clientId: Idp.clients.password.id, clientSecret: Redacted.make("not-the-secret-98765") }, {
          _tag: "password",
          username: "alice",
          password: Redacted.make("alice-password"),
          scope: "openid"
        }))
        expect(error).toMatchObject({ _tag: "IdentityProviderError", error: "invalid_client", status: 401 })
        expect(JSON.stringify(error)).not.toContain("not-the-secret-98765")
        expect(JSON.stringify(error)).not.toContain("alice-password")
      }))

    it.effect("client credentials: a token for the client itself", () =>
      Effect.gen(function*() {
        const { endpoints, http, idp } = yield* setup
        const tokens = yield* Oidc.token(http, endpoints, client(Idp.clients.clientCredentials), { _tag: "client_credentials", scope: "openid" })
        expect(yield* introspect(idp, tokens.accessToken)).toMatchObject({ active: true, client_id: Idp.clients.clientCredentials.id })
      }))

    it.effect("authorization code: the code the browser brought back is exchanged once", () =>
      Effect.gen(function*() {
        const { endpoints, http, idp } = yield* setup
        const code = Redacted.make(yield* Effect.promise(() => idp.authorize("alice", { scope: "openid email groups" })))
        const grant: Oidc.Grant = { _tag: "authorization_code", code, redirectUri: Idp.clients.authorizationCode.redirectUri }
        const tokens = yield* Oidc.token(http, endpoints, client(Idp.clients.authorizationCode), grant)
        expect(yield* userinfo(idp, tokens.accessToken)).toMatchObject({ sub: "alice" })
        const again = yield* Effect.flip(Oidc.token(http, endpoints, client(Idp.clients.authorizationCode), grant))
        expect(again).toMatchObject({ _tag: "IdentityProviderError", error: "invalid_grant" })
        expect(JSON.stringify(again)).not.toContain(Redacted.value(code))
      }))

    it.effect("device flow: polls at the interval, slows down when told, and gets the user's tokens once approved", () =>
      Effect.gen(function*() {
        const { endpoints, http, idp } = yield* setup
        const authorization = yield* Oidc.deviceAuthorization(http, endpoints, client(Idp.clients.device), "openid groups")
        expect(authorization.verificationUri).toBe(`${idp.issuer}/device`)
        expect(Duration.toSeconds(authorization.interval)).toBe(5)
        const poll = yield* Effect.fork(Oidc.pollDevice(http, endpoints, client(Idp.clients.device), authorization))
        // first poll: pending; the second comes (in real time) at once, so the IdP says slow_down
        yield* TestClock.adjust("5 seconds")
        yield* Effect.promise(() => new Promise((r) => setTimeout(r, 300)))
        yield* TestClock.adjust("5 seconds")
        yield* Effect.promise(() => new Promise((r) => setTimeout(r, 300)))
        // after slow_down the interval is 10 s: 5 s more is not a poll yet
        yield* Effect.promise(() => idp.approveDevice(authorization.userCode, "alice"))
        yield* TestClock.adjust("5 seconds")
        yield* Effect.promise(() => new Promise((r) => setTimeout(r, 200)))
        expect(Option.isNone(yield* Fiber.poll(poll))).toBe(true)
        yield* TestClock.adjust("5 seconds")
        const tokens = yield* Fiber.join(poll)
        expect(yield* userinfo(idp, tokens.accessToken)).toMatchObject({ sub: "alice" })
      }).pipe(Effect.provide(Layer.merge(IdpLive, NodeHttpClient.layerUndici))))

    it.effect("device flow: a code nobody approves ends as expired_token", () =>
      Effect.gen(function*() {
        const { endpoints, http } = yield* setup
        const authorization = yield* Oidc.deviceAuthorization(http, endpoints, client(Idp.clients.device), "openid")
        expect(Duration.toSeconds(authorization.expiresIn)).toBe(10)
        const poll = yield* Effect.fork(Oidc.pollDevice(http, endpoints, client(Idp.clients.device), authorization))
        yield* TestClock.adjust("5 seconds")
        yield* Effect.promise(() => new Promise((r) => setTimeout(r, 300)))
        yield* TestClock.adjust("5 seconds")
        const error = yield* Effect.flip(Fiber.join(poll))
        expect(error).toMatchObject({ _tag: "IdentityProviderError", error: "expired_token" })
      }).pipe(Effect.provide(Layer.merge(ShortLivedIdp, NodeHttpClient.layerUndici))))
  })

  it.effect("an http endpoint off loopback, or a discovery document naming another issuer, is refused before secrets go out", () =>
    Effect.gen(function*() {
      expect(Oidc.endpointProblem("http://idp.example.com/token", "x")).toMatch(/https/)
      expect(Oidc.endpointProblem("https://user:pw@idp.example.com/token", "x")).toMatch(/user info/)
      expect(Oidc.endpointProblem("https://idp.example.com/token", "x")).toBeUndefined()
      expect(Oidc.endpointProblem("http://127.0.0.1:5556/token", "x")).toBeUndefined()
      const http = yield* env
      const error = yield* Effect.flip(Oidc.discover(http, "http://idp.example.com/.well-known/openid-configuration"))
      expect(error).toMatchObject({ _tag: "InvalidInput", input: "discoveryEndpoint" })
    }).pipe(Effect.provide(NodeHttpClient.layerUndici)))
})
