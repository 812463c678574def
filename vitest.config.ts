import { defineConfig } from "vitest/config"
import { alias } from "./vitest.shared.js"

const project = (name: string, include: Array<string>, extra: Record<string, unknown> = {}) => ({
  resolve: { alias },
  test: { name, include, exclude: ["**/node_modules/**", "**/*.keystone.test.ts"], testTimeout: 30_000, ...extra }
})

export default defineConfig({
  test: {
    projects: [
      project("schema", ["packages/schema/test/**/*.test.ts"]),
      project("client", ["packages/client/test/**/*.test.ts"]),
      project("testing", ["packages/testing/test/**/*.test.ts"]),
      project("cache", ["packages/cache/test/**/*.test.ts"]),
      project("cli", ["packages/cli/test/**/*.test.ts"]),
      project("middleware", ["packages/middleware/test/**/*.test.ts"]),
      project("examples", ["examples/test/**/*.test.ts"]),
      project("portable", ["test/*.test.ts"])
    ]
  }
})
