/**
 * A stateful Keystone (Identity v3 and v2.0 token API) for tests and demos.
 *
 * It issues, validates, revokes and expires tokens on the Effect `Clock`
 * (so `TestClock` drives expiry), answers with Keystone's exact status codes,
 * headers and bodies, counts requests per route and injects faults. Use it
 * as an in-memory `HttpClient` (`layer`) or as a real HTTP server on
 * loopback (`serve`, `layerServer`).
 *
 * @since 0.1.0
 */
import * as HttpClient from "@effect/platform/HttpClient"
import type * as HttpClientError from "@effect/platform/HttpClientError"
import type * as HttpClientRequest from "@effect/platform/HttpClientRequest"
import type * as HttpClientResponse from "@effect/platform/HttpClientResponse"
import type { Catalog } from "@effect-keystone/schema"
import * as Context from "effect/Context"
import * as Data from "effect/Data"
import type * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import type * as Scope from "effect/Scope"
import type * as Fault from "./Fault.js"
import * as client from "./internal/client.js"
import * as defaults from "./internal/defaultSeed.js"
import * as documents from "./internal/serviceDocuments.js"
import * as server from "./internal/server.js"
import * as sim from "./internal/sim.js"

/**
 * The entities of a seed.
 *
 * @since 0.1.0
 * @category seed
 */
export declare namespace Seed {
  /**
   * @since 0.1.0
   */
  export interface Domain {
    readonly id: string
    readonly name: string
    readonly enabled?: boolean
    readonly description?: string
  }
  /**
   * @since 0.1.0
   */
  export interface Project {
    readonly id: string
    readonly name: string
    readonly domainId: string
    readonly enabled?: boolean
    readonly description?: string
  }
  /**
   * `passcode` is the TOTP passcode the simulator accepts (fixed, so tests
   * are deterministic). `mfaRules` are Keystone's MFA rules, e.g.
   * `[["password", "totp"]]`.
   *
   * @since 0.1.0
   */
  export interface User {
    readonly id: string
    readonly name: string
    readonly domainId: string
    readonly password: string
    readonly defaultProjectId?: string
    readonly enabled?: boolean
    readonly passcode?: string
    readonly mfaRules?: ReadonlyArray<ReadonlyArray<string>>
  }
  /**
   * @since 0.1.0
   */
  export interface Role {
    readonly id: string
    readonly name: string
  }
  /**
   * Holding `priorRoleId` also grants `impliedRoleId` (Keystone's bootstrap
   * makes admin imply member and member imply reader).
   *
   * @since 0.1.0
   */
  export interface ImpliedRole {
    readonly priorRoleId: string
    readonly impliedRoleId: string
  }
  /**
   * A role on exactly one of a project, a domain or the system.
   *
   * @since 0.1.0
   */
  export interface Assignment {
    readonly userId: string
    readonly roleId: string
    readonly projectId?: string
    readonly domainId?: string
    readonly system?: true
  }
  /**
   * `roles` are role ids or names; default: every role the user has on the
   * project. `restricted` defaults to `true`, as in Keystone.
   *
   * @since 0.1.0
   */
  export interface ApplicationCredential {
    readonly id: string
    readonly name: string
    readonly userId: string
    readonly secret: string
    readonly projectId: string
    readonly restricted?: boolean
    readonly roles?: ReadonlyArray<string>
  }
  /**
   * `roles` are role ids or names the trustee may use on the trustor's project.
   *
   * @since 0.1.0
   */
  export interface Trust {
    readonly id: string
    readonly trustorUserId: string
    readonly trusteeUserId: string
    readonly projectId: string
    readonly roles: ReadonlyArray<string>
    readonly impersonation?: boolean
  }
  /**
   * `url` may contain `$(project_id)s` or `$(tenant_id)s` (also in the
   * `%(…)s` form); such endpoints are left out of catalogs without a project.
   *
   * @since 0.1.0
   */
  export interface Endpoint {
    readonly id: string
    readonly interface: Catalog.Interface
    readonly region: string
    readonly url: string
  }
  /**
   * @since 0.1.0
   */
  export interface Service {
    readonly id: string
    readonly type: string
    readonly name: string
    readonly endpoints: ReadonlyArray<Endpoint>
    /**
     * Answers to an unauthenticated `GET` of exactly `url` (a trailing
     * slash ignored) on the service's hosts, e.g. version documents (see
     * `ServiceDocuments`). Other paths on those hosts outside the endpoints
     * answer 404.
     *
     * @since 0.2.0
     */
    readonly documents?: ReadonlyArray<Document>
  }
  /**
   * @since 0.2.0
   */
  export interface Document {
    readonly url: string
    /** Default 200. */
    readonly status?: number
    readonly body: unknown
  }
}

