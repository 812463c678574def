/**
 * The v2.0 token API: POST /v2.0/tokens, GET/HEAD/DELETE /v2.0/tokens/{id},
 * GET /v2.0/tokens/{id}/endpoints. Token ids travel in the path, so the URL
 * in errors and spans masks them.
 *
 * @internal
 */
import { Catalog, Token, V2 } from "@effect-keystone/schema"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Schema from "effect/Schema"
import * as Auth from "../Auth.js"
import type { ValidateOptions } from "../KeystoneClient.js"
import type { KeystoneError } from "../KeystoneError.js"
import * as Admit from "./admit.js"
import type { Resolved } from "./discovery.js"
import * as Errors from "./errors.js"
import * as Http from "./http.js"
import type { Operations } from "./operations.js"
import * as Secrets from "./secrets.js"
import * as Url from "./url.js"

const decodeEndpoints = Schema.decodeUnknownEither(V2.EndpointsResponse)

const rawId = (body: unknown): string | undefined => {
  const id = (body as { access?: { token?: { id?: unknown } } } | null)?.access?.token?.id
  return typeof id === "string" ? id : undefined
}

const decodeAccess = (spec: Http.Spec, reply: Errors.Reply) => {
  const json = Errors.jsonBody(spec, reply)
  if (!json.ok) return Effect.fail(json.error)
  const token = Token.decodeV2(json.value)
  const id = rawId(json.value)
  const scrubbed = { ...spec, secrets: id === undefined ? spec.secrets : [...spec.secrets, id] }
  if (Either.isRight(token)) return Admit.admit(scrubbed, reply, token.right)
  return Effect.fail(Errors.decodeError(scrubbed, reply, Errors.describeParseError(token.left)))
}

/** @internal */
export const make = (env: Http.Env, at: Resolved): Operations => {
  // The subject goes in the path: exactly one segment (`Url.pathSegment`), or refused unsent.
  // belongsTo does not go in the query: Keystone answers a mismatch with a 401, which
  // would read as our own token being refused; the client checks it instead.
  const tokenRequest = <A>(
    method: "GET" | "HEAD" | "DELETE",
    subject: string,
    caller: string,
    suffix: string,
    f: (spec: Http.Spec) => Effect.Effect<A, KeystoneError>
  ): Effect.Effect<A, KeystoneError> => {
    const url = `${at.redactedBase}/tokens/***${suffix}`
    const segment = Url.pathSegment(subject)
    if (Either.isLeft(segment)) return Effect.fail(Errors.invalidInput("subject", `the subject token id ${segment.left}`))
    return f({
      method,
      fullUrl: `${at.base}/tokens/${segment.right}${suffix}`,
      url,
      headers: { "X-Auth-Token": caller },
      secrets: [subject, caller],
      version: "v2.0"
    })
  }

  const issue = (auth: Auth.Auth) =>
    Effect.gen(function*() {
      const url = `${at.base}/tokens`
      const body = Auth.toV2Request(auth)
      if (Either.isLeft(body)) {
        return yield* Effect.fail(body.left)
      }
      const spec: Http.Spec = {
        method: "POST",
        fullUrl: url,
        url: `${at.redactedBase}/tokens`,
        body: body.right,
        secrets: Secrets.ofAuth(auth),
        version: "v2.0"
      }
      const reply = yield* Http.request(env, spec, Http.is2xx)
      return yield* decodeAccess(spec, reply)
    })

  const validate = (subject: string, caller: string, options?: ValidateOptions) =>
    tokenRequest("GET", subject, caller, "", (spec) =>
      Effect.gen(function*() {
        const reply = yield* Http.request(env, spec, Http.is2xx)
        const token = yield* decodeAccess(spec, reply)
        return yield* Admit.belongsTo(spec, reply, token, options?.belongsTo)
      }))

  const check = (subject: string, caller: string, options?: Pick<ValidateOptions, "allowExpired" | "belongsTo">) =>
    options?.belongsTo !== undefined
      ? Effect.as(validate(subject, caller, options), true).pipe(Effect.catchTag("NotFound", () => Effect.succeed(false)))
      : tokenRequest("HEAD", subject, caller, "", (spec) =>
        Effect.map(Http.request(env, spec, (s) => Http.is2xx(s) || s === 404), (reply) => reply.status !== 404))

  const revoke = (subject: string, caller: string) =>
    tokenRequest("DELETE", subject, caller, "", (spec) => Effect.asVoid(Http.request(env, spec, Http.is2xx)))

  const endpoints = (subject: string, caller: string) =>
    tokenRequest("GET", subject, caller, "/endpoints", (spec) =>
      Effect.gen(function*() {
      const reply = yield* Http.request(env, spec, Http.is2xx)
      const json = Errors.jsonBody(spec, reply)
      if (!json.ok) return yield* Effect.fail(json.error)
      const decoded = decodeEndpoints(json.value)
      if (Either.isLeft(decoded)) return yield* Effect.fail(Errors.decodeError(spec, reply, Errors.describeParseError(decoded.left)))
      return Catalog.fromV2Endpoints(decoded.right)
    }))

  const refuse = (method: "GET" | "HEAD", options: Pick<ValidateOptions, "allowExpired"> | undefined) =>
    options?.allowExpired === true
      ? Errors.invalidInput("allowExpired", "allowExpired is not part of the v2.0 API")
      : undefined

  return { version: "v2.0", issue, validate, check, revoke, endpoints, refuse, catalogNeedsSubjectAsCaller: false }
}
