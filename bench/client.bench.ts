/**
 * Client overhead: `KeystoneClient.validate` (undici transport, headers,
 * status mapping, decoding into a `Token`) against a raw undici request that
 * sends the same headers and `JSON.parse`s the body, both to the same
 * loopback simulator (in its own process), interleaved request by request.
 * Target: ≤ 5% more time per request than the platform `HttpClient` the app
 * provides doing the same GET and `JSON.parse` (the library requires an
 * `HttpClient`; what the platform adds over raw undici is printed as context).
 * The target's row validates one token again and again; tokens of two
 * projects in turn (catalogs that differ in every endpoint, so nothing is
 * shared) are printed as context.
 */
import { HttpClient, HttpClientRequest } from "@effect/platform"
import { NodeHttpClient } from "@effect/platform-node"
import { Credentials, KeystoneClient } from "@effect-keystone/client"
import type { Token } from "@effect-keystone/schema"
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
    // the demo user's token on a project of theirs
    const issueOn = (projectId: string) =>
      client.issue({
        credentials: Credentials.password({
          username: KeystoneSim.Demo.username,
          domain: { id: "default" },
          password: Redacted.make(KeystoneSim.Demo.password)
        }),
        scope: { _tag: "Project", id: projectId }
      })
    const token = yield* issueOn(KeystoneSim.Demo.projectId)
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
    const http = yield* HttpClient.HttpClient
    // the platform's GET of a token, its body JSON.parse'd
    const platformGet = (t: Token.Token) => {
      const tid = Redacted.value(t.id)
      return http.execute(HttpClientRequest.get(url).pipe(
        HttpClientRequest.setHeaders({ accept: "application/json", "x-auth-token": tid, "x-subject-token": tid })
      )).pipe(Effect.flatMap((r) => r.text), Effect.map((text) => JSON.parse(text)))
    }
    const platform = platformGet(token)
    const ours = client.validate(token)
    const r = yield* compareEffects({ raw, platform, ours }, { rounds, perRound })
    yield* Effect.promise(() => dispatcher.close())
    // tokens of two projects in turn: every catalog differs from the last one (nothing is shared or remembered)
    const other = yield* issueOn(KeystoneSim.Demo2.projectId)
    const tokens = [token, other] as const
    let turn = 0
    const platformTwo = Effect.suspend(() => platformGet(tokens[turn ^= 1]!))
    const oursTwo = Effect.suspend(() => client.validate(tokens[turn ^= 1]!))
    const two = yield* compareEffects({ platformTwo, oursTwo }, { rounds: 11, perRound })
    return {
      platformTwo: two.nsPerOp("platformTwo"),
      oursTwo: two.nsPerOp("oursTwo"),
      ratioTwo: two.ratio("oursTwo", "platformTwo"),
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
  context({
    name: "the same, tokens of two projects in turn (every endpoint differs from the last catalog: nothing shared)",
    baseline: { label: "HttpClient.execute + text + JSON.parse", nsPerOp: r.platformTwo },
    ours: { label: "KeystoneClient.validate (→ Token)", nsPerOp: r.oursTwo },
    ratio: r.ratioTwo,
    note: "the target's row validates one token again and again, as a service does for its users' tokens; " +
      "its catalog, the same text each time, is then not parsed again"
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
