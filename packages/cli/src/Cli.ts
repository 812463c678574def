/**
 * The `keystone-token` command line: the command tree, its `--help` (with
 * the exit codes) and `main`, which turns any outcome into an exit code.
 *
 * @since 0.1.0
 */
import type * as CliApp from "@effect/cli/CliApp"
import * as Command from "@effect/cli/Command"
import * as HelpDoc from "@effect/cli/HelpDoc"
import * as Span from "@effect/cli/HelpDoc/Span"
import * as ValidationError from "@effect/cli/ValidationError"
import * as Cause from "effect/Cause"
import * as Console from "effect/Console"
import * as Context from "effect/Context"
import * as DefaultServices from "effect/DefaultServices"
import * as Effect from "effect/Effect"
import * as FiberRef from "effect/FiberRef"
import * as FiberRefs from "effect/FiberRefs"
import * as HashMap from "effect/HashMap"
import * as Logger from "effect/Logger"
import * as LogLevel from "effect/LogLevel"
import { Reported } from "./CliError.js"
import * as Commands from "./Commands.js"
import * as ExitCode from "./ExitCode.js"
import * as Report from "./Report.js"

/**
 * @since 0.1.0
 * @category constants
 */
export const version = "0.1.0"

/**
 * The root command with its subcommands.
 *
 * @since 0.1.0
 * @category commands
 */
export const command = Command.make("keystone-token").pipe(
  Command.withDescription(
    "Issue, validate, check and revoke OpenStack Keystone tokens, and read the service catalog. Options go after the subcommand."
  ),
  Command.withSubcommands([
    Commands.issue,
    Commands.validate,
    Commands.check,
    Commands.revoke,
    Commands.catalog,
    Commands.endpoint
  ])
)

/**
 * Printed at the end of `--help`: configuration sources and exit codes.
 *
 * @since 0.1.0
 * @category help
 */
export const footer: HelpDoc.HelpDoc = HelpDoc.blocks([
  HelpDoc.h1("CONFIGURATION"),
  HelpDoc.p(
    "As openstack: --os-cloud / OS_CLOUD selects a clouds.yaml entry (OS_CLIENT_CONFIG_FILE, ./clouds.yaml, ~/.config/openstack, /etc/openstack); otherwise the OS_* variables of an RC file. --os-* options override both. validate, check and revoke need only the auth URL: the token authenticates itself unless --service is given."
  ),
  HelpDoc.h1("EXIT CODES"),
  HelpDoc.descriptionList(
    ExitCode.documented.map(([code, meaning]) => [Span.text(String(code).padStart(2)), HelpDoc.p(meaning)] as const) as [
      [Span.Span, HelpDoc.HelpDoc],
      ...Array<[Span.Span, HelpDoc.HelpDoc]>
    ]
  ),
  HelpDoc.p(
    "Errors print one line to stderr: what failed, Keystone's message and request id. --debug adds the full cause; --timing lists every HTTP call (method, URL, status, time) after the output."
  )
])

/**
 * Runs the command line (argv as in `process.argv`), failing with the
 * command's `Reported` error or a `ValidationError` (already printed).
 *
 * @since 0.1.0
 * @category running
 */
export const run = Command.run(command, {
  name: "keystone-token",
  version,
  executable: "keystone-token",
  footer
})

/**
 * Log lines go to stderr (stdout is for results), as
 * `keystone-token: warning: …`. With `--debug` (minimum level `debug`) they
 * carry their annotations; otherwise the session's "renewal failed" warning is
 * left out, since the error itself is reported.
 *
 * @since 0.1.0
 * @category logging
 */
export const logger = Logger.make(({ annotations, context, logLevel, message }) => {
  const verbose = LogLevel.lessThanEqual(FiberRefs.getOrDefault(context, FiberRef.currentMinimumLogLevel), LogLevel.Debug)
  const text = (Array.isArray(message) ? message : [message]).map((m) => (typeof m === "string" ? m : String(m))).join(" ")
  if (!verbose && text.startsWith("KeystoneSession: token renewal failed")) return
  const details = verbose
    ? [...HashMap.toEntries(annotations)].map(([k, v]) => ` ${k}=${typeof v === "string" ? v : JSON.stringify(v)}`).join("")
    : ""
  const console = Context.get(FiberRefs.getOrDefault(context, DefaultServices.currentServices), Console.Console)
  console.unsafe.error(`${Report.prefix} ${logLevel.label.toLowerCase()}: ${text}${details}`)
})

/**
 * Runs the command line and returns the exit code; never fails. Logs go to
 * stderr at `warning` and above (`--debug`: everything).
 *
 * @since 0.1.0
 * @category running
 */
export const main = (argv: ReadonlyArray<string>): Effect.Effect<number, never, CliApp.CliApp.Environment> =>
  run(argv).pipe(
    Effect.as<number>(ExitCode.ExitCode.Ok),
    Effect.catchAll((e): Effect.Effect<number> => {
      if (e instanceof Reported) return Effect.succeed(e.code)
      if (ValidationError.isValidationError(e)) return Effect.succeed(ExitCode.ExitCode.Usage)
      return Effect.as(Console.error(`${Report.prefix} ${Report.describe(e)}`), Report.codeOf(e))
    }),
    Effect.catchAllCause((cause) =>
      Cause.isInterruptedOnly(cause)
        ? Effect.succeed(130)
        : Effect.as(Console.error(`${Report.prefix} internal error: ${Cause.pretty(cause)}`), ExitCode.ExitCode.Internal)
    ),
    Logger.withMinimumLogLevel(LogLevel.Warning),
    Effect.provide(Logger.replace(Logger.defaultLogger, logger))
  )
