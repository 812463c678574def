import { FetchHttpClient } from "@effect/platform"
import { Context, Effect, FiberRef } from "effect"
const ref = FiberRef.unsafeMake<(x: unknown) => boolean>(() => false)
const main = Effect.gen(function*() {
  const init = { redirect: "manual" } as RequestInit
  const pred = () => true
  const fs: Record<string, Effect.Effect<unknown>> = {
    plain: Effect.void,
    prov: Effect.provideService(Effect.void, FetchHttpClient.RequestInit, init),
    locally: Effect.locally(Effect.void, ref, pred),
    set: FiberRef.set(ref, pred),
    custom: Effect.withFiberRuntime((fiber) => {
      const before = fiber.currentContext
      const after = Context.add(before, FetchHttpClient.RequestInit, init)
      return Effect.uninterruptibleMask((restore) => Effect.zipRight(FiberRef.set(FiberRef.currentContext, after), Effect.onExit(restore(Effect.void), () => FiberRef.set(FiberRef.currentContext, before))))
    }),
    setCtx2: Effect.withFiberRuntime((fiber) => {
      const before = fiber.currentContext
      const after = Context.add(before, FetchHttpClient.RequestInit, init)
      return Effect.zipRight(FiberRef.set(FiberRef.currentContext, after), FiberRef.set(FiberRef.currentContext, before))
    }),
    mask: Effect.uninterruptibleMask((restore) => restore(Effect.void)),
    onExit: Effect.onExit(Effect.void, () => Effect.void),
    ctxGet: Effect.withFiberRuntime((fiber) => { Context.add(fiber.currentContext, FetchHttpClient.RequestInit, init); return Effect.void })
  }
  const only = process.argv[2]
  for (let k = 0; k < 5; k++) for (const [name, e] of Object.entries(fs)) {
    if (only && only !== name) continue
    const t0 = process.hrtime.bigint()
    for (let i = 0; i < 100000; i++) yield* e
    if (k >= 3) console.log(name, (Number(process.hrtime.bigint() - t0) / 100000).toFixed(0), "ns")
  }
})
Effect.runPromise(main)
