import { KeystoneClient } from "@effect-keystone/client"
import { Fault, KeystoneSim } from "@effect-keystone/testing"
import * as HttpClient from "@effect/platform/HttpClient"
import * as HttpClientRequest from "@effect/platform/HttpClientRequest"
import { describe, expect, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as Fiber from "effect/Fiber"
import * as TestClock from "effect/TestClock"
import { Demo, demoPassword, demoV2, runWithClock, withSim } from "./utils.js"

/** Serves the sim's /v3 and /v2.0 under other paths, so their `{ version }` documents are met without a suffix. */
const rewriting = (client: HttpClient.HttpClient) =>
  HttpClient.mapRequest(client, (r) =>
    HttpClientRequest.setUrl(
      r,
      r.url.replace("://keystone.test/identity-three", "://keystone.test/v3").replace("://keystone.test/identity-two", "://keystone.test/v2.0")
    ))

describe("version discovery", () => {
  it.effect("auto on the bare root: GET / (300) picks v3, once", () =>
    withSim((sim, client) =>
      Effect.gen(function*() {
        expect(yield* client.version).toBe("v3")
        const token = yield* client.issue({ credentials: demoPassword })
        expect(token.version).toBe("v3")
        yield* client.validate(token)
        expect(yield* sim.count("GET /")).toBe(1)
        expect(yield* sim.count("POST /v3/auth/tokens")).toBe(1)
      }), { authUrl: "http://keystone.test", version: "auto" }))

  it.effect("auto is the default; concurrent first calls share one discovery", () =>
    withSim((sim, client) =>
      Effect.gen(function*() {
        yield* Effect.all(Array.from({ length: 8 }, () => client.issue({ credentials: demoPassword })), { concurrency: "unbounded" })
        expect(yield* sim.count("GET /")).toBe(1)
      }), { authUrl: "http://keystone.test/" }))

  it.effect("a root offering only v2.0 gives v2.0", () =>
    withSim((sim, client) =>
      Effect.gen(function*() {
        expect(yield* client.version).toBe("v2.0")
        const token = yield* client.issue(demoV2)
        expect(token.version).toBe("v2.0")
        expect(yield* sim.count("POST /v2.0/tokens")).toBe(1)
      }), { authUrl: "http://keystone.test" }, { versions: ["v2.0"] }))

  it.effect("a root offering neither → DecodeError", () =>
    withSim((_, client) =>
      Effect.gen(function*() {
        const error = yield* Effect.flip(client.version)
        expect(error).toMatchObject({ _tag: "DecodeError", status: 300 })
      }), { authUrl: "http://keystone.test" }, { versions: [] }))

  it.effect("a failed discovery is not remembered", () =>
    withSim((sim, client) =>
      Effect.gen(function*() {
        yield* sim.inject(Fault.status(500, { route: "GET /" }))
        expect((yield* Effect.flip(client.version))._tag).toBe("UnexpectedStatus")
        expect(yield* client.version).toBe("v3")
        expect(yield* client.version).toBe("v3")
        expect(yield* sim.count("GET /")).toBe(2)
      }), { authUrl: "http://keystone.test" }))

  it.effect("a caller waiting on a discovery whose own caller gave up (interrupted) discovers itself", () =>
    withSim((sim, client) =>
      Effect.gen(function*() {
        yield* sim.inject(Fault.latency("1 second", { route: "GET /", count: 1 }))
        const first = yield* Effect.fork(client.version)
        yield* TestClock.adjust("100 millis")
        const second = yield* Effect.fork(client.version)
        yield* TestClock.adjust("100 millis")
        yield* Fiber.interrupt(first)
        expect(yield* runWithClock(Fiber.join(second), "100 millis")).toBe("v3")
        expect(yield* client.version).toBe("v3")
        expect(yield* sim.count("GET /")).toBe(2)
      }), { authUrl: "http://keystone.test" }))

  it.effect("a transient discovery failure is retried", () =>
    withSim((sim, client) =>
      Effect.gen(function*() {
        yield* sim.inject(Fault.status(503, { route: "GET /", count: 2 }))
        expect(yield* runWithClock(client.version, "50 millis")).toBe("v3")
        expect(yield* sim.count("GET /")).toBe(3)
      }), { authUrl: "http://keystone.test" }))

  it.effect("an explicit version on a bare root appends it without asking", () =>
    withSim((sim, client) =>
      Effect.gen(function*() {
        expect(yield* client.version).toBe("v2.0")
        yield* client.issue(demoV2)
        expect(yield* sim.count("GET /")).toBe(0)
        expect(yield* sim.count("POST /v2.0/tokens")).toBe(1)
      }), { authUrl: "http://keystone.test", version: "v2.0" }))

  it.effect("a /v3 or /v2.0 suffix fixes the version (trailing slash tolerated)", () =>
    Effect.gen(function*() {
      yield* withSim((sim, client) =>
        Effect.gen(function*() {
          expect(yield* client.version).toBe("v3")
          expect(client.authUrl).toBe("http://keystone.test/v3")
          yield* client.issue({ credentials: demoPassword })
          expect(yield* sim.count("GET /")).toBe(0)
          expect(yield* sim.count("GET /v3")).toBe(0)
        }), { authUrl: "http://keystone.test/v3/" })
      yield* withSim((_, client) => Effect.map(client.version, (v) => expect(v).toBe("v2.0")), { authUrl: "http://keystone.test/v2.0//" })
    }))

  it.effect("a suffix that contradicts the version option → InvalidInput (version), nothing sent", () =>
    withSim((sim, client) =>
      Effect.gen(function*() {
        const error = yield* Effect.flip(client.issue({ credentials: demoPassword }))
        expect(error).toMatchObject({ _tag: "InvalidInput", input: "version" })
        expect(error.message).toMatch(/v3.*v2\.0/)
        expect(yield* sim.count()).toBe(0)
      }), { authUrl: "http://keystone.test/v3", version: "v2.0" }))

  it.effect("an invalid authUrl → InvalidInput (authUrl) on use, never a defect", () =>
    withSim((sim, client) =>
      Effect.gen(function*() {
        expect(yield* Effect.flip(client.version)).toMatchObject({ _tag: "InvalidInput", input: "authUrl" })
        expect(yield* Effect.flip(client.issue({ credentials: demoPassword }))).toMatchObject({ _tag: "InvalidInput", input: "authUrl" })
        expect(yield* sim.count()).toBe(0)
      }), { authUrl: "not a url" }))

  for (const [path, version] of [["identity-three", "v3"], ["identity-two", "v2.0"]] as const) {
    it.effect(`a URL whose GET answers a { version } document (${version})`, () =>
      Effect.gen(function*() {
        const sim = yield* KeystoneSim.KeystoneSim
        const client = yield* KeystoneClient.make({ authUrl: `http://keystone.test/${path}` }).pipe(
          Effect.provideService(HttpClient.HttpClient, rewriting(yield* HttpClient.HttpClient))
        )
        expect(yield* client.version).toBe(version)
        expect(yield* sim.count(version === "v3" ? "GET /v3" : "GET /v2.0")).toBe(1)
        const token = yield* client.issue(version === "v3" ? { credentials: demoPassword } : demoV2)
        expect(token.version).toBe(version)
        expect(token.user.id).toBe(Demo.userId)
      }).pipe(Effect.provide(KeystoneSim.layer())))
  }
})
