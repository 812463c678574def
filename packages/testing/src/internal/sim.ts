/**
 * The simulator's core: state, routing, faults and counters around the
 * v3 and v2.0 handlers.
 */
import { Url } from "@effect-keystone/schema"
import * as Clock from "effect/Clock"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import type * as Fault from "../Fault.js"
import type { KeystoneSimService, Seed } from "../KeystoneSim.js"
import * as client from "./client.js"
import type { Ctx, Settings } from "./context.js"
import * as defaults from "./defaultSeed.js"
import * as directory from "./directory.js"
import * as faults from "./faults.js"
import type { Outcome, SimRequest, SimResponse } from "./http.js"
import * as ids from "./ids.js"
import * as router from "./router.js"
import * as tokenStore from "./tokens.js"

export const routeKeys = router.routeKeys

export const DEFAULT_BASE_URL = "http://keystone.test"

const encoder = new TextEncoder()

/** Keystone's headers on every answer; HEAD keeps the length but loses the body. */
const finish = (req: SimRequest, res: SimResponse): SimResponse => ({
  ...res,
  headers: {
    ...res.headers,
    ...(res.body === undefined ? {} : { "content-length": String(encoder.encode(res.body).length) }),
    vary: "X-Auth-Token",
    "x-openstack-request-id": ids.requestId()
  },
  body: req.method.toUpperCase() === "HEAD" ? undefined : res.body
})

const bare = (req: SimRequest, res: SimResponse): SimResponse => ({
  ...res,
  headers: { ...res.headers, ...(res.body === undefined ? {} : { "content-length": String(encoder.encode(res.body).length) }) },
  body: req.method.toUpperCase() === "HEAD" ? undefined : res.body
})

export interface Sim {
  readonly service: KeystoneSimService
  readonly respond: (req: SimRequest) => Effect.Effect<Outcome>
}

export const unsafeMake = (partial: Partial<Seed> | undefined, baseUrl: string): Sim => {
  const seed: Seed = { ...defaults.seed, ...partial }
  const dir = directory.make(seed)
  const tokens = tokenStore.make()
  const queue = faults.make()
  const settings: Settings = {
    tokenLifetimeMillis: Duration.toMillis(seed.tokenLifetime),
    allowExpiredWindowMillis: Duration.toMillis(seed.allowExpiredWindow ?? "48 hours"),
    receiptLifetimeMillis: Duration.toMillis(seed.receiptLifetime ?? "5 minutes")
  }
  const route = router.make(seed.versions ?? ["v3", "v2.0"])
  const counts = new Map<string, number>()
  let down = false

  const respond = (req: SimRequest): Effect.Effect<Outcome> =>
    Effect.gen(function*() {
      const { handler, key } = route(req, { dir })
      counts.set(key, (counts.get(key) ?? 0) + 1)
      if (down) return { _tag: "Dropped", description: "connect ECONNREFUSED (KeystoneSim is down)" } as const
      const fault = queue.take(key)
      switch (fault?._tag) {
        case "Reset":
          return { _tag: "Dropped", description: "socket hang up (KeystoneSim reset the connection)" } as const
        case "Status":
          return finish(req, faults.status(fault, baseUrl))
        case "Latency":
          yield* Effect.sleep(fault.duration)
          break
        case "Malformed":
          if (fault.kind === "html") return bare(req, faults.html(fault))
      }
      const ctx: Ctx = { baseUrl, dir, tokens, settings, now: yield* Clock.currentTimeMillis }
      const res = handler(req, ctx)
      return finish(
        req,
        fault?._tag === "Malformed" || fault?._tag === "MissingSubjectToken" ? faults.spoil(fault, res) : res
      )
    })

  const service: KeystoneSimService = {
    baseUrl,
    authUrl: `${baseUrl}/v3`,
    authUrlV2: `${baseUrl}/v2.0`,
    seed,
    handle: client.handler(respond),
    count: (key) =>
      Effect.sync(() => key === undefined ? [...counts.values()].reduce((a, b) => a + b, 0) : counts.get(key) ?? 0),
    counts: Effect.sync(() => Object.fromEntries(counts)),
    resetCounts: Effect.sync(() => counts.clear()),
    inject: (fault: Fault.Fault) => Effect.sync(() => queue.inject(fault)),
    clearFaults: Effect.sync(() => queue.clear()),
    revokeAll: Effect.sync(() => tokens.revokeAll()),
    revoke: (id) => Effect.sync(() => tokens.revoke(id)),
    setTokenLifetime: (lifetime) =>
      Effect.sync(() => {
        settings.tokenLifetimeMillis = Duration.toMillis(lifetime)
      }),
    tokensIssued: Effect.sync(() => tokens.issued()),
    setDown: Effect.sync(() => {
      down = true
    }),
    setUp: Effect.sync(() => {
      down = false
    })
  }
  return { service, respond }
}

export const make = (seed?: Partial<Seed>, options?: { readonly baseUrl?: string }): Effect.Effect<KeystoneSimService> =>
  Effect.sync(() => unsafeMake(seed, Url.withoutTrailingSlashes(options?.baseUrl ?? DEFAULT_BASE_URL)).service)
