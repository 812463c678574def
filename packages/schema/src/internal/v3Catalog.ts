// A v3 catalog entry as the library keeps it: one definition, for the schema
// path (`Catalog.fromV3`) and the fast path (`fastV3.catalog`) alike.
import type * as Catalog from "../Catalog.js"

/** A v3 endpoint: `region_id`, else the legacy `region`, else none. */
export const endpoint = (e: {
  readonly id: string
  readonly interface: Catalog.Interface
  readonly region_id?: string | null | undefined
  readonly region?: string | null | undefined
  readonly url: string
}): Catalog.Endpoint => ({ id: e.id, interface: e.interface, region: e.region_id ?? e.region ?? null, url: e.url })

/** A v3 service, its endpoints already made. */
export const service = (
  s: { readonly id: string; readonly type: string; readonly name?: string | undefined },
  endpoints: ReadonlyArray<Catalog.Endpoint>
): Catalog.Service => ({ id: s.id, type: s.type, name: s.name ?? "", endpoints })
