/**
 * Conformance against a REAL Keystone (`bash scripts/keystone-up.sh`).
 * Run with `npm run test:keystone`. Reads `$KEYSTONE_DIR/env` (default
 * `/tmp/effect-keystone-ks/env`) or the `KS_*` variables, and fails loudly
 * when neither is there.
 */
import { NodeHttpClient } from "@effect/platform-node"
import { AuthScope, Credentials, KeystoneClient } from "@effect-keystone/client"
import type { Auth } from "@effect-keystone/client"
import { Catalog, Token } from "@effect-keystone/schema"
import { describe, expect, it } from "@effect/vitest"
import * as HttpClient from "@effect/platform/HttpClient"
import * as DateTime from "effect/DateTime"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Layer from "effect/Layer"
import * as Redacted from "effect/Redacted"
import * as net from "node:net"
import * as util from "node:util"
import * as KeystoneEnv from "../../../scripts/keystone-env.js"
import { type ClientOptions, makeClient } from "./utils.js"


const env = KeystoneEnv.load()
const need = KeystoneEnv.need(env)

const ks = {
  authUrl: need("KS_AUTH_URL"),
  baseUrl: need("KS_BASE_URL"),
  defaultDomainId: need("KS_DEFAULT_DOMAIN_ID"),
  defaultDomainName: need("KS_DEFAULT_DOMAIN_NAME"),
  demoDomainId: need("KS_DEMO_DOMAIN_ID"),
  demoDomainName: need("KS_DEMO_DOMAIN_NAME"),
  adminUserId: need("KS_ADMIN_USER_ID"),
  adminUsername: need("KS_ADMIN_USERNAME"),
  adminPassword: need("KS_ADMIN_PASSWORD"),
  adminProjectId: need("KS_ADMIN_PROJECT_ID"),
  adminProjectName: need("KS_ADMIN_PROJECT_NAME"),
  demoUserId: need("KS_DEMO_USER_ID"),
  demoUsername: need("KS_DEMO_USERNAME"),
  demoPassword: need("KS_DEMO_PASSWORD"),
  demoProjectId: need("KS_DEMO_PROJECT_ID"),
  demoProjectName: need("KS_DEMO_PROJECT_NAME"),
  demo2ProjectId: need("KS_DEMO2_PROJECT_ID"),
  demo2ProjectName: need("KS_DEMO2_PROJECT_NAME"),
  otherUserId: need("KS_OTHER_USER_ID"),
  otherUsername: need("KS_OTHER_USERNAME"),
  otherPassword: need("KS_OTHER_PASSWORD"),
  appCredId: need("KS_APPCRED_ID"),
  appCredName: need("KS_APPCRED_NAME"),
  appCredSecret: need("KS_APPCRED_SECRET")
}

const demoById = Credentials.password({ userId: ks.demoUserId, password: Redacted.make(ks.demoPassword) })
const demoByName = Credentials.password({
  username: ks.demoUsername,
  domain: { id: ks.defaultDomainId },
  password: Redacted.make(ks.demoPassword)
})
const adminAuth: Auth.Auth = {
  credentials: Credentials.password({
    username: ks.adminUsername,
    domain: { name: ks.defaultDomainName },
    password: Redacted.make(ks.adminPassword)
  }),
  scope: AuthScope.project({ name: ks.adminProjectName, domain: { id: ks.defaultDomainId } })
}

const Client = (options: Partial<ClientOptions> = {}) =>
  Layer.effect(KeystoneClient.KeystoneClient, makeClient({ authUrl: ks.authUrl, ...options })).pipe(
    Layer.provide(NodeHttpClient.layerUndici)
  )

const withClient = <A, E>(
  options: Partial<ClientOptions>,
  f: (client: KeystoneClient.KeystoneClientService) => Effect.Effect<A, E>
) => Effect.flatMap(KeystoneClient.KeystoneClient, f).pipe(Effect.provide(Client(options)))

const leaks = (value: unknown, secrets: ReadonlyArray<string>) => {
  const forms = [String(value), util.inspect(value, { depth: 10 }), JSON.stringify(value)]
  if (value instanceof Error) forms.push(value.message)
  return secrets.filter((s) => forms.some((f) => f.includes(s)))
}

const closedPort = () =>
  Effect.promise(() =>
    new Promise<number>((resolve, reject) => {
      const server = net.createServer()
      server.once("error", reject)
      server.listen(0, "127.0.0.1", () => {
        const address = server.address() as net.AddressInfo
        server.close(() => resolve(address.port))
      })
    })
  )

