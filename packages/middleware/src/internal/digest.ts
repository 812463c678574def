/**
 * Lowercase hex SHA-256 of a string's UTF-8, synchronously: the key a token
 * is remembered under (never the token). Where the runtime offers Node's
 * one-shot `crypto.hash` (Node ≥ 20.12, Bun; found through
 * `process.getBuiltinModule`, so nothing here imports a `node:` module) it
 * is used: about 5× faster than the portable `@noble/hashes` on a token id,
 * a third of a cached request's time otherwise. Elsewhere (browsers,
 * workers, Deno without it) `@noble/hashes`. Both compute the same digest.
 *
 * @internal
 */
import { sha256 as nobleSha256 } from "@noble/hashes/sha2.js"
import { bytesToHex, utf8ToBytes } from "@noble/hashes/utils.js"

type Hash = (algorithm: "sha256", data: string, encoding: "hex") => string

/** The portable implementation. @internal */
export const sha256HexPortable = (text: string): string => bytesToHex(nobleSha256(utf8ToBytes(text)))

const nativeHash = (): ((text: string) => string) | undefined => {
  try {
    const getBuiltinModule = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process
      ?.getBuiltinModule
    const crypto = typeof getBuiltinModule === "function"
      ? (getBuiltinModule("node:crypto") as { hash?: unknown } | undefined)
      : undefined
    const hash = crypto?.hash
    if (typeof hash !== "function") return undefined
    const native = (text: string) => (hash as Hash)("sha256", text, "hex")
    // trust it only if it agrees with the portable digest (UTF-8 of non-ASCII text included)
    const probe = "effect-keystone \u00e9\u4e2d\ud83d\udd11"
    return native(probe) === sha256HexPortable(probe) ? native : undefined
  } catch {
    return undefined
  }
}

let selected: ((text: string) => string) | undefined

/** @internal */
export const sha256Hex = (text: string): string => (selected ??= nativeHash() ?? sha256HexPortable)(text)
