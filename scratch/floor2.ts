import { Effect, Effectable, MutableRef, SubscriptionRef, Utils } from "effect"
const perOp = <A, E>(effect: Effect.Effect<A, E>, n: number, rounds = 9) =>
  Effect.gen(function*() {
    const samples: Array<number> = []
    for (let r = 0; r < rounds + 2; r++) {
      const start = process.hrtime.bigint()
      for (let i = 0; i < n; i++) yield* effect
      if (r >= 2) samples.push(Number(process.hrtime.bigint() - start) / n)
    }
    samples.sort((a, b) => a - b)
    return samples[0]!
  })
const main = Effect.gen(function*() {
  const sref = yield* SubscriptionRef.make({ entry: { renewAt: Date.now() + 1e9, succeed: Effect.succeed("tok") } })
  const clock = yield* Effect.clock
  const onState = (s: any) => clock.unsafeCurrentTimeMillis() < s.entry.renewAt ? s.entry.succeed : Effect.fail("x")
  const cur = Effect.flatMap(SubscriptionRef.get(sref), onState)
  const mref = (sref as any).ref.ref
  const susp = Effect.suspend(() => onState(MutableRef.get(mref)))
  class Read extends Effectable.Class<string, string> {
    commit() { return onState(MutableRef.get(mref)) }
    override [Symbol.iterator]() { return new Utils.SingleShotGen(new Utils.YieldWrap(onState(MutableRef.get(mref)))) as any }
  }
  const custom = new Read()
  for (let k = 0; k < 8; k++) for (const [name, e] of [["succeed", Effect.succeed(1)], ["void", Effect.void], ["current", cur], ["suspend", susp], ["custom", custom]] as const) {
    console.log(name, (yield* perOp(e as any, 200_000)).toFixed(1))
  }
})
Effect.runPromise(main)
