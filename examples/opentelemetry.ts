/**
 * effect-keystone's spans and metrics, exported with `@effect/opentelemetry`.
 *
 * The library traces with Effect's own tracer (`KeystoneSession.renew`,
 * `KeystoneClient.issue`, `KeystoneClient.validate`, …, and the HTTP calls
 * made through `session.httpClient`, their token headers redacted) and
 * records Effect `Metric`s (`KeystoneMetrics`: tokens issued, renewed,
 * invalidated, renewal failures and latency, the current token's expiry,
 * store operations and lock waits, middleware validations by result,
 * Keystone's validation latency). `NodeSdk.layer` sends both to OpenTelemetry:
 * spans through a span processor, and every metric of Effect's registry
 * through a metric reader, each time it collects.
 *
 * The program: a session logs in (as OS_* / OS_CLOUD say, or as the service
 * user of an in-memory KeystoneSim when OS_AUTH_URL is unset), a service behind
 * `@effect-keystone/middleware` validates that token twice (one Keystone
 * validation, then its cache), and the session calls the identity service.
 *
 * Export over OTLP/HTTP to a collector (an OpenTelemetry Collector, Jaeger,
 * Grafana Alloy, …): set the standard OpenTelemetry variables, which the OTLP
 * exporters read:
 *
 *   export OTEL_EXPORTER_OTLP_ENDPOINT=http://localhost:4318   # /v1/traces and /v1/metrics are appended
 *   export OTEL_EXPORTER_OTLP_HEADERS="authorization=Bearer …"  # if the collector wants one
 *   export OTEL_SERVICE_NAME=my-worker                          # default: effect-keystone-example
 *   npx tsx examples/opentelemetry.ts
 *
 * A local collector to try it: `docker run -p 4318:4318 otel/opentelemetry-collector`
 * (its debug exporter prints what arrives). Without OTEL_EXPORTER_OTLP_ENDPOINT
 * the spans and metrics are printed to the console instead.
 */
import { NodeContext, NodeRuntime } from "@effect/platform-node"
import type * as HttpClient from "@effect/platform/HttpClient"
import { NodeSdk } from "@effect/opentelemetry"
import { KeystoneSession, TokenStore } from "@effect-keystone/cache"
import { type Auth, AuthScope, Credentials, KeystoneClient, KeystoneMetrics } from "@effect-keystone/client"
import * as CloudsYaml from "@effect-keystone/client/CloudsYaml"
import * as Tls from "@effect-keystone/client/Tls"
import { AuthToken } from "@effect-keystone/middleware"
import { KeystoneSim } from "@effect-keystone/testing"
import { OTLPMetricExporter } from "@opentelemetry/exporter-metrics-otlp-http"
import { OTLPTraceExporter } from "@opentelemetry/exporter-trace-otlp-http"
import { ConsoleMetricExporter, type MetricReader, PeriodicExportingMetricReader } from "@opentelemetry/sdk-metrics"
import { BatchSpanProcessor, ConsoleSpanExporter, type SpanProcessor } from "@opentelemetry/sdk-trace-base"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Metric from "effect/Metric"
import * as Redacted from "effect/Redacted"
import { pathToFileURL } from "node:url"

/** Where spans and metrics go. */
export interface Exporters {
  readonly spanProcessor: SpanProcessor
  readonly metricReader: MetricReader
}

/**
 * OpenTelemetry for everything that runs inside it: Effect's spans become
 * OpenTelemetry spans, and Effect's metric registry is read by `metricReader`.
 * Closing it flushes both.
 */
export const layerTelemetry = (
  exporters: Exporters,
  serviceName = process.env.OTEL_SERVICE_NAME ?? "effect-keystone-example"
): Layer.Layer<never> =>
  Layer.discard(NodeSdk.layer(() => ({ resource: { serviceName }, ...exporters })))

/** OTLP over HTTP, configured by the OTEL_EXPORTER_OTLP_* variables; metrics every 10 seconds. */
export const otlpExporters = (): Exporters => ({
  spanProcessor: new BatchSpanProcessor(new OTLPTraceExporter()),
  metricReader: new PeriodicExportingMetricReader({ exporter: new OTLPMetricExporter(), exportIntervalMillis: 10_000 })
})

