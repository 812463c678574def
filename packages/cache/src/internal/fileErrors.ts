/**
 * Reading `PlatformError`s in the file store: the reason, and a description
 * fit for a log line or a `TokenStoreError` message.
 */
import type { PlatformError } from "@effect/platform/Error"

/**
 * @since 0.2.0
 * @internal
 */
export const isReason = (error: PlatformError, ...reasons: ReadonlyArray<string>): boolean =>
  error._tag === "SystemError" && reasons.includes(error.reason)

/**
 * The errno-ish part of a platform error, without the path (which holds only
 * the hashed key anyway).
 *
 * @since 0.2.0
 * @internal
 */
export const describe = (error: PlatformError): string => {
  if (error._tag === "BadArgument") return `${error.module}.${error.method}: bad argument`
  const cause = error.cause as { readonly code?: unknown } | undefined
  const code = cause !== undefined && typeof cause === "object" && typeof cause.code === "string" ? cause.code : undefined
  const meaning = code !== undefined && error.method === "open" ? openMeanings[code] : undefined
  return `${error.module}.${error.method}: ${error.reason}${code !== undefined ? ` ${code}` : ""}${
    meaning !== undefined ? ` (${meaning})` : ""
  }`
}

/** What an error of `SafeFile.open` (O_NOFOLLOW | O_NONBLOCK) says about what is at the path. */
const openMeanings: Record<string, string> = {
  ELOOP: "a symbolic link, not followed",
  ENXIO: "a socket or a device without a reader"
}
