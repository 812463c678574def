/**
 * The locks of the file backend: `<key>.lock` created with O_EXCL, holding
 * pid, host, a unique id and the time, kept fresh (mtime) while held, and
 * removed only if it is still the very file we created.
 *
 * What is at a lock path is read through `SafeFile` (no link followed, no
 * blocking on a FIFO, a capped read, type and owner from the descriptor).
 * A lock is trusted only if it is a regular file owned by us whose mtime is
 * neither older than the stale timeout nor in the future: anything else is
 * broken at once (a regular file) or makes `withLock` run without the lock
 * (anything else: we never remove what we did not check).
 */
import type { PlatformError } from "@effect/platform/Error"
import type * as FileSystem from "@effect/platform/FileSystem"
import * as Clock from "effect/Clock"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Option from "effect/Option"
import * as Os from "node:os"
import { describe, isReason } from "./fileErrors.js"
import * as Lock from "./lock.js"
import * as SafeFile from "./safeFile.js"

/**
 * @since 0.2.0
 * @internal
 */
export interface Options {
  readonly fs: FileSystem.FileSystem
  readonly staleMillis: number
  readonly waitTimeout: Duration.Duration
  /** Runs before each attempt to take a lock (creates the directory when missing). */
  readonly ensureDirectory: Effect.Effect<void, PlatformError>
  readonly lockPath: (key: string) => string
}

/** A mtime this far ahead of our clock is still believed (clocks of hosts sharing a folder differ a little). */
const futureToleranceMillis = 5_000

/** Our locks are ~150 bytes; what is read of one is capped. */
const lockMaxBytes = 64 * 1024

/**
 * Which file a lock is: its content (undefined when larger than we read),
 * inode and, for a lock judged from its age, the mtime it was judged by (a
 * holder that refreshed it since is alive; an inode number can be reused).
 */
interface Identity {
  readonly content: string | undefined
  readonly ino: number | undefined
  readonly mtimeMillis: number | undefined
}

const same = <A>(a: A | undefined, b: A | undefined) => a === undefined || b === undefined || a === b

const sameFile = (a: Identity, b: Identity): boolean =>
  a.content === b.content && same(a.ino, b.ino) && same(a.mtimeMillis, b.mtimeMillis)

interface LockInfo {
  readonly pid: number
  readonly host: string
  readonly id: string
  readonly time: number
}

type Seen =
  | { readonly _tag: "Absent" }
  | { readonly _tag: "Other"; readonly type: SafeFile.FileType }
  | { readonly _tag: "Regular"; readonly identity: Identity; readonly uid: number; readonly mtimeMillis: number }

const decoder = new TextDecoder()
const encoder = new TextEncoder()

