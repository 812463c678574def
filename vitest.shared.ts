import * as path from "node:path"
import { fileURLToPath } from "node:url"

const root = path.dirname(fileURLToPath(import.meta.url))

/** Resolve workspace packages to their sources, so tests need no build. */
export const alias = Object.fromEntries(
  ["schema", "client", "cache", "testing", "cli"].map((p) => [
    `@effect-keystone/${p}`,
    path.join(root, "packages", p, "src", "index.ts")
  ])
)
