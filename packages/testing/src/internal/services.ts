/**
 * The catalog's services (not identity): a stand-in for an OpenStack service
 * behind keystonemiddleware, and the documents the seed gives it.
 */
import { Url } from "@effect-keystone/schema"
import type { Seed } from "../KeystoneSim.js"
import type { Handler } from "./context.js"
import * as http from "./http.js"

/**
 * A seeded document at exactly its URL (GET and HEAD, no token); elsewhere
 * under an endpoint, 401 without a valid token and an echo of the request
 * and the token's identity with one; outside the endpoints, 404.
 */
export const stub = (service: Seed.Service): Handler => (req, ctx) => {
  if (service.documents !== undefined) {
    const href = Url.withoutTrailingSlashes(req.url.href)
    const doc = service.documents.find((d) => Url.withoutTrailingSlashes(d.url) === href)
    if (doc !== undefined && (req.method === "GET" || req.method === "HEAD")) return http.v2Json(doc.status ?? 200, doc.body)
    const under = service.endpoints.some((e) => req.url.href.startsWith(e.url.split(/\$\(|%\(/)[0]!))
    if (!under) return http.notFoundPage()
  }
  const id = req.headers["x-auth-token"]
  const found = id === undefined ? undefined : ctx.tokens.lookup(id, ctx.now)
  if (found?._tag !== "Valid") return http.middlewareUnauthorized(ctx.baseUrl)
  const scope = found.token.scope
  return http.v2Json(200, {
    service: { type: service.type, name: service.name },
    method: req.method,
    path: req.url.pathname,
    token: { user_id: found.token.userId, project_id: scope._tag === "Project" ? scope.projectId : null }
  })
}
