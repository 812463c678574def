/**
 * The simulator's own request and response shapes, shared by the in-memory
 * client and the loopback server, and Keystone's ways of rendering them.
 */
import * as json from "./json.js"

export interface SimRequest {
  readonly method: string
  readonly url: URL
  /** Lower-case names. */
  readonly headers: Readonly<Record<string, string>>
  readonly body: string | undefined
}

export interface SimResponse {
  readonly _tag: "Response"
  readonly status: number
  readonly statusText: string
  readonly headers: Readonly<Record<string, string>>
  readonly body: string | undefined
}

/** The connection is dropped without an answer. */
export interface Dropped {
  readonly _tag: "Dropped"
  readonly description: string
}

export type Outcome = SimResponse | Dropped

const reasons: Record<number, string> = {
  200: "OK",
  201: "Created",
  202: "Accepted",
  204: "No Content",
  300: "Multiple Choices",
  400: "Bad Request",
  401: "Unauthorized",
  403: "Forbidden",
  404: "Not Found",
  405: "Method Not Allowed",
  409: "Conflict",
  413: "Request Entity Too Large",
  415: "Unsupported Media Type",
  429: "Too Many Requests",
  500: "Internal Server Error",
  501: "Not Implemented",
  502: "Bad Gateway",
  503: "Service Unavailable",
  504: "Gateway Timeout"
}

export const reason = (status: number): string => reasons[status] ?? "Unknown"

/** Werkzeug (the v3 API) writes reason phrases in capitals: `201 CREATED`. */
const werkzeugReason = (status: number) => reason(status).toUpperCase()

export const response = (
  status: number,
  body: string | undefined,
  headers: Readonly<Record<string, string>> = {},
  statusText = reason(status)
): SimResponse => ({
  _tag: "Response",
  status,
  statusText,
  headers: body === undefined ? headers : { "content-type": "application/json", ...headers },
  body
})

/** A v3 answer: `json.dumps` body, Werkzeug status line. */
export const v3Json = (status: number, body: unknown, headers?: Readonly<Record<string, string>>): SimResponse =>
  response(status, json.python(body), headers, werkzeugReason(status))

/** The v3 listings (catalog, projects, domains, system) end with a newline. */
export const v3Listing = (body: unknown): SimResponse =>
  response(200, `${json.python(body)}\n`, {}, werkzeugReason(200))

/** A v2.0 (webob) answer. */
export const v2Json = (status: number, body: unknown, headers?: Readonly<Record<string, string>>): SimResponse =>
  response(status, json.python(body), headers)

export const noContent = (statusText = werkzeugReason(204)): SimResponse => response(204, undefined, {}, statusText)

const wwwAuthenticate = (uri: string) => ({ "www-authenticate": `Keystone uri="${uri}"` })

export const messages = {
  400: "The server could not comply with the request since it is either malformed or otherwise incorrect. The client is assumed to be in error.",
  401: "The request you have made requires authentication.",
  403: "You are not authorized to perform the requested action.",
  404: "The resource could not be found.",
  405: "The method is not allowed for the requested URL.",
  413: "Request is too large.",
  500: "An unexpected error prevented the server from fulfilling your request.",
  503: "The service is temporarily unavailable."
} as const

export const defaultMessage = (status: number): string =>
  (messages as Record<number, string>)[status] ?? reason(status)

/**
 * A Keystone exception raised in a v3 view: Flask `jsonify` (sorted, compact,
 * trailing newline); the uri of a 401 ends in `/v3`. Authentication plugin
 * errors add `identity`.
 */
export const viewError = (
  baseUrl: string,
  status: number,
  message = defaultMessage(status),
  identity?: unknown
): SimResponse =>
  response(
    status,
    json.flask({ error: { code: status, message, title: reason(status), identity } }),
    status === 401 ? wwwAuthenticate(`${baseUrl}/v3`) : {},
    werkzeugReason(status)
  )

/** keystonemiddleware refusing a token (what an OpenStack service answers). */
export const middlewareUnauthorized = (baseUrl: string): SimResponse =>
  v2Json(401, { error: { code: 401, title: "Unauthorized", message: messages[401] } }, wwwAuthenticate(baseUrl))

/** A v2.0-era `render_exception`. */
export const v2Error = (baseUrl: string, status: number, message = defaultMessage(status)): SimResponse =>
  v2Json(
    status,
    { error: { code: status, title: reason(status), message } },
    status === 401 ? wwwAuthenticate(baseUrl) : {}
  )

/** Werkzeug's own 404 page, for paths no view serves. */
export const notFoundPage = (): SimResponse =>
  response(
    404,
    "<!doctype html>\n<html lang=en>\n<title>404 Not Found</title>\n<h1>Not Found</h1>\n<p>The requested URL was not found on the server. If you entered the URL manually please check your spelling and try again.</p>\n",
    { "content-type": "text/html; charset=utf-8" },
    werkzeugReason(404)
  )

/** Werkzeug's 405, with `Allow`. */
export const methodNotAllowed = (allow: string): SimResponse =>
  response(405, `${json.python({ message: messages[405] })}\n`, { allow }, werkzeugReason(405))

/** Flask's automatic OPTIONS answer. */
export const options = (allow: string): SimResponse =>
  response(200, "", { "content-type": "text/html; charset=utf-8", allow }, werkzeugReason(200))

/** `ValidationError`: "Expecting to find x in y. …" */
export const expecting = (baseUrl: string, attribute: string, target: string): SimResponse =>
  viewError(baseUrl, 400, `Expecting to find ${attribute} in ${target}. ${messages[400]}`)

export const forbiddenAction = (baseUrl: string, action: string): SimResponse =>
  viewError(baseUrl, 403, `You are not authorized to perform the requested action: ${action}.`)
