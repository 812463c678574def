import * as HttpClientRequest from "@effect/platform/HttpClientRequest"
import { describe, expect, it } from "@effect/vitest"
import { Catalog, V2 } from "@effect-keystone/schema"
import { KeystoneSim } from "@effect-keystone/testing"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Schema from "effect/Schema"
import * as TestClock from "effect/TestClock"
import { Admin, decodeV2, demo, Demo, Demo2, Domains, issue, Projects, provideSim, send, tokenId, tokens } from "./utils.js"

const authenticate = (auth: unknown) =>
  Effect.flatMap(KeystoneSim.KeystoneSim, (sim) =>
    send(HttpClientRequest.post(`${sim.authUrlV2}/tokens`).pipe(HttpClientRequest.bodyUnsafeJson({ auth }))))

const tokenCall = (method: "GET" | "HEAD" | "DELETE", caller: string | undefined, id: string, suffix = "") =>
  Effect.flatMap(KeystoneSim.KeystoneSim, (sim) =>
    send(HttpClientRequest.make(method)(`${sim.authUrlV2}/tokens/${id}${suffix}`).pipe(
      HttpClientRequest.setHeaders(caller === undefined ? {} : { "x-auth-token": caller })
    )))

const demoCredentials = { passwordCredentials: { username: Demo.username, password: Demo.password } }

const adminToken = Effect.map(
  authenticate({ tenantName: Admin.projectName, passwordCredentials: { username: Admin.username, password: Admin.password } }),
  (a) => a.json.access.token.id as string
)

