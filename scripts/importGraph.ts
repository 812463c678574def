/**
 * What `import`ing a module loads, for tests that keep a package entry free
 * of Node built-ins or of a heavy dependency (e.g. "the cache package's main
 * entry loads no ioredis, yaml or `node:` module").
 *
 * `importGraph` bundles the entry with esbuild (workspace packages resolved
 * to their sources through tsconfig.json's `paths`, as the tests run them),
 * ignoring `sideEffects` and pure annotations so that every module a runtime
 * would evaluate is counted, and reads the metafile. `offending` names what a
 * graph must not contain, each with the import chain that brings it in.
 */
import * as esbuild from "esbuild"
import { builtinModules } from "node:module"
import * as path from "node:path"
import { fileURLToPath } from "node:url"

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..")
const builtins = new Set(builtinModules)

/** A module the entry loads: a file (relative to the repository root) or a runtime built-in (`node:fs`, `fs`). */
export interface ImportGraph {
  readonly entry: string
  /** Each loaded module and the modules it imports (built-ins by their specifier). */
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
    imports.set(file, input.imports.map((i) => i.path))
  }
  return { entry, imports }
}

/** Whether `specifier` is a runtime built-in (`node:…`, `bun:…`, or a bare Node built-in such as `fs`). */
export const isBuiltin = (specifier: string): boolean =>
  /^(node|bun):/.test(specifier) || builtins.has(specifier)

/** Whether `module` is a file of the npm package `name`. */
export const isPackage = (name: string) => (module: string): boolean =>
  module.startsWith(`node_modules/${name}/`) || module.includes(`/node_modules/${name}/`)

/** The import chain from the entry to `target` (breadth first: a shortest one), or `undefined`. */
export const chain = (graph: ImportGraph, target: string): ReadonlyArray<string> | undefined => {
  const start = graph.entry
  const previous = new Map<string, string | undefined>([[start, undefined]])
  const queue = [start]
  while (queue.length > 0) {
    const current = queue.shift()!
    if (current === target) {
      const out: Array<string> = []
      for (let at: string | undefined = current; at !== undefined; at = previous.get(at)) out.unshift(at)
      return out
    }
    for (const next of graph.imports.get(current) ?? []) {
      if (!previous.has(next)) {
        previous.set(next, current)
        queue.push(next)
      }
    }
  }
  return undefined
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
  const modules = new Set<string>(graph.imports.keys())
  for (const list of graph.imports.values()) for (const m of list) modules.add(m)
  const found = new Map<string, string>()
  for (const module of modules) {
    const label = options.allowBuiltins !== true && isBuiltin(module)
      ? module
      : (options.packages ?? []).find((name) => isPackage(name)(module))
    if (label === undefined) continue
    const route = chain(graph, module)
    const line = (route ?? [module]).join(" → ")
    const known = found.get(label)
    if (known === undefined || line.length < known.length) found.set(label, line)
  }
  return [...found.values()].sort()
}
