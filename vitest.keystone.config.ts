import { defineConfig } from "vitest/config"
import { alias } from "./vitest.shared.js"

// The conformance suite against a real Keystone (scripts/keystone-up.sh).
export default defineConfig({
  resolve: { alias },
  test: {
    include: ["packages/*/test/**/*.keystone.test.ts", "examples/test/**/*.keystone.test.ts"],
    testTimeout: 60_000,
    fileParallelism: false
  }
})
