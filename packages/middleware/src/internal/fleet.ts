/**
 * One poller for a fleet (`AuthToken.layerFleet`): the process holding the
 * feed's lease polls Keystone's revocation events every interval and
 * publishes the new ones; every other process applies them through the
 * poller's own `apply` (the path of its own polls), and polls itself only to
 * catch up: when it (re)subscribes (messages sent meanwhile are lost), when
 * it sees a gap in a publisher's sequence, and while it hears nothing for
 * `3.5 × interval` (no leader, or a feed that drops messages): past the
 * `2.5 × interval` a dead holder's lease lasts, so a live process takes the
 * lease over before the others start polling.
 *
 * The lease lives `2.5 × interval` and its holder renews it every tick, and
 * gives it up when its scope closes: another process takes over at its next
 * tick, or within `2.5 × interval` of a holder that died.
 *
 * A message is `{ v: 1, from, seq, at, events }` as JSON (the events as
 * Keystone gave them, 500 at most), sealed with the fleet's keys under the
 * topic (`TokenStore.makeSealer`). On receipt it must open and decode, or it
 * is ignored, counted (`rejected`) and logged: whoever can publish on the
 * feed without the keys cannot make a process evict anything. A replayed
 * message (its `seq` already seen from its sender) is ignored; one older
 * than `3 × interval + 30 s` still applies its events (they are real) but
 * does not count as the leader being alive.
 *
 * @internal
 */
import type { TokenStore } from "@effect-keystone/cache"
import * as KeystoneMetrics from "@effect-keystone/client/KeystoneMetrics"
import * as Arr from "effect/Array"
import * as Clock from "effect/Clock"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Metric from "effect/Metric"
import * as Option from "effect/Option"
import * as Schedule from "effect/Schedule"
import * as Schema from "effect/Schema"
import type * as Scope from "effect/Scope"
import * as Stream from "effect/Stream"
import type { Delivery, RevocationFeedService } from "../RevocationFeed.js"
import type { Poller } from "./poller.js"
import * as Revocation from "./revocation.js"

/** Events per message at most. */
const chunkSize = 500

/** @internal */
export const Message = Schema.Struct({
  v: Schema.Literal(1),
  from: Schema.String.pipe(Schema.maxLength(100)),
  seq: Schema.Int.pipe(Schema.nonNegative()),
  at: Schema.Number,
  events: Schema.Array(Revocation.Event).pipe(Schema.maxItems(chunkSize))
})

const decodeMessage = Schema.decodeUnknownEither(Schema.parseJson(Message))

/** The sealing context of a topic's messages. @internal */
export const context = (topic: string) => `effect-keystone/middleware revocations v1|${topic}`

const broadcasts = {
  published: KeystoneMetrics.withTags(KeystoneMetrics.revocationBroadcasts, { result: "published" }),
  received: KeystoneMetrics.withTags(KeystoneMetrics.revocationBroadcasts, { result: "received" }),
  rejected: KeystoneMetrics.withTags(KeystoneMetrics.revocationBroadcasts, { result: "rejected" })
}

/** @internal */
export interface FleetSettings {
  /** The poll interval; 0: this process never polls nor leads, it applies what others publish. */
  readonly everyMillis: number
  /** Processes of one Keystone share a topic. */
  readonly topic: string
  /** Larger messages are rejected unopened. */
  readonly maxMessageBytes: number
}

/** @internal */
export interface Fleet {
  /** Polls now and publishes what was new; the number of cached validations dropped here. */
  readonly pollNow: Effect.Effect<number>
}

