/**
 * What the adapters need of a `Forward` decision, computed once per decision
 * (a remembered token's decision is the same object request after request):
 * the headers to set with their lowercase names, and the names to remove as
 * a set.
 *
 * @internal
 */
import type { Decision } from "../AuthToken.js"

/** A header to set: its name as keystonemiddleware writes it, lowercase, and its value. @internal */
export interface SetHeader {
  readonly name: string
  readonly lower: string
  readonly value: string
}

const setHeaders = new WeakMap<Readonly<Record<string, string>>, ReadonlyArray<SetHeader>>()
const removeSets = new WeakMap<ReadonlyArray<string>, ReadonlySet<string>>()

/** @internal */
export const toSet = (decision: Decision & { readonly _tag: "Forward" }): ReadonlyArray<SetHeader> => {
  let headers = setHeaders.get(decision.set)
  if (headers === undefined) {
    headers = Object.keys(decision.set).map((name) => ({ name, lower: name.toLowerCase(), value: decision.set[name]! }))
    setHeaders.set(decision.set, headers)
  }
  return headers
}

/** The lowercase names to remove. @internal */
export const toRemove = (decision: Decision & { readonly _tag: "Forward" }): ReadonlySet<string> => {
  let names = removeSets.get(decision.remove)
  if (names === undefined) {
    names = new Set(decision.remove.map((n) => n.toLowerCase()))
    removeSets.set(decision.remove, names)
  }
  return names
}
