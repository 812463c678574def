/**
 * `Catalog.endpoint` never hands out a URL that is not absolute http(s) or
 * that carries user info, and `Catalog.origins` lists only usable origins
 * (issue 8: where the token goes).
 */
import { describe, expect, it } from "@effect/vitest"
import { Catalog } from "@effect-keystone/schema"
import { Either } from "effect"
import { ep, notFound } from "./support/catalogs.js"

describe("Catalog.endpoint: only http(s) URLs without user info are ever returned", () => {
  const hostile = (url: string): Catalog.Catalog => ({
    services: [{ id: "svc-x", type: "compute", name: "nova", endpoints: [ep("x-pub", "public", "RegionOne", url)] }]
  })
  const cases = [
    ["file:///etc/passwd", "its URL scheme file: is not http: or https:"],
    ["javascript:alert(1)", "its URL scheme javascript: is not http: or https:"],
    ["ftp://nova.example.com/v2.1", "its URL scheme ftp: is not http: or https:"],
    ["gopher://127.0.0.1:6379/_FLUSHALL", "its URL scheme gopher: is not http: or https:"],
    ["https://admin:s3cret@nova.example.com/v2.1", "its URL carries user info"],
    ["http://user@nova.example.com/v2.1", "its URL carries user info"],
    ["/v2.1", "its URL is not an absolute URL"],
    ["", "its URL is not an absolute URL"]
  ] as const
  for (const [url, reason] of cases) {
    it(`${url === "" ? "(empty)" : url}: ${reason}`, () => {
      const e = notFound(hostile(url), { type: "compute", region: "RegionOne" })
      expect(e.reasons).toEqual([`service nova endpoint x-pub: ${reason}`])
      // the explanation never repeats a URL (user info may be a secret)
      expect(e.message).not.toContain("s3cret")
      expect(Catalog.origins(hostile(url)).size).toBe(0)
    })
  }

  it("a good endpoint next to a hostile one is still found; origins lists only the good one", () => {
    const mixed: Catalog.Catalog = {
      services: [{
        id: "svc-x",
        type: "compute",
        name: "nova",
        endpoints: [
          ep("a-bad", "public", "RegionOne", "https://evil:pw@a.example.com/v2.1"),
          ep("b-good", "public", "RegionOne", "https://Nova.Example.com:443/v2.1")
        ]
      }]
    }
    expect(Catalog.endpoint(mixed, { type: "compute" })).toEqual(Either.right("https://Nova.Example.com:443/v2.1"))
    expect([...Catalog.origins(mixed)]).toEqual(["https://nova.example.com"])
  })

  it("origins: every usable endpoint's origin, once", () => {
    const catalog: Catalog.Catalog = {
      services: [
        {
          id: "svc-nova",
          type: "compute",
          name: "nova",
          endpoints: [
            ep("n1-pub", "public", "RegionOne", "https://nova.r1/v2.1"),
            ep("n1-int", "internal", "RegionOne", "http://nova.r1.int:8774/v2.1"),
            ep("n1-adm", "admin", "RegionOne", "https://nova.r1/admin")
          ]
        },
        { id: "svc-glance", type: "image", name: "glance", endpoints: [ep("g1-pub", "public", null, "https://glance.r1")] }
      ]
    }
    expect([...Catalog.origins(catalog)].sort()).toEqual(["http://nova.r1.int:8774", "https://glance.r1", "https://nova.r1"])
  })
})
