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

const statuses = new WeakMap<IncomingMessage, AuthToken.Status>()

/**
 * The verdict on a request the middleware forwarded.
 *
 * @since 0.1.0
 * @category accessors
 */
export const status = (req: IncomingMessage): AuthToken.Status | undefined => statuses.get(req)

/**
 * The identity of a request the middleware forwarded, when confirmed.
 *
 * @since 0.1.0
 * @category accessors
 */
export const identity = (req: IncomingMessage): Identities.Identity | undefined => {
  const s = statuses.get(req)
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
export const middleware = <E>(runtime: ManagedRuntime.ManagedRuntime<AuthToken.AuthToken, E>) =>
(req: IncomingMessage, res: ServerResponse, next: (error?: unknown) => void): void => {
  const decide = Effect.flatMap(AuthToken.AuthToken, (auth) =>
    Effect.map(auth.decide((name) => single(req.headers[name])), (decision) => ({ auth, decision })))
  runtime.runPromise(decide).then(({ auth, decision }) => {
    if (decision._tag === "Respond") {
      res.writeHead(decision.status, decision.headers)
      res.end(decision.body)
      return
    }
    const removed = new Set(decision.remove)
    for (const name of decision.remove) delete req.headers[name]
    const raw: Array<string> = []
    for (let i = 0; i + 1 < req.rawHeaders.length; i += 2) {
      if (!removed.has(req.rawHeaders[i]!.toLowerCase())) raw.push(req.rawHeaders[i]!, req.rawHeaders[i + 1]!)
    }
    for (const [name, value] of Object.entries(decision.set)) {
      req.headers[name.toLowerCase()] = value
      raw.push(name, value)
    }
    req.rawHeaders.splice(0, req.rawHeaders.length, ...raw)
    statuses.set(req, decision.status)
    // keystonemiddleware adds WWW-Authenticate to any 401 from the app
    const writeHead = res.writeHead
    res.writeHead = function(this: ServerResponse, ...args: Parameters<typeof writeHead>) {
      if (args[0] === 401 && !this.hasHeader("www-authenticate")) this.setHeader("www-authenticate", auth.wwwAuthenticate)
      return writeHead.apply(this, args)
    } as typeof writeHead
    next()
  }, next)
}
