// A v3 catalog entry as the library keeps it: one definition, for the schema
// path (`Catalog.fromV3`) and the fast path (`fastV3.catalog`) alike.
import type * as Catalog from "../Catalog.js"

type V3Endpoint = {
  readonly id: string
  readonly interface: Catalog.Interface
  readonly region_id?: string | null | undefined
  readonly region?: string | null | undefined
  readonly url: string
}

/** A v3 endpoint's region: `region_id`, else the legacy `region`, else none. */
export const region = (e: V3Endpoint): string | null => e.region_id ?? e.region ?? null

/** A v3 endpoint as the library keeps it. */
export const endpoint = (e: V3Endpoint): Catalog.Endpoint => ({ id: e.id, interface: e.interface, region: region(e), url: e.url })

/** Whether `kept` is what `endpoint(e)` would make. */
export const sameEndpoint = (kept: Catalog.Endpoint, e: V3Endpoint): boolean =>
  kept.id === e.id && kept.url === e.url && kept.interface === e.interface && kept.region === region(e)

/** Whether `kept` is what `service(s, endpoints)` would make, given endpoints that are `kept`'s own. */
export const sameService = (kept: Catalog.Service, s: { readonly id: string; readonly type: string; readonly name?: string | undefined }): boolean =>
  kept.id === s.id && kept.type === s.type && kept.name === (s.name ?? "")

/** A v3 service, its endpoints already made. */
export const service = (
  s: { readonly id: string; readonly type: string; readonly name?: string | undefined },
  endpoints: ReadonlyArray<Catalog.Endpoint>
): Catalog.Service => ({ id: s.id, type: s.type, name: s.name ?? "", endpoints })
