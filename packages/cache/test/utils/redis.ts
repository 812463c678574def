/**
 * A Redis for the tests, never a skip:
 *
 * 1. `REDIS_URL` if set;
 * 2. else 127.0.0.1:6379 if it answers PING;
 * 3. else a private `redis-server` on a free port (no persistence), killed at the end;
 * 4. else fail: "Redis tests need redis-server: apt-get install redis-server, or set REDIS_URL".
 */
import { afterAll, beforeAll } from "@effect/vitest"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import * as Schedule from "effect/Schedule"
import * as Scope from "effect/Scope"
import { type ChildProcess, spawn, spawnSync } from "node:child_process"
import { randomUUID } from "node:crypto"
import { Redis } from "ioredis"
import * as Net from "node:net"

const missing = "Redis tests need redis-server: apt-get install redis-server, or set REDIS_URL"

/** Sends PING over a raw socket; true on `+PONG` within `timeoutMs`. */
export const ping = (host: string, port: number, timeoutMs = 500): Promise<boolean> =>
  new Promise((resolve) => {
    const socket = Net.connect({ host, port })
    let data = ""
    const done = (ok: boolean) => {
      socket.destroy()
      resolve(ok)
    }
    socket.setTimeout(timeoutMs, () => done(false))
    socket.on("error", () => done(false))
    socket.on("connect", () => socket.write("PING\r\n"))
    socket.on("data", (chunk) => {
      data += chunk.toString()
      if (data.includes("\r\n")) done(data.startsWith("+PONG"))
    })
  })

/** A TCP port nobody listens on right now. */
export const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const server = Net.createServer()
    server.on("error", reject)
    server.listen(0, "127.0.0.1", () => {
      const address = server.address()
      const port = typeof address === "object" && address !== null ? address.port : 0
      server.close(() => resolve(port))
    })
  })

const hasRedisServer = (): boolean => spawnSync("redis-server", ["--version"], { stdio: "ignore" }).status === 0

/** A redis-server of our own that can be stopped and started again on the same port. */
export interface PrivateRedis {
  readonly port: number
  readonly url: string
  readonly start: Effect.Effect<void, Error>
  readonly stop: Effect.Effect<void>
}

/**
 * Starts a private `redis-server --port <free> --save "" --appendonly no`;
 * stopped when the scope closes.
 */
export const privateRedis: Effect.Effect<PrivateRedis, Error, Scope.Scope> = Effect.gen(function*() {
  if (!hasRedisServer()) return yield* Effect.fail(new Error(missing))
  const port = yield* Effect.promise(freePort)
  let child: ChildProcess | undefined
  const stop = Effect.promise(() =>
    new Promise<void>((resolve) => {
      const c = child
      child = undefined
      if (c === undefined || c.exitCode !== null || c.signalCode !== null) return resolve()
      c.once("exit", () => resolve())
      c.kill("SIGTERM")
    })
  )
  const start = Effect.gen(function*() {
    if (child !== undefined) return
    const c = spawn("redis-server", ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"], {
      stdio: "ignore"
    })
    child = c
    yield* Effect.tryPromise({ try: () => ping("127.0.0.1", port, 200), catch: (e) => new Error(String(e)) }).pipe(
      Effect.filterOrFail((ok) => ok, () => new Error(`redis-server on port ${port} does not answer`)),
      Effect.retry(Schedule.spaced(Duration.millis(50)).pipe(Schedule.upTo(Duration.seconds(10))))
    )
  })
  yield* Effect.addFinalizer(() => stop)
  yield* start
  return { port, url: `redis://127.0.0.1:${port}`, start, stop }
})

/** The URL the suite uses (see the module comment), valid until the scope closes. */
export const redisUrl: Effect.Effect<string, Error, Scope.Scope> = Effect.gen(function*() {
  const fromEnv = process.env.REDIS_URL
  if (fromEnv !== undefined && fromEnv !== "") return fromEnv
  if (yield* Effect.promise(() => ping("127.0.0.1", 6379))) return "redis://127.0.0.1:6379"
  const server = yield* privateRedis
  return server.url
})

/**
 * Registers `beforeAll`/`afterAll` hooks that find (or start) a Redis;
 * returns a getter for its URL, usable inside tests.
 */
export const useRedisUrl = (): (() => string) => {
  const scope = Effect.runSync(Scope.make())
  let url: string | undefined
  beforeAll(async () => {
    url = await Effect.runPromise(Scope.extend(redisUrl, scope))
  }, 20_000)
  afterAll(async () => {
    // drop whatever this run left behind (entries that never expire, mostly)
    if (url !== undefined) {
      const client = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 1, connectTimeout: 2_000 })
      try {
        await client.connect()
        const keys = await client.keys(`${runPrefix}*`)
        if (keys.length > 0) await client.del(...keys)
      } catch {
        // the server may be gone already (a private one); nothing to clean then
      } finally {
        client.disconnect()
      }
    }
    await Effect.runPromise(Scope.close(scope, Exit.void))
  })
  return () => {
    if (url === undefined) throw new Error(missing)
    return url
  }
}

/**
 * Registers `beforeAll`/`afterAll` hooks around a private redis-server (see
 * `privateRedis`), for suites that measure the server or plant large values;
 * returns a getter for it.
 */
export const usePrivateRedis = (): (() => PrivateRedis) => {
  const scope = Effect.runSync(Scope.make())
  let server: PrivateRedis | undefined
  beforeAll(async () => {
    server = await Effect.runPromise(Scope.extend(privateRedis, scope))
  }, 20_000)
  afterAll(() => Effect.runPromise(Scope.close(scope, Exit.void)))
  return () => {
    if (server === undefined) throw new Error(missing)
    return server
  }
}

const runPrefix = `effect-keystone-test:${randomUUID()}:`

/** A key prefix unique to this run (and label), so concurrent runs never collide; removed after the suite. */
export const uniquePrefix = (label: string): string => `${runPrefix}${label}:${randomUUID()}:`

/** A plain client of our own (closed with the scope), to look at or plant what a store reads and writes. */
export const inspectRedis = (url: string) =>
  Effect.acquireRelease(
    Effect.promise(async () => {
      const client = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 1 })
      await client.connect()
      return client
    }),
    (client) => Effect.promise(() => client.quit().catch(() => client.disconnect()))
  )
