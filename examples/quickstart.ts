// The README's quick start, verbatim: `npm run check` proves it compiles.
import { NodeHttpClient } from "@effect/platform-node"
import { KeystoneSession, TokenStore } from "@effect-keystone/cache"
import { Credentials, KeystoneClient, Scope } from "@effect-keystone/client"
import { Effect, Layer, Redacted } from "effect"

const auth = {
  credentials: Credentials.password({ username: "demo", domain: { id: "default" }, password: Redacted.make("s3cret") }),
  scope: Scope.project({ name: "demo", domain: { id: "default" } })
}

const program = Effect.gen(function*() {
  const session = yield* KeystoneSession.KeystoneSession
  const nova = yield* session.endpoint({ type: "compute", interface: "public", region: "RegionOne" })
  const http = yield* session.httpClient // sets X-Auth-Token; on a 401 re-authenticates once
  return yield* http.get(`${nova}/servers`)
})

const MainLive = KeystoneSession.layer({ auth }).pipe(
  Layer.provide(TokenStore.layerMemory), // or layerFile({ directory }) / layerRedis({ url }), encrypted with layerEncrypted({ keys })
  Layer.provide(KeystoneClient.layer({ authUrl: "https://keystone.example.com/v3" })),
  Layer.provideMerge(NodeHttpClient.layerUndici)
)

program.pipe(
  Effect.catchTags({ Unauthorized: (e) => Effect.logError(`login refused: ${e.message}`) }),
  Effect.provide(MainLive),
  Effect.scoped,
  Effect.runPromise
)
