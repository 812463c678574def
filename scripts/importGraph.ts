/**
 * What `import`ing a module loads, for tests that keep a package entry free
 * of Node built-ins or of a heavy dependency (e.g. "the cache package's main
 * entry loads no ioredis, yaml or `node:` module").
 *
 * `importGraph` bundles the entry with esbuild (workspace packages resolved
 * to their sources through tsconfig.json's `paths`, as the tests run them),
 * ignoring `sideEffects` and pure annotations so that every module a runtime
 * would evaluate is counted, and reads the metafile. `offending` names what a
 * graph must not contain, each with the import chain that brings it in;
 * `cycles` finds runtime import cycles.
 */
import * as esbuild from "esbuild"
import { builtinModules } from "node:module"
import * as path from "node:path"
import { fileURLToPath } from "node:url"

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..")
const builtins = new Set(builtinModules)

/** What `entry` loads when imported: files (relative to the repository root) and runtime built-ins (`node:fs`, `fs`). */
export interface ImportGraph {
  readonly entry: string
  /**
   * Each module and the modules it imports statically (built-ins by their specifier). A dynamic `import()`
   * is not followed: it loads only when it runs.
   */
  readonly imports: ReadonlyMap<string, ReadonlyArray<string>>
}

/** Loads the graph of `entry` (a path relative to the repository root, e.g. `packages/cache/src/index.ts`). */
export const importGraph = async (entry: string): Promise<ImportGraph> => {
  const result = await esbuild.build({
    absWorkingDir: root,
    entryPoints: [entry],
    bundle: true,
    write: false,
    metafile: true,
    outdir: "import-graph-out",
    format: "esm",
    platform: "node",
    ignoreAnnotations: true,
    tsconfig: path.join(root, "tsconfig.json"),
    logLevel: "silent"
  })
  const imports = new Map<string, Array<string>>()
  for (const [file, input] of Object.entries(result.metafile.inputs)) {
    imports.set(file, input.imports.filter((i) => i.kind !== "dynamic-import").map((i) => i.path))
  }
  return { entry, imports }
}

/** Whether `specifier` is a runtime built-in (`node:…`, `bun:…`, or a bare Node built-in such as `fs`). */
export const isBuiltin = (specifier: string): boolean =>
  /^(node|bun):/.test(specifier) || builtins.has(specifier)

/** Whether `module` is a file of the npm package `name`. */
export const isPackage = (name: string) => (module: string): boolean =>
  module.startsWith(`node_modules/${name}/`) || module.includes(`/node_modules/${name}/`)

/** The modules the entry loads, each with a shortest import chain that brings it in (the entry's own is `[entry]`). */
export const loaded = (graph: ImportGraph): ReadonlyMap<string, ReadonlyArray<string>> => {
  const out = new Map<string, ReadonlyArray<string>>([[graph.entry, [graph.entry]]])
  const queue = [graph.entry]
  while (queue.length > 0) {
    const current = queue.shift()!
    for (const next of graph.imports.get(current) ?? []) {
      if (!out.has(next)) {
        out.set(next, [...out.get(current)!, next])
        queue.push(next)
      }
    }
  }
  return out
}

/**
 * What the graph loads that it must not: every built-in (unless `allowBuiltins`) and every file of the
 * `packages` listed, one line each with the chain that brings it in (`a.ts → b.ts → node:fs`).
 * Files of one package are reported once, by the first reached.
 */
export const offending = (
  graph: ImportGraph,
  options: { readonly packages?: ReadonlyArray<string>; readonly allowBuiltins?: boolean } = {}
): ReadonlyArray<string> => {
  const found = new Map<string, string>()
  for (const [module, route] of loaded(graph)) {
    const label = options.allowBuiltins !== true && isBuiltin(module)
      ? module
      : (options.packages ?? []).find((name) => isPackage(name)(module))
    if (label === undefined) continue
    const line = route.join(" → ")
    const known = found.get(label)
    if (known === undefined || line.length < known.length) found.set(label, line)
  }
  return [...found.values()].sort()
}

/**
 * The runtime import cycles among the modules whose path starts with `prefix` (type-only imports are erased
 * and do not count), each as `a.ts → b.ts → a.ts`.
 */
export const cycles = (graph: ImportGraph, prefix: string): ReadonlyArray<string> => {
  const found: Array<string> = []
  const state = new Map<string, "open" | "done">()
  const stack: Array<string> = []
  const visit = (module: string): void => {
    state.set(module, "open")
    stack.push(module)
    for (const next of graph.imports.get(module) ?? []) {
      if (!next.startsWith(prefix)) continue
      if (state.get(next) === "open") found.push([...stack.slice(stack.indexOf(next)), next].join(" → "))
      else if (!state.has(next)) visit(next)
    }
    stack.pop()
    state.set(module, "done")
  }
  for (const module of graph.imports.keys()) if (module.startsWith(prefix) && !state.has(module)) visit(module)
  return found
}
