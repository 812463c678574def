/**
 * Keystone Identity API v3 wire schemas (token API).
 *
 * Timestamps stay strings here; `Token.fromV3` parses them once while
 * normalizing, so decoding a large catalog does no per-field transformation.
 * Unknown fields are tolerated and dropped.
 *
 * @since 0.1.0
 */
import * as Schema from "effect/Schema"
import { Interface } from "./Catalog.js"

const links = { links: Schema.optional(Schema.Unknown) }

/**
 * @since 0.1.0
 * @category wire
 */
export const Domain = Schema.Struct({ id: Schema.String, name: Schema.String, ...links })

/**
 * `{ id }` or `{ name }`, as sent in requests.
 *
 * @since 0.1.0
 * @category wire
 */
export const DomainRef = Schema.Union(
  Schema.Struct({ id: Schema.String }),
  Schema.Struct({ name: Schema.String })
)

/**
 * @since 0.1.0
 * @category wire
 */
export const User = Schema.Struct({
  id: Schema.String,
  name: Schema.String,
  domain: Schema.optional(Domain),
  password_expires_at: Schema.optional(Schema.NullOr(Schema.String)),
  "OS-FEDERATION": Schema.optional(Schema.Unknown)
})

/**
 * @since 0.1.0
 * @category wire
 */
export const Project = Schema.Struct({
  id: Schema.String,
  name: Schema.String,
  domain: Domain,
  ...links
})

/**
 * @since 0.1.0
 * @category wire
 */
export const Role = Schema.Struct({ id: Schema.String, name: Schema.String })

/**
 * @since 0.1.0
 * @category wire
 */
export const Endpoint = Schema.Struct({
  id: Schema.String,
  interface: Interface,
  region_id: Schema.optional(Schema.NullOr(Schema.String)),
  region: Schema.optional(Schema.NullOr(Schema.String)),
  url: Schema.String
})

/**
 * @since 0.1.0
 * @category wire
 */
export const Service = Schema.Struct({
  id: Schema.String,
  type: Schema.String,
  name: Schema.optional(Schema.String),
  endpoints: Schema.Array(Endpoint)
})

/**
 * @since 0.1.0
 * @category wire
 */
export const Catalog = Schema.Array(Service)

/**
 * @since 0.1.0
 * @category wire
 */
export const ApplicationCredential = Schema.Struct({
  id: Schema.String,
  name: Schema.String,
  restricted: Schema.Boolean,
  access_rules: Schema.optional(Schema.Unknown)
})

/**
 * @since 0.1.0
 * @category wire
 */
export const Trust = Schema.Struct({
  id: Schema.String,
  impersonation: Schema.Boolean,
  trustee_user: Schema.Struct({ id: Schema.String, ...links }),
  trustor_user: Schema.Struct({ id: Schema.String, ...links }),
  ...links
})

/**
 * The `token` object of POST and GET /v3/auth/tokens.
 *
 * @since 0.1.0
 * @category wire
 */
export const TokenBody = Schema.Struct({
  methods: Schema.Array(Schema.String),
  user: User,
  audit_ids: Schema.optional(Schema.Array(Schema.String)),
  expires_at: Schema.NullOr(Schema.String),
  issued_at: Schema.String,
  roles: Schema.optional(Schema.Array(Role)),
  project: Schema.optional(Project),
  domain: Schema.optional(Domain),
  system: Schema.optional(Schema.Struct({ all: Schema.Boolean })),
  is_domain: Schema.optional(Schema.Boolean),
  /** Present when Keystone has an admin project configured (`[resource] admin_project_name`). */
  is_admin_project: Schema.optional(Schema.Boolean),
  catalog: Schema.optional(Catalog),
  application_credential: Schema.optional(ApplicationCredential),
  "OS-TRUST:trust": Schema.optional(Trust)
})

/**
 * @since 0.1.0
 * @category wire
 */
export type TokenBody = typeof TokenBody.Type

/**
 * `{ token: … }`, the body of POST and GET /v3/auth/tokens.
 *
 * @since 0.1.0
 * @category wire
 */
export const TokenResponse = Schema.Struct({ token: TokenBody })

/**
 * @since 0.1.0
 * @category wire
 */
export type TokenResponse = typeof TokenResponse.Type

/**
 * GET /v3/auth/catalog.
 *
 * @since 0.1.0
 * @category wire
 */
export const CatalogResponse = Schema.Struct({ catalog: Catalog, ...links })

/**
 * @since 0.1.0
 * @category wire
 */
export type CatalogResponse = typeof CatalogResponse.Type

/**
 * GET /v3/auth/projects.
 *
 * @since 0.1.0
 * @category wire
 */
export const ProjectsResponse = Schema.Struct({
  projects: Schema.Array(Schema.Struct({
    id: Schema.String,
    name: Schema.String,
    domain_id: Schema.optional(Schema.String),
    enabled: Schema.optional(Schema.Boolean)
  })),
  ...links
})

