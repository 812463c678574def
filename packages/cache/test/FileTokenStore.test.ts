import { SystemError } from "@effect/platform/Error"
import * as FileSystem from "@effect/platform/FileSystem"
import * as NodeContext from "@effect/platform-node/NodeContext"
import * as NodeFileSystem from "@effect/platform-node/NodeFileSystem"
import * as NodePath from "@effect/platform-node/NodePath"
import { afterAll, beforeAll, describe, expect, it } from "@effect/vitest"
import * as DateTime from "effect/DateTime"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Fiber from "effect/Fiber"
import * as Layer from "effect/Layer"
import * as Option from "effect/Option"
import * as Redacted from "effect/Redacted"
import * as esbuild from "esbuild"
import { type ChildProcess, spawn, spawnSync } from "node:child_process"
import { randomUUID } from "node:crypto"
import * as Fs from "node:fs"
import * as Os from "node:os"
import * as Path from "node:path"
import { fileURLToPath } from "node:url"
import { TokenStore } from "../src/index.js"
import * as FileTokenStore from "../src/FileTokenStore.js"
import { conformance } from "./TokenStore.conformance.js"
import { capture } from "./utils/logs.js"
import { expiringIn, freshKey, makeToken } from "./utils/tokens.js"

const root = Fs.mkdtempSync(Path.join(Os.tmpdir(), "effect-keystone-file-store-"))
afterAll(() => Fs.rmSync(root, { recursive: true, force: true }))

let dirCount = 0
/** A fresh directory path under the run's root (not created). */
const freshDir = () => Path.join(root, `d${dirCount++}`)

const fileLayer = (options: FileTokenStore.Options) =>
  FileTokenStore.layer(options).pipe(Layer.provide(NodeContext.layer))

conformance("file", fileLayer({ directory: Path.join(root, "conformance") }), { shared: true })

const store = TokenStore.TokenStore
const mode = (path: string) => Fs.statSync(path).mode & 0o777
const tokenId = (token: { readonly id: Redacted.Redacted<string> }) => Redacted.value(token.id)

/** NodeFileSystem with some operations replaced, to play a full or read-only disk. */
const faultyFs = (patch: (fs: FileSystem.FileSystem) => Partial<FileSystem.FileSystem>) =>
  Layer.effect(FileSystem.FileSystem, Effect.map(FileSystem.FileSystem, (fs) => ({ ...fs, ...patch(fs) }))).pipe(
    Layer.provide(NodeFileSystem.layer), Layer.merge(NodePath.layer)
  )

const systemError = (method: string, path: string, code: string, reason: SystemError["reason"] = "Unknown") =>
  new SystemError({
    reason,
    module: "FileSystem",
    method,
    pathOrDescriptor: path,
    description: `${code}: simulated`,
    cause: Object.assign(new Error(`${code}: simulated`), { code })
  })

