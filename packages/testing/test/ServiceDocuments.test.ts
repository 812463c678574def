/**
 * Service stubs with version documents (issue 10): answered without a token,
 * exactly at their URL; other paths on the host outside the endpoints are 404;
 * the endpoints themselves still need a token.
 */
import { describe, expect, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as KeystoneSim from "../src/KeystoneSim.js"

const NOVA = "http://nova-root.test:8774"
const GLANCE = "http://image.region-two.test:9292"
const COMPUTE = "http://compute.region-one.test:8774"

const seed: Partial<KeystoneSim.Seed> = {
  catalog: [
    ...KeystoneSim.defaultSeed.catalog.map((s) =>
      s.type === "image"
        ? { ...s, documents: KeystoneSim.ServiceDocuments.glance(GLANCE) }
        : s.type === "compute"
        ? { ...s, documents: KeystoneSim.ServiceDocuments.nova(COMPUTE) }
        : s
    ),
    {
      id: "nova-root",
      type: "compute",
      name: "nova",
      endpoints: [{ id: "e1", interface: "public", region: "RegionRoot", url: `${NOVA}/` }],
      documents: KeystoneSim.ServiceDocuments.nova(NOVA)
    }
  ]
}

describe("KeystoneSim.ServiceDocuments", () => {
  it.effect("Nova's root and /v2.1, Glance's 300, 404 elsewhere on the host, 401 on the endpoints without a token", () =>
    Effect.gen(function*() {
      const sim = yield* KeystoneSim.make(seed)
      const http = KeystoneSim.httpClient(sim)
      const root = yield* http.get(`${NOVA}/`)
      expect(root.status).toBe(200)
      const versions = (yield* root.json) as { versions: Array<{ id: string; version: string }> }
      expect(versions.versions.map((v) => [v.id, v.version])).toEqual([["v2.0", ""], ["v2.1", "2.79"]])
      const v21 = (yield* (yield* http.get(`${NOVA}/v2.1/`)).json) as { version: { min_version: string } }
      expect(v21.version.min_version).toBe("2.1")
      const glance = yield* http.get(`${GLANCE}/`)
      expect(glance.status).toBe(300)
      // Keystone's routes are not served on a service's host
      expect((yield* http.get(`${COMPUTE}/v3/auth/tokens`)).status).toBe(404)
      expect((yield* http.get(`${COMPUTE}/`)).status).toBe(200)
      expect((yield* http.get(`${GLANCE}/v2/images`)).status).toBe(401)
      expect(yield* sim.count("GET service:image")).toBe(2)
    }))
})
