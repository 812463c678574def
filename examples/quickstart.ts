// The README's quick start, verbatim: `npm run check` proves it compiles.
import { NodeHttpClient } from "@effect/platform-node"
import { KeystoneSession, ServiceClient, TokenStore } from "@effect-keystone/cache"
import { AuthScope, Credentials, KeystoneClient } from "@effect-keystone/client"
import { Effect, Layer, Redacted } from "effect"

const auth = {
  credentials: Credentials.password({ username: "demo", domain: { id: "default" }, password: Redacted.make("s3cret") }),
  scope: AuthScope.project({ name: "demo", domain: { id: "default" } })
}

const program = Effect.gen(function*() {
  // Nova from the token's catalog (followed across renewals), its version discovered, microversion checked;
  // X-Auth-Token is set and a 401 re-authenticates once
  const nova = yield* ServiceClient.make({ type: "compute", region: "RegionOne", microversion: "2.79" })
  const response = yield* nova.http.get("servers/detail") // relative to the endpoint, whatever its slashes
  return yield* response.json
})

const MainLive = KeystoneSession.layer({ auth }).pipe(
  Layer.provide(TokenStore.layerMemory), // or FileTokenStore.layer({ directory }) / RedisTokenStore.layer({ url }), encrypted with TokenStore.layerEncrypted({ keys })
  Layer.provide(KeystoneClient.layer({ authUrl: "https://keystone.example.com/v3" })),
  Layer.provideMerge(NodeHttpClient.layerUndici)
)

program.pipe(
  Effect.catchTags({
    Unauthorized: (e) => Effect.logError(`login refused: ${e.message}`),
    ServiceError: (e) => Effect.logError(`nova said ${e.status}: ${e.serviceMessage} (${e.requestId})`)
  }),
  Effect.provide(MainLive),
  Effect.scoped,
  Effect.runPromise
)
