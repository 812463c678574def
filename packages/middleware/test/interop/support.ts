/**
 * Both sides of the interop suites running: our mounts (ours.ts) on a
 * loopback server for the suite's lifetime, and the comparison of what each
 * side decided and which identity headers it set.
 */
import { afterAll, beforeAll, expect } from "@effect/vitest"
import type { AuthToken } from "@effect-keystone/middleware"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import * as Layer from "effect/Layer"
import * as Scope from "effect/Scope"
import { type Answer, keystonemiddleware, type Mount, send } from "./keystone.js"
import * as Ours from "./ours.js"

/**
 * Starts our mounts for the suite (validations marked `ek-probe=<probe>`);
 * `ours(mount, headers)` sends to them once they run.
 */
export const useOurs = (probe: string, options: AuthToken.Options = {}) => {
  let scope: Scope.CloseableScope
  let base = ""
  beforeAll(async () => {
    scope = await Effect.runPromise(Scope.make())
    const context = await Effect.runPromise(Layer.buildWithScope(Ours.ServiceSession(probe), scope))
    base = await Effect.runPromise(Ours.serve(options).pipe(Effect.provide(context), Scope.extend(scope)))
  })
  afterAll(() => Effect.runPromise(Scope.close(scope, Exit.void)))
  return (mount: Mount, headers: Record<string, string>) => send(base, mount, headers)
}

/** What the client and the transport add; not the middleware's business. */
const transport = new Set([
  "host",
  "connection",
  "accept",
  "accept-language",
  "accept-encoding",
  "sec-fetch-mode",
  "user-agent",
  "content-length",
  "content-type"
])

/** Comma-separated role lists: Keystone does not keep the order of roles stable between validations. */
const lists = new Set(["x-roles", "x-role", "x-service-roles"])

/** The headers the app behind the middleware saw, comparable across the two. */
export const identityHeaders = (headers: Readonly<Record<string, string>> | undefined) => {
  if (headers === undefined) return undefined
  const out: Record<string, unknown> = {}
  for (const [name, value] of Object.entries(headers).sort(([a], [b]) => a.localeCompare(b))) {
    if (transport.has(name)) continue
    out[name] = lists.has(name)
      ? value.split(",").filter((r) => r !== "").sort()
      : name === "x-service-catalog"
      ? JSON.parse(value) // keystonemiddleware writes `json.dumps` spacing, we write compact JSON
      : value
  }
  return out
}

/** The decision: status, `WWW-Authenticate`, the 401's body, and the headers the app saw. */
export const view = (a: Answer) => ({
  status: a.status,
  wwwAuthenticate: a.responseHeaders["www-authenticate"],
  error: a.status === 401 ? JSON.parse(a.body) : undefined,
  headers: identityHeaders(a.headers)
})

/** Sends the same request to keystonemiddleware and to ours; both must decide alike and set the same headers. */
export const agree = async (
  ours: (mount: Mount, headers: Record<string, string>) => Promise<Answer>,
  mount: Mount,
  headers: Record<string, string>
) => {
  const [theirs, mine] = await Promise.all([keystonemiddleware(mount, headers), ours(mount, headers)])
  expect(view(mine)).toEqual(view(theirs))
  return view(mine)
}
