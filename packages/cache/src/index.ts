/**
 * @since 0.1.0
 */
export * as TokenStore from "./TokenStore.js"
/**
 * @since 0.1.0
 */
export * as KeystoneSession from "./KeystoneSession.js"
