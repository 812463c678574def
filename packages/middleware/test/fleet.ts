/**
 * A fleet of `AuthToken.makeFleet` processes on one simulator and one feed
 * (test wiring): each process in a scope of its own (closed with the test's,
 * or earlier: a process that stops), its metrics tagged with its name.
 */
import { TokenStore } from "@effect-keystone/cache"
import * as KeystoneMetrics from "@effect-keystone/client/KeystoneMetrics"
import type * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as ExecutionStrategy from "effect/ExecutionStrategy"
import * as Exit from "effect/Exit"
import * as Metric from "effect/Metric"
import * as Scope from "effect/Scope"
import type * as AuthToken from "../src/AuthToken.js"
import { sha256Hex } from "../src/internal/digest.js"
import * as Fleet from "../src/internal/fleet.js"
import * as Poller from "../src/internal/poller.js"
import type * as RevocationFeed from "../src/RevocationFeed.js"
import { type Env, newKey } from "./support.js"

export interface Member {
  readonly name: string
  readonly auth: AuthToken.AuthTokenService
  /** Stops the process (its scope closes: the poller gives its lease up). */
  readonly stop: Effect.Effect<void>
}

export interface FleetSetup {
  readonly env: Env
  /** The bare backend, the keys, the feed every member uses. */
  readonly store: TokenStore.TokenStoreService
  readonly keys: readonly [ReturnType<typeof newKey>]
  /** The topic of the simulator's Keystone, and the context its messages are sealed under. */
  readonly topic: string
  readonly context: string
  /** Starts a member named `name` (with `feed`, default the fleet's; `pollEvery`, default the fleet's). */
  readonly start: (
    name: string,
    feed?: RevocationFeed.RevocationFeedService,
    pollEvery?: Duration.DurationInput | false
  ) => Effect.Effect<Member>
  /** A counter's value for member `name`. */
  readonly count: (name: string, metric: Metric.Metric.Counter<number>, tags?: Record<string, string>) => Effect.Effect<number>
  /** Successful polls of member `name`. */
  readonly polls: (name: string) => Effect.Effect<number>
}

/** Members poll every `pollEvery` (default 5 s) through `feed`; `store` defaults to a memory store. */
export const makeFleet = (
  env: Env,
  feed: RevocationFeed.RevocationFeedService,
  options?: {
    readonly pollEvery?: Duration.DurationInput | undefined
    readonly store?: TokenStore.TokenStoreService | undefined
  }
): Effect.Effect<FleetSetup, never, Scope.Scope> =>
  Effect.gen(function*() {
    const store = options?.store ?? (yield* TokenStore.makeMemory)
    const keys = [newKey()] as const
    const run = crypto.randomUUID()
    const outer = yield* Effect.scope
    const tagged = (name: string) => Effect.tagMetrics({ fleet: run, process: name })
    const topic = sha256Hex(Poller.v3Url(env.client.authUrl)).slice(0, 16)
    const count = (name: string, metric: Metric.Metric.Counter<number>, tags: Record<string, string> = {}) =>
      tagged(name)(Effect.map(Metric.value(KeystoneMetrics.withTags(metric, tags)), (s) => s.count))
    return {
      env,
      store,
      keys,
      topic,
      context: Fleet.context(topic),
      start: (name, own, pollEvery) =>
        Effect.gen(function*() {
          const scope = yield* Scope.fork(outer, ExecutionStrategy.sequential)
          const auth = yield* env.another(
            { revocation: { pollEvery: pollEvery ?? options?.pollEvery ?? "5 seconds" } },
            { store, keys, feed: own ?? feed }
          ).pipe(Scope.extend(scope), tagged(name))
          return { name, auth, stop: Scope.close(scope, Exit.void) } satisfies Member
        }),
      count,
      polls: (name) => count(name, KeystoneMetrics.revocationPolls, { result: "ok" })
    }
  })
