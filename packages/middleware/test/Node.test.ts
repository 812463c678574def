import { afterAll, beforeAll, describe, expect, it } from "@effect/vitest"
import { serve } from "@hono/node-server"
import { KeystoneSim } from "@effect-keystone/testing"
import express from "express"
import { Hono } from "hono"
import type { AddressInfo } from "node:net"
import type { Server } from "node:http"
import * as Fetch from "../src/Fetch.js"
import * as Identity from "../src/Identity.js"
import * as Node from "../src/Node.js"
import { makeRuntime } from "./adapters.js"

const listen = (server: Server) =>
  new Promise<string>((resolve) => {
    const done = () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)
    if (server.listening) done()
    else server.once("listening", done)
  })

const spoofed = {
  "X-Identity-Status": "Confirmed",
  "X-User-Id": "admin",
  "X-Roles": "admin",
  "X-Is-Admin-Project": "True",
  "OpenStack-System-Scope": "all",
  "X-Service-Roles": "service"
}

let env: Awaited<ReturnType<typeof makeRuntime>>
const servers: Array<Server> = []
let expressUrl = ""
let honoUrl = ""

beforeAll(async () => {
  env = await makeRuntime()
  const app = express()
  app.use(Node.middleware(env.runtime))
  app.get("/headers", (req, res) => {
    res.json(req.headers)
  })
  app.get("/whoami", (req, res) => {
    res.json(Identity.toJson(Node.identity(req)!))
  })
  app.post("/echo", express.text({ type: "*/*" }), (req, res) => {
    res.type("text/plain").send(`${req.headers["x-user-name"]}:${req.body as string}`)
  })
  app.get("/deny", (_req, res) => {
    res.status(401).json({ denied: true })
  })
  const e = app.listen(0, "127.0.0.1")
  servers.push(e)
  expressUrl = await listen(e)

  const hono = new Hono()
  hono.get("/headers", (c) => c.json(Object.fromEntries(c.req.raw.headers)))
  hono.get("/whoami", (c) => c.json(Identity.toJson(Fetch.identity(c.req.raw)!)))
  hono.get("/deny", (c) => c.json({ denied: true }, 401))
  hono.post("/echo", async (c) => c.text(`${c.req.header("x-user-name")}:${await c.req.text()}`))
  const h = serve({ fetch: Fetch.wrap(env.runtime, hono.fetch), port: 0, hostname: "127.0.0.1" }) as Server
  servers.push(h)
  honoUrl = await listen(h)
})

afterAll(async () => {
  for (const s of servers) s.close()
  await env.runtime.dispose()
})

describe.each([["Express 5 (Node middleware)", () => expressUrl], ["Hono (fetch wrapper)", () => honoUrl]])("%s over HTTP", (_, url) => {
  it("a valid token: the identity and keystonemiddleware's headers reach the app; spoofed ones do not", async () => {
    const token = await env.issue()
    const who = await fetch(`${url()}/whoami`, { headers: { "X-Auth-Token": token } })
    expect(who.status).toBe(200)
    expect(await who.json()).toMatchObject({ user: { id: KeystoneSim.Demo.userId, name: "demo" }, roles: expect.arrayContaining(["member"]) })

    const seen = await (await fetch(`${url()}/headers`, { headers: { ...spoofed, "X-Auth-Token": token } })).json() as Record<string, string>
    expect(seen["x-identity-status"]).toBe("Confirmed")
    expect(seen["x-user-id"]).toBe(KeystoneSim.Demo.userId)
    expect(seen["x-roles"]).not.toContain("admin")
    expect(seen["openstack-system-scope"]).toBeUndefined()
    expect(seen["x-service-roles"]).toBeUndefined()
    expect(seen["x-auth-token"]).toBe(token)
  })

  it("no token or a bad one: 401 with WWW-Authenticate, the app never runs", async () => {
    for (const headers of [spoofed, { ...spoofed, "X-Auth-Token": "bogus" }]) {
      const response = await fetch(`${url()}/headers`, { headers })
      expect(response.status).toBe(401)
      expect(response.headers.get("www-authenticate")).toBe(`Keystone uri="${env.sim.authUrl}"`)
      expect(await response.json()).toMatchObject({ error: { code: 401 } })
    }
  })

  it("a 401 from the app gets WWW-Authenticate too", async () => {
    const response = await fetch(`${url()}/deny`, { headers: { "X-Auth-Token": await env.issue() } })
    expect(response.status).toBe(401)
    expect(response.headers.get("www-authenticate")).toBe(`Keystone uri="${env.sim.authUrl}"`)
  })

  it("a request body reaches the app unchanged", async () => {
    const response = await fetch(`${url()}/echo`, { method: "POST", body: "hello body", headers: { "X-Auth-Token": await env.issue() } })
    expect(await response.text()).toBe("demo:hello body")
  })

  it("a service token: X-Service-* headers", async () => {
    const seen = await (await fetch(`${url()}/headers`, {
      headers: { "X-Auth-Token": await env.issue(), "X-Service-Token": await env.serviceToken() }
    })).json() as Record<string, string>
    expect(seen["x-service-identity-status"]).toBe("Confirmed")
    expect(seen["x-service-user-name"]).toBe("service")
  })
})
