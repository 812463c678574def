/**
 * The file backend of `TokenStore`: one `<key>.json` per entry, written
 * atomically (unique temp file in the same directory, fsync, rename), and
 * `<key>.lock` files created with O_EXCL for cross-process locking.
 *
 * Everything goes through `@effect/platform`'s `FileSystem` (the app provides
 * `NodeFileSystem.layer`): it has `open` with flags `"wx"` and a mode,
 * `File.sync`, `rename`, `link`, `chmod`, `utimes` and `stat`, and its errors
 * carry a `reason` (`AlreadyExists` is lock contention). Tests can also swap
 * in a failing `FileSystem` to play a full or read-only disk.
 *
 * This module is imported by `TokenStore.ts` and imports it back: nothing at
 * the top level here may touch `TokenStore`'s values.
 */
import { type PlatformError, SystemError } from "@effect/platform/Error"
import * as FileSystem from "@effect/platform/FileSystem"
import type { Token } from "@effect-keystone/schema"
import * as Clock from "effect/Clock"
import * as DateTime from "effect/DateTime"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Option from "effect/Option"
import { createHash, randomUUID } from "node:crypto"
import * as Os from "node:os"
import * as Path from "node:path"
import * as TokenStore from "../TokenStore.js"
import * as Lock from "./lock.js"

/**
 * @since 0.1.0
 * @internal
 */
export interface Options {
  readonly directory: string
  readonly staleLockTimeout?: Duration.DurationInput | undefined
  readonly lockWaitTimeout?: Duration.DurationInput | undefined
}

const safeName = /^[A-Za-z0-9_-]{1,128}$/
const uuid = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"
const leftover = new RegExp(`^(\\.[A-Za-z0-9_-]{1,128}\\.${uuid}\\.tmp|[A-Za-z0-9_-]{1,128}\\.lock\\.${uuid}\\.aside)$`)
const leftoverAgeMillis = 10 * 60_000

/** A key as a file name: hashed keys pass through, anything else is hashed again. */
const fileName = (key: string): string =>
  safeName.test(key) ? key : createHash("sha256").update(key).digest("hex").slice(0, 40)

const isReason = (error: PlatformError, ...reasons: ReadonlyArray<string>): boolean =>
  error._tag === "SystemError" && reasons.includes(error.reason)

/** The errno-ish part of a platform error, without the path (which holds only the hashed key anyway). */
const describe = (error: PlatformError): string => {
  if (error._tag === "BadArgument") return `${error.module}.${error.method}: bad argument`
  const cause = error.cause as { readonly code?: unknown } | undefined
  const code = cause !== undefined && typeof cause === "object" && typeof cause.code === "string" ? ` ${cause.code}` : ""
  return `${error.module}.${error.method}: ${error.reason}${code}`
}

const decoder = new TextDecoder()
const encoder = new TextEncoder()

interface LockInfo {
  readonly pid: number
  readonly host: string
  readonly id: string
  readonly time: number
}

const parseLock = (raw: string): LockInfo | undefined => {
  try {
    const p = JSON.parse(raw) as Partial<LockInfo> | null
    return p !== null && typeof p === "object" && typeof p.pid === "number" && typeof p.host === "string" &&
        typeof p.id === "string" && typeof p.time === "number"
      ? p as LockInfo
      : undefined
  } catch {
    return undefined
  }
}

const pidAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as { readonly code?: unknown }).code === "EPERM"
  }
}

const currentUid = (): number | undefined => typeof process.getuid === "function" ? process.getuid() : undefined

/**
 * @since 0.1.0
 * @internal
 */
