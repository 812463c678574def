/**
 * Store keys: SHA-256 (`@noble/hashes`, plain JavaScript, so the main entry
 * needs no `node:crypto` and `key` stays synchronous), the same digests
 * `node:crypto` gave, so existing entries keep their keys.
 *
 * @internal
 */
import * as Auth from "@effect-keystone/client/Auth"
import { Url } from "@effect-keystone/schema"
import { sha256 } from "@noble/hashes/sha2.js"
import { bytesToHex, utf8ToBytes } from "@noble/hashes/utils.js"
import * as Redacted from "effect/Redacted"
import type { StoreKey } from "../TokenStore.js"

/**
 * The SHA-256 of `text` (UTF-8) in hex.
 *
 * @internal
 */
export const sha256Hex = (text: string): string => bytesToHex(sha256(utf8ToBytes(text)))

/**
 * @since 0.1.0
 * @internal
 */
export const key = (input: { readonly authUrl: string; readonly auth: Auth.Auth }): StoreKey => {
  const c = input.auth.credentials
  const extra = c._tag === "ExistingToken" ? `|${sha256Hex(Redacted.value(c.token))}` : ""
  return sha256Hex(`${Url.withoutTrailingSlashes(input.authUrl)}|${Auth.describe(input.auth)}${extra}`).slice(0, 40) as StoreKey
}
