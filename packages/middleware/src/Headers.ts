/**
 * keystonemiddleware's request headers: the ones it sets for the service
 * behind it (and which this middleware therefore always removes from the
 * incoming request first, so a caller cannot plant them), and their values
 * for a validated identity.
 *
 * @since 0.1.0
 */
import type { Catalog } from "@effect-keystone/schema"
import type { Identity, Principal } from "./Identity.js"
import * as internal from "./internal/headers.js"

/**
 * Every header the middleware sets, lowercase. Each is removed from every
 * incoming request, whatever the verdict. (keystonemiddleware leaves an
 * incoming `OpenStack-System-Scope` in place when the token is invalid; this
 * list has it.) `X-System-Scope` is not a keystonemiddleware header but is
 * removed too, as a likely spoof.
 *
 * @since 0.1.0
 * @category names
 */
export const managed: ReadonlyArray<string> = internal.managed

/**
 * Whether `name` (any case) is one of the headers the middleware owns.
 *
 * @since 0.1.0
 * @category names
 */
export const isManaged: (name: string) => boolean = internal.isManaged

/**
 * A v3 catalog in the v2.0 shape keystonemiddleware puts in
 * `X-Service-Catalog`: per service, one entry per region with
 * `publicURL` / `internalURL` / `adminURL`.
 *
 * @since 0.1.0
 * @category values
 */
export const serviceCatalog: (catalog: Catalog.Catalog) => string = internal.serviceCatalog

/**
 * The headers keystonemiddleware sets for a request: `X-Identity-Status`
 * always (the user token's status alone), `X-Service-Identity-Status` when
 * a service token came, the user's
 * headers (and deprecated aliases, `X-Is-Admin-Project`,
 * `OpenStack-System-Scope` for a system-scoped token, `X-Service-Catalog`
 * when the principal carries a catalog) when the user token is valid, and
 * `X-Service-*` when the service token is.
 *
 * @since 0.1.0
 * @category values
 */
export const forRequest = (input: {
  readonly user: Principal | null
  readonly userValid: boolean
  readonly service: Principal | null
  readonly serviceTokenSent: boolean
  readonly serviceValid: boolean
}): Record<string, string> => internal.forRequest(input)

/**
 * The headers for a confirmed identity.
 *
 * @since 0.1.0
 * @category values
 */
export const forIdentity = (identity: Identity): Record<string, string> =>
  forRequest({
    user: identity,
    userValid: true,
    service: identity.service,
    serviceTokenSent: identity.service !== null,
    serviceValid: identity.service !== null
  })

/**
 * `WWW-Authenticate` on a 401: where to get a token.
 *
 * @since 0.1.0
 * @category values
 */
export const wwwAuthenticate: (uri: string) => string = internal.wwwAuthenticate
