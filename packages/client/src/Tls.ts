/**
 * TLS for the undici transport: a CA bundle, a client certificate, and an
 * explicit switch to skip verification. Node only; import it from
 * `@effect-keystone/client/Tls`.
 *
 * @since 0.1.0
 */
import * as NodeHttpClient from "@effect/platform-node/NodeHttpClient"
import type * as HttpClient from "@effect/platform/HttpClient"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Schema from "effect/Schema"
import * as fs from "node:fs/promises"
import * as Undici from "undici"
import type { TlsSettings } from "./OpenStackConfig.js"

/**
 * A TLS file could not be read.
 *
 * @since 0.1.0
 * @category errors
 */
export class TlsFileError extends Schema.TaggedError<TlsFileError>()("TlsFileError", {
  file: Schema.String,
  setting: Schema.String,
  message: Schema.String
}) {}

const read = (file: string | undefined, setting: string) =>
  file === undefined
    ? Effect.succeed(undefined)
    : Effect.tryPromise({ try: () => fs.readFile(file), catch: (cause) =>
        new TlsFileError({ file, setting, message: `Cannot read ${setting} file ${file}: ${cause instanceof Error ? cause.message : String(cause)}` })
    })

/**
 * The undici connect options for these settings. Verification stays on
 * unless `insecure` is set, which logs a warning.
 *
 * @since 0.1.0
 * @category constructors
 */
export const connectOptions = (tls: TlsSettings) =>
  Effect.gen(function*() {
    const [ca, cert, key] = yield* Effect.all([read(tls.caCert, "CA bundle"), read(tls.cert, "client certificate"), read(tls.key, "client key")])
    if (tls.insecure) {
      yield* Effect.logWarning("TLS verification is OFF (insecure): any server can impersonate Keystone")
    }
    return {
      ...(ca === undefined ? {} : { ca }),
      ...(cert === undefined ? {} : { cert }),
      ...(key === undefined ? {} : { key }),
      rejectUnauthorized: !tls.insecure
    }
  })

/**
 * An undici `HttpClient` whose dispatcher uses these TLS settings.
 *
 * @since 0.1.0
 * @category layers
 */
export const layerUndici = (tls: TlsSettings): Layer.Layer<HttpClient.HttpClient, TlsFileError> =>
  NodeHttpClient.layerUndiciWithoutDispatcher.pipe(
    Layer.provide(
      Layer.scoped(
        NodeHttpClient.Dispatcher,
        Effect.acquireRelease(
          Effect.map(connectOptions(tls), (connect) => new Undici.Agent({ connect })),
          (agent) => Effect.promise(() => agent.destroy())
        )
      )
    )
  )
