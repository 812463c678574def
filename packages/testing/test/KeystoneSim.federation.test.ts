/**
 * The simulator's federated logins (OS-FEDERATION) with bearer tokens the
 * test declares, and Keystone's OAuth 2.0 token endpoint (OS-OAUTH2), in
 * memory. The shapes follow a real Keystone 22 (see
 * KeystoneSim.federation.keystone.test.ts for the side-by-side check).
 */
import * as HttpClientRequest from "@effect/platform/HttpClientRequest"
import { describe, expect, it } from "@effect/vitest"
import { type Federation, KeystoneSim } from "@effect-keystone/testing"
import * as Effect from "effect/Effect"
import * as Option from "effect/Option"
import * as Redacted from "effect/Redacted"
import * as TestClock from "effect/TestClock"
import { createHash } from "node:crypto"
import { AppCred, Demo, get, issue, provideSim, send, tokenAuth, tokens, UNAUTHORIZED } from "./utils.js"

const { Federated } = KeystoneSim
const endpoint = { identityProvider: Federated.identityProvider, protocol: Federated.protocol }
const loginPath = (idp: string = Federated.identityProvider, protocol: string = Federated.protocol) =>
  `/v3/OS-FEDERATION/identity_providers/${idp}/protocols/${protocol}/auth`

/** The federated login with `Authorization: Bearer <bearer>` (none when undefined). */
const login = (bearer: string | undefined, options: { readonly method?: "GET" | "POST"; readonly path?: string } = {}) =>
  Effect.flatMap(KeystoneSim.KeystoneSim, (s) =>
    send(HttpClientRequest.make(options.method ?? "POST")(`${s.baseUrl}${options.path ?? loginPath()}`).pipe(
      HttpClientRequest.setHeaders(bearer === undefined ? {} : { authorization: `Bearer ${bearer}` })
    )))

const accept = (accessToken: string, identity: Federation.Identity) =>
  Effect.flatMap(KeystoneSim.KeystoneSim, (s) => s.federation.accept({ ...endpoint, accessToken: Redacted.make(accessToken), identity }))

const alice = { user: { name: "alice" }, groups: [Federated.groupName] }

/** Keystone's shadow user id: sha256 of the domain id, "user" and the unique id. */
const shadowId = (uniqueId: string, domainId: string = Federated.domainId) =>
  createHash("sha256").update(`${domainId}user${uniqueId}`).digest("hex")

const fedProject = { project: { name: Federated.projectName, domain: { name: Federated.domainName } } }

