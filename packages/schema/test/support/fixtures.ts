/**
 * Shared by the schema tests: where fixtures live, how to read them, and the
 * kinds of Keystone documents with the decoder each kind must pass.
 */
import { Catalog, ErrorBody, Token, V2, V3 } from "@effect-keystone/schema"
import { Either, ParseResult, Redacted, Schema } from "effect"
import * as fs from "node:fs"
import * as path from "node:path"
import { fileURLToPath } from "node:url"

/** packages/schema/test */
export const testDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..")

/** packages/schema/test/fixtures */
export const fixturesDir = path.join(testDir, "fixtures")

/** Every file under `dir`, as sorted paths relative to it ("/"-separated). */
export const listFiles = (dir: string): Array<string> => {
  const out: Array<string> = []
  const walk = (rel: string) => {
    for (const entry of fs.readdirSync(path.join(dir, rel), { withFileTypes: true })) {
      const child = rel === "" ? entry.name : `${rel}/${entry.name}`
      if (entry.isDirectory()) walk(child)
      else out.push(child)
    }
  }
  walk("")
  return out.sort()
}

export const readText = (dir: string, rel: string): string => fs.readFileSync(path.join(dir, rel), "utf8")

export const readJson = (dir: string, rel: string): unknown => JSON.parse(readText(dir, rel))

/** One of the project's own fixtures, parsed. */
export const fixture = (rel: string): unknown => readJson(fixturesDir, rel)

/** The raw text of one of the project's own fixtures. */
export const fixtureText = (rel: string): string => readText(fixturesDir, rel)

/**
 * GET /v2.0/tenants. Not part of the package's API (the client does not list
 * tenants); the samples carry one, so the tests check it against `V2.Tenant`.
 */
export const TenantsResponse = Schema.Struct({
  tenants: Schema.Array(V2.Tenant),
  tenants_links: Schema.optional(Schema.Unknown)
})

/** The id a v3 body is decoded with (it really comes from `X-Subject-Token`). */
export const sampleId = Redacted.make("sample")

type Decoder = (u: unknown) => Either.Either<unknown, ParseResult.ParseError>

const schema = <A, I>(s: Schema.Schema<A, I>): Decoder => Schema.decodeUnknownEither(s)

/** Each kind of Keystone JSON document, and what it must decode with. */
export const decoders = {
  "v3-auth-request": schema(V3.AuthRequest),
  "v3-token": (u) => Token.decodeV3(sampleId, u),
  "v3-catalog": schema(V3.CatalogResponse),
  "v3-projects": schema(V3.ProjectsResponse),
  "v3-domains": schema(V3.DomainsResponse),
  "v3-system": schema(V3.SystemResponse),
  "v3-receipt": schema(V3.ReceiptResponse),
  "version": schema(V3.VersionsResponse),
  "v2-auth-request": schema(V2.AuthRequest),
  "v2-access": Token.decodeV2,
  "v2-endpoints": schema(V2.EndpointsResponse),
  "v2-tenants": schema(TenantsResponse),
  "error": schema(ErrorBody.ErrorBody)
} satisfies Record<string, Decoder>

export type Kind = keyof typeof decoders

export const kinds = Object.keys(decoders) as ReadonlyArray<Kind>

/** The project's own fixtures (written for these tests, not copied), by kind. */
export const fixtureKinds: Readonly<Record<string, Kind>> = {
  "v2/authenticate-password-tenant-id.request.json": "v2-auth-request",
  "v2/authenticate-password-tenant-name.request.json": "v2-auth-request",
  "v2/authenticate-password-user-id-tenant-id.request.json": "v2-auth-request",
  "v2/authenticate-token-tenant-id.request.json": "v2-auth-request",
  "v2/authenticate-trust.response.json": "v2-access",
  "v2/authenticate-unscoped.response.json": "v2-access",
  "v2/authenticate.response.json": "v2-access",
  "v2/error-401-unauthorized.response.json": "error",
  "v2/error-404-token-not-found.response.json": "error",
  "v2/tenants-list.response.json": "v2-tenants",
  "v2/token-endpoints-list-unscoped.response.json": "v2-endpoints",
  "v2/token-endpoints-list.response.json": "v2-endpoints",
  "v2/validate-token.response.json": "v2-access",
  "v3/auth-application-credential-name-user-name.request.json": "v3-auth-request",
  "v3/auth-password-totp-user-id.request.json": "v3-auth-request",
  "v3/auth-password-user-name-project-name.request.json": "v3-auth-request",
  "v3/auth-receipt-401.response.json": "v3-receipt",
  "v3/auth-token-explicit-unscoped.request.json": "v3-auth-request",
  "v3/auth-token-trust-scoped.request.json": "v3-auth-request",
  "v3/error-401-auth-failed.response.json": "error",
  "v3/error-401-auth-plugin.response.json": "error",
  "v3/error-403-forbidden.response.json": "error",
  "v3/error-404-token-not-found.response.json": "error",
  "v3/get-auth-catalog.response.json": "v3-catalog",
  "v3/get-auth-domains.response.json": "v3-domains",
  "v3/get-auth-projects.response.json": "v3-projects",
  "v3/get-auth-system-none.response.json": "v3-system",
  "v3/token-application-credential.response.json": "v3-token",
  "v3/token-domain-scoped.response.json": "v3-token",
  "v3/token-federated.response.json": "v3-token",
  "v3/token-never-expires.response.json": "v3-token",
  "v3/token-nocatalog.response.json": "v3-token",
  "v3/token-trust-scoped.response.json": "v3-token",
  "v3/token-unknown-fields.response.json": "v3-token",
  "v3/version-v3.response.json": "version",
  "v3/versions.response.json": "version"
}

/** The own fixtures of one kind. */
export const fixturesOfKind = (kind: Kind, prefix = ""): Array<string> =>
  Object.entries(fixtureKinds).filter(([file, k]) => k === kind && file.startsWith(prefix)).map(([file]) => file)

/** The right value, or fails the test with the error's message. */
export const getOrFail = <A, E extends { readonly message: string }>(result: Either.Either<A, E>, what = "decode"): A => {
  if (Either.isLeft(result)) throw new Error(`${what} failed:\n${result.left.message}`)
  return result.right
}

/** A catalog as sorted `type name interface region url` rows, for comparing catalogs whatever their ids. */
export const catalogRows = (catalog: Catalog.Catalog): Array<string> =>
  catalog.services
    .flatMap((s) => s.endpoints.map((e) => `${s.type} ${s.name} ${e.interface} ${e.region ?? "-"} ${e.url}`))
    .sort()
