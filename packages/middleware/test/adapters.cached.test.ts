/**
 * The adapters' fast path: a request whose token is remembered is decided
 * without the runtime; what reaches the app is what the slow path gives.
 */
import { afterAll, beforeAll, describe, expect, it } from "@effect/vitest"
import { KeystoneSim } from "@effect-keystone/testing"
import { IncomingMessage, ServerResponse } from "node:http"
import * as Fetch from "../src/Fetch.js"
import * as Node from "../src/Node.js"
import { makeRuntime } from "./adapters.js"

let env: Awaited<ReturnType<typeof makeRuntime>>
beforeAll(async () => {
  env = await makeRuntime()
})
afterAll(() => env.runtime.dispose())

const spoofed = { "X-User-Id": "admin", "X-Roles": "admin", "OpenStack-System-Scope": "all" }

describe("Fetch.wrap", () => {
  it("edits the request's own headers: spoofed ones out, keystonemiddleware's in, the same Request to the app", async () => {
    const token = await env.issue()
    const seen: Array<Request> = []
    const handler = Fetch.wrap(env.runtime, (request) => {
      seen.push(request)
      return new Response("ok")
    })
    for (let i = 0; i < 2; i++) { // validated, then remembered
      const request = new Request("http://service.test/", { headers: { ...spoofed, "X-Auth-Token": token } })
      expect((await handler(request)).status).toBe(200)
      expect(seen[i]).toBe(request)
      expect(request.headers.get("x-user-id")).toBe(KeystoneSim.Demo.userId)
      expect(request.headers.get("x-roles")).not.toContain("admin")
      expect(request.headers.get("openstack-system-scope")).toBeNull()
      expect(Fetch.identity(request)?.user.name).toBe("demo")
    }
  })

  it("a request whose headers cannot change (a Worker's) is forwarded as a copy", async () => {
    const token = await env.issue()
    const immutable = new Headers({ ...spoofed, "X-Auth-Token": token })
    for (const change of ["set", "delete", "append"]) {
      Object.defineProperty(immutable, change, {
        value: () => {
          throw new TypeError("immutable")
        }
      })
    }
    const request = new Request("http://service.test/", { method: "POST", body: "body" })
    Object.defineProperty(request, "headers", { value: immutable })
    let forwarded: Request | undefined
    const handler = Fetch.wrap(env.runtime, (r) => {
      forwarded = r
      return new Response("ok")
    })
    expect((await handler(request)).status).toBe(200)
    expect(forwarded).not.toBe(request)
    expect(forwarded!.headers.get("x-user-id")).toBe(KeystoneSim.Demo.userId)
    expect(forwarded!.headers.get("x-roles")).not.toContain("admin")
    expect(await forwarded!.text()).toBe("body")
    expect(immutable.get("x-user-id")).toBe("admin")
  })
})

describe("Node.middleware", () => {
  const call = (middleware: ReturnType<typeof Node.middleware>, token: string) => {
    const req = new IncomingMessage(null as never)
    req.headers = { "x-auth-token": token, "x-user-id": "admin", "x-roles": "admin" }
    req.rawHeaders = ["X-Auth-Token", token, "X-User-Id", "admin", "x-roles", "admin"]
    const res = new ServerResponse(req)
    let nextCalled = false
    const done = new Promise<unknown>((resolve) => {
      middleware(req, res, (error) => {
        nextCalled = true
        resolve(error)
      })
    })
    return { req, res, done, nextCalledAtOnce: nextCalled }
  }

  it("a remembered token is decided before the middleware returns, with the slow path's headers", async () => {
    const middleware = Node.middleware(env.runtime)
    const token = await env.issue()
    const first = call(middleware, token)
    expect(first.nextCalledAtOnce).toBe(false) // validated through the runtime
    expect(await first.done).toBeUndefined()
    const second = call(middleware, token)
    expect(second.nextCalledAtOnce).toBe(true)
    for (const { req } of [first, second]) {
      expect(req.headers["x-user-id"]).toBe(KeystoneSim.Demo.userId)
      expect(req.headers["x-roles"]).not.toContain("admin")
      expect(Node.identity(req)?.user.name).toBe("demo")
      expect(req.rawHeaders.filter((h) => h.toLowerCase() === "x-user-id").length).toBe(1)
    }
    expect(second.req.headers).toEqual(first.req.headers)
    expect(second.req.rawHeaders).toEqual(first.req.rawHeaders)
  })

  it("a remembered bad token is answered 401 at once", async () => {
    const middleware = Node.middleware(env.runtime)
    const first = call(middleware, "gAAAAA-bogus") // validated through the runtime
    expect(first.res.writableEnded).toBe(false)
    while (!first.res.writableEnded) await new Promise((resolve) => setTimeout(resolve, 5))
    for (const { res } of [first, call(middleware, "gAAAAA-bogus")]) {
      expect(res.writableEnded).toBe(true)
      expect(res.statusCode).toBe(401)
      // the head as written (no socket here): WWW-Authenticate in it
      expect((res as unknown as { _header: string })._header).toContain(`Keystone uri="${env.sim.authUrl}"`)
    }
  })
})