describe("KeystoneSim federation: logging in", () => {
  it.effect("a declared bearer token: 201 and an unscoped token for the shadow user, as Keystone writes it", () =>
    Effect.gen(function*() {
      yield* accept("at-alice", alice)
      const a = yield* login("at-alice")
      expect(a.status).toBe(201)
      expect(a.headers["x-subject-token"]).toMatch(/^gAAAAA[A-Za-z0-9_-]{150,}$/)
      const t = a.json.token
      expect(Object.keys(t)).toEqual(["methods", "user", "audit_ids", "expires_at", "issued_at"])
      expect(t.methods).toEqual(["openid"])
      expect(Object.keys(t.user)).toEqual(["domain", "id", "name", "OS-FEDERATION"])
      expect(t.user).toEqual({
        domain: { id: Federated.domainId, name: Federated.domainName },
        id: shadowId("alice"),
        name: "alice",
        "OS-FEDERATION": {
          groups: [{ id: Federated.groupId }],
          identity_provider: { id: Federated.identityProvider },
          protocol: { id: Federated.protocol }
        }
      })
      expect(t.expires_at).toBe("1970-01-01T01:00:00.000000Z")
      // Keystone answers GET on the same path alike
      const again = yield* login("at-alice", { method: "GET" })
      expect(again.status).toBe(201)
      expect(again.json.token.user.id).toBe(shadowId("alice"))
      // and the token validates itself
      const id = a.headers["x-subject-token"]!
      const seen = yield* tokens("GET", id, id)
      expect(seen.status).toBe(200)
      expect(seen.json.token.user).toEqual(t.user)
      expect(yield* Effect.flatMap(KeystoneSim.KeystoneSim, (s) => s.count(`POST ${loginPath("{idp}", "{protocol}")}`))).toBe(1)
    }).pipe(provideSim()))

  it.effect("rescoped with the token method: the group's roles on its project, a fresh expiry, one audit id", () =>
    Effect.gen(function*() {
      yield* accept("at-alice", alice)
      const unscoped = yield* login("at-alice")
      yield* TestClock.adjust("10 minutes")
      const a = yield* issue(tokenAuth(unscoped.headers["x-subject-token"]!, fedProject), "?nocatalog")
      expect(a.status).toBe(201)
      const t = a.json.token
      expect([...t.methods].sort()).toEqual(["openid", "token"])
      expect(t.user["OS-FEDERATION"].groups).toEqual([{ id: Federated.groupId }])
      expect(t.project).toEqual({ domain: { id: Federated.domainId, name: Federated.domainName }, id: Federated.projectId, name: Federated.projectName })
      // a federated token's roles are whole role references (member implies reader)
      expect(t.roles).toEqual([
        { id: KeystoneSim.Roles.member.id, name: "member", domain_id: null, description: null, options: { immutable: true } },
        { id: KeystoneSim.Roles.reader.id, name: "reader", domain_id: null, description: null, options: { immutable: true } }
      ])
      // Keystone's handle_scoped_token: no expiry or audit chain carried over
      expect(t.expires_at).toBe("1970-01-01T01:10:00.000000Z")
      expect(t.audit_ids).toHaveLength(1)
      expect(t.audit_ids[0]).not.toBe(unscoped.json.token.audit_ids[0])
      // rescoped again, it stays federated; the projects listing counts the group's
      const again = yield* issue(tokenAuth(a.headers["x-subject-token"]!, fedProject), "?nocatalog")
      expect(again.json.token.user["OS-FEDERATION"].identity_provider).toEqual({ id: Federated.identityProvider })
      const listed = yield* get("/v3/auth/projects", unscoped.headers["x-subject-token"]!)
      expect(listed.json.projects.map((p: { name: string }) => p.name)).toEqual([Federated.projectName])
      // where the group holds nothing: 401
      const elsewhere = yield* issue(tokenAuth(unscoped.headers["x-subject-token"]!, { project: { id: Demo.projectId } }))
      expect(elsewhere.status).toBe(401)
      expect(elsewhere.json).toEqual(UNAUTHORIZED)
    }).pipe(provideSim()))

  it.effect("a mapping's projects: created in the identity provider's domain once, the roles granted to the user", () =>
    Effect.gen(function*() {
      const bob = { user: { name: "Bob B.", id: "bob@example.org" }, projects: [{ name: "bob-lab", roles: ["reader"] }] }
      yield* accept("at-bob-1", bob)
      yield* accept("at-bob-2", bob)
      const first = yield* login("at-bob-1")
      const second = yield* login("at-bob-2")
      // the unique id is URL-quoted before hashing, as Keystone does
      expect(first.json.token.user.id).toBe(shadowId("bob%40example.org"))
      expect(second.json.token.user.id).toBe(first.json.token.user.id)
      expect(first.json.token.user.name).toBe("Bob B.")
      expect(first.json.token.user["OS-FEDERATION"].groups).toEqual([])
      const scoped = yield* issue(tokenAuth(second.headers["x-subject-token"]!, {
        project: { name: "bob-lab", domain: { id: Federated.domainId } }
      }), "?nocatalog")
      expect(scoped.status).toBe(201)
      expect(scoped.json.token.roles.map((r: { name: string }) => r.name)).toEqual(["reader"])
      const listed = yield* get("/v3/auth/projects", second.headers["x-subject-token"]!)
      expect(listed.json.projects).toHaveLength(1)
      expect(listed.json.projects[0]).toMatchObject({ name: "bob-lab", domain_id: Federated.domainId, id: expect.stringMatching(/^[0-9a-f]{32}$/) })
      // a shadow user cannot log in with a password
      const byPassword = yield* issue({
        auth: { identity: { methods: ["password"], password: { user: { id: first.json.token.user.id, password: "" } } } }
      })
      expect(byPassword.status).toBe(401)
    }).pipe(provideSim()))

  it.effect("verifyWith decides for tokens not declared, with the token redacted; a verifier that dies is a 500", () =>
    Effect.gen(function*() {
      const sim = yield* KeystoneSim.KeystoneSim
      const asked: Array<Redacted.Redacted<string>> = []
      yield* sim.federation.verifyWith({
        ...endpoint,
        verify: (accessToken) =>
          Effect.sync(() => {
            asked.push(accessToken)
            return Redacted.value(accessToken) === "introspected" ? Option.some(alice) : Option.none()
          })
      })
      expect((yield* login("introspected")).status).toBe(201)
      expect((yield* login("not-active")).json).toEqual(UNAUTHORIZED)
      expect(asked.map(String)).toEqual(["<redacted>", "<redacted>"])
      yield* sim.federation.verifyWith({ ...endpoint, verify: () => Effect.die("the IdP is down") })
      const broken = yield* login("introspected")
      expect(broken.status).toBe(500)
      expect(broken.json.error.message).toBe("An unexpected error prevented the server from fulfilling your request.")
    }).pipe(provideSim()))
})

