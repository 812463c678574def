/**
 * The file store against what someone who can write the cache folder may
 * plant: FIFOs, symlinks to /dev/zero, directories, sockets, huge files, at
 * `<key>.json` and `<key>.lock`, and locks it must not trust (dated in the
 * future, owned by another user). Every operation ends, bounded, with a miss
 * or a typed error, or runs without the lock.
 */
import * as FileSystem from "@effect/platform/FileSystem"
import * as NodeContext from "@effect/platform-node/NodeContext"
import * as NodeFileSystem from "@effect/platform-node/NodeFileSystem"
import * as NodePath from "@effect/platform-node/NodePath"
import { afterAll, describe, expect, it } from "@effect/vitest"
import * as Cause from "effect/Cause"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import * as Layer from "effect/Layer"
import * as Option from "effect/Option"
import * as Redacted from "effect/Redacted"
import { execFileSync } from "node:child_process"
import * as Fs from "node:fs"
import * as Net from "node:net"
import * as Os from "node:os"
import * as Path from "node:path"
import { TokenStore } from "../src/index.js"
import * as FileTokenStore from "../src/FileTokenStore.js"
import { capture } from "./utils/logs.js"
import { ISSUE, makeEnv, makeSession } from "./utils/session.js"
import { freshKey, makeToken } from "./utils/tokens.js"

const root = Fs.mkdtempSync(Path.join(Os.tmpdir(), "ek-special-"))
const fifos: Array<string> = []
const servers: Array<Net.Server> = []

/** Opens every FIFO for writing once: a reader stuck in open() (the bug this file is about) gets EOF and its thread back. */
const unblockFifos = () => {
  for (const path of fifos) {
    try {
      Fs.closeSync(Fs.openSync(path, Fs.constants.O_RDWR | Fs.constants.O_NONBLOCK))
    } catch {
      // gone already
    }
  }
}

afterAll(async () => {
  unblockFifos()
  await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))))
  Fs.rmSync(root, { recursive: true, force: true })
})

let dirCount = 0
const freshDir = () => {
  const directory = Path.join(root, `d${dirCount++}`)
  Fs.mkdirSync(directory, { mode: 0o700 })
  return directory
}

const fileLayer = (options: FileTokenStore.Options) =>
  FileTokenStore.layer(options).pipe(Layer.provide(NodeContext.layer))

const store = TokenStore.TokenStore

const failureOf = <A, E>(exit: Exit.Exit<A, E>) => Exit.isFailure(exit) ? Option.getOrUndefined(Cause.failureOption(exit.cause)) : undefined

/**
 * Fails with "hung" if `effect` has not ended within 10 s, even if it is
 * stuck in an uninterruptible region (it is left to end in the background).
 * A hang detector, not a timing target.
 */
const bounded = <A, E, R>(effect: Effect.Effect<A, E, R>) =>
  effect.pipe(Effect.disconnect, Effect.timeoutFail({ duration: Duration.seconds(10), onTimeout: () => "hung" as const }))

interface Plant {
  readonly name: string
  readonly plant: (path: string) => Effect.Effect<void>
  /** The reason `get` gives for a planted entry. */
  readonly entryReason: RegExp
  /** What `withLock` does about it at the lock path: run without the lock, or break it (a regular file of ours). */
  readonly atLock: "unavailable" | "broken"
  /** The reason `withLock` gives. */
  readonly lockReason: RegExp
}

const plants: ReadonlyArray<Plant> = [
  {
    name: "a FIFO",
    plant: (path) =>
      Effect.sync(() => {
        execFileSync("mkfifo", ["-m", "600", path])
        fifos.push(path)
      }),
    entryReason: /not a regular file \(FIFO\)/,
    atLock: "unavailable",
    lockReason: /^the lock path is not a regular file \(FIFO\)$/
  },
  {
    name: "a symlink to /dev/zero",
    plant: (path) => Effect.sync(() => Fs.symlinkSync("/dev/zero", path)),
    entryReason: /ELOOP \(a symbolic link, not followed\)/,
    atLock: "unavailable",
    lockReason: /ELOOP \(a symbolic link, not followed\)/
  },
  {
    name: "a directory",
    plant: (path) => Effect.sync(() => Fs.mkdirSync(path)),
    entryReason: /not a regular file \(Directory\)/,
    atLock: "unavailable",
    lockReason: /^the lock path is not a regular file \(Directory\)$/
  },
  {
    name: "a listening socket",
    plant: (path) =>
      Effect.async<void>((resume) => {
        const server = Net.createServer((socket) => socket.destroy())
        servers.push(server)
        server.listen(path, () => resume(Effect.void))
      }),
    entryReason: /ENXIO/,
    atLock: "unavailable",
    lockReason: /ENXIO/
  },
  {
    name: "a 5 MiB regular file",
    plant: (path) => Effect.sync(() => Fs.writeFileSync(path, Buffer.alloc(5 * 1024 * 1024, 0x7b), { mode: 0o600 })),
    entryReason: /larger than 4194304 bytes/,
    atLock: "broken",
    lockReason: /^larger than 65536 bytes: not a lock$/
  }
]

