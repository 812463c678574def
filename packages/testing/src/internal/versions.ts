/**
 * Version discovery: GET / (300), GET /v3 and GET /v2.0 (200).
 */
import type { Ctx } from "./context.js"
import * as http from "./http.js"

export type ApiVersion = "v3" | "v2.0"

const v3 = (baseUrl: string) => ({
  id: "v3.14",
  status: "stable",
  updated: "2020-04-07T00:00:00Z",
  links: [{ rel: "self", href: `${baseUrl}/v3/` }],
  "media-types": [{ base: "application/json", type: "application/vnd.openstack.identity-v3+json" }]
})

const v2 = (baseUrl: string) => ({
  id: "v2.0",
  status: "deprecated",
  updated: "2016-08-04T00:00:00Z",
  links: [
    { rel: "self", href: `${baseUrl}/v2.0/` },
    { rel: "describedby", type: "text/html", href: "https://docs.openstack.org/" }
  ],
  "media-types": [{ base: "application/json", type: "application/vnd.openstack.identity-v2.0+json" }]
})

export const root = (enabled: ReadonlyArray<ApiVersion>) => (_: unknown, ctx: Ctx) =>
  http.v3Json(
    300,
    {
      versions: {
        values: [
          ...(enabled.includes("v3") ? [v3(ctx.baseUrl)] : []),
          ...(enabled.includes("v2.0") ? [v2(ctx.baseUrl)] : [])
        ]
      }
    },
    enabled.includes("v3") ? { location: `${ctx.baseUrl}/v3/` } : {}
  )

export const showV3 = (_: unknown, ctx: Ctx) => http.v3Json(200, { version: v3(ctx.baseUrl) })

export const showV2 = (_: unknown, ctx: Ctx) => http.v2Json(200, { version: v2(ctx.baseUrl) })
