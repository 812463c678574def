/**
 * @since 0.1.0
 */
export * as TokenStore from "./TokenStore.js"
/**
 * @since 0.1.0
 */
export * as KeystoneSession from "./KeystoneSession.js"
/**
 * @since 0.2.0
 */
export * as ServiceClient from "./ServiceClient.js"
