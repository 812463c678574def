/**
 * The client over real sockets (KeystoneSim.serve on loopback) with
 * NodeHttpClient.layerUndici: the whole API on both versions, and real
 * resets, timeouts and refused connections.
 */
import { AuthScope, Credentials, KeystoneClient } from "@effect-keystone/client"
import { Fault, KeystoneSim } from "@effect-keystone/testing"
import * as KeystoneSimNode from "@effect-keystone/testing/Node"
import { NodeHttpClient } from "@effect/platform-node"
import * as HttpClient from "@effect/platform/HttpClient"
import * as HttpClientError from "@effect/platform/HttpClientError"
import * as HttpClientResponse from "@effect/platform/HttpClientResponse"
import { describe, expect, it } from "@effect/vitest"
import * as Config from "effect/Config"
import * as ConfigError from "effect/ConfigError"
import * as ConfigProvider from "effect/ConfigProvider"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Redacted from "effect/Redacted"
import * as TestClock from "effect/TestClock"
import * as net from "node:net"
import { adminAuth, adminV2, Demo, demoPassword, demoV2, makeClient } from "./utils.js"

const served = <A, E>(f: (sim: KeystoneSim.KeystoneSimService) => Effect.Effect<A, E, HttpClient.HttpClient>) =>
  Effect.scoped(Effect.flatMap(KeystoneSimNode.serve(), f)).pipe(Effect.provide(NodeHttpClient.layerUndici))

const freePort = Effect.promise(() =>
  new Promise<number>((resolve, reject) => {
    const server = net.createServer()
    server.once("error", reject)
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo
      server.close(() => resolve(port))
    })
  })
)

describe("over loopback with undici", () => {
  it.live("v3: issue, validate, check, endpoints, revoke", () =>
    served((sim) =>
      Effect.gen(function*() {
        const client = yield* makeClient({ authUrl: sim.authUrl, caller: { auth: adminAuth } })
        const token = yield* client.issue({ credentials: demoPassword, scope: AuthScope.project({ id: Demo.projectId }) })
        expect((yield* client.validate(token, { noCatalog: true })).user.id).toBe(Demo.userId)
        expect(yield* client.check(token)).toBe(true)
        expect((yield* client.endpoints(token)).services.length).toBeGreaterThan(0)
        yield* client.revoke(token)
        expect(yield* client.check(token)).toBe(false)
        expect((yield* Effect.flip(client.validate(token)))._tag).toBe("NotFound")
      })))

  it.live("v2.0: issue, validate, check, endpoints, revoke", () =>
    served((sim) =>
      Effect.gen(function*() {
        const client = yield* makeClient({ authUrl: sim.authUrlV2, caller: { auth: adminV2 } })
        const token = yield* client.issue(demoV2)
        expect((yield* client.validate(token, { belongsTo: Demo.projectId })).user.id).toBe(Demo.userId)
        expect(yield* client.check(token)).toBe(true)
        expect((yield* client.endpoints(token)).services.length).toBeGreaterThan(0)
        yield* client.revoke(token)
        expect(yield* client.check(token)).toBe(false)
      })))

  it.live("discovery from the root over the wire (300 Multiple Choices)", () =>
    served((sim) =>
      Effect.gen(function*() {
        const client = yield* KeystoneClient.make({ authUrl: sim.baseUrl })
        expect(yield* client.version).toBe("v3")
      })))

  it.live("a reset connection → TransportError Reset, after the bounded retries", () =>
    served((sim) =>
      Effect.gen(function*() {
        yield* sim.inject(Fault.reset({ count: Infinity }))
        const client = yield* KeystoneClient.make({ authUrl: sim.authUrl, retry: { base: "5 millis", maxAttempts: 3 } })
        const error = yield* Effect.flip(client.issue({ credentials: demoPassword }))
        expect(error).toMatchObject({ _tag: "TransportError", reason: "Reset" })
        expect(yield* sim.count("POST /v3/auth/tokens")).toBe(3)
      })))

  it.live("a server that never answers → TransportError Timeout", () =>
    served((sim) =>
      Effect.gen(function*() {
        yield* sim.inject(Fault.latency("1 minute"))
        const client = yield* KeystoneClient.make({ authUrl: sim.authUrl, retry: false, timeout: "300 millis" })
        const started = Date.now()
        const error = yield* Effect.flip(client.issue({ credentials: demoPassword }))
        expect(error).toMatchObject({ _tag: "TransportError", reason: "Timeout" })
        expect(Date.now() - started).toBeLessThan(5_000)
      })))

  it.live("a closed port → TransportError Connect", () =>
    Effect.gen(function*() {
      const port = yield* freePort
      const client = yield* KeystoneClient.make({ authUrl: `http://127.0.0.1:${port}/v3`, retry: { base: "5 millis", maxAttempts: 2 } })
      const error = yield* Effect.flip(client.issue({ credentials: demoPassword }))
      expect(error).toMatchObject({ _tag: "TransportError", reason: "Connect", url: `http://127.0.0.1:${port}/v3/auth/tokens` })
    }).pipe(Effect.provide(NodeHttpClient.layerUndici)))
})

