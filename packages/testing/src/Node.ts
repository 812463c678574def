/**
 * `KeystoneSim` on Node's HTTP server, on loopback: `KeystoneSim.serve`
 * with a Node server that sends Keystone's reason phrases (`201 CREATED`)
 * and drops a connection by destroying its socket (`Fault.reset`,
 * `setDown`). Needs `@effect/platform-node`; the package's main entry stays
 * free of Node modules.
 *
 * @example
 * ```ts
 * import * as KeystoneSimNode from "@effect-keystone/testing/Node"
 * import { Effect } from "effect"
 *
 * const program = Effect.gen(function*() {
 *   const sim = yield* KeystoneSimNode.serve() // http://127.0.0.1:<free port>
 *   return sim.authUrl
 * }).pipe(Effect.scoped)
 * ```
 *
 * @since 0.3.0
 */
import * as NodeHttpServer from "@effect/platform-node/NodeHttpServer"
import * as NodeHttpServerRequest from "@effect/platform-node/NodeHttpServerRequest"
import type * as HttpApp from "@effect/platform/HttpApp"
import * as HttpServer from "@effect/platform/HttpServer"
import type { ServeError } from "@effect/platform/HttpServerError"
import * as HttpServerRequest from "@effect/platform/HttpServerRequest"
import * as HttpServerResponse from "@effect/platform/HttpServerResponse"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import type * as Scope from "effect/Scope"
import { createServer } from "node:http"
import { ConnectionDrop } from "./internal/exchange.js"
import * as KeystoneSim from "./KeystoneSim.js"
import type { Seed } from "./Seed.js"

/**
 * @since 0.3.0
 * @category models
 */
export interface ServeOptions {
  /** Default 0: a free port. */
  readonly port?: number
  /** Default `"127.0.0.1"`. */
  readonly host?: string
}

/** The app with Node's socket at hand: the response's own reason phrase, a real connection drop. */
const onNode = <E>(app: HttpApp.Default<E>): HttpApp.Default<E> =>
  Effect.flatMap(HttpServerRequest.HttpServerRequest, (request) => {
    const response = NodeHttpServerRequest.toServerResponse(request)
    return app.pipe(
      Effect.provideService(ConnectionDrop, () =>
        Effect.sync(() => {
          response.destroy()
          return HttpServerResponse.empty({ status: 500 })
        })),
      Effect.tap((answer) =>
        Effect.sync(() => {
          if (answer.statusText !== undefined) response.statusMessage = answer.statusText
        })
      )
    )
  })

/**
 * Node's HTTP server as a platform `HttpServer`, listening on `host:port`
 * (default 127.0.0.1, a free port), for `KeystoneSim.serve`.
 *
 * @since 0.3.0
 * @category layers
 */
export const layerHttpServer = (options?: ServeOptions): Layer.Layer<HttpServer.HttpServer, ServeError> =>
  Layer.scoped(
    HttpServer.HttpServer,
    Effect.map(
      NodeHttpServer.make(() => createServer(), { port: options?.port ?? 0, host: options?.host ?? "127.0.0.1" }),
      (server) =>
        HttpServer.make({
          address: server.address,
          serve: (app, middleware) =>
            middleware === undefined ? server.serve(onNode(app)) : server.serve(onNode(app), middleware)
        })
    )
  )

/**
 * A simulator on Node's HTTP server on loopback, closed with the scope. The
 * seed may be a function of the base URL (see `KeystoneSim.serve`). A taken
 * port fails with the platform's `ServeError`.
 *
 * @since 0.3.0
 * @category constructors
 */
export const serve = (
  seed?: Partial<Seed> | ((baseUrl: string) => Partial<Seed>),
  options?: ServeOptions
): Effect.Effect<KeystoneSim.KeystoneSimService, ServeError, Scope.Scope> =>
  KeystoneSim.serve(layerHttpServer(options), seed)

/**
 * `serve` as a scoped layer.
 *
 * @since 0.3.0
 * @category layers
 */
export const layerServer = (
  seed?: Partial<Seed> | ((baseUrl: string) => Partial<Seed>),
  options?: ServeOptions
): Layer.Layer<KeystoneSim.KeystoneSim, ServeError> =>
  KeystoneSim.layerServer(layerHttpServer(options), seed)
