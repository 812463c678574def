import { Effect, Runtime } from "effect"
const ITERS = 200, ROUNDS = 3
const tick = Effect.async<number>((resume) => { setImmediate(() => resume(Effect.succeed(1))) })
const main = Effect.gen(function*() {
  const rt = yield* Effect.runtime<never>()
  const variants: Record<string, Effect.Effect<unknown, unknown>> = {
    tick,
    forkAwait: Effect.flatMap(Effect.fork(tick), (f) => f.await),
    forkJoin: Effect.flatMap(Effect.fork(tick), (f) => f.join),
    runForkImmediate: Effect.async<unknown>((resume) => { const f = Runtime.runFork(rt)(tick); f.addObserver((exit) => resume(exit)) }),
    timeout: tick.pipe(Effect.timeoutFail({ duration: 10_000, onTimeout: () => "t" })),
    span: tick.pipe(Effect.withSpan("x", { kind: "client", captureStackTrace: false })),
    spanAnn: Effect.zipRight(Effect.annotateCurrentSpan({ a: 1, b: "x", c: "y" }), tick).pipe(Effect.withSpan("x", { kind: "client", captureStackTrace: false })),
    setTimer: Effect.zipRight(Effect.sync(() => clearTimeout(setTimeout(() => {}, 10_000))), tick),
  }
  for (const k of Object.keys(variants)) if (k !== "setTimer") delete variants[k]
  const samples: Record<string, number[]> = Object.fromEntries(Object.keys(variants).map((k) => [k, []]))
  for (let r = 0; r < ROUNDS + 5; r++) for (const [k, e] of Object.entries(variants)) {
    const t0 = process.hrtime.bigint()
    for (let i = 0; i < ITERS; i++) yield* e
    if (r >= 5) samples[k]!.push(Number(process.hrtime.bigint() - t0) / ITERS)
  }
  const q = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * p)]!
  for (const [k, xs] of Object.entries(samples)) console.log(k.padEnd(18), `min ${(q(xs, 0) / 1000).toFixed(2)}µs p25 ${(q(xs, 0.25) / 1000).toFixed(2)}µs p50 ${(q(xs, 0.5) / 1000).toFixed(2)}µs`)
})
Effect.runPromise(main)
