/**
 * The normalized token that v3 and v2.0 responses both decode into.
 *
 * @since 0.1.0
 */
import * as DateTime from "effect/DateTime"
import * as Duration from "effect/Duration"
import * as Either from "effect/Either"
import * as Option from "effect/Option"
import * as ParseResult from "effect/ParseResult"
import * as Redacted from "effect/Redacted"
import * as Schema from "effect/Schema"
import * as Catalog from "./Catalog.js"
import * as CatalogText from "./internal/catalogText.js"
import * as FastV3 from "./internal/fastV3.js"
import { optionalTimestamp, v3Scope } from "./internal/tokenFields.js"
import * as Timestamp from "./Timestamp.js"
import * as V2 from "./V2.js"
import * as V3 from "./V3.js"

/**
 * @since 0.1.0
 * @category models
 */
export const NamedRef = Schema.Struct({ id: Schema.String, name: Schema.String })

/**
 * @since 0.1.0
 * @category models
 */
export type NamedRef = typeof NamedRef.Type

/**
 * @since 0.1.0
 * @category models
 */
export const UserInfo = Schema.Struct({
  id: Schema.String,
  name: Schema.String,
  domain: Schema.NullOr(NamedRef)
})

/**
 * @since 0.1.0
 * @category models
 */
export type UserInfo = typeof UserInfo.Type

/**
 * @since 0.1.0
 * @category models
 */
export const RoleInfo = Schema.Struct({ id: Schema.NullOr(Schema.String), name: Schema.String })

/**
 * @since 0.1.0
 * @category models
 */
export type RoleInfo = typeof RoleInfo.Type

/**
 * Scoped to a project (v2.0: a tenant, whose domain is not known: `null`).
 *
 * @since 0.1.0
 * @category scope
 */
export const ProjectScope = Schema.TaggedStruct("Project", {
  id: Schema.String,
  name: Schema.String,
  domain: Schema.NullOr(NamedRef)
})

/**
 * @since 0.1.0
 * @category scope
 */
export const DomainScope = Schema.TaggedStruct("Domain", { id: Schema.String, name: Schema.String })

/**
 * @since 0.1.0
 * @category scope
 */
export const SystemScope = Schema.TaggedStruct("System", { all: Schema.Boolean })

/**
 * Trust-scoped: acting for the trustor, usually within a project.
 *
 * @since 0.1.0
 * @category scope
 */
export const TrustScope = Schema.TaggedStruct("Trust", {
  id: Schema.String,
  impersonation: Schema.Boolean,
  trusteeUserId: Schema.String,
  trustorUserId: Schema.String,
  project: Schema.NullOr(Schema.Struct({ id: Schema.String, name: Schema.String, domain: Schema.NullOr(NamedRef) }))
})

/**
 * @since 0.1.0
 * @category scope
 */
export const Unscoped = Schema.TaggedStruct("Unscoped", {})

/**
 * @since 0.1.0
 * @category scope
 */
export const TokenScope = Schema.Union(ProjectScope, DomainScope, SystemScope, TrustScope, Unscoped)

/**
 * @since 0.1.0
 * @category scope
 */
export type TokenScope = typeof TokenScope.Type

/**
 * @since 0.1.0
 * @category models
 */
export const ApplicationCredentialInfo = Schema.Struct({
  id: Schema.String,
  name: Schema.String,
  restricted: Schema.Boolean
})

/**
 * A Keystone token, whichever API version issued it. The id is `Redacted`;
 * `expiresAt` is `None` for a token that never expires. Encodes to plain
 * JSON and back without loss (this is what token stores keep).
 *
 * @since 0.1.0
 * @category models
 */
export class Token extends Schema.Class<Token>("Token")({
  id: Schema.Redacted(Schema.String),
  version: Schema.Literal("v3", "v2.0"),
  issuedAt: Schema.OptionFromNullOr(Schema.DateTimeUtc),
  expiresAt: Schema.OptionFromNullOr(Schema.DateTimeUtc),
  user: UserInfo,
  scope: TokenScope,
  roles: Schema.Array(RoleInfo),
  catalog: Catalog.Catalog,
  methods: Schema.Array(Schema.String),
  auditIds: Schema.Array(Schema.String),
  applicationCredential: Schema.optionalWith(ApplicationCredentialInfo, { exact: true }),
  /**
   * v3 `is_admin_project`, when Keystone sent it (it does when an admin
   * project is configured); absent means Keystone's default, `true`.
   *
   * @since 0.2.0
   */
  isAdminProject: Schema.optionalWith(Schema.Boolean, { exact: true })
}) {}

/**
 * @since 0.1.0
 * @category schemas
 */
