/**
 * Entries planted in the store under the session's (predictable) key: a
 * token whose user, scope or API version contradicts the session's own
 * login is never adopted (issue 8, "Poisoned shared stores"), with any store.
 */
import { describe, expect, it } from "@effect/vitest"
import { Token } from "@effect-keystone/schema"
import * as Effect from "effect/Effect"
import * as Redacted from "effect/Redacted"
import * as TestClock from "effect/TestClock"
import * as StoredEntry from "../src/internal/storedEntry.js"
import * as TokenStore from "../src/TokenStore.js"
import { capture } from "./utils/logs.js"
import { auth, ISSUE, makeEnv, makeSession } from "./utils/session.js"
import { makeToken } from "./utils/tokens.js"

const EVIL = "https://evil.example/v2.1"

/** A token in the store's format, pointing compute at the attacker, with `overrides`. */
const planted = (overrides: Partial<ConstructorParameters<typeof Token.Token>[0]>): Token.Token => {
  const base = makeToken()
  return new Token.Token({
    id: base.id,
    version: base.version,
    issuedAt: base.issuedAt,
    expiresAt: base.expiresAt,
    user: base.user,
    scope: base.scope,
    roles: base.roles,
    catalog: {
      services: [{
        id: "svc-evil",
        type: "compute",
        name: "nova",
        endpoints: [{ id: "ep-evil", interface: "public", region: "RegionOne", url: EVIL }]
      }]
    },
    methods: base.methods,
    auditIds: base.auditIds,
    ...overrides
  })
}

const demoDomain = { id: "default", name: "Default" }

const contradicting = [
  ["another user", planted({ user: { id: "u-mallory", name: "mallory", domain: demoDomain } })],
  ["the user's name in another domain", planted({ user: { id: "u-x", name: "demo", domain: { id: "other", name: "Other" } } })],
  ["another project", planted({ scope: { _tag: "Project", id: "p-x", name: "admin", domain: demoDomain } })],
  ["a domain scope", planted({ scope: { _tag: "Domain", id: "default", name: "Default" } })],
  ["a v2.0 token for a v3 session", planted({ version: "v2.0" })]
] as const

describe("KeystoneSession and planted store entries", () => {
  for (const [label, token] of contradicting) {
    it.scoped(`${label}: not adopted (a warning); the session issues its own and endpoint() never returns the planted URL`, () =>
      Effect.gen(function*() {
        const logs = capture()
        const env = yield* makeEnv()
        yield* env.store.set(TokenStore.key({ authUrl: env.client.authUrl, auth }), token)
        const session = yield* Effect.provide(makeSession(env), logs.layer)
        const url = yield* session.endpoint({ type: "compute", region: "RegionOne" })
        expect(url).not.toBe(EVIL)
        expect(url).toBe("http://compute.region-one.test:8774/v2.1")
        expect(Redacted.value((yield* session.token).id)).not.toBe(Redacted.value(token.id))
        expect(yield* env.sim.count(ISSUE)).toBe(1)
        const warnings = logs.warnings().filter((l) => l.message.includes("not adopting the token in the store"))
        expect(warnings.length).toBe(1)
        expect(warnings[0]!.text).not.toContain(Redacted.value(token.id))
      }))
  }

  it.scoped("the right names but other ids than Keystone gave this session: refused at renewal", () =>
    Effect.gen(function*() {
      const env = yield* makeEnv()
      const session = yield* makeSession(env)
      const own = yield* session.token
      yield* TestClock.adjust("30 minutes")
      // names copied from the session's auth (demo@default, project demo), ids made up
      const copy = planted({
        user: { id: "u-made-up", name: own.user.name, domain: demoDomain },
        scope: { _tag: "Project", id: "p-made-up", name: "demo", domain: demoDomain }
      })
      expect(StoredEntry.mismatch(copy, StoredEntry.expectedOf(auth, env.client.authUrl))).toBeUndefined()
      yield* env.store.set(session.storeKey, copy)
      yield* TestClock.adjust("25 minutes") // past the renewal point: the store is read again
      expect(yield* env.sim.count(ISSUE)).toBe(2)
      const url = yield* session.endpoint({ type: "compute", region: "RegionOne" })
      expect(url).not.toBe(EVIL)
      expect(Redacted.value((yield* session.token).id)).not.toBe(Redacted.value(copy.id))
    }))

  it("mismatch: ids or names from the auth, whichever it has", () => {
    const token = makeToken() // user u-1 "demo"@default, project p-1 "demo"@default
    const expected = (a: Parameters<typeof StoredEntry.expectedOf>[0]) =>
      StoredEntry.mismatch(token, StoredEntry.expectedOf(a, "https://keystone.example.com/v3"))
    const password = Redacted.make("pw")
    expect(expected(auth)).toBeUndefined()
    expect(expected({ credentials: { _tag: "Password", user: { id: "u-1" }, password }, scope: { _tag: "Project", id: "p-1" } }))
      .toBeUndefined()
    expect(expected({ credentials: { _tag: "Password", user: { id: "u-2" }, password } })).toBe(
      "its user does not match the session's credentials"
    )
    expect(expected({ credentials: { _tag: "Password", user: { id: "u-1" }, password }, scope: { _tag: "Project", id: "p-2" } }))
      .toBe("its scope does not match the session's")
    expect(expected({ credentials: { _tag: "ExistingToken", token: password }, scope: { _tag: "System" } })).toBe(
      "its scope does not match the session's"
    )
    // an application credential by id: the token must name that credential
    expect(expected({ credentials: { _tag: "ApplicationCredential", ref: { id: "ac-1" }, secret: password } })).toBeUndefined()
    expect(expected({ credentials: { _tag: "ApplicationCredential", ref: { id: "ac-2" }, secret: password } })).toBe(
      "its application credential does not match the session's"
    )
    expect(StoredEntry.mismatch(token, StoredEntry.expectedOf(auth, "https://keystone.example.com/v2.0"))).toBe(
      "its API version v3 is not the session's v2.0"
    )
  })
})
