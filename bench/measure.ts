/** Timing helpers: interleaved rounds, median per-op time, ratios against a baseline from the same run. */
import { Effect } from "effect"

export interface Measurement {
  readonly label: string
  readonly nsPerOp: number
}

const timeOnce = (fn: () => unknown, iterations: number): number => {
  const start = process.hrtime.bigint()
  for (let i = 0; i < iterations; i++) fn()
  return Number(process.hrtime.bigint() - start) / iterations
}

/** Median ns/op over rounds of ~50 ms each, after warming up. */
export const measure = (label: string, fn: () => unknown, rounds = 15): Measurement => {
  let iterations = 1
  while (timeOnce(fn, iterations) * iterations < 5e6) iterations *= 2
  iterations = Math.max(1, Math.round(iterations * 10))
  for (let i = 0; i < 3; i++) timeOnce(fn, iterations)
  const samples = Array.from({ length: rounds }, () => timeOnce(fn, iterations)).sort((a, b) => a - b)
  return { label, nsPerOp: samples[Math.floor(samples.length / 2)]! }
}

const calibrate = (fn: () => unknown): number => {
  let iterations = 1
  while (timeOnce(fn, iterations) * iterations < 2e6) iterations *= 2
  return Math.max(1, iterations * 10)
}

/**
 * Baseline and candidate in alternating rounds (so both see the same machine
 * load); the ratio is the median of the per-round ratios.
 */
export const compare = (
  baseline: { readonly label: string; readonly fn: () => unknown },
  ours: { readonly label: string; readonly fn: () => unknown },
  rounds = 21
): { readonly baseline: Measurement; readonly ours: Measurement; readonly ratio: number } => {
  const nb = calibrate(baseline.fn)
  const no = calibrate(ours.fn)
  for (let i = 0; i < 2; i++) {
    timeOnce(baseline.fn, nb)
    timeOnce(ours.fn, no)
  }
  const b: Array<number> = []
  const o: Array<number> = []
  const ratios: Array<number> = []
  for (let r = 0; r < rounds; r++) {
    const tb = timeOnce(baseline.fn, nb)
    const to = timeOnce(ours.fn, no)
    b.push(tb)
    o.push(to)
    ratios.push(to / tb)
  }
  const median = (xs: Array<number>) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)]!
  return {
    baseline: { label: baseline.label, nsPerOp: median(b) },
    ours: { label: ours.label, nsPerOp: median(o) },
    ratio: median(ratios)
  }
}

/** Same, for async operations run sequentially. */
export const measureAsync = async (label: string, fn: () => Promise<unknown>, ops = 2000, rounds = 7): Promise<Measurement> => {
  for (let i = 0; i < Math.min(ops, 200); i++) await fn()
  const samples: Array<number> = []
  for (let r = 0; r < rounds; r++) {
    const start = process.hrtime.bigint()
    for (let i = 0; i < ops; i++) await fn()
    samples.push(Number(process.hrtime.bigint() - start) / ops)
  }
  samples.sort((a, b) => a - b)
  return { label, nsPerOp: samples[Math.floor(samples.length / 2)]! }
}

/**
 * Effects (requests) run in one fiber, interleaved one by one (each side
 * in each position equally often) so that every side sees the same machine
 * load at the same moments; `perRound` of each
 * per round. A side's time is the median of its per-round means; a ratio is
 * the median of the per-round ratios.
 */
export const compareEffects = (
  sides: Record<string, Effect.Effect<unknown, unknown>>,
  options: { readonly rounds: number; readonly perRound: number; readonly warmup?: number }
): Effect.Effect<{
  readonly nsPerOp: (side: string) => number
  readonly ratio: (side: string, baseline: string) => number
}, unknown> =>
  Effect.gen(function*() {
    const names = Object.keys(sides)
    const once = (name: string) =>
      Effect.suspend(() => {
        const start = process.hrtime.bigint()
        return Effect.map(sides[name]!, () => Number(process.hrtime.bigint() - start))
      })
    for (let i = 0; i < (options.warmup ?? options.perRound); i++) for (const name of names) yield* sides[name]!
    // every side in every position equally often: the rotations, forwards and backwards
    const orders = names.flatMap((_, k) => {
      const rotation = [...names.slice(k), ...names.slice(0, k)]
      return [rotation, [...rotation].reverse()]
    })
    const totals: Array<Record<string, number>> = []
    for (let r = 0; r < options.rounds; r++) {
      const total: Record<string, number> = Object.fromEntries(names.map((n) => [n, 0]))
      for (let i = 0; i < options.perRound; i++) {
        for (const name of orders[i % orders.length]!) total[name]! += yield* once(name)
      }
      totals.push(total)
    }
    const median = (xs: Array<number>) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)]!
    return {
      nsPerOp: (side) => median(totals.map((t) => t[side]! / options.perRound)),
      ratio: (side, baseline) => median(totals.map((t) => t[side]! / t[baseline]!))
    }
  })

export interface Report {
  readonly name: string
  readonly baseline: Measurement
  readonly ours: Measurement
  /** `min`: ours must be at least this many times faster; `max`: at most this many times the baseline's cost. */
  readonly target: { readonly min?: number; readonly max?: number }
  readonly ratio: number
}

const fmt = (ns: number) => (ns >= 1e6 ? `${(ns / 1e6).toFixed(2)} ms` : ns >= 1e3 ? `${(ns / 1e3).toFixed(2)} µs` : `${ns.toFixed(0)} ns`)

export const report = (r: Report): Report & { readonly met: boolean } => {
  const met = r.target.min !== undefined ? r.ratio >= r.target.min : r.ratio <= r.target.max!
  const goal = r.target.min !== undefined ? `≥ ${r.target.min}× faster` : `≤ ${r.target.max}× the baseline`
  console.log(`\n${r.name}`)
  console.log(`  baseline  ${r.baseline.label.padEnd(44)} ${fmt(r.baseline.nsPerOp)}/op`)
  console.log(`  ours      ${r.ours.label.padEnd(44)} ${fmt(r.ours.nsPerOp)}/op`)
  console.log(`  ratio     ${r.ratio.toFixed(2)}×   target ${goal}   ${met ? "MET" : "NOT MET"}`)
  return { ...r, met }
}

/** A figure printed for context, with no target (not counted in the targets met). */
export const context = (r: {
  readonly name: string
  readonly baseline: Measurement
  readonly ours: Measurement
  readonly ratio: number
  readonly note?: string
}): void => {
  console.log(`\n${r.name}`)
  console.log(`  baseline  ${r.baseline.label.padEnd(44)} ${fmt(r.baseline.nsPerOp)}/op`)
  console.log(`  ours      ${r.ours.label.padEnd(44)} ${fmt(r.ours.nsPerOp)}/op`)
  console.log(`  ratio     ${r.ratio.toFixed(2)}×   (context, no target)${r.note === undefined ? "" : `; ${r.note}`}`)
}
