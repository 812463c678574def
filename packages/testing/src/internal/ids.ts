/**
 * Random identifiers. Token ids must be unguessable, so they come from the
 * platform's CSPRNG, not from Effect's `Random`.
 */

const base64url = (bytes: Uint8Array): string => {
  let binary = ""
  for (const b of bytes) binary += String.fromCharCode(b)
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "")
}

const randomBytes = (n: number): Uint8Array => globalThis.crypto.getRandomValues(new Uint8Array(n))

/** Shaped like a Fernet token: `gAAAAAB` and about 180 characters of random base64url. */
export const tokenId = (): string => `gAAAAAB${base64url(randomBytes(136))}`

/** Keystone's audit ids: url-safe base64 of 16 random bytes, padding dropped (22 chars). */
export const auditId = (): string => base64url(randomBytes(16))

/** Receipt ids look like tokens too. */
export const receiptId = (): string => `gAAAAAB${base64url(randomBytes(48))}`

/** `x-openstack-request-id`. */
export const requestId = (): string => `req-${globalThis.crypto.randomUUID()}`

/** Keystone's resource ids: a uuid4 in hex, without dashes. */
export const hexId = (): string => globalThis.crypto.randomUUID().replace(/-/g, "")
