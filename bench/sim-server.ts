/** A KeystoneSim on loopback in its own process, so its CPU is not the benchmark's. Prints its auth URL. */
import { KeystoneSim } from "@effect-keystone/testing"
import * as KeystoneSimNode from "@effect-keystone/testing/Node"
import { Effect } from "effect"
import { largeTokenBody } from "./fixtures.js"

const catalog = largeTokenBody().token.catalog.map((s) => ({
  id: s.id,
  type: s.type,
  name: s.name,
  endpoints: s.endpoints.map((e) => ({ id: e.id, interface: e.interface, region: e.region_id, url: e.url }))
}))

Effect.runFork(
  Effect.scoped(Effect.gen(function*() {
    const sim = yield* KeystoneSimNode.serve({ catalog, tokenLifetime: "12 hours" }, { port: 0 })
    console.log(sim.authUrl)
    yield* Effect.never
  }))
)
