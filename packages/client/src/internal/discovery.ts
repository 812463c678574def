/**
 * Which API version an auth URL speaks, and where: fixed by a `/v3` or
 * `/v2.0` suffix or the `version` option, else discovered from Keystone's
 * version documents (v3 preferred) and remembered once it succeeds.
 *
 * @internal
 */
import { V3 } from "@effect-keystone/schema"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Schema from "effect/Schema"
import type { ApiVersion } from "../KeystoneClient.js"
import type * as KeystoneError from "../KeystoneError.js"
import * as Errors from "./errors.js"
import * as Http from "./http.js"
import * as Memo from "./memo.js"
import type { ParsedAuthUrl } from "./url.js"

/** Where requests go: `base` ends in `/v3` or `/v2.0`. @internal */
export interface Resolved {
  readonly version: ApiVersion
  readonly base: string
  readonly redactedBase: string
}

const decodeVersions = Schema.decodeUnknownEither(V3.VersionsResponse)

const versionOf = (id: string): ApiVersion | undefined =>
  /^v3(\.\d+)*$/.test(id) ? "v3" : /^v2\.0$/.test(id) ? "v2.0" : undefined

const rank = (v: V3.Version): number => {
  const version = versionOf(v.id)
  if (version === undefined) return 0
  const usable = !/^(deprecated|removed)$/i.test(v.status)
  return (version === "v3" ? 2 : 1) + (usable ? 2 : 0)
}

/**
 * Picks a version from a parsed document: `{ versions: { values } }` (a
 * root) or `{ version }` (the URL already is a versioned endpoint).
 *
 * @internal
 */
export const choose = (
  document: typeof V3.VersionsResponse.Type,
  url: Pick<ParsedAuthUrl, "url" | "redacted">
): Either.Either<Resolved, string> => {
  if ("version" in document) {
    const version = versionOf(document.version.id)
    return version === undefined
      ? Either.left(`the version document names ${document.version.id}, neither v3 nor v2.0`)
      : Either.right({ version, base: url.url, redactedBase: url.redacted })
  }
  const best = [...document.versions.values].filter((v) => rank(v) > 0).sort((a, b) => rank(b) - rank(a))[0]
  if (best === undefined) {
    return Either.left(`no v3 or v2.0 among the versions offered (${document.versions.values.map((v) => v.id).join(", ") || "none"})`)
  }
  const version = versionOf(best.id)!
  return Either.right({ version, base: `${url.url}/${version}`, redactedBase: `${url.redacted}/${version}` })
}

const discover = (env: Http.Env, url: ParsedAuthUrl): Effect.Effect<Resolved, KeystoneError.KeystoneError> =>
  Effect.gen(function*() {
    const spec: Http.Spec = { method: "GET", fullUrl: url.url, url: url.redacted, secrets: [], version: undefined }
    // Keystone answers its root with 300 Multiple Choices, a version with 200.
    const reply = yield* Http.request(env, spec, (s) => s === 200 || s === 300)
    const json = Errors.jsonBody(spec, reply)
    if (!json.ok) return yield* Effect.fail(json.error)
    const document = decodeVersions(json.value)
    if (Either.isLeft(document)) {
      return yield* Effect.fail(Errors.decodeError(spec, reply, `not a Keystone version document: ${Errors.describeParseError(document.left)}`))
    }
    const chosen = choose(document.right, url)
    if (Either.isLeft(chosen)) return yield* Effect.fail(Errors.decodeError(spec, reply, chosen.left))
    return chosen.right
  }).pipe(Effect.withSpan("KeystoneClient.discover", { kind: "client", attributes: { "url.full": url.redacted } }))

/**
 * An effect that yields where to send requests. Static when the URL or the
 * options fix the version; otherwise the first successful discovery is
 * remembered, concurrent callers share one request, and a failure is not
 * remembered (the next call tries again).
 *
 * @internal
 */
export const resolver = (
  env: Http.Env,
  url: ParsedAuthUrl,
  requested: ApiVersion | "auto"
): Effect.Effect<Effect.Effect<Resolved, KeystoneError.KeystoneError>> => {
  if (url.version !== undefined) {
    if (requested !== "auto" && requested !== url.version) {
      const error = Errors.invalidInput(
        "version",
        `authUrl ends in /${url.version} but version ${requested} was requested`
      )
      return Effect.succeed(Effect.fail(error))
    }
    return Effect.succeed(Effect.succeed({ version: url.version, base: url.url, redactedBase: url.redacted }))
  }
  if (requested !== "auto") {
    return Effect.succeed(Effect.succeed({
      version: requested,
      base: `${url.url}/${requested}`,
      redactedBase: `${url.redacted}/${requested}`
    }))
  }
  return Effect.map(
    Memo.make({ capacity: 1, lookup: () => discover(env, url), keepFor: () => Duration.infinity }),
    (memo) => memo.get(undefined)
  )
}
