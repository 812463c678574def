// Parsing a v3 token body's text without parsing its catalog again when the
// catalog's text is the one remembered: the catalog is most of a token's
// bytes, and tokens of one project carry the same catalog, byte for byte.
//
// The rest of the body is always parsed. The catalog's text is cut out and a
// placeholder put in its place: a JSON string made of a random nonce, which
// a reply cannot contain (the nonce is never sent anywhere). The remembered
// text is a complete JSON value (its extent found in a body JSON.parse
// accepted), so the body with the placeholder parses exactly as the body
// does, with the placeholder where the catalog was. Only when the
// placeholder is found at `token.catalog` is the remembered catalog used;
// anything else (a nested `catalog` key, a duplicate one later, another
// spelling) parses the whole text, as JSON.parse would.
import type * as Catalog from "../Catalog.js"

const nonce = (() => {
  const bytes = new Uint8Array(16)
  globalThis.crypto.getRandomValues(bytes)
  return `effect-keystone-catalog-${Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("")}`
})()
const placeholder = JSON.stringify(nonce)

/** The text of a catalog decoded twice in a row, and what it decoded to (a catalog is never changed once made). */
let known: { readonly text: string; readonly catalog: Catalog.Catalog } | undefined

const isWhitespace = (c: number) => c === 32 || c === 10 || c === 13 || c === 9

/** Where the value of the first `"catalog"` key starts, or -1 (no such key, or it may be inside a string). */
const valueStart = (text: string): number => {
  const at = text.indexOf("\"catalog\"")
  // a quote after a backslash is inside a string: left to JSON.parse
  if (at <= 0 || text.charCodeAt(at - 1) === 92) return -1
  let i = at + 9
  while (isWhitespace(text.charCodeAt(i))) i++
  if (text.charCodeAt(i) !== 58) return -1
  i++
  while (isWhitespace(text.charCodeAt(i))) i++
  return i
}

/** Whether the quote at `at` is escaped (an odd number of backslashes before it). */
const escaped = (text: string, at: number) => {
  let n = 0
  while (text.charCodeAt(at - 1 - n) === 92) n++
  return n % 2 === 1
}

/** The end (exclusive) of the JSON array that starts at `start`, or -1; strings are skipped to their closing quote. */
const arrayEnd = (text: string, start: number): number => {
  if (text.charCodeAt(start) !== 91) return -1
  let depth = 0
  for (let i = start; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c === 34) {
      let close = i
      do {
        close = text.indexOf("\"", close + 1)
        if (close < 0) return -1
      } while (escaped(text, close))
      i = close
    } else if (c === 91 || c === 123) {
      depth++
    } else if ((c === 93 || c === 125) && --depth === 0) {
      return i + 1
    }
  }
  return -1
}

const isObj = (u: unknown): u is Record<string, unknown> => typeof u === "object" && u !== null && !Array.isArray(u)

/** `text` parsed with `[start, end)` replaced by the placeholder, when the placeholder lands at `token.catalog`. */
const withPlaceholder = (text: string, start: number, end: number): Record<string, unknown> | undefined => {
  let body: unknown
  try {
    body = JSON.parse(text.slice(0, start) + placeholder + text.slice(end))
  } catch {
    return undefined
  }
  return isObj(body) && isObj(body.token) && body.token.catalog === nonce ? body.token : undefined
}

/**
 * `JSON.parse(text)` (throwing as it does), and the decoded catalog when the
 * body's `token.catalog` is the remembered text: then the body's
 * `token.catalog` is an empty array, and `catalog` what the remembered text
 * decoded to.
 */
export const parse = (text: string): { readonly body: unknown; readonly catalog: Catalog.Catalog | undefined } => {
  const k = known
  if (k !== undefined) {
    const start = valueStart(text)
    const end = start + k.text.length
    // a slice compared with ===, not startsWith: a memory compare, not a loop (50× faster on 32 KiB)
    if (start > 0 && end <= text.length && text.slice(start, end) === k.text) {
      const token = withPlaceholder(text, start, end)
      if (token !== undefined) {
        token.catalog = []
        return { body: { token }, catalog: k.catalog }
      }
    }
  }
  return { body: JSON.parse(text), catalog: undefined }
}

/**
 * Remembers the text of the catalog of `text` (a body JSON.parse accepted,
 * whose `token.catalog` decoded to `catalog`), when it is found and cut out
 * exactly. Called for a catalog decoded twice in a row, not for every one:
 * finding its extent walks its text.
 */
export const remember = (text: string, catalog: Catalog.Catalog): void => {
  const start = valueStart(text)
  if (start <= 0) return
  const end = arrayEnd(text, start)
  if (end < 0 || withPlaceholder(text, start, end) === undefined) return
  known = { text: text.slice(start, end), catalog }
}
