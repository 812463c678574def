/**
 * `--timing`, as `openstack --timing`: every HTTP call a command makes —
 * method, URL (query values redacted), status and duration — printed on
 * stderr after the command's output. An `HttpClient` wrapper: the
 * connection's client records into the `Timings` of the running command.
 *
 * @since 0.4.0
 */
import * as HttpClient from "@effect/platform/HttpClient"
import * as Cause from "effect/Cause"
import * as Console from "effect/Console"
import * as Context from "effect/Context"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import * as Layer from "effect/Layer"
import * as Option from "effect/Option"
import * as Predicate from "effect/Predicate"
import * as Ref from "effect/Ref"
import * as Report from "./Report.js"

/**
 * One HTTP call: `outcome` is the status, or why no response came
 * (`failed (Transport)`, `interrupted`).
 *
 * @since 0.4.0
 * @category models
 */
export interface Call {
  readonly method: string
  /** As `redactUrl` prints it. */
  readonly url: string
  readonly outcome: number | string
  readonly millis: number
}

/**
 * Where a running command's HTTP calls are recorded.
 *
 * @since 0.4.0
 * @category tags
 */
export class Timings extends Context.Tag("@effect-keystone/cli/Timing/Timings")<Timings, Ref.Ref<ReadonlyArray<Call>>>() {}

/**
 * Query parameters whose values are kept: flags that carry no secret.
 * Every other value is printed as `***` (a token, a signature, a code).
 *
 * @since 0.4.0
 * @category redaction
 */
export const plainParameters: ReadonlySet<string> = new Set(["nocatalog", "allow_expired", "include_catalog"])

/**
 * The URL as `--timing` prints it: no user info, no fragment, each query
 * value `***` unless its parameter is in `plainParameters`. Path segments
 * (ids) are kept. A string that is not a URL is printed as `(invalid URL)`.
 *
 * @since 0.4.0
 * @category redaction
 */
export const redactUrl = (url: string): string => {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return "(invalid URL)"
  }
  const query = [...parsed.searchParams].map(([name, value]) =>
    value === "" || plainParameters.has(name) ? (value === "" ? name : `${name}=${value}`) : `${name}=***`
  )
  return `${parsed.origin}${parsed.pathname}${query.length > 0 ? `?${query.join("&")}` : ""}`
}

const outcomeOf = <E>(cause: Cause.Cause<E>): string => {
  if (Cause.isInterruptedOnly(cause)) return "interrupted"
  const failure = Cause.squash(cause)
  const tag = Predicate.hasProperty(failure, "_tag") && typeof failure._tag === "string" ? failure._tag : "Error"
  const reason = Predicate.hasProperty(failure, "reason") && typeof failure.reason === "string" ? ` ${failure.reason}` : ""
  return `failed (${tag}${reason})`
}

/**
 * `client`, each call recorded into `timings` once its response (status and
 * headers) or its failure arrives.
 *
 * @since 0.4.0
 * @category wrappers
 */
export const recording = (timings: Ref.Ref<ReadonlyArray<Call>>) => <E, R>(client: HttpClient.HttpClient.With<E, R>) =>
  HttpClient.transform(client, (effect, request) =>
    Effect.flatMap(Effect.timed(Effect.exit(effect)), ([elapsed, exit]) =>
      Effect.zipRight(
        Ref.update(timings, (calls) => [...calls, {
          method: request.method,
          url: redactUrl(request.url),
          outcome: Exit.isSuccess(exit) ? exit.value.status : outcomeOf(exit.cause),
          millis: Duration.toMillis(elapsed)
        }]),
        exit
      )))

/**
 * The `HttpClient` of `base`, recording when the command runs with
 * `Timings` (`--timing`); otherwise `base`'s client as it is.
 *
 * @since 0.4.0
 * @category layers
 */
export const layer = <E, R>(base: Layer.Layer<HttpClient.HttpClient, E, R>): Layer.Layer<HttpClient.HttpClient, E, R> =>
  Layer.effect(
    HttpClient.HttpClient,
    Effect.flatMap(HttpClient.HttpClient, (client) =>
      Effect.map(Effect.serviceOption(Timings), (timings) => Option.match(timings, {
        onNone: () => client,
        onSome: (t) => recording(t)(client)
      })))
  ).pipe(Layer.provide(base))

/**
 * The lines `--timing` prints: one per call, in the order sent, then the
 * total.
 *
 * @since 0.4.0
 * @category printing
 */
export const lines = (calls: ReadonlyArray<Call>): ReadonlyArray<string> => {
  const ms = (millis: number) => `${millis.toFixed(1)} ms`
  const total = calls.reduce((sum, c) => sum + c.millis, 0)
  return [
    ...calls.map((c) => `${Report.prefix} timing: ${c.method} ${c.url} ${c.outcome} ${ms(c.millis)}`),
    `${Report.prefix} timing: ${calls.length} HTTP call${calls.length === 1 ? "" : "s"}, ${ms(total)} in all`
  ]
}

/**
 * Runs a command with its HTTP calls recorded, then prints them on stderr
 * (whether it succeeded or not: after its output or its error line).
 *
 * @since 0.4.0
 * @category running
 */
export const around = <A, E, R>(effect: Effect.Effect<A, E, R>): Effect.Effect<A, E, Exclude<R, Timings>> =>
  Effect.flatMap(Ref.make<ReadonlyArray<Call>>([]), (timings) =>
    effect.pipe(
      Effect.provideService(Timings, timings),
      Effect.ensuring(Effect.flatMap(Ref.get(timings), (calls) => Effect.forEach(lines(calls), (l) => Console.error(l), { discard: true })))
    ))
