/**
 * What each API version implements; the client adds spans, the caller
 * identity and subject checks on top.
 *
 * @internal
 */
import type { Catalog, Token } from "@effect-keystone/schema"
import type * as Effect from "effect/Effect"
import type { Auth } from "../Auth.js"
import type { ApiVersion, IssueOptions, ValidateOptions } from "../KeystoneClient.js"
import type { InvalidInput, KeystoneError } from "../KeystoneError.js"

/** @internal */
export interface Operations {
  readonly version: ApiVersion
  readonly issue: (auth: Auth, options?: IssueOptions) => Effect.Effect<Token.Token, KeystoneError>
  readonly validate: (subject: string, caller: string, options?: ValidateOptions) => Effect.Effect<Token.Token, KeystoneError>
  readonly check: (
    subject: string,
    caller: string,
    options?: Pick<ValidateOptions, "allowExpired" | "belongsTo">
  ) => Effect.Effect<boolean, KeystoneError>
  readonly revoke: (subject: string, caller: string) => Effect.Effect<void, KeystoneError>
  readonly endpoints: (subject: string, caller: string) => Effect.Effect<Catalog.Catalog, KeystoneError>
  /** Options this version cannot honour, refused before anything is sent (service token included). */
  readonly refuse: (
    method: "GET" | "HEAD",
    options: Pick<ValidateOptions, "allowExpired"> | undefined
  ) => InvalidInput | undefined
  /** v3's catalog call lists the caller's own catalog, so the subject must be the caller. */
  readonly catalogNeedsSubjectAsCaller: boolean
}
