/**
 * The normalized service catalog both API versions decode into, and endpoint
 * lookup over it.
 *
 * @since 0.1.0
 */
import * as Either from "effect/Either"
import * as Schema from "effect/Schema"
import * as V3Catalog from "./internal/v3Catalog.js"
import type * as V2 from "./V2.js"
import type * as V3 from "./V3.js"

/**
 * @since 0.1.0
 * @category models
 */
export const Interface = Schema.Literal("public", "internal", "admin")

/**
 * @since 0.1.0
 * @category models
 */
export type Interface = typeof Interface.Type

/**
 * @since 0.1.0
 * @category models
 */
export const Endpoint = Schema.Struct({
  id: Schema.String,
  interface: Interface,
  region: Schema.NullOr(Schema.String),
  url: Schema.String
})

/**
 * @since 0.1.0
 * @category models
 */
export type Endpoint = typeof Endpoint.Type

/**
 * @since 0.1.0
 * @category models
 */
export const Service = Schema.Struct({
  id: Schema.String,
  type: Schema.String,
  name: Schema.String,
  endpoints: Schema.Array(Endpoint)
})

/**
 * @since 0.1.0
 * @category models
 */
export type Service = typeof Service.Type

/**
 * @since 0.1.0
 * @category models
 */
export const Catalog = Schema.Struct({ services: Schema.Array(Service) })

/**
 * @since 0.1.0
 * @category models
 */
export type Catalog = typeof Catalog.Type

/**
 * @since 0.1.0
 * @category constructors
 */
export const empty: Catalog = { services: [] }

/**
 * @since 0.1.0
 * @category constructors
 */
export const fromV3 = (catalog: ReadonlyArray<typeof V3.Service.Type> | undefined): Catalog =>
  catalog === undefined || catalog.length === 0 ? empty : {
    services: catalog.map((s) => V3Catalog.service(s, s.endpoints.map(V3Catalog.endpoint)))
  }

const v2Interfaces = Interface.literals.map((iface) => [iface, `${iface}URL`] as const)

const fromV2Endpoint = (e: typeof V2.Endpoint.Type, fallbackId: string): Array<Endpoint> => {
  const out: Array<Endpoint> = []
  for (const [iface, key] of v2Interfaces) {
    const url = e[key]
    if (url !== undefined) {
      out.push({ id: `${e.id ?? fallbackId}-${iface}`, interface: iface, region: e.region ?? null, url })
    }
  }
  return out
}

/**
 * A v2 `serviceCatalog`: each endpoint object's three URLs become three endpoints.
 *
 * @since 0.1.0
 * @category constructors
 */
export const fromV2 = (catalog: ReadonlyArray<typeof V2.Service.Type> | undefined): Catalog =>
  catalog === undefined || catalog.length === 0 ? empty : {
    services: catalog.map((s, i) => ({
      id: `${s.type}:${s.name ?? i}`,
      type: s.type,
      name: s.name ?? "",
      endpoints: s.endpoints.flatMap((e, j) => fromV2Endpoint(e, `${s.type}-${j}`))
    }))
  }

/**
 * The flat list of GET /v2.0/tokens/{id}/endpoints, grouped by service.
 *
 * @since 0.1.0
 * @category constructors
 */
export const fromV2Endpoints = (response: V2.EndpointsResponse): Catalog => {
  const services = new Map<string, { id: string; type: string; name: string; endpoints: Array<Endpoint> }>()
  response.endpoints.forEach((e, j) => {
    const key = `${e.type}:${e.name ?? ""}`
    let service = services.get(key)
    if (service === undefined) {
      service = { id: key, type: e.type, name: e.name ?? "", endpoints: [] }
      services.set(key, service)
    }
    service.endpoints.push(...fromV2Endpoint(e, `${e.type}-${j}`))
  })
  return services.size === 0 ? empty : { services: [...services.values()] }
}

/**
 * What to look for. `interface` defaults to `public`; `region` matches the
 * endpoint's region id exactly; `name` the service name.
 *
 * @since 0.1.0
 * @category models
 */
export interface EndpointFilter {
  readonly type: string
  readonly interface?: Interface | `${Interface}URL` | undefined
  readonly region?: string | undefined
  readonly name?: string | undefined
}

/**
 * @since 0.1.0
 * @category schemas
 */
