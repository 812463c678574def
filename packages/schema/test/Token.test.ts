import { describe, expect, it } from "@effect/vitest"
import { Token, V2, V3 } from "@effect-keystone/schema"
import { Arbitrary, DateTime, Duration, Either, FastCheck, Option, ParseResult, Redacted, Schema } from "effect"
import * as util from "node:util"
import { fixture, fixtureText, fixturesOfKind, getOrFail } from "./support/fixtures.js"

const tokenArb = Arbitrary.make(Token.Token)
const encode = Schema.encodeSync(Token.Token)
const decode = Schema.decodeUnknownSync(Token.Token)
const toJson = Schema.encodeSync(Token.TokenFromJson)
const fromJson = Schema.decodeUnknownEither(Token.TokenFromJson)

const id = Redacted.make("gAAAAABn-the-subject-token")
const v3 = (file: string) => getOrFail(Token.decodeV3(id, fixture(file)), file)
const v2 = (file: string) => getOrFail(Token.decodeV2(fixture(file)), file)
const at = (ms: number) => DateTime.unsafeMake(ms)

const isParseErrorLeft = (r: Either.Either<unknown, unknown>) => Either.isLeft(r) && ParseResult.isParseError(r.left)

/** Paths to every node of a JSON value. */
const leaves = (u: unknown, path: Array<string | number> = []): Array<Array<string | number>> =>
  Array.isArray(u)
    ? [path, ...u.flatMap((v, i) => leaves(v, [...path, i]))]
    : typeof u === "object" && u !== null
    ? [path, ...Object.entries(u).flatMap(([k, v]) => leaves(v, [...path, k]))]
    : [path]

/** `u` with the node at `path` replaced by `value`. */
const replace = (u: unknown, path: ReadonlyArray<string | number>, value: unknown): unknown => {
  if (path.length === 0) return value
  const [head, ...rest] = path
  const copy: any = Array.isArray(u) ? [...u] : { ...(u as object) }
  copy[head!] = replace(copy[head!], rest, value)
  return copy
}

describe("Token encodes and decodes without loss", () => {
  it("generated tokens cover both versions, every scope and both expiry forms", () => {
    const tokens = FastCheck.sample(tokenArb, { numRuns: 1000, seed: 42 })
    const versions = new Set(tokens.map((t) => t.version))
    const scopes = new Set(tokens.map((t) => t.scope._tag))
    expect([...versions].sort()).toEqual(["v2.0", "v3"])
    expect([...scopes].sort()).toEqual(["Domain", "Project", "System", "Trust", "Unscoped"])
    expect(tokens.some((t) => Option.isNone(t.expiresAt))).toBe(true)
    expect(tokens.some((t) => Option.isSome(t.expiresAt))).toBe(true)
    expect(tokens.some((t) => t.applicationCredential !== undefined)).toBe(true)
    expect(tokens.some((t) => t.applicationCredential === undefined)).toBe(true)
    expect(tokens.some((t) => t.catalog.services.length > 0)).toBe(true)
  })

  it.prop("decode(encode(token)) ≡ token, through JSON", [Token.Token], ([token]) => {
    const encoded = encode(token)
    const back = decode(JSON.parse(JSON.stringify(encoded)))
    expect(back).toBeInstanceOf(Token.Token)
    expect(Token.equivalence(back, token)).toBe(true)
    expect(Redacted.value(back.id)).toBe(Redacted.value(token.id))
  }, { fastCheck: { numRuns: 1000 } })

  it.prop("TokenFromJson: to a JSON string and back", [Token.Token], ([token]) => {
    const json = toJson(token)
    expect(typeof json).toBe("string")
    const back = getOrFail(fromJson(json))
    expect(Token.equivalence(back, token)).toBe(true)
    // what the cache stores: the id in clear, the times as ISO strings
    expect(JSON.parse(json).id).toBe(Redacted.value(token.id))
  }, { fastCheck: { numRuns: 1000 } })

  it.prop("both API versions round-trip", [Token.Token, FastCheck.constantFrom("v3" as const, "v2.0" as const)], ([token, version]) => {
    const t = new Token.Token({ ...token, version })
    const back = getOrFail(fromJson(toJson(t)))
    expect(back.version).toBe(version)
    expect(Token.equivalence(back, t)).toBe(true)
  }, { fastCheck: { numRuns: 200 } })

  it("every fixture token round-trips", () => {
    const tokens = [
      ...fixturesOfKind("v3-token", "v3/").map(v3),
      ...fixturesOfKind("v2-access", "v2/").map(v2)
    ]
    expect(tokens.length).toBeGreaterThanOrEqual(11)
    for (const t of tokens) {
      const back = getOrFail(fromJson(toJson(t)))
      expect(Token.equivalence(back, t)).toBe(true)
      expect(back.catalog).toEqual(t.catalog)
      expect(back.scope).toEqual(t.scope)
    }
  })

  it("the encoded form is plain JSON with ISO times and null for never", () => {
    const t = v3("v3/token-never-expires.response.json")
    const json = JSON.parse(toJson(t))
    expect(json.issuedAt).toBe("2026-11-23T09:30:37.000Z")
    expect(json.expiresAt).toBeNull()
    expect(json.version).toBe("v3")
    expect(json.scope._tag).toBe("Project")
  })

  it.prop("equivalence sees the id and the expiry", [Token.Token, FastCheck.string({ minLength: 1 })], ([token, suffix]) => {
    const otherId = new Token.Token({ ...token, id: Redacted.make(Redacted.value(token.id) + suffix) })
    expect(Token.equivalence(token, otherId)).toBe(false)
    const otherExpiry = new Token.Token({
      ...token,
      expiresAt: Option.match(token.expiresAt, {
        onNone: () => Option.some(at(0)),
        onSome: (e) => Option.some(DateTime.add(e, { millis: 1 }))
      })
    })
    expect(Token.equivalence(token, otherExpiry)).toBe(false)
    expect(Token.equivalence(token, new Token.Token({ ...token }))).toBe(true)
  }, { fastCheck: { numRuns: 200 } })
})

