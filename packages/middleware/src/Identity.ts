/**
 * Who is calling: the validated user token (and the service token that came
 * with it) as the handler reads it, never the token itself.
 *
 * @since 0.1.0
 */
import type { Catalog, Token } from "@effect-keystone/schema"
import type * as DateTime from "effect/DateTime"
import type * as Option from "effect/Option"
import * as internal from "./internal/principal.js"

/**
 * @since 0.1.0
 * @category models
 */
export interface NamedRef {
  readonly id: string
  readonly name: string
}

/**
 * One validated token's identity (user token or service token).
 *
 * @since 0.1.0
 * @category models
 */
export interface Principal {
  /** The API version that validated it. */
  readonly version: "v3" | "v2.0"
  readonly user: { readonly id: string; readonly name: string; readonly domain: NamedRef | null }
  /** The scope as Keystone gave it (project, domain, system, trust or none). */
  readonly scope: Token.TokenScope
  /** The project the token acts on: its project scope, or a trust's project. */
  readonly project: (NamedRef & { readonly domain: NamedRef | null }) | null
  /** The domain of a domain-scoped token. */
  readonly domain: NamedRef | null
  /** `"all"` for a token scoped to the whole deployment (`OpenStack-System-Scope`). */
  readonly system: "all" | null
  /** Role names (`X-Roles`). */
  readonly roles: ReadonlyArray<string>
  /** Role ids, where Keystone sent them. */
  readonly roleIds: ReadonlyArray<string>
  readonly applicationCredential: { readonly id: string; readonly name: string; readonly restricted: boolean } | null
  readonly trust:
    | { readonly id: string; readonly impersonation: boolean; readonly trusteeUserId: string; readonly trustorUserId: string }
    | null
  /** The token's audit ids: its own first, then the chain it was rescoped from. */
  readonly auditIds: ReadonlyArray<string>
  /** How it was authenticated (`password`, `token`, `application_credential`, …). */
  readonly methods: ReadonlyArray<string>
  readonly issuedAt: Option.Option<DateTime.Utc>
  readonly expiresAt: Option.Option<DateTime.Utc>
  /** `X-Is-Admin-Project`; Keystone's default is `true` when it does not say. */
  readonly isAdminProject: boolean
  /** The catalog, when `includeServiceCatalog` is on (and the token has one). */
  readonly catalog: Catalog.Catalog | null
}

/**
 * The identity a handler behind the middleware reads: the user token's
 * principal, plus the service token's when a valid one came along.
 *
 * @since 0.1.0
 * @category models
 */
export interface Identity extends Principal {
  readonly service: Principal | null
}

/**
 * The principal of a validated token. `catalog` is kept only when asked.
 *
 * @since 0.1.0
 * @category constructors
 */
export const fromToken: (token: Token.Token, options?: { readonly catalog?: boolean | undefined }) => Principal =
  internal.fromToken

/**
 * A plain JSON view (times as ISO strings, no catalog): what a `/whoami`
 * answers.
 *
 * @since 0.1.0
 * @category conversions
 */
export const toJson: (identity: Principal | Identity) => Record<string, unknown> = internal.toJson
