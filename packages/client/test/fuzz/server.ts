/**
 * A loopback HTTP/1.1 server over raw `node:net` sockets, so a reply can be
 * anything: cut mid-header, badly framed, dripped, never sent, or a body that
 * never ends. Each request names its case in `x-fuzz-case`; the case's n-th
 * request gets the case's n-th scripted reply.
 */
import * as net from "node:net"
import type { Case } from "./plan.js"
import { prepare, render, type Request, type Streamed } from "./render.js"

/** What the server saw of one case, read by the oracle once the call is over. */
export interface CaseLog {
  requests: number
  /** A huge body was written to the end: the client read all of it. */
  hugeCompleted: boolean
  /** An endless body reached `endlessLimit` before the client went away. */
  endlessLimitReached: boolean
}

/** An endless body stops here (and the connection is held open), so a client without a body cap cannot exhaust memory. */
export const endlessLimit = 64 * 1024 * 1024

export interface FuzzServer {
  readonly port: number
  readonly register: (id: string, c: Case) => CaseLog
  readonly unregister: (id: string) => void
  /** Connections in the middle of a reply (not waiting for a request): the client neither finished nor closed them. */
  readonly busySockets: () => number
  readonly close: () => Promise<void>
}

const fill = Buffer.alloc(64 * 1024, 0x61) // "aaaa…"
const endlessPrefix = Buffer.from("{\"token\": {\"methods\": [\"")
const maxHead = 64 * 1024

const parseHead = (head: string): { method: string; target: string; headers: Record<string, string> } | undefined => {
  const lines = head.split("\r\n")
  const [method, target] = lines[0].split(" ")
  if (method === undefined || target === undefined) return undefined
  const headers: Record<string, string> = {}
  for (const line of lines.slice(1)) {
    const i = line.indexOf(":")
    if (i > 0) headers[line.slice(0, i).trim().toLowerCase()] = line.slice(i + 1).trim()
  }
  return { method, target, headers }
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))

export const start = (): Promise<FuzzServer> => {
  const cases = new Map<string, { readonly plan: Case; readonly log: CaseLog }>()
  const sockets = new Set<net.Socket>()
  const busySockets = new Set<net.Socket>()

  const writeAll = (socket: net.Socket, bytes: Buffer): Promise<boolean> =>
    new Promise((resolve) => {
      if (socket.destroyed) return resolve(false)
      if (socket.write(bytes)) return resolve(true)
      const done = () => {
        socket.off("drain", done)
        socket.off("close", done)
        resolve(!socket.destroyed)
      }
      socket.once("drain", done)
      socket.once("close", done)
    })

  const stream = async (socket: net.Socket, body: Streamed, log: CaseLog): Promise<void> => {
    if (body.kind === "huge") {
      let left = body.size
      while (left > 0) {
        const piece = fill.subarray(0, Math.min(fill.length, left))
        if (!(await writeAll(socket, piece))) return
        left -= piece.length
      }
      log.hugeCompleted = true
      return
    }
    let written = 0
    const framed = (b: Buffer) => Buffer.concat([Buffer.from(`${b.length.toString(16)}\r\n`), b, Buffer.from("\r\n")])
    if (!(await writeAll(socket, framed(endlessPrefix)))) return
    const piece = framed(fill)
    while (written < endlessLimit) {
      if (!(await writeAll(socket, piece))) return
      written += fill.length
    }
    log.endlessLimitReached = true
  }

  const respond = async (socket: net.Socket, req: Request): Promise<"keep" | "stop"> => {
    const entry = cases.get(req.headers["x-fuzz-case"] ?? "")
    if (entry === undefined) {
      socket.end("HTTP/1.1 500 Unknown case\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
      return "stop"
    }
    const { log, plan } = entry
    const reply = plan.replies[Math.min(log.requests, plan.replies.length - 1)]
    log.requests++
    const rendered = render(reply, req, plan.issuedId)
    const d = reply.delivery
    if (d.kind === "never") return "stop"
    if (d.kind === "stall") await sleep(d.ms)
    if (d.kind === "cut") {
      const total = rendered.bytes.length + (rendered.streamed === undefined ? 0 : 1)
      const upTo = Math.min(rendered.bytes.length, Math.floor(d.fraction * total))
      if (socket.destroyed) return "stop"
      socket.write(rendered.bytes.subarray(0, upTo))
      if (d.reset) socket.resetAndDestroy()
      else socket.end()
      return "stop"
    }
    if (d.kind === "drip" && rendered.streamed === undefined) {
      const size = Math.ceil(rendered.bytes.length / d.pieces)
      for (let i = 0; i < rendered.bytes.length; i += size) {
        if (socket.destroyed) return "stop"
        socket.write(rendered.bytes.subarray(i, i + size))
        await sleep(d.delayMs)
      }
    } else if (!(await writeAll(socket, rendered.bytes))) return "stop"
    if (rendered.streamed !== undefined) await stream(socket, rendered.streamed, log)
    if (rendered.after === "keep") return "keep"
    if (rendered.after === "end" && !socket.destroyed) socket.end()
    return "stop"
  }

  const serve = (socket: net.Socket) => {
    sockets.add(socket)
    socket.setNoDelay(true)
    socket.on("error", () => {})
    socket.on("close", () => {
      sockets.delete(socket)
      busySockets.delete(socket)
    })
    let buffer: Buffer = Buffer.alloc(0)
    let busy = false
    let stopped = false
    const next = (): void => {
      if (busy || stopped) return
      const end = buffer.indexOf("\r\n\r\n")
      if (end < 0) {
        if (buffer.length > maxHead) socket.destroy()
        return
      }
      const head = parseHead(buffer.subarray(0, end).toString("latin1"))
      if (head === undefined) return void socket.destroy()
      const length = Number(head.headers["content-length"] ?? "0")
      if (buffer.length < end + 4 + length) return
      const body = buffer.subarray(end + 4, end + 4 + length).toString("utf8")
      buffer = buffer.subarray(end + 4 + length)
      busy = true
      busySockets.add(socket)
      respond(socket, { ...head, body }).then((after) => {
        busy = false
        if (after === "stop") stopped = true
        else {
          busySockets.delete(socket)
          next()
        }
      }, () => socket.destroy())
    }
    socket.on("data", (data: Buffer) => {
      buffer = buffer.length === 0 ? data : Buffer.concat([buffer, data])
      next()
    })
  }

  prepare()
  const server = net.createServer(serve)
  return new Promise((resolve, reject) => {
    server.once("error", reject)
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo
      resolve({
        port,
        register: (id, plan) => {
          const log: CaseLog = { requests: 0, hugeCompleted: false, endlessLimitReached: false }
          cases.set(id, { plan, log })
          return log
        },
        unregister: (id) => void cases.delete(id),
        busySockets: () => busySockets.size,
        close: () =>
          new Promise<void>((done) => {
            for (const s of sockets) s.destroy()
            server.close(() => done())
          })
      })
    })
  })
}
