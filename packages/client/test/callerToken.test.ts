import { AuthScope, CallerToken, Credentials, KeystoneClient } from "@effect-keystone/client"
import { Fault, KeystoneSim } from "@effect-keystone/testing"
import * as HttpClient from "@effect/platform/HttpClient"
import { describe, expect, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as Redacted from "effect/Redacted"
import * as TestClock from "effect/TestClock"
import { adminAuth, adminV2, type ClientOptions, Demo, demoPassword, demoV2, makeClient, Service, serviceAuth, spy } from "./utils.js"

/** A sim, a plain client (for subjects) and a spied client with `options`. */
const setup = <A, E>(
  options: Partial<ClientOptions> & { readonly v2?: boolean },
  f: (env: {
    readonly sim: KeystoneSim.KeystoneSimService
    readonly plain: KeystoneClient.KeystoneClientService
    readonly client: KeystoneClient.KeystoneClientService
    readonly seen: ReturnType<typeof spy>["seen"]
  }) => Effect.Effect<A, E>
) =>
  Effect.gen(function*() {
    const sim = yield* KeystoneSim.KeystoneSim
    const { v2, ...rest } = options
    const authUrl = v2 === true ? sim.authUrlV2 : sim.authUrl
    const plain = yield* KeystoneClient.make({ authUrl })
    const spied = spy(yield* HttpClient.HttpClient)
    const client = yield* makeClient({ authUrl, ...rest }).pipe(
      Effect.provideService(HttpClient.HttpClient, spied.client)
    )
    return yield* f({ sim, plain, client, seen: spied.seen })
  }).pipe(Effect.provide(KeystoneSim.layer()))

const posts = (seen: ReadonlyArray<{ method: string }>) => seen.filter((r) => r.method === "POST").length

describe("CallerToken: who the client is", () => {
  it.effect("a fixed token is sent as X-Auth-Token, never issued", () =>
    Effect.gen(function*() {
      const sim = yield* KeystoneSim.KeystoneSim
      const plain = yield* KeystoneClient.make({ authUrl: sim.authUrl })
      const admin = yield* plain.issue(adminAuth, { noCatalog: true })
      const spied = spy(yield* HttpClient.HttpClient)
      const client = yield* KeystoneClient.make({ authUrl: sim.authUrl }).pipe(
        Effect.provide(CallerToken.layerFixed(admin.id)),
        Effect.provideService(HttpClient.HttpClient, spied.client)
      )
      const subject = yield* plain.issue({ credentials: demoPassword })
      expect((yield* client.validate(subject)).user.id).toBe(Demo.userId)
      expect(yield* client.check(subject.id)).toBe(true)
      yield* client.revoke(subject)
      expect(yield* client.check(subject)).toBe(false)
      expect(posts(spied.seen)).toBe(0)
      expect(spied.seen.map((r) => r.caller)).toEqual(Array(4).fill(Redacted.value(admin.id)))
      expect(spied.seen.every((r) => r.headers["x-subject-token"] === Redacted.value(subject.id))).toBe(true)
    }).pipe(Effect.provide(KeystoneSim.layer())))

  it.effect("a fixed token refused (401) is not renewed: Unauthorized after one request", () =>
    setup({ caller: { token: Redacted.make("not-a-valid-service-token") } }, ({ client, plain, seen }) =>
      Effect.gen(function*() {
        const subject = yield* plain.issue({ credentials: demoPassword })
        expect((yield* Effect.flip(client.validate(subject)))._tag).toBe("Unauthorized")
        expect(seen).toHaveLength(1)
      })))

  it.effect("service credentials: issued lazily, once, however many concurrent calls", () =>
    setup({ caller: { auth: serviceAuth } }, ({ client, plain, seen }) =>
      Effect.gen(function*() {
        expect(seen).toHaveLength(0)
        const subject = yield* plain.issue({ credentials: demoPassword })
        const results = yield* Effect.all(
          Array.from({ length: 10 }, (_, i) => i % 2 === 0 ? client.check(subject) : Effect.as(client.validate(subject), true)),
          { concurrency: "unbounded" }
        )
        expect(results.every(Boolean)).toBe(true)
        expect(posts(seen)).toBe(1)
        expect(seen[0]!.url).toMatch(/\/v3\/auth\/tokens\?nocatalog$/)
        const callers = new Set(seen.filter((r) => r.method !== "POST").map((r) => r.caller))
        expect(callers.size).toBe(1)
        expect([...callers][0]).not.toBe(Redacted.value(subject.id))
        // later calls reuse it
        yield* client.revoke(subject)
        expect(yield* client.check(subject)).toBe(false)
        expect(posts(seen)).toBe(1)
      })))

  it.effect("a revoked service token is renewed once and the call retried once", () =>
    setup({ caller: { auth: serviceAuth } }, ({ client, plain, seen, sim }) =>
      Effect.gen(function*() {
        const subject = yield* plain.issue({ credentials: demoPassword })
        expect(yield* client.check(subject)).toBe(true)
        const first = seen[1]!.caller!
        yield* sim.revoke(first)
        seen.length = 0
        expect((yield* client.validate(subject)).user.id).toBe(Demo.userId)
        expect(seen.map((r) => r.method)).toEqual(["GET", "POST", "GET"])
        expect(seen[0]!.caller).toBe(first)
        expect(seen[2]!.caller).not.toBe(first)
        // and the renewed token is kept
        expect(yield* client.check(subject)).toBe(true)
        expect(posts(seen)).toBe(1)
      })))

  it.effect("renewal happens once: a second 401 is the caller's error, no loop", () =>
    setup({ caller: { auth: serviceAuth } }, ({ client, plain, seen, sim }) =>
      Effect.gen(function*() {
        const subject = yield* plain.issue({ credentials: demoPassword })
        yield* sim.inject(Fault.status(401, { route: "GET /v3/auth/tokens", count: 5 }))
        const error = yield* Effect.flip(client.validate(subject))
        expect(error._tag).toBe("Unauthorized")
        expect(seen.map((r) => r.method)).toEqual(["POST", "GET", "POST", "GET"])
      })))

  it.effect("an expired service token is renewed before use (TestClock)", () =>
    setup({ caller: { auth: serviceAuth } }, ({ client, plain, seen }) =>
      Effect.gen(function*() {
        expect(yield* client.check(yield* plain.issue({ credentials: demoPassword }))).toBe(true)
        yield* TestClock.adjust("3590 seconds")
        const subject = yield* plain.issue({ credentials: demoPassword })
        seen.length = 0
        expect(yield* client.check(subject)).toBe(true)
        expect(seen.map((r) => r.method)).toEqual(["POST", "HEAD"])
      })))

  it.effect("an issued caller token is renewed by the session's rule: max(2 minutes, 10%) before expiry", () =>
    setup({ caller: { auth: serviceAuth } }, ({ client, plain, seen }) =>
      Effect.gen(function*() {
        const subject = yield* plain.issue({ credentials: demoPassword })
        expect(yield* client.check(subject)).toBe(true)
        // 1-hour tokens: kept for 54 minutes (a 6-minute margin), then issued again
        yield* TestClock.adjust("3230 seconds")
        expect(yield* client.check(subject)).toBe(true)
        expect(posts(seen)).toBe(1)
        yield* TestClock.adjust("20 seconds")
        expect(yield* client.check(subject)).toBe(true)
        expect(posts(seen)).toBe(2)
      })))

  it.effect("service credentials Keystone refuses: the issue's Unauthorized, one POST", () =>
    setup({
      caller: {
        auth: {
          credentials: Credentials.password({ userId: Service.userId, password: Redacted.make("wrong-service-pw") }),
          scope: AuthScope.project({ id: Service.projectId })
        }
      }
    }, ({ client, plain, seen }) =>
      Effect.gen(function*() {
        const subject = yield* plain.issue({ credentials: demoPassword })
        const error = yield* Effect.flip(client.validate(subject))
        expect(error).toMatchObject({ _tag: "Unauthorized", method: "POST" })
        expect(seen.map((r) => r.method)).toEqual(["POST"])
        // not remembered: the next call tries again
        yield* Effect.flip(client.check(subject))
        expect(posts(seen)).toBe(2)
      })))

  it.effect("v2.0: an admin service token, issued once and renewed once on a 401", () =>
    setup({ v2: true, caller: { auth: adminV2 } }, ({ client, plain, seen, sim }) =>
      Effect.gen(function*() {
        const subject = yield* plain.issue(demoV2)
        expect(yield* client.check(subject)).toBe(true)
        expect((yield* client.validate(subject)).user.id).toBe(Demo.userId)
        expect(posts(seen)).toBe(1)
        yield* sim.inject(Fault.status(401, { route: "GET /v2.0/tokens/{id}" }))
        seen.length = 0
        expect((yield* client.validate(subject)).user.id).toBe(Demo.userId)
        expect(seen.map((r) => r.method)).toEqual(["GET", "POST", "GET"])
        expect(yield* sim.count("POST /v2.0/tokens")).toBe(3)
      })))
})
