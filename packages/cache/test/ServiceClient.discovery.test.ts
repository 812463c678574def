/**
 * Service version discovery and microversions (issue 10), against
 * KeystoneSim service stubs answering Nova-, Glance- and Swift-shaped
 * version documents.
 */
import * as HttpClient from "@effect/platform/HttpClient"
import { describe, expect, it } from "@effect/vitest"
import { Fault, KeystoneSim } from "@effect-keystone/testing"
import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import * as Fiber from "effect/Fiber"
import * as Option from "effect/Option"
import * as TestClock from "effect/TestClock"
import * as KeystoneSession from "../src/KeystoneSession.js"
import * as ServiceClient from "../src/ServiceClient.js"
import { makeEnv, makeSession } from "./utils/session.js"

const NOVA = "http://compute.region-one.test:8774"
const ROOT = "http://nova-root.test:8774"
const LEGACY = "http://nova-legacy.test:8774"
const HUGE = "http://nova-huge.test:8774"
const GLANCE = "http://image.region-two.test:9292"
const SWIFT = "http://object.region-one.test:8080"

const endpoint = (id: string, region: string, url: string) => ({ id, interface: "public" as const, region, url })

/** The default catalog, its services answering version documents, plus an unversioned and a project-templated Nova. */
const catalog: ReadonlyArray<KeystoneSim.Seed.Service> = [
  ...KeystoneSim.defaultSeed.catalog.map((service) =>
    service.type === "compute"
      ? { ...service, documents: KeystoneSim.ServiceDocuments.nova(NOVA) }
      : service.type === "image"
      ? { ...service, documents: KeystoneSim.ServiceDocuments.glance(GLANCE) }
      : service.type === "object-store"
      ? { ...service, documents: KeystoneSim.ServiceDocuments.swift(SWIFT) }
      : service
  ),
  {
    id: "nova-root",
    type: "compute",
    name: "nova-root",
    endpoints: [endpoint("e-root", "RegionRoot", `${ROOT}/`)],
    documents: KeystoneSim.ServiceDocuments.nova(ROOT)
  },
  {
    id: "nova-huge",
    type: "compute",
    name: "nova-huge",
    endpoints: [endpoint("e-huge", "RegionHuge", `${HUGE}/`)],
    // a version document padded past the 64 KiB a version document may take
    documents: KeystoneSim.ServiceDocuments.nova(HUGE).map((d) => ({
      ...d,
      body: { ...(d.body as object), padding: "x".repeat(70 * 1024) }
    }))
  },
  {
    id: "nova-legacy",
    type: "compute",
    name: "nova-legacy",
    endpoints: [endpoint("e-legacy", "RegionLegacy", `${LEGACY}/v2.1/%(tenant_id)s`)],
    documents: KeystoneSim.ServiceDocuments.nova(LEGACY)
  }
]

/** A service the caller provides, read by the transport: which context a request is sent in. */
class Caller extends Context.Tag("test/Caller")<Caller, string>() {}

interface Sent {
  readonly url: string
  readonly headers: Readonly<Record<string, string>>
}

const setup = Effect.gen(function*() {
  const sent: Array<Sent> = []
  const env = yield* makeEnv({
    seed: { catalog },
    wrapHttp: (http) =>
      HttpClient.mapRequest(http, (request) => {
        sent.push({ url: request.url, headers: request.headers })
        return request
      })
  })
  const session = yield* makeSession(env, { minimumRefresh: 0 })
  const client = (options: ServiceClient.Options) =>
    Effect.provideService(ServiceClient.make(options), KeystoneSession.KeystoneSession, session)
  return { env, session, sent, client, toService: (origin: string) => sent.filter((s) => s.url.startsWith(origin)) }
})