describe("FileTokenStore.layer: special files", () => {
  for (const p of plants) {
    it.live(`${p.name} at <key>.json: get misses with a warning, set/remove end with a result or a TokenStoreError`, () =>
      Effect.gen(function*() {
        const directory = freshDir()
        const key = freshKey()
        const entry = Path.join(directory, `${key}.json`)
        yield* p.plant(entry)
        const logs = capture()
        yield* Effect.gen(function*() {
          const s = yield* store
          expect(yield* bounded(s.get(key))).toEqual(Option.none())
          const warning = logs.warnings().find((l) => l.message === "TokenStore: ignoring a stored entry")
          expect(warning?.annotations["reason"]).toMatch(p.entryReason)
          expect(yield* bounded(s.withLock(key, Effect.succeed("ran")))).toBe("ran")
          const token = makeToken()
          const set = yield* Effect.exit(bounded(s.set(key, token)))
          if (Exit.isFailure(set)) {
            // only a directory cannot be replaced by a file
            expect(p.name).toBe("a directory")
            expect(failureOf(set)).toBeInstanceOf(TokenStore.TokenStoreError)
          } else {
            const got = yield* bounded(s.get(key))
            expect(Option.map(got, (t) => Redacted.value(t.id))).toEqual(Option.some(Redacted.value(token.id)))
          }
          const removed = yield* Effect.exit(bounded(s.remove(key)))
          if (Exit.isFailure(removed)) expect(failureOf(removed)).toBeInstanceOf(TokenStore.TokenStoreError)
        }).pipe(Effect.provide(fileLayer({ directory })), Effect.provide(logs.layer))
      }))

    it.live(`${p.name} at <key>.lock: withLock runs the effect at once (${p.atLock === "broken" ? "breaking it" : "without the lock, leaving it alone"})`, () =>
      Effect.gen(function*() {
        const directory = freshDir()
        const key = freshKey()
        const lock = Path.join(directory, `${key}.lock`)
        yield* p.plant(lock)
        const before = Fs.lstatSync(lock)
        const logs = capture()
        const result = yield* Effect.flatMap(store, (s) => bounded(s.withLock(key, Effect.succeed("ran")))).pipe(
          Effect.provide(fileLayer({ directory })),
          Effect.provide(logs.layer)
        )
        expect(result).toBe("ran")
        const warnings = logs.warnings()
        expect(warnings.map((l) => l.message)).not.toContain("TokenStore: gave up waiting for a lock, running without it")
        const message = p.atLock === "broken"
          ? "TokenStore: broke a stale lock" // a regular file of ours far larger than any lock: not a lock
          : "TokenStore: lock unavailable, running without it"
        expect(warnings.find((l) => l.message === message)?.annotations["reason"]).toMatch(p.lockReason)
        if (p.atLock === "broken") expect(Fs.existsSync(lock)).toBe(false)
        else expect(Fs.lstatSync(lock).ino).toBe(before.ino)
      }), 20_000)
  }

  for (const at of ["json", "lock"] as const) {
    it.live(`a KeystoneSession on a store with a FIFO at <key>.${at} still serves a token`, () =>
      Effect.gen(function*() {
        const directory = freshDir()
        const key = freshKey()
        yield* plants[0]!.plant(Path.join(directory, `${key}.${at}`))
        const env = yield* makeEnv({ store: fileLayer({ directory, lockWaitTimeout: "2 seconds" }) })
        const session = yield* makeSession(env, { storeKey: key })
        const token = yield* bounded(session.token)
        expect(Redacted.value(token.id).length).toBeGreaterThan(0)
        expect(yield* env.sim.count(ISSUE)).toBe(1)
      }).pipe(Effect.scoped))
  }
})

