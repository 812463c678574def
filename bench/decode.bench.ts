/**
 * Decode cost of a v3 token with a large catalog, as a ratio to JSON.parse of the same text.
 * Target: ≤ 3×.
 */
import { Token } from "@effect-keystone/schema"
import { Either, Redacted } from "effect"
import { largeTokenBody } from "./fixtures.js"
import { compare, report } from "./measure.js"

export const run = () => {
  const text = JSON.stringify(largeTokenBody())
  const id = Redacted.make("gAAAAA-bench")
  const check = Token.decodeV3(id, JSON.parse(text))
  if (Either.isLeft(check)) throw new Error(String(check.left))
  const result = compare(
    { label: "JSON.parse", fn: () => JSON.parse(text) },
    { label: "JSON.parse + Token.decodeV3", fn: () => Token.decodeV3(id, JSON.parse(text)) }
  )
  return report({
    name: `decode a v3 token (${(text.length / 1024).toFixed(0)} KiB, ${check.right.catalog.services.length} services)`,
    ...result,
    target: { max: 3 }
  })
}
