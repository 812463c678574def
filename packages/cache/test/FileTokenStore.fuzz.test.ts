/**
 * Fuzzing the file store: random contents and random file types at
 * `<key>.json` and `<key>.lock`, then get / withLock / set / get / remove.
 * Every outcome is a valid result or a `TokenStoreError`: no defect, no hang
 * (each call bounded), memory flat, the token never in a log line.
 *
 * `FUZZ_RUNS` raises the number of cases (default 100, a few seconds);
 * `FUZZ_SEED` replays one run.
 */
import * as NodeContext from "@effect/platform-node/NodeContext"
import { afterAll, describe, expect, it } from "@effect/vitest"
import { FastCheck as fc } from "effect"
import * as Cause from "effect/Cause"
import * as DateTime from "effect/DateTime"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import * as Layer from "effect/Layer"
import * as Option from "effect/Option"
import * as Redacted from "effect/Redacted"
import { execFileSync, spawnSync } from "node:child_process"
import * as Fs from "node:fs"
import * as Os from "node:os"
import * as Path from "node:path"
import { TokenStore } from "../src/index.js"
import * as FileTokenStore from "../src/FileTokenStore.js"
import { capture } from "./utils/logs.js"
import { freshKey, makeToken } from "./utils/tokens.js"

const runs = Number(process.env["FUZZ_RUNS"] ?? 100)
const seed = process.env["FUZZ_SEED"] === undefined ? undefined : Number(process.env["FUZZ_SEED"])

// on tmpfs where there is one: the fsyncs of `set` cost nothing there, and durability is not what is fuzzed
const root = Fs.mkdtempSync(Path.join(Fs.existsSync("/dev/shm") ? "/dev/shm" : Os.tmpdir(), "ek-fuzz-"))
const fifos: Array<string> = []
afterAll(() => {
  // a reader stuck opening a FIFO (never with this store) would get EOF and its thread back
  for (const path of fifos) {
    try {
      Fs.closeSync(Fs.openSync(path, Fs.constants.O_RDWR | Fs.constants.O_NONBLOCK))
    } catch {
      // gone already
    }
  }
  Fs.rmSync(root, { recursive: true, force: true })
})

const isRoot = process.getuid?.() === 0
const deadPid = spawnSync(process.execPath, ["-e", "0"]).pid ?? 999_999
const MiB = 1024 * 1024

type Content =
  | { readonly _tag: "Bytes"; readonly bytes: Uint8Array }
  | { readonly _tag: "Json"; readonly text: string }
  | { readonly _tag: "Envelope" }
  | { readonly _tag: "Truncated"; readonly fraction: number }
  | { readonly _tag: "Mutated"; readonly field: string; readonly value: unknown }
  | { readonly _tag: "Huge"; readonly extra: number }
  | { readonly _tag: "LockLike"; readonly pid: number; readonly host: string; readonly time: number }

type Spec =
  | { readonly _tag: "Absent" }
  | { readonly _tag: "Regular"; readonly content: Content; readonly ageMillis: number; readonly foreign: boolean }
  | { readonly _tag: "Fifo" }
  | { readonly _tag: "DevZero" }
  | { readonly _tag: "SymlinkToEnvelope" }
  | { readonly _tag: "Directory"; readonly nonEmpty: boolean }

const content: fc.Arbitrary<Content> = fc.oneof(
  fc.record({ _tag: fc.constant("Bytes" as const), bytes: fc.uint8Array({ maxLength: 2048 }) }),
  fc.record({ _tag: fc.constant("Json" as const), text: fc.json({ maxDepth: 3 }) }),
  fc.constant({ _tag: "Envelope" as const }),
  fc.record({ _tag: fc.constant("Truncated" as const), fraction: fc.double({ min: 0, max: 0.999, noNaN: true }) }),
  fc.record({
    _tag: fc.constant("Mutated" as const),
    field: fc.constantFrom("v", "storedAt", "token", "token.id", "token.expiresAt", "token.catalog", "extra"),
    value: fc.jsonValue({ maxDepth: 2 })
  }),
  fc.record({ _tag: fc.constant("Huge" as const), extra: fc.integer({ min: -16, max: 3 * MiB }) }),
  fc.record({
    _tag: fc.constant("LockLike" as const),
    pid: fc.constantFrom(1, process.pid, deadPid, 2 ** 22 + 7),
    host: fc.constantFrom(Os.hostname(), "elsewhere"),
    time: fc.integer({ min: 0, max: 4_102_444_800_000 })
  })
)

