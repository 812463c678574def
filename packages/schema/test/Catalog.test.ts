import { describe, expect, it } from "@effect/vitest"
import { Catalog, V2, V3 } from "@effect-keystone/schema"
import { Effect, Either, FastCheck, Schema } from "effect"
import { ep, notFound } from "./support/catalogs.js"
import { getOrFail } from "./support/fixtures.js"

const catalog: Catalog.Catalog = {
  services: [
    {
      id: "svc-nova",
      type: "compute",
      name: "nova",
      endpoints: [
        ep("n1-pub", "public", "RegionOne", "https://nova.r1/v2.1"),
        ep("n1-int", "internal", "RegionOne", "http://nova.r1.int/v2.1"),
        ep("n1-adm", "admin", "RegionOne", "http://nova.r1.adm/v2.1"),
        ep("n2-pub", "public", "RegionTwo", "https://nova.r2/v2.1"),
        ep("n2-int", "internal", "RegionTwo", "http://nova.r2.int/v2.1")
      ]
    },
    {
      id: "svc-cinder",
      type: "block-storage",
      name: "cinder",
      endpoints: [ep("c1-pub", "public", "RegionOne", "https://cinder.r1/v3")]
    },
    {
      id: "svc-cinder-legacy",
      type: "block-storage",
      name: "cinder-legacy",
      endpoints: [ep("cl1-pub", "public", "RegionOne", "https://cinder-legacy.r1/v2")]
    },
    { id: "svc-glance", type: "image", name: "glance", endpoints: [] }
  ]
}

const found = (c: Catalog.Catalog, f: Catalog.EndpointFilter) => getOrFail(Catalog.endpoint(c, f))

