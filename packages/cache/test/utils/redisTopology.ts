/**
 * Real distributed Redis for the tests, from the same `redis-server` binary:
 * a Cluster of 3 masters and a Sentinel setup (a primary, a replica, 3
 * sentinels). Every process listens on 127.0.0.1 on a free random port (the
 * cluster bus too), works in its own temporary directory and is killed, with
 * the directory, when the scope closes.
 */
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Schedule from "effect/Schedule"
import type * as Scope from "effect/Scope"
import { Redis } from "ioredis"
import { type ChildProcess, spawn, spawnSync } from "node:child_process"
import * as Fs from "node:fs"
import * as Os from "node:os"
import * as Path from "node:path"
import { freePort, ping } from "./redis.js"

/** One redis-server (or sentinel) of ours. */
export interface Node {
  readonly port: number
  /** Kills it now (SIGKILL); also done when the scope closes. */
  readonly kill: Effect.Effect<void>
}

const tempDir = Effect.acquireRelease(
  Effect.sync(() => Fs.mkdtempSync(Path.join(Os.tmpdir(), "ek-redis-"))),
  (dir) => Effect.sync(() => Fs.rmSync(dir, { recursive: true, force: true }))
)

/** Polls `check` every 50 ms until it is true, failing after `within`. */
export const untilTrue = (check: () => Promise<boolean>, what: string, within = Duration.seconds(20)) =>
  Effect.tryPromise({ try: check, catch: (e) => new Error(String(e)) }).pipe(
    Effect.filterOrFail((ok) => ok, () => new Error(`not yet: ${what}`)),
    Effect.retry(Schedule.spaced(Duration.millis(50)).pipe(Schedule.upTo(within))),
    Effect.asVoid
  )

/** Runs `f` on a short-lived plain connection to `port`. */
export const onNode = <A>(port: number, f: (redis: Redis) => Promise<A>): Promise<A> => {
  const redis = new Redis({ host: "127.0.0.1", port, lazyConnect: true, maxRetriesPerRequest: 0, connectTimeout: 1_000 })
  redis.on("error", () => {})
  return redis.connect().then(() => f(redis)).finally(() => redis.disconnect())
}

/** Starts `redis-server <args>` (port first) in a fresh directory; answers PING before it returns. */
const startNode = (
  args: (port: number, dir: string) => ReadonlyArray<string>,
  port?: number
): Effect.Effect<Node, Error, Scope.Scope> =>
  Effect.gen(function*() {
    if (spawnSync("redis-server", ["--version"], { stdio: "ignore" }).status !== 0) {
      return yield* Effect.fail(new Error("these tests need redis-server: apt-get install redis-server"))
    }
    const dir = yield* tempDir
    const p = port ?? (yield* Effect.promise(freePort))
    const child: ChildProcess = yield* Effect.acquireRelease(
      Effect.sync(() => spawn("redis-server", [...args(p, dir)], { cwd: dir, stdio: "ignore" })),
      (c) =>
        Effect.async<void>((resume) => {
          if (c.exitCode !== null || c.signalCode !== null) return resume(Effect.void)
          c.once("exit", () => resume(Effect.void))
          c.kill("SIGKILL")
        })
    )
    yield* untilTrue(() => ping("127.0.0.1", p, 200), `redis-server on ${p} answers`, Duration.seconds(10))
    const kill = Effect.sync(() => {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL")
    })
    return { port: p, kill }
  })

const common = (port: number) => ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"]

/**
 * A Cluster of `masters` masters (no replicas), all 16384 slots assigned,
 * `cluster_state:ok` on every node.
 */
export const cluster = (masters = 3): Effect.Effect<ReadonlyArray<Node>, Error, Scope.Scope> =>
  Effect.gen(function*() {
    const nodes = yield* Effect.forEach(Array.from({ length: masters }), () =>
      Effect.flatMap(Effect.promise(freePort), (busPort) =>
        Effect.map(startNode((port, dir) => [
          ...common(port),
          "--cluster-enabled",
          "yes",
          "--cluster-port",
          String(busPort),
          "--cluster-config-file",
          Path.join(dir, "nodes.conf"),
          "--cluster-node-timeout",
          "2000"
        ]), (node) => ({ ...node, busPort }))))
    // slots by hand (faster than redis-cli --cluster create's waits): even ranges, then MEET
    const per = Math.ceil(16384 / masters)
    yield* Effect.promise(() =>
      Promise.all(nodes.map((node, i) =>
        onNode(node.port, (r) => r.call("CLUSTER", "ADDSLOTSRANGE", String(i * per), String(Math.min(16383, (i + 1) * per - 1))))
      ))
    )
    const first = nodes[0]!
    yield* Effect.promise(() =>
      onNode(first.port, async (r) => {
        for (const node of nodes.slice(1)) await r.call("CLUSTER", "MEET", "127.0.0.1", String(node.port), String(node.busPort))
      })
    )
    yield* untilTrue(
      () =>
        Promise.all(nodes.map((node) => onNode(node.port, (r) => r.call("CLUSTER", "INFO")))).then((infos) =>
          infos.every((info) => String(info).includes("cluster_state:ok") && String(info).includes(`cluster_known_nodes:${masters}`))
        ),
      "cluster_state:ok on every node"
    )
    return nodes
  })

/** A primary, its replica and three sentinels monitoring them as `name`. */
export interface SentinelSetup {
  readonly name: string
  readonly primary: Node
  readonly replica: Node
  readonly sentinels: ReadonlyArray<Node>
  /** The address the sentinels give for the primary now. */
  readonly primaryPort: Effect.Effect<number>
}

export const sentinel = (name = "mymaster"): Effect.Effect<SentinelSetup, Error, Scope.Scope> =>
  Effect.gen(function*() {
    const primary = yield* startNode((port) => common(port))
    const replica = yield* startNode((port) => [...common(port), "--replicaof", "127.0.0.1", String(primary.port)])
    yield* untilTrue(
      () => onNode(replica.port, (r) => r.info("replication")).then((info) => info.includes("master_link_status:up")),
      "replica in sync"
    )
    const sentinels = yield* Effect.forEach([0, 1, 2], () =>
      startNode((port, dir) => {
        const file = Path.join(dir, "sentinel.conf")
        Fs.writeFileSync(
          file,
          [
            `port ${port}`,
            "bind 127.0.0.1",
            `dir ${dir}`,
            `sentinel monitor ${name} 127.0.0.1 ${primary.port} 2`,
            `sentinel down-after-milliseconds ${name} 1000`,
            `sentinel failover-timeout ${name} 5000`,
            `sentinel parallel-syncs ${name} 1`,
            ""
          ].join("\n")
        )
        return [file, "--sentinel"]
      }))
    yield* untilTrue(
      () =>
        Promise.all(sentinels.map((s) =>
          onNode(s.port, async (r) => {
            const replicas = (await r.call("SENTINEL", "REPLICAS", name)) as Array<unknown>
            const peers = (await r.call("SENTINEL", "SENTINELS", name)) as Array<unknown>
            return replicas.length === 1 && peers.length === 2
          })
        )).then((all) => all.every(Boolean)),
      "every sentinel knows the replica and the other sentinels"
    )
    const primaryPort = Effect.promise(() =>
      onNode(sentinels[0]!.port, (r) => r.call("SENTINEL", "GET-MASTER-ADDR-BY-NAME", name)).then((addr) =>
        Number((addr as Array<string>)[1])
      )
    )
    return { name, primary, replica, sentinels, primaryPort }
  })
