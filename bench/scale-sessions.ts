/**
 * The scale bench's own process (`node --expose-gc --import tsx`, spawned by
 * `scale.bench.ts`): `N` `KeystoneSession`s, one user each, in one process
 * against the in-memory `KeystoneSim`. Prints one JSON line: the heap each
 * session holds once it has its token (after GC), the process's CPU while
 * the sessions idle, and the live fibers and `Timeout`s they leave.
 */
import { KeystoneSession, TokenStore } from "@effect-keystone/cache"
import { AuthScope, Credentials, KeystoneClient } from "@effect-keystone/client"
import { KeystoneSim } from "@effect-keystone/testing"
import { Duration, Effect, Exit, Layer, Logger, LogLevel, Redacted, Scope, Supervisor } from "effect"

const sessions = Number(process.argv[2] ?? 10_000)
const idleMillis = Number(process.argv[3] ?? 5_000)

/**
 * The heap in use once what just ran is collectable: after a pause (an
 * answered request's objects stay reachable for a moment after its fiber
 * ends) and two full GCs (the first can leave finalizable garbage).
 */
const heapUsed = Effect.gen(function*() {
  const collect = (globalThis as { gc?: () => void }).gc
  if (collect === undefined) throw new Error("run with node --expose-gc")
  yield* Effect.sleep("500 millis")
  collect()
  collect()
  return process.memoryUsage().heapUsed
})

/** Live `setTimeout`s (and intervals) of this process. */
const timeouts = () => process.getActiveResourcesInfo().filter((r) => r === "Timeout").length

const user = (i: number) => ({ id: `scale-user-${i}`, name: `scale-user-${i}`, password: `scale-password-${i}` })

const seed: Partial<KeystoneSim.Seed> = {
  users: [
    ...KeystoneSim.defaultSeed.users,
    ...Array.from({ length: sessions + 1 }, (_, i) => ({ ...user(i), domainId: "default", defaultProjectId: KeystoneSim.Projects.demo.id }))
  ],
  assignments: [
    ...KeystoneSim.defaultSeed.assignments,
    ...Array.from({ length: sessions + 1 }, (_, i) => ({
      userId: user(i).id,
      roleId: KeystoneSim.Roles.member.id,
      projectId: KeystoneSim.Projects.demo.id
    }))
  ],
  tokenLifetime: "12 hours"
}

const optionsOf = (i: number): KeystoneSession.Options => ({
  auth: {
    credentials: Credentials.password({ username: user(i).name, domain: { id: "default" }, password: Redacted.make(user(i).password) }),
    scope: AuthScope.project({ id: KeystoneSim.Projects.demo.id })
  }
})

/** Opens `count` sessions (users `from`… ) in `scope` and waits until each holds its first token. */
const open = (scope: Scope.Scope, from: number, count: number) =>
  Effect.forEach(
    Array.from({ length: count }, (_, i) => from + i),
    (i) => Effect.flatMap(Scope.extend(KeystoneSession.make(optionsOf(i)), scope), (s) => s.token),
    { concurrency: 64, discard: true }
  )

/** The process's CPU over `millis` of doing nothing, after a second for what just ran (a GC's sweeping) to finish. */
const idleCpu = (millis: number) =>
  Effect.gen(function*() {
    yield* Effect.sleep("1 second")
    const before = process.cpuUsage()
    yield* Effect.sleep(Duration.millis(millis))
    const used = process.cpuUsage(before)
    return (used.user + used.system) / 1000
  })

const main = Effect.gen(function*() {
  const supervisor = yield* Supervisor.track
  // warm-up: one session opened, used and closed, so the figures below hold no one-off costs
  const warm = yield* Scope.make()
  yield* open(warm, sessions, 1)
  yield* Scope.close(warm, Exit.void)
  const cpuBaseline = yield* idleCpu(idleMillis)

  const client = yield* KeystoneClient.KeystoneClient
  const store = yield* TokenStore.TokenStore
  const users = Array.from({ length: sessions }, (_, i) => i)
  const concurrency = 64
  // every user logs in once first: what the simulator keeps per user is not a session's
  yield* Effect.forEach(users, (i) => client.issue(optionsOf(i).auth), { concurrency, discard: true })

  // what holding a token costs without a session: the same logins through the client, each token kept,
  // with the store's copy (under another key) and the simulator's record of it, as a session's own token has
  const heapNoTokens = yield* heapUsed
  const held = yield* Effect.forEach(
    users,
    (i) =>
      Effect.tap(client.issue(optionsOf(i).auth), (token) =>
        store.set(TokenStore.key({ authUrl: `${client.authUrl}#baseline`, auth: optionsOf(i).auth }), token)),
    { concurrency }
  )
  const heapBytesPerToken = ((yield* heapUsed) - heapNoTokens) / sessions

  const heapBefore = yield* heapUsed
  const timersBefore = timeouts()
  const fibersBefore = (yield* supervisor.value).length

  const scope = yield* Scope.make()
  const started = Date.now()
  const cpuAtStart = process.cpuUsage()
  yield* Effect.supervised(open(scope, 0, sessions), supervisor)
  const openMillis = Date.now() - started
  const openCpu = process.cpuUsage(cpuAtStart)
  const heapAfter = yield* heapUsed
  const timersAfter = timeouts()
  const fibersAfter = (yield* supervisor.value).length
  const cpuIdle = yield* idleCpu(idleMillis)
  yield* Scope.close(scope, Exit.void)

  console.log(JSON.stringify({
    sessions,
    openMillis,
    openCpuMs: (openCpu.user + openCpu.system) / 1000,
    idleMillis,
    heapBytesPerSession: (heapAfter - heapBefore) / sessions,
    heapBytesPerToken,
    tokensHeld: held.length,
    heapBefore,
    heapAfter,
    timers: timersAfter - timersBefore,
    fibers: fibersAfter - fibersBefore,
    cpuIdleMs: cpuIdle,
    cpuBaselineMs: cpuBaseline
  }))
})

const MainLive = Layer.mergeAll(TokenStore.layerMemory, KeystoneClient.layer({ authUrl: "http://keystone.test/v3" })).pipe(
  Layer.provideMerge(KeystoneSim.layer(seed))
)

// the sim's plain-http auth URL is warned about once; only errors would matter here
Effect.runPromise(main.pipe(Effect.provide(MainLive), Logger.withMinimumLogLevel(LogLevel.Error))).catch((e) => {
  console.error(e)
  process.exit(1)
})
