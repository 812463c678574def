/**
 * A `CallerToken` backed by a `KeystoneSession`: the client presents the
 * token the session holds (cached, renewed in the background, shared through
 * its store), and a 401 on it invalidates that token so the session logs in
 * again (once for all callers) and the refused call is retried once.
 *
 * @internal
 */
import type * as CallerToken from "@effect-keystone/client/CallerToken"
import * as Effect from "effect/Effect"
import type { KeystoneSessionService } from "../KeystoneSession.js"

/** @internal */
export const make = (session: KeystoneSessionService): CallerToken.CallerTokenService => ({
  token: Effect.map(session.token, (token) => token.id),
  refused: (id) => Effect.as(session.invalidate(id), true)
})
