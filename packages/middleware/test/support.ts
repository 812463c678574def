/**
 * Test wiring: a simulator, the service's session (user `service`, role
 * `service`), and the middleware, all in the test's scope (the TestClock
 * drives them); plus users' tokens to send.
 */
import * as HttpClient from "@effect/platform/HttpClient"
import { KeystoneSession, TokenStore } from "@effect-keystone/cache"
import { AuthScope as KScope, Credentials, KeystoneClient } from "@effect-keystone/client"
import { KeystoneSim } from "@effect-keystone/testing"
import * as Effect from "effect/Effect"
import * as Redacted from "effect/Redacted"
import type * as Scope from "effect/Scope"
import * as AuthToken from "../src/AuthToken.js"
import * as RevocationFeed from "../src/RevocationFeed.js"

/** The simulator's route keys the tests count. */
export const VALIDATE = "GET /v3/auth/tokens"
export const EVENTS = "GET /v3/OS-REVOKE/events"

const password = (user: { readonly username: string; readonly domainId: string; readonly password: string }) =>
  Credentials.password({ username: user.username, domain: { id: user.domainId }, password: Redacted.make(user.password) })

export const serviceAuth = {
  credentials: password(KeystoneSim.Service),
  scope: KScope.project({ name: KeystoneSim.Service.projectName, domain: { id: KeystoneSim.Service.domainId } })
}

export const demoAuth = {
  credentials: password(KeystoneSim.Demo),
  scope: KScope.project({ name: KeystoneSim.Demo.projectName, domain: { id: KeystoneSim.Demo.domainId } })
}

export const adminAuth = {
  credentials: password(KeystoneSim.Admin),
  scope: KScope.project({ name: KeystoneSim.Admin.projectName, domain: { id: KeystoneSim.Admin.domainId } })
}

export const adminSystemAuth = { credentials: password(KeystoneSim.Admin), scope: KScope.system() }

/**
 * A shared validation cache: the bare backend and the keys its entries are
 * sealed with; with a `feed`, a fleet (`AuthToken.makeFleet`: one poller,
 * revocation events broadcast, sealed with the same keys).
 */
export interface Shared {
  readonly store: TokenStore.TokenStoreService
  readonly keys: TokenStore.EncryptionOptions["keys"]
  readonly feed?: RevocationFeed.RevocationFeedService | undefined
}

/** A random 32-byte key, base64. */
export const newKey = () => Redacted.make(btoa(String.fromCharCode(...globalThis.crypto.getRandomValues(new Uint8Array(32)))))

export interface Env {
  readonly sim: KeystoneSim.KeystoneSimService
  readonly http: HttpClient.HttpClient
  readonly client: KeystoneClient.KeystoneClientService
  readonly session: KeystoneSession.KeystoneSessionService
  readonly auth: AuthToken.AuthTokenService
  /** A new token for `auth` (default: demo on project demo); its id. */
  readonly issue: (auth?: typeof demoAuth | typeof adminSystemAuth) => Effect.Effect<string, unknown>
  /** A second middleware on the same simulator and session (another process). */
  readonly another: (options?: AuthToken.Options, shared?: Shared) => Effect.Effect<AuthToken.AuthTokenService, never, Scope.Scope>
}

export const makeEnv = (
  options?: AuthToken.Options,
  extra?: {
    readonly sim?: KeystoneSim.KeystoneSimService
    readonly shared?: Shared
    readonly version?: "v3" | "v2.0"
    /** The service's own credentials (default: user `service`). */
    readonly serviceAuth?: typeof serviceAuth
  }
): Effect.Effect<Env, never, Scope.Scope> =>
  Effect.gen(function*() {
    const sim = extra?.sim ?? (yield* KeystoneSim.make())
    const http = KeystoneSim.httpClient(sim)
    const client = yield* Effect.provideService(KeystoneClient.make({
      authUrl: extra?.version === "v2.0" ? sim.authUrlV2 : sim.authUrl,
      retry: false
    }), HttpClient.HttpClient, http)
    const store = yield* TokenStore.makeMemory
    const session = yield* KeystoneSession.make({ auth: extra?.serviceAuth ?? serviceAuth }).pipe(
      Effect.provideService(KeystoneClient.KeystoneClient, client),
      Effect.provideService(TokenStore.TokenStore, store),
      Effect.provideService(HttpClient.HttpClient, http)
    )
    const build = (o: AuthToken.Options | undefined, shared: Shared | undefined) =>
      (shared === undefined
        ? AuthToken.make(o)
        : shared.feed === undefined
        ? AuthToken.makeShared(o, { keys: shared.keys })
        : Effect.provideService(AuthToken.makeFleet(o, { keys: shared.keys }), RevocationFeed.RevocationFeed, shared.feed)).pipe(
        Effect.provideService(KeystoneSession.KeystoneSession, session),
        Effect.provideService(KeystoneClient.KeystoneClient, client),
        Effect.provideService(HttpClient.HttpClient, http),
        Effect.provideService(TokenStore.TokenStore, shared?.store ?? store),
        Effect.orDie
      )
    const auth = yield* build(options, extra?.shared)
    const issue = (a: typeof demoAuth | typeof adminSystemAuth = demoAuth) =>
      Effect.map(client.issue(a), (t) => Redacted.value(t.id))
    return { sim, http, client, session, auth, issue, another: (o, s) => build(o, s) }
  })

/** Headers from a record, looked up by lowercase name. */
export const headers = (record: Readonly<Record<string, string>>) => {
  const lower = new Map(Object.entries(record).map(([k, v]) => [k.toLowerCase(), v]))
  return (name: string) => lower.get(name)
}

/** A verdict in one word: `Confirmed`, the rejection's reason, or `KeystoneUnavailable`. */
export const tag = (status: AuthToken.Status): string =>
  status._tag === "Confirmed" ? "Confirmed" : status.error._tag === "TokenRejected" ? status.error.reason : status.error._tag