const spec: fc.Arbitrary<Spec> = fc.oneof(
  { arbitrary: fc.constant({ _tag: "Absent" as const }), weight: 2 },
  {
    arbitrary: fc.record({
      _tag: fc.constant("Regular" as const),
      content,
      // from an hour old to 2099; mostly recent
      ageMillis: fc.oneof(
        fc.integer({ min: -3_000, max: 3_000 }),
        fc.integer({ min: -3_600_000, max: 3_600_000 }),
        fc.constant(Date.now() - Date.UTC(2099, 0, 1))
      ),
      foreign: isRoot ? fc.boolean() : fc.constant(false)
    }),
    weight: 6
  },
  { arbitrary: fc.constant({ _tag: "Fifo" as const }), weight: 1 },
  { arbitrary: fc.constant({ _tag: "DevZero" as const }), weight: 1 },
  { arbitrary: fc.constant({ _tag: "SymlinkToEnvelope" as const }), weight: 1 },
  { arbitrary: fc.record({ _tag: fc.constant("Directory" as const), nonEmpty: fc.boolean() }), weight: 1 }
)

const setPath = (value: Record<string, unknown>, path: string, to: unknown): Record<string, unknown> => {
  const [head, ...rest] = path.split(".")
  const inner = value[head!]
  return {
    ...value,
    [head!]: rest.length === 0 || inner === null || typeof inner !== "object"
      ? to
      : setPath(inner as Record<string, unknown>, rest.join("."), to)
  }
}

const render = (c: Content, envelope: string): Uint8Array | string => {
  switch (c._tag) {
    case "Bytes":
      return c.bytes
    case "Json":
      return c.text
    case "Envelope":
      return envelope
    case "Truncated":
      return envelope.slice(0, Math.floor(envelope.length * c.fraction))
    case "Mutated":
      return JSON.stringify(setPath(JSON.parse(envelope) as Record<string, unknown>, c.field, c.value))
    case "Huge":
      return Buffer.alloc(4 * MiB + c.extra, 0x20)
    case "LockLike":
      return JSON.stringify({ pid: c.pid, host: c.host, id: "fuzz", time: c.time })
  }
}

const plant = (path: string, s: Spec, envelope: string) => {
  switch (s._tag) {
    case "Absent":
      return
    case "Regular": {
      Fs.writeFileSync(path, render(s.content, envelope), { mode: 0o600 })
      const at = new Date(Date.now() - s.ageMillis)
      Fs.utimesSync(path, at, at)
      if (s.foreign) Fs.chownSync(path, 65534, 65534)
      return
    }
    case "Fifo":
      execFileSync("mkfifo", ["-m", "600", path])
      fifos.push(path)
      return
    case "DevZero":
      Fs.symlinkSync("/dev/zero", path)
      return
    case "SymlinkToEnvelope": {
      const target = `${path}.target`
      Fs.writeFileSync(target, envelope, { mode: 0o600 })
      Fs.symlinkSync(target, path)
      return
    }
    case "Directory":
      Fs.mkdirSync(path)
      if (s.nonEmpty) Fs.writeFileSync(Path.join(path, "x"), "x")
      return
  }
}

/** Whether `get` must hit (`true`), must miss (`false`) or may do either (`undefined`) for this entry. */
const expectedHit = (s: Spec): boolean | undefined => {
  if (s._tag !== "Regular") return false
  if (s.foreign) return false
  switch (s.content._tag) {
    case "Envelope":
      return true
    case "Truncated":
    case "Huge":
    case "LockLike":
    case "Bytes":
      return false
    default:
      return undefined
  }
}

