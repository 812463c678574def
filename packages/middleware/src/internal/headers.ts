/**
 * keystonemiddleware's request headers, built in two halves a cached
 * validation computes once: the user token's (`forUser`) and the service
 * token's (`forService`); `forRequest` puts a request's together.
 *
 * @internal
 */
import type { Catalog } from "@effect-keystone/schema"
import type { Principal } from "../Identity.js"

const template = [
  "Domain-Id",
  "Domain-Name",
  "Project-Id",
  "Project-Name",
  "Project-Domain-Id",
  "Project-Domain-Name",
  "User-Id",
  "User-Name",
  "User-Domain-Id",
  "User-Domain-Name"
] as const

/** keystonemiddleware's deprecated aliases: alias → the header it copies. */
const deprecated = {
  "X-Role": "X-Roles",
  "X-User": "X-User-Name",
  "X-Tenant-Id": "X-Project-Id",
  "X-Tenant-Name": "X-Project-Name",
  "X-Tenant": "X-Project-Name"
} as const

/** @internal */
export const managed: ReadonlyArray<string> = [
  "X-Identity-Status",
  "X-Service-Identity-Status",
  "X-Is-Admin-Project",
  "X-Service-Catalog",
  "OpenStack-System-Scope",
  "X-System-Scope",
  "X-Roles",
  "X-Service-Roles",
  ...template.flatMap((t) => [`X-${t}`, `X-Service-${t}`]),
  ...Object.keys(deprecated)
].map((h) => h.toLowerCase())

const managedSet = new Set(managed)

/** @internal */
export const isManaged = (name: string): boolean => managedSet.has(name.toLowerCase())

const utf8 = new TextEncoder()

/**
 * A value a header can carry: control characters (CR, LF, …) become spaces,
 * and text beyond Latin-1 is sent as its UTF-8 bytes, the way it would
 * arrive on the wire (a fetch `Headers` refuses anything else).
 */
const headerValue = (value: string): string => {
  // eslint-disable-next-line no-control-regex
  const plain = value.replace(/[\u0000-\u001f\u007f]/g, " ")
  if (!/[^\u0000-\u00ff]/.test(plain)) return plain
  let latin1 = ""
  for (const byte of utf8.encode(plain)) latin1 += String.fromCharCode(byte)
  return latin1
}

const principalHeaders = (p: Principal, prefix: "" | "-Service"): Record<string, string> => {
  const values: Record<(typeof template)[number], string | undefined> = {
    "Domain-Id": p.domain?.id,
    "Domain-Name": p.domain?.name,
    "Project-Id": p.project?.id,
    "Project-Name": p.project?.name,
    "Project-Domain-Id": p.project?.domain?.id,
    "Project-Domain-Name": p.project?.domain?.name,
    "User-Id": p.user.id,
    "User-Name": p.user.name,
    "User-Domain-Id": p.user.domain?.id,
    "User-Domain-Name": p.user.domain?.name
  }
  const out: Record<string, string> = { [`X${prefix}-Roles`]: headerValue(p.roles.join(",")) }
  for (const name of template) {
    const value = values[name]
    if (value !== undefined) out[`X${prefix}-${name}`] = headerValue(value)
  }
  return out
}

/** @internal */
export const serviceCatalog = (catalog: Catalog.Catalog): string =>
  JSON.stringify(catalog.services.map((service) => {
    const regions = new Map<string | null, Record<string, string>>()
    for (const e of service.endpoints) {
      let region = regions.get(e.region)
      if (region === undefined) {
        region = e.region === null || e.region === "" ? {} : { region: e.region }
        regions.set(e.region, region)
      }
      region[`${e.interface}URL`] = e.url
    }
    return { type: service.type, ...(service.name === "" ? {} : { name: service.name }), endpoints: [...regions.values()] }
  }))

/**
 * A valid user token's headers (all but the two identity statuses): its
 * principal's, the deprecated aliases, `X-Is-Admin-Project`,
 * `OpenStack-System-Scope` when system-scoped, `X-Service-Catalog` when the
 * principal carries a catalog.
 *
 * @internal
 */
export const forUser = (user: Principal): Record<string, string> => {
  const out = principalHeaders(user, "")
  out["X-Is-Admin-Project"] = user.isAdminProject ? "True" : "False"
  if (user.system !== null) out["OpenStack-System-Scope"] = user.system
  for (const [alias, source] of Object.entries(deprecated)) {
    const value = out[source]
    if (value !== undefined) out[alias] = value
  }
  if (user.catalog !== null) out["X-Service-Catalog"] = headerValue(serviceCatalog(user.catalog))
  return out
}

/** A valid service token's `X-Service-*` headers. @internal */
export const forService = (service: Principal): Record<string, string> => principalHeaders(service, "-Service")

/** @internal */
export const forRequest = (input: {
  readonly user: Principal | null
  readonly userValid: boolean
  readonly service: Principal | null
  readonly serviceTokenSent: boolean
  readonly serviceValid: boolean
}, parts: {
  readonly forUser: (user: Principal) => Record<string, string>
  readonly forService: (service: Principal) => Record<string, string>
} = { forUser, forService }): Record<string, string> => {
  const out: Record<string, string> = {
    // the user token's own status, as keystonemiddleware: a valid user token with an invalid
    // service token (delay_auth_decision) is `Confirmed` here and `Invalid` in X-Service-Identity-Status
    "X-Identity-Status": input.userValid ? "Confirmed" : "Invalid"
  }
  if (input.serviceTokenSent) out["X-Service-Identity-Status"] = input.serviceValid ? "Confirmed" : "Invalid"
  const user = input.userValid ? input.user : null
  if (user !== null) Object.assign(out, parts.forUser(user))
  if (input.serviceValid && input.service !== null) Object.assign(out, parts.forService(input.service))
  return out
}

/** @internal */
export const wwwAuthenticate = (uri: string): string => `Keystone uri="${uri.replace(/["\\\r\n]/g, "")}"`
