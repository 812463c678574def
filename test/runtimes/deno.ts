/**
 * The flow under Deno, the simulator on `Deno.serve`: a platform
 * `HttpServer` made of `Deno.serve` and `HttpApp.toWebHandlerRuntime`
 * (there is no `@effect/platform-deno` for Effect 3).
 */
import * as HttpApp from "@effect/platform/HttpApp"
import * as HttpServer from "@effect/platform/HttpServer"
import * as HttpServerResponse from "@effect/platform/HttpServerResponse"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import { run } from "./flow.js"

interface DenoServer {
  readonly addr: { readonly hostname: string; readonly port: number }
  readonly shutdown: () => Promise<void>
}

declare const Deno: {
  readonly version: { readonly deno: string }
  readonly serve: (
    options: { readonly hostname: string; readonly port: number; readonly onListen: () => void },
    handler: (request: Request) => Promise<Response>
  ) => DenoServer
  readonly exit: (code: number) => never
}

const unavailable = (_: Request) => Promise.resolve(HttpServerResponse.toWeb(HttpServerResponse.empty({ status: 503 })))

/** `Deno.serve` on `hostname`, a free port, as the platform's `HttpServer`. */
const layerDenoServer = (hostname: string): Layer.Layer<HttpServer.HttpServer> =>
  Layer.scoped(
    HttpServer.HttpServer,
    Effect.gen(function*() {
      let handler = unavailable
      const server = yield* Effect.acquireRelease(
        Effect.sync(() => Deno.serve({ hostname, port: 0, onListen: () => {} }, (request) => handler(request))),
        (server) => Effect.promise(() => server.shutdown())
      )
      return HttpServer.make({
        address: { _tag: "TcpAddress", hostname: server.addr.hostname, port: server.addr.port },
        serve: (app, middleware) =>
          Effect.flatMap(Effect.runtime<never>(), (runtime) =>
            Effect.acquireRelease(
              Effect.sync(() => {
                handler = HttpApp.toWebHandlerRuntime(runtime)(app, middleware)
              }),
              () => Effect.sync(() => (handler = unavailable))
            ))
      })
    })
  )

run(`Deno ${Deno.version.deno}`, layerDenoServer("127.0.0.1"))
  .then((failed) => Deno.exit(failed === 0 ? 0 : 1))
  .catch((error) => {
    console.log(`Deno: the flow could not run: ${error}\n0 passed, 1 failed`)
    Deno.exit(1)
  })