describe(`KeystoneClient against a real Keystone (${ks.authUrl})`, () => {
  describe("issue: every v3 credential kind and scope", () => {
    const cases: ReadonlyArray<readonly [string, Auth.Auth, (t: Token.Token) => void]> = [
      ["password by user id, default scope (the user's default project)", { credentials: demoById }, (t) => {
        expect(t.scope).toMatchObject({ _tag: "Project", id: ks.demoProjectId })
      }],
      ["password by user id, explicitly unscoped", { credentials: demoById, scope: AuthScope.unscoped() }, (t) => {
        expect(t.scope._tag).toBe("Unscoped")
        expect(t.catalog.services).toEqual([])
      }],
      ["password by name and domain id, project by id", {
        credentials: demoByName,
        scope: AuthScope.project({ id: ks.demoProjectId })
      }, (t) => expect(t.scope).toMatchObject({ _tag: "Project", id: ks.demoProjectId, name: ks.demoProjectName })],
      ["password by name and domain name, project by name and domain id", {
        credentials: Credentials.password({
          username: ks.demoUsername,
          domain: { name: ks.defaultDomainName },
          password: Redacted.make(ks.demoPassword)
        }),
        scope: AuthScope.project({ name: ks.demoProjectName, domain: { id: ks.defaultDomainId } })
      }, (t) => expect(t.scope).toMatchObject({ _tag: "Project", id: ks.demoProjectId })],
      ["project by name and domain name (another domain)", {
        credentials: demoById,
        scope: AuthScope.project({ name: ks.demo2ProjectName, domain: { name: ks.demoDomainName } })
      }, (t) => expect(t.scope).toMatchObject({ _tag: "Project", id: ks.demo2ProjectId, domain: { id: ks.demoDomainId } })],
      ["domain by id", { credentials: demoById, scope: AuthScope.domain({ id: ks.defaultDomainId }) }, (t) => {
        expect(t.scope).toMatchObject({ _tag: "Domain", id: ks.defaultDomainId })
      }],
      ["domain by name", { credentials: demoById, scope: AuthScope.domain({ name: ks.defaultDomainName }) }, (t) => {
        expect(t.scope).toMatchObject({ _tag: "Domain", id: ks.defaultDomainId })
      }],
      ["system (admin)", { credentials: adminAuth.credentials, scope: AuthScope.system() }, (t) => {
        expect(t.scope).toMatchObject({ _tag: "System", all: true })
      }],
      ["application credential by id", {
        credentials: Credentials.applicationCredential({ id: ks.appCredId, secret: Redacted.make(ks.appCredSecret) })
      }, (t) => {
        expect(t.applicationCredential?.id).toBe(ks.appCredId)
        expect(t.scope).toMatchObject({ _tag: "Project", id: ks.demoProjectId })
        expect(t.methods).toEqual(["application_credential"])
      }],
      ["application credential by name and user id", {
        credentials: Credentials.applicationCredential({
          name: ks.appCredName,
          user: { userId: ks.demoUserId },
          secret: Redacted.make(ks.appCredSecret)
        })
      }, (t) => expect(t.applicationCredential?.name).toBe(ks.appCredName)],
      ["application credential by name and user name + domain", {
        credentials: Credentials.applicationCredential({
          name: ks.appCredName,
          user: { username: ks.demoUsername, domain: { id: ks.defaultDomainId } },
          secret: Redacted.make(ks.appCredSecret)
        })
      }, (t) => expect(t.applicationCredential?.id).toBe(ks.appCredId)]
    ]
    for (const [name, auth, check] of cases) {
      it.live(name, () =>
        withClient({}, (client) =>
          Effect.gen(function*() {
            const token = yield* client.issue(auth)
            expect(token.version).toBe("v3")
            expect(Redacted.value(token.id).length).toBeGreaterThan(20)
            expect(Token.isExpired(token, yield* DateTime.now)).toBe(false)
            check(token)
          })))
    }

    it.live("token method: rescope an unscoped token to a project", () =>
      withClient({}, (client) =>
        Effect.gen(function*() {
          const unscoped = yield* client.issue({ credentials: demoById, scope: AuthScope.unscoped() })
          const scoped = yield* client.issue({
            credentials: Credentials.existingToken(unscoped.id),
            scope: AuthScope.project({ id: ks.demo2ProjectId })
          })
          expect(scoped.scope).toMatchObject({ _tag: "Project", id: ks.demo2ProjectId })
          expect(scoped.methods).toContain("token")
          expect(scoped.auditIds).toHaveLength(2)
        })))

    it.live("nocatalog leaves the catalog out", () =>
      withClient({}, (client) =>
        Effect.gen(function*() {
          const full = yield* client.issue({ credentials: demoById })
          const bare = yield* client.issue({ credentials: demoById }, { noCatalog: true })
          expect(full.catalog.services.length).toBeGreaterThan(0)
          expect(bare.catalog.services).toEqual([])
        })))

    it.live("wrong password → Unauthorized, with Keystone's request id, not retried, no secret", () =>
      withClient({}, (client) =>
        Effect.gen(function*() {
          const error = yield* Effect.flip(client.issue({
            credentials: Credentials.password({ userId: ks.demoUserId, password: Redacted.make("wrong-password-123") })
          }))
          expect(error._tag).toBe("Unauthorized")
          if (error._tag !== "Unauthorized") return
          expect(error.status).toBe(401)
          expect(error.requestId).toMatch(/^req-/)
          expect(error.method).toBe("POST")
          expect(error.url).toBe(`${ks.authUrl}/auth/tokens`)
          expect(leaks(error, ["wrong-password-123"])).toEqual([])
        })))

    it.live("a project the user has no role on → Unauthorized", () =>
      withClient({}, (client) =>
        Effect.gen(function*() {
          const error = yield* Effect.flip(client.issue({ credentials: demoById, scope: AuthScope.project({ id: ks.adminProjectId }) }))
          expect(error._tag).toBe("Unauthorized")
        })))
  })

  describe("validate, check, revoke (self as caller)", () => {
    it.live("validate with and without nocatalog", () =>
      withClient({}, (client) =>
        Effect.gen(function*() {
          const token = yield* client.issue({ credentials: demoById })
          const full = yield* client.validate(token)
          const bare = yield* client.validate(token, { noCatalog: true })
          expect(Redacted.value(full.id)).toBe(Redacted.value(token.id))
          expect(full.user.id).toBe(ks.demoUserId)
          expect(full.scope).toEqual(token.scope)
          expect(full.catalog.services.length).toBeGreaterThan(0)
          expect(bare.catalog.services).toEqual([])
          const withExpired = yield* client.validate(token.id, { allowExpired: true, noCatalog: true })
          expect(withExpired.user.id).toBe(ks.demoUserId)
        })))

    it.live("check → true; revoke; then the token no longer authenticates (Unauthorized as its own caller)", () =>
      withClient({}, (client) =>
        Effect.gen(function*() {
          const token = yield* client.issue({ credentials: demoById })
          expect(yield* client.check(token)).toBe(true)
          yield* client.revoke(token)
          // Keystone rejects the revoked token as X-Auth-Token before it looks at the subject
          const error = yield* Effect.flip(client.validate(token))
          expect(error._tag).toBe("Unauthorized")
        })))
  })

  describe("service-token mode", () => {
    it.live("service credentials: validate, check true/false, revoke → NotFound, garbage → NotFound", () =>
      withClient({ caller: { auth: adminAuth } }, (client) =>
        Effect.gen(function*() {
          const token = yield* client.issue({ credentials: demoById })
          const validated = yield* client.validate(token)
          expect(validated.user.id).toBe(ks.demoUserId)
          expect(yield* client.check(token)).toBe(true)
          yield* client.revoke(token)
          expect(yield* client.check(token)).toBe(false)
          const gone = yield* Effect.flip(client.validate(token))
          expect(gone._tag).toBe("NotFound")
          const garbage = yield* Effect.flip(client.validate(Redacted.make("gAAAAABgarbage-not-a-fernet-token")))
          expect(garbage._tag).toBe("NotFound")
          expect(leaks(garbage, ["gAAAAABgarbage-not-a-fernet-token"])).toEqual([])
          expect(yield* client.check(Redacted.make("gAAAAABgarbage-not-a-fernet-token"))).toBe(false)
        })))

    it.live("a fixed service token", () =>
      Effect.gen(function*() {
        const admin = yield* withClient({}, (c) => c.issue(adminAuth, { noCatalog: true }))
        yield* withClient({ caller: { token: admin.id } }, (client) =>
          Effect.gen(function*() {
            const token = yield* client.issue({ credentials: demoById, scope: AuthScope.unscoped() })
            const validated = yield* client.validate(token.id)
            expect(validated.scope._tag).toBe("Unscoped")
            yield* client.revoke(token)
            expect(yield* client.check(token.id)).toBe(false)
          }))
      }))

    it.live("the service token is issued once, and renewed once when Keystone refuses it", () =>
      Effect.gen(function*() {
        // watch the wire: which X-Auth-Token each request carried, and how many POSTs
        const seen: Array<{ method: string; url: string; caller: string | undefined }> = []
        const Spy = Layer.effect(
          HttpClient.HttpClient,
          Effect.map(HttpClient.HttpClient, (c) =>
            HttpClient.tapRequest(c, (r) =>
              Effect.sync(() => seen.push({ method: r.method, url: r.url, caller: r.headers["x-auth-token"] }))))
        )
        const plain = yield* KeystoneClient.make({ authUrl: ks.authUrl })
        const client = yield* makeClient({ authUrl: ks.authUrl, caller: { auth: adminAuth } }).pipe(
          Effect.provide(Spy)
        )
        const subject = yield* plain.issue({ credentials: demoById }, { noCatalog: true })
        yield* Effect.all([client.check(subject), client.check(subject), client.validate(subject, { noCatalog: true })], {
          concurrency: "unbounded"
        })
        expect(seen.filter((r) => r.method === "POST")).toHaveLength(1)
        const serviceToken = seen.find((r) => r.method !== "POST")!.caller!
        // revoke the service token behind the client's back
        yield* plain.revoke(Redacted.make(serviceToken))
        seen.length = 0
        expect(yield* client.check(subject)).toBe(true)
        expect(seen.map((r) => r.method)).toEqual(["HEAD", "POST", "HEAD"])
        expect(seen[2].caller).not.toBe(serviceToken)
      }).pipe(Effect.provide(NodeHttpClient.layerUndici)))
  })

  describe("endpoints (GET /v3/auth/catalog)", () => {
    it.live("a project-scoped token's catalog", () =>
      withClient({}, (client) =>
        Effect.gen(function*() {
          const token = yield* client.issue({ credentials: demoById, scope: AuthScope.project({ id: ks.demoProjectId }) })
          const catalog = yield* client.endpoints(token)
          expect(catalog.services.map((s) => s.type).sort()).toEqual(expect.arrayContaining(["compute", "identity", "image", "object-store"]))
          expect(Catalog.endpoint(catalog, { type: "compute", region: "RegionTwo" })).toEqual(Either.right("http://127.0.0.2:8774/v2.1"))
          expect(Catalog.endpoint(catalog, { type: "object-store" })).toEqual(Either.right(`http://127.0.0.1:8080/v1/AUTH_${ks.demoProjectId}`))
        })))

    it.live("an unscoped token → Forbidden", () =>
      withClient({}, (client) =>
        Effect.gen(function*() {
          const token = yield* client.issue({ credentials: demoById, scope: AuthScope.unscoped() })
          const error = yield* Effect.flip(client.endpoints(token))
          expect(error._tag).toBe("Forbidden")
        })))
  })

  describe("discovery and transport", () => {
    it.live("version auto on the bare root discovers v3 (Keystone answers 300)", () =>
      withClient({ authUrl: ks.baseUrl, version: "auto" }, (client) =>
        Effect.gen(function*() {
          expect(yield* client.version).toBe("v3")
          const token = yield* client.issue({ credentials: demoById }, { noCatalog: true })
          expect(token.user.id).toBe(ks.demoUserId)
        })))

    it.live("Keystone unreachable (closed port) → TransportError Connect after the bounded retries", () =>
      Effect.gen(function*() {
        const port = yield* closedPort()
        let attempts = 0
        const counting = Effect.map(HttpClient.HttpClient, (c) => HttpClient.tapRequest(c, () => Effect.sync(() => attempts++)))
        const started = Date.now()
        const client = yield* KeystoneClient.make({
          authUrl: `http://127.0.0.1:${port}/v3`,
          retry: { base: "20 millis", maxAttempts: 3, budget: "2 seconds" }
        }).pipe(Effect.provideServiceEffect(HttpClient.HttpClient, counting))
        const error = yield* Effect.flip(client.issue({ credentials: demoById }))
        expect(error._tag).toBe("TransportError")
        if (error._tag === "TransportError") expect(error.reason).toBe("Connect")
        expect(attempts).toBe(3)
        expect(Date.now() - started).toBeLessThan(5_000)
        expect(leaks(error, [ks.demoPassword])).toEqual([])
      }).pipe(Effect.provide(NodeHttpClient.layerUndici)))
  })
})