/**
 * GET /v3/auth/domains.
 *
 * @since 0.1.0
 * @category wire
 */
export const DomainsResponse = Schema.Struct({
  domains: Schema.Array(Schema.Struct({
    id: Schema.String,
    name: Schema.String,
    enabled: Schema.optional(Schema.Boolean)
  })),
  ...links
})

/**
 * GET /v3/auth/system.
 *
 * @since 0.1.0
 * @category wire
 */
export const SystemResponse = Schema.Struct({
  system: Schema.Array(Schema.Struct({ all: Schema.Boolean })),
  ...links
})

/**
 * The body of a 401 that asks for more authentication methods (MFA).
 *
 * @since 0.1.0
 * @category wire
 */
export const ReceiptResponse = Schema.Struct({
  receipt: Schema.Struct({
    methods: Schema.Array(Schema.String),
    user: User,
    expires_at: Schema.String,
    issued_at: Schema.String
  }),
  required_auth_methods: Schema.Array(Schema.Array(Schema.String))
})

/**
 * @since 0.1.0
 * @category wire
 */
export type ReceiptResponse = typeof ReceiptResponse.Type

// ---------------------------------------------------------------------------
// requests
// ---------------------------------------------------------------------------

const UserById = Schema.Struct({ id: Schema.String })
const UserByName = Schema.Struct({ name: Schema.String, domain: DomainRef })

/**
 * @since 0.1.0
 * @category wire
 */
export const PasswordMethod = Schema.Struct({
  user: Schema.Union(
    Schema.Struct({ id: Schema.String, password: Schema.String }),
    Schema.Struct({ name: Schema.String, domain: DomainRef, password: Schema.String })
  )
})

/**
 * @since 0.1.0
 * @category wire
 */
export const TokenMethod = Schema.Struct({ id: Schema.String })

/**
 * @since 0.1.0
 * @category wire
 */
export const ApplicationCredentialMethod = Schema.Union(
  Schema.Struct({ id: Schema.String, secret: Schema.String }),
  Schema.Struct({ name: Schema.String, secret: Schema.String, user: Schema.Union(UserById, UserByName) })
)

/**
 * @since 0.1.0
 * @category wire
 */
export const TotpMethod = Schema.Struct({
  user: Schema.Union(
    Schema.Struct({ id: Schema.String, passcode: Schema.String }),
    Schema.Struct({ name: Schema.String, domain: DomainRef, passcode: Schema.String })
  )
})

/**
 * @since 0.1.0
 * @category wire
 */
export const ScopeRequest = Schema.Union(
  Schema.Struct({
    project: Schema.Union(
      Schema.Struct({ id: Schema.String }),
      Schema.Struct({ name: Schema.String, domain: DomainRef })
    )
  }),
  Schema.Struct({ domain: DomainRef }),
  Schema.Struct({ system: Schema.Struct({ all: Schema.Literal(true) }) }),
  Schema.Struct({ "OS-TRUST:trust": Schema.Struct({ id: Schema.String }) }),
  Schema.Literal("unscoped")
)

/**
 * @since 0.1.0
 * @category wire
 */
export type ScopeRequest = typeof ScopeRequest.Type

/**
 * The body of POST /v3/auth/tokens.
 *
 * @since 0.1.0
 * @category wire
 */
export const AuthRequest = Schema.Struct({
  auth: Schema.Struct({
    identity: Schema.Struct({
      methods: Schema.NonEmptyArray(Schema.Literal("password", "token", "application_credential", "totp")),
      password: Schema.optional(PasswordMethod),
      token: Schema.optional(TokenMethod),
      application_credential: Schema.optional(ApplicationCredentialMethod),
      totp: Schema.optional(TotpMethod)
    }),
    scope: Schema.optional(ScopeRequest)
  })
})

/**
 * @since 0.1.0
 * @category wire
 */
export type AuthRequest = typeof AuthRequest.Type

// ---------------------------------------------------------------------------
// version discovery
// ---------------------------------------------------------------------------

/**
 * One version entry of Keystone's version documents.
 *
 * @since 0.1.0
 * @category wire
 */
export const Version = Schema.Struct({
  id: Schema.String,
  status: Schema.String,
  updated: Schema.optional(Schema.String),
  links: Schema.optional(Schema.Array(Schema.Struct({ rel: Schema.String, href: Schema.String })))
})

/**
 * @since 0.1.0
 * @category wire
 */
export type Version = typeof Version.Type

/**
 * `GET /` (`{ versions: { values } }`) or `GET /v3` (`{ version }`).
 *
 * @since 0.1.0
 * @category wire
 */
export const VersionsResponse = Schema.Union(
  Schema.Struct({ versions: Schema.Struct({ values: Schema.Array(Version) }) }),
  Schema.Struct({ version: Version })
)
