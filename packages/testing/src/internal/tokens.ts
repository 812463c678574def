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
  /** A federated login's: where it came from and the groups it was mapped to. */
  readonly federation?: FederatedLogin
}

export interface FederatedLogin {
  readonly identityProviderId: string
  readonly protocolId: string
  readonly groupIds: ReadonlyArray<string>
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

/**
 * A revocation event (Keystone's `revocation_event` row): it covers every
 * token issued at or before `issuedBefore` whose audit id and user match
 * the ones it names. Times are whole seconds, as Keystone stores them.
 */
export interface RevokeEvent {
  readonly auditId?: string
  readonly userId?: string
  readonly issuedBefore: number
  readonly revokedAt: number
}

const covers = (event: RevokeEvent, token: TokenRecord) =>
  token.issuedAt <= event.issuedBefore &&
  (event.auditId === undefined || event.auditId === token.auditIds[0]) &&
  (event.userId === undefined || event.userId === token.userId)

export const make = () => {
  const tokens = new Map<string, TokenRecord>()
  const revoked = new Set<string>()
  const events: Array<RevokeEvent> = []
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
    if (revoked.has(token.id) || events.some((e) => e.userId !== undefined && covers(e, token))) {
      return { _tag: "Revoked", token }
    }
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

  /** Keystone's `revoke_by_audit_id`: the token, and an event naming its audit id. */
  const revoke = (id: string, now: number) => {
    const token = tokens.get(id)
    if (token === undefined || revoked.has(id)) return
    revoked.add(id)
    const at = wholeSeconds(now)
    events.push({ auditId: token.auditIds[0]!, issuedBefore: at, revokedAt: at })
  }

  return {
    issue,
    lookup,
    revoke,
    revokeAll: (now: number) => {
      for (const id of tokens.keys()) revoke(id, now)
    },
    /** Keystone's `revoke_by_user` (password change, user disabled): every token of the user issued until now. */
    revokeUser: (userId: string, now: number) => {
      const at = wholeSeconds(now)
      events.push({ userId, issuedBefore: at, revokedAt: at })
    },
    /** Events revoked strictly after `since` (Keystone compares whole seconds), oldest first. */
    events: (since: number | undefined) => events.filter((e) => since === undefined || e.revokedAt > since),
    issued: () => tokens.size,
    createReceipt,
    receipt
  }
}

export type TokenStore = ReturnType<typeof make>
