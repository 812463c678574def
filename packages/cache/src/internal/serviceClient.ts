/**
 * `ServiceClient.make`: `session.httpClient` bound to one service. The base
 * URL is resolved on every request (the endpoint from the current token's
 * catalog, indexed once per token; the discovered version, cached per
 * endpoint), the relative path joined to it, the User-Agent and microversion
 * headers set, and answers of 400 and up turned into `ServiceError`.
 *
 * @internal
 */
import * as HttpClient from "@effect/platform/HttpClient"
import type * as HttpClientError from "@effect/platform/HttpClientError"
import * as HttpClientRequest from "@effect/platform/HttpClientRequest"
import type { KeystoneError } from "@effect-keystone/client"
import type { Catalog } from "@effect-keystone/schema"
import * as Effect from "effect/Effect"
import * as Option from "effect/Option"
import type { KeystoneSessionService, OriginNotAllowed } from "../KeystoneSession.js"
import * as Discovery from "./serviceDiscovery.js"
import * as Errors from "./serviceErrors.js"
import type { Options as ServiceClientOptions } from "../ServiceClient.js"
import * as Join from "./serviceJoin.js"

/** @internal */
export const libraryVersion = "0.2.0"

/** @internal */
export type Options = ServiceClientOptions

/** @internal */
export type Error =
  | HttpClientError.HttpClientError
  | KeystoneError.KeystoneError
  | OriginNotAllowed
  | Catalog.EndpointNotFound
  | Errors.ServiceError
  | Errors.InvalidServicePath
  | Errors.VersionNotAvailable
  | Errors.MicroversionNotSupported

/** @internal */
export interface Resolved {
  /** The URL relative paths are joined to. */
  readonly endpoint: string
  readonly version: Option.Option<Discovery.ServiceVersion>
  /** The microversion sent with every request. */
  readonly microversion: Option.Option<string>
}

/** @internal */
export interface ServiceClient {
  readonly http: HttpClient.HttpClient.With<Error>
  readonly resolve: Effect.Effect<Resolved, Error>
  readonly endpoint: Effect.Effect<string, Error>
}

/** Legacy microversion headers, as keystoneauth1 sets them. */
const legacyHeader = (type: string): string | undefined =>
  type.startsWith("compute") ? "X-OpenStack-Nova-API-Version"
  : type.startsWith("baremetal") ? "X-OpenStack-Ironic-API-Version"
  : type.startsWith("sharev2") || type === "shared-file-system" ? "X-OpenStack-Manila-API-Version"
  : undefined

/** @internal */
export const userAgent = (app: string | undefined): string =>
  [app?.trim(), `effect-keystone/${libraryVersion}`].filter((s) => s !== undefined && s !== "").join(" ")

/** @internal */
export const make = (session: KeystoneSessionService, options: Options): Effect.Effect<ServiceClient> =>
  Effect.flatMap(session.httpClient, (sessionHttp) =>
    Effect.map(
      Discovery.makeCache(session, sessionHttp, options.type),
      (discovery) => bind(session, options, sessionHttp, discovery)
    ))

const bind = (
  session: KeystoneSessionService,
  options: Options,
  sessionHttp: Effect.Effect.Success<KeystoneSessionService["httpClient"]>,
  discovery: (endpoint: string, range: Discovery.Range) => Effect.Effect<Discovery.ServiceVersion, Error>
): ServiceClient => {
  const type = options.type
  const filter: Catalog.EndpointFilter = {
    type,
    interface: options.interface,
    region: options.region,
    name: options.name
  }
  const catalogUrl: Effect.Effect<string, Error> = options.endpointOverride !== undefined
    ? Effect.succeed(options.endpointOverride)
    : session.endpoint(filter)
  const wantsDiscovery = options.version !== undefined || options.microversion !== undefined

  const resolve: Effect.Effect<Resolved, Error> = Effect.flatMap(catalogUrl, (url) => {
    if (!wantsDiscovery) return Effect.succeed({ endpoint: url, version: Option.none(), microversion: Option.none() })
    return Effect.flatMap(discovery(url, options.version ?? {}), (found) =>
      Effect.map(Discovery.negotiate(type, found, options.microversion), (microversion) => ({
        endpoint: found.url,
        version: Option.some(found),
        microversion
      })))
  })

  const ua = userAgent(options.userAgent)
  const legacy = legacyHeader(type)

  const prepare = (request: HttpClientRequest.HttpClientRequest) =>
    Effect.flatMap(resolve, ({ endpoint, microversion }) => {
      const joined = Join.join(endpoint, request.url)
      if (joined._tag === "Refused") {
        return Effect.fail(new Errors.InvalidServicePath({ serviceType: type, path: String(request.url).slice(0, 200), reason: joined.reason }))
      }
      let out = HttpClientRequest.setUrl(request, joined.url).pipe(HttpClientRequest.setHeader("user-agent", ua))
      if (Option.isSome(microversion)) {
        out = HttpClientRequest.setHeader(out, "openstack-api-version", `${type} ${microversion.value}`)
        if (legacy !== undefined) out = HttpClientRequest.setHeader(out, legacy, microversion.value)
      }
      return Effect.succeed(out)
    })

  const mapped = HttpClient.mapRequestEffect(sessionHttp, prepare)
  const http: HttpClient.HttpClient.With<Error> = options.failOnStatus === false
    ? mapped
    : HttpClient.transformResponse(mapped, (effect) =>
      Effect.flatMap(effect, (response) =>
        response.status >= 400
          ? Effect.flatMap(Errors.fromResponse(type, response), Effect.fail)
          : Effect.succeed(response)))
  return { http, resolve, endpoint: Effect.map(resolve, (r) => r.endpoint) }
}
