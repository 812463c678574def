/**
 * `Token.decodeV3Text` decodes as `decodeV3(JSON.parse(text))` does, and
 * parses a catalog whose text it has seen twice in a row no more: a reply
 * cannot make it use a remembered catalog where the whole parse would not.
 */
import { afterEach, describe, expect, it, vi } from "@effect/vitest"
import { Token } from "@effect-keystone/schema"
import { DateTime, Either, FastCheck, ParseResult, Redacted } from "effect"

const id = Redacted.make("gAAAAAB-token-id")

const endpoints = (type: string, project: string) =>
  (["public", "internal", "admin"] as const).map((iface) => ({
    id: `${type}-${iface}`,
    interface: iface,
    region_id: "RegionOne",
    region: "RegionOne",
    url: `https://${type}.example.com:8774/${iface}/${project}`
  }))

const catalogOf = (project: string) =>
  ["compute", "image", "network"].map((type) => ({ endpoints: endpoints(type, project), id: `${type}-id`, type, name: type }))

const body = (user: string, catalog: ReadonlyArray<unknown>, extra: Record<string, unknown> = {}) => ({
  token: {
    methods: ["password"],
    user: { domain: { id: "default", name: "Default" }, id: `${user}-id`, name: user, password_expires_at: null },
    audit_ids: [`audit-${user}`],
    expires_at: "2099-01-01T00:00:00.000000Z",
    issued_at: "2026-11-23T09:30:37.000000Z",
    project: { domain: { id: "default", name: "Default" }, id: "p1", name: "demo" },
    roles: [{ id: "r1", name: "member" }],
    catalog,
    ...extra
  }
})

/** Keystone's layout (Python's `json.dumps`: a space after `:` and `,`). */
const python = (u: unknown): string => JSON.stringify(u).replace(/("(?:[^"\\]|\\.)*")|([:,])/g, (_, str, sep) => str ?? `${sep} `)

/** decodeV3Text, checked against decodeV3 of the whole parse. */
const decodeText = (text: string) => {
  const whole = Token.decodeV3(id, JSON.parse(text))
  const fromText = Token.decodeV3Text(id, text)
  expect(Either.isRight(fromText)).toBe(Either.isRight(whole))
  if (Either.isRight(fromText) && Either.isRight(whole)) expect(Token.equivalence(fromText.right, whole.right)).toBe(true)
  return fromText
}

const right = (e: Either.Either<Token.Token, ParseResult.ParseError>) => {
  if (Either.isLeft(e)) throw new Error(`does not decode: ${e.left.message}`)
  return e.right
}

/** Decodes `catalog` twice in a row (so its text is remembered), then returns the catalog made. */
const remember = (catalog: ReadonlyArray<unknown>) => {
  right(decodeText(python(body("warm-1", catalog))))
  return right(decodeText(python(body("warm-2", catalog)))).catalog
}

/** The lengths of the texts JSON.parse is given while `f` runs. */
const parsedLengths = (f: () => void): Array<number> => {
  const lengths: Array<number> = []
  const parse = JSON.parse
  const spy = vi.spyOn(JSON, "parse").mockImplementation((text: string, reviver?: any) => {
    lengths.push(text.length)
    return parse(text, reviver)
  })
  try {
    f()
  } finally {
    spy.mockRestore()
  }
  return lengths
}

afterEach(() => {
  vi.restoreAllMocks()
})

