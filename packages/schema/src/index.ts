/**
 * @since 0.1.0
 */
export * as Catalog from "./Catalog.js"
/**
 * @since 0.1.0
 */
export * as ErrorBody from "./ErrorBody.js"
/**
 * @since 0.1.0
 */
export * as Timestamp from "./Timestamp.js"
/**
 * @since 0.1.0
 */
export * as Token from "./Token.js"
/**
 * @since 0.1.0
 */
export * as V2 from "./V2.js"
/**
 * @since 0.1.0
 */
export * as V3 from "./V3.js"
/**
 * @since 0.2.0
 */
export * as Url from "./Url.js"
