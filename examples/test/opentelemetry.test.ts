import { describe, expect, it } from "@effect/vitest"
import { KeystoneSession } from "@effect-keystone/cache"
import { KeystoneSim } from "@effect-keystone/testing"
import type { ResourceMetrics } from "@opentelemetry/sdk-metrics"
import {
  AggregationTemporality,
  DataPointType,
  InMemoryMetricExporter,
  PeriodicExportingMetricReader
} from "@opentelemetry/sdk-metrics"
import { InMemorySpanExporter, type ReadableSpan, SimpleSpanProcessor } from "@opentelemetry/sdk-trace-base"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Redacted from "effect/Redacted"
import * as Otel from "../opentelemetry.js"

/** The exported data points of `name` whose attributes include `attributes`. */
const points = (exported: ReadonlyArray<ResourceMetrics>, name: string, attributes: Record<string, string>) =>
  exported.flatMap((r) => r.scopeMetrics).flatMap((s) => s.metrics).filter((m) => m.descriptor.name === name).flatMap((m) =>
    (m.dataPoints as ReadonlyArray<{ readonly attributes: Record<string, unknown>; readonly value: unknown }>)
      .filter((p) => Object.entries(attributes).every(([k, v]) => p.attributes[k] === v))
      .map((p) => ({ type: m.dataPointType, monotonic: "isMonotonic" in m ? m.isMonotonic : undefined, value: p.value }))
  )

/** A monotonic sum: what an Effect counter made with `incremental: true` exports as. */
const counter = (value: number) => ({ type: DataPointType.SUM, monotonic: true, value })

describe("examples/opentelemetry", () => {
  it.scoped("spans and metrics reach OpenTelemetry's exporters, and no token does", () =>
    Effect.gen(function*() {
      const spanExporter = new InMemorySpanExporter()
      const metricExporter = new InMemoryMetricExporter(AggregationTemporality.CUMULATIVE)
      const metricReader = new PeriodicExportingMetricReader({ exporter: metricExporter, exportIntervalMillis: 3_600_000 })

      const { exported, spans, summary, tokenId } = yield* Effect.gen(function*() {
        const summary = yield* Otel.program
        const token = yield* Effect.flatMap(KeystoneSession.KeystoneSession, (s) => s.token)
        yield* Effect.promise(() => metricReader.forceFlush())
        // read before the SDK shuts down (an in-memory span exporter forgets its spans then)
        return {
          summary,
          tokenId: Redacted.value(token.id),
          spans: [...spanExporter.getFinishedSpans()],
          exported: [...metricExporter.getMetrics()]
        }
      }).pipe(
        Effect.provide(Otel.layer({ authUrl: "http://keystone.test/v3", auth: Otel.simulatorAuth }).pipe(Layer.provide(KeystoneSim.layer()))),
        Effect.provide(Otel.layerTelemetry({ spanProcessor: new SimpleSpanProcessor(spanExporter), metricReader })),
        // this test's own series (the metric registry is global)
        Effect.tagMetrics("test", "examples-opentelemetry")
      )

      expect(summary).toEqual({
        user: KeystoneSim.Service.username,
        verdicts: ["Confirmed", "Confirmed"],
        identityStatus: 200,
        metrics: { tokensIssued: 1, validations: { miss: 1, hit: 1 } }
      })

      // spans: the program's, the session's renewal around the login, the validation, the traced HTTP call
      const named = (name: string) => spans.filter((s) => s.name === name)
      expect(named("example.opentelemetry")).toHaveLength(1)
      const [renew] = named("KeystoneSession.renew")
      expect(renew?.attributes["keystone.store"]).toBe("memory")
      expect(named("KeystoneClient.issue").map((s) => s.parentSpanContext?.spanId)).toEqual([renew?.spanContext().spanId])
      expect(named("KeystoneClient.validate")).toHaveLength(1)
      const call = spans.find((s) => String(s.attributes["url.full"]).endsWith("/auth/projects"))
      expect(call?.attributes["http.response.status_code"]).toBe(200)
      expect(call?.attributes["http.request.header.x-auth-token"]).toBe("<redacted>")
      const leaks = (s: ReadableSpan) => Object.values(s.attributes).some((v) => String(v).includes(tokenId))
      expect(spans.filter(leaks).map((s) => s.name)).toEqual([])

      // metrics: Effect's registry as OpenTelemetry data points (counters monotonic)
      const test = { test: "examples-opentelemetry" }
      expect(points(exported, "keystone_session_tokens_issued_total", test)).toEqual([counter(1)])
      expect(points(exported, "keystone_middleware_validations_total", { ...test, result: "miss" })).toEqual([
        counter(1)
      ])
      expect(points(exported, "keystone_middleware_validations_total", { ...test, result: "hit" })).toEqual([
        counter(1)
      ])
      expect(points(exported, "keystone_store_operations_total", { ...test, backend: "memory", operation: "set" })).toEqual([
        counter(1)
      ])
      const [latency] = points(exported, "keystone_client_validation_duration_seconds", { ...test, operation: "validate" })
      expect(latency).toMatchObject({ type: DataPointType.HISTOGRAM, value: { count: 1 } })
      const [expiry] = points(exported, "keystone_session_token_expiry_timestamp_seconds", test)
      expect(expiry?.type).toBe(DataPointType.GAUGE)
      expect(expiry?.value).toBeGreaterThan(0)
      // no attribute of any point holds the token
      const attributes = exported.flatMap((r) => r.scopeMetrics).flatMap((s) => s.metrics).flatMap((m) =>
        (m.dataPoints as ReadonlyArray<{ readonly attributes: Record<string, unknown> }>).flatMap((p) => Object.values(p.attributes))
      )
      expect(attributes.filter((v) => String(v).includes(tokenId))).toEqual([])
    }))
})
