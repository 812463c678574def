/**
 * Service version discovery, as keystoneauth1's `get_endpoint(min_version,
 * max_version)`: read the service's version document (`versions` list,
 * Keystone's `versions.values`, or a single `version`; 200 or 300 Multiple
 * Choices), pick the highest version within the range, and bind to its URL.
 * One discovery per endpoint at a time; a failed one is not kept.
 *
 * @internal
 */
import type * as HttpClient from "@effect/platform/HttpClient"
import * as Memo from "@effect-keystone/client/Memo"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Option from "effect/Option"
import * as Errors from "./serviceErrors.js"

/** @internal */
export interface ServiceVersion {
  /** As the service names it, e.g. `v2.1`. */
  readonly id: string
  /** `major.minor`, e.g. `2.1`. */
  readonly version: string
  /** `CURRENT`, `SUPPORTED` or `DEPRECATED`. */
  readonly status: string
  /** The URL relative paths are joined to. */
  readonly url: string
  /** The microversion range, when the service announces one. */
  readonly minMicroversion: string | undefined
  readonly maxMicroversion: string | undefined
}

interface Offered {
  readonly id: string
  readonly major: number
  readonly minor: number
  readonly status: string
  readonly href: string | undefined
  readonly minMicroversion: string | undefined
  readonly maxMicroversion: string | undefined
}

/** @internal */
export interface Range {
  readonly min?: string | undefined
  readonly max?: string | undefined
}

type Numbers = readonly [number, number | undefined]

/** `"2"`, `"v2.1"`, `"3.14"` → numbers; `"latest"`, nonsense → undefined. @internal */
export const parseVersion = (s: string | undefined): Numbers | undefined => {
  const m = s === undefined ? null : /^v?(\d{1,6})(?:\.(\d{1,6}))?$/i.exec(s.trim())
  return m === null ? undefined : [Number(m[1]), m[2] === undefined ? undefined : Number(m[2])]
}

const atLeast = (v: Offered | Numbers, min: Numbers | undefined) => {
  if (min === undefined) return true
  const [major, minor] = "id" in v ? [v.major, v.minor] : [v[0], v[1] ?? 0]
  return major > min[0] || (major === min[0] && minor >= (min[1] ?? 0))
}
const atMost = (v: Offered | Numbers, max: Numbers | undefined) => {
  if (max === undefined) return true
  const [major, minor] = "id" in v ? [v.major, v.minor] : [v[0], v[1] ?? 0]
  return major < max[0] || (major === max[0] && (max[1] === undefined || minor <= max[1]))
}

const statuses: Record<string, string> = { CURRENT: "CURRENT", STABLE: "CURRENT", SUPPORTED: "SUPPORTED", DEPRECATED: "DEPRECATED" }
const rank: Record<string, number> = { CURRENT: 2, SUPPORTED: 1, DEPRECATED: 0 }

const str = (u: unknown): string | undefined => (typeof u === "string" && u !== "" ? u : undefined)

/** The versions a document offers (experimental and unknown ones left out). @internal */
export const parseDocument = (json: unknown): Array<Offered> | undefined => {
  const top = typeof json === "object" && json !== null ? (json as Record<string, unknown>) : undefined
  if (top === undefined) return undefined
  const versions = top.versions
  const list: Array<unknown> | undefined = Array.isArray(versions)
    ? versions
    : typeof versions === "object" && versions !== null && Array.isArray((versions as { values?: unknown }).values)
    ? (versions as { values: Array<unknown> }).values
    : typeof top.version === "object" && top.version !== null
    ? [top.version]
    : Array.isArray(top.choices)
    ? top.choices
    : undefined
  if (list === undefined) return undefined
  const out: Array<Offered> = []
  for (const entry of list) {
    if (typeof entry !== "object" || entry === null) continue
    const e = entry as Record<string, unknown>
    const id = str(e.id)
    const numbers = parseVersion(id)
    const status = statuses[String(e.status ?? "").toUpperCase()]
    if (id === undefined || numbers === undefined || status === undefined) continue
    const links = Array.isArray(e.links) ? e.links : []
    const self = links.find((l): l is { href: string } =>
      typeof l === "object" && l !== null && (l as { rel?: unknown }).rel === "self" &&
      typeof (l as { href?: unknown }).href === "string"
    )
    out.push({
      id,
      major: numbers[0],
      minor: numbers[1] ?? 0,
      status,
      href: self?.href,
      minMicroversion: str(e.min_version),
      maxMicroversion: str(e.version)
    })
  }
  return out
}

