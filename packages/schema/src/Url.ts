/**
 * The URL rules every package shares.
 *
 * @since 0.2.0
 */

/**
 * `url` without trailing slashes: the one form an auth URL, an endpoint's
 * base path or an origin is kept in, so that `…/v3` and `…/v3/` name the
 * same thing and a path can be appended with one `/`.
 *
 * @example
 * ```ts
 * import { Url } from "@effect-keystone/schema"
 *
 * Url.withoutTrailingSlashes("https://keystone.example.com/v3//") // "https://keystone.example.com/v3"
 * ```
 *
 * @since 0.2.0
 * @category urls
 */
export const withoutTrailingSlashes = (url: string): string => url.replace(/\/+$/, "")

/**
 * The Keystone API versions an auth URL may end in.
 *
 * @since 0.6.0
 * @category models
 */
export type ApiVersion = "v3" | "v2.0"

const apiVersionSuffix = /\/(v3|v2\.0)$/

/**
 * The Keystone API version `url` ends in (`…/v3`, `…/v2.0`; trailing
 * slashes ignored), if any.
 *
 * @example
 * ```ts
 * import { Url } from "@effect-keystone/schema"
 *
 * Url.apiVersion("https://keystone.example.com/identity/v3/") // "v3"
 * Url.apiVersion("https://keystone.example.com/identity") // undefined
 * ```
 *
 * @since 0.6.0
 * @category urls
 */
export const apiVersion = (url: string): ApiVersion | undefined =>
  apiVersionSuffix.exec(withoutTrailingSlashes(url))?.[1] as ApiVersion | undefined

/**
 * `url` without trailing slashes and without the Keystone API version it
 * ends in: the root the versions hang from.
 *
 * @example
 * ```ts
 * import { Url } from "@effect-keystone/schema"
 *
 * Url.withoutApiVersion("https://keystone.example.com/identity/v2.0/") // "https://keystone.example.com/identity"
 * ```
 *
 * @since 0.6.0
 * @category urls
 */
export const withoutApiVersion = (url: string): string => withoutTrailingSlashes(url).replace(apiVersionSuffix, "")
