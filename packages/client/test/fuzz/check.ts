/**
 * Runs one fuzz case against the loopback server and judges its outcome:
 * a well-formed value or exactly one typed `KeystoneError`, no defect, no
 * interruption, within a bound, with no request secret in the error and no
 * huge or endless body read to its end.
 */
import { AuthScope, Credentials, KeystoneClient, KeystoneError } from "@effect-keystone/client"
import type { Auth } from "@effect-keystone/client"
import { Catalog, Token } from "@effect-keystone/schema"
import type * as HttpClient from "@effect/platform/HttpClient"
import * as Cause from "effect/Cause"
import * as Chunk from "effect/Chunk"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import * as Option from "effect/Option"
import * as Redacted from "effect/Redacted"
import * as Schema from "effect/Schema"
import * as util from "node:util"
import { type Case, coreOf, expectsMismatch, expectsSuccess, projectId, timeoutMillis } from "./plan.js"
import type { FuzzServer } from "./server.js"

/** How a case ended. `problem` is set when the outcome breaks a promise of the client. */
export interface Verdict {
  readonly outcome: string
  readonly problem: string | undefined
}

const isToken = Schema.is(Token.Token)
const isCatalog = Schema.is(Catalog.Catalog)
const isKeystoneError = Schema.is(KeystoneError.KeystoneError)
/** What `validate` and `revoke` accept as a token id. */
const tokenIdRule = /^[\x21-\x7e]+$/

const authOf = (password: string, c: Case): Auth.Auth => ({
  credentials: Credentials.password({ userId: "u-1", password: Redacted.make(password) }),
  ...(c.options.belongsTo === undefined ? {} : { scope: AuthScope.project({ id: projectId }) })
})

const call = (c: Case, client: KeystoneClient.KeystoneClientService): Effect.Effect<unknown, unknown> => {
  const subject = Redacted.make(c.subjectId)
  switch (c.op) {
    case "issue":
      return client.issue(authOf(c.password, c), c.options.noCatalog === true ? { noCatalog: true } : undefined)
    case "validate":
      return client.validate(subject, c.options)
    case "check":
      return client.check(subject, {
        ...(c.options.allowExpired === undefined ? {} : { allowExpired: true }),
        ...(c.options.belongsTo === undefined ? {} : { belongsTo: c.options.belongsTo })
      })
    case "revoke":
      return client.revoke(subject)
    case "endpoints":
      return client.endpoints(subject)
    case "version":
      return client.version
  }
}

/** Why a success value is not what the operation promises, or undefined. */
const malformed = (c: Case, value: unknown): string | undefined => {
  switch (c.op) {
    case "issue":
    case "validate": {
      if (!isToken(value) || !Redacted.isRedacted(value.id)) return "not a Token with a Redacted id"
      const id = Redacted.value(value.id)
      if (!tokenIdRule.test(id)) return "a Token whose id validate/revoke would refuse (empty, spaces, control or non-ASCII)"
      if (printed(value).includes(id)) return "a Token that prints its own id"
      return undefined
    }
    case "check":
      return typeof value === "boolean" ? undefined : "check did not return a boolean"
    case "revoke":
      return value === undefined ? undefined : "revoke returned a value"
    case "endpoints":
      return isCatalog(value) ? undefined : "not a Catalog"
    case "version":
      return value === "v3" || value === "v2.0" ? undefined : "not an API version"
  }
}

const printed = (value: unknown): string => {
  const forms = [String(value), util.inspect(value, { depth: 20, showHidden: true }), JSON.stringify(value) ?? ""]
  if (value instanceof Error) forms.push(value.message, value.stack ?? "")
  return forms.join("\n")
}

const secretsOf = (c: Case): Array<string> => [c.password, c.subjectId, c.serviceToken, c.servicePassword, c.issuedId]

const describeCause = (cause: Cause.Cause<unknown>): string =>
  Cause.isInterruptedOnly(cause)
    ? "interrupted"
    : Cause.isDie(cause)
    ? `defect: ${String(Cause.squash(cause)).slice(0, 200)}`
    : `cause: ${Cause.pretty(cause).slice(0, 200)}`