/**
 * Everything the simulator knows. `make`, `layer` and `serve` take a
 * `Partial<Seed>` merged over `defaultSeed` key by key: a key you give
 * replaces the default whole (spread `defaultSeed.users` to extend it).
 *
 * @since 0.1.0
 * @category seed
 */
export interface Seed {
  readonly domains: ReadonlyArray<Seed.Domain>
  readonly projects: ReadonlyArray<Seed.Project>
  readonly users: ReadonlyArray<Seed.User>
  readonly roles: ReadonlyArray<Seed.Role>
  readonly impliedRoles?: ReadonlyArray<Seed.ImpliedRole>
  readonly assignments: ReadonlyArray<Seed.Assignment>
  readonly applicationCredentials: ReadonlyArray<Seed.ApplicationCredential>
  readonly trusts?: ReadonlyArray<Seed.Trust>
  readonly catalog: ReadonlyArray<Seed.Service>
  /** Default `"1 hour"`. */
  readonly tokenLifetime: Duration.DurationInput
  /** Keystone's `[token] allow_expired_window`. Default 48 hours. */
  readonly allowExpiredWindow?: Duration.DurationInput
  /** MFA receipts. Default 5 minutes. */
  readonly receiptLifetime?: Duration.DurationInput
  /** The API versions served. Default both; a disabled version answers 404. */
  readonly versions?: ReadonlyArray<"v3" | "v2.0">
}

/**
 * Domains `Default` (id `default`) and `demo-domain`; projects `admin`,
 * `demo`, `service` (Default) and `demo2` (demo-domain); roles admin ⇒ member
 * ⇒ reader, and service; the users, application credential and trust of the
 * constants below; a catalog with identity, compute (RegionOne and RegionTwo,
 * all three interfaces), object-store (RegionOne public, URL with the
 * project id) and image (RegionTwo public and internal).
 *
 * @since 0.1.0
 * @category seed
 */
export const defaultSeed: Seed = defaults.seed

/**
 * `defaultSeed` with some keys replaced.
 *
 * @since 0.1.0
 * @category seed
 */
export const seed = (partial?: Partial<Seed>): Seed => ({ ...defaultSeed, ...partial })

/**
 * @since 0.1.0
 * @category seed
 */
export const Domains = defaults.Domains

/**
 * @since 0.1.0
 * @category seed
 */
export const Projects = defaults.Projects

/**
 * @since 0.1.0
 * @category seed
 */
export const Roles = defaults.Roles

/**
 * `admin` / `admin-password`: admin on project `admin`, on domain `Default`
 * and on the system.
 *
 * @since 0.1.0
 * @category seed
 */
export const Admin = defaults.Admin

/**
 * `demo` / `demo-password` (TOTP passcode `123456`): member on `demo`
 * (its default project) and on `demo2`, reader on domain `demo-domain`.
 *
 * @since 0.1.0
 * @category seed
 */
export const Demo = defaults.Demo

/**
 * `demo2` / `demo2-password`, a user of `demo-domain` (so v2.0 refuses it):
 * member on `demo2`.
 *
 * @since 0.1.0
 * @category seed
 */
export const Demo2 = defaults.Demo2

/**
 * `service` / `service-password`: the `service` role on project `service`,
 * which lets it validate other users' v3 tokens.
 *
 * @since 0.1.0
 * @category seed
 */
export const Service = defaults.Service

/**
 * `mfa` / `mfa-password`, passcode `654321`, MFA rule `password + totp`:
 * member on `demo`.
 *
 * @since 0.1.0
 * @category seed
 */
export const Mfa = defaults.Mfa

/**
 * A disabled user: every authentication fails with 401.
 *
 * @since 0.1.0
 * @category seed
 */
export const Disabled = defaults.Disabled

/**
 * `demo-appcred` / `demo-appcred-secret`, Demo's application credential on `demo`.
 *
 * @since 0.1.0
 * @category seed
 */
export const AppCred = defaults.AppCred

/**
 * Admin (trustor) trusts Demo (trustee) with `member` on project `admin`.
 *
 * @since 0.1.0
 * @category seed
 */
export const Trust = defaults.Trust

/**
 * Every route key the simulator counts. Requests that match no route count
 * under `"<METHOD> <path>"`; requests to a catalog endpoint (not identity)
 * count under `"<METHOD> service:<type>"`.
 *
 * @since 0.1.0
 * @category routes
 */
export const routes: ReadonlyArray<string> = sim.routeKeys

/**
 * Version documents shaped as real services answer them, for a service's
 * `documents`: `nova(origin)` (the root's `versions` list, v2.0 and v2.1 with
 * microversions 2.1 to 2.79, and `/v2.1`'s single `version`), `glance(origin)`
 * (a 300 Multiple Choices `versions` list at the root, v2.0 to v2.9 all
 * linking to `/v2/`) and `swift(origin)` (no version document, as Swift:
 * `/info` only).
 *
 * @since 0.2.0
 * @category seed
 */