describe("decoding garbage never throws", () => {
  it.prop("random JSON values are a ParseError", [FastCheck.jsonValue()], ([value]) => {
    expect(isParseErrorLeft(Token.decodeV3(id, value))).toBe(true)
    expect(isParseErrorLeft(Token.decodeV2(value))).toBe(true)
    expect(isParseErrorLeft(Schema.decodeUnknownEither(Token.Token)(value))).toBe(true)
  }, { fastCheck: { numRuns: 1000 } })

  it.prop("random values of any kind are a ParseError", [FastCheck.anything({ withNullPrototype: true, withBigInt: true, withDate: true, withMap: true, withSet: true, withTypedArray: true, withSparseArray: true, withBoxedValues: true })], ([value]) => {
    expect(isParseErrorLeft(Token.decodeV3(id, value))).toBe(true)
    expect(isParseErrorLeft(Token.decodeV2(value))).toBe(true)
    expect(isParseErrorLeft(Schema.decodeUnknownEither(V3.AuthRequest)(value))).toBe(true)
  }, { fastCheck: { numRuns: 1000 } })

  it.prop("random strings are a ParseError for TokenFromJson", [FastCheck.oneof(FastCheck.string(), FastCheck.json())], ([s]) => {
    expect(isParseErrorLeft(fromJson(s))).toBe(true)
  }, { fastCheck: { numRuns: 1000 } })

  it("every truncation of a real token body is a ParseError", () => {
    const cases: ReadonlyArray<readonly [string, (s: string) => Either.Either<unknown, ParseResult.ParseError>]> = [
      ["v3/token-trust-scoped.response.json", Schema.decodeUnknownEither(Schema.parseJson(V3.TokenResponse))],
      ["v2/authenticate.response.json", Schema.decodeUnknownEither(Schema.parseJson(V2.AccessResponse))]
    ]
    for (const [file, decodeJson] of cases) {
      const text = fixtureText(file).trimEnd()
      expect(Either.isRight(decodeJson(text))).toBe(true)
      for (let i = 0; i < text.length; i++) {
        const cut = text.slice(0, i)
        expect(isParseErrorLeft(decodeJson(cut))).toBe(true)
        let parsed: unknown = undefined
        try {
          parsed = JSON.parse(cut)
        } catch {
          continue
        }
        expect(isParseErrorLeft(Token.decodeV3(id, parsed))).toBe(true)
      }
    }
  })

  it("every truncation of an encoded token is a ParseError for TokenFromJson", () => {
    const text = toJson(v3("v3/token-application-credential.response.json"))
    for (let i = 0; i < text.length; i++) expect(isParseErrorLeft(fromJson(text.slice(0, i)))).toBe(true)
  })

  // any leaf of a real body replaced by any JSON value: decodes or is a ParseError, never throws
  for (const [file, decodeBody] of [
    ["v3/token-trust-scoped.response.json", (u: unknown) => Token.decodeV3(id, u)],
    ["v3/token-unknown-fields.response.json", (u: unknown) => Token.decodeV3(id, u)],
    ["v2/authenticate-trust.response.json", Token.decodeV2]
  ] as const) {
    const body = fixture(file)
    const paths = leaves(body)
    it.prop(`${file} with any part replaced decodes or fails with a ParseError`, [
      FastCheck.constantFrom(...paths),
      FastCheck.jsonValue({ maxDepth: 2 })
    ], ([path, value]) => {
      const r = decodeBody(replace(body, path, value))
      expect(Either.isRight(r) || ParseResult.isParseError(r.left)).toBe(true)
    }, { fastCheck: { numRuns: 1000 } })
  }
})

