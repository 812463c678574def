/**
 * What every `RevocationFeed` does, run on each implementation: `pair` gives
 * two services on one feed (the same one twice in memory, two connections
 * to one Redis), built in the test's scope.
 */
import { describe, expect, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as Queue from "effect/Queue"
import type * as Scope from "effect/Scope"
import * as Stream from "effect/Stream"
import type { Delivery, RevocationFeedService } from "../src/RevocationFeed.js"

/** Deliveries of `topic` into a queue; `next` waits 3 s at most for one. */
export const listen = (feed: RevocationFeedService, topic: string) =>
  Effect.gen(function*() {
    const queue = yield* Queue.unbounded<Delivery>()
    yield* Effect.forkScoped(Stream.runForEach(feed.subscribe(topic), (d) => Queue.offer(queue, d)))
    const next = Queue.take(queue).pipe(
      Effect.timeoutFail({ duration: "3 seconds", onTimeout: () => new Error(`nothing delivered on ${topic}`) })
    )
    return { queue, next }
  })

const message = (text: string): Delivery => ({ _tag: "Message", message: text })

export const conformance = (
  name: string,
  pair: Effect.Effect<readonly [RevocationFeedService, RevocationFeedService], never, Scope.Scope>
) =>
  describe(`RevocationFeed conformance: ${name}`, () => {
    it.scopedLive("Subscribed first, then every message of the topic while listening, in order, the subscriber's own included", () =>
      Effect.gen(function*() {
        const [one, two] = yield* pair
        const topic = `t-${crypto.randomUUID()}`
        const a = yield* listen(one, topic)
        const b = yield* listen(two, topic)
        const other = yield* listen(two, `${topic}-other`)
        for (const l of [a, b, other]) expect(yield* l.next).toEqual({ _tag: "Subscribed" })
        yield* one.publish(topic, "m1")
        yield* two.publish(topic, "m2")
        yield* one.publish(topic, "ek1.x.y.z")
        for (const l of [a, b]) {
          expect([yield* l.next, yield* l.next, yield* l.next]).toEqual([message("m1"), message("m2"), message("ek1.x.y.z")])
        }
        yield* Effect.sleep("100 millis")
        expect(yield* Queue.size(other.queue)).toBe(0)
      }))

    it.scopedLive("a message sent before one listens is not kept for it", () =>
      Effect.gen(function*() {
        const [one, two] = yield* pair
        const topic = `t-${crypto.randomUUID()}`
        yield* one.publish(topic, "early")
        const late = yield* listen(two, topic)
        expect(yield* late.next).toEqual({ _tag: "Subscribed" })
        yield* one.publish(topic, "later")
        expect(yield* late.next).toEqual(message("later"))
      }))

    it.scopedLive("the lease: one holder at a time, renewed by it, released only by it, taken once it expired", () =>
      Effect.gen(function*() {
        const [one, two] = yield* pair
        const topic = `t-${crypto.randomUUID()}`
        expect(yield* one.lease(topic, "a", 10_000)).toBe(true)
        expect(yield* two.lease(topic, "b", 10_000)).toBe(false)
        expect(yield* one.lease(topic, "a", 10_000)).toBe(true)
        yield* two.release(topic, "b")
        expect(yield* two.lease(topic, "b", 10_000)).toBe(false)
        yield* one.release(topic, "a")
        expect(yield* two.lease(topic, "b", 300)).toBe(true)
        expect(yield* one.lease(topic, "a", 300)).toBe(false)
        // renewed within its ttl, it stays b's
        yield* Effect.sleep("200 millis")
        expect(yield* two.lease(topic, "b", 300)).toBe(true)
        yield* Effect.sleep("200 millis")
        expect(yield* one.lease(topic, "a", 300)).toBe(false)
        // not renewed: a takes it
        yield* Effect.sleep("400 millis")
        expect(yield* one.lease(topic, "a", 10_000)).toBe(true)
        expect(yield* two.lease(topic, "b", 10_000)).toBe(false)
        // topics are apart
        expect(yield* two.lease(`${topic}-other`, "b", 10_000)).toBe(true)
      }))
  })