describe("layerConfig", () => {
  it.effect("reads the options from Config", () =>
    Effect.gen(function*() {
      const sim = yield* KeystoneSim.KeystoneSim
      const layer = KeystoneClient.layerConfig({
        authUrl: Config.string("OS_AUTH_URL"),
        version: Config.literal("v3", "v2.0", "auto")("OS_IDENTITY_API_VERSION"),
        timeout: Config.duration("KEYSTONE_TIMEOUT").pipe(Config.withDefault(Duration.seconds(5)))
      })
      const provider = ConfigProvider.fromMap(new Map([["OS_AUTH_URL", sim.baseUrl], ["OS_IDENTITY_API_VERSION", "v3"]]))
      const token = yield* Effect.flatMap(KeystoneClient.KeystoneClient, (c) => c.issue({ credentials: demoPassword })).pipe(
        Effect.provide(layer),
        Effect.withConfigProvider(provider)
      )
      expect(token.version).toBe("v3")
      expect(yield* sim.count("POST /v3/auth/tokens")).toBe(1)
    }).pipe(Effect.provide(KeystoneSim.layer())))

  it.effect("a missing setting is a ConfigError", () =>
    Effect.gen(function*() {
      const error = yield* Layer.build(KeystoneClient.layerConfig({ authUrl: Config.string("OS_AUTH_URL") })).pipe(
        Effect.scoped,
        Effect.withConfigProvider(ConfigProvider.fromMap(new Map())),
        Effect.provide(KeystoneSim.layer()),
        Effect.flip
      )
      expect(ConfigError.isConfigError(error)).toBe(true)
      expect(String(error)).toMatch(/OS_AUTH_URL/)
    }))
})

describe("headers from other deployments", () => {
  const fake = (status: number, headers: Record<string, string>, body: string) =>
    HttpClient.make((request) => Effect.succeed(HttpClientResponse.fromWeb(request, new Response(body, { status, headers }))))

  it.effect("x-compute-request-id when there is no x-openstack-request-id; Retry-After in the past is no wait", () =>
    Effect.gen(function*() {
      yield* TestClock.setTime(Date.UTC(2030, 0, 1))
      const client = yield* KeystoneClient.make({ authUrl: "http://k.test/v3", retry: false }).pipe(
        Effect.provideService(
          HttpClient.HttpClient,
          fake(503, { "x-compute-request-id": "req-compute", "retry-after": "Wed, 21 Oct 2015 07:28:00 GMT" }, "")
        )
      )
      const error = yield* Effect.flip(client.issue({ credentials: demoPassword }))
      expect(error).toMatchObject({ _tag: "ServiceUnavailable", requestId: "req-compute" })
      if (error._tag === "ServiceUnavailable") expect(error.retryAfter && Duration.toMillis(error.retryAfter)).toBe(0)
    }))

  it.effect("extra headers from the options are sent", () =>
    Effect.gen(function*() {
      const seen: Array<Record<string, string>> = []
      const http = HttpClient.make((request) =>
        Effect.sync(() => {
          seen.push({ ...request.headers })
          return HttpClientResponse.fromWeb(request, new Response(null, { status: 204 }))
        })
      )
      const client = yield* KeystoneClient.make({ authUrl: "http://k.test/v3", headers: { "user-agent": "my-app/1.0" } }).pipe(
        Effect.provideService(HttpClient.HttpClient, http)
      )
      yield* client.revoke(Redacted.make("token-abc"))
      expect(seen[0]).toMatchObject({
        "user-agent": "my-app/1.0",
        accept: "application/json",
        "x-auth-token": "token-abc",
        "x-subject-token": "token-abc"
      })
    }))

  it.effect("POST carries Content-Type application/json and the receipt header when continuing MFA", () =>
    Effect.gen(function*() {
      const seen: Array<{ headers: Record<string, string>; url: string }> = []
      const http = HttpClient.make((request) =>
        Effect.sync(() => {
          seen.push({ headers: { ...request.headers }, url: request.url })
          return HttpClientResponse.fromWeb(request, new Response("{}", { status: 401 }))
        })
      )
      const client = yield* KeystoneClient.make({ authUrl: "http://k.test/v3", retry: false }).pipe(
        Effect.provideService(HttpClient.HttpClient, http)
      )
      yield* Effect.flip(client.issue({
        credentials: Credentials.multiFactor(
          [Credentials.totp({ userId: Demo.userId, passcode: Redacted.make("123456") })],
          { receipt: Redacted.make("receipt-xyz") }
        )
      }, { noCatalog: true }))
      expect(seen[0]!.url).toBe("http://k.test/v3/auth/tokens?nocatalog")
      expect(seen[0]!.headers["openstack-auth-receipt"]).toBe("receipt-xyz")
      expect(seen[0]!.headers["x-auth-token"]).toBeUndefined()
      expect(seen[0]!.headers["content-type"]).toBe("application/json")
      expect(seen[0]!.headers["accept"]).toBe("application/json")
    }))
})

describe("a request the HttpClient itself refuses", () => {
  it.effect("an invalid URL or an unencodable body is InvalidInput (url / body), never retried", () =>
    Effect.gen(function*() {
      for (const reason of ["InvalidUrl", "Encode"] as const) {
        let calls = 0
        const refusing = HttpClient.make((request) => {
          calls++
          return Effect.fail(new HttpClientError.RequestError({ request, reason }))
        })
        const client = yield* KeystoneClient.make({ authUrl: "http://keystone.test/v3" }).pipe(
          Effect.provideService(HttpClient.HttpClient, refusing)
        )
        const error = yield* Effect.flip(client.issue({ credentials: demoPassword }))
        expect(error).toMatchObject({ _tag: "InvalidInput", input: reason === "InvalidUrl" ? "url" : "body" })
        expect(calls).toBe(1)
      }
    }))
})