export const TokenFromJson = Schema.parseJson(Token)

/**
 * Normalizes a decoded v3 token body. The id comes from `X-Subject-Token`.
 *
 * @since 0.1.0
 * @category constructors
 */
export const fromV3 = (id: Redacted.Redacted<string>, t: V3.TokenBody): Either.Either<Token, ParseResult.ParseError> =>
  fromV3With(id, t, Catalog.fromV3(t.catalog))

// plain code, not `Either.gen`: a generator per decode makes V8 keep the
// parsed body alive across young-generation collections (measured: 3× the
// decode time of a 32 KiB token in collections alone)
const fromV3With = (
  id: Redacted.Redacted<string>,
  t: V3.TokenBody,
  catalog: Catalog.Catalog
): Either.Either<Token, ParseResult.ParseError> => {
  const issuedAt = optionalTimestamp(t.issued_at, ["token", "issued_at"])
  if (Either.isLeft(issuedAt)) return Either.left(issuedAt.left)
  const expiresAt = optionalTimestamp(t.expires_at, ["token", "expires_at"])
  if (Either.isLeft(expiresAt)) return Either.left(expiresAt.left)
  const ac = t.application_credential
  return Either.right(
    new Token({
      id,
      version: "v3",
      issuedAt: issuedAt.right,
      expiresAt: expiresAt.right,
      user: {
        id: t.user.id,
        name: t.user.name,
        domain: t.user.domain === undefined ? null : { id: t.user.domain.id, name: t.user.domain.name }
      },
      scope: v3Scope(t),
      roles: t.roles === undefined ? [] : t.roles.map((r) => ({ id: r.id, name: r.name })),
      catalog,
      methods: t.methods,
      auditIds: t.audit_ids ?? [],
      ...(ac === undefined ? {} : { applicationCredential: { id: ac.id, name: ac.name, restricted: ac.restricted } }),
      ...(t.is_admin_project === undefined ? {} : { isAdminProject: t.is_admin_project })
    }, { disableValidation: true })
  )
}

const decodeV3Response = Schema.decodeUnknownEither(V3.TokenResponse)

/**
 * Decodes a v3 `{ token: … }` body (already parsed JSON) with its id.
 *
 * @since 0.1.0
 * @category decoding
 *
 * @example
 * ```ts
 * const token = Token.decodeV3(Redacted.make(response.headers["x-subject-token"]), JSON.parse(body))
 * ```
 */
export const decodeV3 = (id: Redacted.Redacted<string>, body: unknown): Either.Either<Token, ParseResult.ParseError> => {
  const plain = FastV3.tokenResponse(body)
  const catalog = plain === undefined ? undefined : FastV3.catalog(plain.token.catalog)
  return catalog !== undefined
    ? fromV3With(id, plain!.token, catalog)
    : Either.flatMap(decodeV3Response(body), (r) => fromV3(id, r.token))
}

/**
 * Decodes a v3 `{ token: … }` body from its text, as `decodeV3(id,
 * JSON.parse(text))` does, faster for the tokens of one project: once a
 * catalog has been decoded twice in a row, a body whose catalog is the same
 * text, byte for byte, is parsed without it (the rest of the body is always
 * parsed and checked) and gets the catalog already made. Text that is not
 * JSON is a `ParseError` saying so.
 *
 * @since 0.7.0
 * @category decoding
 *
 * @example
 * ```ts
 * const token = Token.decodeV3Text(Redacted.make(response.headers["x-subject-token"]), await response.text())
 * ```
 */
export const decodeV3Text = (id: Redacted.Redacted<string>, text: string): Either.Either<Token, ParseResult.ParseError> => {
  let parsed: ReturnType<typeof CatalogText.parse>
  try {
    parsed = CatalogText.parse(text)
  } catch (e) {
    const issue = new ParseResult.Type(V3.TokenResponse.ast, undefined, `Expected a JSON body: ${(e as Error).message}`)
    return Either.left(new ParseResult.ParseError({ issue }))
  }
  const plain = FastV3.tokenResponse(parsed.body)
  if (parsed.catalog !== undefined) {
    // the rest not plainly a token: the whole body, through the schema
    return plain !== undefined ? fromV3With(id, plain.token, parsed.catalog) : decodeV3(id, JSON.parse(text))
  }
  const before = FastV3.lastCatalog()
  const catalog = plain === undefined ? undefined : FastV3.catalog(plain.token.catalog)
  if (catalog === undefined) return Either.flatMap(decodeV3Response(parsed.body), (r) => fromV3(id, r.token))
  if (catalog === before && catalog.services.length > 0) CatalogText.remember(text, catalog)
  return fromV3With(id, plain!.token, catalog)
}