describe("FileTokenStore.layer: locks it must not trust", () => {
  const writeLock = (directory: string, key: string, content: string, mtime: Date) => {
    const path = Path.join(directory, `${key}.lock`)
    Fs.writeFileSync(path, content, { mode: 0o600 })
    Fs.utimesSync(path, mtime, mtime)
    return path
  }
  /** A lock of pid 1 on this host: alive, so only the mtime and owner can make it stale. */
  const live = () => JSON.stringify({ pid: 1, host: Os.hostname(), id: "someone-else", time: Date.now() })

  const run = <A, E>(
    directory: string,
    effect: Effect.Effect<A, E, TokenStore.TokenStore>,
    lockWaitTimeout: Duration.DurationInput = "2 seconds"
  ) => {
    const logs = capture()
    return Effect.map(
      effect.pipe(Effect.provide(fileLayer({ directory, lockWaitTimeout })), Effect.provide(logs.layer)),
      (a) => [a, logs] as const
    )
  }

  it.live("a lock refreshed in 2099 is broken at once, not waited for", () =>
    Effect.gen(function*() {
      const directory = freshDir()
      const key = freshKey()
      const path = writeLock(directory, key, live(), new Date(Date.UTC(2099, 0, 1)))
      const [result, logs] = yield* run(directory, Effect.flatMap(store, (s) => s.withLock(key, Effect.succeed("ran"))))
      expect(result).toBe("ran")
      const warnings = logs.warnings()
      expect(warnings.find((l) => l.message === "TokenStore: broke a stale lock")?.annotations["reason"]).toBe(
        "refreshed in the future"
      )
      expect(warnings.map((l) => l.message)).not.toContain("TokenStore: gave up waiting for a lock, running without it")
      expect(Fs.existsSync(path)).toBe(false)
    }))

  it.live("a lock dated a little ahead (clock differences between hosts) is still trusted and left alone", () =>
    Effect.gen(function*() {
      const directory = freshDir()
      const key = freshKey()
      const content = live()
      const path = writeLock(directory, key, content, new Date(Date.now() + 2_000))
      const [result, logs] = yield* run(
        directory,
        Effect.flatMap(store, (s) => s.withLock(key, Effect.succeed("ran"))),
        "300 millis"
      )
      expect(result).toBe("ran")
      expect(logs.warnings().map((l) => l.message)).toEqual(["TokenStore: gave up waiting for a lock, running without it"])
      expect(Fs.readFileSync(path, "utf8")).toBe(content)
    }))

  if (process.getuid?.() === 0) {
    it.live("a fresh lock owned by another user is not trusted: broken at once", () =>
      Effect.gen(function*() {
        const directory = freshDir()
        const key = freshKey()
        const path = writeLock(directory, key, live(), new Date())
        Fs.chownSync(path, 65534, 65534)
        const [result, logs] = yield* run(directory, Effect.flatMap(store, (s) => s.withLock(key, Effect.succeed("ran"))))
        expect(result).toBe("ran")
        const broke = logs.warnings().find((l) => l.message === "TokenStore: broke a stale lock")
        expect(broke?.annotations["reason"]).toBe("owned by another user (uid 65534)")
        expect(Fs.existsSync(path)).toBe(false)
      }))

    it.live("an entry owned by another user is a miss, even when its lock is ours", () =>
      Effect.gen(function*() {
        const directory = freshDir()
        const key = freshKey()
        const [got, logs] = yield* run(
          directory,
          Effect.gen(function*() {
            const s = yield* store
            yield* s.set(key, makeToken())
            Fs.chownSync(Path.join(directory, `${key}.json`), 65534, 65534)
            return yield* s.get(key)
          })
        )
        expect(got).toEqual(Option.none())
        expect(logs.warnings()[0]?.annotations["reason"]).toBe("unreadable: owned by another user")
      }))
  }

  it.live("a stale lock replaced (same content, another file) between the check and the break is put back", () =>
    Effect.gen(function*() {
      const directory = freshDir()
      const key = freshKey()
      // crashed between create and write: empty and old
      const path = writeLock(directory, key, "", new Date(Date.now() - 3_600_000))
      let replaced = false
      // just before our breaker moves the stale lock aside, another process breaks it and creates its own,
      // not yet written (so: also empty), which is fresh and must survive
      const racing = Layer.effect(
        FileSystem.FileSystem,
        Effect.map(FileSystem.FileSystem, (fs) => ({
          ...fs,
          rename: (from: string, to: string) =>
            Effect.suspend(() => {
              if (from === path && !replaced) {
                replaced = true
                Fs.rmSync(path)
                Fs.writeFileSync(path, "", { mode: 0o600 })
              }
              return fs.rename(from, to)
            })
        }))
      ).pipe(Layer.provide(NodeFileSystem.layer), Layer.merge(NodePath.layer))
      const logs = capture()
      const result = yield* Effect.flatMap(store, (s) => s.withLock(key, Effect.succeed("ran"))).pipe(
        Effect.provide(FileTokenStore.layer({ directory, lockWaitTimeout: "300 millis" })),
        Effect.provide(racing),
        Effect.provide(logs.layer)
      )
      expect(result).toBe("ran")
      expect(replaced).toBe(true)
      expect(Fs.existsSync(path)).toBe(true)
      const messages = logs.warnings().map((l) => l.message)
      expect(messages).not.toContain("TokenStore: broke a stale lock")
      expect(messages).toContain("TokenStore: gave up waiting for a lock, running without it")
    }))
})
