/**
 * How the processes of a fleet share Keystone's revocation events
 * (`AuthToken.layerFleet`): one process holds a lease and polls
 * `GET /v3/OS-REVOKE/events`, publishes what it found, and every other
 * process applies it as if it had polled itself.
 *
 * The feed is a transport: it carries strings on a topic to whoever is
 * subscribed (at most once, nothing kept for later subscribers) and keeps a
 * lease per topic. What travels is the middleware's business: each message
 * is sealed with the fleet's keys (AES-256-GCM, `TokenStore.makeSealer`) and
 * checked on receipt (a message that does not open, or is not revocation
 * events, is ignored and logged), so whoever can publish on the feed cannot
 * evict a cached validation that no real event covers.
 *
 * `makeMemory` is the feed of processes in one JavaScript process (and of the
 * tests); `@effect-keystone/middleware/RedisRevocationFeed` is the one of a
 * fleet sharing a Redis.
 *
 * @since 0.6.0
 */
import * as Context from "effect/Context"
import type * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Schema from "effect/Schema"
import type * as Stream from "effect/Stream"
import * as internal from "./internal/memoryFeed.js"

/**
 * The feed could not be reached (or answered something unexpected).
 *
 * @since 0.6.0
 * @category errors
 */
export class RevocationFeedError extends Schema.TaggedError<RevocationFeedError>()("RevocationFeedError", {
  operation: Schema.Literal("publish", "lease", "release"),
  /** What failed; never a message's content. */
  message: Schema.String
}) {}

/**
 * What a subscription sees: `Subscribed` once it listens (first, and again
 * after every reconnection: messages sent meanwhile are lost, so whoever
 * relies on them catches up then), and each `Message` published on the topic
 * while it listens, its own included.
 *
 * @since 0.6.0
 * @category models
 */
export type Delivery =
  | { readonly _tag: "Subscribed" }
  | { readonly _tag: "Message"; readonly message: string }

/**
 * @since 0.6.0
 * @category models
 */
export interface RevocationFeedService {
  /** Sends `message` to every current subscriber of `topic`. */
  readonly publish: (topic: string, message: string) => Effect.Effect<void, RevocationFeedError>
  /**
   * The deliveries of `topic` while the stream runs. It does not fail: while
   * the feed is unreachable it waits, and says `Subscribed` again when it
   * listens again.
   */
  readonly subscribe: (topic: string) => Stream.Stream<Delivery>
  /**
   * Takes the lease of `topic` for `holder` when nobody holds it (or it
   * expired), or renews it when `holder` holds it, for `ttlMillis`; whether
   * `holder` holds it now.
   */
  readonly lease: (topic: string, holder: string, ttlMillis: number) => Effect.Effect<boolean, RevocationFeedError>
  /** Gives the lease of `topic` up, if `holder` holds it. */
  readonly release: (topic: string, holder: string) => Effect.Effect<void, RevocationFeedError>
}

/**
 * @since 0.6.0
 * @category tags
 */
export class RevocationFeed extends Context.Tag("@effect-keystone/middleware/RevocationFeed")<
  RevocationFeed,
  RevocationFeedService
>() {}

/**
 * A feed in memory: every service built on this one feed shares it (several
 * `AuthToken`s in one process, or tests). Leases expire on the Effect
 * `Clock`.
 *
 * @since 0.6.0
 * @category constructors
 */
export const makeMemory: Effect.Effect<RevocationFeedService> = internal.make

/**
 * @since 0.6.0
 * @category layers
 */
export const layerMemory: Layer.Layer<RevocationFeed> = Layer.effect(RevocationFeed, makeMemory)
