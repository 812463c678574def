/**
 * Failures as one human line on stderr and an exit code; the full cause
 * (stack traces) only with `--debug`.
 *
 * @since 0.1.0
 */
import * as Cause from "effect/Cause"
import * as ConfigError from "effect/ConfigError"
import * as Console from "effect/Console"
import * as Effect from "effect/Effect"
import * as Option from "effect/Option"
import * as Predicate from "effect/Predicate"
import { Reported } from "./CliError.js"
import * as ExitCode from "./ExitCode.js"

/**
 * Prefix of every line the CLI writes to stderr.
 *
 * @since 0.1.0
 * @category constants
 */
export const prefix = "keystone-token:"

const single = (s: string) => s.replace(/\s+/g, " ").trim()

const configMessages = (e: ConfigError.ConfigError): ReadonlyArray<string> => {
  switch (e._op) {
    case "And":
    case "Or":
      return [...configMessages(e.left), ...configMessages(e.right)]
    case "InvalidData":
    case "MissingData":
    case "SourceUnavailable":
    case "Unsupported":
      return [e.message]
  }
}

const str = (u: unknown, key: string): string | undefined =>
  Predicate.hasProperty(u, key) && typeof u[key] === "string" ? u[key] : undefined

const num = (u: unknown, key: string): number | undefined =>
  Predicate.hasProperty(u, key) && typeof u[key] === "number" ? u[key] : undefined

const where = (error: unknown): string => {
  const parts: Array<string> = []
  const method = str(error, "method")
  const url = str(error, "url")
  if (method !== undefined && url !== undefined) parts.push(`${method} ${url}`)
  const requestId = str(error, "requestId")
  if (requestId !== undefined) parts.push(`request ${requestId}`)
  return parts.length === 0 ? "" : ` [${parts.join(", ")}]`
}

/**
 * The one line for an expected failure (without the prefix).
 *
 * @since 0.1.0
 * @category formatting
 */
export const describe = (error: unknown): string => {
  if (ConfigError.isConfigError(error)) return single(`configuration: ${[...new Set(configMessages(error))].join("; ")}`)
  const tag = str(error, "_tag") ?? "Error"
  const message = str(error, "message") ?? String(error)
  switch (tag) {
    case "UsageError":
      return single(`usage: ${message}`)
    case "TlsFileError":
      return single(`configuration: ${message}`)
    case "EndpointNotFound":
      return single(`EndpointNotFound: ${message}`)
    case "InvalidInput":
      return single(`InvalidInput (${str(error, "input") ?? "input"}, not sent): ${message}`)
    case "TransportError":
      return single(`TransportError (${str(error, "reason") ?? "Other"}): ${message}${where(error)}`)
    default: {
      const status = num(error, "status")
      const head = status === undefined ? tag : `${tag} (${status})`
      return single(`${head}: ${message}${where(error)}`)
    }
  }
}

/**
 * The exit code for a failure.
 *
 * @since 0.1.0
 * @category codes
 */
export const codeOf = (error: unknown): ExitCode.ExitCode =>
  ConfigError.isConfigError(error) ? ExitCode.ExitCode.Usage : ExitCode.forTag(str(error, "_tag") ?? "")

/**
 * Reports a command's failure: one line on stderr (nothing for `check`'s
 * `false`), the full cause with `debug`, then fails with `Reported` carrying
 * the exit code. Interruption passes through.
 *
 * @since 0.1.0
 * @category handling
 */
export const handle = (debug: boolean) => <A, E, R>(effect: Effect.Effect<A, E, R>): Effect.Effect<A, Reported, R> =>
  Effect.catchAllCause(effect, (cause) => {
    if (Cause.isInterruptedOnly(cause)) return Effect.failCause(cause as Cause.Cause<never>)
    const failure = Cause.failureOption(cause)
    const details = debug ? Console.error(Cause.pretty(cause)) : Effect.void
    if (Option.isNone(failure)) {
      const defect = Cause.squash(cause)
      const message = defect instanceof Error ? defect.message : String(defect)
      return Console.error(`${prefix} internal error: ${single(message)}${debug ? "" : " (rerun with --debug for details)"}`).pipe(
        Effect.zipRight(details),
        Effect.zipRight(Effect.fail(new Reported({ code: ExitCode.ExitCode.Internal })))
      )
    }
    const error = failure.value
    const code = codeOf(error)
    if (code === ExitCode.ExitCode.CheckFalse) return Effect.fail(new Reported({ code }))
    return Console.error(`${prefix} ${describe(error)}`).pipe(
      Effect.zipRight(details),
      Effect.zipRight(Effect.fail(new Reported({ code })))
    )
  })
