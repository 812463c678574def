/**
 * `--cache memory|file|redis` and `--cache-url` as a `TokenStore` layer.
 *
 * @since 0.1.0
 */
import type * as FileSystem from "@effect/platform/FileSystem"
import type * as Path from "@effect/platform/Path"
import { TokenStore } from "@effect-keystone/cache"
import * as FileTokenStore from "@effect-keystone/cache/FileTokenStore"
import * as Config from "effect/Config"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Option from "effect/Option"
import * as os from "node:os"
import * as path from "node:path"
import type { CacheKind } from "./CliOptions.js"
import { UsageError } from "./CliError.js"

/**
 * @since 0.1.0
 * @category defaults
 */
export const defaultRedisUrl = "redis://127.0.0.1:6379"

/**
 * `$XDG_CACHE_HOME/effect-keystone`, else `~/.cache/effect-keystone`.
 *
 * @since 0.1.0
 * @category defaults
 */
export const defaultDirectory: Effect.Effect<string> = Effect.gen(function*() {
  const xdg = yield* Config.option(Config.string("XDG_CACHE_HOME")).pipe(Effect.orElseSucceed(() => Option.none()))
  const home = yield* Config.option(Config.string("HOME")).pipe(Effect.orElseSucceed(() => Option.none()))
  const base = Option.getOrElse(
    Option.filter(xdg, (d) => d !== ""),
    () => path.join(Option.getOrElse(Option.filter(home, (h) => h !== ""), () => os.homedir()), ".cache")
  )
  return path.join(base, "effect-keystone")
})

/**
 * The store for `--cache`: memory (nothing kept across runs), a directory,
 * or Redis (`RedisTokenStore` and ioredis imported only then).
 *
 * @since 0.1.0
 * @category layers
 */
export const layer = (
  kind: CacheKind,
  url: Option.Option<string>
): Layer.Layer<TokenStore.TokenStore, UsageError, FileSystem.FileSystem | Path.Path> => {
  switch (kind) {
    case "memory":
      return Option.isSome(url)
        ? Layer.fail(new UsageError({ message: "--cache-url needs --cache file or --cache redis" }))
        : TokenStore.layerMemory
    case "file":
      return Layer.unwrapEffect(
        Effect.map(
          Option.match(url, { onNone: () => defaultDirectory, onSome: Effect.succeed }),
          (directory) => FileTokenStore.layer({ directory: path.resolve(directory) })
        )
      )
    case "redis": {
      const target = Option.getOrElse(url, () => defaultRedisUrl)
      if (!/^rediss?:\/\//.test(target)) {
        return Layer.fail(new UsageError({ message: `--cache-url must be a redis:// or rediss:// URL for --cache redis` }))
      }
      // ioredis (some 60 modules) is loaded only when asked for: every other run starts without it
      return Layer.unwrapEffect(
        Effect.map(Effect.promise(() => import("@effect-keystone/cache/RedisTokenStore")), (RedisTokenStore) =>
          RedisTokenStore.layer({ url: target }))
      )
    }
  }
}
