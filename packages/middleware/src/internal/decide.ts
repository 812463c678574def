/**
 * One request's verdict, as keystonemiddleware's `process_request` reaches
 * it: the service token first (its roles decide whether the user token may
 * be expired), then the user token; then what to forward or answer.
 *
 * Two ways to the same verdict: `decideCached`, synchronous, when every
 * token's validation is remembered (no fiber; the adapters try it first),
 * and the effects (`decide`, `authenticate`), which ask Keystone for what is
 * not. Remembered answers are counted (`KeystoneMetrics.validations`) only
 * once they decide the request: a request that goes to Keystone after all
 * counts each token once, there. What a validated token turns into (its principal, identity, headers,
 * the whole decision of a request with it alone) is computed once per
 * remembered validation.
 *
 * @internal
 */
import type { Token } from "@effect-keystone/schema"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as FiberRef from "effect/FiberRef"
import type * as MetricLabel from "effect/MetricLabel"
import type { AuthTokenService, Decision, Status } from "../AuthToken.js"
import type { Identity, Principal } from "../Identity.js"
import { KeystoneUnavailable, TokenRejected } from "./errors.js"
import * as Headers from "./headers.js"
import * as Principals from "./principal.js"
import type { Found, Validator } from "./validator.js"

/** @internal */
export interface DecideSettings {
  readonly delayAuthDecision: boolean
  readonly serviceTokenRoles: ReadonlyArray<string>
  readonly serviceTokenRolesRequired: boolean
  readonly catalog: boolean
  readonly wwwAuthenticate: string
}

/** @internal */
export interface Tokens {
  readonly userToken?: string | undefined
  readonly serviceToken?: string | undefined
}

/** What the service's request step is made of: its own signatures, one definition. @internal */
export type Decider = Pick<AuthTokenService, "authenticate" | "decide" | "decideCached">

/** A validation's answer: the token, or why not. */
type Answer = Either.Either<Token.Token, TokenRejected | KeystoneUnavailable>

/** What the service token settles before the user token is looked at. */
interface ServiceSide {
  readonly sent: boolean
  /** Its principal when it is valid (and has a role, when roles are required). */
  readonly principal: Principal | null
  /** It has a `serviceTokenRoles` role: the user token may be expired. */
  readonly allowExpired: boolean
  readonly error: TokenRejected | KeystoneUnavailable | undefined
}

const noService: ServiceSide = { sent: false, principal: null, allowExpired: false, error: undefined }

const nonEmpty = (v: string | undefined): v is string => v !== undefined && v.length > 0

/** `f`, computed once per object (held as long as the object is: a remembered validation). */
const memo = <K extends object, V>(f: (key: K) => V): (key: K) => V => {
  const results = new WeakMap<K, V>()
  return (key) => {
    let value = results.get(key)
    if (value === undefined) {
      value = f(key)
      results.set(key, value)
    }
    return value
  }
}

const errorBody = (code: number, title: string, message: string) => JSON.stringify({ error: { code, title, message } })

