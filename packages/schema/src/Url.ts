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
