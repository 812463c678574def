/**
 * The middleware for Node's `http` servers, Express and Fastify:
 * `(req, res, next)`. Node-only (a subpath: `@effect-keystone/middleware/Node`).
 *
 * @since 0.1.0
 */
import * as Effect from "effect/Effect"
import type * as ManagedRuntime from "effect/ManagedRuntime"
import type { IncomingMessage, ServerResponse } from "node:http"
import * as AuthToken from "./AuthToken.js"
import type * as Identities from "./Identity.js"
import * as Forward from "./internal/forward.js"

// the verdict rides on the request itself (a WeakMap entry per request cost more than the header edits)
const statusKey: unique symbol = Symbol("@effect-keystone/middleware/Node/status")
type Decided = IncomingMessage & { [statusKey]?: AuthToken.Status }

/**
 * The verdict on a request the middleware forwarded.
 *
 * @since 0.1.0
 * @category accessors
 */
export const status = (req: IncomingMessage): AuthToken.Status | undefined => (req as Decided)[statusKey]

/**
 * The identity of a request the middleware forwarded, when confirmed.
 *
 * @since 0.1.0
 * @category accessors
 */
export const identity = (req: IncomingMessage): Identities.Identity | undefined => {
  const s = (req as Decided)[statusKey]
  return s?._tag === "Confirmed" ? s.identity : undefined
}

const single = (value: string | ReadonlyArray<string> | undefined): string | undefined =>
  typeof value === "string" ? value : value?.[0]

/**
 * Connect-style middleware (Express 4/5, Fastify's `onRequest` hook with
 * `request.raw` / `reply.raw`, or plain `node:http`): answers 401 / 503
 * itself, else removes the managed headers from `req.headers` and
 * `req.rawHeaders`, sets keystonemiddleware's, records the verdict for
 * `Node.identity(req)` and calls `next()`.
 *
 * @since 0.1.0
 * @category constructors
 *
 * @example
 * ```ts
 * const runtime = ManagedRuntime.make(AuthLive)
 * const app = express()
 * app.use(Node.middleware(runtime))
 * app.get("/whoami", (req, res) => res.json(Identity.toJson(Node.identity(req)!)))
 * ```
 */
export const middleware = <E>(runtime: ManagedRuntime.ManagedRuntime<AuthToken.AuthToken, E>) => {
  let service: AuthToken.AuthTokenService | undefined
  return (req: IncomingMessage, res: ServerResponse, next: (error?: unknown) => void): void => {
    const header = (name: string) => single(req.headers[name])
    // remembered tokens are decided here, synchronously; the others in the runtime
    const decision = service?.decideCached(header)
    if (decision !== undefined) return apply(service!, decision, req, res, next)
    runtime.runPromise(Effect.flatMap(AuthToken.AuthToken, (auth) => {
      service = auth
      return auth.decide(header)
    })).then((decided) => apply(service!, decided, req, res, next), next)
  }
}

const apply = (
  auth: AuthToken.AuthTokenService,
  decision: AuthToken.Decision,
  req: IncomingMessage,
  res: ServerResponse,
  next: (error?: unknown) => void
): void => {
  if (decision._tag === "Respond") {
    res.writeHead(decision.status, decision.headers)
    res.end(decision.body)
    return
  }
  const remove = Forward.toRemove(decision)
  const headers = req.headers
  // one pass over the incoming headers (a few) rather than a delete per managed name (dozens)
  for (const name of Object.keys(headers)) if (remove.has(name)) delete headers[name]
  const raw = req.rawHeaders
  let kept = 0
  for (let i = 0; i + 1 < raw.length; i += 2) {
    if (!remove.has(raw[i]!.toLowerCase())) {
      raw[kept++] = raw[i]!
      raw[kept++] = raw[i + 1]!
    }
  }
  raw.length = kept
  for (const { name, lower, value } of Forward.toSet(decision)) {
    headers[lower] = value
    raw.push(name, value)
  }
  const decided: Decided = req
  decided[statusKey] = decision.status
  // keystonemiddleware adds WWW-Authenticate to any 401 from the app
  const writeHead = res.writeHead
  res.writeHead = function(this: ServerResponse, ...args: Parameters<typeof writeHead>) {
    if (args[0] === 401 && !this.hasHeader("www-authenticate")) this.setHeader("www-authenticate", auth.wwwAuthenticate)
    return writeHead.apply(this, args)
  } as typeof writeHead
  next()
}
