/**
 * Issue 8, defects 1 and 7: one rule for what a token id is, on the way out
 * (subject, service token: exactly one URL path segment and a valid header)
 * and on the way in (what `issue` accepts); header values checked before
 * anything is sent.
 */
import { KeystoneClient } from "@effect-keystone/client"
import { KeystoneSim } from "@effect-keystone/testing"
import * as HttpClient from "@effect/platform/HttpClient"
import * as HttpClientResponse from "@effect/platform/HttpClientResponse"
import { describe, expect, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as Redacted from "effect/Redacted"
import { adminAuth, adminV2, demoPassword, demoV2, withSim } from "./utils.js"

// ids a URL parser collapses or a server splits, or a header cannot carry
const notIds = ["..", ".", "abc/endpoints", "../v3", "tok en", "tok\r\nX-Evil: 1", "tok\u00e9n", ""]

describe("token ids reach Keystone as one path segment, or are refused unsent", () => {
  it.effect("v2.0 with a service token: `..` and `.` are InvalidInput, nothing sent (was `true` from HEAD /v2.0)", () =>
    withSim((sim, client) =>
      Effect.gen(function*() {
        for (const id of notIds) {
          const subject = Redacted.make(id)
          for (const call of [client.check(subject), client.validate(subject), client.revoke(subject), client.endpoints(subject)]) {
            const error = yield* Effect.flip(call)
            expect(error).toMatchObject({ _tag: "InvalidInput", input: "subject" })
          }
        }
        expect(yield* sim.count()).toBe(0)
      }), { v2: true, caller: { auth: adminV2 } }))

  it.effect("v2.0 self as caller (what `keystone-token check` does): `check(..)` is InvalidInput, nothing sent", () =>
    withSim((sim, client) =>
      Effect.gen(function*() {
        for (const id of ["..", "."]) {
          expect(yield* Effect.flip(client.check(Redacted.make(id)))).toMatchObject({ _tag: "InvalidInput", input: "subject" })
        }
        expect(yield* sim.count()).toBe(0)
      }), { v2: true }))

  it.effect("v3 follows the same rule: the same ids are refused, nothing sent", () =>
    withSim((sim, client) =>
      Effect.gen(function*() {
        for (const id of notIds) {
          expect(yield* Effect.flip(client.check(Redacted.make(id)))).toMatchObject({ _tag: "InvalidInput", input: "subject" })
        }
        expect(yield* sim.count()).toBe(0)
      }), { caller: { auth: adminAuth } }))

  it.effect("a real v2.0 id still travels as one encoded segment and validates", () =>
    withSim((sim, client) =>
      Effect.gen(function*() {
        const token = yield* client.issue(demoV2)
        expect(yield* client.check(token)).toBe(true)
        expect(yield* sim.count("HEAD /v2.0/tokens/{id}")).toBe(1)
      }), { v2: true, caller: { auth: adminV2 } }))

  it.effect("an empty belongsTo (Keystone would skip the check) is refused before sending", () =>
    withSim((sim, client) =>
      Effect.gen(function*() {
        const error = yield* Effect.flip(client.check(Redacted.make("some-token-id"), { belongsTo: "" }))
        expect(error).toMatchObject({ _tag: "InvalidInput", input: "belongsTo" })
        expect(yield* sim.count()).toBe(0)
      }), { v2: true, caller: { auth: adminV2 } }))
})

describe("header values are checked before sending, never retried", () => {
  it.effect("CR/LF in a fixed CallerToken: InvalidInput, nothing sent", () =>
    withSim((sim, client) =>
      Effect.gen(function*() {
        const error = yield* Effect.flip(client.validate(Redacted.make("subject-token-id")))
        expect(error).toMatchObject({ _tag: "InvalidInput", input: "the fixed CallerToken" })
        expect(error.message).toContain("the fixed CallerToken")
        expect(yield* sim.count()).toBe(0)
      }), { caller: { token: Redacted.make("service-token\r\nX-Evil: 1") } }))

  it.effect("CR/LF in a `headers` value or a bad header name: InvalidInput naming the header, nothing sent", () =>
    Effect.gen(function*() {
      for (const headers of [{ "user-agent": "app\r\nX-Evil: 1" }, { "x-app": "a\u0000b" }, { "bad name": "v" }]) {
        const error = yield* withSim((sim, client) =>
          Effect.gen(function*() {
            const e = yield* Effect.flip(client.issue({ credentials: demoPassword }))
            expect(yield* sim.count()).toBe(0)
            return e
          }), { headers })
        expect(error).toMatchObject({ _tag: "InvalidInput", input: "headers" })
        expect(error.message).not.toContain("X-Evil")
      }
    }))
})

describe("what `issue` accepts as a token id is what the client sends", () => {
  // the sim's real reply, with the X-Subject-Token replaced
  const withSubjectToken = (sim: KeystoneSim.KeystoneSimService, id: string) =>
    HttpClient.make((request) =>
      Effect.flatMap(sim.handle(request), (response) =>
        Effect.map(response.text, (text) =>
          HttpClientResponse.fromWeb(
            request,
            new Response(text, { status: response.status, headers: { ...response.headers, "x-subject-token": id } })
          )))
    )

  it.effect("an X-Subject-Token with a space, non-ASCII or `..` is a DecodeError (validate would refuse it)", () =>
    Effect.gen(function*() {
      const sim = yield* KeystoneSim.KeystoneSim
      for (const id of ["tok en", "tok\u00e9n", ".."]) {
        const client = yield* KeystoneClient.make({ authUrl: sim.authUrl }).pipe(
          Effect.provideService(HttpClient.HttpClient, withSubjectToken(sim, id))
        )
        const error = yield* Effect.flip(client.issue({ credentials: demoPassword }))
        expect(error._tag).toBe("DecodeError")
        expect(error.message).toMatch(/token id Keystone returned/)
      }
    }).pipe(Effect.provide(KeystoneSim.layer())))
})