describe("ServiceClient discovery", () => {
  it.scoped("a versioned endpoint: its own document; the microversion goes in both headers", () =>
    Effect.gen(function*() {
      const { client, toService } = yield* setup
      const nova = yield* client({ type: "compute", region: "RegionOne", microversion: "2.60" })
      yield* nova.http.get("servers")
      const version = Option.getOrThrow(yield* nova.version)
      expect(version).toMatchObject({ id: "v2.1", version: "2.1", status: "CURRENT", url: `${NOVA}/v2.1` })
      expect(version).toMatchObject({ minMicroversion: "2.1", maxMicroversion: "2.79" })
      const call = toService(NOVA).at(-1)!
      expect(call.url).toBe(`${NOVA}/v2.1/servers`)
      expect(call.headers["openstack-api-version"]).toBe("compute 2.60")
      expect(call.headers["x-openstack-nova-api-version"]).toBe("2.60")
      expect(yield* nova.microversion).toEqual(Option.some("2.60"))
    }))

  it.scoped("an unversioned root: the highest version in the range, bound to its link", () =>
    Effect.gen(function*() {
      const { client, toService } = yield* setup
      const latest = yield* client({ type: "compute", region: "RegionRoot", version: { min: "2" } })
      yield* latest.http.get("/servers")
      expect(toService(ROOT).at(-1)!.url).toBe(`${ROOT}/v2.1/servers`)
      const older = yield* client({ type: "compute", region: "RegionRoot", version: { min: "2", max: "2.0" } })
      expect(yield* older.endpoint).toBe(`${ROOT}/v2/`)
      expect(Option.getOrThrow(yield* older.version).status).toBe("SUPPORTED")
    }))

  it.scoped("a project-templated endpoint keeps its project id", () =>
    Effect.gen(function*() {
      const { client, toService } = yield* setup
      const nova = yield* client({ type: "compute", region: "RegionLegacy", version: { min: "2.1" }, microversion: "latest" })
      yield* nova.http.get("servers")
      const url = toService(LEGACY).at(-1)!.url
      expect(url).toBe(`${LEGACY}/v2.1/${KeystoneSim.Demo.projectId}/servers`)
      expect(yield* nova.microversion).toEqual(Option.some("2.79"))
    }))

  it.scoped("Glance's 300 Multiple Choices and Swift's inferred v1", () =>
    Effect.gen(function*() {
      const { client } = yield* setup
      const glance = yield* client({ type: "image", region: "RegionTwo", version: { min: "2" } })
      expect(yield* glance.endpoint).toBe(`${GLANCE}/v2/`)
      expect(Option.getOrThrow(yield* glance.version)).toMatchObject({ id: "v2.9", status: "CURRENT" })
      const swift = yield* client({ type: "object-store", version: { min: "1" } })
      expect(yield* swift.endpoint).toBe(`${SWIFT}/v1/AUTH_${KeystoneSim.Demo.projectId}`)
    }))

  it.scoped("no version in range: VersionNotAvailable lists what was offered, nothing sent", () =>
    Effect.gen(function*() {
      const { client, toService } = yield* setup
      const nova = yield* client({ type: "compute", region: "RegionRoot", version: { min: "3" } })
      const error = yield* Effect.flip(nova.http.get("servers"))
      expect(error._tag).toBe("VersionNotAvailable")
      if (error._tag !== "VersionNotAvailable") return
      expect(error.offered).toEqual(["v2.0 SUPPORTED", "v2.1 CURRENT"])
      expect(error.message).toContain("v2.1 CURRENT")
      expect(toService(ROOT).map((s) => s.url)).toEqual([`${ROOT}/`])
    }))

  it.scoped("a microversion outside the range, or for a service without microversions: MicroversionNotSupported", () =>
    Effect.gen(function*() {
      const { client } = yield* setup
      for (const microversion of ["2.80", "2.0", "1.5", "banana"]) {
        const nova = yield* client({ type: "compute", region: "RegionOne", microversion })
        const error = yield* Effect.flip(nova.http.get("servers"))
        expect(error).toMatchObject({ _tag: "MicroversionNotSupported", wanted: microversion, min: "2.1", max: "2.79" })
      }
      const glance = yield* client({ type: "image", region: "RegionTwo", microversion: "2.1" })
      expect((yield* Effect.flip(glance.http.get("images")))._tag).toBe("MicroversionNotSupported")
    }))

  it.scoped("one discovery per endpoint however many ask at once; a failed one is asked again", () =>
    Effect.gen(function*() {
      const { client, env, toService } = yield* setup
      const nova = yield* client({ type: "compute", region: "RegionRoot", version: { min: "2" } })
      yield* env.sim.inject(Fault.status(503, { route: "GET service:compute" }))
      expect((yield* Effect.flip(nova.http.get("servers")))._tag).toBe("VersionNotAvailable")
      yield* Effect.all(Array.from({ length: 10 }, () => nova.http.get("servers")), { concurrency: "unbounded" })
      const discoveries = toService(ROOT).filter((s) => s.url === `${ROOT}/`)
      expect(discoveries.length).toBe(2) // the 503, then one for all ten
      expect(toService(ROOT).filter((s) => s.url === `${ROOT}/v2.1/servers`).length).toBe(10)
    }))

  it.scoped("clients of one session share the discovery of an endpoint", () =>
    Effect.gen(function*() {
      const { client, toService } = yield* setup
      const a = yield* client({ type: "compute", region: "RegionRoot", version: { min: "2" } })
      const b = yield* client({ type: "compute", region: "RegionRoot", microversion: "2.5" })
      yield* a.http.get("servers")
      yield* b.http.get("servers")
      expect(toService(ROOT).filter((s) => s.url === `${ROOT}/`).length).toBe(1)
      expect(toService(ROOT).at(-1)!.headers["openstack-api-version"]).toBe("compute 2.5")
    }))

  it.scoped("a discovery whose caller is interrupted is taken over by the others", () =>
    Effect.gen(function*() {
      const { client, env, session, toService } = yield* setup
      const nova = yield* client({ type: "compute", region: "RegionRoot", version: { min: "2" } })
      yield* session.token // log in first: only discovery waits below
      yield* env.sim.inject(Fault.latency("10 seconds", { route: "GET service:compute" }))
      const first = yield* Effect.fork(nova.http.get("servers"))
      yield* TestClock.adjust("1 second")
      const second = yield* Effect.fork(nova.http.get("servers"))
      yield* TestClock.adjust("1 second")
      yield* Fiber.interrupt(first)
      yield* TestClock.adjust("20 seconds")
      const response = yield* Fiber.join(second)
      expect(response.status).toBe(200)
      expect(toService(ROOT).filter((s) => s.url === `${ROOT}/`).length).toBe(2)
    }))

  it.scoped("the version document is read in the context of the request that needed it, not the one the client was made in", () =>
    Effect.gen(function*() {
      const seen: Array<{ readonly url: string; readonly caller: string | undefined }> = []
      const env = yield* makeEnv({
        seed: { catalog },
        wrapHttp: (http) =>
          HttpClient.tapRequest(http, (request) =>
            Effect.map(Effect.serviceOption(Caller), (caller) => {
              seen.push({ url: request.url, caller: Option.getOrUndefined(caller) })
            }))
      })
      const session = yield* makeSession(env, { minimumRefresh: 0 })
      const nova = yield* ServiceClient.make({ type: "compute", region: "RegionRoot", version: { min: "2" } }).pipe(
        Effect.provideService(KeystoneSession.KeystoneSession, session),
        Effect.provideService(Caller, "the maker")
      )
      yield* Effect.provideService(nova.http.get("servers"), Caller, "the request")
      expect(seen.filter((s) => s.url === `${ROOT}/`).map((s) => s.caller)).toEqual(["the request"])
    }))

  it.scoped("a version document over 64 KiB is not read whole: no document", () =>
    Effect.gen(function*() {
      const { client } = yield* setup
      const nova = yield* client({ type: "compute", region: "RegionHuge", version: { min: "2" } })
      const error = yield* Effect.flip(nova.endpoint)
      expect(error).toMatchObject({ _tag: "VersionNotAvailable", offered: [] })
    }))
})
