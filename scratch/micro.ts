import { HttpClient, HttpClientRequest, HttpClientResponse } from "@effect/platform"
import { Credentials, KeystoneClient } from "@effect-keystone/client"
import { Token } from "@effect-keystone/schema"
import { KeystoneSim } from "@effect-keystone/testing"
import { Effect, Layer, Redacted, RuntimeFlags, RuntimeFlagsPatch, Supervisor } from "effect"
import { largeTokenBody } from "../bench/fixtures.js"

const catalog = largeTokenBody().token.catalog.map((s) => ({ id: s.id, type: s.type, name: s.name,
  endpoints: s.endpoints.map((e) => ({ id: e.id, interface: e.interface, region: e.region_id, url: e.url })) }))
const authUrl = "http://127.0.0.1:5000/v3"
const ITERS = Number(process.argv[2] ?? 20), ROUNDS = Number(process.argv[3] ?? 150)

const capture = Effect.gen(function*() {
  const client = yield* KeystoneClient.make({ authUrl, retry: false })
  const token = yield* client.issue({
    credentials: Credentials.password({ username: KeystoneSim.Demo.username, domain: { id: "default" }, password: Redacted.make(KeystoneSim.Demo.password) }),
    scope: { _tag: "Project", id: KeystoneSim.Demo.projectId }
  })
  const id = Redacted.value(token.id)
  const http = yield* HttpClient.HttpClient
  const res = yield* http.execute(HttpClientRequest.get(`${authUrl}/auth/tokens`).pipe(HttpClientRequest.setHeaders({ "x-auth-token": id, "x-subject-token": id })))
  const text = yield* res.text
  return { token, status: res.status, headers: { ...res.headers } as Record<string, string>, text }
}).pipe(Effect.provide(KeystoneSim.layer({ catalog, tokenLifetime: "12 hours" })), Effect.scoped)

const main = Effect.gen(function*() {
  const cap = yield* capture
  const headers = { ...cap.headers, "content-length": String(Buffer.byteLength(cap.text)) }
  const mock = HttpClient.make((request) =>
    Effect.async<HttpClientResponse.HttpClientResponse>((resume) => {
      setImmediate(() => resume(Effect.succeed(HttpClientResponse.fromWeb(request, new Response(cap.text, { status: cap.status, headers })))))
    }))
  const MockLayer = Layer.succeed(HttpClient.HttpClient, mock)
  const client = yield* KeystoneClient.make({ authUrl, retry: false }).pipe(Effect.provide(MockLayer))
  const id = Redacted.value(cap.token.id)
  const rid = Redacted.make(id)
  const url = `${authUrl}/auth/tokens`
  const hs = { accept: "application/json", "x-auth-token": id, "x-subject-token": id }
  const platform = mock.execute(HttpClientRequest.get(url).pipe(HttpClientRequest.setHeaders(hs))).pipe(Effect.flatMap((r) => r.text), Effect.map((t) => JSON.parse(t)))
  const platDecode = mock.execute(HttpClientRequest.get(url).pipe(HttpClientRequest.setHeaders(hs))).pipe(Effect.flatMap((r) => r.text), Effect.map((t) => Token.decodeV3(rid, JSON.parse(t))))
  const ours = client.validate(cap.token)
  const clientRetry = yield* KeystoneClient.make({ authUrl }).pipe(Effect.provide(MockLayer))
  const oursRetry = clientRetry.validate(cap.token)
  const quiet = HttpClient.withTracerDisabledWhen(mock, () => true)
  const platQuiet = quiet.execute(HttpClientRequest.get(url).pipe(HttpClientRequest.setHeaders(hs))).pipe(Effect.flatMap((r) => r.text), Effect.map((t) => JSON.parse(t)))
  const platNoTracer = platform.pipe(Effect.withTracerEnabled(false))
  const timed = platform.pipe(Effect.timeoutFail({ duration: 10_000, onTimeout: () => "timeout" }))
  const spanned = platform.pipe(Effect.withSpan("x", { kind: "client", captureStackTrace: false }))
  const forked = Effect.flatMap(Effect.fork(platform), (f) => f.await)
  const oneTimer = Effect.uninterruptibleMask((restore) => Effect.flatMap(Effect.fork(restore(platform)), (fiber) =>
    Effect.async<unknown, unknown>((resume) => {
      const timer = setTimeout(() => { fiber.unsafeInterruptAsFork(fiber.id()); resume(Effect.fail("timeout")) }, 10_000)
      fiber.addObserver((exit) => { clearTimeout(timer); resume(exit) })
      return Effect.sync(() => { clearTimeout(timer); fiber.unsafeInterruptAsFork(fiber.id()) })
    })))
  const noop = Effect.async<void>((resume) => { setImmediate(() => resume(Effect.void)) })
  const all: Record<string, Effect.Effect<unknown, unknown>> = { noop, platform, platDecode, ours, oursRetry, platQuiet }
  const only = process.argv[4]
  const variants = only ? { [only]: all[only]! } : all
  if (process.env.COUNT) {
    class Counter extends Supervisor.AbstractSupervisor<void> {
      ops = new Map<string, number>(); forks = 0
      value = Effect.void
      onStart() { this.forks++ }
      onEffect(_f: unknown, e: any) { const k = e?._op ?? "?"; this.ops.set(k, (this.ops.get(k) ?? 0) + 1) }
    }
    for (const [k, e] of Object.entries(variants)) {
      const c = new Counter()
      yield* Effect.supervised(e, c).pipe(Effect.withRuntimeFlagsPatch(RuntimeFlagsPatch.enable(RuntimeFlags.OpSupervision)))
      const total = [...c.ops.values()].reduce((a, b) => a + b, 0)
      console.log(k.padEnd(12), "ops", total, "forks", c.forks, JSON.stringify(Object.fromEntries(c.ops)))
    }
    return
  }
  const samples: Record<string, number[]> = Object.fromEntries(Object.keys(variants).map((k) => [k, []]))
  for (let r = 0; r < ROUNDS + 5; r++) for (const [k, e] of Object.entries(variants)) {
    const t0 = process.hrtime.bigint()
    for (let i = 0; i < ITERS; i++) yield* e
    if (r >= 5) samples[k]!.push(Number(process.hrtime.bigint() - t0) / ITERS)
  }
  const q = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * p)]!
  for (const [k, xs] of Object.entries(samples)) console.log(k.padEnd(12), `min ${(q(xs, 0) / 1000).toFixed(1)}µs p25 ${(q(xs, 0.25) / 1000).toFixed(1)}µs p50 ${(q(xs, 0.5) / 1000).toFixed(1)}µs`)
})
Effect.runPromise(main).catch((e) => { console.error(e); process.exit(1) })
