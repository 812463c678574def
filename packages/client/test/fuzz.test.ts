/**
 * Fuzzing the client over a real socket: generated Keystone replies (random
 * statuses, headers, bodies, truncations, charsets, content encodings,
 * framings, slow drips, cuts, silence, huge and endless bodies) against every
 * operation on v3, v2.0 and discovery. Each outcome must be a well-formed
 * value or one typed KeystoneError: no defect, no hang, no secret in an
 * error, no body read without bound, and memory back where it started.
 *
 * `FUZZ_RUNS` sets the number of cases (default 2000), `FUZZ_SEED` the seed
 * (default fixed; `random` for a fresh one), `FUZZ_REPORT` a file to write
 * the outcome counts and memory figures to.
 */
import { KeystoneError } from "@effect-keystone/client"
import { Token } from "@effect-keystone/schema"
import { NodeHttpClient } from "@effect/platform-node"
import { describe, expect, it } from "@effect/vitest"
import * as Cause from "effect/Cause"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Exit from "effect/Exit"
import * as FiberId from "effect/FiberId"
import * as Redacted from "effect/Redacted"
import * as fc from "effect/FastCheck"
import * as fs from "node:fs"
import * as v8 from "node:v8"
import * as vm from "node:vm"
import { judge, runCase, type Verdict } from "./fuzz/check.js"
import { type Case, caseArbitrary, expectsSuccess } from "./fuzz/plan.js"
import { v3Token } from "./fuzz/keystone.js"
import * as FuzzServer from "./fuzz/server.js"

const runs = Number(process.env.FUZZ_RUNS ?? 2_000)
const seed = process.env.FUZZ_SEED === "random"
  ? Math.floor(Math.random() * 2 ** 31)
  : Number(process.env.FUZZ_SEED ?? 8_2026)
const chunkSize = 500
const concurrency = Number(process.env.FUZZ_CONCURRENCY ?? 16)
const MiB = 1024 * 1024

v8.setFlagsFromString("--expose-gc")
const gc = vm.runInNewContext("gc") as () => void
const settledHeap = () => {
  gc()
  gc()
  return process.memoryUsage().heapUsed
}

/** Long strings in a plan (header fillers) shortened, so an example stays readable. */
const describeCase = (c: Case): string =>
  JSON.stringify(c, (_, v) => (typeof v === "string" && v.length > 200 ? `${v.slice(0, 40)}…(${v.length} chars)` : v))

interface Tally {
  readonly outcomes: Record<string, number>
  readonly problems: Record<string, { count: number; example: string }>
  readonly cleanOutcomes: Record<string, number>
  readonly cleanFailures: Array<string>
  cleanCases: number
  cleanSuccesses: number
  peakHeap: number
}

const record = (tally: Tally, c: Case, where: string, verdict: Verdict) => {
  tally.outcomes[verdict.outcome] = (tally.outcomes[verdict.outcome] ?? 0) + 1
  if (expectsSuccess(c)) {
    tally.cleanCases++
    tally.cleanOutcomes[verdict.outcome] = (tally.cleanOutcomes[verdict.outcome] ?? 0) + 1
    if (verdict.outcome === "success") tally.cleanSuccesses++
    else if (tally.cleanFailures.length < 5) tally.cleanFailures.push(`${where}: ${verdict.outcome}\n${describeCase(c)}`)
  }
  if (verdict.problem === undefined) return
  const key = verdict.problem.split(":")[0]
  const seen = tally.problems[key]
  if (seen !== undefined) seen.count++
  else tally.problems[key] = { count: 1, example: `${where}: ${verdict.problem}\n${describeCase(c)}` }
}

