/**
 * The in-memory transport: the platform's `FetchHttpClient` with, for
 * `fetch`, the simulator's `HttpApp` as a web handler. No sockets; the app
 * runs on the runtime of the fiber that sends (its `Clock` included).
 */
import * as FetchHttpClient from "@effect/platform/FetchHttpClient"
import * as HttpApp from "@effect/platform/HttpApp"
import * as HttpClient from "@effect/platform/HttpClient"
import * as HttpMiddleware from "@effect/platform/HttpMiddleware"
import * as HttpServerResponse from "@effect/platform/HttpServerResponse"
import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import type * as Runtime from "effect/Runtime"
import { ConnectionDrop } from "./exchange.js"

/**
 * `fetch` answered by `app` on `runtime`; a dropped connection rejects, and
 * so does an aborted request (with the signal's reason), as `fetch` does.
 */
const webFetch = (app: HttpApp.Default, runtime: Runtime.Runtime<never>): typeof globalThis.fetch => {
  const handler = HttpApp.toWebHandlerRuntime(runtime)(app)
  return (input, init) => {
    let dropped: string | undefined
    const drop = Context.make(ConnectionDrop, (description: string) =>
      Effect.sync(() => {
        dropped = description
        return HttpServerResponse.empty({ status: 500 })
      }))
    const answered = handler(new Request(input, init), drop as Context.Context<never>).then((response) =>
      dropped === undefined ? response : Promise.reject(new Error(dropped))
    )
    const signal = init?.signal
    if (signal === undefined || signal === null) return answered
    if (signal.aborted) return Promise.reject(signal.reason)
    return new Promise<Response>((resolve, reject) => {
      const onAbort = () => reject(signal.reason)
      signal.addEventListener("abort", onAbort, { once: true })
      answered.then(resolve, reject).finally(() => signal.removeEventListener("abort", onAbort))
    })
  }
}

/**
 * The sender's runtime, without the platform's server spans: the simulator
 * is not part of the application (and a span of its own would record the
 * headers, `X-Auth-Token` included).
 */
const quietRuntime = HttpMiddleware.withTracerDisabledWhenEffect(Effect.runtime<never>(), () => true)

let fetchClient: HttpClient.HttpClient | undefined

const fetchHttpClient = (): HttpClient.HttpClient =>
  fetchClient ??= Effect.runSync(Effect.provide(HttpClient.HttpClient, FetchHttpClient.layer))

/** An `HttpClient` whose every request goes to `app`, in memory. */
export const make = (app: HttpApp.Default): HttpClient.HttpClient =>
  HttpClient.transform(
    fetchHttpClient(),
    (effect) =>
      Effect.flatMap(
        quietRuntime,
        (runtime) => Effect.provideService(effect, FetchHttpClient.Fetch, webFetch(app, runtime))
      )
  )