/** Printed to the console (spans as they end, metrics when the program ends). */
export const consoleExporters = (): Exporters => ({
  spanProcessor: new BatchSpanProcessor(new ConsoleSpanExporter()),
  metricReader: new PeriodicExportingMetricReader({ exporter: new ConsoleMetricExporter(), exportIntervalMillis: 60_000 })
})

export interface Summary {
  readonly user: string
  /** The middleware's two verdicts on the session's token. */
  readonly verdicts: ReadonlyArray<string>
  readonly identityStatus: number
  /** What the metrics say (the same numbers the exporter sends). */
  readonly metrics: {
    readonly tokensIssued: number
    readonly validations: { readonly miss: number; readonly hit: number }
  }
}

const count = (metric: Metric.Metric.Counter<number>) => Effect.map(Metric.value(metric), (s) => s.count)

/** The traced, measured work. */
export const program: Effect.Effect<
  Summary,
  unknown,
  KeystoneSession.KeystoneSession | AuthToken.AuthToken
> = Effect.gen(function*() {
  const session = yield* KeystoneSession.KeystoneSession
  const auth = yield* AuthToken.AuthToken

  const token = yield* session.token
  const first = yield* auth.authenticate({ userToken: Redacted.value(token.id) })
  const second = yield* auth.authenticate({ userToken: Redacted.value(token.id) })

  const identity = yield* session.endpoint({ type: "identity", interface: "public" })
  const http = yield* session.httpClient
  const response = yield* http.get(`${identity}/auth/projects`)
  yield* response.text

  const summary: Summary = {
    user: token.user.name,
    verdicts: [first._tag, second._tag],
    identityStatus: response.status,
    metrics: {
      tokensIssued: yield* count(KeystoneMetrics.tokensIssued),
      validations: {
        miss: yield* count(KeystoneMetrics.withTags(KeystoneMetrics.validations, { result: "miss" })),
        hit: yield* count(KeystoneMetrics.withTags(KeystoneMetrics.validations, { result: "hit" }))
      }
    }
  }
  yield* Effect.log(`logged in as ${summary.user}; verdicts ${summary.verdicts.join(", ")}; metrics ${JSON.stringify(summary.metrics)}`)
  return summary
}).pipe(Effect.withSpan("example.opentelemetry"))

/** The session and the middleware (which validates with the session's token); needs an `HttpClient`. */
export const layer = (options: {
  readonly authUrl: string
  readonly auth: Auth.Auth
}): Layer.Layer<KeystoneSession.KeystoneSession | AuthToken.AuthToken, never, HttpClient.HttpClient> =>
  AuthToken.layer().pipe(
    Layer.provideMerge(KeystoneSession.layer({ auth: options.auth })),
    Layer.provide(TokenStore.layerMemory),
    Layer.provide(KeystoneClient.layer({ authUrl: options.authUrl }))
  )

// ---------------------------------------------------------------------------
// Run directly: OS_* variables (or OS_CLOUD), else the in-memory KeystoneSim.
// ---------------------------------------------------------------------------

/** The simulator's service user (role `service`: it may read revocation events), scoped to its project. */
export const simulatorAuth: Auth.Auth = {
  credentials: Credentials.password({
    username: KeystoneSim.Service.username,
    domain: { id: KeystoneSim.Service.domainId },
    password: Redacted.make(KeystoneSim.Service.password)
  }),
  scope: AuthScope.project({ name: KeystoneSim.Service.projectName, domain: { id: KeystoneSim.Service.domainId } })
}

const main = Effect.gen(function*() {
  const exporters = process.env.OTEL_EXPORTER_OTLP_ENDPOINT !== undefined ? otlpExporters() : consoleExporters()
  const keystone = process.env.OS_AUTH_URL !== undefined || process.env.OS_CLOUD !== undefined
    ? Layer.unwrapEffect(Effect.map(CloudsYaml.load, (settings) =>
      layer({ authUrl: settings.authUrl, auth: settings.auth }).pipe(Layer.provide(Tls.layerUndici(settings.tls)))))
    : layer({ authUrl: "http://keystone.test/v3", auth: simulatorAuth }).pipe(Layer.provide(KeystoneSim.layer()))
  // telemetry outermost: built first, closed (and flushed) last
  return yield* program.pipe(Effect.provide(keystone), Effect.provide(layerTelemetry(exporters)))
})

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  NodeRuntime.runMain(Effect.scoped(main).pipe(Effect.provide(NodeContext.layer)))
}
