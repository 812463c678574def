/**
 * The v3 token API: POST/GET/HEAD/DELETE /v3/auth/tokens, GET /v3/auth/catalog.
 *
 * @internal
 */
import { Catalog, Token, V3 } from "@effect-keystone/schema"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Redacted from "effect/Redacted"
import * as Schema from "effect/Schema"
import * as Auth from "../Auth.js"
import type { IssueOptions, ValidateOptions } from "../KeystoneClient.js"
import type { KeystoneError } from "../KeystoneError.js"
import * as Admit from "./admit.js"
import type { Resolved } from "./discovery.js"
import * as Errors from "./errors.js"
import * as Federation from "./federation.js"
import * as Http from "./http.js"
import type { Operations } from "./operations.js"
import * as Secrets from "./secrets.js"

const decodeCatalog = Schema.decodeUnknownEither(V3.CatalogResponse)

const query = (params: ReadonlyArray<string | false | undefined>): string => {
  const present = params.filter((p): p is string => typeof p === "string")
  return present.length === 0 ? "" : `?${present.join("&")}`
}

const decodeToken = (spec: Http.Spec, reply: Errors.Reply, id: string | undefined) => {
  if (id === undefined || id.length === 0) {
    // a page that is not JSON at all says more than a missing header
    const json = Errors.jsonBody(spec, reply)
    return Effect.fail(json.ok ? Errors.decodeError(spec, reply, "the response has no X-Subject-Token header") : json.error)
  }
  const scrubbed = { ...spec, secrets: [...spec.secrets, id] }
  // from the text: a catalog the same as the last ones is not parsed again
  const token = Token.decodeV3Text(Redacted.make(id), reply.text)
  if (Either.isRight(token)) return Admit.admit(scrubbed, reply, token.right)
  const json = Errors.jsonBody(spec, reply)
  return Effect.fail(json.ok ? Errors.decodeError(scrubbed, reply, Errors.describeParseError(token.left)) : json.error)
}

/** @internal */
export const make = (env: Http.Env, at: Resolved): Operations => {
  const tokens = `${at.base}/auth/tokens`
  const redactedTokens = `${at.redactedBase}/auth/tokens`

  const federation = Federation.make(env, at, decodeToken, (auth, options) => issueHere(auth, options))

  const subjectSpec = (
    method: "GET" | "HEAD" | "DELETE",
    subject: string,
    caller: string,
    q: string
  ): Http.Spec => ({
    method,
    fullUrl: tokens + q,
    url: redactedTokens + q,
    headers: { "X-Auth-Token": caller, "X-Subject-Token": subject },
    secrets: [subject, caller],
    version: "v3"
  })

  const issue = (auth: Auth.Auth, options?: IssueOptions): Effect.Effect<Token.Token, KeystoneError> =>
    auth.credentials._tag === "OpenIdConnect"
      ? federation.issue(auth.credentials, auth, options)
      : issueHere(auth, options)

  const issueHere = (auth: Auth.Auth, options?: IssueOptions) =>
    Effect.gen(function*() {
      const q = query([options?.noCatalog === true && "nocatalog"])
      const body = Auth.toV3Request(auth)
      if (Either.isLeft(body)) {
        return yield* Effect.fail(body.left)
      }
      const receipt = auth.credentials._tag === "MultiFactor" ? auth.credentials.receipt : undefined
      const spec: Http.Spec = {
        method: "POST",
        fullUrl: tokens + q,
        url: redactedTokens + q,
        headers: receipt === undefined ? {} : { "Openstack-Auth-Receipt": Redacted.value(receipt) },
        body: body.right,
        secrets: Secrets.ofAuth(auth),
        version: "v3"
      }
      const reply = yield* Http.request(env, spec, Http.is2xx)
      return yield* decodeToken(spec, reply, reply.headers["x-subject-token"])
    })

  const validate = (subject: string, caller: string, options?: ValidateOptions): Effect.Effect<Token.Token, KeystoneError> => {
    const q = query([options?.noCatalog === true && "nocatalog", options?.allowExpired === true && "allow_expired=1"])
    const spec = subjectSpec("GET", subject, caller, q)
    return Effect.flatMap(Http.request(env, spec, Http.is2xx), (reply) =>
      Effect.flatMap(
        decodeToken(spec, reply, subject),
        // v3 has no belongsTo: the client checks it
        (token) => Admit.belongsTo(spec, reply, token, options?.belongsTo)
      ))
  }

  const check = (subject: string, caller: string, options?: Pick<ValidateOptions, "allowExpired" | "belongsTo">) => {
    if (options?.belongsTo !== undefined) {
      return Effect.as(validate(subject, caller, { ...options, noCatalog: true }), true).pipe(
        Effect.catchTag("NotFound", () => Effect.succeed(false))
      )
    }
    const spec = subjectSpec("HEAD", subject, caller, query([options?.allowExpired === true && "allow_expired=1"]))
    return Http.request(env, spec, (s) => Http.is2xx(s) || s === 404).pipe(Effect.map((reply) => reply.status !== 404))
  }

  const revoke = (subject: string, caller: string) =>
    Effect.asVoid(Http.request(env, subjectSpec("DELETE", subject, caller, ""), Http.is2xx))

  // The catalog is the caller's own: X-Auth-Token is the subject.
  const endpoints = (subject: string) =>
    Effect.gen(function*() {
      const spec: Http.Spec = {
        method: "GET",
        fullUrl: `${at.base}/auth/catalog`,
        url: `${at.redactedBase}/auth/catalog`,
        headers: { "X-Auth-Token": subject },
        secrets: [subject],
        version: "v3"
      }
      const reply = yield* Http.request(env, spec, Http.is2xx)
      const json = Errors.jsonBody(spec, reply)
      if (!json.ok) return yield* Effect.fail(json.error)
      const decoded = decodeCatalog(json.value)
      if (Either.isLeft(decoded)) return yield* Effect.fail(Errors.decodeError(spec, reply, Errors.describeParseError(decoded.left)))
      return Catalog.fromV3(decoded.right.catalog)
    })

  return { version: "v3", issue, validate, check, revoke, endpoints, refuse: () => undefined, catalogNeedsSubjectAsCaller: true }
}
