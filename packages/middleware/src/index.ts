/**
 * @since 0.1.0
 */
export * as AuthToken from "./AuthToken.js"
/**
 * @since 0.1.0
 */
export * as AuthTokenHttp from "./AuthTokenHttp.js"
/**
 * @since 0.1.0
 */
export * as Fetch from "./Fetch.js"
/**
 * @since 0.1.0
 */
export * as Headers from "./Headers.js"
/**
 * @since 0.1.0
 */
export * as Identity from "./Identity.js"
/**
 * @since 0.6.0
 */
export * as RevocationFeed from "./RevocationFeed.js"
