/**
 * A middleware runtime on a fresh simulator (real clock), for the adapters'
 * tests over real HTTP.
 */
import * as HttpClient from "@effect/platform/HttpClient"
import { KeystoneSession, TokenStore } from "@effect-keystone/cache"
import { KeystoneClient } from "@effect-keystone/client"
import { KeystoneSim } from "@effect-keystone/testing"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as ManagedRuntime from "effect/ManagedRuntime"
import * as Redacted from "effect/Redacted"
import * as AuthToken from "../src/AuthToken.js"
import { demoAuth, serviceAuth } from "./support.js"

export const makeRuntime = async (options?: AuthToken.Options) => {
  const sim = await Effect.runPromise(KeystoneSim.make())
  const HttpLive = Layer.succeed(HttpClient.HttpClient, KeystoneSim.httpClient(sim))
  const ClientLive = KeystoneClient.layer({ authUrl: sim.authUrl }).pipe(Layer.provideMerge(HttpLive))
  const SessionLive = KeystoneSession.layer({ auth: serviceAuth }).pipe(
    Layer.provideMerge(Layer.merge(ClientLive, TokenStore.layerMemory))
  )
  const AuthLive = Layer.provideMerge(AuthToken.layer(options), SessionLive)
  const runtime = ManagedRuntime.make(AuthLive)
  const issue = () =>
    runtime.runPromise(Effect.flatMap(KeystoneClient.KeystoneClient, (c) => Effect.map(c.issue(demoAuth), (t) => Redacted.value(t.id))))
  const serviceToken = () =>
    runtime.runPromise(Effect.flatMap(KeystoneSession.KeystoneSession, (s) => Effect.map(s.token, (t) => Redacted.value(t.id))))
  return { sim, runtime, issue, serviceToken }
}
