/**
 * What the simulator knows: domains, projects, users, roles, assignments,
 * application credentials, trusts, the catalog and its settings. Used as
 * `KeystoneSim.Seed`.
 *
 * @since 0.3.0
 */
import type { Catalog } from "@effect-keystone/schema"
import type * as Duration from "effect/Duration"

/**
 * The entities of a seed.
 *
 * @since 0.1.0
 * @category seed
 */
export declare namespace Seed {
  /**
   * @since 0.1.0
   */
  export interface Domain {
    readonly id: string
    readonly name: string
    readonly enabled?: boolean
    readonly description?: string
  }
  /**
   * @since 0.1.0
   */
  export interface Project {
    readonly id: string
    readonly name: string
    readonly domainId: string
    readonly enabled?: boolean
    readonly description?: string
  }
  /**
   * `passcode` is the TOTP passcode the simulator accepts (fixed, so tests
   * are deterministic). `mfaRules` are Keystone's MFA rules, e.g.
   * `[["password", "totp"]]`.
   *
   * @since 0.1.0
   */
  export interface User {
    readonly id: string
    readonly name: string
    readonly domainId: string
    readonly password: string
    readonly defaultProjectId?: string
    readonly enabled?: boolean
    readonly passcode?: string
    readonly mfaRules?: ReadonlyArray<ReadonlyArray<string>>
  }
  /**
   * @since 0.1.0
   */
  export interface Role {
    readonly id: string
    readonly name: string
    /**
     * Keystone's `immutable` role option (bootstrap's admin, member and
     * reader have it). Federated tokens show it: their roles are rendered
     * whole (`domain_id`, `description`, `options`).
     *
     * @since 0.4.0
     */
    readonly immutable?: boolean
  }
  /**
   * Holding `priorRoleId` also grants `impliedRoleId` (Keystone's bootstrap
   * makes admin imply member and member imply reader).
   *
   * @since 0.1.0
   */
  export interface ImpliedRole {
    readonly priorRoleId: string
    readonly impliedRoleId: string
  }
  /**
   * A group of users (Keystone's `groups`). Federated users are members of
   * the groups their identity names (see `Federation.Identity`); the
   * group's role assignments apply to their tokens.
   *
   * @since 0.4.0
   */
  export interface Group {
    readonly id: string
    readonly name: string
    readonly domainId: string
  }
  /**
   * A role for a user or (since 0.4.0) a group, on exactly one of a project,
   * a domain or the system.
   *
   * @since 0.1.0
   */
  export type Assignment = AssignedRole & (
    | { readonly userId: string; readonly groupId?: never }
    | { readonly groupId: string; readonly userId?: never }
  )
  /**
   * The role of an assignment and where it holds.
   *
   * @since 0.4.0
   */
  export interface AssignedRole {
    readonly roleId: string
    readonly projectId?: string
    readonly domainId?: string
    readonly system?: true
  }
  /**
   * `roles` are role ids or names; default: every role the user has on the
   * project. `restricted` defaults to `true`, as in Keystone.
   *
   * @since 0.1.0
   */
  export interface ApplicationCredential {
    readonly id: string
    readonly name: string
    readonly userId: string
    readonly secret: string
    readonly projectId: string
    readonly restricted?: boolean
    readonly roles?: ReadonlyArray<string>
  }
  /**
   * `roles` are role ids or names the trustee may use on the trustor's project.
   *
   * @since 0.1.0
   */
  export interface Trust {
    readonly id: string
    readonly trustorUserId: string
    readonly trusteeUserId: string
    readonly projectId: string
    readonly roles: ReadonlyArray<string>
    readonly impersonation?: boolean
  }
  /**
   * An identity provider Keystone trusts (`OS-FEDERATION`): its users are
   * shadowed in `domainId` at their first login; `protocols` are the
   * protocol ids registered for it (e.g. `["openid"]`). Which bearer tokens
   * log in, and as whom, the test declares with `sim.federation`.
   *
   * @since 0.4.0
   */
  export interface IdentityProvider {
    readonly id: string
    readonly domainId: string
    readonly protocols: ReadonlyArray<string>
    readonly enabled?: boolean
  }
  /**
   * `url` may contain `$(project_id)s` or `$(tenant_id)s` (also in the
   * `%(…)s` form); such endpoints are left out of catalogs without a project.
   *
   * @since 0.1.0
   */
  export interface Endpoint {
    readonly id: string
    readonly interface: Catalog.Interface
    readonly region: string
    readonly url: string
  }
  /**
   * @since 0.1.0
   */
  export interface Service {
    readonly id: string
    readonly type: string
    readonly name: string
    readonly endpoints: ReadonlyArray<Endpoint>
    /**
     * Answers to an unauthenticated `GET` of exactly `url` (a trailing
     * slash ignored) on the service's hosts, e.g. version documents (see
     * `ServiceDocuments`). Other paths on those hosts outside the endpoints
     * answer 404.
     *
     * @since 0.2.0
     */
    readonly documents?: ReadonlyArray<Document>
  }
  /**
   * @since 0.2.0
   */
  export interface Document {
    readonly url: string
    /** Default 200. */
    readonly status?: number
    readonly body: unknown
  }
}

/**
 * Everything the simulator knows. `make`, `layer` and `serve` take a
 * `Partial<Seed>` merged over `defaultSeed` key by key: a key you give
 * replaces the default whole (spread `defaultSeed.users` to extend it).
 *
 * @since 0.1.0
 * @category seed
 */
export interface Seed {
  readonly domains: ReadonlyArray<Seed.Domain>
  readonly projects: ReadonlyArray<Seed.Project>
  readonly users: ReadonlyArray<Seed.User>
  readonly roles: ReadonlyArray<Seed.Role>
  readonly impliedRoles?: ReadonlyArray<Seed.ImpliedRole>
  readonly assignments: ReadonlyArray<Seed.Assignment>
  /** @since 0.4.0 */
  readonly groups?: ReadonlyArray<Seed.Group>
  /** @since 0.4.0 */
  readonly identityProviders?: ReadonlyArray<Seed.IdentityProvider>
  readonly applicationCredentials: ReadonlyArray<Seed.ApplicationCredential>
  readonly trusts?: ReadonlyArray<Seed.Trust>
  readonly catalog: ReadonlyArray<Seed.Service>
  /** Default `"1 hour"`. */
  readonly tokenLifetime: Duration.DurationInput
  /** Keystone's `[token] allow_expired_window`. Default 48 hours. */
  readonly allowExpiredWindow?: Duration.DurationInput
  /** MFA receipts. Default 5 minutes. */
  readonly receiptLifetime?: Duration.DurationInput
  /** The API versions served. Default both; a disabled version answers 404. */
  readonly versions?: ReadonlyArray<"v3" | "v2.0">
}