describe("Token.decodeV3 agrees with decoding through V3.TokenResponse", () => {
  // decodeV3 may take shortcuts for bodies that plainly are tokens; whatever it
  // does must give the answer the schema gives.
  const throughSchema = (u: unknown) =>
    Either.flatMap(Schema.decodeUnknownEither(V3.TokenResponse)(u), (r) => Token.fromV3(id, r.token))

  const agree = (u: unknown) => {
    const fast = Token.decodeV3(id, u)
    const slow = throughSchema(u)
    expect(Either.isRight(fast)).toBe(Either.isRight(slow))
    if (Either.isRight(fast) && Either.isRight(slow)) expect(Token.equivalence(fast.right, slow.right)).toBe(true)
    if (Either.isLeft(fast)) expect(ParseResult.isParseError(fast.left)).toBe(true)
  }

  const keystoneTime = FastCheck.integer({ min: 0, max: Date.parse("9999-12-31T23:59:59Z") })
    .map((ms) => `${new Date(ms).toISOString().slice(0, 23)}000Z`)

  // generated bodies, with real timestamps most of the time so that many decode
  const bodies = FastCheck.tuple(
    Arbitrary.make(V3.TokenResponse),
    FastCheck.option(keystoneTime, { freq: 5 }),
    FastCheck.option(keystoneTime, { freq: 5 })
  ).map(([r, issued, expires]) => ({
    token: {
      ...r.token,
      ...(issued === null ? {} : { issued_at: issued }),
      ...(expires === null ? {} : { expires_at: expires })
    }
  }))

  it("generated bodies mostly decode", () => {
    const sample = FastCheck.sample(bodies, { numRuns: 200, seed: 7 })
    expect(sample.filter((u) => Either.isRight(Token.decodeV3(id, u))).length).toBeGreaterThan(100)
  })

  it.prop("on generated bodies", [bodies], ([u]) => agree(JSON.parse(JSON.stringify(u))), { fastCheck: { numRuns: 500 } })

  it.prop("on fixtures with any part replaced", [
    FastCheck.constantFrom(...fixturesOfKind("v3-token", "v3/")).chain((file) => {
      const body = fixture(file)
      return FastCheck.tuple(FastCheck.constant(body), FastCheck.constantFrom(...leaves(body)))
    }),
    FastCheck.jsonValue({ maxDepth: 2 })
  ], ([[body, path], value]) => agree(replace(body, path, value)), { fastCheck: { numRuns: 1000 } })

  it.prop("on random JSON", [FastCheck.jsonValue()], ([u]) => agree(u), { fastCheck: { numRuns: 300 } })
})

describe("Token.isExpired", () => {
  it("expired from the expiry instant on, not before", () => {
    const t = v3("v3/token-nocatalog.response.json")
    const expires = Date.UTC(2026, 10, 23, 10, 30, 37)
    expect(Token.isExpired(t, at(expires - 1))).toBe(false)
    expect(Token.isExpired(t, at(expires))).toBe(true)
    expect(Token.isExpired(t, at(expires + 1))).toBe(true)
    expect(Token.isExpired(t, at(Date.UTC(2026, 10, 23, 9, 30, 37)))).toBe(false)
  })

  it("a token that never expires never is", () => {
    const t = v3("v3/token-never-expires.response.json")
    for (const ms of [0, Date.now(), Date.UTC(9999, 11, 31, 23, 59, 59, 999)]) expect(Token.isExpired(t, at(ms))).toBe(false)
  })

  it.prop("is now ≥ expiresAt", [Token.Token, FastCheck.integer({ min: -1e13, max: 1e13 })], ([token, now]) => {
    const expected = Option.match(token.expiresAt, {
      onNone: () => false,
      onSome: (e) => now >= DateTime.toEpochMillis(e)
    })
    expect(Token.isExpired(token, at(now))).toBe(expected)
  }, { fastCheck: { numRuns: 500 } })
})

