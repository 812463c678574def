/**
 * @since 0.1.0
 */
export * as Auth from "./Auth.js"
/**
 * @since 0.1.0
 */
export * as Credentials from "./Credentials.js"
/**
 * @since 0.1.0
 */
export * as KeystoneClient from "./KeystoneClient.js"
/**
 * @since 0.1.0
 */
export * as KeystoneError from "./KeystoneError.js"
/**
 * @since 0.1.0
 */
export * as AuthScope from "./AuthScope.js"
/**
 * @since 0.1.0
 */
export * as OpenStackConfig from "./OpenStackConfig.js"
/**
 * @since 0.3.0
 */
export * as CallerToken from "./CallerToken.js"
/**
 * @since 0.3.0
 */
export * as Retry from "./Retry.js"
/**
 * @since 0.4.0
 */
export * as KeystoneMetrics from "./KeystoneMetrics.js"
/**
 * @since 0.4.0
 */
export * as TokenHeaders from "./TokenHeaders.js"
/**
 * @since 0.6.0
 */
export * as Memo from "./Memo.js"
