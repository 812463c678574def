/**
 * Keystone's revocation events (`GET /v3/OS-REVOKE/events`) and which tokens
 * they cover, as Keystone's own `revoke_model.matches` decides: every field an
 * event names must match the token; a field we cannot compare (OAuth1) counts
 * as a match, so doubt drops a cached entry rather than keeps it.
 *
 * @internal
 */
import type { Token } from "@effect-keystone/schema"
import { Timestamp } from "@effect-keystone/schema"
import * as DateTime from "effect/DateTime"
import * as Option from "effect/Option"
import * as Schema from "effect/Schema"

const optionalString = Schema.optional(Schema.NullOr(Schema.String))

/** @internal */
export const Event = Schema.Struct({
  audit_id: optionalString,
  audit_chain_id: optionalString,
  user_id: optionalString,
  project_id: optionalString,
  domain_id: optionalString,
  domain_scope_id: optionalString,
  role_id: optionalString,
  expires_at: optionalString,
  issued_before: optionalString,
  revoked_at: optionalString,
  "OS-TRUST:trust_id": optionalString,
  "OS-OAUTH1:consumer_id": optionalString,
  "OS-OAUTH1:access_token_id": optionalString
})

/** @internal */
export type Event = typeof Event.Type

/** @internal */
export const EventsResponse = Schema.Struct({ events: Schema.Array(Event) })

const seconds = (text: string | null | undefined): number | undefined => {
  if (text === null || text === undefined) return undefined
  const parsed = Timestamp.parse(text)
  return parsed === undefined ? Number.NaN : Math.floor(DateTime.toEpochMillis(parsed) / 1000)
}

const millis = (text: string | null | undefined): number | undefined => {
  if (text === null || text === undefined) return undefined
  const parsed = Timestamp.parse(text)
  return parsed === undefined ? Number.NaN : DateTime.toEpochMillis(parsed)
}

const present = (v: string | null | undefined): v is string => typeof v === "string"

/**
 * Whether `event` covers `token`. A timestamp that does not parse counts as
 * a match (doubt evicts).
 *
 * @internal
 */
export const matches = (event: Event, token: Token.Token): boolean => {
  const scope = token.scope
  const trust = scope._tag === "Trust" ? scope : undefined
  const project = scope._tag === "Project" ? scope : trust?.project ?? null
  const userDomain = token.user.domain?.id
  const assignmentDomain = scope._tag === "Domain" ? scope.id : project?.domain?.id
  const domainScoped = present(event.domain_id) && present(event.expires_at)

  if (present(event.audit_id) && token.auditIds[0] !== event.audit_id) return false
  if (present(event.audit_chain_id) && !token.auditIds.includes(event.audit_chain_id)) return false
  if (
    present(event.user_id) &&
    event.user_id !== token.user.id && event.user_id !== trust?.trustorUserId && event.user_id !== trust?.trusteeUserId
  ) return false
  if (present(event.project_id) && event.project_id !== project?.id) return false
  if (present(event.domain_scope_id) && event.domain_scope_id !== assignmentDomain) return false
  if (domainScoped && event.domain_id !== assignmentDomain) return false
  if (
    !domainScoped && present(event.domain_id) && event.domain_id !== userDomain && event.domain_id !== assignmentDomain
  ) return false
  if (present(event.role_id) && !token.roles.some((r) => r.id === event.role_id)) return false
  if (present(event["OS-TRUST:trust_id"]) && event["OS-TRUST:trust_id"] !== trust?.id) return false
  const expires = seconds(event.expires_at)
  if (expires !== undefined && !Number.isNaN(expires)) {
    const tokenExpires = Option.map(token.expiresAt, (e) => Math.floor(DateTime.toEpochMillis(e) / 1000))
    if (Option.isSome(tokenExpires) && tokenExpires.value !== expires) return false
  }
  const before = millis(event.issued_before)
  if (before !== undefined && !Number.isNaN(before) && Option.isSome(token.issuedAt)) {
    if (DateTime.toEpochMillis(token.issuedAt.value) > before) return false
  }
  return true
}

interface Held {
  readonly key: string
  readonly event: Event
  readonly receivedAt: number
}

/**
 * The events seen lately, checked on every use of a cached validation: by
 * audit id in a map (what `DELETE /v3/auth/tokens` makes), the rest in a
 * list. Events are kept for `retainMillis` after they arrive (the longest a
 * cached validation made before them can live), at most `capacity` of them;
 * `add` reports when older ones had to go early, and the cache is then
 * dropped whole.
 *
 * @internal
 */
export interface Index {
  /** Adds events; returns those not seen before, and whether the capacity forced older ones out. */
  readonly add: (
    events: ReadonlyArray<Event>,
    now: number
  ) => { readonly fresh: ReadonlyArray<Event>; readonly overflow: boolean }
  readonly covers: (token: Token.Token) => boolean
  readonly size: () => number
}

const keyOf = (event: Event): string =>
  JSON.stringify(Object.entries(event).filter(([, v]) => v !== undefined && v !== null).sort(([a], [b]) => a < b ? -1 : 1))

/** @internal */
export const makeIndex = (retainMillis: number, capacity: number): Index => {
  // in arrival order
  let held: Array<Held> = []
  const keys = new Set<string>()
  const byAuditId = new Map<string, Array<Held>>()

  const forget = (h: Held) => {
    keys.delete(h.key)
    if (present(h.event.audit_id)) {
      const list = byAuditId.get(h.event.audit_id)?.filter((x) => x !== h) ?? []
      if (list.length === 0) byAuditId.delete(h.event.audit_id)
      else byAuditId.set(h.event.audit_id, list)
    }
  }

  const add = (events: ReadonlyArray<Event>, now: number) => {
    const expired = held.findIndex((h) => now - h.receivedAt <= retainMillis)
    const stale = expired === -1 ? held : held.slice(0, expired)
    stale.forEach(forget)
    held = expired === -1 ? [] : held.slice(expired)
    const fresh: Array<Event> = []
    for (const event of events) {
      const key = keyOf(event)
      if (keys.has(key)) continue
      keys.add(key)
      fresh.push(event)
      const h: Held = { key, event, receivedAt: now }
      held.push(h)
      if (present(event.audit_id)) {
        const list = byAuditId.get(event.audit_id)
        if (list === undefined) byAuditId.set(event.audit_id, [h])
        else list.push(h)
      }
    }
    const overflow = held.length > capacity
    if (overflow) {
      held.slice(0, held.length - capacity).forEach(forget)
      held = held.slice(held.length - capacity)
    }
    return { fresh, overflow }
  }

  const covers = (token: Token.Token) => {
    const first = token.auditIds[0]
    const direct = first === undefined ? undefined : byAuditId.get(first)
    if (direct !== undefined && direct.some((h) => matches(h.event, token))) return true
    return held.some((h) => !present(h.event.audit_id) && matches(h.event, token))
  }

  return { add, covers, size: () => held.length }
}
