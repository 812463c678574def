/**
 * The exit codes of `keystone-token`, one per class of failure, so a shell
 * script can tell a wrong password from an unreachable Keystone.
 *
 * @since 0.1.0
 */
import type { KeystoneError } from "@effect-keystone/client"

/**
 * @since 0.1.0
 * @category codes
 */
export const ExitCode = {
  /** Success (and `check`: the token is valid). */
  Ok: 0,
  /** `check`: the token is not valid (unknown, expired or revoked). */
  CheckFalse: 1,
  /**
   * Bad usage or configuration: an unknown option or column, a missing or
   * invalid OS_* variable, clouds.yaml entry or TLS file, or an argument the
   * client refused to send (`InvalidInput`: a token id like `..`).
   */
  Usage: 2,
  /** Keystone refused the credentials or the token (401), or wants more factors (MFA receipt). */
  Unauthorized: 3,
  /** Keystone refused the action (403). */
  Forbidden: 4,
  /** Keystone does not know the token or resource (404). */
  NotFound: 5,
  /** Keystone rejected the request (400). */
  BadRequest: 6,
  /** Keystone is overloaded or down (413, 429, 502, 503, 504), after retries. */
  Unavailable: 7,
  /** No response: connection refused or reset, DNS failure, timeout. */
  Transport: 8,
  /** A response that is not what Keystone sends, or an unexpected status. */
  Protocol: 9,
  /** `endpoint`: no catalog entry matches the type, interface and region. */
  EndpointNotFound: 10,
  /** A bug: an unexpected failure (run with --debug and report it). */
  Internal: 70
} as const

/**
 * @since 0.1.0
 * @category codes
 */
export type ExitCode = typeof ExitCode[keyof typeof ExitCode]

/**
 * The code for each tag a command can fail with: every `KeystoneError`
 * member (the type makes a new member a compile error here until it has a
 * code), `EndpointNotFound`, and the CLI's own and configuration errors.
 *
 * @since 0.3.0
 * @category codes
 */
export const byTag = {
  InvalidInput: ExitCode.Usage,
  BadRequest: ExitCode.BadRequest,
  Unauthorized: ExitCode.Unauthorized,
  AuthReceiptRequired: ExitCode.Unauthorized,
  IdentityProviderError: ExitCode.Unauthorized,
  Forbidden: ExitCode.Forbidden,
  NotFound: ExitCode.NotFound,
  RateLimited: ExitCode.Unavailable,
  ServiceUnavailable: ExitCode.Unavailable,
  TransportError: ExitCode.Transport,
  DecodeError: ExitCode.Protocol,
  UnexpectedStatus: ExitCode.Protocol,
  EndpointNotFound: ExitCode.EndpointNotFound,
  ConfigError: ExitCode.Usage,
  TlsFileError: ExitCode.Usage,
  UsageError: ExitCode.Usage,
  CheckFalse: ExitCode.CheckFalse
} as const satisfies Record<KeystoneError.KeystoneError["_tag"] | "EndpointNotFound" | "ConfigError" | "TlsFileError" | "UsageError" | "CheckFalse", ExitCode>

/**
 * The code for an error tag (`byTag`); `Internal` for any other.
 *
 * @since 0.1.0
 * @category codes
 */
export const forTag = (tag: string): ExitCode => Object.hasOwn(byTag, tag) ? byTag[tag as keyof typeof byTag] : ExitCode.Internal

/**
 * The table printed by `--help` and in the README.
 *
 * @since 0.1.0
 * @category documentation
 */
export const documented: ReadonlyArray<readonly [code: ExitCode, meaning: string]> = [
  [ExitCode.Ok, "success; check: the token is valid"],
  [ExitCode.CheckFalse, "check: the token is not valid"],
  [ExitCode.Usage, "usage or configuration error (ConfigError: OS_* / clouds.yaml / TLS files; InvalidInput: refused unsent)"],
  [ExitCode.Unauthorized, "Unauthorized (401), AuthReceiptRequired (MFA) or IdentityProviderError (the federated login's IdP refused)"],
  [ExitCode.Forbidden, "Forbidden (403)"],
  [ExitCode.NotFound, "NotFound (404)"],
  [ExitCode.BadRequest, "BadRequest (400)"],
  [ExitCode.Unavailable, "RateLimited (413/429) or ServiceUnavailable (502/503/504)"],
  [ExitCode.Transport, "TransportError: no response (refused, reset, DNS, timeout)"],
  [ExitCode.Protocol, "DecodeError or UnexpectedStatus: not a Keystone answer"],
  [ExitCode.EndpointNotFound, "EndpointNotFound: no catalog entry matches"],
  [ExitCode.Internal, "internal error (a bug; rerun with --debug)"]
]
