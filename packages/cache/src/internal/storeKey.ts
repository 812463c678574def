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
 * What tells two logins apart when the description alone does not: a token,
 * an IdP access token or an authorization code names no user, so a one-way
 * hash of it goes into the key (two callers with different tokens never
 * share an entry).
 */
const secretIdentity = (c: Auth.Auth["credentials"]): string => {
  const secret = c._tag === "ExistingToken"
    ? c.token
    : c._tag === "OpenIdConnect" && c.flow._tag === "AccessToken"
    ? c.flow.accessToken
    : c._tag === "OpenIdConnect" && c.flow._tag === "AuthorizationCode"
    ? c.flow.code
    : undefined
  return secret === undefined ? "" : `|${sha256Hex(Redacted.value(secret))}`
}

/**
 * @since 0.1.0
 * @internal
 */
export const key = (input: { readonly authUrl: string; readonly auth: Auth.Auth }): StoreKey => {
  const c = input.auth.credentials
  const extra = secretIdentity(c)
  return sha256Hex(`${Url.withoutTrailingSlashes(input.authUrl)}|${Auth.describe(input.auth)}${extra}`).slice(0, 40) as StoreKey
}
