/**
 * The errors of `TokenStore`, defined apart from the public module so that
 * every backend (and the encrypting wrapper) can build them without
 * importing `TokenStore.ts` back (which re-exports them).
 */
import * as Schema from "effect/Schema"

/**
 * The backend could not be reached or written.
 *
 * @since 0.1.0
 * @category errors
 */
export class TokenStoreError extends Schema.TaggedError<TokenStoreError>()("TokenStoreError", {
  /** `memory`, `file`, `redis`, or a hand-written store's own `backend`. */
  backend: Schema.String,
  operation: Schema.Literal("get", "set", "remove", "lock"),
  message: Schema.String
}) {}

/**
 * Encryption could not be set up: a key that is not base64 of at least 32
 * bytes (the message says which, never the key), no key, a store below
 * without `raw` entries, or no WebCrypto.
 *
 * @since 0.2.0
 * @category errors
 */
export class TokenStoreEncryptionError
  extends Schema.TaggedError<TokenStoreEncryptionError>()("TokenStoreEncryptionError", {
    reason: Schema.Literal("InvalidKey", "NoKeys", "UnsupportedStore", "NoWebCrypto"),
    message: Schema.String
  })
{}
