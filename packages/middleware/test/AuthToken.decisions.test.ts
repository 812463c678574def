import { describe, expect, it } from "@effect/vitest"
import { TokenStore } from "@effect-keystone/cache"
import * as RedisTokenStore from "@effect-keystone/cache/RedisTokenStore"
import { Fault, KeystoneSim } from "@effect-keystone/testing"
import * as Effect from "effect/Effect"
import * as Redacted from "effect/Redacted"
import * as TestClock from "effect/TestClock"
import * as Headers from "../src/Headers.js"
import { capture } from "../../cache/test/utils/logs.js"
import { inspectRedis, redisUrl, uniquePrefix } from "../../cache/test/utils/redis.js"
import * as SharedStore from "../src/internal/sharedStore.js"
import * as Validator from "../src/internal/validator.js"
import { adminAuth, EVENTS, headers, makeEnv, newKey, tag, VALIDATE } from "./support.js"

describe("AuthToken decisions", () => {
  describe("service tokens", () => {
    it.scoped("a valid service token with the role: X-Service-* headers, allow_expired for the user token", () =>
      Effect.gen(function*() {
        const env = yield* makeEnv()
        yield* env.sim.setTokenLifetime("2 minutes")
        const user = yield* env.issue()
        yield* env.sim.setTokenLifetime("1 hour")
        yield* TestClock.adjust("3 minutes")
        // the service's own token, as a calling service would send it (the session renews it)
        const service = Redacted.value((yield* env.session.token).id)
        // expired: refused alone, accepted with the service token
        expect(tag(yield* env.auth.authenticate({ userToken: user }))).toBe("Unknown")
        const decision = yield* env.auth.decide(headers({ "X-Auth-Token": user, "X-Service-Token": service }))
        if (decision._tag !== "Forward") {
          throw new Error(`answered ${decision.status}: ${JSON.stringify(yield* env.auth.authenticate({ userToken: user, serviceToken: service }))}`)
        }
        expect(tag(decision.status)).toBe("Confirmed")
        expect(decision.set).toMatchObject({
          "X-Identity-Status": "Confirmed",
          "X-Service-Identity-Status": "Confirmed",
          "X-User-Id": KeystoneSim.Demo.userId,
          "X-Service-User-Id": KeystoneSim.Service.userId,
          "X-Service-Project-Id": KeystoneSim.Service.projectId,
          "X-Service-Roles": "service"
        })
        if (decision.status._tag === "Confirmed") expect(decision.status.identity.service?.user.name).toBe("service")
      }))

    it.scoped("a service token without the role: valid (not required) but no allow_expired; invalid when required", () =>
      Effect.gen(function*() {
        const lenient = yield* makeEnv()
        yield* lenient.sim.setTokenLifetime("2 minutes")
        const expiring = yield* lenient.issue()
        yield* lenient.sim.setTokenLifetime("1 hour")
        const notService = yield* lenient.issue()
        const user = yield* lenient.issue()
        const ok = yield* lenient.auth.decide(headers({ "X-Auth-Token": user, "X-Service-Token": notService }))
        expect(ok._tag === "Forward" && ok.set["X-Service-Identity-Status"]).toBe("Confirmed")
        yield* TestClock.adjust("3 minutes")
        const late = yield* lenient.auth.authenticate({ userToken: expiring, serviceToken: notService })
        expect(tag(late)).toBe("Unknown")

        const strict = yield* makeEnv({ serviceTokenRolesRequired: true }, { sim: lenient.sim })
        const refused = yield* strict.auth.decide(headers({ "X-Auth-Token": user, "X-Service-Token": notService }))
        expect(refused).toMatchObject({ _tag: "Respond", status: 401 })
        const delayed = yield* strict.auth.decide(headers({ "X-Auth-Token": user, "X-Service-Token": notService }), {
          delayAuthDecision: true
        })
        if (delayed._tag !== "Forward") throw new Error("not forwarded")
        // X-Identity-Status is the user token's own status (keystonemiddleware); the verdict is Invalid
        expect(delayed.set["X-Identity-Status"]).toBe("Confirmed")
        expect(delayed.set["X-Service-Identity-Status"]).toBe("Invalid")
        expect(tag(delayed.status)).toBe("ServiceToken")
        // the user token itself was fine: its headers are set, as keystonemiddleware does
        expect(delayed.set["X-User-Id"]).toBe(KeystoneSim.Demo.userId)
        expect(delayed.set["X-Service-User-Id"]).toBeUndefined()
      }))
  })

  describe("delay_auth_decision", () => {
    it.scoped("an invalid or missing token is forwarded as Invalid, with the managed headers removed", () =>
      Effect.gen(function*() {
        const env = yield* makeEnv({ delayAuthDecision: true })
        const decision = yield* env.auth.decide(headers({ "X-Auth-Token": "nope", "X-User-Id": "admin", "X-Roles": "admin" }))
        if (decision._tag !== "Forward") throw new Error("not forwarded")
        expect(decision.set).toEqual({ "X-Identity-Status": "Invalid" })
        expect(decision.remove).toEqual(expect.arrayContaining(["x-user-id", "x-roles", "openstack-system-scope", "x-service-roles"]))
        const none = yield* env.auth.decide(headers({}))
        expect(none._tag === "Forward" && tag(none.status)).toBe("Missing")
      }))
  })

  describe("Keystone down", () => {
    it.scoped("503 with Retry-After, never 401; cached tokens keep serving; one log line per outage", () =>
      Effect.gen(function*() {
        const logs = capture()
        yield* Effect.gen(function*() {
          // no retries: their pauses would wait for the TestClock
          const env = yield* makeEnv({ revocation: { pollEvery: false }, retry: false })
          const known = yield* env.issue()
          const fresh = yield* env.issue()
          yield* env.auth.authenticate({ userToken: known })
          yield* env.sim.setDown
          for (let i = 0; i < 20; i++) {
            const d = yield* env.auth.decide(headers({ "X-Auth-Token": fresh }))
            expect(d).toMatchObject({ _tag: "Respond", status: 503, headers: { "retry-after": "5" } })
          }
          expect(tag(yield* env.auth.authenticate({ userToken: known }))).toBe("Confirmed")
          const delayed = yield* env.auth.decide(headers({ "X-Auth-Token": fresh }), { delayAuthDecision: true })
          expect(delayed._tag === "Forward" && tag(delayed.status)).toBe("KeystoneUnavailable")
          expect(logs.lines.filter((l) => l.level === "ERROR" && l.message.includes("cannot validate tokens")).length).toBe(1)
          yield* env.sim.setUp
          expect(tag(yield* env.auth.authenticate({ userToken: fresh }))).toBe("Confirmed")
          expect(logs.lines.some((l) => l.message.includes("Keystone answers again"))).toBe(true)
        }).pipe(Effect.provide(logs.layer))
      }))

    it.scoped("Keystone's own Retry-After is passed on, in whole seconds; without one (or 0), the configured one", () =>
      Effect.gen(function*() {
        const env = yield* makeEnv({ revocation: { pollEvery: false }, retry: false })
        const token = yield* env.issue()
        const answered = (retryAfter: number | undefined, status = 503) =>
          Effect.zipRight(
            env.sim.inject(Fault.status(status, { route: VALIDATE, count: 1, ...(retryAfter === undefined ? {} : { retryAfter }) })),
            env.auth.decide(headers({ "X-Auth-Token": token }))
          )
        expect(yield* answered(30)).toMatchObject({ _tag: "Respond", status: 503, headers: { "retry-after": "30" } })
        expect(yield* answered(1.2, 429)).toMatchObject({ _tag: "Respond", status: 503, headers: { "retry-after": "2" } })
        expect(yield* answered(undefined)).toMatchObject({ _tag: "Respond", status: 503, headers: { "retry-after": "5" } })
        expect(yield* answered(0)).toMatchObject({ _tag: "Respond", status: 503, headers: { "retry-after": "5" } })
      }))
  })

  describe("revocation", () => {
    it.scoped("a revoked token is refused after the next poll, not before (and not 300 s later)", () =>
      Effect.gen(function*() {
        const env = yield* makeEnv({ revocation: { pollEvery: "5 seconds" }, cache: { maxAge: "5 minutes" } })
        const token = yield* env.issue()
        const other = yield* env.issue()
        expect(tag(yield* env.auth.authenticate({ userToken: token }))).toBe("Confirmed")
        expect(tag(yield* env.auth.authenticate({ userToken: other }))).toBe("Confirmed")
        yield* env.sim.revoke(token)
        // still cached: the poll has not run yet
        expect(tag(yield* env.auth.authenticate({ userToken: token }))).toBe("Confirmed")
        const polls = yield* env.sim.count(EVENTS)
        yield* TestClock.adjust("5 seconds")
        expect(yield* env.sim.count(EVENTS)).toBe(polls + 1)
        const validations = yield* env.sim.count(VALIDATE)
        expect(tag(yield* env.auth.authenticate({ userToken: token }))).not.toBe("Confirmed")
        // the other token's entry was not touched
        expect(tag(yield* env.auth.authenticate({ userToken: other }))).toBe("Confirmed")
        expect(yield* env.sim.count(VALIDATE)).toBe(validations + 1)
      }))

    it.scoped("a user event (password change) drops every cached token of that user", () =>
      Effect.gen(function*() {
        const env = yield* makeEnv()
        const tokens = [yield* env.issue(), yield* env.issue()]
        for (const t of tokens) expect(tag(yield* env.auth.authenticate({ userToken: t }))).toBe("Confirmed")
        yield* env.sim.revokeUser(KeystoneSim.Demo.userId)
        expect(yield* env.auth.pollRevocations).toBe(2)
        for (const t of tokens) expect(tag(yield* env.auth.authenticate({ userToken: t }))).not.toBe("Confirmed")
      }))
  })

  describe("shared cache", () => {
    it.scoped("a second process reuses a validation from the shared store, within maxAge only", () =>
      Effect.gen(function*() {
        const shared = { store: yield* TokenStore.makeMemory, keys: [newKey()] as const }
        const one = yield* makeEnv({ cache: { maxAge: "1 minute" } }, { shared })
        const two = yield* one.another({ cache: { maxAge: "1 minute" } }, shared)
        const token = yield* one.issue()
        expect(tag(yield* one.auth.authenticate({ userToken: token }))).toBe("Confirmed")
        expect(tag(yield* two.authenticate({ userToken: token }))).toBe("Confirmed")
        expect(yield* one.sim.count(VALIDATE)).toBe(1)
        yield* TestClock.adjust("61 seconds")
        expect(tag(yield* two.authenticate({ userToken: token }))).toBe("Confirmed")
        expect(yield* one.sim.count(VALIDATE)).toBe(2)
      }))

    it.scoped("a revoked token is refused by every process sharing the store within the poll interval", () =>
      Effect.gen(function*() {
        const shared = { store: yield* TokenStore.makeMemory, keys: [newKey()] as const }
        const options = { revocation: { pollEvery: "5 seconds" }, cache: { maxAge: "5 minutes" } } as const
        const one = yield* makeEnv(options, { shared })
        const two = yield* one.another(options, shared)
        const token = yield* one.issue()
        expect(tag(yield* one.auth.authenticate({ userToken: token }))).toBe("Confirmed")
        // the second process took the validation from the shared store
        expect(tag(yield* two.authenticate({ userToken: token }))).toBe("Confirmed")
        expect(yield* one.sim.count(VALIDATE)).toBe(1)
        yield* one.sim.revoke(token)
        yield* TestClock.adjust("5 seconds")
        for (const process of [one.auth, two]) {
          expect(process.decideCached(headers({ "X-Auth-Token": token }))).toBeUndefined()
          expect(tag(yield* process.authenticate({ userToken: token }))).not.toBe("Confirmed")
        }
      }))

    it.scoped("through Redis: two processes, one validation; the entry in Redis is sealed and holds no token id", () =>
      Effect.gen(function*() {
        const url = yield* redisUrl
        const prefix = uniquePrefix("middleware")
        const store = yield* RedisTokenStore.make({ url }, { prefix })
        const shared = { store, keys: [newKey()] as const }
        const one = yield* makeEnv(undefined, { shared })
        const two = yield* one.another(undefined, { store: yield* RedisTokenStore.make({ url }, { prefix }), keys: shared.keys })
        const token = yield* one.issue()
        expect(tag(yield* one.auth.authenticate({ userToken: token }))).toBe("Confirmed")
        expect(tag(yield* two.authenticate({ userToken: token }))).toBe("Confirmed")
        expect(yield* one.sim.count(VALIDATE)).toBe(1)
        const redis = yield* inspectRedis(url)
        const keys = yield* Effect.promise(() => redis.keys(`${prefix}token:*`))
        expect(keys.length).toBe(1)
        const value = (yield* Effect.promise(() => redis.get(keys[0]!)))!
        expect(value.startsWith("ek1.")).toBe(true)
        expect(keys[0]!.includes(token) || value.includes(token)).toBe(false)
      }))

    it.scoped("an entry planted in the backend (unsealed, or sealed with another key) is never adopted", () =>
      Effect.gen(function*() {
        const store = yield* TokenStore.makeMemory
        const one = yield* makeEnv(undefined, { shared: { store, keys: [newKey()] } })
        const token = yield* one.issue()
        // the attacker knows the token and the key layout, and writes an admin identity there in clear
        const admin = yield* one.client.issue(adminAuth)
        const key = yield* SharedStore.keyOf(one.client.authUrl, yield* Validator.sha256(token), 0)
        yield* store.set(key, admin)
        const status = yield* one.auth.authenticate({ userToken: token })
        expect(status._tag === "Confirmed" && status.identity.user.id).toBe(KeystoneSim.Demo.userId)
        // another fleet's key does not open this fleet's entries
        const other = yield* one.another(undefined, { store, keys: [newKey()] })
        const seen = yield* other.authenticate({ userToken: token })
        expect(seen._tag === "Confirmed" && seen.identity.user.id).toBe(KeystoneSim.Demo.userId)
        expect(yield* one.sim.count(VALIDATE)).toBe(2)
      }))
  })

  it("every managed header is lowercase and covers keystonemiddleware's set", () => {
    for (const h of ["x-identity-status", "x-service-identity-status", "x-user-id", "x-service-user-domain-name", "x-tenant", "x-role", "x-is-admin-project", "x-service-catalog", "openstack-system-scope"]) {
      expect(Headers.isManaged(h)).toBe(true)
    }
    expect(Headers.isManaged("X-Auth-Token")).toBe(false)
  })
})
