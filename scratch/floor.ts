import { Effect, MutableRef, Ref, SubscriptionRef, Clock } from "effect"
const perOp = <A, E>(effect: Effect.Effect<A, E>, n: number, rounds = 9) =>
  Effect.gen(function*() {
    const samples: Array<number> = []
    for (let r = 0; r < rounds + 2; r++) {
      const start = process.hrtime.bigint()
      for (let i = 0; i < n; i++) yield* effect
      if (r >= 2) samples.push(Number(process.hrtime.bigint() - start) / n)
    }
    samples.sort((a, b) => a - b)
    return samples[Math.floor(samples.length / 2)]!
  })
const main = Effect.gen(function*() {
  const sref = yield* SubscriptionRef.make({ entry: { renewAt: Date.now() + 1e9, succeed: Effect.succeed("tok") } })
  const clock = yield* Effect.clock
  const onState = (s: any) => clock.unsafeCurrentTimeMillis() < s.entry.renewAt ? s.entry.succeed : Effect.fail("x")
  const cur = Effect.flatMap(SubscriptionRef.get(sref), onState)
  const mref = (sref as any).ref.ref
  const susp = Effect.suspend(() => onState(MutableRef.get(mref)))
  const suspDate = Effect.suspend(() => { const s = MutableRef.get(mref) as any; return Date.now() < s.entry.renewAt ? s.entry.succeed : Effect.fail("x") })
  for (let k = 0; k < 4; k++) for (const [name, e] of [["void", Effect.void], ["succeed", Effect.succeed(1)], ["current", cur], ["suspend", susp], ["suspendDate", suspDate], ["current", cur], ["suspend", susp]] as const) {
    console.log(name, (yield* perOp(e as any, 200_000)).toFixed(1))
  }
})
Effect.runPromise(main)
