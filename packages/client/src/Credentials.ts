/**
 * What proves who you are to Keystone.
 *
 * @since 0.1.0
 */
import * as Redacted from "effect/Redacted"

/**
 * @since 0.1.0
 * @category models
 */
export type DomainRef = { readonly id: string; readonly name?: never } | { readonly name: string; readonly id?: never }

/**
 * A user by id, or by name within a domain (a name alone is ambiguous).
 *
 * @since 0.1.0
 * @category models
 */
export type UserRef = { readonly id: string } | { readonly name: string; readonly domain: DomainRef }

/**
 * @since 0.1.0
 * @category models
 */
export interface Password {
  readonly _tag: "Password"
  readonly user: UserRef
  readonly password: Redacted.Redacted<string>
}

/**
 * An application credential, by id or by name and owner. It carries its own
 * scope, so it never takes one.
 *
 * @since 0.1.0
 * @category models
 */
export interface ApplicationCredential {
  readonly _tag: "ApplicationCredential"
  readonly ref: { readonly id: string } | { readonly name: string; readonly user: UserRef }
  readonly secret: Redacted.Redacted<string>
}

/**
 * An existing token, to rescope or to trade for a fresh one.
 *
 * @since 0.1.0
 * @category models
 */
export interface ExistingToken {
  readonly _tag: "ExistingToken"
  readonly token: Redacted.Redacted<string>
}

/**
 * @since 0.1.0
 * @category models
 */
export interface Totp {
  readonly _tag: "Totp"
  readonly user: UserRef
  readonly passcode: Redacted.Redacted<string>
}

/**
 * Several methods at once (multi-factor), optionally continuing from the
 * receipt of an `AuthReceiptRequired` error.
 *
 * @since 0.1.0
 * @category models
 */
export interface MultiFactor {
  readonly _tag: "MultiFactor"
  readonly methods: ReadonlyArray<Password | Totp | ExistingToken>
  readonly receipt?: Redacted.Redacted<string> | undefined
}

/**
 * @since 0.1.0
 * @category models
 */
export type Credentials = Password | ApplicationCredential | ExistingToken | Totp | MultiFactor

/**
 * A user by id, or by name and domain, as the constructors take it.
 *
 * @since 0.1.0
 * @category models
 */
export type UserInput =
  | { readonly userId: string; readonly username?: never; readonly domain?: never }
  | { readonly username: string; readonly domain: DomainRef; readonly userId?: never }

const userRef = (input: UserInput): UserRef =>
  "userId" in input ? { id: input.userId } : { name: input.username, domain: input.domain }

/**
 * Password, by user id or by user name and domain.
 *
 * @since 0.1.0
 * @category constructors
 */
export const password = (
  input: UserInput & { readonly password: Redacted.Redacted<string> }
): Password => ({ _tag: "Password", user: userRef(input), password: input.password })

/**
 * v2.0 password: a user name (Keystone looks it up in the default domain) or id.
 *
 * @since 0.1.0
 * @category constructors
 */
export const passwordV2 = (
  input:
    | { readonly userId: string; readonly username?: never; readonly password: Redacted.Redacted<string> }
    | { readonly username: string; readonly userId?: never; readonly password: Redacted.Redacted<string> }
): Password => ({
  _tag: "Password",
  user: "userId" in input ? { id: input.userId } : { name: input.username, domain: { id: "default" } },
  password: input.password
})

/**
 * Application credential, by id or by name and its owner.
 *
 * @since 0.1.0
 * @category constructors
 */
export const applicationCredential = (
  input:
    | { readonly id: string; readonly name?: never; readonly user?: never; readonly secret: Redacted.Redacted<string> }
    | {
      readonly name: string
      readonly id?: never
      readonly secret: Redacted.Redacted<string>
      readonly user: UserInput
    }
): ApplicationCredential => ({
  _tag: "ApplicationCredential",
  ref: "id" in input ? { id: input.id } : { name: input.name, user: userRef(input.user) },
  secret: input.secret
})

/**
 * An existing token id.
 *
 * @since 0.1.0
 * @category constructors
 */
export const existingToken = (token: Redacted.Redacted<string>): ExistingToken => ({ _tag: "ExistingToken", token })

/**
 * A TOTP passcode.
 *
 * @since 0.1.0
 * @category constructors
 */
export const totp = (
  input: UserInput & { readonly passcode: Redacted.Redacted<string> }
): Totp => ({ _tag: "Totp", user: userRef(input), passcode: input.passcode })

/**
 * Several methods in one request (e.g. password + TOTP).
 *
 * @since 0.1.0
 * @category constructors
 */
export const multiFactor = (
  methods: ReadonlyArray<Password | Totp | ExistingToken>,
  options?: { readonly receipt?: Redacted.Redacted<string> | undefined }
): MultiFactor => ({ _tag: "MultiFactor", methods, receipt: options?.receipt })

/**
 * A description of who the credentials name, without any secret: used in
 * cache keys and logs.
 *
 * @since 0.1.0
 * @category getters
 */
export const identity = (credentials: Credentials): string => {
  const user = (u: UserRef) => ("id" in u ? `id=${u.id}` : `name=${u.name}@${domain(u.domain)}`)
  const domain = (d: DomainRef) => (d.id !== undefined ? `id=${d.id}` : `name=${d.name}`)
  switch (credentials._tag) {
    case "Password":
      return `password:${user(credentials.user)}`
    case "Totp":
      return `totp:${user(credentials.user)}`
    case "ApplicationCredential":
      return "id" in credentials.ref
        ? `application_credential:id=${credentials.ref.id}`
        : `application_credential:name=${credentials.ref.name}/${user(credentials.ref.user)}`
    case "ExistingToken":
      // A token has no stable identity of its own; its audit trail is what Keystone keys on.
      return "token"
    case "MultiFactor":
      return `multi:[${credentials.methods.map(identity).join(",")}]`
  }
}
