/**
 * Maps a request to its route key (what `count` counts and `Fault.route`
 * matches) and its handler.
 */
import { Url } from "@effect-keystone/schema"
import type { Seed } from "../KeystoneSim.js"
import type { Ctx, Handler } from "./context.js"
import * as http from "./http.js"
import type { SimRequest } from "./http.js"
import * as v2 from "./v2.js"
import * as v3 from "./v3.js"
import * as versions from "./versions.js"

type Methods = Partial<Record<"GET" | "POST" | "DELETE", (id: string) => Handler>>

interface Entry {
  readonly template: string
  readonly pattern: RegExp
  readonly version: versions.ApiVersion | undefined
  readonly methods: Methods
}

const entry = (template: string, methods: Methods, version?: versions.ApiVersion): Entry => ({
  template,
  pattern: new RegExp(`^${template.replace(/\./g, "\\.").replace("{id}", "([^/]+)")}$`),
  version,
  methods
})

const always = (handler: Handler) => () => handler

const table = (enabled: ReadonlyArray<versions.ApiVersion>): ReadonlyArray<Entry> => [
  entry("/", { GET: always(versions.root(enabled)) }),
  entry("/v3", { GET: always(versions.showV3) }, "v3"),
  entry("/v3/auth/tokens", { POST: always(v3.issue), GET: always(v3.validate), DELETE: always(v3.revoke) }, "v3"),
  entry("/v3/auth/catalog", { GET: always(v3.catalog) }, "v3"),
  entry("/v3/auth/projects", { GET: always(v3.projects) }, "v3"),
  entry("/v3/auth/domains", { GET: always(v3.domains) }, "v3"),
  entry("/v3/auth/system", { GET: always(v3.system) }, "v3"),
  entry("/v2.0", { GET: always(versions.showV2) }, "v2.0"),
  entry("/v2.0/tokens", { POST: always(v2.issue) }, "v2.0"),
  entry("/v2.0/tokens/{id}", { GET: v2.validate, DELETE: v2.revoke }, "v2.0"),
  entry("/v2.0/tokens/{id}/endpoints", { GET: v2.endpoints }, "v2.0")
]

/** Every route key, HEAD included wherever GET is. */
export const routeKeys: ReadonlyArray<string> = table(["v3", "v2.0"]).flatMap((e) =>
  Object.keys(e.methods).flatMap((m) => m === "GET" ? [`GET ${e.template}`, `HEAD ${e.template}`] : [`${m} ${e.template}`])
)

export interface Route {
  readonly key: string
  readonly handler: Handler
}

const notFound: Handler = () => http.notFoundPage()

const decode = (segment: string) => {
  try {
    return decodeURIComponent(segment)
  } catch {
    return segment
  }
}

/** Flask does not mind one trailing slash. */
const normalize = (path: string) => (path.length > 1 && path.endsWith("/") ? path.slice(0, -1) : path)

const serviceStub = (service: Seed.Service): Handler => (req, ctx) => {
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

export const make = (enabled: ReadonlyArray<versions.ApiVersion>) => {
  const entries = table(enabled)
  return (req: SimRequest, ctx: Pick<Ctx, "dir">): Route => {
    const method = req.method.toUpperCase()
    const service = ctx.dir.serviceAt(req.url.href)
    if (service !== undefined) return { key: `${method} service:${service.type}`, handler: serviceStub(service) }
    const path = normalize(req.url.pathname)
    for (const e of entries) {
      const match = e.pattern.exec(path)
      if (match === null) continue
      const key = `${method} ${e.template}`
      if (e.version !== undefined && !enabled.includes(e.version)) return { key, handler: notFound }
      const handler = e.methods[(method === "HEAD" ? "GET" : method) as keyof Methods]
      if (handler === undefined) {
        const allow = ["OPTIONS", ...Object.keys(e.methods).flatMap((m) => (m === "GET" ? ["GET", "HEAD"] : [m]))].join(", ")
        return { key, handler: () => (method === "OPTIONS" ? http.options(allow) : http.methodNotAllowed(allow)) }
      }
      return { key, handler: handler(decode(match[1] ?? "")) }
    }
    return { key: `${method} ${path}`, handler: notFound }
  }
}
