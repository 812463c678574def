/**
 * The READMEs' complete programs compile: every ```ts block of the root
 * README and the package READMEs that begins with an `import` is
 * type-checked as a module of its own, against the sources (the root
 * tsconfig's paths), so a renamed or removed API cannot live on in them.
 * Blocks that do not begin with an `import` are fragments of a larger
 * program and are not checked. `expect` is declared for the testing
 * package's test snippet.
 */
import { describe, expect, it } from "@effect/vitest"
import * as fs from "node:fs"
import * as path from "node:path"
import { fileURLToPath } from "node:url"
import ts from "typescript"

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..")

const readmes = [
  "README.md",
  ...fs.readdirSync(path.join(root, "packages")).map((p) => path.join("packages", p, "README.md"))
].filter((f) => fs.existsSync(path.join(root, f)))

interface Snippet {
  readonly readme: string
  /** The line of the README the block's code starts on. */
  readonly line: number
  readonly code: string
}

/** The README's ```ts blocks whose first line of code is an `import`. */
export const programs = (readme: string, text: string): Array<Snippet> => {
  const found: Array<Snippet> = []
  for (const match of text.matchAll(/^```ts\n([\s\S]*?)^```/gm)) {
    const code = match[1]!
    const first = code.split("\n").find((l) => l.trim() !== "" && !l.trim().startsWith("//"))
    if (first === undefined || !first.startsWith("import ")) continue
    found.push({ readme, line: text.slice(0, match.index).split("\n").length + 1, code })
  }
  return found
}

/** Type errors of each snippet, as `README.md:12: message`. */
const typeErrors = (snippets: ReadonlyArray<Snippet>): Array<string> => {
  const configFile = path.join(root, "tsconfig.json")
  const parsed = ts.parseJsonConfigFileContent(ts.readConfigFile(configFile, ts.sys.readFile).config, ts.sys, root)
  const options: ts.CompilerOptions = { ...parsed.options, noEmit: true, noUnusedLocals: false, noUnusedParameters: false }
  const virtual = new Map<string, string>()
  const files = snippets.map((s, i) => {
    const file = path.join(root, "examples", "test", `.readme-snippet-${i}.ts`)
    virtual.set(file, `${s.code}\nexport {}\n`)
    return file
  })
  const prelude = path.join(root, "examples", "test", ".readme-prelude.d.ts")
  virtual.set(prelude, `declare const expect: typeof import("vitest").expect\n`)
  const host = ts.createCompilerHost(options)
  const getSourceFile = host.getSourceFile.bind(host)
  host.getSourceFile = (name, language, onError, shouldCreate) => {
    const text = virtual.get(path.resolve(name))
    return text !== undefined ? ts.createSourceFile(name, text, language) : getSourceFile(name, language, onError, shouldCreate)
  }
  const fileExists = host.fileExists.bind(host)
  host.fileExists = (name) => virtual.has(path.resolve(name)) || fileExists(name)
  const readFile = host.readFile.bind(host)
  host.readFile = (name) => virtual.get(path.resolve(name)) ?? readFile(name)
  const program = ts.createProgram([prelude, ...files], options, host)
  return files.flatMap((file, i) => {
    const source = program.getSourceFile(file)!
    return [...program.getSyntacticDiagnostics(source), ...program.getSemanticDiagnostics(source)].map((d) => {
      const line = d.start === undefined ? 0 : source.getLineAndCharacterOfPosition(d.start).line
      return `${snippets[i]!.readme}:${snippets[i]!.line + line}: ${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`
    })
  })
}

describe("the READMEs' code", () => {
  it("finds the complete programs (an import first) and leaves fragments out", () => {
    const text = "```ts\nimport { A } from \"a\"\nA\n```\n\n```ts\nconst x = yield* y\n```\n\n```ts\n// a comment\nimport * as B from \"b\"\n```\n"
    expect(programs("R.md", text).map((s) => [s.line, s.code.split("\n")[0]])).toEqual([
      [2, "import { A } from \"a\""],
      [11, "// a comment"]
    ])
  })

  it("every complete program type-checks against the sources", () => {
    const snippets = readmes.flatMap((f) => programs(f, fs.readFileSync(path.join(root, f), "utf8")))
    expect(snippets.length).toBeGreaterThanOrEqual(10)
    expect(snippets.map((s) => s.readme)).toContain("packages/middleware/README.md")
    expect(typeErrors(snippets)).toEqual([])
  }, 180_000)
})