export const make = (options: Options): Effect.Effect<TokenStore.TokenStoreService, never, FileSystem.FileSystem> =>
  Effect.gen(function*() {
    const fs = yield* FileSystem.FileSystem
    const directory = Path.resolve(options.directory)
    const staleMillis = Duration.toMillis(Duration.decode(options.staleLockTimeout ?? Duration.seconds(30)))
    const waitTimeout = Duration.decode(options.lockWaitTimeout ?? Duration.seconds(60))
    const host = Os.hostname()
    const entryPath = (key: TokenStore.StoreKey) => Path.join(directory, `${fileName(key)}.json`)
    const lockPath = (key: TokenStore.StoreKey) => Path.join(directory, `${fileName(key)}.lock`)

    const fail = (operation: TokenStore.TokenStoreError["operation"], key: TokenStore.StoreKey) => (error: PlatformError) =>
      new TokenStore.TokenStoreError({ backend: "file", operation, message: `${operation} ${key}: ${describe(error)}` })

    /** Creates the directory 0700 if missing; a directory that already exists keeps its mode. */
    const ensureDirectory: Effect.Effect<void, PlatformError> = fs.stat(directory).pipe(
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

    // A pre-existing directory that others can write is where someone could plant a token: say so, once.
    yield* fs.stat(directory).pipe(
      Effect.flatMap((info) =>
        (info.mode & 0o022) !== 0
          ? Effect.logWarning("TokenStore: the token directory is writable by other users").pipe(
            Effect.annotateLogs({ backend: "file", mode: (info.mode & 0o777).toString(8) })
          )
          : Effect.void
      ),
      Effect.ignore
    )

    // Leftovers of processes that died mid-write or mid-release: temp files and set-aside locks.
    yield* fs.readDirectory(directory).pipe(
      Effect.flatMap((names) =>
        Effect.forEach(
          names.filter((name) => leftover.test(name)),
          (name) => {
            const path = Path.join(directory, name)
            return Effect.all([fs.stat(path), Clock.currentTimeMillis]).pipe(
              Effect.flatMap(([info, now]) =>
                Option.exists(info.mtime, (m) => now - m.getTime() > leftoverAgeMillis) ? fs.remove(path) : Effect.void
              ),
              Effect.ignore
            )
          },
          { discard: true }
        )
      ),
      Effect.ignore
    )

    const warnMiss = (key: TokenStore.StoreKey, reason: string) =>
      Effect.as(
        Effect.logWarning("TokenStore: ignoring a stored entry").pipe(
          Effect.annotateLogs({ backend: "file", key, reason })
        ),
        Option.none<Token.Token>()
      )

    /** Reads a whole entry through one descriptor: type, owner and content all of the same file. */
    const readEntry = (path: string): Effect.Effect<Either.Either<string, string>, PlatformError> =>
      Effect.scoped(Effect.gen(function*() {
        const file = yield* fs.open(path, { flag: "r" })
        const info = yield* file.stat
        if (info.type !== "File") return Either.left(`not a regular file (${info.type})`)
        const uid = currentUid()
        if (uid !== undefined && Option.isSome(info.uid) && info.uid.value !== uid) {
          return Either.left("owned by another user")
        }
        const chunks: Array<Uint8Array> = []
        let size = 0
        while (true) {
          const chunk = yield* file.readAlloc(65536)
          if (Option.isNone(chunk)) break
          chunks.push(chunk.value)
          size += chunk.value.length
          if (size > 16 * 1024 * 1024) return Either.left("too large")
        }
        return Either.right(decoder.decode(Buffer.concat(chunks)))
      }))

    const get = (key: TokenStore.StoreKey): Effect.Effect<Option.Option<Token.Token>, TokenStore.TokenStoreError> =>
      readEntry(entryPath(key)).pipe(
        Effect.flatMap(Either.match({
          onLeft: (reason) => warnMiss(key, `unreadable: ${reason}`),
          onRight: (raw) =>
            Effect.flatMap(DateTime.now, (now) =>
              Either.match(TokenStore.decode(raw, now), {
                onLeft: (reason) =>
                  reason === "expired"
                    ? Effect.as(
                      Effect.logDebug("TokenStore: stored token has expired").pipe(
                        Effect.annotateLogs({ backend: "file", key })
                      ),
                      Option.none()
                    )
                    : warnMiss(key, reason),
                onRight: (token) => Effect.succeed(Option.some(token))
              }))
        })),
        Effect.catchAll((error) =>
          isReason(error, "NotFound") ? Effect.succeed(Option.none()) : warnMiss(key, `unreadable: ${describe(error)}`)
        ),
        Effect.catchAllDefect((defect) => warnMiss(key, `unreadable: ${String(defect)}`))
      )

    /** Best effort: makes the rename itself durable. */
    const syncDirectory = Effect.scoped(Effect.flatMap(fs.open(directory, { flag: "r" }), (dir) => dir.sync)).pipe(
      Effect.ignore
    )

    const set = (key: TokenStore.StoreKey, token: Token.Token): Effect.Effect<void, TokenStore.TokenStoreError> =>
      Effect.suspend(() => {
        const target = entryPath(key)
        const temp = Path.join(directory, `.${fileName(key)}.${randomUUID()}.tmp`)
        return Effect.gen(function*() {
          yield* ensureDirectory
          const now = yield* DateTime.now
          const data = encoder.encode(TokenStore.encode(token, now))
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
          Effect.mapError(fail("set", key)),
          Effect.catchAllDefect((defect) =>
            Effect.fail(new TokenStore.TokenStoreError({ backend: "file", operation: "set", message: `set ${key}: ${String(defect)}` }))
          )
        )
      })

    const remove = (key: TokenStore.StoreKey): Effect.Effect<void, TokenStore.TokenStoreError> =>
      fs.remove(entryPath(key)).pipe(
        Effect.catchIf((e) => isReason(e, "NotFound"), () => Effect.void),
        Effect.mapError(fail("remove", key)),
        Effect.catchAllDefect((defect) =>
          Effect.fail(new TokenStore.TokenStoreError({ backend: "file", operation: "remove", message: `remove ${key}: ${String(defect)}` }))
        )
      )

    // -----------------------------------------------------------------------
    // locks
    // -----------------------------------------------------------------------

    /**
     * Moves `path` aside and deletes it if its content is `expected`; puts it
     * back (with `link`, which never overwrites) if it turns out to be someone
     * else's. Atomic with respect to other breakers and releasers.
     */
    const takeIfSame = (path: string, expected: string): Effect.Effect<boolean, PlatformError> =>
      Effect.suspend(() => {
        const aside = `${path}.${randomUUID()}.aside`
        return fs.rename(path, aside).pipe(
          Effect.zipRight(
            Effect.flatMap(fs.readFileString(aside), (content) =>
              content === expected
                ? Effect.as(fs.remove(aside), true)
                : fs.link(aside, path).pipe(
                  Effect.tapError(() =>
                    Effect.logWarning("TokenStore: a lock was replaced while being checked").pipe(
                      Effect.annotateLogs({ backend: "file" })
                    )
                  ),
                  Effect.ignore,
                  Effect.zipRight(fs.remove(aside)),
                  Effect.as(false)
                ))
          ),
          Effect.catchIf((e) => isReason(e, "NotFound"), () => Effect.succeed(false))
        )
      })

    /** One attempt: our lock content if we created the lock file, `undefined` if someone holds it. */
    const tryCreate = (path: string): Effect.Effect<string | undefined, PlatformError> =>
      Effect.gen(function*() {
        const now = yield* Clock.currentTimeMillis
        const content = JSON.stringify({ pid: process.pid, host, id: randomUUID(), time: now } satisfies LockInfo)
        const created = yield* Effect.scoped(Effect.gen(function*() {
          const file = yield* fs.open(path, { flag: "wx", mode: 0o600 })
          yield* file.writeAll(encoder.encode(content)).pipe(
            Effect.tapError(() => fs.remove(path).pipe(Effect.ignore))
          )
          return true
        })).pipe(Effect.catchIf((e) => isReason(e, "AlreadyExists"), () => Effect.succeed(false)))
        return created ? content : undefined
      })

    /** Breaks the lock at `path` if it is stale; `true` when it is gone (worth retrying at once). */
    const breakIfStale = (key: TokenStore.StoreKey, path: string): Effect.Effect<boolean, PlatformError> =>
      Effect.gen(function*() {
        const content = yield* fs.readFileString(path)
        const info = yield* fs.stat(path)
        const now = yield* Clock.currentTimeMillis
        const lock = parseLock(content)
        const touched = Option.match(info.mtime, { onNone: () => lock?.time ?? now, onSome: (d) => d.getTime() })
        const age = now - touched
        const reason = age > staleMillis
          ? `older than ${staleMillis} ms`
          : lock !== undefined && lock.host === host && lock.pid !== process.pid && !pidAlive(lock.pid)
          ? `holder pid ${lock.pid} is gone`
          : undefined
        if (reason === undefined) return false
        const taken = yield* takeIfSame(path, content)
        if (taken) {
          yield* Effect.logWarning("TokenStore: broke a stale lock").pipe(
            Effect.annotateLogs({ backend: "file", key, reason })
          )
        }
        return true
      }).pipe(Effect.catchIf((e) => isReason(e, "NotFound"), () => Effect.succeed(true)))

    const acquire = (key: TokenStore.StoreKey) => {
      const path = lockPath(key)
      const attempt: Effect.Effect<Lock.Attempt<string>, PlatformError> = Effect.gen(function*() {
        const created = yield* tryCreate(path)
        if (created !== undefined) return { _tag: "Acquired", held: created } as const
        const broken = yield* breakIfStale(key, path)
        return broken ? { _tag: "Retry" } as const : { _tag: "Busy" } as const
      })
      return ensureDirectory.pipe(
        Effect.zipRight(attempt),
        Effect.mapError(describe)
      )
    }

    const release = (key: TokenStore.StoreKey, content: string) =>
      takeIfSame(lockPath(key), content).pipe(
        Effect.flatMap((released) =>
          released
            ? Effect.void
            : Effect.logWarning("TokenStore: our lock was taken by someone else before release").pipe(
              Effect.annotateLogs({ backend: "file", key })
            )
        ),
        Effect.catchAll((error) =>
          Effect.logWarning("TokenStore: could not release a lock").pipe(
            Effect.annotateLogs({ backend: "file", key, reason: describe(error) })
          )
        ),
        Effect.catchAllDefect(() => Effect.void)
      )

    /** Keeps our lock fresh (mtime) while the effect runs, so a long critical section is not taken for dead. */
    const heartbeat = (key: TokenStore.StoreKey, content: string) =>
      Effect.gen(function*() {
        const path = lockPath(key)
        while (true) {
          yield* Effect.sleep(Duration.millis(Math.max(10, Math.floor(staleMillis / 3))))
          const current = yield* fs.readFileString(path).pipe(Effect.orElseSucceed(() => ""))
          if (current !== content) {
            return yield* Effect.logWarning("TokenStore: lost a lock while holding it").pipe(
              Effect.annotateLogs({ backend: "file", key })
            )
          }
          const now = new Date(yield* Clock.currentTimeMillis)
          yield* fs.utimes(path, now, now).pipe(Effect.ignore)
        }
      })

    const withLock = <A, E, R>(key: TokenStore.StoreKey, effect: Effect.Effect<A, E, R>): Effect.Effect<A, E, R> =>
      Lock.withLock({
        backend: "file",
        key,
        waitTimeout,
        attempt: acquire(key),
        heartbeat: (content: string) => heartbeat(key, content),
        release: (content: string) => release(key, content)
      }, effect)

    return { backend: "file", get, set, remove, withLock } satisfies TokenStore.TokenStoreService
  })
