/**
 * KeystoneSim's v3 tokens in use: validating, checking and revoking them
 * (who may ask, expiry on the Clock), and the catalog and listings a token
 * reads.
 */
import { describe, expect, it } from "@effect/vitest"
import { V3 } from "@effect-keystone/schema"
import { KeystoneSim } from "@effect-keystone/testing"
import * as Effect from "effect/Effect"
import * as Schema from "effect/Schema"
import * as TestClock from "effect/TestClock"
import {
  admin,
  decodeV3,
  demo,
  Demo2,
  get,
  issue,
  password,
  Projects,
  provideSim,
  Service,
  tokenId,
  tokens,
  UNAUTHORIZED
} from "./utils.js"

describe("KeystoneSim v3: validating, checking, revoking", () => {
  it.effect("a token validates itself: 200, X-Subject-Token echoed, same body", () =>
    Effect.gen(function*() {
      const issued = yield* issue(demo())
      const id = issued.headers["x-subject-token"]!
      const a = yield* tokens("GET", id, id)
      expect(a.status).toBe(200)
      expect(a.headers["x-subject-token"]).toBe(id)
      expect(a.json).toEqual(issued.json)
      expect(decodeV3(a)).toEqual(decodeV3(issued))
      expect((yield* tokens("GET", id, id, "?nocatalog")).json.token.catalog).toBeUndefined()
    }).pipe(provideSim()))

  it.effect("caller missing or not valid: 401; subject garbage: 404", () =>
    Effect.gen(function*() {
      const id = yield* tokenId(demo())
      const missing = yield* tokens("GET", undefined, id)
      expect(missing.status).toBe(401)
      expect(missing.json).toEqual(UNAUTHORIZED)
      expect((yield* tokens("GET", "garbage", id)).status).toBe(401)
      const garbage = yield* tokens("GET", id, "garbage")
      expect(garbage.status).toBe(404)
      expect(garbage.text).toBe(`{"error":{"code":404,"message":"Could not recognize Fernet token","title":"Not Found"}}\n`)
    }).pipe(provideSim()))

  it.effect("someone else's token: 403 unless admin or service", () =>
    Effect.gen(function*() {
      const subject = yield* tokenId(demo())
      const other = yield* tokenId(password({ id: Demo2.userId }, Demo2.password))
      const forbidden = yield* tokens("GET", other, subject)
      expect(forbidden.status).toBe(403)
      expect(forbidden.json.error.message).toBe("You are not authorized to perform the requested action: identity:validate_token.")
      expect((yield* tokens("HEAD", other, subject)).status).toBe(403)
      expect((yield* tokens("DELETE", other, subject)).status).toBe(403)
      expect((yield* tokens("GET", other, undefined)).status).toBe(403)

      const adminToken = yield* tokenId(admin({ project: { id: Projects.admin.id } }))
      expect((yield* tokens("GET", adminToken, subject)).status).toBe(200)
      const missing = yield* tokens("GET", adminToken, undefined)
      expect(missing.status).toBe(404)
      expect(missing.json.error.message).toBe("No token in the request")
      const service = yield* tokenId(password({ id: Service.userId }, Service.password))
      expect((yield* tokens("GET", service, subject)).status).toBe(200)
      // the same user's other token is fine
      const again = yield* tokenId(demo("unscoped"))
      expect((yield* tokens("GET", again, subject)).status).toBe(200)
    }).pipe(provideSim()))

  it.effect("HEAD: 200 without a body; DELETE: 204, then 404", () =>
    Effect.gen(function*() {
      const id = yield* tokenId(demo())
      const head = yield* tokens("HEAD", id, id)
      expect(head.status).toBe(200)
      expect(head.text).toBe("")
      expect(head.headers["x-subject-token"]).toBe(id)
      const other = yield* tokenId(demo())
      const del = yield* tokens("DELETE", other, id)
      expect(del.status).toBe(204)
      expect(del.text).toBe("")
      const after = yield* tokens("GET", other, id)
      expect(after.status).toBe(404)
      expect(after.json.error.message).toBe("Failed to validate token")
      expect((yield* tokens("HEAD", other, id)).status).toBe(404)
      expect((yield* tokens("DELETE", other, id)).status).toBe(404)
      // a revoked token is no caller either
      expect((yield* tokens("GET", id, other)).status).toBe(401)
    }).pipe(provideSim()))

  it.effect("expiry follows the Clock; allow_expired within the window", () =>
    Effect.gen(function*() {
      const id = yield* tokenId(demo())
      yield* TestClock.adjust("59 minutes")
      expect((yield* tokens("GET", id, id)).status).toBe(200)
      yield* TestClock.adjust("1 minute")
      const caller = yield* tokenId(admin({ project: { id: Projects.admin.id } }))
      const expired = yield* tokens("GET", caller, id)
      expect(expired.status).toBe(404)
      expect(expired.json.error.message).toBe("Failed to validate token")
      expect((yield* tokens("GET", id, id)).status).toBe(401) // an expired caller
      const allowed = yield* tokens("GET", caller, id, "?allow_expired=1")
      expect(allowed.status).toBe(200)
      expect(allowed.json.token.expires_at).toBe("1970-01-01T01:00:00.000000Z")
      expect((yield* tokens("HEAD", caller, id, "?allow_expired=true")).status).toBe(200)
      yield* TestClock.adjust("48 hours")
      const late = yield* tokenId(admin({ project: { id: Projects.admin.id } }))
      expect((yield* tokens("GET", late, id, "?allow_expired=1")).status).toBe(404)
    }).pipe(provideSim()))

  it.effect("setTokenLifetime, revokeAll, revoke, tokensIssued", () =>
    Effect.gen(function*() {
      const sim = yield* KeystoneSim.KeystoneSim
      yield* sim.setTokenLifetime("5 minutes")
      const a = yield* issue(demo())
      expect(a.json.token.expires_at).toBe("1970-01-01T00:05:00.000000Z")
      const b = yield* tokenId(demo())
      yield* sim.revoke(b)
      expect((yield* tokens("GET", b, b)).status).toBe(401)
      const id = a.headers["x-subject-token"]!
      expect((yield* tokens("GET", id, id)).status).toBe(200)
      yield* sim.revokeAll
      expect((yield* tokens("GET", id, id)).status).toBe(401)
      expect(yield* sim.tokensIssued).toBe(2)
    }).pipe(provideSim({ tokenLifetime: "2 hours" })))
})

