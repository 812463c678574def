/**
 * The revocation poller: `GET /v3/OS-REVOKE/events?since=…` every
 * `pollEvery` with the service's own token (the session's `httpClient`),
 * each new event added to the index and every cached validation it covers
 * dropped (`apply`, also the path of events another process broadcast). A
 * failed poll is tried again at the next tick; cached validations keep
 * serving meanwhile. Keystone not answering (no answer, 429, 5xx) is an
 * outage, one line shared with the validator (`outage.ts`); another failure
 * (403: the service user may not list events; a bad answer) is a warning of
 * its own, once while it lasts.
 *
 * `since` trails the newest `revoked_at` seen by a second (Keystone keeps
 * whole seconds and answers `revoked_at > since`); repeats are recognised.
 *
 * @internal
 */
import type * as HttpClient from "@effect/platform/HttpClient"
import * as HttpClientRequest from "@effect/platform/HttpClientRequest"
import * as KeystoneMetrics from "@effect-keystone/client/KeystoneMetrics"
import { Timestamp, Url } from "@effect-keystone/schema"
import * as Chunk from "effect/Chunk"
import * as Clock from "effect/Clock"
import * as DateTime from "effect/DateTime"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Metric from "effect/Metric"
import * as Option from "effect/Option"
import * as Ref from "effect/Ref"
import * as Schedule from "effect/Schedule"
import * as Schema from "effect/Schema"
import type * as Scope from "effect/Scope"
import * as Stream from "effect/Stream"
import * as Revocation from "./revocation.js"
import type { Outage } from "./outage.js"
import type { Validator } from "./validator.js"

/** @internal */
export interface PollerOptions {
  readonly everyMillis: number
  /** The v3 base, e.g. `https://keystone.example.com/v3`. */
  readonly v3Url: string
  /** How far back the first poll looks. */
  readonly lookBackMillis: number
  readonly maxResponseBytes: number
  readonly client: Effect.Effect<HttpClient.HttpClient.With<unknown>>
  /**
   * A recent time by Keystone's clock (the service token's `issued_at`), so
   * the first `since` holds whatever the local clock's skew.
   */
  readonly keystoneTime: Effect.Effect<Option.Option<DateTime.Utc>>
}

const decodeEvents = Schema.decodeUnknownEither(Schema.parseJson(Revocation.EventsResponse))

/** The root's `/v3` for an auth URL ending in `/v3`, `/v2.0` or nothing. @internal */
export const v3Url = (authUrl: string): string => `${Url.withoutApiVersion(authUrl)}/v3`

const isoSeconds = (millis: number) => DateTime.formatIso(DateTime.unsafeMake(Math.floor(millis / 1000) * 1000)).replace(".000Z", "Z")

const readCapped = (stream: Stream.Stream<Uint8Array, unknown>, cap: number) =>
  Stream.runFold(stream, { size: 0, chunks: Chunk.empty<Uint8Array>() }, (acc, bytes) => ({
    size: acc.size + bytes.length,
    chunks: acc.size + bytes.length > cap ? acc.chunks : Chunk.append(acc.chunks, bytes)
  })).pipe(
    Effect.flatMap(({ chunks, size }) => {
      if (size > cap) return Effect.fail(`the events answer is over ${cap} bytes`)
      const all = new Uint8Array(size)
      let at = 0
      for (const c of chunks) {
        all.set(c, at)
        at += c.length
      }
      return Effect.succeed(new TextDecoder().decode(all))
    })
  )

const polled = {
  ok: Metric.increment(KeystoneMetrics.withTags(KeystoneMetrics.revocationPolls, { result: "ok" })),
  failed: Metric.increment(KeystoneMetrics.withTags(KeystoneMetrics.revocationPolls, { result: "failed" }))
}

/** Counts the cached validations a poll dropped. */
const evicted = (dropped: number) =>
  dropped === 0 ? Effect.succeed(0) : Effect.as(Metric.incrementBy(KeystoneMetrics.revocationEvictions, dropped), dropped)

/** @internal */
export interface Poller {
  /** One poll now; the number of cached validations it dropped. */
  readonly poll: Effect.Effect<number>
  /** One poll now: the events it brought that were not known before and what they dropped, or `None` when it failed. */
  readonly pollEvents: Effect.Effect<Option.Option<Applied>>
  /**
   * Events from anywhere (a poll, or another process's broadcast) added to
   * the index, and every cached validation they cover dropped (counted).
   */
  readonly apply: (events: ReadonlyArray<Revocation.Event>) => Effect.Effect<Applied>
  /** The next poll looks back `lookBackMillis` again, as the first one did. */
  readonly restart: Effect.Effect<void>
}

/** @internal */
export interface Applied {
  /** The events not known before. */
  readonly fresh: ReadonlyArray<Revocation.Event>
  /** Cached validations dropped. */
  readonly dropped: number
}

/** Why a poll failed, and whether it is Keystone not answering (an outage) or something else (a refusal, a bad answer). */
interface Failure {
  readonly reason: string
  readonly outage: boolean
}

const outageStatus = (status: number) => status === 429 || status >= 500

