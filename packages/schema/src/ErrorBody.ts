/**
 * Keystone's error body, the same in v2.0 and v3.
 *
 * @since 0.1.0
 */
import * as Schema from "effect/Schema"

/**
 * `{ error: { code, title, message } }`. `identity` appears on
 * authentication plugin errors.
 *
 * @since 0.1.0
 * @category schemas
 */
export class ErrorBody extends Schema.Class<ErrorBody>("ErrorBody")({
  error: Schema.Struct({
    code: Schema.Int,
    title: Schema.String,
    message: Schema.String,
    identity: Schema.optional(Schema.Unknown)
  })
}) {}

/**
 * Decodes an error body, or `undefined` when the input is not one.
 *
 * @since 0.1.0
 * @category decoding
 */
export const decodeOption = (u: unknown): ErrorBody | undefined => {
  const result = Schema.decodeUnknownEither(ErrorBody)(u)
  return result._tag === "Right" ? result.right : undefined
}