describe("Token.lifetime", () => {
  it("expires − issued, from the wire", () => {
    expect(Option.map(Token.lifetime(v3("v3/token-nocatalog.response.json")), Duration.toMillis)).toEqual(Option.some(3_600_000))
    expect(Option.map(Token.lifetime(v2("v2/authenticate.response.json")), Duration.toMillis)).toEqual(Option.some(3_599_877))
  })

  it("None when either end is unknown", () => {
    expect(Token.lifetime(v3("v3/token-never-expires.response.json"))).toEqual(Option.none())
    const noIssued = fixture("v2/authenticate.response.json") as { access: { token: Record<string, unknown> } }
    delete noIssued.access.token.issued_at
    const t = getOrFail(Token.decodeV2(noIssued))
    expect(t.issuedAt).toEqual(Option.none())
    expect(Token.lifetime(t)).toEqual(Option.none())
  })

  it("never negative", () => {
    const t = v3("v3/token-nocatalog.response.json")
    const backwards = new Token.Token({ ...t, issuedAt: t.expiresAt, expiresAt: t.issuedAt })
    expect(Token.lifetime(backwards)).toEqual(Option.some(Duration.zero))
  })
})

describe("Token.projectId", () => {
  it("the project, directly or through a trust; undefined otherwise", () => {
    expect(Token.projectId(v3("v3/token-nocatalog.response.json"))).toBe("8a5c2e7f0b3d4f6a9c1e4b7d0a3c6f9e")
    expect(Token.projectId(v3("v3/token-trust-scoped.response.json"))).toBe("8a5c2e7f0b3d4f6a9c1e4b7d0a3c6f9e")
    expect(Token.projectId(v2("v2/authenticate-trust.response.json"))).toBe("3f1e7c2a9b8d4e5f8a6b7c9d0e1f2a3b")
    expect(Token.projectId(v3("v3/token-domain-scoped.response.json"))).toBeUndefined()
    expect(Token.projectId(v2("v2/authenticate-unscoped.response.json"))).toBeUndefined()
    const t = v3("v3/token-trust-scoped.response.json")
    expect(Token.projectId(new Token.Token({ ...t, scope: { _tag: "System", all: true } }))).toBeUndefined()
    expect(
      Token.projectId(new Token.Token({ ...t, scope: { ...(t.scope as Extract<Token.TokenScope, { _tag: "Trust" }>), project: null } }))
    ).toBeUndefined()
  })

  it.prop("agrees with the scope", [Token.Token], ([token]) => {
    const s = token.scope
    const expected = s._tag === "Project" ? s.id : s._tag === "Trust" && s.project !== null ? s.project.id : undefined
    expect(Token.projectId(token)).toBe(expected)
  }, { fastCheck: { numRuns: 200 } })
})

describe("the token id stays redacted", () => {
  const secret = "gAAAAABSECRET-0123456789-abcdefghijklmnopqrstuvwxyz"
  const withSecret = (t: Token.Token) => new Token.Token({ ...t, id: Redacted.make(secret) })
  const shows = (t: Token.Token) => [
    String(t),
    `${t}`,
    t.toString(),
    JSON.stringify(t),
    JSON.stringify({ nested: [t] }),
    util.inspect(t, { depth: Infinity }),
    util.format("%o %O %j %s", t, t, t, t),
    String(Either.right(t)),
    util.inspect(Option.some(t), { depth: Infinity }),
    String(t.id),
    JSON.stringify(t.id)
  ]

  it("String, JSON.stringify and util.inspect of fixture tokens", () => {
    for (const t of [v3("v3/token-application-credential.response.json"), v2("v2/validate-token.response.json")]) {
      const s = withSecret(t)
      for (const shown of shows(s)) {
        expect(shown).not.toContain(secret)
        expect(shown).not.toContain("SECRET")
      }
      expect(JSON.stringify(s)).toContain(`"id":"<redacted>"`)
      expect(Redacted.value(s.id)).toBe(secret)
    }
    // v2 ids come from the body; they are redacted as soon as they are decoded
    const v2Token = v2("v2/validate-token.response.json")
    for (const shown of shows(v2Token)) expect(shown).not.toContain("f9b6d2c5e8a14b7c0d3e6f9a2b5c8d1e")
  })

  it.prop("String, JSON.stringify and util.inspect of any token", [Token.Token], ([token]) => {
    const s = withSecret(token)
    for (const shown of shows(s)) expect(shown).not.toContain("SECRET-0123456789")
  }, { fastCheck: { numRuns: 200 } })

  it("a ParseError about a stored token does not show its id", () => {
    const json = JSON.parse(toJson(withSecret(v3("v3/token-nocatalog.response.json"))))
    for (const bad of [{ ...json, version: "v4" }, { ...json, expiresAt: "soon" }, { ...json, user: null }, { ...json, scope: { _tag: "Galaxy" } }]) {
      const r = fromJson(JSON.stringify(bad))
      expect(Either.isLeft(r)).toBe(true)
      if (Either.isLeft(r)) {
        expect(r.left.message).not.toContain("SECRET")
        expect(util.inspect(r.left, { depth: Infinity })).not.toContain("SECRET")
      }
    }
  })
})