describe("Catalog.endpoint", () => {
  it("type is required: a type error, and an EndpointNotFound (never a defect) for untyped callers", () => {
    // @ts-expect-error: a filter needs a type
    expect(notFound(catalog, { interface: "public" }).reasons).toEqual(["the filter has no service type"])
    const bad = notFound(catalog, { type: "compute", interface: "private" as "public", region: 1 as unknown as string })
    expect(bad.reasons).toEqual(["interface private is not public, internal or admin", "region must be a string"])
    expect(bad.message).toContain("type=compute")
    expect(notFound(catalog, null as unknown as Catalog.EndpointFilter).reasons).toEqual(["the filter is not an object"])
  })

  it("interface defaults to public", () => {
    expect(found(catalog, { type: "compute", region: "RegionOne" })).toBe("https://nova.r1/v2.1")
    expect(found(catalog, { type: "compute", region: "RegionOne", interface: "public" })).toBe("https://nova.r1/v2.1")
    expect(found(catalog, { type: "compute", region: "RegionOne", interface: "internal" })).toBe("http://nova.r1.int/v2.1")
    expect(found(catalog, { type: "compute", region: "RegionOne", interface: "admin" })).toBe("http://nova.r1.adm/v2.1")
  })

  it("the v2 names publicURL, internalURL and adminURL are aliases", () => {
    for (const iface of ["public", "internal", "admin"] as const) {
      expect(Catalog.endpoint(catalog, { type: "compute", region: "RegionOne", interface: `${iface}URL` }))
        .toEqual(Catalog.endpoint(catalog, { type: "compute", region: "RegionOne", interface: iface }))
    }
  })

  it("region matches exactly", () => {
    expect(found(catalog, { type: "compute", region: "RegionTwo" })).toBe("https://nova.r2/v2.1")
    for (const region of ["regiontwo", "RegionTw", "RegionTwo ", "Region"]) {
      expect(Either.isLeft(Catalog.endpoint(catalog, { type: "compute", region }))).toBe(true)
    }
    // RegionTwo has no admin endpoint, even though RegionOne does
    expect(notFound(catalog, { type: "compute", region: "RegionTwo", interface: "admin" }).reasons).toEqual([
      "service nova endpoint n1-pub: interface public, region RegionOne",
      "service nova endpoint n1-int: interface internal, region RegionOne",
      "service nova endpoint n1-adm: region RegionOne",
      "service nova endpoint n2-pub: interface public",
      "service nova endpoint n2-int: interface internal"
    ])
  })

  it("name picks one of several services of a type", () => {
    expect(found(catalog, { type: "block-storage", name: "cinder" })).toBe("https://cinder.r1/v3")
    expect(found(catalog, { type: "block-storage", name: "cinder-legacy" })).toBe("https://cinder-legacy.r1/v2")
    const e = notFound(catalog, { type: "block-storage", name: "cinderv3" })
    expect(e.reasons).toEqual(["service cinder: name is not cinderv3", "service cinder-legacy: name is not cinderv3"])
  })

  it("without region or name, the first by region, service name, service id, endpoint id wins", () => {
    // cinder < cinder-legacy
    expect(found(catalog, { type: "block-storage" })).toBe("https://cinder.r1/v3")
    // RegionOne < RegionTwo
    expect(found(catalog, { type: "compute" })).toBe("https://nova.r1/v2.1")
    // an endpoint without a region sorts first
    const withNull: Catalog.Catalog = {
      services: [{ ...catalog.services[0]!, endpoints: [...catalog.services[0]!.endpoints, ep("n0", "public", null, "https://nova.any")] }]
    }
    expect(found(withNull, { type: "compute" })).toBe("https://nova.any")
    expect(found(withNull, { type: "compute", region: "RegionOne" })).toBe("https://nova.r1/v2.1")
  })

  it("repeated lookups give the same answer", () => {
    const f = { type: "compute", region: "RegionTwo", interface: "internal" } as const
    const first = Catalog.endpoint(catalog, f)
    expect(Catalog.endpoint(catalog, { ...f })).toEqual(first)
    expect(Catalog.endpoint(catalog, { ...f, interface: "internalURL" })).toEqual(first)
    const miss = Catalog.endpoint(catalog, { type: "dns" })
    expect(Catalog.endpoint(catalog, { type: "dns" })).toEqual(miss)
  })

  describe("EndpointNotFound explains every rejected candidate", () => {
    it("wrong interface", () => {
      const e = notFound({ services: [catalog.services[1]!] }, { type: "block-storage", interface: "admin" })
      expect(e).toBeInstanceOf(Catalog.EndpointNotFound)
      expect(e._tag).toBe("EndpointNotFound")
      expect(e.filter).toEqual({ type: "block-storage", interface: "admin" })
      expect(e.message).toBe("No endpoint with type=block-storage, interface=admin: service cinder endpoint c1-pub: interface public")
    })

    it("wrong region", () => {
      const e = notFound(catalog, { type: "compute", region: "RegionThree", interface: "publicURL" })
      expect(e.filter.interface).toBe("public")
      expect(e.message).toBe(
        "No endpoint with type=compute, interface=public, region=RegionThree: " +
          "service nova endpoint n1-pub: region RegionOne; " +
          "service nova endpoint n1-int: interface internal, region RegionOne; " +
          "service nova endpoint n1-adm: interface admin, region RegionOne; " +
          "service nova endpoint n2-pub: region RegionTwo; " +
          "service nova endpoint n2-int: interface internal, region RegionTwo"
      )
    })

    it("wrong name", () => {
      const e = notFound(catalog, { type: "compute", name: "nova-legacy" })
      expect(e.message).toBe("No endpoint with type=compute, interface=public, name=nova-legacy: service nova: name is not nova-legacy")
    })

    it("a service without endpoints", () => {
      expect(notFound(catalog, { type: "image" }).reasons).toEqual(["service glance: has no endpoints"])
    })

    it("no service of that type lists the types there are", () => {
      const e = notFound(catalog, { type: "network" })
      expect(e.message).toBe(
        "No endpoint with type=network, interface=public: no service of type network (the catalog has block-storage, compute, image)"
      )
    })

    it("an empty catalog says there is no service catalog", () => {
      const e = notFound(Catalog.empty, { type: "compute", region: "RegionOne" })
      expect(e.message).toContain("no service catalog")
      expect(e.message).toMatch(/^No endpoint with type=compute, interface=public, region=RegionOne: /)
      expect(notFound({ services: [] }, { type: "identity" }).reasons).toEqual(e.reasons)
    })

    it.effect("is a yieldable, catchable error", () =>
      Effect.gen(function*() {
        const ok = yield* Catalog.endpoint(catalog, { type: "compute" })
        expect(ok).toBe("https://nova.r1/v2.1")
        const err = yield* Effect.flip(Catalog.endpoint(catalog, { type: "network" }))
        expect(err._tag).toBe("EndpointNotFound")
        const recovered = yield* Catalog.endpoint(catalog, { type: "network" }).pipe(
          Effect.catchTag("EndpointNotFound", (e) => Effect.succeed(`fallback: ${e.reasons.length}`))
        )
        expect(recovered).toBe("fallback: 1")
      }))

    it("encodes with its schema", () => {
      const e = notFound(catalog, { type: "compute", name: "x" })
      expect(Schema.encodeSync(Catalog.EndpointNotFound)(e)).toEqual({
        _tag: "EndpointNotFound",
        filter: { type: "compute", interface: "public", name: "x" },
        reasons: ["service nova: name is not x"]
      })
    })
  })

  describe("properties", () => {
    const types = ["compute", "identity", "image"]
    const names = ["nova", "keystone", "glance", ""]
    const regions = [null, "RegionOne", "RegionTwo"]
    const interfaces = ["public", "internal", "admin"] as const

    // services and endpoints with unique ids, as Keystone sends them
    const catalogArb: FastCheck.Arbitrary<Catalog.Catalog> = FastCheck.array(
      FastCheck.record({
        type: FastCheck.constantFrom(...types),
        name: FastCheck.constantFrom(...names),
        endpoints: FastCheck.array(
          FastCheck.record({
            interface: FastCheck.constantFrom(...interfaces),
            region: FastCheck.constantFrom(...regions),
            url: FastCheck.webUrl()
          }),
          { maxLength: 6 }
        )
      }),
      { maxLength: 6 }
    ).map((services) => ({
      services: services.map((s, i) => ({
        id: `svc-${i}`,
        type: s.type,
        name: s.name,
        endpoints: s.endpoints.map((e, j) => ({ id: `ep-${i}-${j}`, ...e }))
      }))
    }))

    const filterArb: FastCheck.Arbitrary<Catalog.EndpointFilter> = FastCheck.record({
      type: FastCheck.constantFrom(...types, "network"),
      interface: FastCheck.constantFrom(undefined, ...interfaces, ...(["publicURL", "internalURL", "adminURL"] as const)),
      region: FastCheck.constantFrom(undefined, "RegionOne", "RegionTwo", "RegionThree"),
      name: FastCheck.constantFrom(undefined, ...names, "cinder")
    }).map(({ interface: iface, name, region, type }) => ({
      type,
      ...(iface === undefined ? {} : { interface: iface }),
      ...(region === undefined ? {} : { region }),
      ...(name === undefined ? {} : { name })
    }))

    const shuffled = <A>(as: ReadonlyArray<A>): FastCheck.Arbitrary<Array<A>> =>
      FastCheck.shuffledSubarray([...as], { minLength: as.length, maxLength: as.length })

    const shuffledCatalog = (c: Catalog.Catalog): FastCheck.Arbitrary<Catalog.Catalog> =>
      FastCheck.tuple(
        shuffled(c.services),
        ...c.services.map((s) => shuffled(s.endpoints))
      ).map(([services, ...endpoints]) => ({
        services: services.map((s) => ({ ...s, endpoints: endpoints[c.services.indexOf(s)]! }))
      }))

    it.prop(
      "the same answer whatever order services and endpoints come in",
      [catalogArb.chain((c) => FastCheck.tuple(FastCheck.constant(c), shuffledCatalog(c))), filterArb],
      ([[original, reordered], filter]) => {
        const a = Catalog.endpoint(original, filter)
        const b = Catalog.endpoint(reordered, filter)
        expect(Either.isRight(a)).toBe(Either.isRight(b))
        if (Either.isRight(a) && Either.isRight(b)) expect(b.right).toBe(a.right)
        if (Either.isLeft(a) && Either.isLeft(b)) expect([...b.left.reasons].sort()).toEqual([...a.left.reasons].sort())
      },
      { fastCheck: { numRuns: 500 } }
    )

    it.prop(
      "finds the least matching endpoint, or explains why there is none",
      [catalogArb, filterArb],
      ([c, filter]) => {
        const iface = filter.interface === undefined ? "public" : filter.interface.replace(/URL$/, "")
        const matches = c.services
          .filter((s) => s.type === filter.type && (filter.name === undefined || s.name === filter.name))
          .flatMap((s) =>
            s.endpoints
              .filter((e) => e.interface === iface && (filter.region === undefined || e.region === filter.region))
              .map((e) => ({ key: [e.region ?? "", s.name, s.id, e.id], url: e.url }))
          )
          .sort((x, y) => {
            for (let i = 0; i < x.key.length; i++) {
              if (x.key[i]! !== y.key[i]!) return x.key[i]! < y.key[i]! ? -1 : 1
            }
            return 0
          })
        const r = Catalog.endpoint(c, filter)
        if (matches.length > 0) {
          expect(r).toEqual(Either.right(matches[0]!.url))
        } else {
          expect(Either.isLeft(r)).toBe(true)
          if (Either.isLeft(r)) {
            expect(r.left.reasons.length).toBeGreaterThan(0)
            if (c.services.length === 0) expect(r.left.message).toContain("no service catalog")
            else if (!c.services.some((s) => s.type === filter.type)) {
              expect(r.left.message).toContain(`no service of type ${filter.type}`)
            }
          }
        }
      },
      { fastCheck: { numRuns: 1000 } }
    )
  })
})

