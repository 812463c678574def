/**
 * What Keystone itself would answer: which endpoint a request is for, its
 * usual status, and a valid body for it (v3 token, v2.0 access, catalogs,
 * version document, MFA receipt).
 */
import { projectId } from "./plan.js"

export interface Request {
  readonly method: string
  /** Path and query as sent. */
  readonly target: string
  readonly headers: Readonly<Record<string, string>>
  readonly body: string
}

export type Endpoint =
  | "versions"
  | "v3-issue"
  | "v3-validate"
  | "v3-check"
  | "v3-catalog"
  | "v2-issue"
  | "v2-validate"
  | "v2-check"
  | "v2-endpoints"
  | "revoke"
  | "unknown"

export const endpointOf = (req: Request): { readonly endpoint: Endpoint; readonly pathId: string | undefined } => {
  const path = req.target.split("?")[0]
  const v2 = /^\/v2\.0\/tokens\/([^/]+)(\/endpoints)?$/.exec(path)
  if (req.method === "GET" && path === "/") return { endpoint: "versions", pathId: undefined }
  if (path === "/v3/auth/tokens") {
    const e = req.method === "POST" ? "v3-issue" : req.method === "GET" ? "v3-validate" : req.method === "HEAD" ? "v3-check" : "revoke"
    return { endpoint: e, pathId: undefined }
  }
  if (req.method === "GET" && path === "/v3/auth/catalog") return { endpoint: "v3-catalog", pathId: undefined }
  if (req.method === "POST" && path === "/v2.0/tokens") return { endpoint: "v2-issue", pathId: undefined }
  if (v2 !== null) {
    const id = safeDecode(v2[1])
    if (v2[2] !== undefined) return { endpoint: req.method === "GET" ? "v2-endpoints" : "unknown", pathId: id }
    const e = req.method === "GET" ? "v2-validate" : req.method === "HEAD" ? "v2-check" : req.method === "DELETE" ? "revoke" : "unknown"
    return { endpoint: e, pathId: id }
  }
  return { endpoint: "unknown", pathId: undefined }
}

const safeDecode = (s: string): string => {
  try {
    return decodeURIComponent(s)
  } catch {
    return s
  }
}

export const properStatus: Record<Endpoint, number> = {
  versions: 300,
  "v3-issue": 201,
  "v3-validate": 200,
  "v3-check": 200,
  "v3-catalog": 200,
  "v2-issue": 200,
  "v2-validate": 200,
  "v2-check": 200,
  "v2-endpoints": 200,
  revoke: 204,
  unknown: 404
}

const stamp = (offsetMillis: number): string => new Date(Date.now() + offsetMillis).toISOString().replace("Z", "000Z")
const domain = { id: "default", name: "Default" }
const v3Catalog = [{
  id: "s-1",
  type: "compute",
  name: "nova",
  endpoints: [{ id: "e-1", interface: "public", region_id: "RegionOne", region: "RegionOne", url: "http://nova.example:8774/v2.1" }]
}]

export const v3Token = (catalog: boolean) => ({
  token: {
    methods: ["password"],
    user: { domain, id: "u-1", name: "demo", password_expires_at: null },
    audit_ids: ["aud-1"],
    expires_at: stamp(3_600_000),
    issued_at: stamp(0),
    project: { domain, id: projectId, name: "demo" },
    is_domain: false,
    roles: [{ id: "r-1", name: "member" }],
    ...(catalog ? { catalog: v3Catalog } : {})
  }
})

const v2Access = (id: string) => ({
  access: {
    token: { issued_at: stamp(0), expires: stamp(3_600_000), id, tenant: { description: null, enabled: true, id: projectId, name: "demo" }, audit_ids: ["aud-1"] },
    serviceCatalog: [{ type: "compute", name: "nova", endpoints: [{ id: "e-1", region: "RegionOne", publicURL: "http://nova.example:8774/v2.1" }], endpoints_links: [] }],
    user: { username: "demo", roles_links: [], id: "u-1", roles: [{ name: "member" }], name: "demo" },
    metadata: { is_admin: 0, roles: ["r-1"] }
  }
})

const versions = () => ({
  versions: {
    values: [
      { id: "v3.14", status: "stable", updated: "2020-04-07T00:00:00Z", links: [{ rel: "self", href: "http://127.0.0.1/v3/" }] },
      { id: "v2.0", status: "deprecated", updated: "2016-08-04T00:00:00Z", links: [{ rel: "self", href: "http://127.0.0.1/v2.0/" }] }
    ]
  }
})

export const receipt = () => ({
  receipt: { methods: ["password"], user: { domain, id: "u-1", name: "demo" }, expires_at: stamp(300_000), issued_at: stamp(0) },
  required_auth_methods: [["password", "totp"]]
})

export const validBody = (endpoint: Endpoint, req: Request, issuedId: string, pathId: string | undefined): unknown => {
  switch (endpoint) {
    case "versions":
      return versions()
    case "v3-issue":
    case "v3-validate":
      return v3Token(!req.target.includes("nocatalog"))
    case "v3-catalog":
      return { catalog: v3Catalog, links: { self: "http://127.0.0.1/v3/auth/catalog" } }
    case "v2-issue":
      return v2Access(issuedId)
    case "v2-validate":
      return v2Access(pathId ?? issuedId)
    case "v2-endpoints":
      return { endpoints: [{ id: "e-1", name: "nova", type: "compute", region: "RegionOne", publicURL: "http://nova.example:8774/v2.1" }], endpoints_links: [] }
    case "unknown":
      return { error: { code: 404, title: "Not Found", message: "The resource could not be found." } }
    case "v3-check":
    case "v2-check":
    case "revoke":
      return undefined
  }
}
