/**
 * `keystone-token --timing`: every HTTP call on stderr after the output —
 * method, URL (query values redacted), status, duration — for every
 * subcommand, and never a token or a secret.
 */
import * as HttpClient from "@effect/platform/HttpClient"
import * as HttpClientRequest from "@effect/platform/HttpClientRequest"
import * as HttpClientResponse from "@effect/platform/HttpClientResponse"
import { describe, expect, it } from "@effect/vitest"
import { Timing } from "@effect-keystone/cli"
import * as KeystoneSimNode from "@effect-keystone/testing/Node"
import * as Effect from "effect/Effect"
import * as Ref from "effect/Ref"
import { captureConsole, Demo, demoEnv, run } from "./support.js"

const serve = KeystoneSimNode.serve(undefined, { port: 0 })

/** The `--timing` lines of a run's stderr, each split into method, URL, outcome and duration. */
const timingLines = (stderr: string) =>
  stderr.split("\n").filter((l) => l.startsWith("keystone-token: timing: ")).map((l) => l.slice("keystone-token: timing: ".length))

const call = /^([A-Z]+) (\S+) (\d{3}|failed \(.+\)|interrupted) (\d+\.\d) ms$/

const calls = (stderr: string) =>
  timingLines(stderr).slice(0, -1).map((l) => {
    const m = call.exec(l)
    if (m === null) throw new Error(`not a timing line: ${l}`)
    return { method: m[1]!, url: m[2]!, outcome: m[3]!, millis: Number(m[4]) }
  })