/** Judges an Exit (exported so the oracle itself can be tested on known outcomes). */
export const judge = (c: Case, exit: Exit.Exit<unknown, unknown>): Verdict => {
  if (Exit.isSuccess(exit)) {
    if (expectsMismatch(c) && !(c.op === "check" && exit.value === false)) {
      return { outcome: "success", problem: `a token of another project, yet ${c.op} succeeded with ${String(exit.value)}` }
    }
    const bad = malformed(c, exit.value)
    return { outcome: "success", problem: bad === undefined ? undefined : `malformed success: ${bad}` }
  }
  const failures = Array.from(Cause.failures(exit.cause))
  const single = failures.length === 1 && Chunk.isEmpty(Cause.defects(exit.cause)) && !Cause.isInterrupted(exit.cause)
  if (!single) return { outcome: "bad-cause", problem: describeCause(exit.cause) }
  const error = failures[0]
  if (!KeystoneError.isKeystoneError(error) || !isKeystoneError(error)) {
    return { outcome: "untyped", problem: `not a KeystoneError: ${String(error).slice(0, 200)}` }
  }
  const outcome = error._tag === "TransportError" ? `TransportError/${error.reason}` : error._tag
  const text = printed(error)
  const leaked = secretsOf(c).filter((s) => text.includes(coreOf(s)))
  if (leaked.length > 0) {
    const record = error as unknown as Record<string, unknown>
    const fields = [...new Set(["message", ...Object.keys(error)])]
      .filter((k) => typeof record[k] === "string" && leaked.some((s) => (record[k] as string).includes(coreOf(s))))
    return { outcome, problem: `secret in ${outcome} (field ${fields.join(", ") || "?"})` }
  }
  if (expectsSuccess(c) && error._tag !== "TransportError") return { outcome, problem: `clean replies, yet ${outcome}: ${error.message.slice(0, 120)}` }
  if (expectsMismatch(c) && error._tag !== "TransportError" && !(c.op === "validate" && error._tag === "NotFound")) {
    return { outcome, problem: `a token of another project, yet ${outcome} from ${c.op} (expected ${c.op === "check" ? "false" : "NotFound"})` }
  }
  return { outcome, problem: undefined }
}

const clientFor = (c: Case, server: FuzzServer, id: string) => {
  const root = `http://127.0.0.1:${server.port}`
  return KeystoneClient.make({
    authUrl: c.api === "auto" ? root : `${root}/${c.api}`,
    version: "auto",
    timeout: Duration.millis(timeoutMillis(c)),
    retry: c.retry === false
      ? false
      : { base: "1 millis", cap: "5 millis", maxAttempts: c.retry.maxAttempts, budget: Duration.millis(timeoutMillis(c) * c.retry.maxAttempts + 1_000) },
    headers: { "x-fuzz-case": id },
    ...(c.caller === "token"
      ? { caller: { token: Redacted.make(c.serviceToken) } }
      : c.caller === "auth"
      ? { caller: { auth: authOf(c.servicePassword, c) } }
      : {})
  })
}

/** The most a case may take: every request timing out on every attempt, plus retry pauses and slack for a busy machine. */
export const boundMillis = (c: Case): number => 6 * (timeoutMillis(c) * (c.retry === false ? 1 : c.retry.maxAttempts) + 1_000) + 10_000

/** Runs one case; never fails (a broken promise is a `problem`). */
export const runCase = (server: FuzzServer, id: string, c: Case): Effect.Effect<Verdict, never, HttpClient.HttpClient> =>
  Effect.gen(function*() {
    const log = server.register(id, c)
    const client = yield* clientFor(c, server, id)
    const exit = yield* call(c, client).pipe(
      Effect.exit,
      // a call that cannot be interrupted must not stretch the bound either
      Effect.disconnect,
      Effect.timeoutOption(Duration.millis(boundMillis(c)))
    )
    server.unregister(id)
    if (Option.isNone(exit)) return { outcome: "hang", problem: `no outcome within ${boundMillis(c)} ms (hang)` }
    const judged = judge(c, exit.value)
    // a transport outcome names how many requests of the case reached the server (`TransportError/Timeout@1`)
    const verdict = judged.outcome.startsWith("TransportError") ? { ...judged, outcome: `${judged.outcome}@${log.requests}` } : judged
    if (verdict.problem !== undefined) return verdict
    if (log.endlessLimitReached) return { ...verdict, problem: "an endless body was read past 64 MiB (no body cap)" }
    if (log.hugeCompleted) return { ...verdict, problem: "a 32+ MiB body was read to its end (no body cap)" }
    return verdict
  })