const versionSegment = /\/v\d+(?:\.\d+)?(?=\/|$)/i

/** Where to look for the version document: the endpoint, its versioned prefix, its unversioned root. @internal */
export const candidates = (endpoint: string): Array<string> => {
  const url = new URL(endpoint)
  url.hash = ""
  const path = url.pathname
  const m = versionSegment.exec(path)
  const out = [url.href]
  if (m !== null) {
    out.push(`${url.origin}${path.slice(0, m.index + m[0].length)}`)
    out.push(`${url.origin}${path.slice(0, m.index)}/`)
  } else if (path !== "/") {
    out.push(`${url.origin}/`)
  }
  return [...new Set(out)]
}

/** The URL to bind to for `chosen`: the endpoint itself when it names that version, else the link, on the endpoint's origin. */
const urlFor = (endpoint: string, from: string, chosen: Offered): string | undefined => {
  const base = new URL(endpoint)
  const segment = versionSegment.exec(base.pathname)?.[0]?.slice(1)
  const numbers = segment === undefined ? undefined : parseVersion(segment)
  // `/v3` names any 3.x (Keystone's v3.14); `/v2.1` names 2.1 only
  if (numbers !== undefined && numbers[0] === chosen.major && (numbers[1] === undefined || numbers[1] === chosen.minor)) {
    return endpoint
  }
  if (chosen.href === undefined) return undefined
  try {
    const link = new URL(chosen.href, from)
    if (link.protocol !== "http:" && link.protocol !== "https:") return undefined
    // A link naming another host (a proxy's internal name, or a planted one) keeps only its path.
    return `${base.origin}${link.pathname}`
  } catch {
    return undefined
  }
}

/** A version document is small: one over the cap, or not JSON, is no document. */
const parseBody = (body: { readonly text: string; readonly truncated: boolean } | undefined) => {
  if (body === undefined || body.truncated) return undefined
  try {
    return parseDocument(JSON.parse(body.text))
  } catch {
    return undefined
  }
}

interface Found {
  readonly from: string
  readonly offered: Array<Offered>
}

const fetchOffered = <E>(http: HttpClient.HttpClient.With<E>, endpoint: string): Effect.Effect<Found, E> =>
  Effect.gen(function*() {
    for (const url of candidates(endpoint)) {
      const found = yield* http.get(url, { acceptJson: true }).pipe(
        Effect.flatMap((response) =>
          response.status === 200 || response.status === 300
            ? Effect.map(Errors.readCapped(response), parseBody)
            : Effect.as(Effect.ignore(response.arrayBuffer), undefined)
        )
      )
      if (found !== undefined && found.length > 0) return { from: url, offered: found }
    }
    // No document: the version in the endpoint's own path, as keystoneauth1 infers it (Swift's `/v1/AUTH_…`).
    const segment = versionSegment.exec(new URL(endpoint).pathname)?.[0]?.slice(1)
    const numbers = segment === undefined ? undefined : parseVersion(segment)
    const inferred: Array<Offered> = segment === undefined || numbers === undefined ? [] : [{
      id: segment,
      major: numbers[0],
      minor: numbers[1] ?? 0,
      status: "CURRENT",
      href: undefined,
      minMicroversion: undefined,
      maxMicroversion: undefined
    }]
    return { from: endpoint, offered: inferred }
  })