describe("keystone-token --timing", () => {
  it.scopedLive("issue: the table on stdout, then each call on stderr with method, URL, status and time; no token, no password", () =>
    Effect.gen(function*() {
      const sim = yield* serve
      const r = yield* run(["issue", "--timing", "-f", "value", "-c", "id"], demoEnv(sim.authUrl))
      expect(r.code).toBe(0)
      const id = r.stdout.trim()
      expect(id.length).toBeGreaterThan(10)
      expect(calls(r.stderr)).toEqual([
        { method: "POST", url: `${sim.authUrl}/auth/tokens`, outcome: "201", millis: expect.any(Number) }
      ])
      expect(timingLines(r.stderr).at(-1)).toMatch(/^1 HTTP call, \d+\.\d ms in all$/)
      expect(r.stderr).not.toContain(id)
      expect(r.stderr).not.toContain(Demo.password)
    }))

  it.scopedLive("validate, check and revoke: GET, HEAD and DELETE, the subject's id nowhere on stderr", () =>
    Effect.gen(function*() {
      const sim = yield* serve
      const env = demoEnv(sim.authUrl)
      const id = (yield* run(["issue", "-f", "value", "-c", "id"], env)).stdout.trim()
      const tokens = `${sim.authUrl}/auth/tokens`

      const validated = yield* run(["validate", id, "--timing", "-f", "json"], env)
      expect(validated.code).toBe(0)
      expect(JSON.parse(validated.stdout).user_id).toBe(Demo.userId)
      expect(calls(validated.stderr).map((c) => [c.method, c.url, c.outcome])).toEqual([["GET", tokens, "200"]])

      const checked = yield* run(["check", id, "--timing"], env)
      expect(checked.stdout).toBe("true")
      expect(calls(checked.stderr).map((c) => [c.method, c.url, c.outcome])).toEqual([["HEAD", tokens, "200"]])

      const revoked = yield* run(["revoke", id, "--timing"], env)
      expect(revoked.code).toBe(0)
      expect(calls(revoked.stderr).map((c) => [c.method, c.url, c.outcome])).toEqual([["DELETE", tokens, "204"]])

      // a refused token: the outcome is Keystone's status; printed whether the command succeeds or not
      const refused = yield* run(["check", id, "--timing"], env)
      expect(refused).toMatchObject({ code: 1, stdout: "false" })
      expect(calls(refused.stderr).map((c) => [c.method, c.outcome])).toEqual([["HEAD", "401"]])

      for (const r of [validated, checked, revoked, refused]) expect(r.stderr).not.toContain(id)
    }))

  it.scopedLive("catalog and endpoint (through the session), and --service (the caller's login first)", () =>
    Effect.gen(function*() {
      const sim = yield* serve
      const env = demoEnv(sim.authUrl)
      const catalog = yield* run(["catalog", "--timing", "-f", "json"], env)
      expect(catalog.code).toBe(0)
      expect(JSON.parse(catalog.stdout).length).toBeGreaterThan(0)
      expect(calls(catalog.stderr).map((c) => [c.method, c.outcome])).toEqual([["POST", "201"]])

      const endpoint = yield* run(["endpoint", "--type", "compute", "--timing"], env)
      expect(endpoint.code).toBe(0)
      expect(endpoint.stdout).toMatch(/^https?:\/\//)
      expect(calls(endpoint.stderr).map((c) => [c.method, c.outcome])).toEqual([["POST", "201"]])

      const id = (yield* run(["issue", "-f", "value", "-c", "id"], env)).stdout.trim()
      const service = yield* run(["check", "--service", id, "--timing"], env)
      expect(service.stdout).toBe("true")
      expect(calls(service.stderr).map((c) => [c.method, c.outcome])).toEqual([["POST", "201"], ["HEAD", "200"]])
      expect(timingLines(service.stderr).at(-1)).toMatch(/^2 HTTP calls, \d+\.\d ms in all$/)
    }))

  it.scopedLive("a failed command: its error line, then the timing lines", () =>
    Effect.gen(function*() {
      const sim = yield* serve
      const r = yield* run(["issue", "--timing"], { ...demoEnv(sim.authUrl), OS_PASSWORD: "wrong-password" })
      expect(r.code).toBe(3)
      const lines = r.stderr.split("\n")
      expect(lines[0]).toMatch(/^keystone-token: Unauthorized \(401\)/)
      expect(calls(r.stderr).map((c) => [c.method, c.outcome])).toEqual([["POST", "401"]])
      expect(r.stderr).not.toContain("wrong-password")
    }))

  it.scopedLive("without --timing, nothing is printed", () =>
    Effect.gen(function*() {
      const sim = yield* serve
      const r = yield* run(["issue"], demoEnv(sim.authUrl))
      expect(r.code).toBe(0)
      expect(r.stderr).toBe("")
    }))
})

describe("Timing", () => {
  it("redactUrl: no user info or fragment; query values redacted except known flags; path ids kept", () => {
    expect(
      Timing.redactUrl(
        "https://user:pw@keystone.example:5000/v3/users/4a9a07ab/projects?token=gAAAAB-secret&nocatalog&allow_expired=1&temp_url_sig=abc#frag"
      )
    ).toBe("https://keystone.example:5000/v3/users/4a9a07ab/projects?token=***&nocatalog&allow_expired=1&temp_url_sig=***")
    expect(Timing.redactUrl("http://127.0.0.1:5000/v3/auth/tokens")).toBe("http://127.0.0.1:5000/v3/auth/tokens")
    expect(Timing.redactUrl("not a url")).toBe("(invalid URL)")
  })

  it.effect("recording: the request's method, redacted URL and status, or why it failed; the response passes through", () =>
    Effect.gen(function*() {
      const timings = yield* Ref.make<ReadonlyArray<Timing.Call>>([])
      const base = HttpClient.make((request) =>
        request.url.includes("down")
          ? Effect.die("unreachable")
          : Effect.succeed(HttpClientResponse.fromWeb(request, new Response("ok", { status: 203 }))))
      const client = Timing.recording(timings)(base)
      const response = yield* client.execute(HttpClientRequest.get("https://idp.example/token?code=secret-code&state=s"))
      expect(response.status).toBe(203)
      yield* Effect.exit(client.execute(HttpClientRequest.post("https://down.example/x")))
      const recorded = yield* Ref.get(timings)
      expect(recorded.map(({ method, outcome, url }) => ({ method, outcome, url }))).toEqual([
        { method: "GET", url: "https://idp.example/token?code=***&state=***", outcome: 203 },
        { method: "POST", url: "https://down.example/x", outcome: "failed (Error)" }
      ])
      expect(JSON.stringify(recorded)).not.toContain("secret-code")
      for (const c of recorded) expect(c.millis).toBeGreaterThanOrEqual(0)
    }))

  it.effect("lines: one per call, then the total", () =>
    Effect.gen(function*() {
      const { console, err } = yield* captureConsole
      yield* Effect.withConsole(
        Timing.around(Effect.flatMap(Timing.Timings, (t) =>
          Ref.set(t, [
            { method: "POST", url: "https://k.example/v3/auth/tokens", outcome: 201, millis: 12.34 },
            { method: "HEAD", url: "https://k.example/v3/auth/tokens", outcome: "failed (RequestError Transport)", millis: 3 }
          ]))),
        console
      )
      expect(err).toEqual([
        "keystone-token: timing: POST https://k.example/v3/auth/tokens 201 12.3 ms",
        "keystone-token: timing: HEAD https://k.example/v3/auth/tokens failed (RequestError Transport) 3.0 ms",
        "keystone-token: timing: 2 HTTP calls, 15.3 ms in all"
      ])
    }))
})
