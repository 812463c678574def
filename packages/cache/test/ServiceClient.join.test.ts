/**
 * Joining an endpoint and a relative path (issue 10): exactly one slash at
 * the join whatever slashes either side has, the endpoint's path and query
 * kept, percent-encoding as written, nothing outside the endpoint.
 */
import { describe, expect, it } from "@effect/vitest"
import { FastCheck as fc } from "effect"
import * as ServiceClient from "../src/ServiceClient.js"

const segmentChars = fc.constantFrom(..."abcxyz019-_~.".split(""), "%20", "%2F", "%25", "%C3%A9", "AUTH_", ":", "@", "!")
const segment = fc.array(segmentChars, { minLength: 1, maxLength: 5 }).map((cs) => cs.join(""))
  // `.`/`..` segments are tested apart
  .filter((s) => !/^(?:\.|%2e){1,2}$/i.test(s))
const slashes = fc.integer({ min: 0, max: 3 }).map((n) => "/".repeat(n))
const queryPart = fc.option(
  fc.array(fc.tuple(fc.constantFrom("a", "limit", "marker"), fc.constantFrom("1", "x%20y", "")), { minLength: 1, maxLength: 3 })
    .map((kv) => kv.map(([k, v]) => `${k}=${v}`).join("&")),
  { nil: undefined }
)
const origin = fc.constantFrom("http://nova.test:8774", "https://image.compute.sbg1.cloud.ovh.net", "http://127.0.0.1:5055")

const endpoint = fc.record({
  origin,
  segments: fc.array(segment, { maxLength: 3 }),
  trailing: slashes,
  query: queryPart
})
const relative = fc.record({
  // two or more leading slashes are a network-path reference (`//host`): refused, below
  leading: fc.constantFrom("", "/"),
  segments: fc.array(segment, { maxLength: 4 }),
  trailing: fc.constantFrom("", "/"),
  query: queryPart
})

describe("ServiceClient.joinUrl", () => {
  it("joins with exactly one slash, keeping both paths and queries as written", () =>
    fc.assert(fc.property(endpoint, relative, (e, r) => {
      // a first segment like `a:` reads as a URL scheme: refused, below
      fc.pre(r.leading === "/" || !/^[a-z][a-z0-9+.-]*:/i.test(r.segments[0] ?? ""))
      const basePath = e.segments.map((s) => `/${s}`).join("")
      const base = `${e.origin}${basePath}${e.trailing}${e.query === undefined ? "" : `?${e.query}`}`
      const path = `${r.leading}${r.segments.join("/")}${r.segments.length > 0 ? r.trailing : ""}${
        r.query === undefined ? "" : `?${r.query}`
      }`
      const joined = ServiceClient.joinUrl(base, path)
      const queries = [e.query, r.query].filter((q) => q !== undefined && q !== "")
      const expected = `${new URL(base).origin}${new URL(`${e.origin}${basePath}`).pathname.replace(/\/+$/, "")}/${
        r.segments.join("/")
      }${r.segments.length > 0 ? r.trailing : ""}${queries.length > 0 ? `?${queries.join("&")}` : ""}`
      expect(joined).toEqual({ _tag: "Joined", url: expected })
      // what a URL parser makes of it is what we built: no slash doubled, no escape undone
      const url = joined._tag === "Joined" ? joined.url : ""
      expect(new URL(url).href).toBe(url)
      expect(new URL(url).pathname).not.toContain("//")
    })))

  it("resolves `.` and `..` inside the path, and refuses climbing above the endpoint's path", () =>
    fc.assert(fc.property(endpoint, fc.array(segment, { maxLength: 3 }), fc.integer({ min: 1, max: 3 }), (e, inner, ups) => {
      fc.pre(!/^[a-z][a-z0-9+.-]*:/i.test(inner[0] ?? ""))
      const basePath = e.segments.map((s) => `/${s}`).join("")
      const base = `${e.origin}${basePath}${e.trailing}`
      const dots = fc.sample(fc.constantFrom("..", "%2e%2e", ".%2E", "%2E."), { numRuns: ups })
      const path = [...inner, ...dots, "x"].join("/")
      const joined = ServiceClient.joinUrl(base, path)
      if (ups > inner.length) {
        expect(joined._tag).toBe("Refused")
      } else {
        const kept = inner.slice(0, inner.length - ups)
        expect(joined).toEqual({
          _tag: "Joined",
          url: `${e.origin}${new URL(`${e.origin}${basePath}`).pathname.replace(/\/+$/, "")}/${[...kept, "x"].join("/")}`
        })
      }
    })))

  it("refuses absolute URLs, other hosts, backslashes, control characters and fragments", () => {
    for (
      const path of [
        "http://evil.test/",
        "HTTPS://evil.test",
        "javascript:alert(1)",
        "a:/x",
        "//evil.test/x",
        "///evil.test/x",
        "\\\\evil.test\\x",
        "/\\evil.test",
        "servers\n",
        "servers\t/x",
        "servers#frag"
      ]
    ) {
      expect(ServiceClient.joinUrl("http://nova.test:8774/v2.1", path)._tag).toBe("Refused")
    }
  })

  it("the issue's case: a catalog URL with a trailing slash", () => {
    expect(ServiceClient.joinUrl("http://127.0.0.1:5055/v3/", "/auth/projects")).toEqual({
      _tag: "Joined",
      url: "http://127.0.0.1:5055/v3/auth/projects"
    })
    expect(ServiceClient.joinUrl("http://object.test/v1/AUTH_p?format=json", "c%2Fd/o%20k")).toEqual({
      _tag: "Joined",
      url: "http://object.test/v1/AUTH_p/c%2Fd/o%20k?format=json"
    })
  })
})