describe("KeystoneSim v3: catalog and listings", () => {
  it.effect("GET /v3/auth/catalog: the project's catalog, 403 without a project", () =>
    Effect.gen(function*() {
      const sim = yield* KeystoneSim.KeystoneSim
      const issued = yield* issue(demo())
      const a = yield* get("/v3/auth/catalog", issued.headers["x-subject-token"])
      expect(a.status).toBe(200)
      const body = Schema.decodeUnknownSync(V3.CatalogResponse)(a.json)
      expect(body.catalog).toEqual(issued.json.token.catalog)
      expect(a.json.links).toEqual({ self: `${sim.authUrl}/auth/catalog` })

      const unscoped = yield* get("/v3/auth/catalog", yield* tokenId(demo("unscoped")))
      expect(unscoped.status).toBe(403)
      expect(unscoped.text).toBe(
        `{"error":{"code":403,"message":"You are not authorized to perform the requested action.","title":"Forbidden"}}\n`
      )
      expect((yield* get("/v3/auth/catalog")).status).toBe(401)
    }).pipe(provideSim()))

  it.effect("GET /v3/auth/projects, /domains, /system", () =>
    Effect.gen(function*() {
      const id = yield* tokenId(demo())
      const projects = Schema.decodeUnknownSync(V3.ProjectsResponse)((yield* get("/v3/auth/projects", id)).json)
      expect(projects.projects.map((p) => p.name).sort()).toEqual(["demo", "demo2"])
      const domains = Schema.decodeUnknownSync(V3.DomainsResponse)((yield* get("/v3/auth/domains", id)).json)
      expect(domains.domains.map((d) => d.name)).toEqual(["demo-domain"])
      expect((yield* get("/v3/auth/system", id)).json.system).toEqual([])
      const adminId = yield* tokenId(admin())
      expect((yield* get("/v3/auth/system", adminId)).json.system).toEqual([{ all: true }])
    }).pipe(provideSim()))
})
