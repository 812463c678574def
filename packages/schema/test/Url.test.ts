/**
 * The URL rules every package shares: trailing slashes, and the Keystone
 * API version an auth URL ends in (the client's auth URL and clouds.yaml
 * settings, the middleware's revocation poller).
 */
import { describe, expect, it } from "@effect/vitest"
import { Url } from "@effect-keystone/schema"

describe("Url", () => {
  it("withoutTrailingSlashes", () => {
    expect(Url.withoutTrailingSlashes("https://k.example/v3//")).toBe("https://k.example/v3")
    expect(Url.withoutTrailingSlashes("https://k.example")).toBe("https://k.example")
  })

  it("apiVersion: the /v3 or /v2.0 a URL ends in, trailing slashes ignored; nothing else", () => {
    expect(Url.apiVersion("https://k.example/v3")).toBe("v3")
    expect(Url.apiVersion("https://k.example/identity/v2.0//")).toBe("v2.0")
    expect(Url.apiVersion("/identity/v3")).toBe("v3")
    for (const url of ["https://k.example", "https://k.example/v3.14", "https://k.example/v2", "https://k.example/v3/auth", "https://k.example/xv3"]) {
      expect(Url.apiVersion(url)).toBeUndefined()
    }
  })

  it("withoutApiVersion: the root the versions hang from", () => {
    expect(Url.withoutApiVersion("https://k.example/v3/")).toBe("https://k.example")
    expect(Url.withoutApiVersion("https://k.example/identity/v2.0")).toBe("https://k.example/identity")
    expect(Url.withoutApiVersion("https://k.example/identity/")).toBe("https://k.example/identity")
  })
})
