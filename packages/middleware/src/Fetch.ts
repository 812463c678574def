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
  const headers = new Headers(request.headers)
  for (const name of decision.remove) headers.delete(name)
  for (const [name, value] of Object.entries(decision.set)) headers.set(name, value)
  const forwarded = new Request(request, { headers })
  statuses.set(forwarded, decision.status)
  return forwarded
}

/**
 * `handler` behind the middleware: a 401 or 503 is answered here; otherwise
 * `handler` gets the request with keystonemiddleware's headers (and
 * `Fetch.identity(request)`). The runtime provides `AuthToken` (e.g.
 * `ManagedRuntime.make(AuthLive)`).
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
) =>
async (request: Request): Promise<Response> => {
  const decision = await runtime.runPromise(decide(request))
  if (decision._tag === "Respond") {
    return new Response(decision.body, { status: decision.status, headers: decision.headers })
  }
  const response = await handler(forward(request, decision))
  // keystonemiddleware adds WWW-Authenticate to any 401 from the app
  if (response.status === 401 && !response.headers.has("www-authenticate")) {
    const auth = await runtime.runPromise(AuthToken.AuthToken)
    const headers = new Headers(response.headers)
    headers.set("www-authenticate", auth.wwwAuthenticate)
    return new Response(response.body, { status: response.status, statusText: response.statusText, headers })
  }
  return response
}
