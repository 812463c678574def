/**
 * `KeystoneClient.make`: wires the URL, version discovery, retries, the
 * caller identity and the per-version operations into the service, with one
 * span per call.
 *
 * @internal
 */
import * as HttpClient from "@effect/platform/HttpClient"
import { type Catalog, type Token, Url } from "@effect-keystone/schema"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Auth from "../Auth.js"
import * as Body from "./body.js"
import type {
  ApiVersion,
  IssueOptions,
  KeystoneClientService,
  OAuth2ClientCredentials,
  Options,
  Subject,
  ValidateOptions
} from "../KeystoneClient.js"
import type { KeystoneError } from "../KeystoneError.js"
import * as CallerToken from "./callerToken.js"
import * as Discovery from "./discovery.js"
import * as Errors from "./errors.js"
import type * as Http from "./http.js"
import * as Metrics from "./metrics.js"
import * as OAuth2 from "./oauth2.js"
import type { Operations } from "./operations.js"
import * as Retry from "./retry.js"
import * as Secrets from "./secrets.js"
import * as Tracing from "./tracing.js"
import * as AuthUrl from "./url.js"
import * as V2 from "./v2.js"
import * as V3 from "./v3.js"

/** Default per-request timeout. @internal */
export const defaultTimeout = Duration.seconds(10)

/** @internal */
export const make = (options: Options): Effect.Effect<KeystoneClientService, never, HttpClient.HttpClient> =>
  Effect.gen(function*() {
    const http = yield* HttpClient.HttpClient
    const env: Http.Env = {
      client: http,
      headers: options.headers ?? {},
      retry: Retry.resolve(options.retry),
      timeoutMillis: Duration.toMillis(Duration.decode(options.timeout ?? defaultTimeout)),
      maxRetryAfterMillis: Retry.maxRetryAfterMillis(options.retry),
      maxResponseBytes: options.maxResponseBytes ?? Body.defaultMaxResponseBytes
    }
    const cleartext = AuthUrl.cleartextWarning(options.authUrl)
    // once per client, when it is made
    if (cleartext !== undefined) yield* Effect.logWarning(cleartext)
    const authUrl = Url.withoutTrailingSlashes(options.authUrl)
    const parsed = AuthUrl.parseAuthUrl(options.authUrl)
    const resolve: Effect.Effect<Discovery.Resolved, KeystoneError> = Either.isLeft(parsed)
      ? Effect.fail(Errors.invalidInput("authUrl", parsed.left))
      : yield* Discovery.resolver(env, parsed.right, options.version ?? "auto")

    const opsFor = new WeakMap<Discovery.Resolved, Operations>()
    const operations = Effect.map(resolve, (at) => {
      let ops = opsFor.get(at)
      if (ops === undefined) {
        ops = at.version === "v3" ? V3.make(env, at) : V2.make(env, at)
        opsFor.set(at, ops)
      }
      return ops
    })

    // a span per call, made only when a tracer records it (see tracing.ts)
    const traced = <A>(name: string, effect: Effect.Effect<A, KeystoneError>) => Tracing.span(`KeystoneClient.${name}`, effect)

    const withVersion = <A>(f: (ops: Operations) => Effect.Effect<A, KeystoneError>) =>
      Effect.flatMap(operations, (ops) => Effect.zipRight(Tracing.annotate(() => ({ "keystone.api_version": ops.version })), f(ops)))

    const issue = (auth: Auth.Auth, issueOptions?: IssueOptions): Effect.Effect<Token.Token, KeystoneError> =>
      traced(
        "issue",
        Effect.suspend(() => {
          // what does not depend on the version is refused before discovery
          const valid = Auth.validate(auth)
          if (Either.isLeft(valid)) return Effect.fail(valid.left)
          return withVersion((ops) => ops.issue(auth, issueOptions))
        })
      )

    const caller = { run: CallerToken.run(yield* Effect.serviceOption(CallerToken.CallerToken)) }

    const withSubject = <A>(
      name: string,
      method: "GET" | "HEAD" | "DELETE",
      subject: Subject,
      f: (ops: Operations, id: string) => Effect.Effect<A, KeystoneError>
    ) =>
      traced(
        name,
        Effect.suspend(() => {
          const id = Secrets.subjectId(subject)
          if (Either.isLeft(id)) return Effect.fail(Errors.invalidInput("subject", id.left))
          return withVersion((ops) => f(ops, id.right))
        })
      )

    // what an option cannot mean is refused before anything is sent (service token included)
    const refuse = (ops: Operations, method: "GET" | "HEAD", opts: Pick<ValidateOptions, "allowExpired" | "belongsTo"> | undefined) =>
      ops.refuse(method, opts) ??
        (opts?.belongsTo !== undefined && (typeof opts.belongsTo !== "string" || opts.belongsTo.length === 0)
          ? Errors.invalidInput("belongsTo", "belongsTo must be a non-empty project id")
          : undefined)

    const validateTimed = Metrics.trackSeconds(Metrics.withTags(Metrics.validationDuration, { operation: "validate" }))
    const validate = (subject: Subject, validateOptions?: ValidateOptions) =>
      withSubject("validate", "GET", subject, (ops, id) => {
        const refused = refuse(ops, "GET", validateOptions)
        return refused !== undefined
          ? Effect.fail(refused)
          : validateTimed(caller.run(id, (c) => ops.validate(id, c, validateOptions)))
      })

    const checkTimed = Metrics.trackSeconds(Metrics.withTags(Metrics.validationDuration, { operation: "check" }))
    const check = (subject: Subject, checkOptions?: Pick<ValidateOptions, "allowExpired" | "belongsTo">) =>
      withSubject("check", "HEAD", subject, (ops, id) => {
        const refused = refuse(ops, "HEAD", checkOptions)
        return refused !== undefined ? Effect.fail(refused) : checkTimed(caller.run(id, (c) => ops.check(id, c, checkOptions)))
      })

    const revoke = (subject: Subject) =>
      withSubject("revoke", "DELETE", subject, (ops, id) => caller.run(id, (c) => ops.revoke(id, c)))

    const endpoints = (subject: Subject): Effect.Effect<Catalog.Catalog, KeystoneError> =>
      withSubject("endpoints", "GET", subject, (ops, id) =>
        ops.catalogNeedsSubjectAsCaller ? ops.endpoints(id, id) : caller.run(id, (c) => ops.endpoints(id, c)))

    const version: Effect.Effect<ApiVersion, KeystoneError> = Effect.map(resolve, (r) => r.version)

    const oauth2Token = (client: OAuth2ClientCredentials) =>
      traced("oauth2Token", Effect.flatMap(resolve, (at) => OAuth2.token(env, at, client)))

    return { authUrl, version, issue, validate, check, revoke, endpoints, oauth2Token } satisfies KeystoneClientService
  })
