/**
 * KeystoneSim's version documents, routing (404s and 405s as Keystone's
 * server answers them), per-route counters, and the service stubs behind its
 * catalog.
 */
import * as HttpClientRequest from "@effect/platform/HttpClientRequest"
import { describe, expect, it } from "@effect/vitest"
import { KeystoneSim } from "@effect-keystone/testing"
import * as Effect from "effect/Effect"
import { demo, Demo, get, issue, provideSim, send, tokenId, tokens } from "./utils.js"

describe("KeystoneSim: versions, routing, counters", () => {
  it.effect("GET / (300), /v3 and /v2.0 (200)", () =>
    Effect.gen(function*() {
      const sim = yield* KeystoneSim.KeystoneSim
      const root = yield* get("/")
      expect(root.status).toBe(300)
      expect(root.headers["location"]).toBe(`${sim.authUrl}/`)
      expect(root.json.versions.values.map((v: { id: string; status: string }) => [v.id, v.status])).toEqual([
        ["v3.14", "stable"],
        ["v2.0", "deprecated"]
      ])
      const v3 = yield* get("/v3")
      expect(v3.json.version).toMatchObject({ id: "v3.14", status: "stable", links: [{ rel: "self", href: `${sim.authUrl}/` }] })
      expect((yield* get("/v3/")).status).toBe(200)
      expect((yield* get("/v2.0")).json.version).toMatchObject({ id: "v2.0", status: "deprecated" })
    }).pipe(provideSim()))

  it.effect("versions: [\"v3\"] turns v2.0 off", () =>
    Effect.gen(function*() {
      const root = yield* get("/")
      expect(root.json.versions.values.map((v: { id: string }) => v.id)).toEqual(["v3.14"])
      expect((yield* get("/v2.0")).status).toBe(404)
      expect((yield* get("/v2.0/tokens/x")).status).toBe(404)
    }).pipe(provideSim({ versions: ["v3"] })))

  it.effect("unknown paths: Werkzeug's 404 page; known path, wrong method: 405 with Allow", () =>
    Effect.gen(function*() {
      const sim = yield* KeystoneSim.KeystoneSim
      const nope = yield* get("/v3/nope")
      expect(nope.status).toBe(404)
      expect(nope.headers["content-type"]).toBe("text/html; charset=utf-8")
      const put = yield* send(HttpClientRequest.put(`${sim.authUrl}/auth/tokens`))
      expect(put.status).toBe(405)
      expect(put.json).toEqual({ message: "The method is not allowed for the requested URL." })
      expect(put.headers["allow"]).toContain("POST")
    }).pipe(provideSim()))

  it.effect("counts requests per route key", () =>
    Effect.gen(function*() {
      const sim = yield* KeystoneSim.KeystoneSim
      const id = yield* tokenId(demo())
      yield* issue(demo())
      yield* tokens("GET", id, id)
      yield* tokens("HEAD", id, id)
      yield* tokens("DELETE", id, id)
      yield* get("/v3/auth/catalog", id)
      yield* get("/v3/nope")
      expect(yield* sim.count("POST /v3/auth/tokens")).toBe(2)
      expect(yield* sim.count("GET /v3/auth/tokens")).toBe(1)
      expect(yield* sim.count("HEAD /v3/auth/tokens")).toBe(1)
      expect(yield* sim.count("DELETE /v3/auth/tokens")).toBe(1)
      expect(yield* sim.count("GET /v3/auth/catalog")).toBe(1)
      expect(yield* sim.count("GET /v3/nope")).toBe(1)
      expect(yield* sim.count()).toBe(7)
      expect(yield* sim.counts).toEqual({
        "POST /v3/auth/tokens": 2,
        "GET /v3/auth/tokens": 1,
        "HEAD /v3/auth/tokens": 1,
        "DELETE /v3/auth/tokens": 1,
        "GET /v3/auth/catalog": 1,
        "GET /v3/nope": 1
      })
      yield* sim.resetCounts
      expect(yield* sim.count()).toBe(0)
      expect(KeystoneSim.routes).toContain("GET /v2.0/tokens/{id}/endpoints")
    }).pipe(provideSim()))

  it.effect("requests to a catalog endpoint reach a service stub that checks X-Auth-Token", () =>
    Effect.gen(function*() {
      const sim = yield* KeystoneSim.KeystoneSim
      const id = yield* tokenId(demo())
      const url = "http://compute.region-one.test:8774/v2.1/servers"
      const ok = yield* send(HttpClientRequest.get(url).pipe(HttpClientRequest.setHeader("x-auth-token", id)))
      expect(ok.status).toBe(200)
      expect(ok.json).toMatchObject({ service: { type: "compute" }, path: "/v2.1/servers", token: { project_id: Demo.projectId } })
      const refused = yield* send(HttpClientRequest.get(url))
      expect(refused.status).toBe(401)
      expect(refused.headers["www-authenticate"]).toBe(`Keystone uri="${sim.baseUrl}"`)
      expect(yield* sim.count("GET service:compute")).toBe(2)
    }).pipe(provideSim()))
})
