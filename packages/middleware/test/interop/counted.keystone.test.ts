/**
 * Single flight, cache bounds and revocation, counted in the real Keystone's
 * request log (uwsgi's, `$KEYSTONE_DIR/uwsgi.log`: each validation marked
 * `ek-probe=counted` for ours and `ksm-probe=ksm-strict` for
 * keystonemiddleware's), beside the real keystonemiddleware doing the same.
 * Run with `npm run test:keystone`.
 */
import { describe, expect, it } from "@effect/vitest"
import { keystonemiddleware, ks, logMark, revoke, tokens } from "./keystone.js"
import { useOurs } from "./support.js"

const POLL_SECONDS = 1
const MAX_AGE_SECONDS = 3
const ours = useOurs("counted", {
  cache: { maxAge: `${MAX_AGE_SECONDS} seconds` },
  revocation: { pollEvery: `${POLL_SECONDS} seconds` }
})
const OURS = "ek-probe=counted"
// default cache settings (maxAge 5 minutes): sending 1,000 requests takes longer than MAX_AGE_SECONDS here
const oursDefaults = useOurs("single-flight")
const THEIRS = "ksm-probe=ksm-strict"

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

const statuses = (answers: ReadonlyArray<{ readonly status: number }>) => {
  const out: Record<number, number> = {}
  for (const a of answers) out[a.status] = (out[a.status] ?? 0) + 1
  return out
}

/** Milliseconds until ours refuses `token` (polled every 100 ms), or undefined after the poll interval and 4 s. */
const refusedWithin = async (token: string): Promise<number | undefined> => {
  const start = Date.now()
  while (Date.now() - start < (POLL_SECONDS + 4) * 1000) {
    if ((await ours("strict", { "x-auth-token": token })).status === 401) return Date.now() - start
    await sleep(100)
  }
  return undefined
}

describe("counted in Keystone's request log", () => {
  it("1,000 concurrent requests with one new token: one validation for ours; keystonemiddleware sends several", async () => {
    const n = 1000
    const mine = await tokens.project()
    let mark = logMark()
    const answers = await Promise.all(Array.from({ length: n }, () => oursDefaults("strict", { "x-auth-token": mine })))
    expect(statuses(answers)).toEqual({ 200: n })
    expect(await mark.count("ek-probe=single-flight")).toBe(1)

    const theirs = await tokens.project()
    mark = logMark()
    const theirAnswers = await Promise.all(
      Array.from({ length: n }, () => keystonemiddleware("strict", { "x-auth-token": theirs }))
    )
    expect(statuses(theirAnswers)).toEqual({ 200: n })
    const validations = await mark.count(THEIRS)
    console.log(`1,000 concurrent requests, one new token: ours 1 validation, keystonemiddleware ${validations}`)
    expect(validations).toBeGreaterThanOrEqual(1)
  }, 120_000)

  it("a validation is reused up to maxAge, then asked again; keystonemiddleware keeps it token_cache_time (300 s)", async () => {
    const token = await tokens.project()
    const mark = logMark()
    for (let i = 0; i < 5; i++) {
      expect((await ours("strict", { "x-auth-token": token })).status).toBe(200)
      expect((await keystonemiddleware("strict", { "x-auth-token": token })).status).toBe(200)
    }
    expect(await mark.count(OURS)).toBe(1)
    expect(await mark.count(THEIRS)).toBe(1)
    await sleep(MAX_AGE_SECONDS * 1000 + 500)
    expect((await ours("strict", { "x-auth-token": token })).status).toBe(200)
    expect((await keystonemiddleware("strict", { "x-auth-token": token })).status).toBe(200)
    expect(await mark.count(OURS)).toBe(2)
    expect(await mark.count(THEIRS)).toBe(1)
  })

  it("a rejected token is remembered briefly (negative cache): one validation for five requests; keystonemiddleware asks five times", async () => {
    const bogus = `gAAAAA-not-a-token-${Date.now()}`
    const mark = logMark()
    for (let i = 0; i < 5; i++) {
      expect((await ours("strict", { "x-auth-token": bogus })).status).toBe(401)
      expect((await keystonemiddleware("strict", { "x-auth-token": bogus })).status).toBe(401)
    }
    expect(await mark.count(OURS)).toBe(1)
    expect(await mark.count(THEIRS)).toBe(5)
  })

  it("a token revoked with DELETE /v3/auth/tokens: refused by ours within the poll interval; keystonemiddleware serves it from its cache", async () => {
    const token = await tokens.project()
    expect((await ours("strict", { "x-auth-token": token })).status).toBe(200)
    expect((await keystonemiddleware("strict", { "x-auth-token": token })).status).toBe(200)
    await revoke(token)
    const refusedAfter = await refusedWithin(token)
    console.log(`revoked token refused by ours after ${refusedAfter} ms (poll every ${POLL_SECONDS} s)`)
    expect(refusedAfter).toBeDefined()
    // keystonemiddleware has no way to learn of it before token_cache_time
    expect((await keystonemiddleware("strict", { "x-auth-token": token })).status).toBe(200)
  })

  it("a password change (Keystone revokes every token of the user): refused by ours within the poll interval", async () => {
    const admin = await tokens.admin()
    const api = async (method: string, path: string, body?: unknown) => {
      const res = await fetch(`${ks.authUrl}${path}`, {
        method,
        headers: { "x-auth-token": admin, "content-type": "application/json" },
        ...(body === undefined ? {} : { body: JSON.stringify(body) })
      })
      if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`)
      return (res.status === 204 ? undefined : await res.json()) as any
    }
    const name = `interop-pw-${Date.now()}`
    const created = await api("POST", "/users", { user: { name, domain_id: "default", password: "first-password" } })
    const userId = created.user.id as string
    try {
      const login = await fetch(`${ks.authUrl}/auth/tokens?nocatalog`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({
          auth: { identity: { methods: ["password"], password: { user: { id: userId, password: "first-password" } } } }
        })
      })
      const token = login.headers.get("x-subject-token")!
      expect((await ours("strict", { "x-auth-token": token })).status).toBe(200)
      await api("PATCH", `/users/${userId}`, { user: { password: "second-password" } })
      expect(await refusedWithin(token)).toBeDefined()
    } finally {
      await api("DELETE", `/users/${userId}`)
    }
  })
})
