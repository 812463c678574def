/**
 * The file backend of `TokenStore`: one `<key>.json` per entry, written
 * atomically (unique temp file in the same directory, fsync, rename), and
 * `<key>.lock` files created with O_EXCL for cross-process locking.
 *
 * Paths are made with `@effect/platform`'s `Path`, and writes, renames and
 * removals go through its `FileSystem` (the app provides `NodeContext.layer`):
 * it has `open` with flags `"wx"` and a mode, `File.sync`, `rename`, `link`,
 * `chmod` and `stat`, and its errors carry a `reason` (`AlreadyExists` is lock
 * contention). Tests can also swap in a failing `FileSystem` to play a full
 * or read-only disk. Reading what is at a path (an entry, a lock) goes
 * through `SafeFile` (`node:fs`: no link followed, no blocking on a FIFO, a
 * capped read, type and owner from the descriptor), which `FileSystem`
 * cannot express: that, and the lock's pid and host (`FileLock`), is why
 * this store is Node-only. Locks are in `FileLock`.
 */
import { type PlatformError, SystemError } from "@effect/platform/Error"
import * as FileSystem from "@effect/platform/FileSystem"
import * as Path from "@effect/platform/Path"
import * as Clock from "effect/Clock"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Option from "effect/Option"
import type * as FileTokenStore from "../FileTokenStore.js"
import type * as TokenStore from "../TokenStore.js"
import * as Envelope from "./envelope.js"
import { describe, isReason } from "./fileErrors.js"
import * as FileLock from "./fileLock.js"
import * as SafeFile from "./safeFile.js"
import * as StoreMetrics from "./storeMetrics.js"
import { TokenStoreError } from "./storeErrors.js"
import { sha256Hex } from "./storeKey.js"

const safeName = /^[A-Za-z0-9_-]{1,128}$/
const uuid = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"
const leftover = new RegExp(`^(\\.[A-Za-z0-9_-]{1,128}\\.${uuid}\\.tmp|[A-Za-z0-9_-]{1,128}\\.lock\\.${uuid}\\.aside)$`)
const leftoverAgeMillis = 10 * 60_000

/** A key as a file name: hashed keys pass through, anything else is hashed again. */
const fileName = (key: string): string =>
  safeName.test(key) ? key : sha256Hex(key).slice(0, 40)

/** The most an entry may hold: a bigger one is neither read nor written. */
const entryMaxBytes = 4 * 1024 * 1024

const decoder = new TextDecoder()
const encoder = new TextEncoder()

const currentUid = (): number | undefined => typeof process.getuid === "function" ? process.getuid() : undefined

/** Creates the directory 0700 if missing; a directory that already exists keeps its mode. */
const ensureDirectory = (fs: FileSystem.FileSystem, directory: string): Effect.Effect<void, PlatformError> =>
  fs.stat(directory).pipe(
    Effect.flatMap((info) =>
      info.type === "Directory" ? Effect.void : Effect.fail(
        new SystemError({
          reason: "BadResource",
          module: "FileSystem",
          method: "makeDirectory",
          pathOrDescriptor: directory,
          description: `not a directory (${info.type})`
        })
      )
    ),
    Effect.catchIf((e) => isReason(e, "NotFound"), () =>
      fs.makeDirectory(directory, { recursive: true, mode: 0o700 }).pipe(
        Effect.zipRight(fs.chmod(directory, 0o700)) // whatever the umask
      ))
  )

/** A pre-existing directory that others can write is where someone could plant a token: say so, once. */
const warnIfShared = (fs: FileSystem.FileSystem, directory: string): Effect.Effect<void> =>
  fs.stat(directory).pipe(
    Effect.flatMap((info) =>
      (info.mode & 0o022) !== 0
        ? Effect.logWarning("TokenStore: the token directory is writable by other users").pipe(
          Effect.annotateLogs({ backend: "file", mode: (info.mode & 0o777).toString(8) })
        )
        : Effect.void
    ),
    Effect.ignore
  )

/** Removes leftovers of processes that died mid-write or mid-release (temp files, set-aside locks) once old. */
const removeLeftovers = (fs: FileSystem.FileSystem, path: Path.Path, directory: string): Effect.Effect<void> =>
  fs.readDirectory(directory).pipe(
    Effect.flatMap((names) =>
      Effect.forEach(
        names.filter((name) => leftover.test(name)),
        (name) => {
          const leftoverPath = path.join(directory, name)
          return Effect.all([fs.stat(leftoverPath), Clock.currentTimeMillis]).pipe(
            Effect.flatMap(([info, now]) =>
              Option.exists(info.mtime, (m) => now - m.getTime() > leftoverAgeMillis) ? fs.remove(leftoverPath) : Effect.void
            ),
            Effect.ignore
          )
        },
        { discard: true }
      )
    ),
    Effect.ignore
  )

/**
 * Reads a whole entry through one descriptor (no link followed, no blocking
 * on a FIFO): type, owner and content all of the same file, and never more
 * than `entryMaxBytes`. `Left` says why what is there is not an entry.
 */
