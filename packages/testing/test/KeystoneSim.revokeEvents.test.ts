import * as HttpClientRequest from "@effect/platform/HttpClientRequest"
import { describe, expect, it } from "@effect/vitest"
import { KeystoneSim } from "@effect-keystone/testing"
import * as Effect from "effect/Effect"
import * as TestClock from "effect/TestClock"
import { admin, demo, Demo, get, Projects, provideSim, send, Service, tokenId, tokens } from "./utils.js"

const adminToken = tokenId(admin({ project: { id: Projects.admin.id } }))

const events = (caller: string, since?: string) =>
  get(`/v3/OS-REVOKE/events${since === undefined ? "" : `?since=${encodeURIComponent(since)}`}`, caller)

const auditIdOf = (caller: string, id: string) =>
  Effect.map(tokens("GET", caller, id, "?nocatalog"), (a) => a.json.token.audit_ids[0] as string)

describe("KeystoneSim: GET /v3/OS-REVOKE/events", () => {
  it.effect("DELETE /v3/auth/tokens records an audit-id event, in Keystone's format", () =>
    Effect.gen(function*() {
      const sim = yield* KeystoneSim.KeystoneSim
      const caller = yield* adminToken
      const empty = yield* events(caller)
      expect(empty.status).toBe(200)
      expect(empty.text).toBe(
        `{"events": [], "links": {"next": null, "self": "${sim.baseUrl}/v3/OS-REVOKE/events", "previous": null}}\n`
      )
      yield* TestClock.adjust("1500 millis")
      const victim = yield* tokenId(demo())
      const auditId = yield* auditIdOf(caller, victim)
      expect((yield* tokens("DELETE", caller, victim)).status).toBe(204)
      const a = yield* events(caller)
      expect(a.json.events).toEqual([
        { audit_id: auditId, issued_before: "1970-01-01T00:00:01.000000Z", revoked_at: "1970-01-01T00:00:01.000000Z" }
      ])
      expect(yield* sim.count("GET /v3/OS-REVOKE/events")).toBe(2)
    }).pipe(provideSim()))

  it.effect("since: strictly after, in whole seconds; any ISO 8601 form; garbage is a 400", () =>
    Effect.gen(function*() {
      const caller = yield* adminToken
      yield* TestClock.adjust("10 seconds")
      yield* tokens("DELETE", caller, yield* tokenId(demo()))
      const at = "1970-01-01T00:00:10.000000Z"
      expect((yield* events(caller, at)).json.events).toEqual([])
      expect((yield* events(caller, "1970-01-01T00:00:09.999Z")).json.events).toHaveLength(1)
      expect((yield* events(caller, "1970-01-01 00:00:09")).json.events).toHaveLength(1)
      expect((yield* events(caller, "19700101T000009")).json.events).toHaveLength(1)
      expect((yield* events(caller, "1970-01-01T01:00:09+01:00")).json.events).toHaveLength(1)
      expect((yield* events(caller, "1970-01-01")).json.events).toHaveLength(1)
      expect((yield* events(caller, "")).json.events).toHaveLength(1)
      const bad = yield* events(caller, "yesterday")
      expect(bad.status).toBe(400)
      expect(bad.json).toEqual({ error: { code: 400, message: "invalidate date format yesterday", title: "Bad Request" } })
    }).pipe(provideSim()))

  it.effect("policy service_or_admin: a service user lists, a member gets 403, no token 401", () =>
    Effect.gen(function*() {
      const service = yield* tokenId({
        auth: {
          identity: { methods: ["password"], password: { user: { id: Service.userId, password: Service.password } } },
          scope: { project: { id: Service.projectId } }
        }
      })
      expect((yield* events(service)).status).toBe(200)
      const member = yield* events(yield* tokenId(demo()))
      expect(member.status).toBe(403)
      expect(member.json.error.message).toBe(
        "You are not authorized to perform the requested action: identity:list_revoke_events."
      )
      const sim = yield* KeystoneSim.KeystoneSim
      const anonymous = yield* send(HttpClientRequest.get(`${sim.authUrl}/OS-REVOKE/events`))
      expect(anonymous.status).toBe(401)
    }).pipe(provideSim()))

  it.effect("v2.0 DELETE, revoke and revokeAll record one event per token", () =>
    Effect.gen(function*() {
      const sim = yield* KeystoneSim.KeystoneSim
      const caller = yield* adminToken
      const v2 = yield* send(HttpClientRequest.post(`${sim.authUrlV2}/tokens`).pipe(
        HttpClientRequest.bodyUnsafeJson({ auth: { passwordCredentials: { userId: Demo.userId, password: Demo.password } } })
      ))
      const v2Id = v2.json.access.token.id as string
      yield* send(HttpClientRequest.del(`${sim.authUrlV2}/tokens/${v2Id}`).pipe(
        HttpClientRequest.setHeader("x-auth-token", caller)
      ))
      expect((yield* events(caller)).json.events.map((e: { audit_id: string }) => e.audit_id)).toEqual([
        v2.json.access.token.audit_ids[0]
      ])
      const one = yield* tokenId(demo())
      const oneAudit = yield* auditIdOf(caller, one)
      yield* sim.revoke(one)
      yield* sim.revoke(one)
      expect((yield* events(caller)).json.events).toHaveLength(2)
      expect((yield* events(caller)).json.events[1].audit_id).toBe(oneAudit)
      yield* TestClock.adjust("1 second")
      const listed = yield* tokenId(admin({ project: { id: Projects.admin.id } }))
      yield* sim.revokeAll
      // `caller` and `listed` (the time filter leaves out the two earlier events); no second event for a revoked token
      const after = yield* tokenId(admin({ project: { id: Projects.admin.id } }))
      expect((yield* events(after, "1970-01-01T00:00:00Z")).json.events).toHaveLength(2)
      expect((yield* tokens("GET", listed, listed)).status).toBe(401)
    }).pipe(provideSim()))

  it.effect("revokeUser: the user's tokens until now, in whole seconds, are refused; a user_id event", () =>
    Effect.gen(function*() {
      const sim = yield* KeystoneSim.KeystoneSim
      const caller = yield* adminToken
      yield* TestClock.adjust("5 seconds")
      const before = yield* tokenId(demo())
      yield* TestClock.adjust("200 millis")
      yield* sim.revokeUser(Demo.userId)
      // issued later in the same second: Keystone compares whole seconds, so it is revoked too
      const sameSecond = yield* tokenId(demo())
      yield* TestClock.adjust("1 second")
      const next = yield* tokenId(demo())
      expect((yield* tokens("GET", caller, before)).status).toBe(404)
      expect((yield* tokens("GET", caller, sameSecond)).status).toBe(404)
      expect((yield* tokens("GET", caller, next)).status).toBe(200)
      expect((yield* tokens("GET", caller, caller)).status).toBe(200)
      expect((yield* events(caller)).json.events).toEqual([
        { user_id: Demo.userId, issued_before: "1970-01-01T00:00:05.000000Z", revoked_at: "1970-01-01T00:00:05.000000Z" }
      ])
    }).pipe(provideSim()))
})
