/**
 * The simulator behind a platform `HttpServer`: Node's, Bun's, or any other
 * that reports a TCP address.
 */
import * as HttpServer from "@effect/platform/HttpServer"
import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import type * as Scope from "effect/Scope"
import type { KeystoneSimService, Seed } from "../KeystoneSim.js"
import * as sim from "./sim.js"

const baseUrlOf = (address: HttpServer.Address): Effect.Effect<string> =>
  address._tag === "TcpAddress"
    ? Effect.succeed(`http://${address.hostname.includes(":") ? `[${address.hostname}]` : address.hostname}:${address.port}`)
    : Effect.dieMessage(`KeystoneSim needs a TCP address to serve on, not ${address.path}`)

export const serve = <E, R>(
  server: Layer.Layer<HttpServer.HttpServer, E, R>,
  seed: Partial<Seed> | undefined
): Effect.Effect<KeystoneSimService, E, Scope.Scope | R> =>
  Effect.gen(function*() {
    const context = yield* Layer.build(server)
    const s = yield* sim.make(seed, yield* baseUrlOf(Context.get(context, HttpServer.HttpServer).address))
    yield* Effect.provide(HttpServer.serveEffect(s.app), context)
    return s
  })
