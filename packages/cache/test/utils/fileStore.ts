/**
 * What the file store's test files share: a temporary root removed after
 * the file's tests, fresh directories under it, and the store's layer on
 * Node's file system.
 */
import * as NodeContext from "@effect/platform-node/NodeContext"
import { afterAll } from "@effect/vitest"
import * as Layer from "effect/Layer"
import * as Fs from "node:fs"
import * as Os from "node:os"
import * as Path from "node:path"
import * as FileTokenStore from "../../src/FileTokenStore.js"

/** A temporary root for this test file (removed after its tests) and fresh directory paths under it (not created). */
export const tempDirs = (prefix: string) => {
  const root = Fs.mkdtempSync(Path.join(Os.tmpdir(), prefix))
  afterAll(() => Fs.rmSync(root, { recursive: true, force: true }))
  let count = 0
  return { root, freshDir: () => Path.join(root, `d${count++}`) }
}

/** `FileTokenStore.layer` on Node's file system and paths. */
export const fileLayer = (options: FileTokenStore.Options) => FileTokenStore.layer(options).pipe(Layer.provide(NodeContext.layer))
