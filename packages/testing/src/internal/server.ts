/**
 * The simulator behind a real `node:http` server on loopback.
 */
import * as Effect from "effect/Effect"
import * as Fiber from "effect/Fiber"
import * as Runtime from "effect/Runtime"
import type * as Scope from "effect/Scope"
import * as NodeHttp from "node:http"
import type { AddressInfo } from "node:net"
import type { KeystoneSimService, Seed } from "../KeystoneSim.js"
import type { SimRequest } from "./http.js"
import * as sim from "./sim.js"

const readBody = (req: NodeHttp.IncomingMessage): Effect.Effect<string | undefined> =>
  Effect.async<string | undefined>((resume) => {
    const chunks: Array<Buffer> = []
    req.on("data", (chunk: Buffer) => chunks.push(chunk))
    req.on("end", () => resume(Effect.succeed(chunks.length === 0 ? undefined : Buffer.concat(chunks).toString("utf8"))))
    req.on("error", () => resume(Effect.succeed(undefined)))
  })

const headers = (req: NodeHttp.IncomingMessage): Record<string, string> => {
  const out: Record<string, string> = {}
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) out[name] = Array.isArray(value) ? value.join(", ") : value
  }
  return out
}

const exchange = (
  s: sim.Sim,
  baseUrl: string,
  req: NodeHttp.IncomingMessage,
  res: NodeHttp.ServerResponse
): Effect.Effect<void> =>
  Effect.gen(function*() {
    const request: SimRequest = {
      method: req.method ?? "GET",
      url: new URL(req.url ?? "/", baseUrl),
      headers: headers(req),
      body: yield* readBody(req)
    }
    const outcome = yield* s.respond(request)
    if (outcome._tag === "Dropped") {
      req.socket.destroy()
      return
    }
    res.writeHead(outcome.status, outcome.statusText, outcome.headers)
    res.end(outcome.body)
  }).pipe(
    Effect.catchAllDefect(() =>
      Effect.sync(() => {
        if (res.headersSent) res.destroy()
        else res.writeHead(500).end()
      })
    )
  )

export const serve = <E>(
  seed: Partial<Seed> | undefined,
  options: { readonly port?: number; readonly host?: string } | undefined,
  onError: (cause: unknown, message: string) => E
): Effect.Effect<KeystoneSimService, E, Scope.Scope> =>
  Effect.gen(function*() {
    const runtime = yield* Effect.runtime<never>()
    const host = options?.host ?? "127.0.0.1"
    const port = options?.port ?? 0
    const server = NodeHttp.createServer()
    const fibers = new Set<Fiber.RuntimeFiber<void>>()

    yield* Effect.acquireRelease(
      Effect.async<void, E>((resume) => {
        const failed = (cause: Error) =>
          resume(Effect.fail(onError(cause, `KeystoneSim could not listen on ${host}:${port}: ${cause.message}`)))
        server.once("error", failed)
        server.listen(port, host, () => {
          server.off("error", failed)
          resume(Effect.void)
        })
      }),
      () =>
        Effect.zipRight(
          Fiber.interruptAll([...fibers]),
          Effect.async<void>((resume) => {
            server.close(() => resume(Effect.void))
            server.closeAllConnections()
          })
        )
    )

    const address = server.address() as AddressInfo
    const hostPart = address.family === "IPv6" ? `[${address.address}]` : address.address
    const baseUrl = `http://${hostPart}:${address.port}`
    const s = sim.unsafeMake(seed, baseUrl)
    server.on("request", (req, res) => {
      const fiber = Runtime.runFork(runtime)(exchange(s, baseUrl, req, res))
      fibers.add(fiber)
      fiber.addObserver(() => fibers.delete(fiber))
    })
    return s.service
  })
