import { Effect, Metric } from "effect"
import * as KeystoneMetrics from "../packages/client/src/KeystoneMetrics.ts"
const hit = Metric.increment(KeystoneMetrics.withTags(KeystoneMetrics.validations, { result: "hit" }))
const slow = Metric.increment(Metric.tagged(KeystoneMetrics.validations, "result", "hit"))
const N = 200_000
const run = (label: string, step: Effect.Effect<unknown>) => {
  const loop = Effect.gen(function*() { for (let i = 0; i < N; i++) yield* step })
  Effect.runSync(loop)
  const t0 = performance.now(); Effect.runSync(loop); const t = performance.now() - t0
  console.log(label, ((t * 1e6) / N).toFixed(0), "ns/op")
}
for (let r = 0; r < 3; r++) {
  run("void      ", Effect.void)
  run("pretagged ", hit)
  run("Metric.tagged", slow)
}
console.log(Effect.runSync(Metric.value(KeystoneMetrics.withTags(KeystoneMetrics.validations, { result: "hit" }))))
const m = KeystoneMetrics.withTags(KeystoneMetrics.validations, { result: "hit" })
const empty: any[] = []
const unsafe = Effect.sync(() => m.unsafeUpdate(1, empty))
let x = 0
const plain = Effect.sync(() => { x++ })
for (let r = 0; r < 3; r++) { run("sync plain ", plain); run("sync unsafe", unsafe) }
