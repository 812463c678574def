import { NodeHttpClient } from "@effect/platform-node"
import * as HttpClient from "@effect/platform/HttpClient"
import * as HttpClientRequest from "@effect/platform/HttpClientRequest"
import { describe, expect, it } from "@effect/vitest"
import { Token } from "@effect-keystone/schema"
import { Fault, KeystoneSim } from "@effect-keystone/testing"
import * as KeystoneSimNode from "@effect-keystone/testing/Node"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Exit from "effect/Exit"
import * as Layer from "effect/Layer"
import * as Redacted from "effect/Redacted"
import * as Scope from "effect/Scope"
import { Demo } from "./utils.js"

const demoBody = JSON.stringify({
  auth: {
    identity: { methods: ["password"], password: { user: { id: Demo.userId, password: Demo.password } } },
    scope: { project: { id: Demo.projectId } }
  }
})

const post = (sim: KeystoneSim.KeystoneSimService) =>
  Effect.promise(() =>
    fetch(`${sim.authUrl}/auth/tokens`, { method: "POST", headers: { "content-type": "application/json" }, body: demoBody })
  )

const attempt = (sim: KeystoneSim.KeystoneSimService) =>
  Effect.tryPromise(() =>
    fetch(`${sim.authUrl}/auth/tokens`, { method: "POST", headers: { "content-type": "application/json" }, body: demoBody })
  )

describe("KeystoneSim.serve on Node (@effect-keystone/testing/Node)", () => {
  it.scopedLive("listens on 127.0.0.1 with a random port and answers real requests", () =>
    Effect.gen(function*() {
      const sim = yield* KeystoneSimNode.serve(undefined, { port: 0 })
      expect(sim.baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
      expect(sim.authUrl).toBe(`${sim.baseUrl}/v3`)
      const res = yield* post(sim)
      expect(res.status).toBe(201)
      expect(res.statusText).toBe("CREATED")
      expect(res.headers.get("vary")).toBe("X-Auth-Token")
      const id = res.headers.get("x-subject-token")!
      const token = Either.getOrThrow(Token.decodeV3(Redacted.make(id), yield* Effect.promise(() => res.json())))
      expect(token.scope).toMatchObject({ _tag: "Project", id: Demo.projectId })

      const head = yield* Effect.promise(() =>
        fetch(`${sim.authUrl}/auth/tokens`, { method: "HEAD", headers: { "x-auth-token": id, "x-subject-token": id } })
      )
      expect(head.status).toBe(200)
      expect(yield* Effect.promise(() => head.text())).toBe("")
      expect(yield* sim.count("HEAD /v3/auth/tokens")).toBe(1)
    }))

  it.scopedLive("works as the backend of NodeHttpClient (undici)", () =>
    Effect.gen(function*() {
      const sim = yield* KeystoneSim.KeystoneSim
      const client = yield* HttpClient.HttpClient
      const res = yield* client.execute(
        HttpClientRequest.post(`${sim.authUrl}/auth/tokens`).pipe(HttpClientRequest.bodyText(demoBody, "application/json"))
      )
      expect(res.status).toBe(201)
      const id = res.headers["x-subject-token"]!
      const validated = yield* client.execute(
        HttpClientRequest.get(`${sim.authUrl}/auth/tokens`).pipe(
          HttpClientRequest.setHeaders({ "x-auth-token": id, "x-subject-token": id })
        )
      )
      expect(validated.status).toBe(200)
      expect(Either.isRight(Token.decodeV3(Redacted.make(id), yield* validated.json))).toBe(true)
    }).pipe(Effect.provide(Layer.merge(KeystoneSimNode.layerServer(), NodeHttpClient.layerUndici))))

  it.scopedLive("a Reset fault destroys the socket; setDown refuses every request", () =>
    Effect.gen(function*() {
      const sim = yield* KeystoneSimNode.serve()
      yield* sim.inject(Fault.reset())
      const reset = yield* Effect.exit(attempt(sim))
      expect(Exit.isFailure(reset)).toBe(true)
      expect((yield* post(sim)).status).toBe(201)
      yield* sim.setDown
      expect(Exit.isFailure(yield* Effect.exit(attempt(sim)))).toBe(true)
      yield* sim.setUp
      expect((yield* post(sim)).status).toBe(201)
      expect(yield* sim.tokensIssued).toBe(2)
    }))

  it.scopedLive("the undici client sees a Reset as a Transport RequestError", () =>
    Effect.gen(function*() {
      const sim = yield* KeystoneSim.KeystoneSim
      const client = yield* HttpClient.HttpClient
      yield* sim.inject(Fault.reset())
      const error = yield* Effect.flip(client.get(`${sim.authUrl}`))
      expect(error).toMatchObject({ _tag: "RequestError", reason: "Transport" })
    }).pipe(Effect.provide(Layer.merge(KeystoneSimNode.layerServer(), NodeHttpClient.layerUndici))))

  it.live("latency on the live clock", () =>
    Effect.gen(function*() {
      const scope = yield* Scope.make()
      const sim = yield* KeystoneSimNode.serve().pipe(Scope.extend(scope))
      yield* sim.inject(Fault.latency("150 millis"))
      const started = Date.now()
      expect((yield* post(sim)).status).toBe(201)
      expect(Date.now() - started).toBeGreaterThanOrEqual(140)
      yield* Scope.close(scope, Exit.void)
    }))

  it.live("closes with its scope; a taken port is a ServeError", () =>
    Effect.gen(function*() {
      const scope = yield* Scope.make()
      const sim = yield* KeystoneSimNode.serve().pipe(Scope.extend(scope))
      const port = Number(new URL(sim.baseUrl).port)
      const clash = yield* Effect.flip(Effect.scoped(KeystoneSimNode.serve(undefined, { port })))
      expect(clash._tag).toBe("ServeError")
      expect(String(clash.cause)).toContain(`EADDRINUSE: address already in use 127.0.0.1:${port}`)
      yield* Scope.close(scope, Exit.void)
      expect(Exit.isFailure(yield* Effect.exit(attempt(sim)))).toBe(true)
    }))

  it.scopedLive("a seed made from the base URL: a catalog service on the simulator's own host answers there", () =>
    Effect.gen(function*() {
      const sim = yield* KeystoneSimNode.serve((baseUrl) => ({
        catalog: [{
          id: "c0",
          type: "compute",
          name: "nova",
          endpoints: [{ id: "e0", interface: "public", region: "RegionOne", url: `${baseUrl}/compute/v2.1` }]
        }]
      }))
      const issued = yield* post(sim)
      const body = (yield* Effect.promise(() => issued.json())) as { token: { catalog: Array<{ endpoints: Array<{ url: string }> }> } }
      expect(body.token.catalog[0].endpoints[0].url).toBe(`${sim.baseUrl}/compute/v2.1`)
      const res = yield* Effect.promise(() =>
        fetch(`${sim.baseUrl}/compute/v2.1/servers`, { headers: { "x-auth-token": issued.headers.get("x-subject-token")! } })
      )
      expect(res.status).toBe(200)
      expect(yield* Effect.promise(() => res.json())).toMatchObject({ service: { type: "compute" }, path: "/compute/v2.1/servers" })
      expect(yield* sim.count("GET service:compute")).toBe(1)
    }))
})
