import { afterAll, beforeAll, describe, expect, it } from "@effect/vitest"
import * as HttpApi from "@effect/platform/HttpApi"
import * as HttpApiBuilder from "@effect/platform/HttpApiBuilder"
import * as HttpApiEndpoint from "@effect/platform/HttpApiEndpoint"
import * as HttpApiGroup from "@effect/platform/HttpApiGroup"
import * as HttpApp from "@effect/platform/HttpApp"
import * as HttpServer from "@effect/platform/HttpServer"
import * as HttpServerRequest from "@effect/platform/HttpServerRequest"
import * as HttpServerResponse from "@effect/platform/HttpServerResponse"
import { KeystoneSim } from "@effect-keystone/testing"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Schema from "effect/Schema"
import * as AuthToken from "../src/AuthToken.js"
import * as AuthTokenHttp from "../src/AuthTokenHttp.js"
import { makeRuntime } from "./adapters.js"

let env: Awaited<ReturnType<typeof makeRuntime>>
let strict: (request: Request) => Promise<Response>
let delayed: (request: Request) => Promise<Response>
/** The app answering 401 itself (`answers`) or failing with a 401 response (`fails`), behind each middleware. */
let denying: Record<string, (request: Request) => Promise<Response>>
let api: { readonly handler: (request: Request) => Promise<Response>; readonly dispose: () => Promise<void> }

const Whoami = HttpApiGroup.make("users").add(
  HttpApiEndpoint.get("whoami", "/whoami").addSuccess(Schema.Struct({ id: Schema.String, roles: Schema.Array(Schema.String) }))
).add(
  HttpApiEndpoint.get("headers", "/headers").addSuccess(Schema.Record({ key: Schema.String, value: Schema.String }))
).middleware(AuthTokenHttp.Authentication)
const Api = HttpApi.make("api").add(Whoami)

beforeAll(async () => {
  env = await makeRuntime()
  const runtime = await env.runtime.runtime()
  const echo = Effect.gen(function*() {
    const request = yield* HttpServerRequest.HttpServerRequest
    const identity = yield* AuthToken.Identity
    return yield* HttpServerResponse.json({ user: identity.user.id, headers: request.headers })
  })
  strict = HttpApp.toWebHandlerRuntime(runtime)(AuthTokenHttp.middleware(echo))
  const status = Effect.gen(function*() {
    const s = yield* AuthToken.RequestStatus
    const request = yield* HttpServerRequest.HttpServerRequest
    return yield* HttpServerResponse.json({ status: s._tag, header: request.headers["x-identity-status"] ?? null })
  })
  delayed = HttpApp.toWebHandlerRuntime(runtime)(AuthTokenHttp.middlewareDelayed(status))
  const answers = Effect.succeed(HttpServerResponse.text("no", { status: 401 }))
  const fails = Effect.fail(HttpServerResponse.text("no", { status: 401 }))
  denying = {
    "middleware, the app answers 401": HttpApp.toWebHandlerRuntime(runtime)(AuthTokenHttp.middleware(answers)),
    "middleware, the app fails with a 401": HttpApp.toWebHandlerRuntime(runtime)(AuthTokenHttp.middleware(fails)),
    "middlewareDelayed, the app answers 401": HttpApp.toWebHandlerRuntime(runtime)(AuthTokenHttp.middlewareDelayed(answers)),
    "middlewareDelayed, the app fails with a 401": HttpApp.toWebHandlerRuntime(runtime)(AuthTokenHttp.middlewareDelayed(fails))
  }

  const UsersLive = HttpApiBuilder.group(Api, "users", (handlers) =>
    handlers
      .handle("whoami", () => Effect.map(AuthToken.Identity, (id) => ({ id: id.user.id, roles: id.roles })))
      .handle("headers", () => Effect.map(HttpServerRequest.HttpServerRequest, (request) => ({ ...request.headers }))))
  const auth = await env.runtime.runPromise(AuthToken.AuthToken)
  api = HttpApiBuilder.toWebHandler(
    HttpApiBuilder.api(Api).pipe(
      Layer.provide(UsersLive),
      Layer.provide(AuthTokenHttp.layerAuthentication),
      Layer.provide(Layer.succeed(AuthToken.AuthToken, auth)),
      Layer.merge(HttpServer.layerContext)
    )
  )
})

afterAll(async () => {
  await api.dispose()
  await env.runtime.dispose()
})