describe("client fuzz", () => {
  it.live(
    `${runs} generated replies: typed result or typed error, no defect, no hang, no leak, memory flat`,
    () =>
      Effect.gen(function*() {
        const server = yield* Effect.acquireRelease(Effect.promise(FuzzServer.start), (s) => Effect.promise(s.close))
        const tally: Tally = { outcomes: {}, cleanOutcomes: {}, cleanFailures: [], problems: {}, cleanCases: 0, cleanSuccesses: 0, peakHeap: 0 }
        // warm up (JIT, connections) on clean cases, so the first chunk's timeouts measure the client, not a cold start
        const warmup = fc.sample(caseArbitrary, { numRuns: 400, seed: seed - 1 }).filter(expectsSuccess)
        yield* Effect.forEach(warmup, (c, i) => runCase(server, `warmup-${i}`, c), { concurrency: 4, discard: true })
        const heapBefore = settledHeap()
        let maxLag = 0
        let tick = Date.now()
        const probe = setInterval(() => {
          const now = Date.now()
          maxLag = Math.max(maxLag, now - tick - 20)
          tick = now
        }, 20)
        const started = Date.now()
        for (let chunk = 0; chunk * chunkSize < runs; chunk++) {
          const cases = fc.sample(caseArbitrary, { numRuns: Math.min(chunkSize, runs - chunk * chunkSize), seed: seed + chunk })
          yield* Effect.forEach(
            cases,
            (c, i) =>
              Effect.map(runCase(server, `${chunk}-${i}`, c), (verdict) =>
                record(tally, c, `FUZZ_SEED=${seed} chunk ${chunk} case ${i}`, verdict)),
            { concurrency, discard: true }
          )
          tally.peakHeap = Math.max(tally.peakHeap, process.memoryUsage().heapUsed)
          if (process.env.FUZZ_REPORT !== undefined) {
            const progress = { done: (chunk + 1) * chunkSize, seconds: (Date.now() - started) / 1000, problems: Object.keys(tally.problems) }
            fs.writeFileSync(`${process.env.FUZZ_REPORT}.progress`, JSON.stringify(progress))
          }
        }
        const seconds = (Date.now() - started) / 1000
        clearInterval(probe)
        // no connection left hanging mid-reply: the client read each reply to its end or closed the connection
        let busy = server.busySockets()
        for (let i = 0; i < 100 && busy > 0; i++) {
          yield* Effect.sleep("100 millis")
          busy = server.busySockets()
        }
        const heapAfter = settledHeap()
        const report = {
          runs,
          seed,
          seconds,
          casesPerSecond: Math.round(runs / seconds),
          heapBeforeMiB: +(heapBefore / MiB).toFixed(1),
          heapAfterMiB: +(heapAfter / MiB).toFixed(1),
          peakHeapMiB: +(tally.peakHeap / MiB).toFixed(1),
          maxRssMiB: +(process.resourceUsage().maxRSS / 1024).toFixed(1),
          connectionsLeftMidReply: busy,
          maxEventLoopLagMs: maxLag,
          cleanCases: tally.cleanCases,
          cleanSuccesses: tally.cleanSuccesses,
          cleanOutcomes: tally.cleanOutcomes,
          outcomes: tally.outcomes,
          problems: Object.fromEntries(Object.entries(tally.problems).map(([k, v]) => [k, v.count]))
        }
        if (process.env.FUZZ_REPORT !== undefined) fs.writeFileSync(process.env.FUZZ_REPORT, JSON.stringify({ ...report, examples: tally.problems, cleanFailures: tally.cleanFailures }, null, 2))

        // every promise held, with the first example of each broken one
        expect(tally.problems).toEqual({})
        // the suite is not vacuous: valid replies are understood, and many kinds of outcome were met
        expect(tally.cleanCases).toBeGreaterThan(runs / 20)
        expect(tally.cleanSuccesses).toBeGreaterThanOrEqual(tally.cleanCases * 0.9)
        expect(Object.keys(tally.outcomes).length).toBeGreaterThanOrEqual(8)
        expect(busy).toBe(0)
        // memory flat: what is left after the batch is not the batch's bodies
        expect(heapAfter - heapBefore).toBeLessThan(64 * MiB)
      }).pipe(Effect.scoped, Effect.provide(NodeHttpClient.layerUndici)),
    120_000 + runs * 50
  )
})

describe("the fuzz oracle", () => {
  const [c] = fc.sample(caseArbitrary.filter((c) => c.op === "issue" && !expectsSuccess(c)), { numRuns: 1, seed: 1 })
  const context = { method: "POST", url: "http://127.0.0.1/v3/auth/tokens", status: 400 }
  const tokenWithId = (id: string) => Either.getOrThrow(Token.decodeV3(Redacted.make(id), v3Token(false)))

  it("accepts a typed error and a well-formed token", () => {
    expect(judge(c, Exit.fail(new KeystoneError.BadRequest({ ...context, message: "Invalid input" }))).problem).toBeUndefined()
    expect(judge(c, Exit.succeed(tokenWithId("gAAAAABk-valid_id")))).toEqual({ outcome: "success", problem: undefined })
  })

  it("flags a defect, an interruption, an untyped error and two errors at once", () => {
    expect(judge(c, Exit.die(new TypeError("boom"))).problem).toMatch(/^defect/)
    expect(judge(c, Exit.interrupt(FiberId.none)).problem).toBe("interrupted")
    expect(judge(c, Exit.fail(new Error("plain"))).problem).toMatch(/^not a KeystoneError/)
    const twice = Exit.failCause(Cause.parallel(Cause.fail(new KeystoneError.NotFound({ ...context, message: "a" })), Cause.fail(new KeystoneError.NotFound({ ...context, message: "b" }))))
    expect(judge(c, twice).problem).toBeDefined()
  })

  it("flags a request secret in any field of an error, escaped or not", () => {
    const escaped = JSON.stringify(c.password).slice(1, -1)
    expect(judge(c, Exit.fail(new KeystoneError.BadRequest({ ...context, message: `echo: ${escaped}` }))).problem).toMatch(/^secret in BadRequest \(field message\)/)
    expect(judge(c, Exit.fail(new KeystoneError.BadRequest({ ...context, message: "x", requestId: c.subjectId }))).problem).toMatch(/field requestId/)
  })

  it("flags a token whose id validate would refuse", () => {
    expect(judge(c, Exit.succeed(tokenWithId("abc def"))).problem).toMatch(/^malformed success/)
    expect(judge(c, Exit.succeed({ id: "not redacted" })).problem).toMatch(/^malformed success/)
  })
})