export const EndpointFilterSchema = Schema.Struct({
  type: Schema.String,
  interface: Schema.optional(Schema.String),
  region: Schema.optional(Schema.String),
  name: Schema.optional(Schema.String)
})

/**
 * No endpoint matched; `reasons` says which candidates were rejected and why.
 *
 * @since 0.1.0
 * @category errors
 */
export class EndpointNotFound extends Schema.TaggedError<EndpointNotFound>()("EndpointNotFound", {
  filter: EndpointFilterSchema,
  reasons: Schema.Array(Schema.String)
}) {
  override get message(): string {
    const f = this.filter
    const wanted = [`type=${f.type}`, `interface=${f.interface ?? "public"}`]
    if (f.region !== undefined) wanted.push(`region=${f.region}`)
    if (f.name !== undefined) wanted.push(`name=${f.name}`)
    return `No endpoint with ${wanted.join(", ")}: ${this.reasons.join("; ")}`
  }
}

/**
 * Why `url` is never handed out as an endpoint, or `undefined` when it may
 * be: it must be an absolute `http:` or `https:` URL without user info. A
 * catalog entry pointing anywhere else (`file:`, `javascript:`, a URL with
 * credentials in it) is treated as absent. The URL itself is not repeated in
 * the answer (its user info may be a secret).
 *
 * @since 0.2.0
 * @category lookup
 */
export const urlProblem = (url: string): string | undefined => {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return "its URL is not an absolute URL"
  }
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:") {
    return `its URL scheme ${parsed.protocol} is not http: or https:`
  }
  if (parsed.username !== "" || parsed.password !== "") return "its URL carries user info"
  return undefined
}

const normalizeInterface = (i: EndpointFilter["interface"]): Interface =>
  i === undefined ? "public" : i.endsWith("URL") ? (i.slice(0, -3) as Interface) : (i as Interface)

const explain = (catalog: Catalog, filter: EndpointFilter, iface: Interface): Array<string> => {
  if (catalog.services.length === 0) {
    return ["the token carries no service catalog (an unscoped token, or one issued with nocatalog)"]
  }
  const ofType = catalog.services.filter((s) => s.type === filter.type)
  if (ofType.length === 0) {
    const types = [...new Set(catalog.services.map((s) => s.type))].sort()
    return [`no service of type ${filter.type} (the catalog has ${types.join(", ")})`]
  }
  const reasons: Array<string> = []
  for (const s of ofType) {
    const label = `service ${s.name || s.id}`
    if (filter.name !== undefined && s.name !== filter.name) {
      reasons.push(`${label}: name is not ${filter.name}`)
      continue
    }
    if (s.endpoints.length === 0) reasons.push(`${label}: has no endpoints`)
    for (const e of s.endpoints) {
      const why: Array<string> = []
      if (e.interface !== iface) why.push(`interface ${e.interface}`)
      if (filter.region !== undefined && e.region !== filter.region) why.push(`region ${e.region ?? "(none)"}`)
      if (why.length === 0) {
        const problem = urlProblem(e.url)
        if (problem !== undefined) why.push(problem)
      }
      if (why.length > 0) reasons.push(`${label} endpoint ${e.id}: ${why.join(", ")}`)
    }
  }
  return reasons
}

interface Candidate {
  readonly region: string | null
  readonly name: string
  readonly sortKey: string
  readonly url: string
}

type Index = Map<string, ReadonlyArray<Candidate>>

interface Indexed {
  readonly byTypeInterface: Index
  readonly origins: ReadonlySet<string>
  readonly answers: Map<string, Either.Either<string, EndpointNotFound>>
}

const indexes = new WeakMap<Catalog, Indexed>()

const buildIndex = (catalog: Catalog): Indexed => {
  const index = new Map<string, Array<Candidate>>()
  const origins = new Set<string>()
  for (const s of catalog.services) {
    for (const e of s.endpoints) {
      // never handed out: explained by `explain`
      if (urlProblem(e.url) !== undefined) continue
      origins.add(new URL(e.url).origin)
      const key = `${s.type}\u0000${e.interface}`
      let list = index.get(key)
      if (list === undefined) index.set(key, list = [])
      list.push({ region: e.region, name: s.name, sortKey: `${e.region ?? ""}\u0000${s.name}\u0000${s.id}\u0000${e.id}`, url: e.url })
    }
  }
  for (const list of index.values()) list.sort((a, b) => (a.sortKey < b.sortKey ? -1 : a.sortKey > b.sortKey ? 1 : 0))
  return { byTypeInterface: index, origins, answers: new Map() }
}

