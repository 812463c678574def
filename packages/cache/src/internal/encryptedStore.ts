/**
 * `TokenStore.makeEncrypted`: entries sealed with AES-256-GCM (WebCrypto,
 * `sealing.ts`) through the backend's `raw` entries.
 *
 * Stored form: `ek1.<kid>.<nonce>.<ciphertext>` (see `sealing.ts`); the
 * associated data binds the store key in (`ek1|<kid>|<store key>`). The
 * plaintext is the usual envelope (`TokenStore.encode`).
 */
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Option from "effect/Option"
import type * as Redacted from "effect/Redacted"
import type * as TokenStore from "../TokenStore.js"
import * as Envelope from "./envelope.js"
import * as Sealing from "./sealing.js"
import { TokenStoreEncryptionError, TokenStoreError } from "./storeErrors.js"
import * as StoreMetrics from "./storeMetrics.js"

/**
 * @since 0.2.0
 * @internal
 */
export const make = (
  store: TokenStore.TokenStoreService,
  secrets: ReadonlyArray<Redacted.Redacted<string>>
): Effect.Effect<TokenStore.TokenStoreService, TokenStoreEncryptionError> =>
  Effect.gen(function*() {
    if (globalThis.crypto?.subtle === undefined) {
      return yield* Effect.fail(
        new TokenStoreEncryptionError({ reason: "NoWebCrypto", message: "globalThis.crypto.subtle is not available" })
      )
    }
    const raw = store.raw
    if (raw === undefined) {
      return yield* Effect.fail(
        new TokenStoreEncryptionError({
          reason: "UnsupportedStore",
          message: `the ${store.backend} store below cannot hold encrypted entries`
        })
      )
    }
    const sealing = yield* Sealing.make(secrets)
    const annotations = (key: TokenStore.StoreKey) => ({ backend: store.backend, key, encrypted: true })

    const sealed: TokenStore.RawEntries = {
      get: (key) =>
        Effect.flatMap(raw.get(key), (stored) =>
          Option.isNone(stored)
            ? Effect.succeedNone
            : Effect.flatMap(sealing.open(key, stored.value), (opened) =>
              Either.isLeft(opened)
                ? Envelope.warnMiss(annotations(key), opened.left)
                : Effect.succeedSome(opened.right))),
      set: (key, plaintext, expiresAt) =>
        sealing.seal(key, plaintext).pipe(
          Effect.mapError(() =>
            new TokenStoreError({ backend: store.backend, operation: "set", message: `set ${key}: encryption failed` })
          ),
          Effect.flatMap((value) => raw.set(key, value, expiresAt))
        )
    }
    const { get, set } = Envelope.entries(sealed, annotations)

    // counted as `encrypted`; `remove` and the lock are the backend's (and counted there)
    return {
      backend: store.backend,
      ...StoreMetrics.entries("encrypted", { get, set }),
      remove: store.remove,
      withLock: store.withLock
    } satisfies TokenStore.TokenStoreService
  })
