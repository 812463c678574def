#!/usr/bin/env node
// The published package runs its build (dist/). A workspace checkout that has
// not been built yet (right after `npm install`) runs the TypeScript sources
// with tsx, the workspace packages resolved to their sources by the root
// tsconfig's paths, so `npx keystone-token` works before `npm run build`.
import { existsSync } from "node:fs"
import { fileURLToPath } from "node:url"

const dist = new URL("../dist/main.js", import.meta.url)

if (existsSync(fileURLToPath(dist))) {
  await import(dist.href)
} else {
  const source = new URL("../src/main.ts", import.meta.url)
  const tsconfig = fileURLToPath(new URL("../../../tsconfig.json", import.meta.url))
  let tsx
  try {
    tsx = await import("tsx/esm/api")
  } catch {
    process.stderr.write("keystone-token: not built (no dist/main.js) and tsx is not installed: run `npm run build`\n")
    process.exit(70)
  }
  tsx.register(existsSync(tsconfig) ? { tsconfig } : {})
  await import(source.href)
}