const indexOf = (catalog: Catalog): Indexed => {
  let entry = indexes.get(catalog)
  if (entry === undefined) {
    entry = buildIndex(catalog)
    indexes.set(catalog, entry)
  }
  return entry
}

/**
 * The origins (`scheme://host:port`) of every endpoint `endpoint` may hand
 * out: where a token from this catalog is meant to go. Computed once per
 * catalog.
 *
 * @since 0.2.0
 * @category lookup
 */
export const origins = (catalog: Catalog): ReadonlySet<string> => indexOf(catalog).origins

const interfaces = new Set<string>(v2Interfaces.flat())

// Untyped callers (JavaScript, parsed input) get an EndpointNotFound, not a defect.
const invalidFilter = (filter: EndpointFilter): EndpointNotFound | undefined => {
  const f = filter as Partial<Record<keyof EndpointFilter, unknown>> | null | undefined
  const text = (u: unknown) => (typeof u === "string" ? u : undefined)
  const reasons: Array<string> = []
  if (typeof f !== "object" || f === null) reasons.push("the filter is not an object")
  else {
    if (typeof f.type !== "string" || f.type === "") reasons.push("the filter has no service type")
    if (f.interface !== undefined && !interfaces.has(String(f.interface))) {
      reasons.push(`interface ${String(f.interface)} is not public, internal or admin`)
    }
    for (const k of ["region", "name"] as const) {
      if (f[k] !== undefined && typeof f[k] !== "string") reasons.push(`${k} must be a string`)
    }
  }
  if (reasons.length === 0) return undefined
  const safe = {
    type: text(f?.type) ?? "",
    ...(text(f?.interface) === undefined ? {} : { interface: text(f?.interface)! }),
    ...(text(f?.region) === undefined ? {} : { region: text(f?.region)! }),
    ...(text(f?.name) === undefined ? {} : { name: text(f?.name)! })
  }
  return new EndpointNotFound({ filter: safe, reasons })
}

/**
 * The URL of the endpoint matching `filter`, or `EndpointNotFound` explaining
 * every rejected candidate. Only absolute `http:`/`https:` URLs without user
 * info are ever returned (see `urlProblem`); others are explained misses. When several match, the first by region, service
 * name, service id and endpoint id wins, whatever order Keystone sent.
 *
 * The catalog is indexed once (by type and interface) and each distinct
 * filter's answer is remembered, so repeated lookups are a map read.
 *
 * @since 0.1.0
 * @category lookup
 *
 * @example
 * ```ts
 * import { Catalog } from "@effect-keystone/schema"
 * import { Either } from "effect"
 *
 * const url = Catalog.endpoint(token.catalog, { type: "compute", interface: "internal", region: "RegionOne" })
 * if (Either.isLeft(url)) console.error(url.left.message) // lists every rejected candidate and why
 * ```
 */
export const endpoint = (catalog: Catalog, filter: EndpointFilter): Either.Either<string, EndpointNotFound> => {
  const invalid = invalidFilter(filter)
  if (invalid !== undefined) return Either.left(invalid)
  const { answers, byTypeInterface } = indexOf(catalog)
  const iface = normalizeInterface(filter.interface)
  const key = `${filter.type}\u0000${iface}\u0000${filter.region ?? "\u0001"}\u0000${filter.name ?? "\u0001"}`
  const cached = answers.get(key)
  if (cached !== undefined) return cached
  const candidates = byTypeInterface.get(`${filter.type}\u0000${iface}`) ?? []
  const hit = candidates.find((c) =>
    (filter.region === undefined || c.region === filter.region) && (filter.name === undefined || c.name === filter.name)
  )
  const answer: Either.Either<string, EndpointNotFound> = hit !== undefined
    ? Either.right(hit.url)
    : Either.left(
      new EndpointNotFound({
        filter: { ...filter, interface: iface },
        reasons: explain(catalog, filter, iface)
      })
    )
  answers.set(key, answer)
  return answer
}

/**
 * Every endpoint of services of `type` (any interface, any region).
 *
 * @since 0.1.0
 * @category lookup
 */
export const endpointsOfType = (catalog: Catalog, type: string): ReadonlyArray<Endpoint & { readonly service: string }> =>
  catalog.services.filter((s) => s.type === type).flatMap((s) => s.endpoints.map((e) => ({ ...e, service: s.name })))
