/**
 * Issued tokens and MFA receipts. Ids are random and unguessable; the
 * simulator never logs them.
 */
import * as ids from "./ids.js"

export type TokenScope =
  | { readonly _tag: "Project"; readonly projectId: string }
  | { readonly _tag: "Domain"; readonly domainId: string }
  | { readonly _tag: "System" }
  | { readonly _tag: "Unscoped" }

export interface TokenRecord {
  readonly id: string
  readonly userId: string
  readonly methods: ReadonlyArray<string>
  readonly scope: TokenScope
  readonly roleIds: ReadonlyArray<string>
  /** Epoch millis, whole seconds (Keystone zeroes the fraction). */
  readonly issuedAt: number
  readonly expiresAt: number
  readonly auditIds: ReadonlyArray<string>
  readonly applicationCredentialId?: string
  readonly trustId?: string
}

export type Lookup =
  | { readonly _tag: "Valid"; readonly token: TokenRecord }
  | { readonly _tag: "Unknown" }
  | { readonly _tag: "Expired"; readonly token: TokenRecord }
  | { readonly _tag: "Revoked"; readonly token: TokenRecord }

export interface Receipt {
  readonly id: string
  readonly userId: string
  readonly methods: ReadonlyArray<string>
  readonly issuedAt: number
  readonly expiresAt: number
}

export const wholeSeconds = (millis: number): number => Math.floor(millis / 1000) * 1000

export const make = () => {
  const tokens = new Map<string, TokenRecord>()
  const revoked = new Set<string>()
  const receipts = new Map<string, Receipt>()

  const issue = (fields: Omit<TokenRecord, "id">): TokenRecord => {
    const token: TokenRecord = { ...fields, id: ids.tokenId() }
    tokens.set(token.id, token)
    return token
  }

  /** Within `graceMillis` past expiry an expired token still counts as valid (`allow_expired`). */
  const lookup = (id: string | undefined, now: number, graceMillis = 0): Lookup => {
    const token = id === undefined ? undefined : tokens.get(id)
    if (token === undefined) return { _tag: "Unknown" }
    if (revoked.has(token.id)) return { _tag: "Revoked", token }
    if (now >= token.expiresAt + graceMillis) return { _tag: "Expired", token }
    return { _tag: "Valid", token }
  }

  const createReceipt = (fields: Omit<Receipt, "id">): Receipt => {
    const receipt: Receipt = { ...fields, id: ids.receiptId() }
    receipts.set(receipt.id, receipt)
    return receipt
  }

  const receipt = (id: string, now: number): Receipt | undefined => {
    const r = receipts.get(id)
    return r !== undefined && now < r.expiresAt ? r : undefined
  }

  return {
    issue,
    lookup,
    revoke: (id: string) => {
      if (tokens.has(id)) revoked.add(id)
    },
    revokeAll: () => {
      for (const id of tokens.keys()) revoked.add(id)
    },
    issued: () => tokens.size,
    createReceipt,
    receipt
  }
}

export type TokenStore = ReturnType<typeof make>
