/**
 * A `TokenStore` in a directory, shared by every process on the machine (or
 * a shared volume) that uses the same one. Node only: see below.
 *
 * ```ts
 * import { NodeContext } from "@effect/platform-node"
 * import * as FileTokenStore from "@effect-keystone/cache/FileTokenStore"
 *
 * KeystoneSession.layer({ auth }).pipe(
 *   Layer.provide(FileTokenStore.layer({ directory: "/var/cache/my-app/tokens" })),
 *   Layer.provide(NodeContext.layer)
 * )
 * ```
 *
 * Paths come from `@effect/platform`'s `Path` and every write, rename and
 * removal goes through its `FileSystem`. What is *read* at a path (an entry,
 * a lock) is opened with `O_NOFOLLOW | O_NONBLOCK` and checked with `fstat`
 * on the same descriptor, so that a symlink (e.g. to `/dev/zero`), a FIFO, a
 * socket or someone else's file planted in the directory is a logged miss,
 * never a hang, a flood or an adopted token. `FileSystem` has no way to say
 * that (its `open` follows links and blocks on a FIFO, and a `stat` before it
 * would be a race), so those reads use `node:fs`, and lock ownership uses the
 * pid and host name: this store lives in its own entry, away from the main
 * one, which runs wherever Effect runs.
 *
 * @since 0.3.0
 */
import type * as FileSystem from "@effect/platform/FileSystem"
import type * as Path from "@effect/platform/Path"
import type * as Duration from "effect/Duration"
import type * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as FileStore from "./internal/fileStore.js"
import { TokenStore, type TokenStoreService } from "./TokenStore.js"

/**
 * Options of the file store.
 *
 * @since 0.3.0
 * @category models
 */
export interface Options {
  /** Where entries (`<key>.json`) and locks (`<key>.lock`) live. Created 0700 when missing. */
  readonly directory: string
  /**
   * A lock whose file has not been refreshed for this long is broken (default 30 seconds). So is, at once,
   * a lock file owned by another user, refreshed more than 5 seconds in the future, or larger than a lock.
   */
  readonly staleLockTimeout?: Duration.DurationInput | undefined
  /** After waiting this long for a lock, `withLock` runs the effect without it, logged (default 60 seconds). */
  readonly lockWaitTimeout?: Duration.DurationInput | undefined
}

/**
 * A store in a directory, shared by every process that uses the same one.
 *
 * Each key is one `<key>.json` file (mode 0600), replaced atomically: written
 * to a unique temporary file in the same directory, fsynced, then renamed.
 * A truncated, corrupt, foreign-version, unreadable or foreign-owned file is a
 * miss with a warning (key and reason, never the token); an expired one is a
 * miss. Entries are opened without following links and without blocking, and
 * only a regular file of ours of at most 4 MiB is read: a symlink (e.g. to
 * `/dev/zero`), FIFO, socket, device, directory or bigger file is a miss with
 * a warning. A directory that cannot be written makes `set` fail with
 * `TokenStoreError`.
 *
 * `withLock` creates `<key>.lock` exclusively (O_EXCL) holding pid, host, a
 * unique id and the time, polls with jittered backoff on the Effect `Clock`
 * while someone else holds it, breaks a lock that is stale (not refreshed
 * within `staleLockTimeout`, whose holder pid on this host is gone, owned by
 * another user or dated in the future; only the very file judged is
 * removed), keeps its own fresh while the effect runs, and removes it only if
 * it is still its own, however the effect ends. Lock trouble other than
 * contention (e.g. EACCES, or something other than a regular file at the lock
 * path), or waiting longer than `lockWaitTimeout`, runs the effect without
 * the lock, logged.
 *
 * Needs `FileSystem` and `Path` from `@effect/platform`: provide
 * `NodeContext.layer` (or `NodeFileSystem.layer` and `NodePath.layer`).
 *
 * @since 0.3.0
 * @category constructors
 */
export const make: (options: Options) => Effect.Effect<TokenStoreService, never, FileSystem.FileSystem | Path.Path> =
  FileStore.make

/**
 * @since 0.3.0
 * @category layers
 */
export const layer = (options: Options): Layer.Layer<TokenStore, never, FileSystem.FileSystem | Path.Path> =>
  Layer.effect(TokenStore, make(options))
