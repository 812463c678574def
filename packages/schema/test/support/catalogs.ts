/**
 * Shared by the catalog tests: an endpoint in one line, and the miss a
 * lookup must give.
 */
import { Catalog } from "@effect-keystone/schema"
import { Either } from "effect"

/** An endpoint of a hand-written catalog. */
export const ep = (id: string, iface: Catalog.Interface, region: string | null, url: string): Catalog.Endpoint => ({
  id,
  interface: iface,
  region,
  url
})

/** The `EndpointNotFound` of a lookup that must miss (throws if it finds one). */
export const notFound = (c: Catalog.Catalog, f: Catalog.EndpointFilter): Catalog.EndpointNotFound => {
  const r = Catalog.endpoint(c, f)
  if (Either.isRight(r)) throw new Error(`expected no endpoint for ${JSON.stringify(f)}, got ${r.right}`)
  return r.left
}
