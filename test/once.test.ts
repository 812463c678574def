/**
 * Rules the library writes once (issue 9): each is defined in one module,
 * and the packages' other sources use it from there. A copy written by hand
 * elsewhere fails here, naming where it is.
 */
import { describe, expect, it } from "@effect/vitest"
import * as fs from "node:fs"
import * as path from "node:path"
import { fileURLToPath } from "node:url"

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..")

/** Every TypeScript source of the packages (not tests, not builds). */
const sources = (): Array<string> =>
  fs.readdirSync(path.join(root, "packages")).flatMap((p) => {
    const src = path.join(root, "packages", p, "src")
    if (!fs.existsSync(src)) return []
    return (fs.readdirSync(src, { recursive: true }) as Array<string>)
      .filter((f) => f.endsWith(".ts"))
      .map((f) => path.relative(root, path.join(src, f)))
  })

/** The sources where `pattern` matches, outside comments. */
const where = (pattern: RegExp): Array<string> =>
  sources().filter((file) =>
    fs.readFileSync(path.join(root, file), "utf8").split("\n").some((line) => {
      const code = line.trim()
      return !code.startsWith("*") && !code.startsWith("//") && !code.startsWith("/*") && pattern.test(line)
    })
  )

const rules: ReadonlyArray<readonly [rule: string, pattern: RegExp, home: string]> = [
  ["trailing slashes are stripped by Url.withoutTrailingSlashes", /\\\/\+\$/, "packages/schema/src/Url.ts"],
  ["the endpoint interfaces are Catalog.Interface", /["']public["']\s*[|,]\s*["']internal["']/, "packages/schema/src/Catalog.ts"],
  ["exponential backoff is Retry.backoff", /Schedule\.exponential\b/, "packages/client/src/internal/retry.ts"],
  ["jitter is Retry.backoff's", /Schedule\.jittered\b/, "packages/client/src/internal/retry.ts"],
  ["a Retry-After header is read by the client's errors", /\[["']retry-after["']\]|get\(["']retry-after["']\)/i, "packages/client/src/internal/errors.ts"],
  ["an auth URL's /v3 or /v2.0 suffix is read by Url.apiVersion", /\\\/\(?(?:v3|v2\\\.0)[^\n]{0,8}\$/, "packages/schema/src/Url.ts"],
  ["single flight on Effect's Cache is Memo's", /\bCache\.(make|makeWith)\b/, "packages/client/src/internal/memo.ts"]
]

describe("each rule is written once", () => {
  it("the package sources are found", () => {
    expect(sources()).toContain("packages/schema/src/Url.ts")
    expect(sources()).toContain("packages/cache/src/internal/session.ts")
  })

  for (const [rule, pattern, home] of rules) {
    it(rule, () => {
      expect(where(pattern)).toEqual([home])
    })
  }
})
