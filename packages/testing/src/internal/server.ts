/**
 * The simulator behind a platform `HttpServer`: Node's, Bun's, or any other
 * that reports a TCP address.
 */
import * as HttpMiddleware from "@effect/platform/HttpMiddleware"
import * as HttpServer from "@effect/platform/HttpServer"
import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import type * as Scope from "effect/Scope"
import type { KeystoneSimService, Seed } from "../KeystoneSim.js"
import * as sim from "./sim.js"

/** A seed, or one made from the base URL the server listens on (a catalog that points at the simulator itself). */
export type SeedFor = Partial<Seed> | ((baseUrl: string) => Partial<Seed>)

const baseUrlOf = (address: HttpServer.Address): Effect.Effect<string> =>
  address._tag === "TcpAddress"
    ? Effect.succeed(`http://${address.hostname.includes(":") ? `[${address.hostname}]` : address.hostname}:${address.port}`)
    : Effect.dieMessage(`KeystoneSim needs a TCP address to serve on, not ${address.path}`)

export const serve = <E, R>(
  server: Layer.Layer<HttpServer.HttpServer, E, R>,
  seed: SeedFor | undefined
): Effect.Effect<KeystoneSimService, E, Scope.Scope | R> =>
  Effect.gen(function*() {
    const context = yield* Layer.build(server)
    const baseUrl = yield* baseUrlOf(Context.get(context, HttpServer.HttpServer).address)
    const s = yield* sim.make(typeof seed === "function" ? seed(baseUrl) : seed, baseUrl)
    // no server spans: the simulator is not part of the application, and they would record X-Auth-Token
    yield* Effect.provide(HttpServer.serveEffect(s.app), context).pipe(
      HttpMiddleware.withTracerDisabledWhenEffect(() => true)
    )
    return s
  })