/** @internal */
export const make = (
  options: PollerOptions,
  index: Revocation.Index,
  validator: Validator,
  outage: Outage
): Effect.Effect<Poller> =>
  Effect.gen(function*() {
    const since = yield* Ref.make<string | undefined>(undefined)
    // the first since: lookBack before the earlier of the local clock and Keystone's
    const firstSince = Effect.zipWith(Clock.currentTimeMillis, options.keystoneTime, (local, keystone) =>
      isoSeconds(
        Math.min(local, Option.match(keystone, { onNone: () => local, onSome: DateTime.toEpochMillis })) -
          options.lookBackMillis
      ))
    const currentSince = Effect.flatMap(Ref.get(since), (s) =>
      s !== undefined ? Effect.succeed(s) : Effect.tap(firstSince, (f) => Ref.set(since, f)))
    // a failure that is not an outage (e.g. the service user may not list events): logged once while it lasts
    const failing = yield* Ref.make(false)
    const lock = yield* Effect.makeSemaphore(1)

    const fetchEvents = Effect.gen(function*() {
      const client = yield* options.client
      const url = `${options.v3Url}/OS-REVOKE/events?since=${encodeURIComponent(yield* currentSince)}`
      const response = yield* Effect.mapError(
        client.execute(HttpClientRequest.get(url, { acceptJson: true })),
        (e): Failure => ({ reason: describe(e), outage: true })
      )
      const text = yield* readCapped(response.stream, options.maxResponseBytes).pipe(
        Effect.mapError((e): Failure =>
          typeof e === "string" ? { reason: e, outage: false } : { reason: describe(e), outage: true }
        )
      )
      if (response.status !== 200) {
        return yield* Effect.fail<Failure>({
          reason: `Keystone answered ${response.status}`,
          outage: outageStatus(response.status)
        })
      }
      const decoded = decodeEvents(text)
      if (Either.isLeft(decoded)) {
        return yield* Effect.fail<Failure>({ reason: "the events answer is not a list of revocation events", outage: false })
      }
      return decoded.right.events
    }).pipe(Effect.scoped)

    const advance = (events: ReadonlyArray<Revocation.Event>) =>
      Ref.update(since, (current) => {
        if (current === undefined) return current
        let newest = Timestamp.parse(current)
        for (const e of events) {
          const at = e.revoked_at == null ? undefined : Timestamp.parse(e.revoked_at)
          if (at !== undefined && (newest === undefined || DateTime.greaterThan(at, newest))) newest = at
        }
        if (newest === undefined) return current
        const candidate = isoSeconds(DateTime.toEpochMillis(newest) - 1000)
        const parsed = Timestamp.parse(candidate)
        const old = Timestamp.parse(current)
        return parsed !== undefined && old !== undefined && DateTime.greaterThan(parsed, old) ? candidate : current
      })

    const apply = (events: ReadonlyArray<Revocation.Event>): Effect.Effect<Applied> =>
      Effect.gen(function*() {
        const { fresh, overflow } = index.add(events, yield* Clock.currentTimeMillis)
        if (overflow) {
          yield* Effect.logWarning("AuthToken: too many revocation events to keep; the validation cache was emptied")
          return { fresh, dropped: yield* evicted(yield* validator.dropAll) }
        }
        return { fresh, dropped: fresh.length === 0 ? 0 : yield* Effect.flatMap(validator.dropCovered, evicted) }
      })

    const failed = (failure: Failure) =>
      Effect.zipRight(
        polled.failed,
        failure.outage
          ? outage.down(`AuthToken: cannot read revocation events (${failure.reason}); cached validations are kept`)
          : Effect.flatMap(Ref.getAndSet(failing, true), (was) =>
            was
              ? Effect.void
              : Effect.logWarning(`AuthToken: cannot read revocation events (${failure.reason}); cached validations are kept`))
      )

    const once = lock.withPermits(1)(
      Effect.matchEffect(fetchEvents, {
        onFailure: (failure) => Effect.as(failed(failure), Option.none<Applied>()),
        onSuccess: (events) =>
          Effect.gen(function*() {
            yield* polled.ok
            yield* outage.up
            if (yield* Ref.getAndSet(failing, false)) yield* Effect.logInfo("AuthToken: revocation events readable again")
            const applied = yield* apply(events)
            yield* advance(events)
            return Option.some(applied)
          })
      })
    )
    return {
      poll: Effect.map(once, Option.match({ onNone: () => 0, onSome: (a) => a.dropped })),
      pollEvents: once,
      apply,
      restart: Ref.set(since, undefined)
    }
  })

/** Polls now and then every `everyMillis`, until the scope closes. @internal */
export const run = (poller: Poller, everyMillis: number): Effect.Effect<void, never, Scope.Scope> =>
  Effect.asVoid(Effect.forkScoped(Effect.repeat(poller.poll, Schedule.fixed(everyMillis))))

/** The error's tag (and an HttpClientError's reason); never a URL or header. */
const describe = (e: unknown): string => {
  if (typeof e !== "object" || e === null || !("_tag" in e)) return "request failed"
  const reason = "reason" in e && typeof e.reason === "string" ? ` (${e.reason})` : ""
  return `${String(e._tag)}${reason}`
}