/** The version to bind to within `range`, from what `offered` finds at the endpoint. */
const choose = <E>(offered: (endpoint: string) => Effect.Effect<Found, E>, serviceType: string) =>
(endpoint: string, range: Range) =>
  Effect.flatMap(offered(endpoint), ({ from, offered }) => {
    const min = parseVersion(range.min)
    const max = range.max === "latest" ? undefined : parseVersion(range.max)
    const fits = offered
      .filter((v) => atLeast(v, min) && atMost(v, max))
      .sort((a, b) => b.major - a.major || b.minor - a.minor || rank[b.status]! - rank[a.status]!)
    const list = offered.map((v) => `${v.id} ${v.status}`)
    const fail = (reason: string) =>
      Effect.fail(new Errors.VersionNotAvailable({
        serviceType,
        endpoint: Errors.redactUrl(endpoint),
        ...(range.min === undefined ? {} : { min: range.min }),
        ...(range.max === undefined ? {} : { max: range.max }),
        offered: list,
        reason
      }))
    if (offered.length === 0) return fail("the service offers no version document and its URL names no version")
    for (const chosen of fits) {
      const url = urlFor(endpoint, from, chosen)
      if (url === undefined) continue
      return Effect.succeed<ServiceVersion>({
        id: chosen.id,
        version: `${chosen.major}.${chosen.minor}`,
        status: chosen.status,
        url,
        minMicroversion: chosen.minMicroversion,
        maxMicroversion: chosen.maxMicroversion
      })
    }
    return fail(fits.length === 0 ? "none is within the range" : "no fitting version has a usable link")
  })

/** The endpoints whose documents a session keeps (few: the services its clients call). */
const endpointCapacity = 256

/** What each endpoint offers, single flight, successes kept: one per session, shared by its clients. */
const offeredBySession = new WeakMap<object, Memo.Memo<string, Found, unknown>>()

/**
 * Discovery for one service type: `session` keys the cache of version
 * documents (every client of a session shares it), `http` reads them. The
 * document is read in the context of the request that needed it.
 *
 * @internal
 */
export const makeCache = <E>(session: object, http: HttpClient.HttpClient.With<E>, serviceType: string) =>
  Effect.map(
    Effect.flatMap(
      Memo.make({
        capacity: endpointCapacity,
        lookup: (endpoint: string) => fetchOffered(http, endpoint),
        // a service that answered nothing usable (a 503 too) is asked again next time, as a failure is
        keepFor: (found) => found.offered.length === 0 ? Duration.zero : Duration.infinity
      }),
      (made) =>
        Effect.sync(() => {
          const shared = offeredBySession.get(session)
          if (shared !== undefined) return shared as Memo.Memo<string, Found, E>
          offeredBySession.set(session, made as Memo.Memo<string, Found, unknown>)
          return made
        })
    ),
    (memo) => choose(memo.get, serviceType)
  )

/** The microversion to send: the one asked for, checked against the range; `latest` is the maximum. @internal */
export const negotiate = (
  serviceType: string,
  found: ServiceVersion,
  wanted: string | undefined
): Effect.Effect<Option.Option<string>, Errors.MicroversionNotSupported> => {
  if (wanted === undefined) return Effect.succeed(Option.none())
  const min = parseVersion(found.minMicroversion)
  const max = parseVersion(found.maxMicroversion)
  const refuse = Effect.fail(new Errors.MicroversionNotSupported({
    serviceType,
    wanted,
    ...(found.minMicroversion === undefined ? {} : { min: found.minMicroversion }),
    ...(found.maxMicroversion === undefined ? {} : { max: found.maxMicroversion })
  }))
  if (min === undefined || max === undefined) return refuse
  if (wanted === "latest") return Effect.succeed(Option.some(found.maxMicroversion!))
  const asked = parseVersion(wanted)
  if (asked === undefined || asked[1] === undefined) return refuse
  return atLeast(asked, min) && atMost(asked, [max[0], max[1] ?? 0]) ? Effect.succeed(Option.some(`${asked[0]}.${asked[1]}`)) : refuse
}
