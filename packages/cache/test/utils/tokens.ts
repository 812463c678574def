import { Token } from "@effect-keystone/schema"
import * as DateTime from "effect/DateTime"
import * as Option from "effect/Option"
import * as Redacted from "effect/Redacted"
import { randomUUID } from "node:crypto"
import type { TokenStore } from "../../src/index.js"

/** A fresh, unique store key (hex, like `TokenStore.key` makes). */
export const freshKey = (): TokenStore.StoreKey => randomUUID().replace(/-/g, "") as TokenStore.StoreKey

/** A recognisable secret, so tests can assert it never leaks into names or logs. */
export const secretId = (label = ""): string => `gAAAAAB-secret-token-${label}-${randomUUID()}`

export interface TokenOptions {
  readonly id?: string
  /** `null` for a token that never expires. */
  readonly expiresAt?: DateTime.Utc | null
  readonly issuedAt?: DateTime.Utc | null
  /** How many catalog services (to vary the size). */
  readonly services?: number
  readonly version?: "v3" | "v2.0"
}

/** A v3 project token with roles, a catalog and an application credential. */
export const makeToken = (options: TokenOptions = {}): Token.Token => {
  const issuedAt = options.issuedAt === undefined ? DateTime.unsafeMake(Date.UTC(2026, 0, 1)) : options.issuedAt
  const expiresAt = options.expiresAt === undefined ? DateTime.unsafeMake(Date.UTC(2999, 0, 1)) : options.expiresAt
  const services = Array.from({ length: options.services ?? 2 }, (_, i) => ({
    id: `svc-${i}`,
    type: i === 0 ? "compute" : `type-${i}`,
    name: i === 0 ? "nova" : `service-${i}`,
    endpoints: [
      { id: `ep-${i}-pub`, interface: "public" as const, region: "RegionOne", url: `https://svc${i}.example.com/v2.1` },
      { id: `ep-${i}-int`, interface: "internal" as const, region: null, url: `http://svc${i}.internal:8774` }
    ]
  }))
  return new Token.Token({
    id: Redacted.make(options.id ?? secretId()),
    version: options.version ?? "v3",
    issuedAt: Option.fromNullable(issuedAt),
    expiresAt: Option.fromNullable(expiresAt),
    user: { id: "u-1", name: "demo", domain: { id: "default", name: "Default" } },
    scope: { _tag: "Project", id: "p-1", name: "demo", domain: { id: "default", name: "Default" } },
    roles: [{ id: "r-1", name: "member" }, { id: null, name: "reader" }],
    catalog: { services },
    methods: ["password", "application_credential"],
    auditIds: ["audit-1"],
    applicationCredential: { id: "ac-1", name: "ci", restricted: true }
  })
}

/** A token expiring `millis` after `now` (issued at `now`). */
export const expiringIn = (now: DateTime.Utc, millis: number, options: TokenOptions = {}): Token.Token =>
  makeToken({ ...options, issuedAt: now, expiresAt: DateTime.unsafeMake(DateTime.toEpochMillis(now) + millis) })