describe("KeystoneSim v2.0", () => {
  it.effect("POST /v2.0/tokens with passwordCredentials and tenantName: 200 { access }", () =>
    Effect.gen(function*() {
      const a = yield* authenticate({ tenantName: "demo", ...demoCredentials })
      expect(a.status).toBe(200)
      expect(a.headers["x-subject-token"]).toBeUndefined()
      const access = a.json.access
      expect(Object.keys(access)).toEqual(["token", "serviceCatalog", "user", "metadata"])
      expect(access.token.issued_at).toBe("1970-01-01T00:00:00.000000Z")
      expect(access.token.expires).toBe("1970-01-01T01:00:00.000000Z")
      expect(access.token.tenant).toEqual({ description: null, enabled: true, id: Demo.projectId, name: "demo" })
      expect(access.user).toEqual({
        username: "demo",
        roles_links: [],
        id: Demo.userId,
        roles: [{ name: "member" }, { name: "reader" }],
        name: "demo"
      })
      expect(access.metadata).toEqual({ is_admin: 0, roles: [KeystoneSim.Roles.member.id, KeystoneSim.Roles.reader.id] })
      const compute = access.serviceCatalog.find((s: { type: string }) => s.type === "compute")
      expect(compute.endpoints_links).toEqual([])
      expect(compute.endpoints).toHaveLength(2)
      expect(compute.endpoints[0]).toMatchObject({
        region: "RegionOne",
        publicURL: "http://compute.region-one.test:8774/v2.1",
        internalURL: "http://compute.region-one.internal:8774/v2.1",
        adminURL: "http://compute.region-one.admin:8774/v2.1"
      })

      const token = decodeV2(a)
      expect(token.version).toBe("v2.0")
      expect(token.scope).toEqual({ _tag: "Project", id: Demo.projectId, name: "demo", domain: null })
      expect(Catalog.endpoint(token.catalog, { type: "image", interface: "internal" }))
        .toEqual(Either.right("http://image.region-two.internal:9292"))
    }).pipe(provideSim()))

  it.effect("userId + tenantId; token + tenantId keeps the expiry; no tenant is unscoped", () =>
    Effect.gen(function*() {
      const byId = yield* authenticate({
        tenantId: Demo.projectId,
        passwordCredentials: { userId: Demo.userId, password: Demo.password }
      })
      expect(byId.status).toBe(200)
      const unscoped = yield* authenticate(demoCredentials)
      expect(unscoped.json.access.token.tenant).toBeUndefined()
      expect(unscoped.json.access.serviceCatalog).toEqual([])
      expect(decodeV2(unscoped).scope).toEqual({ _tag: "Unscoped" })

      yield* TestClock.adjust("5 minutes")
      const rescoped = yield* authenticate({ tenantId: Demo.projectId, token: { id: unscoped.json.access.token.id } })
      expect(rescoped.status).toBe(200)
      expect(rescoped.json.access.token.expires).toBe(unscoped.json.access.token.expires)
      expect(rescoped.json.access.token.audit_ids[1]).toBe(unscoped.json.access.token.audit_ids[0])
    }).pipe(provideSim()))

  it.effect("bad credentials, other domains: 401 in the v2 style", () =>
    Effect.gen(function*() {
      const sim = yield* KeystoneSim.KeystoneSim
      const wrong = yield* authenticate({ passwordCredentials: { username: "demo", password: "nope" } })
      expect(wrong.status).toBe(401)
      expect(wrong.text).toBe(
        `{"error": {"code": 401, "title": "Unauthorized", "message": "The request you have made requires authentication."}}`
      )
      expect(wrong.headers["www-authenticate"]).toBe(`Keystone uri="${sim.baseUrl}"`)
      // v2.0 knows the default domain only
      expect((yield* authenticate({ passwordCredentials: { userId: Demo2.userId, password: Demo2.password } })).status)
        .toBe(401)
      expect((yield* authenticate({ tenantName: "demo2", ...demoCredentials })).status).toBe(401)
      expect((yield* authenticate({ tenantName: "admin", ...demoCredentials })).status).toBe(401)
      expect((yield* authenticate({ token: { id: "garbage" } })).status).toBe(401)
      expect((yield* authenticate({})).status).toBe(400)
    }).pipe(provideSim()))

  it.effect("GET /v2.0/tokens/{id}: admin only, same shape, belongsTo", () =>
    Effect.gen(function*() {
      const issued = yield* authenticate({ tenantName: "demo", ...demoCredentials })
      const id = issued.json.access.token.id as string
      const adminId = yield* adminToken

      const a = yield* tokenCall("GET", adminId, id)
      expect(a.status).toBe(200)
      expect(a.json).toEqual(issued.json)
      Schema.decodeUnknownSync(V2.AccessResponse)(a.json)

      const self = yield* tokenCall("GET", id, id)
      expect(self.status).toBe(403)
      expect((yield* tokenCall("GET", undefined, id)).status).toBe(401)
      expect((yield* tokenCall("GET", adminId, id, `?belongsTo=${Demo.projectId}`)).status).toBe(200)
      expect((yield* tokenCall("GET", adminId, id, `?belongsTo=${Projects.admin.id}`)).status).toBe(401)

      const head = yield* tokenCall("HEAD", adminId, id)
      expect(head.status).toBe(200)
      expect(head.text).toBe("")
    }).pipe(provideSim()))

  it.effect("unknown, revoked or expired: 404 without echoing the id", () =>
    Effect.gen(function*() {
      const adminId = yield* adminToken
      const unknown = yield* tokenCall("GET", adminId, "some-token-id")
      expect(unknown.status).toBe(404)
      expect(unknown.json).toEqual({ error: { code: 404, title: "Not Found", message: "Could not find token." } })
      expect(unknown.text).not.toContain("some-token-id")

      const id = (yield* authenticate(demoCredentials)).json.access.token.id as string
      const del = yield* tokenCall("DELETE", adminId, id)
      expect(del.status).toBe(204)
      expect((yield* tokenCall("GET", adminId, id)).status).toBe(404)
      expect((yield* tokenCall("HEAD", adminId, id)).status).toBe(404)

      const later = (yield* authenticate(demoCredentials)).json.access.token.id as string
      yield* TestClock.adjust("1 hour")
      const freshAdmin = yield* adminToken
      expect((yield* tokenCall("GET", freshAdmin, later)).status).toBe(404)
    }).pipe(provideSim()))

  it.effect("GET /v2.0/tokens/{id}/endpoints: a flat list, {} when unscoped", () =>
    Effect.gen(function*() {
      const adminId = yield* adminToken
      const scoped = (yield* authenticate({ tenantName: "demo", ...demoCredentials })).json.access.token.id as string
      const a = yield* tokenCall("GET", adminId, scoped, "/endpoints")
      expect(a.status).toBe(200)
      const body = Schema.decodeUnknownSync(V2.EndpointsResponse)(a.json)
      expect(body.endpoints.map((e) => `${e.type}@${e.region}`)).toEqual([
        "identity@RegionOne",
        "compute@RegionOne",
        "compute@RegionTwo",
        "object-store@RegionOne",
        "image@RegionTwo"
      ])
      expect(a.json.endpoints_links).toEqual([])
      const swift = body.endpoints.find((e) => e.type === "object-store")!
      expect(swift).toMatchObject({ name: "swift", publicURL: `http://object.region-one.test:8080/v1/AUTH_${Demo.projectId}` })
      expect(swift.internalURL).toBeUndefined()

      const unscoped = (yield* authenticate(demoCredentials)).json.access.token.id as string
      expect((yield* tokenCall("GET", adminId, unscoped, "/endpoints")).json).toEqual({})
    }).pipe(provideSim()))

  it.effect("v3 tokens are v2 tokens too, when v2.0 can express them", () =>
    Effect.gen(function*() {
      const adminId = yield* adminToken
      const v3 = yield* tokenId(demo())
      const a = yield* tokenCall("GET", adminId, v3)
      expect(a.status).toBe(200)
      expect(decodeV2(a).scope).toMatchObject({ _tag: "Project", id: Demo.projectId })
      const domainScoped = yield* tokenId(demo({ domain: { id: Domains.demo.id } }))
      expect((yield* tokenCall("GET", adminId, domainScoped)).status).toBe(401)
      // and the other way round: a v2 token works on v3
      const v2 = (yield* authenticate({ tenantName: "demo", ...demoCredentials })).json.access.token.id as string
      expect((yield* tokens("GET", v2, v2)).status).toBe(200)
      expect((yield* issue({ auth: { identity: { methods: ["token"], token: { id: v2 } } } })).status).toBe(201)
    }).pipe(provideSim()))

  it.effect("counts v2 routes by template", () =>
    Effect.gen(function*() {
      const sim = yield* KeystoneSim.KeystoneSim
      const adminId = yield* adminToken
      yield* tokenCall("GET", adminId, adminId)
      yield* tokenCall("HEAD", adminId, adminId)
      yield* tokenCall("GET", adminId, adminId, "/endpoints")
      yield* tokenCall("DELETE", adminId, adminId)
      expect(yield* sim.counts).toEqual({
        "POST /v2.0/tokens": 1,
        "GET /v2.0/tokens/{id}": 1,
        "HEAD /v2.0/tokens/{id}": 1,
        "GET /v2.0/tokens/{id}/endpoints": 1,
        "DELETE /v2.0/tokens/{id}": 1
      })
    }).pipe(provideSim()))
})
