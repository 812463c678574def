/**
 * JSON the way Keystone's two renderers write it: Flask's `jsonify` (sorted
 * keys, compact, trailing newline) and Python's `json.dumps` defaults
 * (insertion order, `", "` and `": "` separators). Both escape non-ASCII.
 */

interface Style {
  readonly sortKeys: boolean
  readonly itemSeparator: string
  readonly keySeparator: string
}

const asciiOnly = (s: string): string =>
  s.replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`)

const dumps = (value: unknown, style: Style): string => {
  if (value === null || value === undefined) return "null"
  if (typeof value === "string") return asciiOnly(JSON.stringify(value))
  if (typeof value === "number" || typeof value === "boolean") return JSON.stringify(value)
  if (Array.isArray(value)) return `[${value.map((v) => dumps(v, style)).join(style.itemSeparator)}]`
  const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined)
  if (style.sortKeys) entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  return `{${entries.map(([k, v]) => `${asciiOnly(JSON.stringify(k))}${style.keySeparator}${dumps(v, style)}`).join(style.itemSeparator)}}`
}

/** Flask `jsonify`: the v3 API's responses and the errors raised in its views. */
export const flask = (value: unknown): string =>
  dumps(value, { sortKeys: true, itemSeparator: ",", keySeparator: ":" }) + "\n"

/** `json.dumps` defaults: v2.0 responses and errors from the auth-context middleware. */
export const python = (value: unknown): string =>
  dumps(value, { sortKeys: false, itemSeparator: ", ", keySeparator: ": " })
