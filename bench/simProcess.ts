/** The KeystoneSim of `sim-server.ts` in a child process (its CPU is not the benchmark's), for as long as the scope lasts. */
import { Effect } from "effect"
import { spawn } from "node:child_process"
import * as path from "node:path"
import { fileURLToPath } from "node:url"

const here = path.dirname(fileURLToPath(import.meta.url))

/** The simulator's auth URL once it listens; killed when the scope closes. */
export const simProcess = Effect.acquireRelease(
  Effect.async<{ readonly authUrl: string; readonly kill: () => void }>((resume) => {
    const child = spawn(process.execPath, ["--import", "tsx", path.join(here, "sim-server.ts")], {
      stdio: ["ignore", "pipe", "inherit"]
    })
    let out = ""
    child.stdout.on("data", (chunk: Buffer) => {
      out += chunk.toString()
      const line = out.split("\n")[0]
      if (out.includes("\n") && line !== undefined) resume(Effect.succeed({ authUrl: line.trim(), kill: () => child.kill() }))
    })
  }),
  (p) => Effect.sync(() => p.kill())
)