const parseLock = (raw: string | undefined): LockInfo | undefined => {
  if (raw === undefined) return undefined
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

/** What is at `path`, all from one descriptor. A symlink or socket fails (ELOOP, ENXIO). */
const look = (path: string): Effect.Effect<Seen, PlatformError> =>
  Effect.scoped(Effect.gen(function*() {
    const file = yield* SafeFile.open(path)
    if (file.type !== "File") return { _tag: "Other", type: file.type } as const
    const bytes = yield* SafeFile.readUpTo(file, lockMaxBytes)
    const content = Option.match(bytes, { onNone: () => undefined, onSome: (b) => decoder.decode(b) })
    return {
      _tag: "Regular",
      identity: { content, ino: file.ino, mtimeMillis: file.mtimeMillis },
      uid: file.uid,
      mtimeMillis: file.mtimeMillis
    } as const
  })).pipe(Effect.catchIf((e) => isReason(e, "NotFound"), () => Effect.succeed({ _tag: "Absent" } as const)))

/**
 * @since 0.2.0
 * @internal
 */
export const make = (options: Options) => {
  const { fs, lockPath, staleMillis } = options
  const host = Os.hostname()
  const uid = currentUid()

  /**
   * Moves `path` aside and deletes it if it is the `expected` file; puts it
   * back (with `link`, which never overwrites) if it turns out to be someone
   * else's. Atomic with respect to other breakers and releasers.
   */
  const takeIfSame = (path: string, expected: Identity): Effect.Effect<boolean, PlatformError> =>
    Effect.suspend(() => {
      const aside = `${path}.${globalThis.crypto.randomUUID()}.aside`
      return fs.rename(path, aside).pipe(
        Effect.zipRight(Effect.either(look(aside))),
        Effect.flatMap((seen) =>
          Either.isRight(seen) && seen.right._tag === "Regular" && sameFile(seen.right.identity, expected)
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
            )
        ),
        Effect.catchIf((e) => isReason(e, "NotFound"), () => Effect.succeed(false))
      )
    })

  /** One attempt: our lock if we created the lock file, `undefined` if something is there. */
  const tryCreate = (path: string): Effect.Effect<Identity | undefined, PlatformError> =>
    Effect.gen(function*() {
      const now = yield* Clock.currentTimeMillis
      const content = JSON.stringify({ pid: process.pid, host, id: globalThis.crypto.randomUUID(), time: now } satisfies LockInfo)
      return yield* Effect.scoped(Effect.gen(function*() {
        const file = yield* fs.open(path, { flag: "wx", mode: 0o600 })
        yield* file.writeAll(encoder.encode(content)).pipe(
          Effect.tapError(() => fs.remove(path).pipe(Effect.ignore))
        )
        const info = yield* file.stat.pipe(Effect.option)
        return { content, ino: Option.getOrUndefined(Option.flatMap(info, (i) => i.ino)), mtimeMillis: undefined }
      })).pipe(Effect.catchIf((e) => isReason(e, "AlreadyExists"), () => Effect.succeed(undefined)))
    })

  /** Why the lock seen is not to be trusted, or `undefined` when it is a live holder's. */
  const distrust = (seen: Seen & { readonly _tag: "Regular" }, now: number): string | undefined => {
    if (uid !== undefined && seen.uid !== uid) return `owned by another user (uid ${seen.uid})`
    if (seen.identity.content === undefined) return `larger than ${lockMaxBytes} bytes: not a lock`
    if (seen.mtimeMillis - now > futureToleranceMillis) return "refreshed in the future"
    if (now - seen.mtimeMillis > staleMillis) return `older than ${staleMillis} ms`
    const lock = parseLock(seen.identity.content)
    return lock !== undefined && lock.host === host && lock.pid !== process.pid && !pidAlive(lock.pid)
      ? `holder pid ${lock.pid} is gone`
      : undefined
  }

  /**
   * Breaks the lock at `path` if it is not to be trusted; `true` when it is
   * gone (worth retrying at once). Fails on anything but a regular file.
   */
  const breakIfUntrusted = (key: string, path: string): Effect.Effect<boolean, PlatformError | string> =>
    Effect.gen(function*() {
      const seen = yield* look(path)
      if (seen._tag === "Absent") return true
      if (seen._tag === "Other") return yield* Effect.fail(`the lock path is not a regular file (${seen.type})`)
      const now = yield* Clock.currentTimeMillis
      const reason = distrust(seen, now)
      if (reason === undefined) return false
      const taken = yield* takeIfSame(path, seen.identity)
      if (taken) {
        yield* Effect.logWarning("TokenStore: broke a stale lock").pipe(
          Effect.annotateLogs({ backend: "file", key, reason })
        )
      }
      return true
    })

  const acquire = (key: string): Effect.Effect<Lock.Attempt<Identity>, string> => {
    const path = lockPath(key)
    const attempt: Effect.Effect<Lock.Attempt<Identity>, PlatformError | string> = Effect.gen(function*() {
      const created = yield* tryCreate(path)
      if (created !== undefined) return { _tag: "Acquired", held: created } as const
      const broken = yield* breakIfUntrusted(key, path)
      return broken ? { _tag: "Retry" } as const : { _tag: "Busy" } as const
    })
    return options.ensureDirectory.pipe(
      Effect.zipRight(attempt),
      Effect.mapError((e) => typeof e === "string" ? e : describe(e)),
      Effect.catchAllDefect((defect) => Effect.fail(String(defect)))
    )
  }

  const release = (key: string, held: Identity) =>
    takeIfSame(lockPath(key), held).pipe(
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

  /** `true` (and its mtime refreshed) while the file at `path` is still our lock. */
  const refresh = (path: string, held: Identity): Effect.Effect<boolean> =>
    Effect.scoped(Effect.gen(function*() {
      const file = yield* SafeFile.open(path)
      if (file.type !== "File") return false
      const bytes = yield* SafeFile.readUpTo(file, lockMaxBytes)
      const content = Option.match(bytes, { onNone: () => undefined, onSome: (b) => decoder.decode(b) })
      if (!sameFile({ content, ino: file.ino, mtimeMillis: file.mtimeMillis }, held)) return false
      const now = yield* Clock.currentTimeMillis
      yield* SafeFile.setTimes(file, new Date(now)).pipe(Effect.ignore)
      return true
    })).pipe(Effect.orElseSucceed(() => false), Effect.catchAllDefect(() => Effect.succeed(false)))

  /** Keeps our lock fresh while the effect runs, so a long critical section is not taken for dead. */
  const heartbeat = (key: string, held: Identity) =>
    Effect.gen(function*() {
      const path = lockPath(key)
      while (true) {
        yield* Effect.sleep(Duration.millis(Math.max(10, Math.floor(staleMillis / 3))))
        if (!(yield* refresh(path, held))) {
          return yield* Effect.logWarning("TokenStore: lost a lock while holding it").pipe(
            Effect.annotateLogs({ backend: "file", key })
          )
        }
      }
    })

  return <A, E, R>(key: string, effect: Effect.Effect<A, E, R>): Effect.Effect<A, E, R> =>
    Lock.withLock({
      backend: "file",
      key,
      waitTimeout: options.waitTimeout,
      attempt: acquire(key),
      heartbeat: (held: Identity) => heartbeat(key, held),
      release: (held: Identity) => release(key, held)
    }, effect)
}