describe("FileTokenStore.layer", () => {
  describe("files and modes", () => {
    it.live("creates the directory 0700 and files 0600 even with umask 0", () =>
      Effect.gen(function*() {
        const directory = Path.join(freshDir(), "nested", "tokens")
        const key = freshKey()
        const token = makeToken()
        const previous = process.umask(0)
        yield* Effect.gen(function*() {
          const s = yield* store
          yield* s.set(key, token)
          expect(mode(directory)).toBe(0o700)
          expect(mode(Path.join(directory, `${key}.json`))).toBe(0o600)
          yield* s.withLock(key, Effect.sync(() => expect(mode(Path.join(directory, `${key}.lock`))).toBe(0o600)))
        }).pipe(Effect.provide(fileLayer({ directory })), Effect.ensuring(Effect.sync(() => process.umask(previous))))
      }))

    it.live("one <key>.json per key, no temp files left, the token never in a file name", () =>
      Effect.gen(function*() {
        const directory = freshDir()
        const [a, b] = [freshKey(), freshKey()]
        const token = makeToken()
        yield* Effect.gen(function*() {
          const s = yield* store
          yield* s.set(a, token)
          yield* s.set(a, makeToken())
          yield* s.set(b, token)
          yield* s.withLock(a, Effect.void)
        }).pipe(Effect.provide(fileLayer({ directory })))
        const names = Fs.readdirSync(directory).sort()
        expect(names).toEqual([`${a}.json`, `${b}.json`].sort())
        expect(names.join(" ")).not.toContain(tokenId(token))
      }))

    it.live("keys that are not safe file names are hashed, not used as paths", () =>
      Effect.gen(function*() {
        const directory = freshDir()
        const key = "../../etc/evil key" as TokenStore.StoreKey
        const token = makeToken()
        const got = yield* Effect.flatMap(store, (s) => Effect.zipRight(s.set(key, token), s.get(key))).pipe(
          Effect.provide(fileLayer({ directory }))
        )
        expect(Option.isSome(got)).toBe(true)
        const names = Fs.readdirSync(directory)
        expect(names).toHaveLength(1)
        expect(names[0]).toMatch(/^[0-9a-f]{40}\.json$/)
      }))

    it.live("old leftovers of crashed writers (temp files, set-aside locks) are swept at start; nothing else", () =>
      Effect.gen(function*() {
        const directory = freshDir()
        Fs.mkdirSync(directory, { mode: 0o700 })
        const key = freshKey()
        const hourAgo = new Date(Date.now() - 3600_000)
        const files = {
          oldTemp: `.${key}.${randomUUID()}.tmp`,
          freshTemp: `.${key}.${randomUUID()}.tmp`,
          oldAside: `${key}.lock.${randomUUID()}.aside`,
          oldOther: "notes.txt"
        }
        for (const [name, file] of Object.entries(files)) {
          Fs.writeFileSync(Path.join(directory, file), "x")
          if (name.startsWith("old")) Fs.utimesSync(Path.join(directory, file), hourAgo, hourAgo)
        }
        yield* Effect.flatMap(store, (s) => s.get(key)).pipe(Effect.provide(fileLayer({ directory })))
        expect(Fs.readdirSync(directory).sort()).toEqual([files.freshTemp, files.oldOther].sort())
      }))

    it.live("a pre-existing directory keeps its mode, with a warning if others can write it", () =>
      Effect.gen(function*() {
        const directory = freshDir()
        Fs.mkdirSync(directory)
        Fs.chmodSync(directory, 0o777)
        const logs = capture()
        yield* Effect.flatMap(store, (s) => s.set(freshKey(), makeToken())).pipe(
          Effect.provide(fileLayer({ directory })),
          Effect.provide(logs.layer)
        )
        expect(mode(directory)).toBe(0o777)
        expect(logs.warnings().map((l) => l.message)).toContain("TokenStore: the token directory is writable by other users")
      }))
  })

  describe("unusable entries are misses with a warning, never the token", () => {
    const cases: ReadonlyArray<{
      readonly name: string
      readonly reason: string | RegExp
      readonly spoil: (path: string, valid: string) => void
    }> = [
      { name: "truncated", reason: "corrupt", spoil: (p, valid) => Fs.writeFileSync(p, valid.slice(0, Math.floor(valid.length / 2))) },
      { name: "empty", reason: "corrupt", spoil: (p) => Fs.writeFileSync(p, "") },
      {
        name: "garbage bytes",
        reason: "corrupt",
        spoil: (p) => Fs.writeFileSync(p, Buffer.from([0xff, 0xfe, 0x00, 0x13, 0x37, 0x80, 0x7b, 0x22]))
      },
      { name: "valid JSON, not an envelope", reason: "corrupt", spoil: (p) => Fs.writeFileSync(p, `{"hello":"world"}`) },
      {
        name: "a future envelope version",
        reason: "foreign-version",
        spoil: (p, valid) => Fs.writeFileSync(p, JSON.stringify({ ...JSON.parse(valid), v: 2 }))
      },
      {
        name: "a directory in place of the file (unreadable)",
        reason: /^unreadable: not a regular file/,
        spoil: (p) => {
          Fs.rmSync(p)
          Fs.mkdirSync(p)
        }
      },
      ...(process.getuid?.() === 0 ?
        [{
          name: "a file owned by another user",
          reason: /^unreadable: owned by another user/,
          spoil: (p: string) => Fs.chownSync(p, 4242, 4242)
        }] :
        [])
    ]

    for (const c of cases) {
      it.live(c.name, () =>
        Effect.gen(function*() {
          const directory = freshDir()
          const key = freshKey()
          const token = makeToken()
          const logs = capture()
          const path = Path.join(directory, `${key}.json`)
          const got = yield* Effect.gen(function*() {
            const s = yield* store
            yield* s.set(key, token)
            c.spoil(path, Fs.readFileSync(path, "utf8"))
            return yield* s.get(key)
          }).pipe(Effect.provide(fileLayer({ directory })), Effect.provide(logs.layer))
          expect(got).toEqual(Option.none())
          const warnings = logs.warnings()
          expect(warnings).toHaveLength(1)
          expect(warnings[0]!.annotations["key"]).toBe(key)
          expect(warnings[0]!.annotations["reason"]).toMatch(c.reason)
          for (const line of logs.lines) expect(line.text).not.toContain(tokenId(token))
        }))
    }

    it.live("an expired entry is a miss without a warning", () =>
      Effect.gen(function*() {
        const directory = freshDir()
        const key = freshKey()
        const logs = capture()
        const now = yield* DateTime.now
        const got = yield* Effect.flatMap(store, (s) =>
          Effect.zipRight(s.set(key, expiringIn(DateTime.subtract(now, { hours: 2 }), 3600_000)), s.get(key))).pipe(
            Effect.provide(fileLayer({ directory })),
            Effect.provide(logs.layer)
          )
        expect(got).toEqual(Option.none())
        expect(logs.warnings()).toHaveLength(0)
      }))
  })

  describe("a store that cannot write", () => {
    it.live("a directory that cannot be created: set fails with TokenStoreError, get misses, withLock still runs", () =>
      Effect.gen(function*() {
        const blocker = Path.join(freshDir())
        Fs.mkdirSync(Path.dirname(blocker), { recursive: true })
        Fs.writeFileSync(blocker, "a regular file")
        const directory = Path.join(blocker, "tokens") // ENOTDIR for everything, even as root
        const key = freshKey()
        const token = makeToken()
        const logs = capture()
        yield* Effect.gen(function*() {
          const s = yield* store
          const error = yield* Effect.flip(s.set(key, token))
          expect(error._tag).toBe("TokenStoreError")
          expect(error.backend).toBe("file")
          expect(error.operation).toBe("set")
          expect(error.message).not.toContain(tokenId(token))
          expect(yield* s.get(key)).toEqual(Option.none())
          expect(yield* s.withLock(key, Effect.succeed("ran"))).toBe("ran")
          const removeError = yield* Effect.flip(s.remove(key))
          expect(removeError._tag).toBe("TokenStoreError")
        }).pipe(Effect.provide(fileLayer({ directory })), Effect.provide(logs.layer))
        expect(logs.warnings().some((l) => l.message === "TokenStore: lock unavailable, running without it")).toBe(true)
        for (const line of logs.lines) expect(line.text).not.toContain(tokenId(token))
      }))

    it.live("a full disk (ENOSPC on write): set fails, the old entry survives, no temp file is left", () =>
      Effect.gen(function*() {
        const directory = freshDir()
        const key = freshKey()
        const [before, after] = [makeToken(), makeToken()]
        yield* Effect.flatMap(store, (s) => s.set(key, before)).pipe(Effect.provide(fileLayer({ directory })))
        const full = faultyFs((fs) => ({
          open: (path, options) =>
            Effect.map(fs.open(path, options), (file) =>
              path.endsWith(".tmp")
                ? { ...file, writeAll: () => Effect.fail(systemError("writeAll", path, "ENOSPC")) }
                : file)
        }))
        const error = yield* Effect.flatMap(store, (s) => Effect.flip(s.set(key, after))).pipe(
          Effect.provide(FileTokenStore.layer({ directory })),
          Effect.provide(full)
        )
        expect(error).toBeInstanceOf(TokenStore.TokenStoreError)
        expect(error.message).toContain("ENOSPC")
        expect(error.message).not.toContain(tokenId(after))
        expect(Fs.readdirSync(directory)).toEqual([`${key}.json`])
        const got = yield* Effect.flatMap(store, (s) => s.get(key)).pipe(Effect.provide(fileLayer({ directory })))
        expect(tokenId(Option.getOrThrow(got))).toBe(tokenId(before))
      }))

    it.live("a read-only file system (EROFS on create): set fails with TokenStoreError", () =>
      Effect.gen(function*() {
        const directory = freshDir()
        Fs.mkdirSync(directory, { mode: 0o700 })
        const readOnly = faultyFs((fs) => ({
          open: (path, options) =>
            options?.flag === "wx" ? Effect.fail(systemError("open", path, "EROFS")) : fs.open(path, options)
        }))
        const error = yield* Effect.flatMap(store, (s) => Effect.flip(s.set(freshKey(), makeToken()))).pipe(
          Effect.provide(FileTokenStore.layer({ directory })),
          Effect.provide(readOnly)
        )
        expect(error.operation).toBe("set")
        expect(error.message).toContain("EROFS")
      }))

    it.live("a lock file that cannot be created (EACCES) runs the effect without the lock, logged", () =>
      Effect.gen(function*() {
        const directory = freshDir()
        const key = freshKey()
        const logs = capture()
        const denied = faultyFs((fs) => ({
          open: (path, options) =>
            path.endsWith(".lock")
              ? Effect.fail(systemError("open", path, "EACCES", "PermissionDenied"))
              : fs.open(path, options)
        }))
        const result = yield* Effect.flatMap(store, (s) => s.withLock(key, Effect.succeed("ran"))).pipe(
          Effect.provide(FileTokenStore.layer({ directory })),
          Effect.provide(denied),
          Effect.provide(logs.layer)
        )
        expect(result).toBe("ran")
        const warning = logs.warnings().find((l) => l.message === "TokenStore: lock unavailable, running without it")
        expect(warning?.annotations["reason"]).toMatch(/PermissionDenied/)
        expect(warning?.annotations["key"]).toBe(key)
      }))
  })

  describe("locks", () => {
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
        const logs = capture()
        const result = yield* Effect.flatMap(store, (s) => s.withLock(key, Effect.succeed("ran"))).pipe(
          Effect.timeout(Duration.seconds(2)),
          Effect.provide(fileLayer({ directory, staleLockTimeout: "30 seconds" })),
          Effect.provide(logs.layer)
        )
        expect(result).toBe("ran")
        expect(Fs.existsSync(path)).toBe(false)
        const warning = logs.warnings().find((l) => l.message === "TokenStore: broke a stale lock")
        expect(warning?.annotations["reason"]).toMatch(/older than/)
      }))

    it.live("a stale lock with unreadable content (crashed between create and write) is broken", () =>
      Effect.gen(function*() {
        const directory = freshDir()
        const key = freshKey()
        writeLock(directory, key, "", 60_000)
        const logs = capture()
        const result = yield* Effect.flatMap(store, (s) => s.withLock(key, Effect.succeed("ran"))).pipe(
          Effect.timeout(Duration.seconds(2)),
          Effect.provide(fileLayer({ directory })),
          Effect.provide(logs.layer)
        )
        expect(result).toBe("ran")
        expect(logs.warnings().map((l) => l.message)).toContain("TokenStore: broke a stale lock")
      }))

    it.live("a fresh lock whose holder pid (on this host) is gone is broken", () =>
      Effect.gen(function*() {
        const directory = freshDir()
        const key = freshKey()
        const dead = spawnSync(process.execPath, ["-e", "0"]).pid
        writeLock(directory, key, foreign(dead))
        const logs = capture()
        const result = yield* Effect.flatMap(store, (s) => s.withLock(key, Effect.succeed("ran"))).pipe(
          Effect.timeout(Duration.seconds(2)),
          Effect.provide(fileLayer({ directory })),
          Effect.provide(logs.layer)
        )
        expect(result).toBe("ran")
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

  describe("several processes", () => {
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
})