/** @internal */
export const make = (validator: Validator, settings: DecideSettings): Decider => {
  const principalOf = memo((token: Token.Token) => Principals.fromToken(token, { catalog: settings.catalog }))
  const identityAlone = memo((principal: Principal): Identity => ({ ...principal, service: null }))
  const hasServiceRole = memo((principal: Principal) => principal.roles.some((r) => settings.serviceTokenRoles.includes(r)))
  const parts = { forUser: memo(Headers.forUser), forService: memo(Headers.forService) }
  const forwardAlone = memo((identity: Identity): Decision => ({
    _tag: "Forward",
    status: { _tag: "Confirmed", identity },
    set: Headers.forRequest({ user: identity, userValid: true, service: null, serviceTokenSent: false, serviceValid: false }, parts),
    remove: Headers.managed
  }))
  const unauthorized: Decision = {
    _tag: "Respond",
    status: 401,
    headers: { "content-type": "application/json", "www-authenticate": settings.wwwAuthenticate },
    body: errorBody(401, "Unauthorized", "The request you have made requires authentication.")
  }

  const serviceSide = (answer: Answer): ServiceSide => {
    if (Either.isLeft(answer)) return { sent: true, principal: null, allowExpired: false, error: answer.left }
    const principal = principalOf(answer.right)
    const withRole = hasServiceRole(principal)
    const valid = settings.serviceTokenRolesRequired ? withRole : true
    return {
      sent: true,
      principal: valid ? principal : null,
      allowExpired: withRole,
      error: valid ? undefined : new TokenRejected({ reason: "ServiceToken", message: "The service token lacks a service role." })
    }
  }

  /** The verdict once both tokens are answered (`user` undefined: none came). */
  const verdict = (side: ServiceSide, user: Answer | undefined): Status => {
    if (user === undefined) {
      return {
        _tag: "Invalid",
        error: new TokenRejected({ reason: "Missing", message: "This request needs an X-Auth-Token header." }),
        service: side.principal,
        serviceTokenSent: side.sent
      }
    }
    if (Either.isLeft(user)) return { _tag: "Invalid", error: user.left, service: side.principal, serviceTokenSent: side.sent }
    const principal = principalOf(user.right)
    const identity = side.principal === null ? identityAlone(principal) : { ...principal, service: side.principal }
    if (side.sent && side.principal === null) {
      return {
        _tag: "Invalid",
        error: side.error ?? new TokenRejected({ reason: "ServiceToken", message: "The service token is invalid." }),
        service: null,
        serviceTokenSent: true,
        user: identity
      }
    }
    return { _tag: "Confirmed", identity }
  }

  const toDecision = (status: Status, delayed: boolean): Decision => {
    if (status._tag === "Confirmed") {
      return status.identity.service === null
        ? forwardAlone(status.identity)
        : {
          _tag: "Forward",
          status,
          set: Headers.forRequest({
            user: status.identity,
            userValid: true,
            service: status.identity.service,
            serviceTokenSent: true,
            serviceValid: true
          }, parts),
          remove: Headers.managed
        }
    }
    if (!delayed) return unauthorized
    const set = Headers.forRequest({
      user: status.user ?? null,
      userValid: status.user !== undefined,
      service: status.service,
      serviceTokenSent: status.serviceTokenSent,
      serviceValid: status.service !== null
    }, parts)
    return { _tag: "Forward", status, set, remove: Headers.managed }
  }

  const unavailable = (e: KeystoneUnavailable): Decision => ({
    _tag: "Respond",
    status: 503,
    headers: { "content-type": "application/json", "retry-after": String(e.retryAfterSeconds) },
    body: errorBody(503, "Service Unavailable", "The Keystone service is temporarily unavailable.")
  })

  /**
   * The verdict from remembered validations only, counted with `labels`;
   * `undefined` (nothing counted) when a token's is not remembered.
   */
  const rememberedStatus = (
    userToken: string | undefined,
    serviceToken: string | undefined,
    labels: ReadonlyArray<MetricLabel.MetricLabel>
  ): Status | undefined => {
    let side = noService
    let service: Found | undefined
    if (nonEmpty(serviceToken)) {
      service = validator.remembered(serviceToken, false)
      if (service === undefined) return undefined
      side = serviceSide(service.answer)
    }
    let user: Found | undefined
    if (nonEmpty(userToken)) {
      user = validator.remembered(userToken, side.allowExpired)
      if (user === undefined) return undefined
    }
    if (service !== undefined) validator.use(service, labels)
    return verdict(side, user === undefined ? undefined : validator.use(user, labels))
  }

  /** Keystone's failure: 503, or with delay_auth_decision an Invalid the handler sees. */
  const answerOf = (effect: Effect.Effect<Token.Token, TokenRejected | KeystoneUnavailable>, delayed: boolean) =>
    Effect.flatMap(Effect.either(effect), (answer) =>
      Either.isLeft(answer) && answer.left._tag === "KeystoneUnavailable" && !delayed
        ? Effect.fail(answer.left)
        : Effect.succeed(answer))

  const status = (
    userToken: string | undefined,
    serviceToken: string | undefined,
    delayed: boolean
  ): Effect.Effect<Status, KeystoneUnavailable> =>
    Effect.withFiberRuntime((fiber) => {
      const remembered = rememberedStatus(userToken, serviceToken, fiber.getFiberRef(FiberRef.currentMetricLabels))
      if (remembered !== undefined) return Effect.succeed(remembered)
      return Effect.gen(function*() {
        const side = nonEmpty(serviceToken)
          ? serviceSide(yield* answerOf(validator.validate(serviceToken, false), delayed))
          : noService
        if (!nonEmpty(userToken)) return verdict(side, undefined)
        return verdict(side, yield* answerOf(validator.validate(userToken, side.allowExpired), delayed))
      })
    })

  const userTokenOf = (header: (name: string) => string | undefined) => header("x-auth-token") ?? header("x-storage-token")

  return {
    authenticate: (tokens) => status(tokens.userToken, tokens.serviceToken, settings.delayAuthDecision),
    decide: (header, options) => {
      const delayed = options?.delayAuthDecision ?? settings.delayAuthDecision
      return status(userTokenOf(header), header("x-service-token"), delayed).pipe(
        Effect.map((s) => toDecision(s, delayed)),
        Effect.catchAll((e) => Effect.succeed(unavailable(e)))
      )
    },
    decideCached: (header, options) => {
      const remembered = rememberedStatus(userTokenOf(header), header("x-service-token"), validator.labels)
      return remembered === undefined
        ? undefined
        : toDecision(remembered, options?.delayAuthDecision ?? settings.delayAuthDecision)
    }
  }
}