const get = (handler: (r: Request) => Promise<Response>, headers: Record<string, string>, path = "/") =>
  handler(new Request(`http://service.test${path}`, { headers }))

describe("AuthTokenHttp", () => {
  it("middleware: the app gets AuthToken.Identity and the request with keystonemiddleware's headers", async () => {
    const token = await env.issue()
    const response = await get(strict, { "X-Auth-Token": token, "X-Roles": "admin" })
    expect(response.status).toBe(200)
    const body = await response.json() as { user: string; headers: Record<string, string> }
    expect(body.user).toBe(KeystoneSim.Demo.userId)
    expect(body.headers["x-identity-status"]).toBe("Confirmed")
    expect(body.headers["x-roles"]).not.toContain("admin")
  })

  it("middleware: 401 with WWW-Authenticate; 503 with Retry-After when Keystone is down", async () => {
    const refused = await get(strict, { "X-Auth-Token": "bogus" })
    expect(refused.status).toBe(401)
    expect(refused.headers.get("www-authenticate")).toBe(`Keystone uri="${env.sim.authUrl}"`)
    const token = await env.issue()
    await Effect.runPromise(env.sim.setDown)
    try {
      const down = await get(strict, { "X-Auth-Token": token })
      expect(down.status).toBe(503)
      expect(Number(down.headers.get("retry-after"))).toBeGreaterThan(0)
    } finally {
      await Effect.runPromise(env.sim.setUp)
    }
  })

  it("middlewareDelayed: the app runs for an invalid token and sees Invalid", async () => {
    const response = await get(delayed, { "X-Auth-Token": "bogus", "X-Identity-Status": "Confirmed" })
    expect(await response.json()).toEqual({ status: "Invalid", header: "Invalid" })
  })

  it("a 401 from the app gets WWW-Authenticate, whether it answers or fails with it (keystonemiddleware's process_response)", async () => {
    const token = await env.issue()
    for (const [name, handler] of Object.entries(denying)) {
      for (const headers of [{ "X-Auth-Token": token }, { "X-Auth-Token": "bogus" }]) {
        const response = await get(handler, headers)
        expect(response.status, name).toBe(401)
        expect(response.headers.get("www-authenticate"), name).toBe(`Keystone uri="${env.sim.authUrl}"`)
      }
    }
  })

  it("HttpApi: a 401 carries WWW-Authenticate, a 503 Retry-After", async () => {
    for (const headers of [{ "X-Auth-Token": "bogus" }, {}]) {
      const refused = await get(api.handler, headers, "/whoami")
      expect(refused.status).toBe(401)
      expect(refused.headers.get("www-authenticate")).toBe(`Keystone uri="${env.sim.authUrl}"`)
    }
    const token = await env.issue()
    await Effect.runPromise(env.sim.setDown)
    try {
      const down = await get(api.handler, { "X-Auth-Token": token }, "/whoami")
      expect(down.status).toBe(503)
      expect(Number(down.headers.get("retry-after"))).toBeGreaterThan(0)
      expect(down.headers.get("www-authenticate")).toBeNull()
    } finally {
      await Effect.runPromise(env.sim.setUp)
    }
  })

  it("HttpApi: incoming copies of keystonemiddleware's headers never reach the handler", async () => {
    const seen = await get(api.handler, {
      "X-Auth-Token": await env.issue(),
      "X-Identity-Status": "Confirmed",
      "X-User-Id": "admin",
      "X-Roles": "admin",
      "OpenStack-System-Scope": "all",
      "X-Service-Roles": "service",
      "X-Request-Id": "req-1"
    }, "/headers")
    expect(seen.status).toBe(200)
    const headers = await seen.json() as Record<string, string>
    for (const name of ["x-identity-status", "x-user-id", "x-roles", "openstack-system-scope", "x-service-roles"]) {
      expect(headers[name], name).toBeUndefined()
    }
    expect(headers["x-request-id"]).toBe("req-1")
  })

  it("HttpApi: Authentication on an endpoint (X-Auth-Token as an API key header)", async () => {
    const ok = await get(api.handler, { "X-Auth-Token": await env.issue() }, "/whoami")
    expect(ok.status).toBe(200)
    expect(await ok.json()).toMatchObject({ id: KeystoneSim.Demo.userId, roles: expect.arrayContaining(["member"]) })
    expect((await get(api.handler, { "X-Auth-Token": "bogus" }, "/whoami")).status).toBe(401)
    expect((await get(api.handler, {}, "/whoami")).status).toBe(401)
  })
})