describe("KeystoneSim federation: refusing", () => {
  it.effect("no bearer, an undeclared one, a forgotten one, one declared elsewhere: Keystone's 401", () =>
    Effect.gen(function*() {
      const sim = yield* KeystoneSim.KeystoneSim
      yield* accept("at-alice", alice)
      yield* sim.federation.accept({ identityProvider: "other-idp", protocol: "openid", accessToken: Redacted.make("at-other"), identity: alice })
      const none = yield* login(undefined)
      expect(none.status).toBe(401)
      expect(none.json).toEqual(UNAUTHORIZED)
      expect(none.headers["www-authenticate"]).toBe(`Keystone uri="${sim.baseUrl}/v3"`)
      expect((yield* login("at-nobody")).json).toEqual(UNAUTHORIZED)
      expect((yield* login("at-other")).json).toEqual(UNAUTHORIZED)
      expect((yield* login("at-alice")).status).toBe(201)
      yield* sim.federation.forget(Redacted.make("at-alice"))
      expect((yield* login("at-alice")).json).toEqual(UNAUTHORIZED)
      expect(yield* sim.tokensIssued).toBe(1)
    }).pipe(provideSim()))

  it.effect("unknown identity provider 404, a protocol it lacks 404, a protocol no method knows 401, a local method 400, disabled 403", () =>
    Effect.gen(function*() {
      yield* accept("at-alice", alice)
      const unknownIdp = yield* login("at-alice", { path: loginPath("nope") })
      expect(unknownIdp.status).toBe(404)
      expect(unknownIdp.json).toEqual({ error: { code: 404, message: "Could not find Identity Provider: nope.", title: "Not Found" } })
      const lacking = yield* login("at-alice", { path: loginPath(Federated.identityProvider, "saml2") })
      expect(lacking.status).toBe(404)
      expect(lacking.json.error.message).toBe("Could not find federated protocol saml2 for Identity Provider: testidp.")
      // Keystone runs a local method with the federation payload: no user in it
      for (const method of ["password", "token", "application_credential", "totp"]) {
        expect((yield* login("at-alice", { path: loginPath(Federated.identityProvider, method) })).status).toBe(400)
      }
      const unsupported = yield* login("at-alice", { path: loginPath(Federated.identityProvider, "kerberos") })
      expect(unsupported.status).toBe(401)
      expect(unsupported.json.error.message).toBe("Attempted to authenticate with an unsupported method.")
      expect(unsupported.json.error.identity.methods).toEqual(["password", "token", "application_credential", "totp", "openid", "saml2"])
      const disabled = yield* login("at-alice", { path: loginPath("off-idp") })
      expect(disabled.status).toBe(403)
    }).pipe(provideSim({
      identityProviders: [
        { id: Federated.identityProvider, domainId: Federated.domainId, protocols: [Federated.protocol] },
        { id: "off-idp", domainId: Federated.domainId, protocols: [Federated.protocol], enabled: false },
        { id: "saml-idp", domainId: Federated.domainId, protocols: ["saml2"] }
      ]
    })))

  it.effect("a mapping naming a group that does not exist is a 500, a role that does not exist a 404; nothing is created", () =>
    Effect.gen(function*() {
      yield* accept("at-ghost-group", { user: { name: "carol" }, groups: ["no-such-group"] })
      yield* accept("at-ghost-role", { user: { name: "carol" }, projects: [{ name: "carol-lab", roles: ["no-such-role"] }] })
      expect((yield* login("at-ghost-group")).status).toBe(500)
      const role = yield* login("at-ghost-role")
      expect(role.status).toBe(404)
      expect(role.json.error.message).toBe("Could not find role: no-such-role.")
      expect(yield* Effect.flatMap(KeystoneSim.KeystoneSim, (s) => s.tokensIssued)).toBe(0)
    }).pipe(provideSim()))
})

