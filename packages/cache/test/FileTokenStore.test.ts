import { SystemError } from "@effect/platform/Error"
import * as FileSystem from "@effect/platform/FileSystem"
import * as NodeFileSystem from "@effect/platform-node/NodeFileSystem"
import * as NodePath from "@effect/platform-node/NodePath"
import { describe, expect, it } from "@effect/vitest"
import * as DateTime from "effect/DateTime"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Option from "effect/Option"
import * as Redacted from "effect/Redacted"
import { randomUUID } from "node:crypto"
import * as Fs from "node:fs"
import * as Path from "node:path"
import { TokenStore } from "../src/index.js"
import * as FileTokenStore from "../src/FileTokenStore.js"
import { conformance } from "./TokenStore.conformance.js"
import { fileLayer, tempDirs } from "./utils/fileStore.js"
import { capture } from "./utils/logs.js"
import { expiringIn, freshKey, makeToken } from "./utils/tokens.js"

const { freshDir, root } = tempDirs("effect-keystone-file-store-")

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
})
