/** A KeystoneSim on loopback in its own process, so its CPU is not the benchmark's. Prints its auth URL. */
import { KeystoneSim } from "@effect-keystone/testing"
import * as KeystoneSimNode from "@effect-keystone/testing/Node"
import { Effect } from "effect"
import { largeTokenBody } from "./fixtures.js"

const body = largeTokenBody()
// every URL carries the token's project, as object-store URLs do (`AUTH_$(project_id)s`):
// tokens of two projects carry catalogs that differ in every endpoint
const catalog = body.token.catalog.map((s) => ({
  id: s.id,
  type: s.type,
  name: s.name,
  endpoints: s.endpoints.map((e) => ({ id: e.id, interface: e.interface, region: e.region_id, url: e.url.replace(body.token.project.id, "$(project_id)s") }))
}))

Effect.runFork(
  Effect.scoped(Effect.gen(function*() {
    const sim = yield* KeystoneSimNode.serve({ catalog, tokenLifetime: "12 hours" }, { port: 0 })
    console.log(sim.authUrl)
    yield* Effect.never
  }))
)
