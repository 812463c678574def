/**
 * The middleware around a fetch-style handler (`(Request) => Response`):
 * Hono's `app.fetch`, `Bun.serve`, `Deno.serve`, service workers.
 *
 * @since 0.1.0
 */
import * as Effect from "effect/Effect"
import type * as ManagedRuntime from "effect/ManagedRuntime"
import * as AuthToken from "./AuthToken.js"
import type * as Identities from "./Identity.js"
import * as Forward from "./internal/forward.js"

const statuses = new WeakMap<Request, AuthToken.Status>()

/**
 * The verdict on a request `wrap` forwarded (`undefined` for any other
 * request).
 *
 * @since 0.1.0
 * @category accessors
 */
export const status = (request: Request): AuthToken.Status | undefined => statuses.get(request)

/**
 * The identity of a request `wrap` forwarded, when confirmed.
 *
 * @since 0.1.0
 * @category accessors
 */
export const identity = (request: Request): Identities.Identity | undefined => {
  const s = statuses.get(request)
  return s?._tag === "Confirmed" ? s.identity : undefined
}

/**
 * The decision for a fetch `Request` (its headers only).
 *
 * @since 0.1.0
 * @category combinators
 */
export const decide = (request: Request): Effect.Effect<AuthToken.Decision, never, AuthToken.AuthToken> =>
  Effect.flatMap(AuthToken.AuthToken, (auth) => auth.decide((name) => request.headers.get(name) ?? undefined))

/**
 * Applies a `Forward` decision: a new `Request` with the managed headers
 * removed and keystonemiddleware's set (same method, URL and body).
 *
 * @since 0.1.0
 * @category combinators
 */
export const forward = (request: Request, decision: AuthToken.Decision & { readonly _tag: "Forward" }): Request => {
  const remove = Forward.toRemove(decision)
  // one pass over the incoming headers (a few) rather than a delete per managed name (dozens)
  const headers: Array<[string, string]> = []
  for (const [name, value] of request.headers) if (!remove.has(name)) headers.push([name, value])
  for (const { name, value } of Forward.toSet(decision)) headers.push([name, value])
  const forwarded = new Request(request, { headers })
  statuses.set(forwarded, decision.status)
  return forwarded
}

/**
 * `forward`, editing the request's own headers when the runtime lets them
 * change (Node's, Bun's, Deno's incoming requests: no second `Request`, the
 * costliest part of a cached request here); a new `Request` when they are
 * immutable (a Cloudflare Worker's).
 */
const forwardInPlace = (request: Request, decision: AuthToken.Decision & { readonly _tag: "Forward" }): Request => {
  const headers = request.headers
  const remove = Forward.toRemove(decision)
  const present: Array<string> = []
  for (const name of headers.keys()) if (remove.has(name)) present.push(name)
  try {
    for (const name of present) headers.delete(name)
    for (const { lower, value } of Forward.toSet(decision)) headers.set(lower, value)
  } catch {
    // immutable headers refuse their first change: nothing was changed
    return forward(request, decision)
  }
  statuses.set(request, decision.status)
  return request
}

/**
 * `handler` behind the middleware: a 401 or 503 is answered here; otherwise
 * `handler` gets the request with the managed headers removed and
 * keystonemiddleware's set (and `Fetch.identity(request)`): the same
 * `Request`, its headers edited, or a copy when its headers are immutable.
 * The runtime provides `AuthToken` (e.g. `ManagedRuntime.make(AuthLive)`).
 *
 * @since 0.1.0
 * @category constructors
 *
 * @example
 * ```ts
 * const runtime = ManagedRuntime.make(AuthLive)
 * const app = new Hono().get("/whoami", (c) => c.json(Identity.toJson(Fetch.identity(c.req.raw)!)))
 * serve({ fetch: Fetch.wrap(runtime, app.fetch) })
 * ```
 */
export const wrap = <E>(
  runtime: ManagedRuntime.ManagedRuntime<AuthToken.AuthToken, E>,
  handler: (request: Request) => Response | Promise<Response>
) => {
  let service: AuthToken.AuthTokenService | undefined
  return async (request: Request): Promise<Response> => {
    const auth = service ?? (service = await runtime.runPromise(AuthToken.AuthToken))
    const header = (name: string) => request.headers.get(name) ?? undefined
    // remembered tokens are decided here, synchronously; the others in the runtime
    const decision = auth.decideCached(header) ?? await runtime.runPromise(auth.decide(header))
    if (decision._tag === "Respond") {
      return new Response(decision.body, { status: decision.status, headers: decision.headers })
    }
    const response = await handler(forwardInPlace(request, decision))
    // keystonemiddleware adds WWW-Authenticate to any 401 from the app
    if (response.status === 401 && !response.headers.has("www-authenticate")) {
      const headers = new Headers(response.headers)
      headers.set("www-authenticate", auth.wwwAuthenticate)
      return new Response(response.body, { status: response.status, statusText: response.statusText, headers })
    }
    return response
  }
}
