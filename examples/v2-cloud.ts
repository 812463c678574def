/**
 * The same session against a legacy Identity v2.0 cloud: an auth URL ending
 * in `/v2.0`, `Credentials.passwordV2` (a user name in the default domain)
 * and `AuthScope.tenant`. Tokens, the catalog (v2's publicURL / internalURL /
 * adminURL become three endpoints), `session.httpClient` and renewal work as
 * on v3. Validating a token on v2.0 needs an admin token: give the client
 * `caller` with admin credentials, or the validation is skipped.
 *
 *   export OS_AUTH_URL=https://keystone.example.com:5000/v2.0 OS_USERNAME=demo \
 *          OS_PASSWORD=... OS_TENANT_NAME=demo
 *   npx tsx examples/v2-cloud.ts
 *
 * Without OS_AUTH_URL it runs against the in-memory KeystoneSim (v2.0 only).
 */
import { NodeContext, NodeRuntime } from "@effect/platform-node"
import type * as HttpClient from "@effect/platform/HttpClient"
import { KeystoneSession, TokenStore } from "@effect-keystone/cache"
import { type Auth, AuthScope, CallerToken, Credentials, KeystoneClient } from "@effect-keystone/client"
import * as CloudsYaml from "@effect-keystone/client/CloudsYaml"
import * as Tls from "@effect-keystone/client/Tls"
import { Token } from "@effect-keystone/schema"
import { KeystoneSim } from "@effect-keystone/testing"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Option from "effect/Option"
import * as Redacted from "effect/Redacted"
import { pathToFileURL } from "node:url"

/** A v2.0 login: a user name (v2.0 knows only the default domain) and a tenant. */
export const passwordAuth = (input: { readonly username: string; readonly password: string; readonly tenant: string }): Auth.Auth => ({
  credentials: Credentials.passwordV2({ username: input.username, password: Redacted.make(input.password) }),
  scope: AuthScope.tenant({ name: input.tenant })
})

export interface V2Summary {
  readonly version: string
  readonly user: string
  readonly tenant: string | null
  readonly services: ReadonlyArray<string>
  readonly compute: string
  readonly computeStatus: number
  readonly renewed: boolean
  /** `belongsTo` validation of the renewed token; `"skipped"` without an admin service token. */
  readonly validated: "valid" | "skipped"
}

export const program: Effect.Effect<
  V2Summary,
  unknown,
  KeystoneSession.KeystoneSession | KeystoneClient.KeystoneClient
> = Effect.gen(function*() {
  const session = yield* KeystoneSession.KeystoneSession
  const client = yield* KeystoneClient.KeystoneClient

  const token = yield* session.token
  const tenant = token.scope._tag === "Project" ? token.scope : undefined
  yield* Effect.log(`logged in on ${token.version}: user ${token.user.name}, tenant ${tenant?.name ?? "(none)"}`)

  const catalog = yield* session.catalog
  const services = catalog.services.map((s) => `${s.type} (${s.name})`)
  yield* Effect.log(`catalog: ${services.join(", ")}`)

  const compute = yield* session.endpoint({ type: "compute", interface: "public" })
  const http = yield* session.httpClient
  const response = yield* http.get(`${compute}/servers`)
  yield* response.text
  yield* Effect.log(`GET ${compute}/servers → ${response.status}`)

  // Renew once (what the background fiber does before expiry).
  const renewed = yield* session.refresh
  const lifetime = Option.match(Token.lifetime(renewed), { onNone: () => "no expiry", onSome: Duration.format })
  yield* Effect.log(`renewed: audit ${renewed.auditIds[0]}, lifetime ${lifetime}`)

  // v2.0 validation is an admin call, with `belongsTo` to check the tenant.
  const validated = yield* client.validate(renewed, tenant === undefined ? {} : { belongsTo: tenant.id }).pipe(
    Effect.as("valid" as const),
    Effect.tap(() => Effect.log(`validated the renewed token${tenant === undefined ? "" : ` (belongsTo ${tenant.name})`}`)),
    Effect.catchTag("Forbidden", () =>
      Effect.as(Effect.log("validation skipped: on v2.0 it needs an admin token (caller)"), "skipped" as const))
  )
  return {
    version: token.version,
    user: token.user.name,
    tenant: tenant?.name ?? null,
    services,
    compute,
    computeStatus: response.status,
    renewed: Redacted.value(renewed.id) !== Redacted.value(token.id),
    validated
  }
})

/** The session and client for a v2.0 cloud; needs an `HttpClient`. */
export const layer = (options: {
  readonly authUrl: string
  readonly auth: Auth.Auth
  /** Admin credentials to validate with (v2.0 lets only admins validate). */
  readonly caller?: Auth.Auth | undefined
}): Layer.Layer<KeystoneSession.KeystoneSession | KeystoneClient.KeystoneClient, never, HttpClient.HttpClient> => {
  const client = () => KeystoneClient.layer({ authUrl: options.authUrl, version: "v2.0" })
  const keystone = options.caller === undefined
    ? client()
    : client().pipe(Layer.provide(CallerToken.layerIssued(options.caller)), Layer.provide(client()))
  return KeystoneSession.layer({ auth: options.auth, revokeOnClose: true }).pipe(
    Layer.provide(TokenStore.layerMemory),
    Layer.provideMerge(keystone)
  )
}

// ---------------------------------------------------------------------------
// Run directly: OS_* variables (a /v2.0 URL), or a KeystoneSim serving v2.0.
// ---------------------------------------------------------------------------

const main = Effect.gen(function*() {
  if (process.env.OS_AUTH_URL !== undefined || process.env.OS_CLOUD !== undefined) {
    const settings = yield* CloudsYaml.load
    return yield* program.pipe(
      Effect.provide(layer({ authUrl: settings.authUrl, auth: settings.auth }).pipe(Layer.provide(Tls.layerUndici(settings.tls))))
    )
  }
  yield* Effect.log("no OS_AUTH_URL: using the in-memory KeystoneSim (v2.0 only)")
  return yield* program.pipe(
    Effect.provide(layer({
      authUrl: "http://keystone.test/v2.0",
      auth: passwordAuth({ username: "demo", password: KeystoneSim.Demo.password, tenant: "demo" }),
      caller: passwordAuth({ username: "admin", password: KeystoneSim.Admin.password, tenant: "admin" })
    }).pipe(Layer.provide(KeystoneSim.layer({ versions: ["v2.0"] }))))
  )
})

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  NodeRuntime.runMain(Effect.scoped(main).pipe(Effect.provide(NodeContext.layer)))
}
