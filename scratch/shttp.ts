import { FetchHttpClient, HttpClient, HttpClientRequest, HttpClientResponse } from "@effect/platform"
import { Option, Context, FiberRef } from "effect"
import { KeystoneSession, TokenStore } from "@effect-keystone/cache"
import { Credentials, KeystoneClient } from "@effect-keystone/client"
import { KeystoneSim } from "@effect-keystone/testing"
import { Effect, Layer, Redacted, RuntimeFlags, RuntimeFlagsPatch, Supervisor } from "effect"

const ITERS = Number(process.argv[2] ?? 50), ROUNDS = Number(process.argv[3] ?? 150)
const main = Effect.gen(function*() {
  const sim = yield* KeystoneSim.KeystoneSim
  const simHttp = yield* HttpClient.HttpClient
  const body = JSON.stringify({ version: { id: "v3.14", status: "stable" } })
  const mock = HttpClient.make((request) =>
    Effect.async<HttpClientResponse.HttpClientResponse>((resume) => {
      setImmediate(() => resume(Effect.succeed(HttpClientResponse.fromWeb(request, new Response(body, { status: 200, headers: { "content-type": "application/json", "content-length": String(body.length) } })))))
    }))
  const client = yield* KeystoneClient.make({ authUrl: sim.authUrl }).pipe(Effect.provideService(HttpClient.HttpClient, simHttp))
  const session = yield* KeystoneSession.make({ auth: { credentials: Credentials.password({ username: KeystoneSim.Demo.username, domain: { id: "default" }, password: Redacted.make(KeystoneSim.Demo.password) }) } }).pipe(
    Effect.provideService(KeystoneClient.KeystoneClient, client), Effect.provideService(HttpClient.HttpClient, mock), Effect.provide(TokenStore.layerMemory))
  const mk = (abl: string) => { (globalThis as any).__ABL = abl; return Effect.runSync(Effect.map(KeystoneSession.KeystoneSession, (s) => s)) }
  const ours = yield* session.httpClient
  const variantsOf: Record<string, HttpClient.HttpClient.With<unknown>> = {}
  for (const abl of (process.env.ABLS ?? "").split(",").filter((x) => x)) {
    (globalThis as any).__ABL = abl
    const s2 = yield* KeystoneSession.make({ auth: { credentials: Credentials.password({ username: KeystoneSim.Demo.username, domain: { id: "default" }, password: Redacted.make(KeystoneSim.Demo.password) }) } }).pipe(
      Effect.provideService(KeystoneClient.KeystoneClient, client), Effect.provideService(HttpClient.HttpClient, mock), Effect.provide(TokenStore.layerMemory))
    yield* s2.token
    variantsOf[abl] = yield* s2.httpClient
  }
  ;(globalThis as any).__ABL = undefined
  yield* session.token
  const get = (c: HttpClient.HttpClient.With<unknown>) => c.execute(HttpClientRequest.get(sim.authUrl)).pipe(Effect.flatMap((r) => r.text))
  const all: Record<string, Effect.Effect<unknown, unknown>> = { bare: get(mock), ours: get(ours), ...Object.fromEntries(Object.entries(variantsOf).map(([k, c]) => [k, get(c)])), bare2: get(mock),
    tId: get(HttpClient.transform(mock, (effect) => effect)),
    tProv: get(HttpClient.transform(mock, (effect) => Effect.flatMap(Effect.serviceOption(FetchHttpClient.RequestInit), (init) =>
      Effect.provideService(effect, FetchHttpClient.RequestInit, { ...Option.getOrElse(init, () => ({})), redirect: "manual" })))),
    tCtx: get(HttpClient.transform(mock, (effect) => Effect.withFiberRuntime((fiber) => Effect.provide(effect, Context.add(fiber.currentContext, FetchHttpClient.RequestInit, { redirect: "manual" }))))),
    tCustom: get(HttpClient.transform(mock, (effect) => Effect.withFiberRuntime((fiber) => {
      const before = fiber.currentContext
      const after = Context.add(before, FetchHttpClient.RequestInit, { redirect: "manual" })
      return Effect.uninterruptibleMask((restore) => Effect.zipRight(FiberRef.set(FiberRef.currentContext, after), Effect.onExit(restore(effect), () => FiberRef.set(FiberRef.currentContext, before))))
    }))),
    tTap: get(HttpClient.transform(mock, (effect, sent) => Effect.tap(effect, (response) => { const a = new URL(response.request.url).origin; const b = new URL(sent.url).origin; return a === b ? Effect.void : Effect.logWarning("x") }))),
    wrap: get(HttpClient.makeWith((req: Effect.Effect<HttpClientRequest.HttpClientRequest>) => Effect.flatMap(req, (r) => mock.execute(r)), Effect.succeed)),
    wrapTok: get(HttpClient.makeWith((req: Effect.Effect<HttpClientRequest.HttpClientRequest>) => Effect.flatMap(Effect.flatMap(req, (r) => Effect.map(session.token, (t) => HttpClientRequest.setHeader(r, "x-auth-token", Redacted.value(t.id)))), (r) => mock.execute(r)), Effect.succeed)), bareHdr: mock.execute(HttpClientRequest.get(sim.authUrl).pipe(HttpClientRequest.setHeader("x-auth-token", "gAAAAABjY9RKUhpkmwhbfTKS89w8nOqUevk1vJo8KEen8m5Tk5zk1ydEvcBAxJJ7UokAyGkLo4NW5voDos1x-ASAijCchuJwLVljaguIS4HaFmQlOw-n8xG7_k-Yl-y-IH1WlIJ6p3bzwW0BPbjEfxM-L4cG-G4a4UEMydYVmCxuGf8r1qKc6QqhjBQgg"))).pipe(Effect.flatMap((r) => r.text)) }
  const variants = process.env.ONLY ? Object.fromEntries(process.env.ONLY.split(",").map((k) => [k, all[k]!])) : all
  for (let k = 0; k < 4; k++) {
    const t0 = process.hrtime.bigint()
    for (let i = 0; i < 100000; i++) yield* session.token
    console.log("token ns", Number(process.hrtime.bigint() - t0) / 100000)
    const req0 = HttpClientRequest.get(sim.authUrl)
    const t1 = process.hrtime.bigint()
    for (let i = 0; i < 100000; i++) HttpClientRequest.setHeader(req0, "x-auth-token", "abc")
    console.log("setHeader ns", Number(process.hrtime.bigint() - t1) / 100000)
    const tok = yield* session.token
    const st = Effect.succeed(tok)
    const viaSession = Effect.flatMap(session.token, (t) => Effect.succeed(HttpClientRequest.setHeader(req0, "x-auth-token", Redacted.value(t.id))))
    const viaConst = Effect.flatMap(st, (t) => Effect.succeed(HttpClientRequest.setHeader(req0, "x-auth-token", Redacted.value(t.id))))
    const t3 = process.hrtime.bigint()
    for (let i = 0; i < 100000; i++) yield* viaSession
    console.log("viaSession ns", Number(process.hrtime.bigint() - t3) / 100000)
    const t4 = process.hrtime.bigint()
    for (let i = 0; i < 100000; i++) yield* viaConst
    console.log("viaConst ns", Number(process.hrtime.bigint() - t4) / 100000)
    const t2 = process.hrtime.bigint()
    for (let i = 0; i < 10000; i++) yield* Effect.map(session.token, (t) => HttpClientRequest.setHeader(req0, "x-auth-token", Redacted.value(t.id)))
    console.log("tok+hdr ns", Number(process.hrtime.bigint() - t2) / 10000)
  }
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
      console.log(k.padEnd(12), "ops", [...c.ops.values()].reduce((a, b) => a + b, 0), "forks", c.forks, JSON.stringify(Object.fromEntries(c.ops)))
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
  for (const [k, xs] of Object.entries(samples)) console.log(k.padEnd(12), `min ${(q(xs, 0) / 1000).toFixed(2)}µs p25 ${(q(xs, 0.25) / 1000).toFixed(2)}µs p50 ${(q(xs, 0.5) / 1000).toFixed(2)}µs`)
}).pipe((e) => process.env.OPT ? Effect.provideService(e, FetchHttpClient.RequestInit, { redirect: "manual" }) : e, Effect.scoped, Effect.provide(KeystoneSim.layer()))
Effect.runPromise(main).catch((e) => { console.error(e); process.exit(1) })
