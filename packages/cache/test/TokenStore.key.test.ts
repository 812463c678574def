/**
 * `TokenStore.key` hashes with a plain-JavaScript SHA-256 (no `node:crypto`
 * in the main entry). Its keys must be the very keys `node:crypto` gave, so
 * that entries stored before keep being found.
 */
import { AuthScope, Credentials } from "@effect-keystone/client"
import * as Auth from "@effect-keystone/client/Auth"
import { describe, expect, it } from "@effect/vitest"
import * as Redacted from "effect/Redacted"
import { createHash } from "node:crypto"
import { sha256Hex } from "../src/internal/storeKey.js"
import { TokenStore } from "../src/index.js"

const nodeSha256 = (text: string) => createHash("sha256").update(text).digest("hex")

/** The key as it was computed with node:crypto. */
const nodeKey = (authUrl: string, auth: Auth.Auth) => {
  const c = auth.credentials
  const extra = c._tag === "ExistingToken" ? `|${nodeSha256(Redacted.value(c.token))}` : ""
  return nodeSha256(`${authUrl.replace(/\/+$/, "")}|${Auth.describe(auth)}${extra}`).slice(0, 40)
}

describe("TokenStore.key", () => {
  it("SHA-256 as node:crypto computes it, for ASCII, multi-byte text and lengths around the block size", () => {
    const inputs = ["", "abc", "é", "日本語 🔑", "x".repeat(55), "x".repeat(56), "x".repeat(64), "y".repeat(1000)]
    for (let i = 0; i < 200; i++) {
      inputs.push(Array.from({ length: i * 3 }, (_, j) => String.fromCodePoint(32 + ((i * 7919 + j * 104729) % 0x2fff))).join(""))
    }
    for (const text of inputs) expect(sha256Hex(text)).toBe(nodeSha256(text))
  })

  it("the same keys as before for password and token logins", () => {
    const scope = AuthScope.project({ name: "demo", domain: { id: "default" } })
    const logins: ReadonlyArray<Auth.Auth> = [
      { credentials: Credentials.password({ username: "demo", domain: { id: "default" }, password: Redacted.make("s3cret") }), scope },
      { credentials: Credentials.existingToken(Redacted.make("gAAAAAB-a-token")), scope }
    ]
    for (const auth of logins) {
      const authUrl = "https://keystone.example.com:5000/v3/"
      expect(TokenStore.key({ authUrl, auth })).toBe(nodeKey(authUrl, auth))
      expect(TokenStore.key({ authUrl, auth })).toMatch(/^[0-9a-f]{40}$/)
    }
  })

  it("federated logins: an access token or a code that names no user is hashed into the key; different users' passwords differ", () => {
    const authUrl = "https://keystone.example.com/v3"
    const idp = { identityProvider: "myidp", protocol: "openid" }
    const client = { ...idp, clientId: "keystone", clientSecret: Redacted.make("client-secret"), discoveryEndpoint: "https://idp.example.com/.well-known/openid-configuration" }
    const keyOf = (credentials: Auth.Auth["credentials"]) => TokenStore.key({ authUrl, auth: { credentials } as Auth.Auth })
    const byToken = (t: string) => keyOf(Credentials.oidcAccessToken({ ...idp, accessToken: Redacted.make(t) }))
    expect(byToken("access-token-of-alice")).not.toBe(byToken("access-token-of-bob"))
    expect(byToken("access-token-of-alice")).toBe(byToken("access-token-of-alice"))
    const byCode = (code: string) => keyOf(Credentials.oidcAuthorizationCode({ ...client, code: Redacted.make(code), redirectUri: "https://app.example.com/cb" }))
    expect(byCode("code-1")).not.toBe(byCode("code-2"))
    const byUser = (username: string) => keyOf(Credentials.oidcPassword({ ...client, username, password: Redacted.make("pw") }))
    expect(byUser("alice")).not.toBe(byUser("bob"))
    // the password is not part of the key: a changed password finds the same entry
    expect(keyOf(Credentials.oidcPassword({ ...client, username: "alice", password: Redacted.make("other") }))).toBe(byUser("alice"))
  })
})
