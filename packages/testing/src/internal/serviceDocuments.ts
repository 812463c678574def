/**
 * Version documents as OpenStack services answer them (shapes from Nova's,
 * Glance's and Swift's API references), for a seeded service's `documents`.
 */
import { Url } from "@effect-keystone/schema"
import type { Seed } from "../KeystoneSim.js"

const novaVersion = (origin: string, id: "v2.0" | "v2.1") => ({
  id,
  status: id === "v2.1" ? "CURRENT" : "SUPPORTED",
  version: id === "v2.1" ? "2.79" : "",
  min_version: id === "v2.1" ? "2.1" : "",
  updated: id === "v2.1" ? "2013-07-23T11:33:21Z" : "2011-01-21T11:33:21Z",
  links: [{ rel: "self", href: `${origin}/${id === "v2.1" ? "v2.1" : "v2"}/` }]
})

/** Nova: the root lists v2.0 and v2.1 (200); `/v2.1` shows v2.1 alone, microversions 2.1 to 2.79. */
export const nova = (origin: string): Array<Seed.Document> => {
  const o = Url.withoutTrailingSlashes(origin)
  return [
    { url: `${o}/`, body: { versions: [novaVersion(o, "v2.0"), novaVersion(o, "v2.1")] } },
    {
      url: `${o}/v2.1`,
      body: {
        version: {
          ...novaVersion(o, "v2.1"),
          "media-types": [{ base: "application/json", type: "application/vnd.openstack.compute+json;version=2.1" }]
        }
      }
    }
  ]
}

/** Glance: 300 Multiple Choices at the root; every v2.x links to `/v2/`. */
export const glance = (origin: string): Array<Seed.Document> => {
  const o = Url.withoutTrailingSlashes(origin)
  const minors = [9, 8, 7, 6, 5, 4, 3, 2, 1, 0]
  return [{
    url: `${o}/`,
    status: 300,
    body: {
      versions: minors.map((minor) => ({
        id: `v2.${minor}`,
        status: minor === 9 ? "CURRENT" : minor >= 3 ? "SUPPORTED" : "DEPRECATED",
        links: [{ rel: "self", href: `${o}/v2/` }]
      }))
    }
  }]
}

/** Swift: no version document (its root is 404); `/info` tells capabilities, not versions. */
export const swift = (origin: string): Array<Seed.Document> => [{
  url: `${Url.withoutTrailingSlashes(origin)}/info`,
  body: { swift: { version: "2.31.1", max_file_size: 5368709122 } }
}]
