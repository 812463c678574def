/**
 * Node-only: opening a file of the file store the way `@effect/platform`'s
 * `FileSystem` cannot express, so that whatever someone planted at a path
 * can neither hang nor flood the store.
 *
 * - `open` uses O_NOFOLLOW (a symlink, e.g. to `/dev/zero`, is refused with
 *   ELOOP) and O_NONBLOCK (a FIFO opens at once instead of blocking a libuv
 *   thread forever; a socket fails with ENXIO), then `fstat`s the descriptor,
 *   so the type, owner and content checked are all of the same file.
 * - `readUpTo` reads a regular file only, and never more than a cap.
 * - Every step is one short callback of `node:fs` wrapped in `Effect.async`.
 *   Opening is interruptible (a descriptor that arrives after an
 *   interruption is closed, never leaked); the calls on a descriptor are
 *   single bounded syscalls, with interruption checked between them.
 *
 * Errors are `PlatformError`s like `FileSystem`'s (same `reason`s), so the
 * store handles both alike.
 */
import { type PlatformError, SystemError, type SystemErrorReason } from "@effect/platform/Error"
import * as Effect from "effect/Effect"
import * as Option from "effect/Option"
import type * as Scope from "effect/Scope"
import * as Fs from "node:fs"

/**
 * @since 0.2.0
 * @internal
 */
export type FileType = "File" | "Directory" | "FIFO" | "Socket" | "CharacterDevice" | "BlockDevice" | "Unknown"

/**
 * An open descriptor and what `fstat` said about it.
 *
 * @since 0.2.0
 * @internal
 */
export interface OpenFile {
  readonly fd: number
  readonly type: FileType
  readonly uid: number
  readonly dev: number
  readonly ino: number
  readonly size: number
  readonly mtimeMillis: number
}

const reasons: Record<string, SystemErrorReason> = {
  ENOENT: "NotFound",
  EACCES: "PermissionDenied",
  EPERM: "PermissionDenied",
  EEXIST: "AlreadyExists",
  EISDIR: "BadResource",
  ENOTDIR: "BadResource",
  ELOOP: "BadResource",
  ENXIO: "BadResource",
  EBUSY: "Busy",
  ETIMEDOUT: "TimedOut"
}

const toPlatformError = (method: string, path: string | number) => (error: NodeJS.ErrnoException): PlatformError =>
  new SystemError({
    reason: (error.code !== undefined ? reasons[error.code] : undefined) ?? "Unknown",
    module: "FileSystem",
    method,
    pathOrDescriptor: path,
    ...(error.syscall !== undefined ? { syscall: error.syscall } : {}),
    description: error.message,
    cause: error
  })

const typeOf = (stats: Fs.Stats): FileType =>
  stats.isFile()
    ? "File"
    : stats.isDirectory()
    ? "Directory"
    : stats.isFIFO()
    ? "FIFO"
    : stats.isSocket()
    ? "Socket"
    : stats.isCharacterDevice()
    ? "CharacterDevice"
    : stats.isBlockDevice()
    ? "BlockDevice"
    : "Unknown"

const closeQuietly = (fd: number) => Fs.close(fd, () => {})

/**
 * One `node:fs` callback call on an open descriptor, run to its end (it is
 * one short syscall; abandoning it would let a close race it). A sequence of
 * them stays interruptible between calls.
 */
const call = <A>(
  method: string,
  path: string | number,
  run: (callback: (error: NodeJS.ErrnoException | null, value: A) => void) => void
): Effect.Effect<A, PlatformError> =>
  Effect.uninterruptible(Effect.async<A, PlatformError>((resume) => {
    run((error, value) => error !== null ? resume(Effect.fail(toPlatformError(method, path)(error))) : resume(Effect.succeed(value)))
  }))

const flags = Fs.constants.O_RDONLY | Fs.constants.O_NOFOLLOW | Fs.constants.O_NONBLOCK

/**
 * Opens `path` read-only, without following a final symlink and without
 * blocking, and `fstat`s it. The descriptor is closed with the scope. With
 * `directory`, anything but a directory fails (O_DIRECTORY).
 *
 * @since 0.2.0
 * @internal
 */
export const open = (
  path: string,
  options?: { readonly directory?: boolean }
): Effect.Effect<OpenFile, PlatformError, Scope.Scope> =>
  Effect.uninterruptibleMask((restore) =>
    Effect.gen(function*() {
      const openFlags = options?.directory === true ? flags | Fs.constants.O_DIRECTORY : flags
      const fd = yield* restore(Effect.async<number, PlatformError>((resume) => {
        let interrupted = false
        Fs.open(path, openFlags, (error, fd) => {
          if (interrupted) {
            if (error === null) closeQuietly(fd)
          } else {
            resume(error !== null ? Effect.fail(toPlatformError("open", path)(error)) : Effect.succeed(fd))
          }
        })
        return Effect.sync(() => {
          interrupted = true
        })
      }))
      yield* Effect.addFinalizer(() => call<void>("close", fd, (callback) => Fs.close(fd, callback)).pipe(Effect.ignore))
      const stats = yield* call<Fs.Stats>("stat", fd, (callback) => Fs.fstat(fd, callback))
      return {
        fd,
        type: typeOf(stats),
        uid: stats.uid,
        dev: stats.dev,
        ino: stats.ino,
        size: stats.size,
        mtimeMillis: stats.mtimeMs
      } satisfies OpenFile
    })
  )

const chunkSize = 64 * 1024

/**
 * The whole content of a regular file, or `None` when it holds more than
 * `maxBytes` (at most `maxBytes + 1` bytes are ever read).
 *
 * @since 0.2.0
 * @internal
 */
export const readUpTo = (file: OpenFile, maxBytes: number): Effect.Effect<Option.Option<Uint8Array>, PlatformError> =>
  Effect.gen(function*() {
    if (file.type !== "File") {
      return yield* Effect.fail(
        new SystemError({
          reason: "BadResource",
          module: "FileSystem",
          method: "read",
          pathOrDescriptor: file.fd,
          description: `not a regular file (${file.type})`
        })
      )
    }
    if (file.size > maxBytes) return Option.none()
    const chunks: Array<Uint8Array> = []
    let total = 0
    while (total <= maxBytes) {
      const buffer = Buffer.alloc(Math.min(chunkSize, maxBytes + 1 - total))
      const read = yield* call<number>("read", file.fd, (callback) => Fs.read(file.fd, buffer, 0, buffer.length, total, callback))
      if (read === 0) break
      chunks.push(buffer.subarray(0, read))
      total += read
    }
    return total > maxBytes ? Option.none() : Option.some(Buffer.concat(chunks, total))
  })

/**
 * Sets both times of the open file (`futimes`: exactly the file checked,
 * never what a path points to by then).
 *
 * @since 0.2.0
 * @internal
 */
export const setTimes = (file: OpenFile, time: Date): Effect.Effect<void, PlatformError> =>
  call<void>("utimes", file.fd, (callback) => Fs.futimes(file.fd, time, time, callback))

/**
 * `fsync` of the open file (for a directory: makes a rename in it durable).
 *
 * @since 0.2.0
 * @internal
 */
export const sync = (file: OpenFile): Effect.Effect<void, PlatformError> =>
  call<void>("sync", file.fd, (callback) => Fs.fsync(file.fd, callback))
