/**
 * @since 0.1.0
 */
export * as Fault from "./Fault.js"

/**
 * @since 0.4.0
 */
export * as Federation from "./Federation.js"

/**
 * @since 0.1.0
 */
export * as KeystoneSim from "./KeystoneSim.js"
