/**
 * Shared test helpers: a fresh simulator per test, credentials from its
 * seed, a span recorder and a secret-leak detector.
 */
import { AuthScope, CallerToken, Credentials, KeystoneClient } from "@effect-keystone/client"
import type { Auth } from "@effect-keystone/client"
import { KeystoneSim } from "@effect-keystone/testing"
import * as HttpClientModule from "@effect/platform/HttpClient"
import type * as HttpClient from "@effect/platform/HttpClient"
import type * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Fiber from "effect/Fiber"
import * as Redacted from "effect/Redacted"
import * as TestClock from "effect/TestClock"
import * as Tracer from "effect/Tracer"
import * as util from "node:util"

export const { Admin, AppCred, Demo, Demo2, Mfa, Service, Trust } = KeystoneSim

export const demoPassword = Credentials.password({ userId: Demo.userId, password: Redacted.make(Demo.password) })
export const demoByName = Credentials.password({
  username: Demo.username,
  domain: { id: Demo.domainId },
  password: Redacted.make(Demo.password)
})
export const adminAuth: Auth.Auth = {
  credentials: Credentials.password({ userId: Admin.userId, password: Redacted.make(Admin.password) }),
  scope: AuthScope.project({ id: Admin.projectId })
}
export const serviceAuth: Auth.Auth = {
  credentials: Credentials.password({
    username: Service.username,
    domain: { name: Service.domainName },
    password: Redacted.make(Service.password)
  }),
  scope: AuthScope.project({ name: Service.projectName, domain: { id: Service.domainId } })
}
/** v2.0 logins: user names are looked up in the default domain. */
export const demoV2: Auth.Auth = {
  credentials: Credentials.passwordV2({ username: Demo.username, password: Redacted.make(Demo.password) }),
  scope: AuthScope.tenant({ name: Demo.projectName })
}
export const adminV2: Auth.Auth = {
  credentials: Credentials.passwordV2({ username: Admin.username, password: Redacted.make(Admin.password) }),
  scope: AuthScope.tenant({ name: Admin.projectName })
}

type Sim = KeystoneSim.KeystoneSimService
type Client = KeystoneClient.KeystoneClientService

/** Who the client under test is: a fixed token or service credentials issued on demand. */
export type Caller = { readonly token: Redacted.Redacted<string> } | { readonly auth: Auth.Auth }

/** Client options in tests, with the caller as a plain value. */
export type ClientOptions = KeystoneClient.Options & { readonly caller?: Caller | undefined }

/** `KeystoneClient.make` with its `CallerToken` (issued on demand through a plain client with the same options). */
export const makeClient = (
  options: ClientOptions
): Effect.Effect<KeystoneClient.KeystoneClientService, never, HttpClient.HttpClient> => {
  const { caller, ...rest } = options
  if (caller === undefined) return KeystoneClient.make(rest)
  const token = "token" in caller
    ? Effect.succeed(CallerToken.fixed(caller.token))
    : CallerToken.issued(caller.auth).pipe(Effect.provideServiceEffect(KeystoneClient.KeystoneClient, KeystoneClient.make(rest)))
  return Effect.provideServiceEffect(KeystoneClient.make(rest), CallerToken.CallerToken, token)
}

/**
 * A fresh simulator (its own counters and tokens) and a client on it. The
 * authUrl is the sim's `/v3` (or `/v2.0` with `v2: true`) unless given.
 */
export const withSim = <A, E>(
  f: (sim: Sim, client: Client) => Effect.Effect<A, E, HttpClient.HttpClient>,
  options: Partial<ClientOptions> & { readonly v2?: boolean } = {},
  seed?: Partial<KeystoneSim.Seed>
): Effect.Effect<A, E> =>
  Effect.gen(function*() {
    const sim = yield* KeystoneSim.KeystoneSim
    const { v2, ...rest } = options
    const client = yield* makeClient({ authUrl: v2 === true ? sim.authUrlV2 : sim.authUrl, ...rest })
    return yield* f(sim, client)
  }).pipe(Effect.provide(KeystoneSim.layer(seed)))

/** Runs `effect` in the background, then moves the TestClock by `step` until it is done. */
export const runWithClock = <A, E>(effect: Effect.Effect<A, E>, step: Duration.DurationInput = "100 millis", limit = 2_000) =>
  Effect.gen(function*() {
    const fiber = yield* Effect.fork(effect)
    for (let i = 0; i < limit; i++) {
      const done = yield* Fiber.poll(fiber)
      if (done._tag === "Some") break
      yield* TestClock.adjust(step)
    }
    return yield* Fiber.join(fiber)
  })

/** Every secret form we check for in errors and spans. */
export const leaks = (value: unknown, secrets: ReadonlyArray<string>): Array<string> => {
  const forms = [String(value), util.inspect(value, { depth: 20, showHidden: true }), JSON.stringify(value) ?? ""]
  if (value instanceof Error) forms.push(value.message, value.stack ?? "")
  return secrets.filter((s) => forms.some((f) => f.includes(s)))
}

/** Records every span started under it, with its attributes. */
export const recordSpans = <A, E, R>(effect: Effect.Effect<A, E, R>) =>
  Effect.gen(function*() {
    const base = yield* Effect.tracer
    const spans: Array<Tracer.Span> = []
    const tracer = Tracer.make({
      span: (...args) => {
        const span = base.span(...args)
        spans.push(span)
        return span
      },
      context: (f, fiber) => base.context(f, fiber)
    })
    const exit = yield* Effect.exit(Effect.withTracer(effect, tracer))
    return { exit, spans }
  })

export const spanDump = (spans: ReadonlyArray<Tracer.Span>): string =>
  JSON.stringify(spans.map((s) => ({ name: s.name, attributes: Object.fromEntries(s.attributes), status: String(util.inspect(s.status, { depth: 10 })) })))

/** Wraps an HttpClient to record each request's method, URL and caller token. */
export const spy = (client: HttpClient.HttpClient) => {
  const seen: Array<{ readonly method: string; readonly url: string; readonly caller: string | undefined; readonly headers: Readonly<Record<string, string>> }> = []
  const wrapped = HttpClientModule.tapRequest(client, (r) =>
    Effect.sync(() => {
      seen.push({ method: r.method, url: r.url, caller: r.headers["x-auth-token"], headers: { ...r.headers } })
    }))
  return { client: wrapped, seen }
}
