/**
 * keystonemiddleware_baseline.py as a process answering commands, one JSON
 * line each way, so that its rounds can alternate with ours. Its input
 * (tokens, the service password) goes on stdin, never on the command line.
 */
import { spawn } from "node:child_process"
import * as readline from "node:readline"

const python = "/usr/bin/python3"

export interface Baseline {
  readonly version: string
  /** ns per cached request through auth_token, measured for `seconds`. */
  readonly cached: (seconds: number) => Promise<number>
  /** ns per request straight to the app (webob alone). */
  readonly bare: (seconds: number) => Promise<number>
  readonly concurrent: () => Promise<{ readonly validations: number; readonly ok: number; readonly requests: number }>
  readonly close: () => void
}

/** The running baseline, or why it cannot run. */
export const startBaseline = (script: string, input: unknown): Promise<Baseline | string> =>
  new Promise((resolve) => {
    const child = spawn(python, [script], { stdio: ["pipe", "pipe", "pipe"] })
    let err = ""
    const waiting: Array<(line: Record<string, unknown>) => void> = []
    const unavailable = (why: string) =>
      `keystonemiddleware baseline unavailable (${python}: ${why}); install Debian's python3-keystonemiddleware`
    child.stderr.on("data", (d) => (err += d))
    child.on("error", (e) => resolve(unavailable(e.message)))
    child.on("close", () => {
      resolve(unavailable(err.trim().split("\n").pop() ?? "exited"))
      for (const w of waiting.splice(0)) w({ error: err.trim().split("\n").pop() ?? "exited" })
    })
    const ask = (command: Record<string, unknown>) =>
      new Promise<Record<string, unknown>>((answer, fail) => {
        waiting.push((line) => ("error" in line ? fail(new Error(`baseline: ${String(line.error)}`)) : answer(line)))
        child.stdin.write(`${JSON.stringify(command)}\n`)
      })
    readline.createInterface({ input: child.stdout }).on("line", (text) => {
      const line = JSON.parse(text) as Record<string, unknown>
      if (line.ready === true) {
        resolve({
          version: String(line.version),
          cached: async (seconds) => Number((await ask({ cmd: "cached", seconds })).ns),
          bare: async (seconds) => Number((await ask({ cmd: "bare", seconds })).ns),
          concurrent: async () => (await ask({ cmd: "concurrent" })) as never,
          close: () => child.stdin.end(`${JSON.stringify({ cmd: "quit" })}\n`)
        })
        return
      }
      waiting.shift()?.(line)
    })
    child.stdin.write(`${JSON.stringify(input)}\n`)
  })
