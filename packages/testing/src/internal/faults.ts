/**
 * The fault queue, and what each fault does to an answer.
 */
import type * as Fault from "../Fault.js"
import * as http from "./http.js"
import type { SimResponse } from "./http.js"

const SUBJECT_TOKEN_ROUTE = "POST /v3/auth/tokens"

const matches = (fault: Fault.Fault, route: string) =>
  fault.route !== undefined
    ? fault.route === route
    : fault._tag !== "MissingSubjectToken" || route === SUBJECT_TOKEN_ROUTE

export const make = () => {
  const queue: Array<{ readonly fault: Fault.Fault; remaining: number }> = []
  return {
    inject: (fault: Fault.Fault) => {
      const count = fault.count ?? 1
      if (count > 0) queue.push({ fault, remaining: count })
    },
    clear: () => {
      queue.length = 0
    },
    /** The first queued fault for this route, used up once. */
    take: (route: string): Fault.Fault | undefined => {
      const i = queue.findIndex((q) => matches(q.fault, route))
      if (i === -1) return undefined
      const q = queue[i]!
      q.remaining -= 1
      if (q.remaining <= 0) queue.splice(i, 1)
      return q.fault
    }
  }
}

export const status = (fault: Fault.Status, baseUrl: string): SimResponse => {
  const headers = fault.retryAfter === undefined ? {} : { "retry-after": String(fault.retryAfter) }
  if (fault.body !== undefined) {
    const body = typeof fault.body === "string" ? fault.body : JSON.stringify(fault.body)
    return http.response(fault.status, body, headers)
  }
  const res = http.viewError(baseUrl, fault.status)
  return { ...res, headers: { ...res.headers, ...headers } }
}

const htmlPage = (status: number) => {
  const title = `${status} ${http.reason(status)}`
  return `<html>\r\n<head><title>${title}</title></head>\r\n<body>\r\n<center><h1>${title}</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n`
}

/** A reverse proxy's error page: none of Keystone's headers. */
export const html = (fault: Fault.Malformed): SimResponse => {
  const status = fault.status ?? 502
  return http.response(status, htmlPage(status), { "content-type": "text/html" })
}

/** Spoils a normal answer: `truncated`, `garbage`, `empty`, or no `X-Subject-Token`. */
export const spoil = (fault: Fault.Malformed | Fault.MissingSubjectToken, res: SimResponse): SimResponse => {
  if (fault._tag === "MissingSubjectToken") {
    const { "x-subject-token": _, ...headers } = res.headers
    return { ...res, headers }
  }
  const statusOverride = fault.status === undefined ? {} : { status: fault.status, statusText: http.reason(fault.status) }
  const headers = { "content-type": "application/json", ...res.headers }
  switch (fault.kind) {
    case "truncated": {
      const full = res.body ?? "{\"token\": {\"methods\": [\"password\"], \"user\": {}}}"
      return { ...res, ...statusOverride, headers, body: full.slice(0, Math.max(1, Math.floor(full.length / 2))) }
    }
    case "garbage":
      return { ...res, ...statusOverride, headers, body: "this is not JSON {[<" }
    case "empty":
    case "html":
      return { ...res, ...statusOverride, headers, body: "" }
  }
}