describe("Catalog constructors", () => {
  it("fromV3: region_id first, then the deprecated region, else null; a missing name is \"\"", () => {
    const wire: ReadonlyArray<typeof V3.Service.Type> = [{
      id: "s",
      type: "compute",
      endpoints: [
        { id: "a", interface: "public", region_id: "RegionOne", region: "Legacy", url: "https://a" },
        { id: "b", interface: "internal", region: "RegionTwo", url: "https://b" },
        { id: "c", interface: "admin", region_id: null, url: "https://c" },
        { id: "d", interface: "admin", url: "https://d" }
      ]
    }]
    expect(Catalog.fromV3(wire)).toEqual({
      services: [{
        id: "s",
        type: "compute",
        name: "",
        endpoints: [
          ep("a", "public", "RegionOne", "https://a"),
          ep("b", "internal", "RegionTwo", "https://b"),
          ep("c", "admin", null, "https://c"),
          ep("d", "admin", null, "https://d")
        ]
      }]
    })
    expect(Catalog.fromV3(undefined)).toEqual(Catalog.empty)
    expect(Catalog.fromV3([])).toEqual(Catalog.empty)
  })

  it("fromV2: three URLs become three endpoints; missing URLs and ids are tolerated", () => {
    const wire: ReadonlyArray<typeof V2.Service.Type> = [
      {
        type: "compute",
        name: "nova",
        endpoints: [
          { id: "e1", region: "RegionOne", publicURL: "https://p", internalURL: "http://i", adminURL: "http://a" },
          { region: "RegionTwo", publicURL: "https://p2" }
        ]
      },
      { type: "object-store", endpoints: [{ publicURL: "https://swift" }] }
    ]
    const c = Catalog.fromV2(wire)
    expect(c.services.map((s) => [s.id, s.type, s.name])).toEqual([
      ["compute:nova", "compute", "nova"],
      ["object-store:1", "object-store", ""]
    ])
    expect(c.services[0]!.endpoints).toEqual([
      ep("e1-public", "public", "RegionOne", "https://p"),
      ep("e1-internal", "internal", "RegionOne", "http://i"),
      ep("e1-admin", "admin", "RegionOne", "http://a"),
      ep("compute-1-public", "public", "RegionTwo", "https://p2")
    ])
    expect(c.services[1]!.endpoints).toEqual([ep("object-store-0-public", "public", null, "https://swift")])
    expect(Catalog.fromV2(undefined)).toEqual(Catalog.empty)
  })

  it("fromV2Endpoints groups the flat list by type and name", () => {
    const response = Schema.decodeUnknownSync(V2.EndpointsResponse)({
      endpoints_links: [],
      endpoints: [
        { id: "h1", name: "heat", type: "orchestration", region: "RegionOne", publicURL: "https://heat/v1" },
        { id: "n1", name: "nova", type: "compute", region: "RegionOne", publicURL: "https://nova.r1", adminURL: "http://nova.r1.adm" },
        { id: "c1", name: "heat", type: "cloudformation", region: "RegionOne", publicURL: "https://heat-cfn/v1" },
        { id: "n2", name: "nova", type: "compute", region: "RegionTwo", publicURL: "https://nova.r2" },
        { type: "image", publicURL: "https://glance" }
      ]
    })
    const c = Catalog.fromV2Endpoints(response)
    expect(c.services.map((s) => [s.id, s.type, s.name, s.endpoints.map((e) => e.id)])).toEqual([
      ["orchestration:heat", "orchestration", "heat", ["h1-public"]],
      ["compute:nova", "compute", "nova", ["n1-public", "n1-admin", "n2-public"]],
      ["cloudformation:heat", "cloudformation", "heat", ["c1-public"]],
      ["image:", "image", "", ["image-4-public"]]
    ])
    expect(found(c, { type: "compute", region: "RegionTwo" })).toBe("https://nova.r2")
    expect(found(c, { type: "compute", interface: "adminURL" })).toBe("http://nova.r1.adm")
    expect(c.services[3]!.endpoints[0]!.region).toBeNull()
    expect(Catalog.fromV2Endpoints({ endpoints: [] })).toEqual(Catalog.empty)
  })

  it("endpointsOfType lists every endpoint of a type with its service name", () => {
    expect(Catalog.endpointsOfType(catalog, "block-storage")).toEqual([
      { ...ep("c1-pub", "public", "RegionOne", "https://cinder.r1/v3"), service: "cinder" },
      { ...ep("cl1-pub", "public", "RegionOne", "https://cinder-legacy.r1/v2"), service: "cinder-legacy" }
    ])
    expect(Catalog.endpointsOfType(catalog, "network")).toEqual([])
  })
})
