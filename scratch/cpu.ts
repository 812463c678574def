/** Wall time per op over many small interleaved batches: min and 25th percentile (robust under load). */
export const compareMin = (fns: Record<string, () => unknown>, iters: number, rounds = 200) => {
  const names = Object.keys(fns)
  const samples: Record<string, number[]> = Object.fromEntries(names.map((n) => [n, []]))
  for (let r = 0; r < rounds + 5; r++) for (const n of names) {
    const f = fns[n]!; const t0 = process.hrtime.bigint(); for (let i = 0; i < iters; i++) f(); const t = Number(process.hrtime.bigint() - t0) / iters
    if (r >= 5) samples[n]!.push(t)
  }
  const q = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * p)]!
  return Object.fromEntries(names.map((n) => [n, `min ${(q(samples[n]!, 0) / 1000).toFixed(1)}µs p25 ${(q(samples[n]!, 0.25) / 1000).toFixed(1)}µs`]))
}
