/**
 * Is a token read from a `TokenStore` one this session could have issued?
 * Whoever can write the store can plant an entry under the session's
 * (predictable) key; before adopting one, the session compares its user,
 * scope and API version with what it knows about its own login: the ids or
 * names in its `Auth`, the auth URL, and, once it has issued a token itself,
 * the ids Keystone reported for that. A mismatch is a miss.
 *
 * This holds with any store. It does not replace `TokenStore.layerEncrypted`:
 * someone who can also read the store can copy a genuine entry's user and
 * scope; only authenticated encryption stops that.
 *
 * @internal
 */
import type { Auth, AuthScope, Credentials } from "@effect-keystone/client"
import { type Token, Url } from "@effect-keystone/schema"

/** What this session knows about the tokens it should hold. @internal */
export interface Expected {
  readonly version: Token.Token["version"] | undefined
  readonly user: Credentials.UserRef | undefined
  readonly applicationCredential: { readonly id: string } | { readonly name: string } | undefined
  readonly scope: AuthScope.AuthScope | undefined
  /** From a token this session issued: what Keystone said about us. */
  readonly learned: { readonly userId: string; readonly scope: string } | undefined
}

/** `v3` or `v2.0` from the auth URL's last path segment; undefined when it says neither. @internal */
export const versionOfUrl = (authUrl: string): Token.Token["version"] | undefined => {
  const last = Url.withoutTrailingSlashes(authUrl).split("/").pop()
  return last === "v3" ? "v3" : last === "v2.0" ? "v2.0" : undefined
}

const userOf = (c: Credentials.Credentials): Credentials.UserRef | undefined => {
  switch (c._tag) {
    case "Password":
    case "Totp":
      return c.user
    case "ApplicationCredential":
      return "user" in c.ref ? c.ref.user : undefined
    case "ExistingToken":
      return undefined
    case "MultiFactor": {
      const withUser = c.methods.find((m): m is Credentials.Password | Credentials.Totp => m._tag !== "ExistingToken")
      return withUser?.user
    }
  }
}

/** @internal */
export const expectedOf = (auth: Auth.Auth, authUrl: string): Expected => {
  const c = auth.credentials
  return {
    version: versionOfUrl(authUrl),
    user: userOf(c),
    applicationCredential: c._tag === "ApplicationCredential"
      ? ("id" in c.ref ? { id: c.ref.id } : { name: c.ref.name })
      : undefined,
    scope: auth.scope,
    learned: undefined
  }
}

/** One string for a token's scope: its kind and id. @internal */
export const scopeKey = (scope: Token.TokenScope): string => {
  switch (scope._tag) {
    case "Project":
    case "Domain":
    case "Trust":
      return `${scope._tag}:${scope.id}`
    case "System":
      return "System"
    case "Unscoped":
      return "Unscoped"
  }
}

/** After this session issued `token`: remember who Keystone says we are. @internal */
export const learn = (expected: Expected, token: Token.Token): Expected => ({
  ...expected,
  version: token.version,
  learned: { userId: token.user.id, scope: scopeKey(token.scope) }
})

const domainMatches = (
  want: Credentials.DomainRef,
  got: { readonly id: string; readonly name: string } | null
): boolean =>
  // v2.0 tokens carry no domain: only the name can be compared
  got === null || (want.id !== undefined ? got.id === want.id : got.name === want.name)

const userMatches = (want: Credentials.UserRef, got: Token.UserInfo): boolean =>
  "id" in want ? got.id === want.id : got.name === want.name && domainMatches(want.domain, got.domain)

const scopeMatches = (want: AuthScope.AuthScope, got: Token.TokenScope): boolean => {
  switch (want._tag) {
    case "Project":
      if (got._tag !== "Project") return false
      return "id" in want ? got.id === want.id : got.name === want.name && domainMatches(want.domain, got.domain)
    case "Domain":
      return got._tag === "Domain" && ("id" in want ? got.id === want.id : got.name === want.name)
    case "System":
      return got._tag === "System"
    case "Trust":
      return got._tag === "Trust" && got.id === want.id
    case "Unscoped":
      return got._tag === "Unscoped"
    case "Tenant":
      return got._tag === "Project" && got.name === want.name
  }
}

/**
 * Why `token` is not one this session could have issued, or `undefined`
 * when nothing known contradicts it. The reason names fields, never values.
 *
 * @internal
 */
export const mismatch = (token: Token.Token, expected: Expected): string | undefined => {
  if (expected.version !== undefined && token.version !== expected.version) {
    return `its API version ${token.version} is not the session's ${expected.version}`
  }
  if (expected.learned !== undefined) {
    if (token.user.id !== expected.learned.userId) return "its user is not the one Keystone issued this session's tokens to"
    if (scopeKey(token.scope) !== expected.learned.scope) return "its scope is not the one of this session's own tokens"
  }
  if (expected.user !== undefined && !userMatches(expected.user, token.user)) {
    return "its user does not match the session's credentials"
  }
  const ac = expected.applicationCredential
  if (ac !== undefined) {
    const got = token.applicationCredential
    if (got === undefined || ("id" in ac ? got.id !== ac.id : got.name !== ac.name)) {
      return "its application credential does not match the session's"
    }
  }
  if (expected.scope !== undefined && !scopeMatches(expected.scope, token.scope)) {
    return "its scope does not match the session's"
  }
  return undefined
}