/**
 * Normalizes a decoded v2.0 `access` object. The id is `access.token.id`.
 *
 * @since 0.1.0
 * @category constructors
 */
export const fromV2 = (access: V2.Access): Either.Either<Token, ParseResult.ParseError> => {
  const issuedAt = optionalTimestamp(access.token.issued_at, ["access", "token", "issued_at"])
  if (Either.isLeft(issuedAt)) return Either.left(issuedAt.left)
  const expiresAt = optionalTimestamp(access.token.expires, ["access", "token", "expires"])
  if (Either.isLeft(expiresAt)) return Either.left(expiresAt.left)
  const tenant = access.token.tenant
  const project = tenant === undefined ? null : { id: tenant.id, name: tenant.name, domain: null }
  const scope: TokenScope = access.trust !== undefined
    ? {
      _tag: "Trust",
      id: access.trust.id,
      impersonation: access.trust.impersonation,
      trusteeUserId: access.trust.trustee_user_id,
      trustorUserId: access.trust.trustor_user_id,
      project
    }
    : project !== null
    ? { _tag: "Project", ...project }
    : { _tag: "Unscoped" }
  return Either.right(new Token({
    id: Redacted.make(access.token.id),
    version: "v2.0",
    issuedAt: issuedAt.right,
    expiresAt: expiresAt.right,
    user: { id: access.user.id, name: access.user.name, domain: null },
    scope,
    roles: (access.user.roles ?? []).map((r) => ({ id: r.id ?? null, name: r.name })),
    catalog: Catalog.fromV2(access.serviceCatalog),
    methods: [],
    auditIds: access.token.audit_ids ?? []
  }, { disableValidation: true }))
}

const decodeV2Response = Schema.decodeUnknownEither(V2.AccessResponse)

/**
 * Decodes a v2.0 `{ access: … }` body (already parsed JSON).
 *
 * @since 0.1.0
 * @category decoding
 */
export const decodeV2 = (body: unknown): Either.Either<Token, ParseResult.ParseError> =>
  Either.flatMap(decodeV2Response(body), (r) => fromV2(r.access))

/**
 * Whether the token has expired at `now`. A token with no expiry never does.
 *
 * @since 0.1.0
 * @category predicates
 */
export const isExpired = (token: Token, now: DateTime.Utc): boolean =>
  Option.match(token.expiresAt, { onNone: () => false, onSome: (exp) => !DateTime.lessThan(now, exp) })

/**
 * `expiresAt − issuedAt`: how long Keystone meant the token to live. `None`
 * when either end is unknown or the token never expires.
 *
 * @since 0.1.0
 * @category getters
 */
export const lifetime = (token: Token): Option.Option<Duration.Duration> =>
  Option.zipWith(token.issuedAt, token.expiresAt, (i, e) =>
    Duration.millis(Math.max(0, DateTime.toEpochMillis(e) - DateTime.toEpochMillis(i))))

/**
 * The renewal rule of the library: a token living `lifetimeMillis` is renewed
 * this long (millis) before it expires: `configuredMillis` if given, else
 * max(2 minutes, 10% of the lifetime); never more than half the lifetime.
 * `KeystoneSession` and the on-demand `CallerToken` both renew by it.
 *
 * @since 0.3.0
 * @category renewal
 */
export const renewalMarginMillis = (lifetimeMillis: number, configuredMillis?: number | undefined): number => {
  if (!Number.isFinite(lifetimeMillis)) return configuredMillis ?? renewalMinimumMarginMillis
  const wanted = configuredMillis ?? Math.max(renewalMinimumMarginMillis, lifetimeMillis * renewalMarginShare)
  return Math.max(0, Math.min(wanted, lifetimeMillis / 2))
}

/**
 * The smallest default renewal margin: 2 minutes.
 *
 * @since 0.3.0
 * @category renewal
 */
export const renewalMinimumMarginMillis = 2 * 60_000

/**
 * The default renewal margin as a share of the lifetime: 10%.
 *
 * @since 0.3.0
 * @category renewal
 */
export const renewalMarginShare = 0.1

/**
 * The project id the token is scoped to (directly or through a trust).
 *
 * @since 0.1.0
 * @category getters
 */
export const projectId = (token: Token): string | undefined =>
  token.scope._tag === "Project" ? token.scope.id : token.scope._tag === "Trust" ? token.scope.project?.id : undefined

/**
 * Equivalence that compares every field, including the redacted id.
 *
 * @since 0.1.0
 * @category equivalence
 */
export const equivalence = Schema.equivalence(Token)
