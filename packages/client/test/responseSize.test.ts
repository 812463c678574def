/**
 * Issue 8, response size: bodies are capped (`maxResponseBytes`) and the
 * connection is aborted once the cap is passed, over a real loopback socket
 * with undici. What the server could hand over is bounded by the socket's
 * buffers, not by the body; the tests assert the server saw the abort. Also
 * header values with CR/LF over undici: refused unsent, not retried.
 */
import { KeystoneClient } from "@effect-keystone/client"
import { NodeHttpClient } from "@effect/platform-node"
import type * as HttpClient from "@effect/platform/HttpClient"
import { describe, expect, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import type * as Scope from "effect/Scope"
import * as http from "node:http"
import type * as net from "node:net"
import { demoPassword } from "./utils.js"

const MiB = 1024 * 1024
const chunk = Buffer.alloc(64 * 1024, "x")

interface Served {
  readonly authUrl: string
  /** Requests that reached the server. */
  readonly requests: () => number
  /** Body bytes the server handed to the socket. */
  readonly written: () => number
  /** Resolves when the response is closed: `true` if it was cut off before its end. */
  readonly closed: Promise<boolean>
}

/** A server that answers every request with `headers` and `total` body bytes (Infinity: endless), honouring backpressure. */
const serve = (
  status: number,
  headers: Record<string, string | number>,
  total: number
): Effect.Effect<Served, never, Scope.Scope> =>
  Effect.acquireRelease(
    Effect.async<{ server: http.Server; served: Served }>((resume) => {
      let requests = 0
      let written = 0
      let markClosed: (aborted: boolean) => void = () => {}
      const closed = new Promise<boolean>((resolve) => (markClosed = resolve))
      const server = http.createServer((_req, res) => {
        requests++
        res.on("close", () => markClosed(!res.writableFinished))
        res.writeHead(status, headers)
        const pump = () => {
          while (!res.destroyed && written < total) {
            written += chunk.length
            if (!res.write(chunk)) return void res.once("drain", pump)
          }
          if (!res.destroyed) res.end()
        }
        pump()
      })
      server.listen(0, "127.0.0.1", () => {
        const { port } = server.address() as net.AddressInfo
        resume(Effect.succeed({
          server,
          served: { authUrl: `http://127.0.0.1:${port}/v3`, requests: () => requests, written: () => written, closed }
        }))
      })
    }),
    ({ server }) =>
      Effect.async<void>((resume) => {
        server.closeAllConnections()
        server.close(() => resume(Effect.void))
      })
  ).pipe(Effect.map(({ served }) => served))

const issueFrom = (served: Served, options: Partial<KeystoneClient.Options> = {}) =>
  Effect.flatMap(
    KeystoneClient.make({ authUrl: served.authUrl, retry: false, timeout: "60 seconds", ...options }),
    (client) => Effect.flip(client.issue({ credentials: demoPassword }))
  )

const run = <A, E>(effect: Effect.Effect<A, E, HttpClient.HttpClient | Scope.Scope>) =>
  Effect.scoped(effect).pipe(Effect.provide(NodeHttpClient.layerUndici))

const token = { "content-type": "application/json", "x-subject-token": "gAAAAABtoken" }

describe("response bodies are capped (maxResponseBytes, default 4 MiB)", () => {
  it.live("a 50 MB body declared by Content-Length is refused before reading; the connection is aborted", () =>
    run(Effect.gen(function*() {
      const served = yield* serve(201, { ...token, "content-length": 50 * 1_000_000 }, 50 * 1_000_000)
      const error = yield* issueFrom(served)
      expect(error).toMatchObject({ _tag: "DecodeError", status: 201 })
      expect(error.message).toContain("Content-Length 50000000")
      expect(error.message).toContain(`maxResponseBytes (${4 * MiB} bytes)`)
      expect(yield* Effect.promise(() => served.closed)).toBe(true)
      expect(served.written()).toBeLessThan(50 * 1_000_000)
    })))

  it.live("a 100 MB chunked reply to issue fails at the cap; the connection is aborted", () =>
    run(Effect.gen(function*() {
      const served = yield* serve(201, token, 100 * 1_000_000)
      const error = yield* issueFrom(served)
      expect(error).toMatchObject({ _tag: "DecodeError", status: 201 })
      expect(error.message).toMatch(/is larger than maxResponseBytes/)
      expect(yield* Effect.promise(() => served.closed)).toBe(true)
      expect(served.written()).toBeLessThan(100 * 1_000_000)
    })))

  it.live("an endless chunked body fails at the cap (not at the 60 s timeout); the connection is aborted", () =>
    run(Effect.gen(function*() {
      const served = yield* serve(200, { "content-type": "application/json" }, Number.POSITIVE_INFINITY)
      const error = yield* issueFrom(served, { maxResponseBytes: MiB })
      expect(error).toMatchObject({ _tag: "DecodeError", status: 200 })
      expect(error.message).toContain(`maxResponseBytes (${MiB} bytes)`)
      expect(yield* Effect.promise(() => served.closed)).toBe(true)
      expect(served.requests()).toBe(1)
    })))

  it.live("maxResponseBytes is configurable: a body just over it fails, the same body under a larger cap is read", () =>
    run(Effect.gen(function*() {
      const served = yield* serve(401, { "content-type": "application/json" }, chunk.length)
      expect(yield* issueFrom(served, { maxResponseBytes: chunk.length - 1 })).toMatchObject({ _tag: "DecodeError" })
      // read whole: a 401 whose body is not JSON
      expect(yield* issueFrom(served, { maxResponseBytes: chunk.length })).toMatchObject({ _tag: "Unauthorized", status: 401 })
    })))
})

describe("invalid header values over undici", () => {
  it.live("CR/LF in the headers option: InvalidInput at once, nothing reaches the server, no retry", () =>
    run(Effect.gen(function*() {
      const served = yield* serve(201, token, 0)
      const error = yield* Effect.flatMap(
        KeystoneClient.make({ authUrl: served.authUrl, headers: { "x-app": "a\r\nX-Evil: 1" } }),
        (client) => Effect.flip(client.issue({ credentials: demoPassword }))
      )
      expect(error).toMatchObject({ _tag: "InvalidInput", input: "headers" })
      expect(served.requests()).toBe(0)
    })))
})
