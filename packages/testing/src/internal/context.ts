import type * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import type { Directory } from "./directory.js"
import type { Registry } from "./federation.js"
import type { SimRequest, SimResponse } from "./http.js"
import type { TokenRecord, TokenStore } from "./tokens.js"

export interface Settings {
  tokenLifetimeMillis: number
  allowExpiredWindowMillis: number
  receiptLifetimeMillis: number
}

/** What a handler sees: the directory, the token store, and the time of the request. */
export interface Ctx {
  readonly baseUrl: string
  readonly dir: Directory
  readonly tokens: TokenStore
  readonly settings: Settings
  /** The bearer tokens federated logins accept (`sim.federation`). */
  readonly federation: Registry
  readonly now: number
}

export type Handler = (req: SimRequest, ctx: Ctx) => SimResponse

/** A handler that waits on something (a verifier, a digest). */
export type EffectHandler = (req: SimRequest, ctx: Ctx) => Effect.Effect<SimResponse>

/** A step that either goes on with `A` or stops with the response to send. */
export type Step<A> = Either.Either<A, SimResponse>

export const ok: <A>(a: A) => Step<A> = Either.right

export const stop = (response: SimResponse): Step<never> => Either.left(response)

export const isRecord = (u: unknown): u is Record<string, unknown> =>
  typeof u === "object" && u !== null && !Array.isArray(u)

/** The JSON body, or `undefined` when there is none or it does not parse. */
export const jsonBody = (req: SimRequest): unknown => {
  if (req.body === undefined || req.body === "") return undefined
  try {
    return JSON.parse(req.body)
  } catch {
    return undefined
  }
}

/** oslo's `bool_from_string`. */
export const boolParam = (req: SimRequest, name: string): boolean => {
  const value = req.url.searchParams.get(name)
  return value !== null && ["1", "t", "true", "on", "y", "yes"].includes(value.trim().toLowerCase())
}

export const roleNames = (ctx: Ctx, token: TokenRecord): Array<string> =>
  token.roleIds.flatMap((id) => {
    const role = ctx.dir.role(id)
    return role === undefined ? [] : [role.name]
  })