/** Starts listening (and, with an interval, ticking) in the scope. @internal */
export const make = (
  feed: RevocationFeedService,
  sealer: TokenStore.Sealer,
  poller: Poller,
  settings: FleetSettings
): Effect.Effect<Fleet, never, Scope.Scope> =>
  Effect.gen(function*() {
    const holder = globalThis.crypto.randomUUID()
    const sealContext = context(settings.topic)
    const every = settings.everyMillis
    const leaseMillis = Math.ceil(every * 2.5)
    const silentMillis = every * 3.5
    const recentMillis = every * 3 + 30_000
    const state = {
      leading: false,
      selfPolling: false,
      feedFailing: false,
      seq: 0,
      lastHeard: yield* Clock.currentTimeMillis,
      lastRejectionLogged: Number.NEGATIVE_INFINITY,
      // the highest seq seen from each sender (the newest few senders)
      seen: new Map<string, number>()
    }

    const catchUp = Effect.zipRight(poller.restart, poller.poll)

    const publish = (events: ReadonlyArray<Revocation.Event>) =>
      Effect.forEach(
        events.length === 0 ? [[]] : Arr.chunksOf(events, chunkSize) as ReadonlyArray<ReadonlyArray<Revocation.Event>>,
        (chunk) =>
        Effect.gen(function*() {
          state.seq += 1
          const text = JSON.stringify({ v: 1, from: holder, seq: state.seq, at: yield* Clock.currentTimeMillis, events: chunk })
          yield* Effect.flatMap(sealer.seal(sealContext, text), (sealed) => feed.publish(settings.topic, sealed))
          yield* Metric.increment(broadcasts.published)
        }).pipe(
          Effect.catchAll((e) => Effect.logDebug(`AuthToken: could not publish revocation events: ${e.message}`))
        ), { discard: true })

    const pollNow = Effect.flatMap(poller.pollEvents, (fresh) =>
      Option.match(fresh, {
        onNone: () => Effect.succeed(0),
        onSome: ({ dropped, fresh }) => Effect.as(fresh.length === 0 ? Effect.void : publish(fresh), dropped)
      }))

    const reject = (reason: string) =>
      Effect.gen(function*() {
        yield* Metric.increment(broadcasts.rejected)
        const now = yield* Clock.currentTimeMillis
        const line = `AuthToken: ignored a message on the revocation feed (${reason}): not sealed with this fleet's keys, ` +
          `or not revocation events; whoever can publish on the feed sent it`
        if (now - state.lastRejectionLogged < 60_000) return yield* Effect.logDebug(line)
        state.lastRejectionLogged = now
        yield* Effect.logWarning(line)
      })

    const receive = (delivery: Delivery): Effect.Effect<void> =>
      Effect.gen(function*() {
        if (delivery._tag === "Subscribed") {
          if (!state.leading && every > 0) yield* catchUp
          return
        }
        const raw = delivery.message
        if (raw.length > settings.maxMessageBytes) return yield* reject(`over ${settings.maxMessageBytes} bytes`)
        const opened = yield* sealer.open(sealContext, raw)
        if (Either.isLeft(opened)) return yield* reject(opened.left)
        const decoded = decodeMessage(opened.right)
        if (Either.isLeft(decoded)) return yield* reject("not a revocation message")
        const message = decoded.right
        if (message.from === holder) return
        const last = state.seen.get(message.from)
        if (last !== undefined && message.seq <= last) return // a replay, or a repeat
        state.seen.delete(message.from)
        state.seen.set(message.from, message.seq)
        if (state.seen.size > 16) state.seen.delete(state.seen.keys().next().value!)
        yield* Metric.increment(broadcasts.received)
        yield* poller.apply(message.events)
        const now = yield* Clock.currentTimeMillis
        if (Math.abs(now - message.at) <= recentMillis) state.lastHeard = now
        // a message of this sender was lost: read what it said from Keystone
        if (last !== undefined && message.seq > last + 1 && !state.leading && every > 0) yield* catchUp
      })

    // whether this process leads; when the feed cannot say, it keeps its role (a poller polls on)
    const lease = Effect.matchEffect(Effect.suspend(() => feed.lease(settings.topic, holder, leaseMillis)), {
      onFailure: (e) =>
        Effect.gen(function*() {
          if (!state.feedFailing) {
            state.feedFailing = true
            yield* Effect.logWarning(`AuthToken: cannot reach the revocation feed (${e.message}); polling here if nothing comes`)
          }
          return state.leading
        }),
      onSuccess: (held) =>
        Effect.gen(function*() {
          if (state.feedFailing) {
            state.feedFailing = false
            yield* Effect.logInfo("AuthToken: the revocation feed answers again")
          }
          return held
        })
    })

    const tick = Effect.gen(function*() {
      const leading = yield* lease
      if (leading) {
        if (!state.leading) {
          yield* Effect.logInfo("AuthToken: this process polls the revocation events for the fleet")
          yield* poller.restart
        }
        state.leading = true
        state.selfPolling = false
        const fresh = yield* poller.pollEvents
        // published even when empty: the followers' sign that someone polls
        if (Option.isSome(fresh)) yield* publish(fresh.value.fresh)
        state.lastHeard = yield* Clock.currentTimeMillis
        return
      }
      if (state.leading) yield* Effect.logInfo("AuthToken: another process polls the revocation events now")
      state.leading = false
      const silent = (yield* Clock.currentTimeMillis) - state.lastHeard
      if (silent >= silentMillis) {
        if (!state.selfPolling) {
          yield* Effect.logWarning(
            `AuthToken: no revocation events from the fleet for ${Math.round(silent / 1000)} s; polling Keystone here until they come`
          )
          yield* poller.restart
          state.selfPolling = true
        }
        yield* poller.poll
      } else if (state.selfPolling) {
        state.selfPolling = false
        yield* Effect.logInfo("AuthToken: revocation events from the fleet again")
      }
    })

    yield* Effect.forkScoped(Stream.runForEach(feed.subscribe(settings.topic), (delivery) =>
      Effect.catchAllDefect(
        receive(delivery),
        (defect) => Effect.logWarning("AuthToken: a revocation message could not be applied", defect)
      )))
    if (every > 0) {
      // added before the ticks start, so it runs after they stop: the lease is not taken again once given up
      yield* Effect.addFinalizer(() =>
        feed.release(settings.topic, holder).pipe(Effect.timeout("3 seconds"), Effect.ignore)
      )
      yield* Effect.forkScoped(Effect.repeat(tick, Schedule.fixed(every)))
    }
    return { pollNow }
  })
