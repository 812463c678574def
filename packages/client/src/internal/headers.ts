/**
 * What an HTTP header may hold, checked before anything is sent: a CR or LF
 * in a value would split the request (undici refuses it, which used to look
 * like a transient transport failure and be retried).
 *
 * @internal
 */

const token = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/
// RFC 9110 field-value: HTAB, SP, visible ASCII and obs-text; no CR, LF, NUL or other controls
const fieldValue = /^[\t\x20-\x7e\x80-\xff]*$/

/**
 * Why these headers cannot be sent, or `undefined`. The reason names the
 * header (names are not secret) but never shows a value.
 *
 * @internal
 */
export const problem = (headers: Readonly<Record<string, unknown>>, origin: string): string | undefined => {
  for (const [name, value] of Object.entries(headers)) {
    if (!token.test(name)) return `a header name in ${origin} is not a valid HTTP token`
    if (typeof value !== "string") return `header ${name} in ${origin} is not a string`
    if (!fieldValue.test(value)) {
      return `header ${name} in ${origin} has characters a header cannot carry (CR, LF, NUL or another control character)`
    }
  }
  return undefined
}
