// A structural check of `V3.TokenResponse` in plain JavaScript, for the
// success path of decoding. It accepts a subset of what the schema accepts
// (a property test holds it to that); anything it rejects goes through the
// schema, which produces the ParseError. The catalog, the bulk of a token,
// is checked while it is built (`catalog`): one walk, not two.
import type * as Catalog from "../Catalog.js"
import { empty, Interface } from "../Catalog.js"
import * as V3Catalog from "./v3Catalog.js"
import type * as V3 from "../V3.js"

type Obj = Record<string, unknown>

const isObj = (u: unknown): u is Obj => typeof u === "object" && u !== null && !Array.isArray(u)
const isStr = (u: unknown): u is string => typeof u === "string"
const strOrNull = (u: unknown) => u === null || typeof u === "string"
const opt = (u: unknown, pred: (u: unknown) => boolean) => u === undefined || pred(u)
const arrayOf = (u: unknown, pred: (u: unknown) => boolean) => {
  if (!Array.isArray(u)) return false
  for (let i = 0; i < u.length; i++) if (!pred(u[i])) return false
  return true
}

const interfaces: ReadonlySet<unknown> = new Set(Interface.literals)

const named = (u: unknown) => isObj(u) && isStr(u.id) && isStr(u.name)
const idOnly = (u: unknown) => isObj(u) && isStr(u.id)

const user = (u: unknown) =>
  isObj(u) && isStr(u.id) && isStr(u.name) && opt(u.domain, named) && opt(u.password_expires_at, strOrNull)

const project = (u: unknown) => isObj(u) && isStr(u.id) && isStr(u.name) && named(u.domain)

const appCred = (u: unknown) => isObj(u) && isStr(u.id) && isStr(u.name) && typeof u.restricted === "boolean"

const trust = (u: unknown) =>
  isObj(u) && isStr(u.id) && typeof u.impersonation === "boolean" && idOnly(u.trustee_user) && idOnly(u.trustor_user)

const token = (t: unknown) =>
  isObj(t) &&
  arrayOf(t.methods, isStr) &&
  user(t.user) &&
  opt(t.audit_ids, (u) => arrayOf(u, isStr)) &&
  strOrNull(t.expires_at) &&
  isStr(t.issued_at) &&
  opt(t.roles, (u) => arrayOf(u, named)) &&
  opt(t.project, project) &&
  opt(t.domain, named) &&
  opt(t.system, (u) => isObj(u) && typeof u.all === "boolean") &&
  opt(t.is_domain, (u) => typeof u === "boolean") &&
  opt(t.is_admin_project, (u) => typeof u === "boolean") &&
  opt(t.catalog, Array.isArray) &&
  opt(t.application_credential, appCred) &&
  opt(t["OS-TRUST:trust"], trust)

/** The body as a `TokenResponse` when it plainly is one (its catalog an array, checked by `catalog`), else `undefined`. */
export const tokenResponse = (u: unknown): V3.TokenResponse | undefined =>
  isObj(u) && token(u.token) ? (u as unknown as V3.TokenResponse) : undefined

/**
 * The catalog made last, whose services and endpoints the next one reuses
 * where they are the same: tokens of one project carry the same catalog, and
 * most endpoints of another project's are the same too. A catalog is never
 * changed once made, so sharing its parts between tokens is safe; only parts
 * equal to what the reply says are shared, so a reply cannot plant anything
 * in another token's catalog.
 */
let last: Catalog.Catalog = empty

/** The catalog made (or shared whole) last. */
export const lastCatalog = (): Catalog.Catalog => last

/**
 * A v3 `catalog` (an array) as a `Catalog` when every service and endpoint
 * plainly is one, else `undefined`. Checked, compared with the last catalog
 * and built in one walk; nothing is allocated for a catalog the same as the
 * last one (a 32 KiB token's catalog is most of what decoding it allocates).
 */
export const catalog = (raw: ReadonlyArray<unknown> | undefined): Catalog.Catalog | undefined => {
  if (raw === undefined || raw.length === 0) return empty
  const before = last.services
  // made lazily, from the first part that differs from the last catalog's
  let services: Array<Catalog.Service> | undefined = before.length === raw.length ? undefined : []
  for (let i = 0; i < raw.length; i++) {
    const s = raw[i]
    if (!isObj(s) || !isStr(s.id) || !isStr(s.type) || !opt(s.name, isStr) || !Array.isArray(s.endpoints)) return undefined
    const rawEndpoints: ReadonlyArray<unknown> = s.endpoints
    const kept: Catalog.Service | undefined = before[i]
    const keptEndpoints = kept !== undefined && kept.endpoints.length === rawEndpoints.length ? kept.endpoints : undefined
    let endpoints: Array<Catalog.Endpoint> | undefined = keptEndpoints === undefined ? [] : undefined
    for (let j = 0; j < rawEndpoints.length; j++) {
      const e = rawEndpoints[j]
      if (
        !isObj(e) || !isStr(e.id) || !isStr(e.url) || !interfaces.has(e.interface) ||
        !opt(e.region_id, strOrNull) || !opt(e.region, strOrNull)
      ) return undefined
      const v3 = e as Parameters<typeof V3Catalog.endpoint>[0]
      if (endpoints === undefined) {
        if (V3Catalog.sameEndpoint(keptEndpoints![j]!, v3)) continue
        endpoints = keptEndpoints!.slice(0, j)
      }
      endpoints.push(keptEndpoints !== undefined && V3Catalog.sameEndpoint(keptEndpoints[j]!, v3) ? keptEndpoints[j]! : V3Catalog.endpoint(v3))
    }
    const service = s as Parameters<typeof V3Catalog.service>[0]
    const same = endpoints === undefined && V3Catalog.sameService(kept!, service)
    if (services === undefined) {
      if (same) continue
      services = before.slice(0, i)
    }
    services.push(same ? kept! : V3Catalog.service(service, endpoints ?? keptEndpoints!))
  }
  if (services === undefined) return last
  return (last = { services })
}
