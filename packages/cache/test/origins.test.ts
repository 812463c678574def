/**
 * `Origins.originOf` remembers origins by authority prefix; it must say
 * exactly what `new URL(url).origin` says (the origin check is where a token
 * may go), for any string.
 */
import { describe, expect, it } from "@effect/vitest"
import { FastCheck as fc } from "effect"
import * as Origins from "../src/internal/origins.js"

const byParser = (url: string): string | undefined => {
  try {
    const parsed = new URL(url)
    return parsed.protocol === "http:" || parsed.protocol === "https:" ? parsed.origin : undefined
  } catch {
    return undefined
  }
}

/** Pieces a URL parser treats specially: separators, escapes, IDNA, IPv4/IPv6 forms, whitespace, controls. */
const piece = fc.constantFrom(
  "http:", "https:", "HTTP:", "hTTps:", "ftp:", "//", "/", "\\", "\\\\", "///", ":", "@", "?", "#", "%", "%2F", "%41", "%zz",
  "[", "]", "[::1]", "::", ".", "..", "a", "B", "z9", "-", "_", "~", "example.com", "EXAMPLE.com", "xn--", "xn--nxasmq6b",
  "127.0.0.1", "127.1", "0x7f.1", "0177.0.0.1", "1.2.3.4.5", "4294967295", "80", ":80", ":443", ":0080", ":65536", ":x",
  "user:pass@", "@evil.com", "é", "ＥＸＡＭＰＬＥ", "０", "\u3000", "\u00a0", " ", "\t", "\n", "\r", "\u0000", "\u007f",
  "\ud800", "😀", "a.b.c", "host.", "localhost"
)
const urlish = fc.array(piece, { maxLength: 9 }).map((ps) => ps.join(""))
const httpish = fc.tuple(fc.constantFrom("http://", "https://", "HTTPS://", "http:"), urlish).map(([a, b]) => a + b)

describe("Origins.originOf", () => {
  it("agrees with new URL(url).origin on any string (twice: parsed, then remembered)", () => {
    fc.assert(
      fc.property(fc.oneof(urlish, httpish, fc.string()), (url) => {
        expect(Origins.originOf(url)).toBe(byParser(url))
        expect(Origins.originOf(url)).toBe(byParser(url))
      }),
      { numRuns: 20_000 }
    )
  })

  it("cases a prefix could get wrong: extra slashes, backslashes, userinfo, ports, IPv4 forms, whitespace", () => {
    const cases = [
      "http:///example.com/x",
      "https:\\\\example.com\\x",
      "http://a/b@evil.com/",
      "http://user:pass@evil.com/x",
      "http://evil.com\\@good.com/",
      "http://good.com#@evil.com/",
      "http://good.com?@evil.com/",
      "https://example.com:443/x",
      "http://example.com:0080/",
      "http://127.1/",
      "http://0x7f.1/",
      "http://EXAMPLE.com./x",
      " http://example.com/",
      "http://exa\tmple.com/",
      "http://example.com\n/",
      "http://[::1]:8080/x",
      "http://ＥＸＡＭＰＬＥ.com/",
      "http://xn--zz/",
      "http:example.com/"
    ]
    for (const url of cases) expect([url, Origins.originOf(url)]).toEqual([url, byParser(url)])
  })

  it("remembers a bounded number of authorities and stays right past the bound", () => {
    for (let i = 0; i < 1_000; i++) {
      const url = `https://host-${i}.example.com:${1000 + i}/v2.1/servers?i=${i}`
      expect(Origins.originOf(url)).toBe(`https://host-${i}.example.com:${1000 + i}`)
    }
    expect(Origins.originOf("https://host-3.example.com:1003/other")).toBe("https://host-3.example.com:1003")
  })
})
