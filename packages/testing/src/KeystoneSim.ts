/**
 * A stateful Keystone (Identity v3 and v2.0 token API) for tests and demos.
 *
 * It issues, validates, revokes and expires tokens on the Effect `Clock`
 * (so `TestClock` drives expiry), answers with Keystone's exact status codes,
 * headers and bodies, counts requests per route and injects faults. Use it
 * as an in-memory `HttpClient` (`layer`), as a real HTTP server on loopback
 * (`serve` with any platform `HttpServer`; `@effect-keystone/testing/Node`
 * on Node), or as an `HttpApp` (`app`) wherever Effect runs.
 *
 * @since 0.1.0
 */
import * as HttpClient from "@effect/platform/HttpClient"
import type * as HttpApp from "@effect/platform/HttpApp"
import type * as HttpClientError from "@effect/platform/HttpClientError"
import type * as HttpClientRequest from "@effect/platform/HttpClientRequest"
import type * as HttpClientResponse from "@effect/platform/HttpClientResponse"
import type * as HttpServer from "@effect/platform/HttpServer"
import { Url } from "@effect-keystone/schema"
import * as Context from "effect/Context"
import type * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import type * as Scope from "effect/Scope"
import type * as Fault from "./Fault.js"
import type * as Federation from "./Federation.js"
import type { Seed } from "./Seed.js"
import * as client from "./internal/client.js"
import * as defaults from "./internal/defaultSeed.js"
import * as documents from "./internal/serviceDocuments.js"
import * as server from "./internal/server.js"
import * as sim from "./internal/sim.js"

export type {
  /**
   * @since 0.1.0
   * @category seed
   */
  Seed
} from "./Seed.js"


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
 * Federation as `scripts/federation` sets up a real Keystone: the identity
 * provider `testidp` with the protocol `openid`, its users shadowed in
 * domain `idp-users`, where the group `cloud-users` holds `member` on
 * project `fedproject`. Declare bearer tokens with `sim.federation` (see
 * `Federation`).
 *
 * @since 0.4.0
 * @category seed
 */
export const Federated = defaults.Federated

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
  /**
   * The simulator as an `HttpApp`, to serve with any platform server or
   * `HttpApp.toWebHandler` (`Deno.serve`, a worker, …). Its own routes and
   * faults; it never fails.
   *
   * @since 0.3.0
   */
  readonly app: HttpApp.Default
  /** Answers one request in memory, faults included. */
  readonly handle: (
    request: HttpClientRequest.HttpClientRequest
  ) => Effect.Effect<HttpClientResponse.HttpClientResponse, HttpClientError.HttpClientError>
  /** Requests received on a route (see `routes`), or on all routes. */
  readonly count: (route?: string) => Effect.Effect<number>
  readonly counts: Effect.Effect<Record<string, number>>
  readonly resetCounts: Effect.Effect<void>
  /**
   * Federated logins (`POST /v3/OS-FEDERATION/identity_providers/{idp}/
   * protocols/{protocol}/auth`): the bearer tokens that log in and whom
   * they map to. See `Federation`.
   *
   * @since 0.4.0
   */
  readonly federation: Federation.Federation
  /** Queues a fault; see `Fault`. */
  readonly inject: (fault: Fault.Fault) => Effect.Effect<void>
  readonly clearFaults: Effect.Effect<void>
  /** Revokes every token issued so far, one revocation event each. */
  readonly revokeAll: Effect.Effect<void>
  /**
   * Revokes one token, as `DELETE /v3/auth/tokens` would: a revocation event
   * with its audit id appears in `GET /v3/OS-REVOKE/events`.
   */
  readonly revoke: (tokenId: string) => Effect.Effect<void>
  /**
   * What Keystone does when a user's password changes or the user is
   * disabled: every token of the user issued until now (whole seconds, so
   * also those issued later in the same second) is revoked, and a
   * revocation event with the user id appears in `GET /v3/OS-REVOKE/events`.
   *
   * @since 0.3.0
   */
  readonly revokeUser: (userId: string) => Effect.Effect<void>
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
 * A simulator with its own state. All times come from the `Clock` of the
 * fiber that sends the request.
 *
 * @since 0.1.0
 * @category constructors
 */
export const make = (
  seed?: Partial<Seed>,
  options?: { readonly baseUrl?: string }
): Effect.Effect<KeystoneSimService> => sim.make(seed, Url.withoutTrailingSlashes(options?.baseUrl ?? sim.DEFAULT_BASE_URL))

/**
 * An `HttpClient` that sends every request to the simulator, in memory: the
 * platform's `FetchHttpClient` whose `fetch` is the simulator's `app` as a
 * web handler.
 *
 * @since 0.1.0
 * @category constructors
 */
export const httpClient = (sim: KeystoneSimService): HttpClient.HttpClient => client.make(sim.app)

/**
 * A fresh simulator and an in-memory `HttpClient` routed to it; no sockets.
 *
 * @since 0.1.0
 * @category layers
 */
export const layer = (seed?: Partial<Seed>): Layer.Layer<KeystoneSim | HttpClient.HttpClient> =>
  Layer.effectContext(Effect.map(make(seed), (s) =>
    Context.make(KeystoneSim, s).pipe(Context.add(HttpClient.HttpClient, httpClient(s)))))

/**
 * A simulator behind a real HTTP server, closed with the scope: any
 * platform `HttpServer` layer that listens on TCP (`NodeHttpServer.layer`,
 * `BunHttpServer.layer`, …); its address becomes `baseUrl`. The seed may be
 * a function of `baseUrl`, for a catalog that points at the simulator itself
 * (its catalog services answer there, see `Seed.Service`). Requests run on
 * the runtime `serve` was called in (its `Clock` included).
 *
 * On Node, `@effect-keystone/testing/Node` serves on 127.0.0.1 with
 * Keystone's reason phrases (`201 CREATED`) and drops connections for real
 * (`Fault.reset`, `setDown`). Elsewhere those answer with a body that fails
 * before its first byte: Bun resets the connection, Deno cuts it after the
 * status line.
 *
 * @example
 * ```ts
 * import { BunHttpServer } from "@effect/platform-bun"
 * import { KeystoneSim } from "@effect-keystone/testing"
 *
 * const sim = KeystoneSim.serve(BunHttpServer.layerServer({ hostname: "127.0.0.1", port: 0 }), (baseUrl) => ({
 *   catalog: [{
 *     id: "c0ffee",
 *     type: "compute",
 *     name: "nova",
 *     endpoints: [{ id: "e1", interface: "public", region: "RegionOne", url: `${baseUrl}/compute/v2.1` }]
 *   }]
 * }))
 * ```
 *
 * @since 0.3.0
 * @category constructors
 */
export const serve: <E, R>(
  server: Layer.Layer<HttpServer.HttpServer, E, R>,
  seed?: Partial<Seed> | ((baseUrl: string) => Partial<Seed>)
) => Effect.Effect<KeystoneSimService, E, Scope.Scope | R> = server.serve

/**
 * `serve` as a scoped layer.
 *
 * @since 0.3.0
 * @category layers
 */
export const layerServer = <E, R>(
  server: Layer.Layer<HttpServer.HttpServer, E, R>,
  seed?: Partial<Seed> | ((baseUrl: string) => Partial<Seed>)
): Layer.Layer<KeystoneSim, E, R> => Layer.scoped(KeystoneSim, serve(server, seed))