/** Ends within 10 s even if stuck where interruption cannot reach (then: "hung"). A hang detector. */
const bounded = <A, E>(effect: Effect.Effect<A, E>) =>
  Effect.exit(effect.pipe(Effect.disconnect, Effect.timeoutFail({ duration: Duration.seconds(10), onTimeout: () => "hung" as const })))

/** A success, or a failure that is exactly one `TokenStoreError`: never a defect, an interruption or a hang. */
const expectTyped = <A>(operation: string, exit: Exit.Exit<A, unknown>) => {
  if (Exit.isSuccess(exit)) return
  const failure = Cause.failureOption(exit.cause)
  expect(
    Option.isSome(failure) && failure.value instanceof TokenStore.TokenStoreError,
    `${operation}: ${Cause.pretty(exit.cause)}`
  ).toBe(true)
}

const idOf = (o: Option.Option<{ readonly id: Redacted.Redacted<string> }>) => Option.map(o, (t) => Redacted.value(t.id))

const runCase = (entry: Spec, lock: Spec) =>
  Effect.gen(function*() {
    const directory = Fs.mkdtempSync(Path.join(root, "c"))
    Fs.chmodSync(directory, 0o700)
    const key = freshKey()
    const stored = makeToken()
    const envelope = TokenStore.encode(stored, yield* DateTime.now)
    plant(Path.join(directory, `${key}.json`), entry, envelope)
    plant(Path.join(directory, `${key}.lock`), lock, envelope)
    const logs = capture()
    const next = makeToken()
    yield* Effect.gen(function*() {
      const s = yield* TokenStore.TokenStore
      const got = yield* bounded(s.get(key))
      expectTyped("get", got)
      const hit = expectedHit(entry)
      if (Exit.isSuccess(got) && hit !== undefined) {
        expect(idOf(got.value), `get of ${JSON.stringify(entry).slice(0, 200)}`).toEqual(
          hit ? Option.some(Redacted.value(stored.id)) : Option.none()
        )
      }
      const locked = yield* bounded(s.withLock(key, Effect.succeed("ran")))
      expect(locked, "withLock").toEqual(Exit.succeed("ran"))
      const set = yield* bounded(s.set(key, next))
      expectTyped("set", set)
      if (Exit.isSuccess(set)) {
        expect(idOf(Exit.getOrElse(yield* bounded(s.get(key)), () => Option.none())), "get after set").toEqual(
          Option.some(Redacted.value(next.id))
        )
      } else {
        expect(entry._tag, "only a directory at the entry path stops set").toBe("Directory")
      }
      expectTyped("remove", yield* bounded(s.remove(key)))
    }).pipe(
      Effect.provide(FileTokenStore.layer({ directory, lockWaitTimeout: "50 millis" }).pipe(Layer.provide(NodeContext.layer))),
      Effect.provide(logs.layer)
    )
    for (const line of logs.lines) {
      expect(line.text).not.toContain(Redacted.value(stored.id))
      expect(line.text).not.toContain(Redacted.value(next.id))
    }
  })

describe("FileTokenStore.layer fuzzing", () => {
  it.live(`${runs} generated entry and lock files (contents and types): typed outcomes only, bounded, memory flat`, () =>
    Effect.gen(function*() {
      const memory = () => {
        const m = process.memoryUsage()
        return m.heapUsed + m.arrayBuffers
      }
      const before = memory()
      let peak = before
      yield* Effect.promise(() =>
        fc.assert(
          fc.asyncProperty(spec, spec, async (entry, lock) => {
            await Effect.runPromise(runCase(entry, lock))
            peak = Math.max(peak, memory())
          }),
          { numRuns: runs, ...(seed !== undefined ? { seed } : {}) }
        )
      )
      // A /dev/zero read to its end, or a 2 GB string, would show here; 4 MiB reads and the test's own
      // files come and go.
      expect(peak - before).toBeLessThan(256 * MiB)
    }), 600_000)
})
