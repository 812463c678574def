/**
 * The flow under Bun, the simulator on Bun's own server (`Bun.serve` through
 * `@effect/platform-bun`).
 */
import * as BunHttpServer from "@effect/platform-bun/BunHttpServer"
import { run } from "./flow.js"

run(`Bun ${(globalThis as unknown as { Bun: { version: string } }).Bun.version}`, BunHttpServer.layerServer({ hostname: "127.0.0.1", port: 0 }))
  .then((failed) => (globalThis as unknown as { process: { exitCode: number } }).process.exitCode = failed === 0 ? 0 : 1)
  .catch((error) => {
    console.log(`Bun: the flow could not run: ${error}\n0 passed, 1 failed`)
    ;(globalThis as unknown as { process: { exitCode: number } }).process.exitCode = 1
  })