const readEntry = (entry: string): Effect.Effect<Either.Either<string, string>, PlatformError> =>
  Effect.scoped(Effect.gen(function*() {
    const file = yield* SafeFile.open(entry)
    if (file.type !== "File") return Either.left(`not a regular file (${file.type})`)
    const uid = currentUid()
    if (uid !== undefined && file.uid !== uid) return Either.left("owned by another user")
    const bytes = yield* SafeFile.readUpTo(file, entryMaxBytes)
    return Option.match(bytes, {
      onNone: () => Either.left(`larger than ${entryMaxBytes} bytes`),
      onSome: (b) => Either.right(decoder.decode(b))
    })
  }))

/**
 * @since 0.1.0
 * @internal
 */
export const make = (
  options: FileTokenStore.Options
): Effect.Effect<TokenStore.TokenStoreService, never, FileSystem.FileSystem | Path.Path> =>
  Effect.gen(function*() {
    const fs = yield* FileSystem.FileSystem
    const path = yield* Path.Path
    const directory = path.resolve(options.directory)
    const staleMillis = Duration.toMillis(Duration.decode(options.staleLockTimeout ?? Duration.seconds(30)))
    const waitTimeout = Duration.decode(options.lockWaitTimeout ?? Duration.seconds(60))
    const entryPath = (key: TokenStore.StoreKey) => path.join(directory, `${fileName(key)}.json`)

    const fail = (operation: TokenStoreError["operation"], key: TokenStore.StoreKey) => (error: PlatformError) =>
      new TokenStoreError({ backend: "file", operation, message: `${operation} ${key}: ${describe(error)}` })

    const ensure = ensureDirectory(fs, directory)
    yield* warnIfShared(fs, directory)
    yield* removeLeftovers(fs, path, directory)

    const annotations = (key: TokenStore.StoreKey) => ({ backend: "file", key })
    const warnMiss = (key: TokenStore.StoreKey, reason: string) => Envelope.warnMiss(annotations(key), reason)

    const rawGet = (key: TokenStore.StoreKey): Effect.Effect<Option.Option<string>, TokenStoreError> =>
      readEntry(entryPath(key)).pipe(
        Effect.flatMap(Either.match({
          onLeft: (reason) => warnMiss(key, `unreadable: ${reason}`),
          onRight: Effect.succeedSome
        })),
        Effect.catchAll((error) =>
          isReason(error, "NotFound") ? Effect.succeedNone : warnMiss(key, `unreadable: ${describe(error)}`)
        ),
        Effect.catchAllDefect((defect) => warnMiss(key, `unreadable: ${String(defect)}`))
      )

    /** Best effort: makes the rename itself durable. */
    const syncDirectory = Effect.scoped(Effect.flatMap(SafeFile.open(directory, { directory: true }), SafeFile.sync)).pipe(
      Effect.ignore
    )

    const rawSet = (key: TokenStore.StoreKey, value: string): Effect.Effect<void, TokenStoreError> =>
      Effect.suspend(() => {
        const target = entryPath(key)
        const temp = path.join(directory, `.${fileName(key)}.${globalThis.crypto.randomUUID()}.tmp`)
        return Effect.gen(function*() {
          yield* ensure
          const data = encoder.encode(value)
          if (data.length > entryMaxBytes) {
            return yield* Effect.fail(`the entry (${data.length} bytes) is larger than the ${entryMaxBytes} bytes the store reads`)
          }
          yield* Effect.scoped(Effect.gen(function*() {
            const file = yield* fs.open(temp, { flag: "wx", mode: 0o600 })
            yield* fs.chmod(temp, 0o600) // exactly 0600, whatever the umask
            yield* file.writeAll(data)
            yield* file.sync
          }))
          yield* fs.rename(temp, target)
          yield* syncDirectory
        }).pipe(
          Effect.onError(() => fs.remove(temp).pipe(Effect.ignore)),
          Effect.mapError((error) =>
            typeof error === "string"
              ? new TokenStoreError({ backend: "file", operation: "set", message: `set ${key}: ${error}` })
              : fail("set", key)(error)
          ),
          Effect.catchAllDefect((defect) =>
            Effect.fail(new TokenStoreError({ backend: "file", operation: "set", message: `set ${key}: ${String(defect)}` }))
          )
        )
      })

    const remove = (key: TokenStore.StoreKey): Effect.Effect<void, TokenStoreError> =>
      fs.remove(entryPath(key)).pipe(
        Effect.catchIf((e) => isReason(e, "NotFound"), () => Effect.void),
        Effect.mapError(fail("remove", key)),
        Effect.catchAllDefect((defect) =>
          Effect.fail(new TokenStoreError({ backend: "file", operation: "remove", message: `remove ${key}: ${String(defect)}` }))
        )
      )

    const withLock = FileLock.make({
      fs,
      staleMillis,
      waitTimeout,
      ensureDirectory: ensure,
      lockPath: (key) => path.join(directory, `${fileName(key)}.lock`)
    })

    const raw: TokenStore.RawEntries = { get: rawGet, set: rawSet }
    return StoreMetrics.instrument({ backend: "file", ...Envelope.entries(raw, annotations), remove, withLock, raw })
  })
