/**
 * Federated logins on the simulator (`sim.federation`): which bearer tokens
 * Keystone's federation endpoint, `POST /v3/OS-FEDERATION/
 * identity_providers/{idp}/protocols/{protocol}/auth`, accepts, and whom
 * each one maps to. The simulator stands in for Keystone with its mapping
 * and for the OpenID Connect module in front of it (Apache's
 * mod_auth_openidc), which checks the bearer token with the IdP.
 *
 * @example
 * ```ts
 * import { KeystoneSim } from "@effect-keystone/testing"
 * import { Effect, Redacted } from "effect"
 *
 * const program = Effect.gen(function*() {
 *   const sim = yield* KeystoneSim.KeystoneSim
 *   const { groupName, identityProvider, protocol } = KeystoneSim.Federated
 *   // "at-alice" logs in as alice, a member of cloud-users (member on fedproject)
 *   yield* sim.federation.accept({
 *     identityProvider,
 *     protocol,
 *     accessToken: Redacted.make("at-alice"),
 *     identity: { user: { name: "alice" }, groups: [groupName] }
 *   })
 * })
 * ```
 *
 * @since 0.4.0
 */
import type * as Effect from "effect/Effect"
import type * as Option from "effect/Option"
import type * as Redacted from "effect/Redacted"

/**
 * What Keystone's mapping makes of a bearer token: the user (shadowed in
 * the identity provider's domain on first login, its id derived from the
 * domain and `id` as Keystone derives it), the groups it is a member of
 * (ids or names; their role assignments apply to its tokens, and the
 * unscoped token lists them in `OS-FEDERATION.groups`), and projects of the
 * identity provider's domain with roles (ids or names) granted to the user
 * directly, the project created if missing, as a mapping's `projects` rule
 * does.
 *
 * @since 0.4.0
 * @category models
 */
export interface Identity {
  readonly user: {
    readonly name: string
    /** The user's unique id at the IdP (the `sub` claim). Default: `name`. */
    readonly id?: string | undefined
  }
  readonly groups?: ReadonlyArray<string> | undefined
  readonly projects?: ReadonlyArray<{ readonly name: string; readonly roles: ReadonlyArray<string> }> | undefined
}

/**
 * An identity provider and protocol of the seed (`Seed.identityProviders`).
 *
 * @since 0.4.0
 * @category models
 */
export interface Endpoint {
  readonly identityProvider: string
  readonly protocol: string
}

/**
 * Decides, for every login at an endpoint, whom a bearer token is: `None`
 * refuses it (401). Typically asks the IdP (RFC 7662 introspection), as
 * mod_auth_openidc does, and applies a mapping to the claims.
 *
 * @since 0.4.0
 * @category models
 */
export type Verify = (accessToken: Redacted.Redacted<string>) => Effect.Effect<Option.Option<Identity>>

/**
 * @since 0.4.0
 * @category models
 */
export interface Federation {
  /** From now on `accessToken` logs in at the endpoint as `identity`, until `forget`. */
  readonly accept: (
    options: Endpoint & { readonly accessToken: Redacted.Redacted<string>; readonly identity: Identity }
  ) => Effect.Effect<void>
  /** Bearer tokens not declared with `accept` are asked of `verify` (the last one given for the endpoint). */
  readonly verifyWith: (options: Endpoint & { readonly verify: Verify }) => Effect.Effect<void>
  /** `accessToken` no longer logs in (as when the IdP revokes it); tokens Keystone issued for it stay valid. */
  readonly forget: (accessToken: Redacted.Redacted<string>) => Effect.Effect<void>
}
