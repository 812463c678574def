/**
 * Test wiring for KeystoneSession: a simulator, a client on it, a store and a
 * session, all built in the test's scope (so the TestClock drives them).
 */
import * as HttpClient from "@effect/platform/HttpClient"
import * as HttpClientResponse from "@effect/platform/HttpClientResponse"
import { AuthScope, CallerToken, Credentials, KeystoneClient } from "@effect-keystone/client"
import type { Token } from "@effect-keystone/schema"
import { KeystoneSim } from "@effect-keystone/testing"
import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Redacted from "effect/Redacted"
import type * as Scope from "effect/Scope"
import * as TestClock from "effect/TestClock"
import * as KeystoneSession from "../../src/KeystoneSession.js"
import * as TokenStore from "../../src/TokenStore.js"

/** A simulator user's password login, scoped to its own project. */
const projectLogin = (user: {
  readonly username: string
  readonly password: string
  readonly domainId: string
  readonly projectName: string
}) => ({
  credentials: Credentials.password({
    username: user.username,
    domain: { id: user.domainId },
    password: Redacted.make(user.password)
  }),
  scope: AuthScope.project({ name: user.projectName, domain: { id: user.domainId } })
})

/** Demo, scoped to project demo. */
export const auth = projectLogin(KeystoneSim.Demo)

/** Admin, scoped to project admin: a caller that may validate other users' tokens. */
export const adminAuth = projectLogin(KeystoneSim.Admin)

/** Service, scoped to project service (role `service`): a service's own login, for `X-Service-Token`. */
export const serviceAuth = projectLogin(KeystoneSim.Service)

/**
 * A client that checks tokens as admin (the subject itself cannot ask about
 * itself once revoked: Keystone answers 401, not 404).
 */
export const makeChecker = (env: Env): Effect.Effect<KeystoneClient.KeystoneClientService> =>
  KeystoneClient.make({ authUrl: env.sim.authUrl }).pipe(
    Effect.provideServiceEffect(
      CallerToken.CallerToken,
      Effect.provideServiceEffect(CallerToken.issued(adminAuth), KeystoneClient.KeystoneClient, KeystoneClient.make({ authUrl: env.sim.authUrl }))
    ),
    Effect.provideService(HttpClient.HttpClient, env.http)
  )

/** The simulator's route key for issuing. */
export const ISSUE = "POST /v3/auth/tokens"

/** The simulator's route key for its compute service stub. */
export const COMPUTE = "GET service:compute"

/** A token's id in the clear, to tell tokens apart. */
export const idOf = (t: Token.Token): string => Redacted.value(t.id)

/** The session's public compute endpoint in RegionOne. */
export const computeUrl = (session: KeystoneSession.KeystoneSessionService) =>
  session.endpoint({ type: "compute", interface: "public", region: "RegionOne" })

/** Logins are at least `minimumRefresh` (1 s) apart: step past it before asking for a new token on demand. */
export const pastMinimumRefresh = TestClock.adjust("1 second")

/** A 401 counts against a token only once it is older than `refusedTokenWindow` (30 s). */
export const pastRefusedTokenWindow = TestClock.adjust("31 seconds")

/** The environment a session runs in. */
export interface Env {
  readonly sim: KeystoneSim.KeystoneSimService
  readonly client: KeystoneClient.KeystoneClientService
  readonly store: TokenStore.TokenStoreService
  /** The app's HttpClient (the simulator's, possibly wrapped). */
  readonly http: HttpClient.HttpClient
  readonly context: Context.Context<KeystoneClient.KeystoneClient | TokenStore.TokenStore | HttpClient.HttpClient>
}

/**
 * An in-memory simulator, a KeystoneClient on it and a store (memory unless
 * given). `wrapHttp` rewrites the transport (e.g. to skew timestamps).
 */
export const makeEnv = (options?: {
  readonly seed?: Partial<KeystoneSim.Seed>
  readonly store?: Layer.Layer<TokenStore.TokenStore>
  readonly wrapHttp?: (http: HttpClient.HttpClient) => HttpClient.HttpClient
  readonly client?: Partial<KeystoneClient.Options>
}): Effect.Effect<Env, never, Scope.Scope> =>
  Effect.gen(function*() {
    const simContext = yield* Layer.build(KeystoneSim.layer(options?.seed))
    const sim = Context.get(simContext, KeystoneSim.KeystoneSim)
    const raw = Context.get(simContext, HttpClient.HttpClient)
    const http = options?.wrapHttp !== undefined ? options.wrapHttp(raw) : raw
    const client = yield* Effect.provideService(
      KeystoneClient.make({ authUrl: sim.authUrl, ...options?.client }),
      HttpClient.HttpClient,
      http
    )
    const store = Context.get(yield* Layer.build(options?.store ?? TokenStore.layerMemory), TokenStore.TokenStore)
    const context = Context.make(KeystoneClient.KeystoneClient, client).pipe(
      Context.add(TokenStore.TokenStore, store),
      Context.add(HttpClient.HttpClient, http)
    )
    return { sim, client, store, http, context }
  })

/** A session on `env`, in the current scope. */
export const makeSession = (
  env: Env,
  options?: Partial<KeystoneSession.Options>
): Effect.Effect<KeystoneSession.KeystoneSessionService, never, Scope.Scope> =>
  Effect.provide(KeystoneSession.make({ auth, ...options }), env.context)

/**
 * Rewrites `issued_at` / `expires_at` in every token body Keystone sends
 * (`rewrite` gets the field and its epoch millis, returns the new millis).
 */
export const rewriteTokenTimes = (rewrite: (field: "issued_at" | "expires_at", millis: number) => number) =>
(http: HttpClient.HttpClient): HttpClient.HttpClient =>
  HttpClient.transform(http, (effect, request) =>
    Effect.flatMap(effect, (response) => {
      const rewritable = (request.method === "POST" || request.method === "GET") &&
        request.url.endsWith("/auth/tokens") && (response.status === 200 || response.status === 201)
      if (!rewritable) {
        return Effect.succeed(response)
      }
      return Effect.map(response.text, (text) => {
        const body = JSON.parse(text) as { token: Record<string, unknown> }
        for (const field of ["issued_at", "expires_at"] as const) {
          const value = body.token[field]
          if (typeof value === "string") {
            body.token[field] = new Date(rewrite(field, Date.parse(value))).toISOString()
          }
        }
        return HttpClientResponse.fromWeb(
          request,
          new Response(JSON.stringify(body), { status: response.status, headers: response.headers })
        )
      })
    }))

/**
 * The local clock `shift` ahead of Keystone's: every Keystone timestamp in a
 * token body reads `shift` earlier than the local clock expects (negative:
 * the local clock is behind).
 */
export const skewed = (shiftMillis: number): (http: HttpClient.HttpClient) => HttpClient.HttpClient =>
  rewriteTokenTimes((_field, millis) => millis - shiftMillis)
