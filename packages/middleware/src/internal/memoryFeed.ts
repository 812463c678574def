/**
 * `RevocationFeed.makeMemory`: a `PubSub` per topic, leases in a map on the
 * Effect `Clock`.
 *
 * @internal
 */
import * as Clock from "effect/Clock"
import * as Effect from "effect/Effect"
import * as PubSub from "effect/PubSub"
import * as Stream from "effect/Stream"
import type { Delivery, RevocationFeedService } from "../RevocationFeed.js"

/** @internal */
export const make: Effect.Effect<RevocationFeedService> = Effect.sync(() => {
  const topics = new Map<string, PubSub.PubSub<string>>()
  const leases = new Map<string, { readonly holder: string; readonly until: number }>()
  const topicOf = (topic: string) =>
    Effect.suspend(() => {
      const known = topics.get(topic)
      if (known !== undefined) return Effect.succeed(known)
      return Effect.flatMap(PubSub.unbounded<string>(), (created) =>
        Effect.sync(() => {
          const raced = topics.get(topic)
          if (raced !== undefined) return raced
          topics.set(topic, created)
          return created
        }))
    })

  return {
    publish: (topic, message) => Effect.asVoid(Effect.flatMap(topicOf(topic), (bus) => PubSub.publish(bus, message))),
    subscribe: (topic) =>
      Stream.unwrapScoped(
        Effect.map(
          Effect.flatMap(topicOf(topic), PubSub.subscribe),
          (queue) =>
            Stream.concat(
              Stream.succeed<Delivery>({ _tag: "Subscribed" }),
              Stream.map(Stream.fromQueue(queue), (message): Delivery => ({ _tag: "Message", message }))
            )
        )
      ),
    lease: (topic, holder, ttlMillis) =>
      Effect.map(Clock.currentTimeMillis, (now) => {
        const held = leases.get(topic)
        if (held !== undefined && held.holder !== holder && held.until > now) return false
        leases.set(topic, { holder, until: now + ttlMillis })
        return true
      }),
    release: (topic, holder) =>
      Effect.sync(() => {
        if (leases.get(topic)?.holder === holder) leases.delete(topic)
      })
  } satisfies RevocationFeedService
})
