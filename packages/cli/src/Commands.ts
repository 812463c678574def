/**
 * The `keystone-token` subcommands: issue, validate, check, revoke, catalog
 * and endpoint.
 *
 * @since 0.1.0
 */
import * as Args from "@effect/cli/Args"
import * as Command from "@effect/cli/Command"
import * as Options from "@effect/cli/Options"
import { KeystoneClient, type OpenStackConfig } from "@effect-keystone/client"
import { Catalog } from "@effect-keystone/schema"
import * as Console from "effect/Console"
import * as Effect from "effect/Effect"
import * as LogLevel from "effect/LogLevel"
import * as Logger from "effect/Logger"
import * as Option from "effect/Option"
import * as Redacted from "effect/Redacted"
import { CheckFalse, UsageError } from "./CliError.js"
import * as CliOptions from "./CliOptions.js"
import * as Connection from "./Connection.js"
import * as Fields from "./Fields.js"
import * as Output from "./Output.js"
import * as Report from "./Report.js"
import * as Settings from "./Settings.js"
import * as Timing from "./Timing.js"

const print = (text: string) => (text === "" ? Effect.void : Console.log(text))

/** Runs a handler with `--debug` applied and failures reported; with `--timing`, its HTTP calls printed after. */
const handler = <A, E, R>(
  { debug, timing }: { readonly debug: boolean; readonly timing: boolean },
  effect: Effect.Effect<A, E, R>
) => {
  const reported = Report.handle(debug)(debug ? Logger.withMinimumLogLevel(effect, LogLevel.Debug) : effect)
  return timing ? Timing.around(reported) : reported
}

/** The requested columns, checked before anything is sent. */
const requested = (available: ReadonlyArray<string>, columns: ReadonlyArray<string>) =>
  Output.select(available, [], columns)

const tokenArg = Args.redacted({ name: "token" }).pipe(Args.withDescription("the token id (e.g. \"$OS_TOKEN\")"))

const service = Options.boolean("service").pipe(
  Options.withDescription(
    "authenticate with the configured credentials (X-Auth-Token) instead of the token itself: needed to act on other users' tokens (admin or service role)"
  )
)

const allowExpired = Options.boolean("allow-expired").pipe(
  Options.withDescription("accept a token expired within Keystone's allow_expired_window (with --service)")
)

/** The client for acting on `subject`: as itself, or as the configured login (`--service`). */
const subjectClient = (flags: Settings.Flags, subject: Redacted.Redacted<string>, asService: boolean) =>
  Effect.gen(function*() {
    if (asService) {
      const settings = yield* Settings.load(flags)
      return { settings, configured: true, layer: Connection.client(settings, { caller: settings.auth }) }
    }
    const { configured, settings } = yield* Settings.loadForSubject(flags, subject)
    return { settings, configured, layer: Connection.client(settings) }
  })

const withClient = <A, E>(
  layer: ReturnType<typeof Connection.client>,
  f: (client: KeystoneClient.KeystoneClientService) => Effect.Effect<A, E>
) => Effect.flatMap(KeystoneClient.KeystoneClient, f).pipe(Effect.provide(layer))

/**
 * `issue`: a token for the configured login (from the cache when it holds a
 * valid one), printed like `openstack token issue`.
 *
 * @since 0.1.0
 * @category commands
 */
export const issue = Command.make(
  "issue",
  { ...CliOptions.common, format: CliOptions.format, columns: CliOptions.columns },
  ({ cache, columns, debug, flags, format, timing }) =>
    handler(
      { debug, timing },
      Effect.gen(function*() {
        const chosen = yield* requested(Fields.tokenColumns, columns)
        const settings = yield* Settings.load(flags)
        const token = yield* Connection.token(settings, cache)
        const shown = chosen.length > 0 ? chosen : Fields.issueDefaults(token)
        yield* print(Output.show(Fields.token(token), shown, format))
      })
    )
).pipe(Command.withDescription("Issue a token with the configured credentials (OS_* / clouds.yaml / --os-*)."))

/**
 * `validate <token>`: the token's user, scope, expiry, roles and methods
 * (not its id, unless `-c id`).
 *
 * @since 0.1.0
 * @category commands
 */
export const validate = Command.make(
  "validate",
  {
    flags: CliOptions.flags,
    debug: CliOptions.debug,
    timing: CliOptions.timing,
    service,
    allowExpired,
    format: CliOptions.format,
    columns: CliOptions.columns,
    token: tokenArg
  },
  ({ allowExpired, columns, debug, flags, format, service, timing, token: subject }) =>
    handler(
      { debug, timing },
      Effect.gen(function*() {
        const chosen = yield* requested(Fields.tokenColumns, columns)
        const { layer } = yield* subjectClient(flags, subject, service)
        const token = yield* withClient(layer, (c) => c.validate(subject, { allowExpired }))
        const shown = chosen.length > 0 ? chosen : Fields.validateDefaults(token)
        yield* print(Output.show(Fields.token(token), shown, format))
      })
    )
).pipe(Command.withDescription("Validate a token and print what it grants. Fails (exit 3 or 5) when it is not valid."))

