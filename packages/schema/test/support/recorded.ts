/**
 * The recordings of a real Keystone (Zed) in fixtures/recorded, and how the
 * Recorded tests read them: which files each recording has, its headers, its
 * body and its token.
 */
import { Catalog, Token } from "@effect-keystone/schema"
import { DateTime, Duration, Option, Redacted } from "effect"
import * as path from "node:path"
import { fixturesDir, getOrFail, type Kind, readJson, readText } from "./fixtures.js"

export const dir = path.join(fixturesDir, "recorded")

export interface Recording {
  /** What the response body decodes as; no body when absent. */
  readonly body?: Kind
  /** What the request body decodes as; `malformed` for the deliberately broken one (`.request.txt`). */
  readonly request?: Kind | "malformed"
}

const issued = { body: "v3-token", request: "v3-auth-request" } as const
const error = { body: "error" } as const
// Keystone refused these on grounds the structural wire schema does not check
// (two scopes, a method without its object, an application credential with a
// scope); as JSON they are well-formed auth requests.
const refused = { body: "error", request: "v3-auth-request" } as const

export const recordings: Readonly<Record<string, Recording>> = {
  "versions": { body: "version" },
  "version-v3": { body: "version" },
  "issue-password-admin-project": issued,
  "issue-password-user-id-unscoped": issued,
  "issue-password-user-id-default-project": issued,
  "issue-password-explicit-unscoped": issued,
  "issue-password-name-domain-project-id": issued,
  "issue-password-project-name-domain": issued,
  "issue-password-domain-id": issued,
  "issue-password-domain-name": issued,
  "issue-password-system": issued,
  "issue-password-project-nocatalog": issued,
  "issue-appcred-id": issued,
  "issue-appcred-name-user-id": issued,
  "issue-appcred-name-user-name-domain": issued,
  "issue-token-rescope-project": issued,
  "issue-token-rescope-domain-nocatalog": issued,
  "validate-project": { body: "v3-token" },
  "validate-project-nocatalog": { body: "v3-token" },
  "validate-unscoped": { body: "v3-token" },
  "validate-domain": { body: "v3-token" },
  "validate-system-self": { body: "v3-token" },
  "validate-appcred": { body: "v3-token" },
  "validate-allow-expired": { body: "v3-token" },
  "check-head": {},
  "issue-password-to-revoke": issued,
  "revoke-delete": {},
  "auth-catalog": { body: "v3-catalog" },
  "auth-projects": { body: "v3-projects" },
  "auth-domains": { body: "v3-domains" },
  "auth-system": { body: "v3-system" },
  "auth-system-admin": { body: "v3-system" },
  "error-401-wrong-password": { body: "error", request: "v3-auth-request" },
  "error-401-unknown-user": { body: "error", request: "v3-auth-request" },
  "error-401-appcred-wrong-secret": { body: "error", request: "v3-auth-request" },
  "error-401-appcred-with-scope": refused,
  "error-401-project-not-member": { body: "error", request: "v3-auth-request" },
  "error-401-invalid-auth-token": error,
  "error-401-missing-auth-token": error,
  "error-403-catalog-unscoped": error,
  "error-403-catalog-system": error,
  "error-404-validate-revoked": error,
  "error-404-check-head-revoked": {},
  "error-404-validate-garbage": error,
  "error-401-revoked-auth-token": error,
  "error-400-two-scopes": refused,
  "error-400-malformed-json": { body: "error", request: "malformed" },
  "error-400-missing-method-object": refused
}

export const names = Object.keys(recordings)

export interface IndexEntry {
  readonly name: string
  readonly method: string
  readonly path: string
  readonly request_headers: ReadonlyArray<string>
  readonly status: number
  readonly status_line: string
}

export const index = (readJson(dir, "index.json") as { recordings: ReadonlyArray<IndexEntry> }).recordings
export const entry = (name: string) => index.find((r) => r.name === name)!

export const headers = (name: string) => {
  const [statusLine = "", ...lines] = readText(dir, `${name}.headers.txt`).split("\n").filter((l) => l.length > 0)
  const map = new Map<string, string>()
  for (const line of lines) {
    const i = line.indexOf(": ")
    if (i <= 0) throw new Error(`${name}.headers.txt: not a header line: ${JSON.stringify(line)}`)
    map.set(line.slice(0, i).toLowerCase(), line.slice(i + 2))
  }
  return { statusLine, headers: map }
}

export const requestHeader = (name: string, header: string) =>
  entry(name).request_headers.find((h) => h.toLowerCase().startsWith(`${header.toLowerCase()}: `))?.split(": ")[1]

export const body = (name: string) => readJson(dir, `${name}.json`)

/** A recorded token, with its id from X-Subject-Token as the client would take it. */
export const recordedToken = (name: string): Token.Token => {
  const subject = headers(name).headers.get("x-subject-token")
  if (subject === undefined) throw new Error(`${name}: no X-Subject-Token`)
  return getOrFail(Token.decodeV3(Redacted.make(subject), body(name)), name)
}

/**
 * Keystone builds roles and the catalog from sets and SQL rows: their order is
 * not part of the answer. The token with roles, methods, services and
 * endpoints in a fixed order.
 */
const canonical = (t: Token.Token): Token.Token => {
  const byId = <A extends { readonly id: string | null }>(as: ReadonlyArray<A>) =>
    [...as].sort((a, b) => (a.id ?? "").localeCompare(b.id ?? ""))
  return new Token.Token({
    ...t,
    roles: byId(t.roles),
    methods: [...t.methods].sort(),
    catalog: { services: byId(t.catalog.services).map((s) => ({ ...s, endpoints: byId(s.endpoints) })) }
  })
}

/** Equal but for the order of roles, methods and the catalog. */
export const sameToken = (a: Token.Token, b: Token.Token) => Token.equivalence(canonical(a), canonical(b))

export const url = (catalog: Catalog.Catalog, filter: Catalog.EndpointFilter) => getOrFail(Catalog.endpoint(catalog, filter))
export const lifetimeMillis = (t: Token.Token) => Option.map(Token.lifetime(t), Duration.toMillis)
export const expiry = (t: Token.Token) => Option.map(t.expiresAt, DateTime.toEpochMillis)
