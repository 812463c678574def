/**
 * The `npm start` demo's services behind `@effect-keystone/middleware`:
 * compute (what the worker calls) and stage (e), `examples/protected-service.ts`
 * itself, both validating with the simulator's "service" user.
 */
import * as HttpServerResponse from "@effect/platform/HttpServerResponse"
import { OpenStackConfig } from "@effect-keystone/client"
import { AuthToken, AuthTokenHttp } from "@effect-keystone/middleware"
import { KeystoneSim } from "@effect-keystone/testing"
import * as ConfigProvider from "effect/ConfigProvider"
import * as Console from "effect/Console"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Schedule from "effect/Schedule"
import * as ProtectedService from "./protected-service.js"

/** How often the demo's services poll Keystone's revocation events. */
export const POLL = "1 second"

/**
 * The middleware's service for the simulator's "service" user, read from
 * OS_* variables as `protected-service.ts` reads them; lives in the scope.
 */
export const serviceAuth = (authUrl: string) =>
  Effect.gen(function*() {
    const settings = yield* Effect.withConfigProvider(
      OpenStackConfig.fromEnv,
      ConfigProvider.fromMap(
        new Map([
          ["OS_AUTH_URL", authUrl],
          ["OS_USER_ID", KeystoneSim.Service.userId],
          ["OS_PASSWORD", KeystoneSim.Service.password],
          ["OS_PROJECT_ID", KeystoneSim.Service.projectId]
        ])
      )
    )
    return yield* Layer.build(ProtectedService.layer(settings, { revocation: { pollEvery: POLL } }))
  })

/** compute: answers any path with the caller's user and audit id; `record` sees every answer's status. */
export const computeApp = (record: (status: number) => void) =>
  AuthTokenHttp.middleware(
    Effect.flatMap(AuthToken.Identity, (identity) =>
      HttpServerResponse.json({ user: identity.user.name, auditId: identity.auditIds[0] ?? null }))
  ).pipe(Effect.tap((response) => Effect.sync(() => record(response.status))))

const get = (url: string, headers: Record<string, string> = {}) =>
  Effect.promise(async () => {
    const response = await fetch(url, { headers })
    return { status: response.status, headers: response.headers, body: (await response.json()) as Record<string, any> }
  })

/**
 * Stage (e): `protected-service.ts` on loopback; `/whoami` and `/headers`
 * with a user's token (a planted `X-Roles: admin` removed), 100 concurrent
 * calls with a new token for one Keystone validation, the token refused
 * within the revocation poll once revoked, and a 401 without a token.
 */
export const stage = (
  sim: KeystoneSim.KeystoneSimService,
  issue: Effect.Effect<string, unknown>,
  say: (line: string) => Effect.Effect<void>,
  check: (ok: boolean, message: string) => Effect.Effect<void, unknown>
) =>
  Effect.gen(function*() {
    yield* Console.log(`\n(e) examples/protected-service.ts: a service behind @effect-keystone/middleware`)
    const { url } = yield* ProtectedService.serve().pipe(Effect.provide(yield* serviceAuth(sim.authUrl)))
    yield* say(`protected service on ${url} (validates as "service", revocation poll every ${POLL})`)

    const token = yield* issue
    const whoami = yield* get(`${url}/whoami`, { "x-auth-token": token })
    yield* check(whoami.status === 200, `GET /whoami answered ${whoami.status}`)
    yield* say(`✓ GET /whoami → ${whoami.body.user.name} on project ${whoami.body.project?.name}, roles ${whoami.body.roles.join(",")}`)
    const headers = yield* get(`${url}/headers`, { "x-auth-token": token, "x-roles": "admin" })
    const roles = String(headers.body["x-roles"]).split(",")
    yield* check(!roles.includes("admin"), "a planted X-Roles: admin reached the service")
    yield* say(
      `✓ GET /headers (with a planted X-Roles: admin) → X-Identity-Status ${headers.body["x-identity-status"]}, ` +
        `X-User-Name ${headers.body["x-user-name"]}, X-Roles ${roles.join(",")}`
    )

    const fresh = yield* issue
    const before = yield* sim.count("GET /v3/auth/tokens")
    const answers = yield* Effect.all(Array.from({ length: 100 }, () => get(`${url}/whoami`, { "x-auth-token": fresh })), {
      concurrency: "unbounded"
    })
    const validations = (yield* sim.count("GET /v3/auth/tokens")) - before
    yield* check(answers.every((a) => a.status === 200), "a concurrent call was refused")
    yield* check(validations === 1, `${validations} validations for one new token`)
    yield* say(`✓ 100 concurrent calls with a new token: all 200, ${validations} validation in Keystone`)

    yield* sim.revoke(fresh)
    const revokedAt = Date.now()
    yield* get(`${url}/whoami`, { "x-auth-token": fresh }).pipe(
      Effect.repeat({ schedule: Schedule.spaced("100 millis"), until: (a) => a.status === 401 }),
      Effect.timeout("5 seconds")
    )
    yield* say(`✓ revoked in Keystone: refused after ${((Date.now() - revokedAt) / 1000).toFixed(1)}s (from its cache until then)`)
    const anonymous = yield* get(`${url}/whoami`)
    yield* check(anonymous.status === 401, `no token answered ${anonymous.status}`)
    yield* say(`✓ no token → 401, WWW-Authenticate: ${anonymous.headers.get("www-authenticate")}`)
  })
