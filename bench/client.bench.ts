/**
 * Client overhead: `KeystoneClient.validate` (undici transport, headers,
 * status mapping, decoding into a `Token`) against a raw undici request that
 * sends the same headers and `JSON.parse`s the body, both to the same
 * loopback simulator (in its own process), interleaved request by request.
 * Target: ≤ 5% more time per request than the platform `HttpClient` the app
 * provides doing the same GET and `JSON.parse` (the library requires an
 * `HttpClient`; what the platform adds over raw undici is printed as context).
 */
import { HttpClient, HttpClientRequest } from "@effect/platform"
import { NodeHttpClient } from "@effect/platform-node"
import { Credentials, KeystoneClient } from "@effect-keystone/client"
import { KeystoneSim } from "@effect-keystone/testing"
import { Effect, Redacted } from "effect"
import * as Undici from "undici"
import { compareEffects, context, report } from "./measure.js"
import { simProcess } from "./simProcess.js"

const perRound = 300
const rounds = 21

export const run = async () => {
  const program = Effect.gen(function*() {
    const sim = yield* simProcess
    const client = yield* KeystoneClient.make({ authUrl: sim.authUrl, retry: false })
    const token = yield* client.issue({
      credentials: Credentials.password({
        username: KeystoneSim.Demo.username,
        domain: { id: "default" },
        password: Redacted.make(KeystoneSim.Demo.password)
      }),
      scope: { _tag: "Project", id: KeystoneSim.Demo.projectId }
    })
    const id = Redacted.value(token.id)
    const url = `${sim.authUrl}/auth/tokens`
    const dispatcher = new Undici.Agent()
    const raw = Effect.promise(async () => {
      const res = await Undici.request(url, {
        dispatcher,
        headers: { accept: "application/json", "x-auth-token": id, "x-subject-token": id }
      })
      if (res.statusCode !== 200) throw new Error(`status ${res.statusCode}`)
      return JSON.parse(await res.body.text())
    })
    const headers = { accept: "application/json", "x-auth-token": id, "x-subject-token": id }
    const http = yield* HttpClient.HttpClient
    const platform = http.execute(HttpClientRequest.get(url).pipe(HttpClientRequest.setHeaders(headers))).pipe(
      Effect.flatMap((r) => r.text),
      Effect.map((text) => JSON.parse(text))
    )
    const ours = client.validate(token)
    const r = yield* compareEffects({ raw, platform, ours }, { rounds, perRound })
    yield* Effect.promise(() => dispatcher.close())
    return {
      raw: r.nsPerOp("raw"),
      platform: r.nsPerOp("platform"),
      ours: r.nsPerOp("ours"),
      ratio: r.ratio("ours", "raw"),
      ratioPlatform: r.ratio("ours", "platform")
    }
  }).pipe(Effect.scoped, Effect.provide(NodeHttpClient.layerUndici))
  const r = await Effect.runPromise(program)
  context({
    name: "validate a token over loopback HTTP (same simulator, same headers), against raw undici",
    baseline: { label: "raw undici.request + JSON.parse", nsPerOp: r.raw },
    ours: { label: "KeystoneClient.validate (→ Token)", nsPerOp: r.ours },
    ratio: r.ratio,
    note: `the platform HttpClient alone: ${(r.platform / r.raw).toFixed(2)}× raw undici`
  })
  return [
    // What the library itself adds over the HttpClient the app provides (the
    // part of the request path that is ours to make faster).
    report({
      name: "the same, against @effect/platform's HttpClient (NodeHttpClient.layerUndici) doing the same GET",
      baseline: { label: "HttpClient.execute + text + JSON.parse", nsPerOp: r.platform },
      ours: { label: "KeystoneClient.validate (→ Token)", nsPerOp: r.ours },
      ratio: r.ratioPlatform,
      target: { max: 1.05 }
    })
  ]
}
