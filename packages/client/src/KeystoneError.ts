/**
 * Every failure a Keystone call can meet, as tagged errors to `catchTag`.
 *
 * Each carries the HTTP `method`, a `url` with any token id masked, Keystone's
 * own `message` and its `x-openstack-request-id` when there was a response.
 *
 * @since 0.1.0
 */
import * as Predicate from "effect/Predicate"
import * as Schema from "effect/Schema"

const context = {
  method: Schema.String,
  url: Schema.String,
  requestId: Schema.optional(Schema.String)
}

const withStatus = { ...context, status: Schema.Number, message: Schema.String }

const retryAfter = { retryAfter: Schema.optional(Schema.DurationFromMillis) }

/**
 * 400: Keystone rejected the request (bad body, contradictory scope).
 *
 * @since 0.1.0
 * @category errors
 */
export class BadRequest extends Schema.TaggedError<BadRequest>()("BadRequest", withStatus) {}

/**
 * 401: bad credentials, or an invalid or expired `X-Auth-Token`.
 *
 * @since 0.1.0
 * @category errors
 */
export class Unauthorized extends Schema.TaggedError<Unauthorized>()("Unauthorized", withStatus) {}

/**
 * 403: authenticated, but not allowed (e.g. the catalog of an unscoped token).
 *
 * @since 0.1.0
 * @category errors
 */
export class Forbidden extends Schema.TaggedError<Forbidden>()("Forbidden", withStatus) {}

/**
 * 404: the subject token is unknown, expired or revoked; or (from
 * `validate` with `belongsTo`) valid but scoped to another project, which the
 * message says.
 *
 * @since 0.1.0
 * @category errors
 */
export class NotFound extends Schema.TaggedError<NotFound>()("NotFound", withStatus) {}

/**
 * 413 or 429, with the server's `Retry-After` when it sent one.
 *
 * @since 0.1.0
 * @category errors
 */
export class RateLimited extends Schema.TaggedError<RateLimited>()("RateLimited", { ...withStatus, ...retryAfter }) {}

/**
 * 503 (and 502, 504): Keystone or a proxy in front of it is not answering.
 *
 * @since 0.1.0
 * @category errors
 */
export class ServiceUnavailable extends Schema.TaggedError<ServiceUnavailable>()(
  "ServiceUnavailable",
  { ...withStatus, ...retryAfter }
) {}

/**
 * Any other status Keystone should not send for this call.
 *
 * @since 0.1.0
 * @category errors
 */
export class UnexpectedStatus extends Schema.TaggedError<UnexpectedStatus>()("UnexpectedStatus", withStatus) {}

/**
 * No response: connection refused or reset, DNS failure, or timeout.
 *
 * @since 0.1.0
 * @category errors
 */
export class TransportError extends Schema.TaggedError<TransportError>()("TransportError", {
  ...context,
  reason: Schema.Literal("Connect", "Reset", "Timeout", "Other"),
  message: Schema.String
}) {}

/**
 * A response that is not what Keystone sends: malformed JSON, an HTML page
 * from a proxy, a missing `X-Subject-Token`, a body of the wrong shape, a
 * token id that is not one (spaces, non-ASCII, `..`), a token whose own
 * timestamps give it no life, or a body over `maxResponseBytes`. Never retried.
 *
 * @since 0.1.0
 * @category errors
 */
export class DecodeError extends Schema.TaggedError<DecodeError>()("DecodeError", {
  ...withStatus,
  contentType: Schema.optional(Schema.String)
}) {}

/**
 * 401 with an MFA receipt: more authentication methods are required. Retry
 * with `Credentials.multiFactor([...], { receipt })`.
 *
 * @since 0.1.0
 * @category errors
 */
export class AuthReceiptRequired extends Schema.TaggedError<AuthReceiptRequired>()("AuthReceiptRequired", {
  ...withStatus,
  receipt: Schema.Redacted(Schema.String),
  requiredMethods: Schema.Array(Schema.Array(Schema.String)),
  methods: Schema.Array(Schema.String)
}) {}

/**
 * An input the client refused before sending anything: `input` names it (the
 * option or argument as you wrote it: `subject`, `auth`, `authUrl`,
 * `version`, `belongsTo`, `allowExpired`, `serviceAuth.token`, `headers`),
 * `message` says why (a token id that is not one path segment of visible
 * ASCII, a header value with CR/LF, an invalid credentials/scope combination).
 * Nothing was sent, and it is never retried.
 *
 * @example
 * ```ts
 * import { KeystoneClient } from "@effect-keystone/client"
 * import { Effect } from "effect"
 *
 * const check = (id: string) =>
 *   Effect.flatMap(KeystoneClient.KeystoneClient, (client) => client.check(id)).pipe(
 *     Effect.catchTag("InvalidInput", (e) => Effect.logWarning(`not checked: ${e.input}: ${e.message}`).pipe(Effect.as(false)))
 *   )
 * ```
 *
 * @since 0.3.0
 * @category errors
 */
export class InvalidInput extends Schema.TaggedError<InvalidInput>()("InvalidInput", {
  input: Schema.String,
  message: Schema.String
}) {}

/**
 * The OpenID Connect / OAuth 2.0 identity provider refused a federated login
 * step: `error` is its RFC 6749 code (`invalid_client` for a wrong client
 * secret, `invalid_grant` for a wrong password, a used or revoked code or
 * refresh token, `expired_token` for a device code that expired before the
 * user approved it, `access_denied` when they refused, …) and `description`
 * its `error_description`, with any secret scrubbed. An IdP that cannot be
 * reached is `TransportError`; a reply that is not OAuth is `DecodeError`.
 *
 * @since 0.3.0
 * @category errors
 */
export class IdentityProviderError extends Schema.TaggedError<IdentityProviderError>()("IdentityProviderError", {
  ...withStatus,
  error: Schema.String,
  description: Schema.optional(Schema.String)
}) {}

/**
 * @since 0.1.0
 * @category errors
 */
export const KeystoneError = Schema.Union(
  InvalidInput,
  BadRequest,
  Unauthorized,
  Forbidden,
  NotFound,
  RateLimited,
  ServiceUnavailable,
  UnexpectedStatus,
  TransportError,
  DecodeError,
  AuthReceiptRequired,
  IdentityProviderError
)

/**
 * @since 0.1.0
 * @category errors
 */
export type KeystoneError = typeof KeystoneError.Type

const TypeId: unique symbol = Symbol.for("@effect-keystone/client/KeystoneError") as any
for (const member of KeystoneError.members) Object.defineProperty(member.prototype, TypeId, { value: TypeId })

/**
 * Whether `u` is one of this module's errors. It looks at the class (a brand
 * on its prototype), not at `_tag`: `@effect/platform`'s `HttpApiError` has a
 * `NotFound`, `Unauthorized`, `Forbidden`, `BadRequest` and
 * `ServiceUnavailable` too, and they are not ours.
 *
 * @since 0.1.0
 * @category refinements
 */
export const isKeystoneError = (u: unknown): u is KeystoneError =>
  Predicate.hasProperty(u, TypeId) && u[TypeId] === TypeId

/**
 * Transient failures: worth retrying after a pause.
 *
 * @since 0.1.0
 * @category refinements
 */
export const isTransient = (e: KeystoneError): e is RateLimited | ServiceUnavailable | TransportError =>
  e._tag === "RateLimited" || e._tag === "ServiceUnavailable" || e._tag === "TransportError"
