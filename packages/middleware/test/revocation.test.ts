import { describe, expect, it } from "@effect/vitest"
import { Catalog, Token } from "@effect-keystone/schema"
import * as DateTime from "effect/DateTime"
import * as Option from "effect/Option"
import * as Redacted from "effect/Redacted"
import * as Revocation from "../src/internal/revocation.js"

const at = (iso: string) => Option.some(DateTime.unsafeMake(iso))

const token = (overrides: Partial<ConstructorParameters<typeof Token.Token>[0]> = {}) =>
  new Token.Token({
    id: Redacted.make("hash"),
    version: "v3",
    issuedAt: at("2026-11-29T10:00:00.123Z"),
    expiresAt: at("2026-11-29T11:00:00.123Z"),
    user: { id: "u1", name: "demo", domain: { id: "d1", name: "D1" } },
    scope: { _tag: "Project", id: "p1", name: "demo", domain: { id: "d2", name: "D2" } },
    roles: [{ id: "r1", name: "member" }],
    catalog: Catalog.empty,
    methods: ["password"],
    auditIds: ["a1", "chain"],
    ...overrides
  })

const trustToken = token({
  scope: { _tag: "Trust", id: "t1", impersonation: false, trusteeUserId: "u1", trustorUserId: "u9", project: { id: "p1", name: "demo", domain: null } }
})

describe("revocation events", () => {
  it.each([
    ["its audit id", { audit_id: "a1" }, true],
    ["another audit id", { audit_id: "a2" }, false],
    ["its audit chain", { audit_chain_id: "chain" }, true],
    ["its user, issued before", { user_id: "u1", issued_before: "2026-11-29T10:00:01.000000Z" }, true],
    ["its user, issued after the event", { user_id: "u1", issued_before: "2026-11-29T09:59:59.000000Z" }, false],
    ["another user", { user_id: "u2" }, false],
    ["its project", { project_id: "p1" }, true],
    ["another project", { project_id: "p2" }, false],
    ["its user's domain", { domain_id: "d1" }, true],
    ["its project's domain", { domain_id: "d2" }, true],
    ["another domain", { domain_id: "d3" }, false],
    ["its role", { role_id: "r1" }, true],
    ["another role", { role_id: "r2" }, false],
    ["its expiry (to the second)", { expires_at: "2026-11-29T11:00:00Z", project_id: "p1" }, true],
    ["another expiry", { expires_at: "2026-11-29T11:00:01Z" }, false],
    ["an OAuth1 consumer (cannot compare: evict)", { "OS-OAUTH1:consumer_id": "c1" }, true],
    ["an unreadable issued_before (doubt evicts)", { user_id: "u1", issued_before: "yesterday" }, true]
  ] as const)("an event naming %s: covers = %s", (_, event, expected) => {
    expect(Revocation.matches(event, token())).toBe(expected)
  })

  it("a trust's trustor and trust id match a trust-scoped token", () => {
    expect(Revocation.matches({ user_id: "u9" }, trustToken)).toBe(true)
    expect(Revocation.matches({ "OS-TRUST:trust_id": "t1" }, trustToken)).toBe(true)
    expect(Revocation.matches({ "OS-TRUST:trust_id": "t2" }, trustToken)).toBe(false)
  })

  it("the index: repeats are recognised, events expire after the retention, overflow is reported", () => {
    const index = Revocation.makeIndex(1_000, 2)
    expect(index.add([{ audit_id: "a1" }], 0).fresh.length).toBe(1)
    expect(index.add([{ audit_id: "a1" }], 10).fresh.length).toBe(0)
    expect(index.covers(token())).toBe(true)
    expect(index.add([], 2_000).fresh.length).toBe(0)
    expect(index.covers(token())).toBe(false)
    expect(index.add([{ user_id: "x" }, { user_id: "y" }, { user_id: "z" }], 3_000).overflow).toBe(true)
    expect(index.size()).toBe(2)
  })
})
