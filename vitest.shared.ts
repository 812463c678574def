import * as path from "node:path"
import { fileURLToPath } from "node:url"

const root = path.dirname(fileURLToPath(import.meta.url))

const packages = ["schema", "client", "cache", "testing", "cli", "middleware"]

/**
 * Resolve workspace packages to their sources, so tests need no build:
 * `@effect-keystone/<p>` to its index, `@effect-keystone/<p>/<Module>` (e.g.
 * `@effect-keystone/client/Tls`) to that module.
 */
export const alias = [
  ...packages.map((p) => ({
    find: new RegExp(`^@effect-keystone/${p}$`),
    replacement: path.join(root, "packages", p, "src", "index.ts")
  })),
  ...packages.map((p) => ({
    find: new RegExp(`^@effect-keystone/${p}/(\\w+)$`),
    replacement: path.join(root, "packages", p, "src", "$1.ts")
  }))
]
