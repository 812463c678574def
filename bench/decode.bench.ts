/**
 * Decode cost of a v3 token with a large catalog, as a ratio to JSON.parse of the same text.
 * Target: ≤ 3×, on tokens whose catalogs differ in every endpoint (two projects, taken in
 * turn), so that no part of the last catalog decoded is shared. The same catalog as the last
 * token's (tokens of one project), where decoding shares it whole, is printed for context, and
 * so is `Token.decodeV3Text` on such tokens, which then does not parse the catalog again.
 */
import { Token } from "@effect-keystone/schema"
import { Either, Redacted } from "effect"
import { largeTokenBody } from "./fixtures.js"
import { compare, context, report } from "./measure.js"

export const run = () => {
  const text = JSON.stringify(largeTokenBody())
  const project = largeTokenBody().token.project.id
  // the other project's token: its id in every endpoint URL
  const texts = [text, text.replaceAll(project, "0f0e0d0c0b0a09080706050403020100")] as const
  const id = Redacted.make("gAAAAA-bench")
  const check = Token.decodeV3(id, JSON.parse(text))
  if (Either.isLeft(check)) throw new Error(String(check.left))
  let turn = 0
  const next = () => texts[turn ^= 1]
  const result = compare(
    { label: "JSON.parse", fn: () => JSON.parse(next()) },
    { label: "JSON.parse + Token.decodeV3", fn: () => Token.decodeV3(id, JSON.parse(next())) }
  )
  const name = `decode a v3 token (${(text.length / 1024).toFixed(0)} KiB, ${check.right.catalog.services.length} services)`
  const target = report({ name: `${name}, two projects in turn (every endpoint differs)`, ...result, target: { max: 3 } })
  const same = compare(
    { label: "JSON.parse", fn: () => JSON.parse(text) },
    { label: "JSON.parse + Token.decodeV3", fn: () => Token.decodeV3(id, JSON.parse(text)) }
  )
  context({ name: `${name}, the same catalog as the last token's (shared whole)`, ...same })
  // from the text, as the client decodes: a catalog whose text was decoded twice in a row is not parsed again
  const texts3 = [text, text.replace("2099-01-01T00:00:00.000000Z", "2099-01-02T00:00:00.000000Z")] as const
  const fromText = compare(
    { label: "JSON.parse", fn: () => JSON.parse(texts3[turn ^= 1]) },
    { label: "Token.decodeV3Text", fn: () => Token.decodeV3Text(id, texts3[turn ^= 1]) }
  )
  context({
    name: `${name}, from its text (Token.decodeV3Text), tokens of one project: the catalog's text the same as the last ones'`,
    ...fromText
  })
  return target
}