/**
 * `check <token>`: prints `true` (exit 0) or `false` (exit 1).
 *
 * @since 0.1.0
 * @category commands
 */
export const check = Command.make(
  "check",
  { flags: CliOptions.flags, debug: CliOptions.debug, timing: CliOptions.timing, service, allowExpired, token: tokenArg },
  ({ allowExpired, debug, flags, service, timing, token: subject }) =>
    handler(
      { debug, timing },
      Effect.gen(function*() {
        const { layer } = yield* subjectClient(flags, subject, service)
        const valid = yield* withClient(layer, (c) =>
          service
            ? c.check(subject, { allowExpired })
            // as its own X-Auth-Token, an invalid token is refused with 401
            : c.check(subject, { allowExpired }).pipe(Effect.catchTag("Unauthorized", () => Effect.succeed(false))))
        yield* Console.log(String(valid))
        if (!valid) return yield* Effect.fail(new CheckFalse())
      })
    )
).pipe(Command.withDescription("Check a token: print true and exit 0 when it is valid, false and exit 1 when not."))

/**
 * `revoke <token>`: revokes it (and drops it from the cache); prints nothing.
 *
 * @since 0.1.0
 * @category commands
 */
export const revoke = Command.make(
  "revoke",
  { ...CliOptions.common, service, token: tokenArg },
  ({ cache, debug, flags, service, timing, token: subject }) =>
    handler(
      { debug, timing },
      Effect.gen(function*() {
        const { configured, layer, settings } = yield* subjectClient(flags, subject, service)
        yield* withClient(layer, (c) => c.revoke(subject))
        if (configured && cache.kind !== "memory") yield* Connection.forget(settings, cache, Redacted.value(subject))
      })
    )
).pipe(Command.withDescription("Revoke a token. Prints nothing."))

/**
 * `catalog`: the service catalog of the configured login's token.
 *
 * @since 0.1.0
 * @category commands
 */
export const catalog = Command.make(
  "catalog",
  { ...CliOptions.common, format: CliOptions.format, columns: CliOptions.columns },
  ({ cache, columns, debug, flags, format, timing }) =>
    handler(
      { debug, timing },
      Effect.gen(function*() {
        const chosen = yield* requested(Fields.catalogColumns, columns)
        const settings = yield* Settings.load(flags)
        const c = yield* Connection.catalog(settings, cache)
        yield* print(Output.list(Fields.catalog(c), chosen.length > 0 ? chosen : Fields.catalogDefaults, format))
      })
    )
).pipe(Command.withDescription("List the service catalog: type, name, interface, region and URL of every endpoint."))

const interfaces = Catalog.Interface.literals

/**
 * `endpoint --type T [--interface I] [--region R] [--name N]`: one URL.
 *
 * @since 0.1.0
 * @category commands
 */
export const endpoint = Command.make(
  "endpoint",
  {
    ...CliOptions.common,
    type: Options.text("type").pipe(Options.withDescription("the service type, e.g. compute, identity, object-store")),
    iface: Options.choice("interface", interfaces).pipe(
      Options.withDescription("public, internal or admin (default: OS_INTERFACE, else public)"),
      Options.optional
    ),
    region: Options.text("region").pipe(
      Options.withDescription("the region id (default: OS_REGION_NAME, else any)"),
      Options.optional
    ),
    name: Options.text("name").pipe(Options.withDescription("the service name, e.g. nova"), Options.optional)
  },
  ({ cache, debug, flags, iface, name, region, timing, type }) =>
    handler(
      { debug, timing },
      Effect.gen(function*() {
        if (type === "") return yield* Effect.fail(new UsageError({ message: "--type must not be empty" }))
        const settings = yield* Settings.load(flags)
        const filter = endpointFilter(settings, { type, iface, region, name })
        const c = yield* Connection.catalog(settings, cache)
        yield* Console.log(yield* Catalog.endpoint(c, filter))
      })
    )
).pipe(Command.withDescription("Print the URL of one endpoint from the catalog (exit 10 when none matches)."))

const endpointFilter = (
  settings: OpenStackConfig.Settings,
  o: {
    readonly type: string
    readonly iface: Option.Option<Catalog.Interface>
    readonly region: Option.Option<string>
    readonly name: Option.Option<string>
  }
): Catalog.EndpointFilter => {
  const region = Option.orElse(o.region, () => settings.region)
  return {
    type: o.type,
    interface: Option.getOrElse(o.iface, () => settings.interface),
    ...(Option.isSome(region) ? { region: region.value } : {}),
    ...(Option.isSome(o.name) ? { name: o.name.value } : {})
  }
}
