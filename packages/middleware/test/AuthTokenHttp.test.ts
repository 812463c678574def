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
let api: { readonly handler: (request: Request) => Promise<Response>; readonly dispose: () => Promise<void> }

const Whoami = HttpApiGroup.make("users").add(
  HttpApiEndpoint.get("whoami", "/whoami").addSuccess(Schema.Struct({ id: Schema.String, roles: Schema.Array(Schema.String) }))
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

  const UsersLive = HttpApiBuilder.group(Api, "users", (handlers) =>
    handlers.handle("whoami", () => Effect.map(AuthToken.Identity, (id) => ({ id: id.user.id, roles: id.roles }))))
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

  it("HttpApi: Authentication on an endpoint (X-Auth-Token as an API key header)", async () => {
    const ok = await get(api.handler, { "X-Auth-Token": await env.issue() }, "/whoami")
    expect(ok.status).toBe(200)
    expect(await ok.json()).toMatchObject({ id: KeystoneSim.Demo.userId, roles: expect.arrayContaining(["member"]) })
    expect((await get(api.handler, { "X-Auth-Token": "bogus" }, "/whoami")).status).toBe(401)
    expect((await get(api.handler, {}, "/whoami")).status).toBe(401)
  })
})
