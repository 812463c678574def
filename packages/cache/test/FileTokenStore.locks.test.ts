/**
 * FileTokenStore's locks: stale and orphaned locks broken, a live holder
 * waited for within the wait timeout, release only of our own lock, the
 * heartbeat; and several processes on one directory (no torn file, no lost
 * update). The files and their modes, unusable entries and failing disks:
 * FileTokenStore.test.ts.
 */
import { beforeAll, describe, expect, it } from "@effect/vitest"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Fiber from "effect/Fiber"
import * as Option from "effect/Option"
import * as Redacted from "effect/Redacted"
import * as esbuild from "esbuild"
import { type ChildProcess, spawn, spawnSync } from "node:child_process"
import * as Fs from "node:fs"
import * as Os from "node:os"
import * as Path from "node:path"
import { fileURLToPath } from "node:url"
import type * as FileTokenStore from "../src/FileTokenStore.js"
import { TokenStore } from "../src/index.js"
import { fileLayer, tempDirs } from "./utils/fileStore.js"
import { capture } from "./utils/logs.js"
import { freshKey, makeToken } from "./utils/tokens.js"

const { freshDir, root } = tempDirs("effect-keystone-file-locks-")
const store = TokenStore.TokenStore
const tokenId = (token: { readonly id: Redacted.Redacted<string> }) => Redacted.value(token.id)

/** Runs one `withLock` (within 2 s) that must get to run; the logs it wrote. */
const lockOnce = (key: TokenStore.StoreKey, options: FileTokenStore.Options) =>
  Effect.gen(function*() {
    const logs = capture()
    const result = yield* Effect.flatMap(store, (s) => s.withLock(key, Effect.succeed("ran"))).pipe(
      Effect.timeout(Duration.seconds(2)),
      Effect.provide(fileLayer(options)),
      Effect.provide(logs.layer)
    )
    expect(result).toBe("ran")
    return logs
  })

describe("FileTokenStore.layer: locks", () => {
  const writeLock = (directory: string, key: string, content: object | string, ageMillis = 0) => {
    Fs.mkdirSync(directory, { recursive: true, mode: 0o700 })
    const path = Path.join(directory, `${key}.lock`)
    Fs.writeFileSync(path, typeof content === "string" ? content : JSON.stringify(content), { mode: 0o600 })
    const at = new Date(Date.now() - ageMillis)
    Fs.utimesSync(path, at, at)
    return path
  }
  const foreign = (pid: number) => ({ pid, host: Os.hostname(), id: "someone-else", time: Date.now() })

  it.live("a lock older than the stale timeout is broken", () =>
    Effect.gen(function*() {
      const directory = freshDir()
      const key = freshKey()
      const path = writeLock(directory, key, foreign(process.pid), 60_000)
      const logs = yield* lockOnce(key, { directory, staleLockTimeout: "30 seconds" })
      expect(Fs.existsSync(path)).toBe(false)
      const warning = logs.warnings().find((l) => l.message === "TokenStore: broke a stale lock")
      expect(warning?.annotations["reason"]).toMatch(/older than/)
    }))

  it.live("a stale lock with unreadable content (crashed between create and write) is broken", () =>
    Effect.gen(function*() {
      const directory = freshDir()
      const key = freshKey()
      writeLock(directory, key, "", 60_000)
      const logs = yield* lockOnce(key, { directory })
      expect(logs.warnings().map((l) => l.message)).toContain("TokenStore: broke a stale lock")
    }))

  it.live("a fresh lock whose holder pid (on this host) is gone is broken", () =>
    Effect.gen(function*() {
      const directory = freshDir()
      const key = freshKey()
      const dead = spawnSync(process.execPath, ["-e", "0"]).pid
      writeLock(directory, key, foreign(dead))
      const logs = yield* lockOnce(key, { directory })
      const warning = logs.warnings().find((l) => l.message === "TokenStore: broke a stale lock")
      expect(warning?.annotations["reason"]).toBe(`holder pid ${dead} is gone`)
    }))

  it.live("a fresh lock of a live holder is waited for, then given up on (bounded), and left alone", () =>
    Effect.gen(function*() {
      const directory = freshDir()
      const key = freshKey()
      const content = JSON.stringify(foreign(1)) // pid 1 is alive
      const path = writeLock(directory, key, content)
      const logs = capture()
      const start = Date.now()
      const result = yield* Effect.flatMap(store, (s) => s.withLock(key, Effect.succeed("ran"))).pipe(
        Effect.provide(fileLayer({ directory, lockWaitTimeout: "300 millis" })),
        Effect.provide(logs.layer)
      )
      expect(result).toBe("ran")
      expect(Date.now() - start).toBeGreaterThanOrEqual(290)
      expect(Fs.readFileSync(path, "utf8")).toBe(content)
      expect(logs.warnings().map((l) => l.message)).toContain("TokenStore: gave up waiting for a lock, running without it")
    }))

  it.live("the lock is released only if it is still ours", () =>
    Effect.gen(function*() {
      const directory = freshDir()
      const key = freshKey()
      const path = Path.join(directory, `${key}.lock`)
      const theirs = JSON.stringify(foreign(1))
      const logs = capture()
      yield* Effect.flatMap(store, (s) =>
        s.withLock(
          key,
          Effect.sync(() => {
            // someone broke our lock and took it
            Fs.rmSync(path)
            Fs.writeFileSync(path, theirs)
          })
        )).pipe(Effect.provide(fileLayer({ directory })), Effect.provide(logs.layer))
      expect(Fs.readFileSync(path, "utf8")).toBe(theirs)
      expect(Fs.readdirSync(directory)).toEqual([`${key}.lock`])
      expect(logs.warnings().map((l) => l.message)).toContain("TokenStore: our lock was taken by someone else before release")
    }))

  it.live("a held lock is kept fresh, so a long critical section is not broken as stale", () =>
    Effect.gen(function*() {
      const directory = freshDir()
      const key = freshKey()
      const layer = fileLayer({ directory, staleLockTimeout: "300 millis" })
      const logs = capture()
      const events: Array<string> = []
      const holder = yield* Effect.fork(
        Effect.flatMap(store, (s) =>
          s.withLock(
            key,
            Effect.acquireRelease(Effect.sync(() => events.push("a in")), () => Effect.sync(() => events.push("a out")))
              .pipe(Effect.zipRight(Effect.sleep(Duration.millis(1200))), Effect.scoped)
          )).pipe(Effect.provide(layer))
      )
      yield* Effect.sleep(Duration.millis(100))
      yield* Effect.flatMap(store, (s) => s.withLock(key, Effect.sync(() => events.push("b in")))).pipe(
        Effect.provide(layer),
        Effect.provide(logs.layer)
      )
      yield* Fiber.join(holder)
      expect(events).toEqual(["a in", "a out", "b in"])
      expect(logs.warnings()).toEqual([])
    }))
})