describe("Token.decodeV3Text", () => {
  it("a catalog seen twice in a row is not parsed again: the rest is, and the catalog made is shared", () => {
    const shared = remember(catalogOf("p1"))
    const text = python(body("carol", catalogOf("p1"), { expires_at: "2099-02-02T00:00:00.000000Z" }))
    const catalogText = python(catalogOf("p1"))
    let token: Token.Token | undefined
    const lengths = parsedLengths(() => {
      token = right(Token.decodeV3Text(id, text))
    })
    expect(lengths).toHaveLength(1)
    expect(lengths[0]!).toBeLessThan(text.length - catalogText.length + 100)
    expect(token!.catalog).toBe(shared)
    expect(token!.user.name).toBe("carol")
    expect(token!.expiresAt.pipe((o) => o._tag === "Some" && DateTime.formatIso(o.value))).toBe("2099-02-02T00:00:00.000Z")
    // and it is the token the whole parse gives
    right(decodeText(text))
  })

  it("another catalog is parsed whole, as is one that differs in one character", () => {
    remember(catalogOf("p1"))
    const other = python(body("dave", catalogOf("p2")))
    expect(parsedLengths(() => right(Token.decodeV3Text(id, other)))).toEqual([other.length])
    remember(catalogOf("p1"))
    const oneChar = python(body("erin", catalogOf("p1"))).replace("compute.example", "computf.example")
    const token = right(decodeText(oneChar))
    expect(token.catalog.services[0]!.endpoints[0]!.url).toContain("computf.example")
  })

  it("the remembered text under a nested key: the token's own catalog is the one decoded", () => {
    remember(catalogOf("p1"))
    const known = catalogOf("p1")
    // the user (and its nested key) comes before the token's catalog
    const text = python(body("mallory", catalogOf("p9"), { user: { id: "u", name: "m", options: { catalog: known } } }))
    expect(text.indexOf("\"catalog\"")).toBeLessThan(text.indexOf("p9"))
    const token = right(decodeText(text))
    expect(token.catalog.services[0]!.endpoints[0]!.url).toContain("/p9")
  })

  it("a later key that is also `catalog` wins, as in JSON.parse, however it is spelled", () => {
    remember(catalogOf("p1"))
    const known = python(catalogOf("p1"))
    const base = python(body("mallory", catalogOf("p1")))
    for (const later of ["\"catalog\": []", "\"c\\u0061talog\": []", `"c\\u0061talog": ${python(catalogOf("p7"))}`]) {
      const text = `${base.slice(0, -2)}, ${later}}}`
      expect(text.startsWith(known, text.indexOf(known))).toBe(true)
      const token = right(decodeText(text))
      expect(token.catalog.services.length === 0 || token.catalog.services[0]!.endpoints[0]!.url.endsWith("/p7")).toBe(true)
    }
  })

  it("`\"catalog\":` inside a string is not taken for the key", () => {
    remember(catalogOf("p1"))
    const known = python(catalogOf("p1"))
    const tricky = JSON.stringify(`"catalog": ${known}`)
    const text = python(body("x", catalogOf("p3"))).replace("\"name\": \"x\"", `"name": ${tricky}`)
    const token = right(decodeText(text))
    expect(token.user.name).toBe(`"catalog": ${known}`)
    expect(token.catalog.services[0]!.endpoints[0]!.url).toContain("/p3")
  })

  it("the rest not plainly a token goes through the schema: the same error as decodeV3's", () => {
    remember(catalogOf("p1"))
    const text = python(body("x", catalogOf("p1"), { issued_at: 12 }))
    const fromText = Token.decodeV3Text(id, text)
    const whole = Token.decodeV3(id, JSON.parse(text))
    expect(Either.isLeft(fromText) && Either.isLeft(whole) && fromText.left.message).toBe(Either.isLeft(whole) && whole.left.message)
  })

  it("text that is not JSON, or stops after the remembered catalog, is a ParseError saying so", () => {
    remember(catalogOf("p1"))
    const cut = python(body("x", catalogOf("p1"))).slice(0, -1)
    for (const text of ["<html>oops</html>", "", cut]) {
      const r = Token.decodeV3Text(id, text)
      expect(Either.isLeft(r) && ParseResult.isParseError(r.left)).toBe(true)
      expect(Either.isLeft(r) && r.left.message).toContain("Expected a JSON body")
    }
  })

  const catalogs = FastCheck.constantFrom(...["p1", "p2", "p\\\"3", "p\u00e94"].map(catalogOf), [])
  const layout = FastCheck.constantFrom(python, (u: unknown) => JSON.stringify(u), (u: unknown) => JSON.stringify(u, null, 2))
  const tokens = FastCheck.tuple(FastCheck.string(), catalogs, layout, FastCheck.option(FastCheck.jsonValue({ maxDepth: 2 })))
    .map(([user, catalog, format, extra]) => format(body(user, catalog, extra === null ? {} : { extra })))

  it.prop("agrees with decodeV3 over any sequence of tokens", [FastCheck.array(tokens, { minLength: 1, maxLength: 12 })], ([texts]) => {
    for (const text of texts) decodeText(text)
  }, { fastCheck: { numRuns: 300 } })
})