const oauth2 = (options: { readonly basic?: string; readonly body?: string; readonly contentType?: string; readonly method?: "GET" | "POST" } = {}) =>
  Effect.flatMap(KeystoneSim.KeystoneSim, (s) =>
    send(HttpClientRequest.make(options.method ?? "POST")(`${s.authUrl}/OS-OAUTH2/token`).pipe(
      HttpClientRequest.setHeaders({
        ...(options.basic === undefined ? {} : { authorization: `Basic ${btoa(options.basic)}` }),
        ...(options.body === undefined ? {} : { "content-type": options.contentType ?? "application/x-www-form-urlencoded" })
      }),
      options.body === undefined ? (r) => r : HttpClientRequest.bodyText(options.body, options.contentType ?? "application/x-www-form-urlencoded")
    )))

const client = `${AppCred.id}:${AppCred.secret}`
const grant = "grant_type=client_credentials"

describe("KeystoneSim OS-OAUTH2: client credentials", () => {
  it.effect("an application credential by HTTP Basic: 200, a bearer token that is a Keystone token", () =>
    Effect.gen(function*() {
      const a = yield* oauth2({ basic: client, body: grant })
      expect(a.status).toBe(200)
      expect(a.text.endsWith("}\n")).toBe(true)
      expect(Object.keys(a.json)).toEqual(["access_token", "expires_in", "token_type"])
      expect(a.json).toMatchObject({ expires_in: 3600, token_type: "Bearer" })
      const seen = yield* tokens("GET", a.json.access_token, a.json.access_token, "?nocatalog")
      expect(seen.status).toBe(200)
      expect(seen.json.token.methods).toEqual(["application_credential"])
      expect(seen.json.token.user.id).toBe(Demo.userId)
      expect(seen.json.token.application_credential).toEqual({ id: AppCred.id, name: AppCred.name, restricted: true })
      // expires_in follows the token lifetime
      yield* Effect.flatMap(KeystoneSim.KeystoneSim, (s) => s.setTokenLifetime("15 minutes"))
      expect((yield* oauth2({ basic: client, body: `${grant}&scope=ignored` })).json.expires_in).toBe(900)
    }).pipe(provideSim()))

  it.effect("refusals are OAuth 2.0 error bodies with Keystone's statuses", () =>
    Effect.gen(function*() {
      const sim = yield* KeystoneSim.KeystoneSim
      const error = (a: { readonly status: number; readonly json: any }) => ({ status: a.status, ...a.json })
      const formOnly = yield* oauth2({ body: `${grant}&client_id=${AppCred.id}&client_secret=${AppCred.secret}` })
      expect(error(formOnly)).toEqual({ status: 401, error: "invalid_client", error_description: "OAuth2.0 client authorization is required." })
      expect(formOnly.headers["www-authenticate"]).toBe(`Keystone uri="${sim.baseUrl}/v3"`)
      expect(error(yield* oauth2({ basic: `${AppCred.id}:`, body: grant })))
        .toEqual({ status: 401, error: "invalid_client", error_description: "OAuth2.0 client authorization is invalid." })
      expect(error(yield* oauth2({ basic: `${AppCred.id}:wrong-secret`, body: grant })))
        .toEqual({ status: 401, error: "invalid_client", error_description: "The request you have made requires authentication." })
      expect(error(yield* oauth2({ basic: "nope:x", body: grant }))).toEqual({
        status: 404,
        error: "other_error",
        error_description: "An unknown error occurred and failed to get an OAuth2.0 access token."
      })
      expect(error(yield* oauth2({ basic: client, body: "" })))
        .toEqual({ status: 400, error: "invalid_request", error_description: "The parameter grant_type is required." })
      expect(error(yield* oauth2({ basic: client, body: JSON.stringify({ grant_type: "client_credentials" }), contentType: "application/json" })))
        .toEqual({ status: 400, error: "invalid_request", error_description: "The parameter grant_type is required." })
      expect(error(yield* oauth2({ basic: client, body: "grant_type=password" })))
        .toEqual({ status: 400, error: "unsupported_grant_type", error_description: "The parameter grant_type password is not supported." })
      expect(error(yield* oauth2({ method: "GET" })))
        .toEqual({ status: 405, error: "other_error", error_description: "The method is not allowed for the requested URL." })
      expect(yield* sim.tokensIssued).toBe(0)
    }).pipe(provideSim()))

  it.effect("POST /v3/auth/tokens with an unknown application credential id: 404, as Keystone", () =>
    Effect.gen(function*() {
      const a = yield* issue({ auth: { identity: { methods: ["application_credential"], application_credential: { id: "nope", secret: "x" } } } })
      expect(a.status).toBe(404)
      expect(a.json.error.message).toBe("Could not find Application Credential: nope.")
    }).pipe(provideSim()))
})