describe("FileTokenStore.layer: several processes", () => {
  const here = Path.dirname(fileURLToPath(import.meta.url))
  let worker = ""

  beforeAll(async () => {
    worker = Path.join(root, "fileWorker.mjs")
    await esbuild.build({
      entryPoints: [Path.join(here, "fixtures", "fileWorker.ts")],
      bundle: true,
      platform: "node",
      format: "esm",
      target: "node20",
      outfile: worker,
      tsconfig: Path.join(here, "..", "..", "..", "tsconfig.json"),
      logLevel: "error"
    })
  }, 60_000)

  const runWorker = (args: ReadonlyArray<string>) => {
    const child: ChildProcess = spawn(process.execPath, [worker, ...args], { stdio: ["ignore", "ignore", "pipe"] })
    let stderr = ""
    child.stderr?.on("data", (chunk) => stderr += String(chunk))
    return new Promise<{ readonly code: number | null; readonly stderr: string }>((resolve) =>
      child.on("exit", (code) => resolve({ code, stderr }))
    )
  }

  it.live("concurrent writers never leave a torn file: every read decodes", () =>
    Effect.gen(function*() {
      const directory = freshDir()
      const key = freshKey()
      const logs = capture()
      const layer = fileLayer({ directory })
      yield* Effect.gen(function*() {
        const s = yield* store
        yield* s.set(key, makeToken({ id: "initial" }))
        let running = true
        const exits = Promise.all([0, 1, 2, 3].map((i) => runWorker(["write", directory, key, "60", String(i)])))
          .finally(() => running = false)
        const seen = new Set<string>()
        let reads = 0
        while (running) {
          const got = yield* s.get(key)
          reads++
          expect(Option.isSome(got)).toBe(true)
          if (Option.isSome(got)) seen.add(tokenId(got.value))
        }
        const results = yield* Effect.promise(() => exits)
        for (const r of results) expect(r, r.stderr).toMatchObject({ code: 0 })
        expect(reads).toBeGreaterThan(10)
        expect(seen.size).toBeGreaterThan(1) // the reads did overlap the writes
        const last = Option.getOrThrow(yield* s.get(key))
        expect(tokenId(last)).toMatch(/^w[0-3]-i59$/)
      }).pipe(Effect.provide(layer), Effect.provide(logs.layer))
      expect(logs.warnings()).toEqual([])
      expect(Fs.readdirSync(directory)).toEqual([`${key}.json`])
    }), 60_000)

  it.live("withLock excludes across processes: no lost update", () =>
    Effect.gen(function*() {
      const directory = freshDir()
      Fs.mkdirSync(directory, { recursive: true, mode: 0o700 })
      const counter = Path.join(directory, "counter")
      Fs.writeFileSync(counter, "0")
      const key = freshKey()
      const results = yield* Effect.promise(() =>
        Promise.all([0, 1, 2, 3].map(() => runWorker(["count", directory, key, "25", counter])))
      )
      for (const r of results) expect(r, r.stderr).toMatchObject({ code: 0 })
      expect(Fs.readFileSync(counter, "utf8")).toBe("100")
      expect(Fs.readdirSync(directory).sort()).toEqual(["counter"])
    }), 60_000)
})
