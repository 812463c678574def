/**
 * Keystone v3 authentication methods (`auth.identity` of POST
 * /v3/auth/tokens): password, totp, token and application_credential.
 */
import * as Either from "effect/Either"
import type { Seed } from "../KeystoneSim.js"
import type { Ctx, Step } from "./context.js"
import { isRecord, ok, stop } from "./context.js"
import * as http from "./http.js"
import type { TokenRecord } from "./tokens.js"

export const unauthorized = (ctx: Ctx) => stop(http.viewError(ctx.baseUrl, 401))

export const schemaError = (ctx: Ctx, field: string, detail: string) =>
  stop(http.viewError(ctx.baseUrl, 400, `Invalid input for field '${field}': ${detail}`))

export const notFound = (ctx: Ctx, message: string) => stop(http.viewError(ctx.baseUrl, 404, message))

/** A token named in a request: 404 when unknown, expired (beyond `allowExpired`) or revoked. */
export const subject = (ctx: Ctx, id: string, allowExpired: boolean): Step<TokenRecord> => {
  const found = ctx.tokens.lookup(id, ctx.now, allowExpired ? ctx.settings.allowExpiredWindowMillis : 0)
  switch (found._tag) {
    case "Valid":
      return ok(found.token)
    case "Unknown":
      return notFound(ctx, "Could not recognize Fernet token")
    default:
      return notFound(ctx, "Failed to validate token")
  }
}

export interface Authenticated {
  readonly userId: string
  /** The token rescoped: its expiry and audit id carry over. */
  readonly parent?: TokenRecord
  /**
   * A federated token rescoped: as Keystone's `handle_scoped_token`, only
   * its user, groups and methods carry over (a fresh expiry, one audit id).
   */
  readonly federated?: TokenRecord
  readonly applicationCredential?: Seed.ApplicationCredential
}

/** `{ id }` or `{ name, domain }`; unknown or disabled users are a 401. */
const findUser = (ctx: Ctx, ref: unknown, method: string): Step<Seed.User> => {
  if (!isRecord(ref)) return schemaError(ctx, `identity/${method}`, "'user' is a required property")
  let user: Seed.User | undefined
  if (typeof ref.id === "string") {
    user = ctx.dir.user(ref.id)
  } else if (typeof ref.name === "string") {
    if (!isRecord(ref.domain)) return stop(http.expecting(ctx.baseUrl, "domain", "user"))
    const domain = ctx.dir.domainByRef(ref.domain)
    user = domain === undefined ? undefined : ctx.dir.userByName(ref.name, domain.id)
  } else {
    return stop(http.expecting(ctx.baseUrl, "id or name", "user"))
  }
  return user !== undefined && ctx.dir.userEnabled(user) ? ok(user) : unauthorized(ctx)
}

const password = (ctx: Ctx, payload: Record<string, unknown>): Step<Authenticated> =>
  Either.gen(function*() {
    const user = yield* findUser(ctx, payload.user, "password")
    const given = (payload.user as Record<string, unknown>).password
    if (typeof given !== "string" || given !== user.password) return yield* unauthorized(ctx)
    return { userId: user.id }
  })

const totp = (ctx: Ctx, payload: Record<string, unknown>): Step<Authenticated> =>
  Either.gen(function*() {
    const user = yield* findUser(ctx, payload.user, "totp")
    const given = (payload.user as Record<string, unknown>).passcode
    if (user.passcode === undefined || typeof given !== "string" || given !== user.passcode) {
      return yield* unauthorized(ctx)
    }
    return { userId: user.id }
  })

const token = (ctx: Ctx, payload: Record<string, unknown>): Step<Authenticated> =>
  Either.gen(function*() {
    if (typeof payload.id !== "string") return yield* schemaError(ctx, "identity/token", "'id' is a required property")
    const parent = yield* subject(ctx, payload.id, false)
    if (parent.trustId !== undefined || parent.applicationCredentialId !== undefined) {
      return yield* stop(
        http.forbiddenAction(ctx.baseUrl, "Using a delegated token to create another token is not allowed.")
      )
    }
    return parent.federation === undefined ? { userId: parent.userId, parent } : { userId: parent.userId, federated: parent }
  })

const applicationCredential = (ctx: Ctx, payload: Record<string, unknown>): Step<Authenticated> =>
  Either.gen(function*() {
    if (typeof payload.secret !== "string") {
      return yield* schemaError(ctx, "identity/application_credential", "'secret' is a required property")
    }
    let cred: Seed.ApplicationCredential | undefined
    if (typeof payload.id === "string") {
      cred = ctx.dir.appCred(payload.id)
      if (cred === undefined) return yield* notFound(ctx, `Could not find Application Credential: ${payload.id}.`)
    } else if (typeof payload.name === "string") {
      const user = yield* findUser(ctx, payload.user, "application_credential")
      cred = ctx.dir.appCredByName(payload.name, user.id)
    } else {
      return yield* stop(http.expecting(ctx.baseUrl, "id or name", "application_credential"))
    }
    if (cred === undefined || cred.secret !== payload.secret) return yield* unauthorized(ctx)
    const user = ctx.dir.user(cred.userId)
    if (user === undefined || !ctx.dir.userEnabled(user)) return yield* unauthorized(ctx)
    return { userId: user.id, applicationCredential: cred }
  })

export const methods: Record<string, (ctx: Ctx, payload: Record<string, unknown>) => Step<Authenticated>> = {
  password,
  token,
  application_credential: applicationCredential,
  totp
}
