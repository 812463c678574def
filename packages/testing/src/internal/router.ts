/**
 * The simulator's routes on the platform's `HttpLayerRouter` (Effect 4's
 * `HttpRouter`): each path of the table with its route key (what `count`
 * counts and `Fault.route` matches), catalog services by URL ahead of them,
 * and Werkzeug's 404 for everything else.
 */
import * as HttpLayerRouter from "@effect/platform/HttpLayerRouter"
import * as HttpServerRequest from "@effect/platform/HttpServerRequest"
import type * as HttpServerResponse from "@effect/platform/HttpServerResponse"
import * as Effect from "effect/Effect"
import type { Seed } from "../KeystoneSim.js"
import type { EffectHandler, Handler } from "./context.js"
import * as exchange from "./exchange.js"
import * as federation from "./federation.js"
import * as http from "./http.js"
import * as oauth2 from "./oauth2.js"
import * as services from "./services.js"
import * as v2 from "./v2.js"
import * as v3 from "./v3.js"
import * as v3Lists from "./v3Lists.js"
import * as versions from "./versions.js"

/** The path's parameters by name (`{idp}` in a template is `params.idp`). */
type Params = Readonly<Record<string, string>>

type Methods = Partial<Record<"GET" | "POST" | "PUT" | "PATCH" | "DELETE", (params: Params) => Handler | EffectHandler>>

interface Entry {
  readonly template: string
  readonly version: versions.ApiVersion | undefined
  readonly methods: Methods
}

const entry = (template: string, methods: Methods, version?: versions.ApiVersion): Entry => ({
  template,
  version,
  methods
})

const always = (handler: Handler) => () => handler

const federatedLogin = ({ idp, protocol }: Params) => federation.login(idp!, protocol!)

/** Add a route here: a path (`{name}` for a parameter), its handlers, the API version it belongs to. */
const table = (enabled: ReadonlyArray<versions.ApiVersion>): ReadonlyArray<Entry> => [
  entry("/", { GET: always(versions.root(enabled)) }),
  entry("/v3", { GET: always(versions.showV3) }, "v3"),
  entry("/v3/auth/tokens", { POST: always(v3.issue), GET: always(v3.validate), DELETE: always(v3.revoke) }, "v3"),
  entry("/v3/auth/catalog", { GET: always(v3Lists.catalog) }, "v3"),
  entry("/v3/auth/projects", { GET: always(v3Lists.projects) }, "v3"),
  entry("/v3/auth/domains", { GET: always(v3Lists.domains) }, "v3"),
  entry("/v3/auth/system", { GET: always(v3Lists.system) }, "v3"),
  entry("/v3/OS-REVOKE/events", { GET: always(v3Lists.revokeEvents) }, "v3"),
  entry(
    "/v3/OS-FEDERATION/identity_providers/{idp}/protocols/{protocol}/auth",
    { GET: federatedLogin, POST: federatedLogin },
    "v3"
  ),
  entry("/v3/OS-OAUTH2/token", {
    POST: always(oauth2.token),
    GET: always(oauth2.methodNotAllowed),
    PUT: always(oauth2.methodNotAllowed),
    PATCH: always(oauth2.methodNotAllowed),
    DELETE: always(oauth2.methodNotAllowed)
  }, "v3"),
  entry("/v2.0", { GET: always(versions.showV2) }, "v2.0"),
  entry("/v2.0/tokens", { POST: always(v2.issue) }, "v2.0"),
  entry("/v2.0/tokens/{id}", { GET: ({ id }) => v2.validate(id!), DELETE: ({ id }) => v2.revoke(id!) }, "v2.0"),
  entry("/v2.0/tokens/{id}/endpoints", { GET: ({ id }) => v2.endpoints(id!) }, "v2.0")
]

/** Every route key, HEAD included wherever GET is. */
export const routeKeys: ReadonlyArray<string> = table(["v3", "v2.0"]).flatMap((e) =>
  Object.keys(e.methods).flatMap((m) => m === "GET" ? [`GET ${e.template}`, `HEAD ${e.template}`] : [`${m} ${e.template}`])
)

/** Counts, faults and the answer of one request, given its route key and handler (see `sim.ts`). */
export type Respond = (
  key: string,
  handler: Handler | EffectHandler
) => Effect.Effect<HttpServerResponse.HttpServerResponse, never, HttpServerRequest.HttpServerRequest>

/** The methods a path is registered for; one without a handler answers 405 (OPTIONS: Flask's automatic answer). HEAD falls back to GET in the router. */
const registered = ["GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const

const allowed = (e: Entry) =>
  ["OPTIONS", ...Object.keys(e.methods).flatMap((m) => (m === "GET" ? ["GET", "HEAD"] : [m]))].join(", ")

const handlerFor = (e: Entry, enabled: ReadonlyArray<versions.ApiVersion>, method: string, params: Params): Handler | EffectHandler => {
  if (e.version !== undefined && !enabled.includes(e.version)) return () => http.notFoundPage()
  const handler = e.methods[(method === "HEAD" ? "GET" : method) as keyof Methods]
  if (handler !== undefined) return handler(params)
  return () => (method === "OPTIONS" ? http.options(allowed(e)) : http.methodNotAllowed(allowed(e)))
}

const routesOf = (e: Entry, enabled: ReadonlyArray<versions.ApiVersion>, respond: Respond) => {
  const handle = Effect.gen(function*() {
    const { method } = yield* HttpServerRequest.HttpServerRequest
    const params = yield* HttpLayerRouter.params
    const given = Object.fromEntries(Object.entries(params).map(([k, v]) => [k, v ?? ""]))
    return yield* respond(`${method} ${e.template}`, handlerFor(e, enabled, method, given))
  })
  const path = e.template.replace(/\{(\w+)\}/g, ":$1") as HttpLayerRouter.PathInput
  return registered.map((method) => HttpLayerRouter.route(method, path, handle))
}

/** As Flask routes: one trailing slash ignored, case and repeated slashes significant, ids of any length. */
const routerConfig = { ignoreTrailingSlash: true, ignoreDuplicateSlashes: false, caseSensitive: true, maxParamLength: 8192 }

/** Flask does not mind one trailing slash. */
const normalize = (path: string) => (path.length > 1 && path.endsWith("/") ? path.slice(0, -1) : path)

/** The simulator as an `HttpApp`. */
export const make = (options: {
  readonly enabled: ReadonlyArray<versions.ApiVersion>
  readonly baseUrl: string
  readonly serviceAt: (url: string) => Seed.Service | undefined
  readonly respond: Respond
}) =>
  Effect.gen(function*() {
    const router = yield* HttpLayerRouter.make
    yield* router.addAll(table(options.enabled).flatMap((e) => routesOf(e, options.enabled, options.respond)))
    const keystone = router.asHttpEffect()
    return Effect.gen(function*() {
      const { method } = yield* HttpServerRequest.HttpServerRequest
      const url = yield* exchange.requestUrl(options.baseUrl)
      const service = options.serviceAt(url.href)
      if (service !== undefined) return yield* options.respond(`${method} service:${service.type}`, services.stub(service))
      return yield* Effect.catchAll(keystone, () => options.respond(`${method} ${normalize(url.pathname)}`, () => http.notFoundPage()))
    }).pipe(Effect.scoped)
  }).pipe(Effect.provideService(HttpLayerRouter.RouterConfig, routerConfig))
