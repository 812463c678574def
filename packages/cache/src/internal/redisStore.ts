/**
 * The Redis backend of `TokenStore`, on ioredis.
 *
 * Values are envelope strings under `${prefix}token:${key}` with a `PX` TTL of
 * the token's remaining life; locks (`RedisLock`) are `${prefix}lock:${key}`.
 *
 * Nothing here waits on Redis for longer than the operation timeout: the
 * store never lets commands queue while disconnected (it waits for the
 * connection to be ready, failing on the first connection error), and every
 * operation is bounded by `timeout` as well as ioredis' own `commandTimeout`.
 */
import * as DateTime from "effect/DateTime"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Option from "effect/Option"
import type * as Scope from "effect/Scope"
import type * as RedisTokenStore from "../RedisTokenStore.js"
import type * as TokenStore from "../TokenStore.js"
import * as Envelope from "./envelope.js"
import * as RedisConnection from "./redisConnection.js"
import * as RedisLock from "./redisLock.js"
import { TokenStoreError } from "./storeErrors.js"
import * as StoreMetrics from "./storeMetrics.js"

/**
 * GET that first checks the type and size in Redis: `nil` when absent, the
 * value, its length when over `ARGV[1]` bytes, or `{type}` when not a string.
 */
const readScript = `local kind = redis.call("type", KEYS[1])["ok"]
if kind == "none" then return false end
if kind ~= "string" then return {kind} end
local size = redis.call("strlen", KEYS[1])
if size > tonumber(ARGV[1]) then return size end
return redis.call("get", KEYS[1])`

/**
 * @since 0.1.0
 * @internal
 */
export const make = (
  connection: RedisTokenStore.Connection,
  options: RedisTokenStore.Options = {}
): Effect.Effect<TokenStore.TokenStoreService, never, Scope.Scope> =>
  Effect.gen(function*() {
    const client = yield* RedisConnection.open(connection)

    const prefix = options.prefix ?? "effect-keystone:"
    const timeout = Duration.decode(options.timeout ?? Duration.seconds(3))
    const maxEntryBytes = Math.max(1, Math.floor(options.maxEntryBytes ?? 4 * 1024 * 1024))
    const tokenKey = (key: TokenStore.StoreKey) => `${prefix}token:${key}`

    /** A command, once connected, bounded in time; failures as descriptions. */
    const command = RedisConnection.command(client, timeout)

    const run = <A>(
      operation: TokenStoreError["operation"],
      key: TokenStore.StoreKey,
      f: () => Promise<A>
    ): Effect.Effect<A, TokenStoreError> =>
      command(f).pipe(
        Effect.mapError((message) =>
          new TokenStoreError({ backend: "redis", operation, message: `${operation} ${key}: ${message}` })
        )
      )

    const warnMiss = (key: TokenStore.StoreKey, reason: string) => Envelope.warnMiss({ backend: "redis", key }, reason)

    const rawGet = (key: TokenStore.StoreKey): Effect.Effect<Option.Option<string>, TokenStoreError> =>
      run("get", key, () => client.eval(readScript, 1, tokenKey(key), maxEntryBytes)).pipe(
        Effect.flatMap((reply: unknown) => {
          if (reply === null) return Effect.succeed(Option.none())
          if (typeof reply === "string") return Effect.succeed(Option.some(reply))
          if (typeof reply === "number") return warnMiss(key, `too large (${reply} bytes > ${maxEntryBytes})`)
          const kind = Array.isArray(reply) && typeof reply[0] === "string" ? reply[0].slice(0, 20) : typeof reply
          return warnMiss(key, `not a string (${kind})`)
        })
      )

    const rawSet = (
      key: TokenStore.StoreKey,
      value: string,
      expiresAt: Option.Option<DateTime.Utc>
    ): Effect.Effect<void, TokenStoreError> =>
      Effect.flatMap(DateTime.now, (now) => {
        const size = Buffer.byteLength(value, "utf8")
        if (size > maxEntryBytes) {
          return Effect.fail(
            new TokenStoreError({
              backend: "redis",
              operation: "set",
              message: `set ${key}: entry of ${size} bytes is over maxEntryBytes (${maxEntryBytes})`
            })
          )
        }
        const ttl = Option.map(
          expiresAt,
          (exp) => Math.max(1, Math.ceil(DateTime.toEpochMillis(exp) - DateTime.toEpochMillis(now)))
        )
        return run("set", key, () =>
          Option.isSome(ttl)
            ? client.set(tokenKey(key), value, "PX", ttl.value)
            : client.set(tokenKey(key), value)).pipe(Effect.asVoid)
      })

    const { get, set } = Envelope.entries({ get: rawGet, set: rawSet }, (key) => ({ backend: "redis", key }))

    const remove = (key: TokenStore.StoreKey): Effect.Effect<void, TokenStoreError> =>
      Effect.asVoid(run("remove", key, () => client.del(tokenKey(key))))

    const withLock = RedisLock.make({
      script: (source, key, args) => command(() => client.eval(source, 1, key, ...args)),
      lockKey: (key) => `${prefix}lock:${key}`,
      ttl: options.lockTtl ?? Duration.seconds(30),
      waitTimeout: options.lockWaitTimeout ?? Duration.seconds(60)
    })

    return StoreMetrics.instrument({ backend: "redis", get, set, remove, withLock, raw: { get: rawGet, set: rawSet } })
  })
