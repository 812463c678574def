/**
 * Our client calling the REAL keystonemiddleware on a user's behalf (issue
 * 11): the service's own `KeystoneSession` (the service user, role `service`)
 * sends an EXPIRED user token through `session.httpClientOnBehalfOf`, which
 * adds the session's token as `X-Service-Token`, and keystonemiddleware
 * accepts it, as its docs promise for a service token holding one of
 * `service_token_roles` (it validates the user token with `allow_expired`).
 * The same expired token sent alone is refused. Run with
 * `npm run test:keystone` (after `bash scripts/keystonemiddleware-up.sh`).
 */
import { expect, layer } from "@effect/vitest"
import { KeystoneSession } from "@effect-keystone/cache"
import * as Effect from "effect/Effect"
import * as Redacted from "effect/Redacted"
import { type Answer, keystonemiddleware, ks, type Mount, shortLivedToken, waitUntil } from "./keystone.js"
import * as Ours from "./ours.js"
import { identityHeaders } from "./support.js"

const CONFIRMED = "Confirmed"
const mounts: ReadonlyArray<Mount> = ["strict", "lenient", "delay"]

/** The service's session; keystonemiddleware's app is not in its catalog, so its origin is allowed by name. */
const Service = Ours.ServiceSession("onbehalf", { allowOrigins: [ks.ksmUrl] })

/** A token of demo that expires in about `seconds`; `expired` waits until it has. */
const expiringUserToken = (seconds: number) =>
  Effect.promise(() => shortLivedToken(seconds)).pipe(
    Effect.map(({ expiresAt, token }) => ({ token, expired: Effect.promise(() => waitUntil(expiresAt)) }))
  )

/** `GET <mount>/resource` through the service session's `httpClientOnBehalfOf(user)`. */
const onBehalfOf = (mount: Mount, user: string) =>
  Effect.gen(function*() {
    const session = yield* KeystoneSession.KeystoneSession
    const http = yield* session.httpClientOnBehalfOf(Redacted.make(user))
    const response = yield* http.get(`${ks.ksmUrl}/${mount}/resource`)
    const body = yield* response.text
    return {
      status: response.status,
      headers: response.status === 200
        ? identityHeaders((JSON.parse(body) as { headers: Record<string, string> }).headers)
        : undefined
    }
  })

/** The user the app behind keystonemiddleware was told about: demo on its project, and the service user acting for it. */
const expectUserAndService = (headers: Record<string, unknown> | undefined, mount: Mount) => {
  expect(headers, mount).toMatchObject({
    "x-identity-status": CONFIRMED,
    "x-user-id": ks.demoUserId,
    "x-project-id": ks.demoProjectId,
    "x-service-identity-status": CONFIRMED,
    "x-service-user-id": ks.service.userId,
    "x-service-user-name": ks.service.username,
    "x-service-project-id": ks.service.projectId
  })
  expect(headers!["x-service-roles"], mount).toContain("service")
}

/** keystonemiddleware's answer to the token sent alone (plain fetch, no `X-Service-Token`). */
const alone = (mount: Mount, token: string) =>
  Effect.promise(() => keystonemiddleware(mount, { "x-auth-token": token }))

/** Refused: 401 on the deciding mounts; forwarded as `Invalid` with `delay_auth_decision`. */
const expectRefused = (answer: Answer, mount: Mount) => {
  if (mount === "delay") {
    expect(answer.status, mount).toBe(200)
    expect(answer.headers!["x-identity-status"], mount).toBe("Invalid")
    expect(answer.headers!["x-user-id"], mount).toBeUndefined()
  } else {
    expect(answer.status, mount).toBe(401)
    expect(answer.responseHeaders["www-authenticate"], mount).toBe(`Keystone uri="${ks.authUrl}"`)
  }
}

layer(Service, { excludeTestServices: true, timeout: "60 seconds" })(
  `the service's session sends an expired user token with its own X-Service-Token to keystonemiddleware (${ks.ksmUrl})`,
  (it) => {
    it.effect("accepted, with the user's and the service's identity; the same token alone is refused", () =>
      Effect.gen(function*() {
        const user = yield* expiringUserToken(3)
        yield* user.expired // never shown to keystonemiddleware while valid
        for (const mount of mounts) {
          const accepted = yield* onBehalfOf(mount, user.token)
          expect(accepted.status, mount).toBe(200)
          expectUserAndService(accepted.headers, mount)
          expectRefused(yield* alone(mount, user.token), mount)
        }
      }))

    it.effect("a token keystonemiddleware cached while valid: alone 200, then expired alone refused, on behalf 200", () =>
      Effect.gen(function*() {
        const user = yield* expiringUserToken(6)
        const valid = yield* alone("strict", user.token)
        expect(valid.status).toBe(200)
        expect(valid.headers!["x-user-id"]).toBe(ks.demoUserId)
        yield* user.expired
        expectRefused(yield* alone("strict", user.token), "strict")
        const accepted = yield* onBehalfOf("strict", user.token)
        expect(accepted.status).toBe(200)
        expectUserAndService(accepted.headers, "strict")
      }))
  }
)
