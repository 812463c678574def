/**
 * A tiny downstream service in front of the simulator that demands both
 * tokens, as keystonemiddleware's `auth_token` does with
 * `service_token_roles_required`: `X-Service-Token` must be valid and carry
 * the `service` role; `X-Auth-Token` must be valid, or merely expired when
 * the service token is good (`allow_expired`). Anything else: 401 with
 * `WWW-Authenticate: Keystone uri="…"`. Both tokens are validated with the
 * service token as the caller, the way the middleware uses its own.
 */
import * as HttpClient from "@effect/platform/HttpClient"
import type * as HttpClientRequest from "@effect/platform/HttpClientRequest"
import * as HttpClientResponse from "@effect/platform/HttpClientResponse"
import { CallerToken, KeystoneClient } from "@effect-keystone/client"
import * as Effect from "effect/Effect"
import * as Redacted from "effect/Redacted"

/** The downstream's origin (add it to the service session's `allowOrigins`). */
export const origin = "http://downstream.test:8080"

export interface Downstream {
  /** What each request carried: `X-Auth-Token`, `X-Service-Token` (raw, for comparisons in tests only). */
  readonly seen: Array<{ readonly auth: string | undefined; readonly service: string | undefined }>
  readonly wrap: (http: HttpClient.HttpClient) => HttpClient.HttpClient
}

const json = (request: HttpClientRequest.HttpClientRequest, status: number, body: unknown, headers: Record<string, string> = {}) =>
  HttpClientResponse.fromWeb(
    request,
    new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json", ...headers } })
  )

/** `authUrl`: where the downstream validates (the simulator's). */
export const make = (authUrl: string): Downstream => {
  const seen: Downstream["seen"] = []
  const wrap = (http: HttpClient.HttpClient): HttpClient.HttpClient => {
    const refuse = (request: HttpClientRequest.HttpClientRequest, why: string) =>
      json(request, 401, { error: { code: 401, title: "Unauthorized", message: why } }, {
        "www-authenticate": `Keystone uri="${authUrl}"`
      })
    const answer = (request: HttpClientRequest.HttpClientRequest) => {
      const auth = request.headers["x-auth-token"]
      const service = request.headers["x-service-token"]
      seen.push({ auth, service })
      if (auth === undefined || service === undefined) return Effect.succeed(refuse(request, "both tokens are required"))
      return Effect.gen(function*() {
        const validator = yield* Effect.provideService(
          KeystoneClient.make({ authUrl, retry: false }).pipe(Effect.provide(CallerToken.layerFixed(Redacted.make(service)))),
          HttpClient.HttpClient,
          http
        )
        const serviceToken = yield* Effect.either(validator.validate(Redacted.make(service)))
        if (serviceToken._tag === "Left" || !serviceToken.right.roles.some((r) => r.name === "service")) {
          return refuse(request, "invalid service token")
        }
        const user = yield* Effect.either(validator.validate(Redacted.make(auth), { allowExpired: true }))
        if (user._tag === "Left") return refuse(request, "invalid user token")
        return json(request, 200, { user: user.right.user.id, service: serviceToken.right.user.id })
      })
    }
    return HttpClient.transform(http, (effect, request) => (request.url.startsWith(`${origin}/`) ? answer(request) : effect))
  }
  return { seen, wrap }
}
