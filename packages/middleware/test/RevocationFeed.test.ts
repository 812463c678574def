/**
 * The in-memory `RevocationFeed`: the conformance suite (the Redis feed runs
 * the same one in RedisRevocationFeed.test.ts).
 */
import * as Effect from "effect/Effect"
import * as RevocationFeed from "../src/RevocationFeed.js"
import { conformance } from "./RevocationFeed.conformance.js"

conformance("memory", Effect.map(RevocationFeed.makeMemory, (feed) => [feed, feed] as const))
