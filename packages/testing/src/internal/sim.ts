/**
 * The simulator's core: state, faults and counters around the v3 and v2.0
 * handlers, served as an `HttpApp` (see `router.ts`).
 */
import * as HttpServerRequest from "@effect/platform/HttpServerRequest"
import * as Clock from "effect/Clock"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import type * as Fault from "../Fault.js"
import type { KeystoneSimService, Seed } from "../KeystoneSim.js"
import * as client from "./client.js"
import type { Ctx, Settings } from "./context.js"
import * as defaults from "./defaultSeed.js"
import * as directory from "./directory.js"
import * as exchange from "./exchange.js"
import * as faults from "./faults.js"
import * as federation from "./federation.js"
import type { SimRequest, SimResponse } from "./http.js"
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

export const make = (partial: Partial<Seed> | undefined, baseUrl: string): Effect.Effect<KeystoneSimService> =>
  Effect.gen(function*() {
    const seed: Seed = { ...defaults.seed, ...partial }
    const dir = directory.make(seed)
    const tokens = tokenStore.make()
    const queue = faults.make()
    const federated = federation.makeRegistry()
    const settings: Settings = {
      tokenLifetimeMillis: Duration.toMillis(seed.tokenLifetime),
      allowExpiredWindowMillis: Duration.toMillis(seed.allowExpiredWindow ?? "48 hours"),
      receiptLifetimeMillis: Duration.toMillis(seed.receiptLifetime ?? "5 minutes")
    }
    const counts = new Map<string, number>()
    let down = false

    const respond: router.Respond = (key, handler) =>
      Effect.gen(function*() {
        const req = yield* exchange.simRequest(yield* HttpServerRequest.HttpServerRequest, baseUrl)
        counts.set(key, (counts.get(key) ?? 0) + 1)
        if (down) return yield* exchange.drop("connect ECONNREFUSED (KeystoneSim is down)")
        const fault = queue.take(key)
        switch (fault?._tag) {
          case "Reset":
            return yield* exchange.drop("socket hang up (KeystoneSim reset the connection)")
          case "Status":
            return exchange.serverResponse(finish(req, faults.status(fault, baseUrl)))
          case "Latency":
            yield* Effect.sleep(fault.duration)
            break
          case "Malformed":
            if (fault.kind === "html") return exchange.serverResponse(bare(req, faults.html(fault)))
        }
        const ctx: Ctx = { baseUrl, dir, tokens, settings, federation: federated, now: yield* Clock.currentTimeMillis }
        const answer = handler(req, ctx)
        const res = Effect.isEffect(answer) ? yield* answer : answer
        return exchange.serverResponse(finish(
          req,
          fault?._tag === "Malformed" || fault?._tag === "MissingSubjectToken" ? faults.spoil(fault, res) : res
        ))
      })

    const app = yield* router.make({ enabled: seed.versions ?? ["v3", "v2.0"], baseUrl, serviceAt: dir.serviceAt, respond })
    const inMemory = client.make(app)
    return {
      baseUrl,
      authUrl: `${baseUrl}/v3`,
      authUrlV2: `${baseUrl}/v2.0`,
      seed,
      app,
      handle: (request) => inMemory.execute(request),
      count: (key) =>
        Effect.sync(() => key === undefined ? [...counts.values()].reduce((a, b) => a + b, 0) : counts.get(key) ?? 0),
      counts: Effect.sync(() => Object.fromEntries(counts)),
      resetCounts: Effect.sync(() => counts.clear()),
      federation: federated.service,
      inject: (fault: Fault.Fault) => Effect.sync(() => queue.inject(fault)),
      clearFaults: Effect.sync(() => queue.clear()),
      revokeAll: Effect.map(Clock.currentTimeMillis, (now) => tokens.revokeAll(now)),
      revoke: (id) => Effect.map(Clock.currentTimeMillis, (now) => tokens.revoke(id, now)),
      revokeUser: (userId) => Effect.map(Clock.currentTimeMillis, (now) => tokens.revokeUser(userId, now)),
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
    } satisfies KeystoneSimService
  })
