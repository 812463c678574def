/**
 * One request's verdict, as keystonemiddleware's `process_request` reaches
 * it: the service token first (its roles decide whether the user token may
 * be expired), then the user token; then what to forward or answer.
 *
 * @internal
 */
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import type { Decision, Status } from "../AuthToken.js"
import * as Headers from "../Headers.js"
import type { Principal } from "../Identity.js"
import { KeystoneUnavailable, TokenRejected } from "./errors.js"
import * as Principals from "./principal.js"
import type { Validator } from "./validator.js"

/** @internal */
export interface DecideSettings {
  readonly delayAuthDecision: boolean
  readonly serviceTokenRoles: ReadonlyArray<string>
  readonly serviceTokenRolesRequired: boolean
  readonly catalog: boolean
  readonly wwwAuthenticate: string
}

const nonEmpty = (v: string | undefined): v is string => v !== undefined && v.length > 0

/** @internal */
export const authenticate = (validator: Validator, settings: Omit<DecideSettings, "wwwAuthenticate">) =>
(
  tokens: { readonly userToken?: string | undefined; readonly serviceToken?: string | undefined }
): Effect.Effect<Status, KeystoneUnavailable> =>
  Effect.gen(function*() {
    const principal = (t: Parameters<typeof Principals.fromToken>[0]): Principal =>
      Principals.fromToken(t, { catalog: settings.catalog })
    // Keystone's failure: 503, or with delay_auth_decision an Invalid the handler sees
    const orDelay = <A>(effect: Effect.Effect<A, TokenRejected | KeystoneUnavailable>) =>
      Effect.either(effect).pipe(Effect.flatMap((r) =>
        Either.isLeft(r) && r.left._tag === "KeystoneUnavailable" && !settings.delayAuthDecision
          ? Effect.fail(r.left)
          : Effect.succeed(r as Either.Either<A, TokenRejected | KeystoneUnavailable>)
      ))

    let service: Principal | null = null
    let serviceValid = false
    let allowExpired = false
    let serviceError: TokenRejected | KeystoneUnavailable | undefined
    const serviceTokenSent = nonEmpty(tokens.serviceToken)
    if (nonEmpty(tokens.serviceToken)) {
      const result = yield* orDelay(validator.validate(tokens.serviceToken, false))
      if (Either.isRight(result)) {
        const p = principal(result.right)
        const rolesOk = p.roles.some((r) => settings.serviceTokenRoles.includes(r))
        serviceValid = settings.serviceTokenRolesRequired ? rolesOk : true
        allowExpired = rolesOk
        service = serviceValid ? p : null
        if (!serviceValid) {
          serviceError = new TokenRejected({ reason: "ServiceToken", message: "The service token lacks a service role." })
        }
      } else {
        serviceError = result.left
      }
    }

    if (!nonEmpty(tokens.userToken)) {
      return {
        _tag: "Invalid",
        error: new TokenRejected({ reason: "Missing", message: "This request needs an X-Auth-Token header." }),
        service,
        serviceTokenSent
      } satisfies Status
    }
    const user = yield* orDelay(validator.validate(tokens.userToken, allowExpired))
    if (Either.isLeft(user)) return { _tag: "Invalid", error: user.left, service, serviceTokenSent } satisfies Status
    const identity = { ...principal(user.right), service }
    if (serviceTokenSent && !serviceValid) {
      return {
        _tag: "Invalid",
        error: serviceError ?? new TokenRejected({ reason: "ServiceToken", message: "The service token is invalid." }),
        service,
        serviceTokenSent,
        user: identity
      } satisfies Status
    }
    return { _tag: "Confirmed", identity } satisfies Status
  })

const errorBody = (code: number, title: string, message: string) => JSON.stringify({ error: { code, title, message } })

/** @internal */
export const decide = (validator: Validator, base: DecideSettings) =>
(
  header: (name: string) => string | undefined,
  options?: { readonly delayAuthDecision?: boolean | undefined }
): Effect.Effect<Decision> => {
  const settings = { ...base, delayAuthDecision: options?.delayAuthDecision ?? base.delayAuthDecision }
  return authenticate(validator, settings)({ userToken: header("x-auth-token") ?? header("x-storage-token"), serviceToken: header("x-service-token") })
    .pipe(
      Effect.map((status): Decision => {
        const set = status._tag === "Confirmed"
          ? Headers.forIdentity(status.identity)
          : Headers.forRequest({
            user: status.user ?? null,
            userValid: status.user !== undefined,
            service: status.service,
            serviceTokenSent: status.serviceTokenSent,
            serviceValid: status.service !== null
          })
        if (status._tag === "Invalid" && !settings.delayAuthDecision) {
          return {
            _tag: "Respond",
            status: 401,
            headers: { "content-type": "application/json", "www-authenticate": settings.wwwAuthenticate },
            body: errorBody(401, "Unauthorized", "The request you have made requires authentication.")
          }
        }
        return { _tag: "Forward", status, set, remove: Headers.managed }
      }),
      Effect.catchAll((e) =>
        Effect.succeed<Decision>({
          _tag: "Respond",
          status: 503,
          headers: { "content-type": "application/json", "retry-after": String(e.retryAfterSeconds) },
          body: errorBody(503, "Service Unavailable", "The Keystone service is temporarily unavailable.")
        })
      )
    )
}
