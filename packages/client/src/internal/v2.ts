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
import type { Resolved } from "./discovery.js"
import * as Errors from "./errors.js"
import * as Http from "./http.js"
import type { Operations } from "./operations.js"
import * as Secrets from "./secrets.js"

const decodeEndpoints = Schema.decodeUnknownEither(V2.EndpointsResponse)

const rawId = (body: unknown): string | undefined => {
  const id = (body as { access?: { token?: { id?: unknown } } } | null)?.access?.token?.id
  return typeof id === "string" ? id : undefined
}

const decodeAccess = (spec: Http.Spec, reply: Errors.Reply) => {
  const json = Errors.jsonBody(spec, reply)
  if (!json.ok) return Effect.fail(json.error)
  const token = Token.decodeV2(json.value)
  if (Either.isRight(token)) return Effect.succeed(token.right)
  const id = rawId(json.value)
  const scrubbed = { ...spec, secrets: id === undefined ? spec.secrets : [...spec.secrets, id] }
  return Effect.fail(Errors.decodeError(scrubbed, reply, Errors.describeParseError(token.left)))
}

/** @internal */
export const make = (env: Http.Env, at: Resolved): Operations => {
  const tokenSpec = (
    method: "GET" | "HEAD" | "DELETE",
    subject: string,
    caller: string,
    suffix: string,
    belongsTo: string | undefined
  ): Http.Spec => {
    const q = belongsTo === undefined ? "" : `?belongsTo=${encodeURIComponent(belongsTo)}`
    return {
      method,
      fullUrl: `${at.base}/tokens/${encodeURIComponent(subject)}${suffix}${q}`,
      url: `${at.redactedBase}/tokens/***${suffix}${q}`,
      headers: { "X-Auth-Token": caller },
      secrets: [subject, caller],
      version: "v2.0"
    }
  }

  const issue = (auth: Auth.Auth) =>
    Effect.gen(function*() {
      const url = `${at.base}/tokens`
      const body = Auth.toV2Request(auth)
      if (Either.isLeft(body)) {
        return yield* Effect.fail(Errors.refused({ method: "POST", url: `${at.redactedBase}/tokens` }, body.left.message))
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

  const validate = (subject: string, caller: string, options?: ValidateOptions) => {
    const spec = tokenSpec("GET", subject, caller, "", options?.belongsTo)
    return Effect.flatMap(Http.request(env, spec, Http.is2xx), (reply) => decodeAccess(spec, reply))
  }

  const check = (subject: string, caller: string, options?: Pick<ValidateOptions, "allowExpired" | "belongsTo">) => {
    const spec = tokenSpec("HEAD", subject, caller, "", options?.belongsTo)
    return Effect.map(Http.request(env, spec, (s) => Http.is2xx(s) || s === 404), (reply) => reply.status !== 404)
  }

  const revoke = (subject: string, caller: string) =>
    Effect.asVoid(Http.request(env, tokenSpec("DELETE", subject, caller, "", undefined), Http.is2xx))

  const endpoints = (subject: string, caller: string) =>
    Effect.gen(function*() {
      const spec = tokenSpec("GET", subject, caller, "/endpoints", undefined)
      const reply = yield* Http.request(env, spec, Http.is2xx)
      const json = Errors.jsonBody(spec, reply)
      if (!json.ok) return yield* Effect.fail(json.error)
      const decoded = decodeEndpoints(json.value)
      if (Either.isLeft(decoded)) return yield* Effect.fail(Errors.decodeError(spec, reply, Errors.describeParseError(decoded.left)))
      return Catalog.fromV2Endpoints(decoded.right)
    })

  const refuse = (method: "GET" | "HEAD", options: Pick<ValidateOptions, "allowExpired"> | undefined) =>
    options?.allowExpired === true
      ? Errors.refused({ method, url: `${at.redactedBase}/tokens/***` }, "allowExpired is not part of the v2.0 API")
      : undefined

  return { version: "v2.0", issue, validate, check, revoke, endpoints, refuse, catalogNeedsSubjectAsCaller: false }
}
