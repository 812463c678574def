/**
 * Decoding shares the parts of a catalog that are the same as the last one
 * decoded (tokens of one project carry the same catalog): never a part that
 * differs from what the reply says, and nothing once made is changed.
 */
import { describe, expect, it } from "@effect/vitest"
import { Token, V3 } from "@effect-keystone/schema"
import { Either, Redacted, Schema } from "effect"

const id = Redacted.make("gAAAAAB-token-id")

const service = (type: string, project: string) => ({
  id: `${type}-service-id`,
  type,
  name: type,
  endpoints: (["public", "internal", "admin"] as const).map((iface) => ({
    id: `${type}-${iface}`,
    interface: iface,
    region_id: "RegionOne",
    region: "RegionOne",
    url: `https://${type}.example.com:8774/${iface}/${project}`
  }))
})

const body = (catalog: ReadonlyArray<unknown>) => ({
  token: {
    methods: ["password"],
    user: { domain: { id: "default", name: "Default" }, id: "u1", name: "alice", password_expires_at: null },
    audit_ids: ["a1"],
    expires_at: "2099-01-01T00:00:00.000000Z",
    issued_at: "2026-11-23T09:30:37.000000Z",
    project: { domain: { id: "default", name: "Default" }, id: "p1", name: "demo" },
    roles: [{ id: "r1", name: "member" }],
    catalog
  }
})

const decode = (u: unknown) => {
  const fast = Token.decodeV3(id, JSON.parse(JSON.stringify(u)))
  const slow = Either.flatMap(Schema.decodeUnknownEither(V3.TokenResponse)(u), (r) => Token.fromV3(id, r.token))
  if (Either.isLeft(fast) || Either.isLeft(slow)) throw new Error("does not decode")
  expect(Token.equivalence(fast.right, slow.right)).toBe(true)
  return fast.right
}

const snapshot = (t: Token.Token) => JSON.parse(JSON.stringify(t.catalog))

describe("Token.decodeV3 shares catalog parts with the last catalog decoded", () => {
  it("the same catalog twice: one catalog object", () => {
    const a = decode(body([service("compute", "p1"), service("image", "p1")]))
    const b = decode(body([service("compute", "p1"), service("image", "p1")]))
    expect(b.catalog).toBe(a.catalog)
  })

  it("one endpoint differs: that one is new, its siblings and the other services are shared, the first token unchanged", () => {
    const a = decode(body([service("compute", "p1"), service("image", "shared")]))
    const before = snapshot(a)
    const moved = service("compute", "p1")
    moved.endpoints[1] = { ...moved.endpoints[1]!, url: "https://elsewhere.example.com/internal/p1" }
    const b = decode(body([moved, service("image", "shared")]))
    expect(b.catalog).not.toBe(a.catalog)
    const [computeA, imageA] = a.catalog.services
    const [computeB, imageB] = b.catalog.services
    expect(imageB).toBe(imageA)
    expect(computeB).not.toBe(computeA)
    expect(computeB!.endpoints[0]).toBe(computeA!.endpoints[0])
    expect(computeB!.endpoints[1]!.url).toBe("https://elsewhere.example.com/internal/p1")
    expect(computeB!.endpoints[2]).toBe(computeA!.endpoints[2])
    expect(snapshot(a)).toEqual(before)
  })

  it("another project's catalog, services added and removed, a region or an interface changed: each decodes as the reply says", () => {
    const a = decode(body([service("compute", "p1"), service("image", "p1"), service("network", "p1")]))
    const before = snapshot(a)
    decode(body([service("compute", "p2"), service("image", "p2")]))
    decode(body([service("compute", "p2"), service("image", "p2"), service("network", "p2"), service("dns", "p2")]))
    const regionMoved = service("compute", "p2")
    regionMoved.endpoints[0] = { ...regionMoved.endpoints[0]!, region_id: "RegionTwo", region: "RegionTwo" }
    const c = decode(body([regionMoved]))
    expect(c.catalog.services[0]!.endpoints[0]!.region).toBe("RegionTwo")
    const ifaceMoved = service("compute", "p2")
    ifaceMoved.endpoints[0] = { ...ifaceMoved.endpoints[0]!, interface: "internal" }
    const d = decode(body([ifaceMoved]))
    expect(d.catalog.services[0]!.endpoints[0]!.interface).toBe("internal")
    const renamed = { ...service("compute", "p2"), name: "nova" }
    expect(decode(body([renamed])).catalog.services[0]!.name).toBe("nova")
    expect(decode(body([])).catalog.services).toEqual([])
    expect(snapshot(a)).toEqual(before)
  })
})