export const ServiceDocuments: {
  readonly nova: (origin: string) => Array<Seed.Document>
  readonly glance: (origin: string) => Array<Seed.Document>
  readonly swift: (origin: string) => Array<Seed.Document>
} = documents

/**
 * @since 0.1.0
 * @category models
 */
export interface KeystoneSimService {
  /** `"http://keystone.test"` for `layer()`; `"http://127.0.0.1:<port>"` for `serve()`. */
  readonly baseUrl: string
  /** `baseUrl + "/v3"`. */
  readonly authUrl: string
  /** `baseUrl + "/v2.0"`. */
  readonly authUrlV2: string
  /** The seed in use, defaults merged. */
  readonly seed: Seed
  /** Answers one request in memory, faults included. */
  readonly handle: (
    request: HttpClientRequest.HttpClientRequest
  ) => Effect.Effect<HttpClientResponse.HttpClientResponse, HttpClientError.HttpClientError>
  /** Requests received on a route (see `routes`), or on all routes. */
  readonly count: (route?: string) => Effect.Effect<number>
  readonly counts: Effect.Effect<Record<string, number>>
  readonly resetCounts: Effect.Effect<void>
  /** Queues a fault; see `Fault`. */
  readonly inject: (fault: Fault.Fault) => Effect.Effect<void>
  readonly clearFaults: Effect.Effect<void>
  /** Revokes every token issued so far. */
  readonly revokeAll: Effect.Effect<void>
  /** Revokes one token, as `DELETE /v3/auth/tokens` would. */
  readonly revoke: (tokenId: string) => Effect.Effect<void>
  /** The lifetime of tokens issued from now on. */
  readonly setTokenLifetime: (lifetime: Duration.DurationInput) => Effect.Effect<void>
  /** Tokens issued so far (v3 and v2.0). */
  readonly tokensIssued: Effect.Effect<number>
  /** Keystone unreachable: every request fails at the transport until `setUp`. */
  readonly setDown: Effect.Effect<void>
  readonly setUp: Effect.Effect<void>
}

/**
 * @since 0.1.0
 * @category tags
 */
export class KeystoneSim extends Context.Tag("@effect-keystone/testing/KeystoneSim")<
  KeystoneSim,
  KeystoneSimService
>() {}

/**
 * The loopback server could not listen.
 *
 * @since 0.1.0
 * @category errors
 */
export class ServeError extends Data.TaggedError("ServeError")<{
  readonly cause: unknown
  readonly message: string
}> {}

/**
 * A simulator with its own state. All times come from the `Clock` of the
 * fiber that sends the request.
 *
 * @since 0.1.0
 * @category constructors
 */
export const make: (
  seed?: Partial<Seed>,
  options?: { readonly baseUrl?: string }
) => Effect.Effect<KeystoneSimService> = sim.make

/**
 * An `HttpClient` that sends every request to the simulator, in memory.
 *
 * @since 0.1.0
 * @category constructors
 */
export const httpClient: (sim: KeystoneSimService) => HttpClient.HttpClient = client.make

/**
 * A fresh simulator and an in-memory `HttpClient` routed to it; no sockets.
 *
 * @since 0.1.0
 * @category layers
 */
export const layer = (seed?: Partial<Seed>): Layer.Layer<KeystoneSim | HttpClient.HttpClient> =>
  Layer.effectContext(Effect.map(sim.make(seed), (s) =>
    Context.make(KeystoneSim, s).pipe(Context.add(HttpClient.HttpClient, client.make(s)))))

/**
 * @since 0.1.0
 * @category models
 */
export interface ServeOptions {
  /** Default 0: a free port. */
  readonly port?: number
  /** Default `"127.0.0.1"`. */
  readonly host?: string
}

/**
 * A simulator behind a real `node:http` server, closed with the scope.
 * Requests run on the runtime `serve` was called in (its `Clock` included).
 *
 * @since 0.1.0
 * @category constructors
 */
export const serve = (
  seed?: Partial<Seed>,
  options?: ServeOptions
): Effect.Effect<KeystoneSimService, ServeError, Scope.Scope> =>
  server.serve(seed, options, (cause, message) => new ServeError({ cause, message }))

/**
 * `serve` as a scoped layer.
 *
 * @since 0.1.0
 * @category layers
 */
export const layerServer = (seed?: Partial<Seed>, options?: ServeOptions): Layer.Layer<KeystoneSim, ServeError> =>
  Layer.scoped(KeystoneSim, serve(seed, options))
