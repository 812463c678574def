/**
 * Keystone Identity API v2.0 wire schemas (token API, removed from Keystone
 * in Queens but still spoken by older clouds).
 *
 * @since 0.1.0
 */
import * as Schema from "effect/Schema"

/**
 * @since 0.1.0
 * @category wire
 */
export const Tenant = Schema.Struct({
  id: Schema.String,
  name: Schema.String,
  description: Schema.optional(Schema.NullOr(Schema.String)),
  enabled: Schema.optional(Schema.Boolean)
})

/**
 * @since 0.1.0
 * @category wire
 */
export const TokenInfo = Schema.Struct({
  id: Schema.String,
  expires: Schema.NullOr(Schema.String),
  issued_at: Schema.optional(Schema.String),
  audit_ids: Schema.optional(Schema.Array(Schema.String)),
  tenant: Schema.optional(Tenant)
})

/**
 * One region's endpoint of a v2 `serviceCatalog` entry: all three interfaces in one object.
 *
 * @since 0.1.0
 * @category wire
 */
export const Endpoint = Schema.Struct({
  id: Schema.optional(Schema.String),
  region: Schema.optional(Schema.NullOr(Schema.String)),
  publicURL: Schema.optional(Schema.String),
  internalURL: Schema.optional(Schema.String),
  adminURL: Schema.optional(Schema.String)
})

/**
 * @since 0.1.0
 * @category wire
 */
export const Service = Schema.Struct({
  name: Schema.optional(Schema.String),
  type: Schema.String,
  endpoints: Schema.Array(Endpoint),
  endpoints_links: Schema.optional(Schema.Unknown)
})

/**
 * @since 0.1.0
 * @category wire
 */
export const ServiceCatalog = Schema.Array(Service)

/**
 * @since 0.1.0
 * @category wire
 */
export const User = Schema.Struct({
  id: Schema.String,
  name: Schema.String,
  username: Schema.optional(Schema.String),
  roles: Schema.optional(Schema.Array(Schema.Struct({ id: Schema.optional(Schema.String), name: Schema.String }))),
  roles_links: Schema.optional(Schema.Unknown)
})

/**
 * @since 0.1.0
 * @category wire
 */
export const Trust = Schema.Struct({
  id: Schema.String,
  trustee_user_id: Schema.String,
  trustor_user_id: Schema.String,
  impersonation: Schema.Boolean
})

/**
 * The `access` object of POST and GET /v2.0/tokens.
 *
 * @since 0.1.0
 * @category wire
 */
export const Access = Schema.Struct({
  token: TokenInfo,
  serviceCatalog: Schema.optional(ServiceCatalog),
  user: User,
  metadata: Schema.optional(Schema.Struct({
    is_admin: Schema.optional(Schema.Number),
    roles: Schema.optional(Schema.Array(Schema.String))
  })),
  trust: Schema.optional(Trust)
})

/**
 * @since 0.1.0
 * @category wire
 */
export type Access = typeof Access.Type

/**
 * `{ access: … }`.
 *
 * @since 0.1.0
 * @category wire
 */
export const AccessResponse = Schema.Struct({ access: Access })

/**
 * @since 0.1.0
 * @category wire
 */
export type AccessResponse = typeof AccessResponse.Type

/**
 * GET /v2.0/tokens/{id}/endpoints: a flat list, or `{}` for an unscoped token.
 *
 * @since 0.1.0
 * @category wire
 */
export const EndpointsResponse = Schema.Struct({
  endpoints: Schema.optionalWith(
    Schema.Array(Schema.Struct({ ...Endpoint.fields, name: Schema.optional(Schema.String), type: Schema.String })),
    { default: () => [] }
  ),
  endpoints_links: Schema.optional(Schema.Unknown)
})

/**
 * @since 0.1.0
 * @category wire
 */
export type EndpointsResponse = typeof EndpointsResponse.Type

const Tenancy = {
  tenantName: Schema.optional(Schema.String),
  tenantId: Schema.optional(Schema.String)
}

/**
 * The body of POST /v2.0/tokens.
 *
 * @since 0.1.0
 * @category wire
 */
export const AuthRequest = Schema.Struct({
  auth: Schema.Union(
    Schema.Struct({
      passwordCredentials: Schema.Union(
        Schema.Struct({ username: Schema.String, password: Schema.String }),
        Schema.Struct({ userId: Schema.String, password: Schema.String })
      ),
      ...Tenancy
    }),
    Schema.Struct({ token: Schema.Struct({ id: Schema.String }), ...Tenancy })
  )
})

/**
 * @since 0.1.0
 * @category wire
 */
export type AuthRequest = typeof AuthRequest.Type
