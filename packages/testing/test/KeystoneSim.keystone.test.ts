/**
 * The simulator side by side with a REAL Keystone (`bash scripts/keystone-up.sh`;
 * run with `npm run test:keystone`). Every scenario runs against both, and
 * the answers must agree: status line, header names, error bodies byte for
 * byte (base URL aside), and token bodies key for key, in Keystone's order.
 */
import { afterAll, beforeAll, describe, expect, it } from "@effect/vitest"
import { KeystoneSim } from "@effect-keystone/testing"
import * as KeystoneSimNode from "@effect-keystone/testing/Node"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import * as Scope from "effect/Scope"
import * as KeystoneEnv from "../../../scripts/keystone-env.js"


/** What a scenario needs to know about one side. */
interface Side {
  readonly name: string
  base: string
  readonly demo: { readonly id: string; readonly name: string; readonly password: string; readonly domainId: string }
  readonly demoProjectId: string
  readonly demo2: { readonly name: string; readonly domainName: string }
  /** A domain the demo user holds a role on. */
  readonly demoDomainScope: string
  readonly admin: { readonly name: string; readonly password: string; readonly projectName: string }
  /** A user of another domain, with no role on the demo user's projects. */
  readonly other: { readonly name: string; readonly domainName: string; readonly password: string }
  readonly appCred: { readonly id: string; readonly secret: string }
}

const env = KeystoneEnv.load()
const real: Side = {
  name: "keystone",
  base: env.KS_BASE_URL!,
  demo: { id: env.KS_DEMO_USER_ID!, name: env.KS_DEMO_USERNAME!, password: env.KS_DEMO_PASSWORD!, domainId: "default" },
  demoProjectId: env.KS_DEMO_PROJECT_ID!,
  demo2: { name: env.KS_DEMO2_PROJECT_NAME!, domainName: env.KS_DEMO_DOMAIN_NAME! },
  demoDomainScope: env.KS_DEFAULT_DOMAIN_ID!,
  admin: { name: env.KS_ADMIN_USERNAME!, password: env.KS_ADMIN_PASSWORD!, projectName: env.KS_ADMIN_PROJECT_NAME! },
  other: { name: env.KS_OTHER_USERNAME!, domainName: env.KS_DEMO_DOMAIN_NAME!, password: env.KS_OTHER_PASSWORD! },
  appCred: { id: env.KS_APPCRED_ID!, secret: env.KS_APPCRED_SECRET! }
}
const { Admin, AppCred, Demo, Demo2, Domains } = KeystoneSim
const simulated: Side = {
  name: "sim",
  base: "",
  demo: { id: Demo.userId, name: Demo.username, password: Demo.password, domainId: Demo.domainId },
  demoProjectId: Demo.projectId,
  demo2: { name: Demo2.projectName, domainName: Demo2.domainName },
  demoDomainScope: Domains.demo.id,
  admin: { name: Admin.username, password: Admin.password, projectName: Admin.projectName },
  other: { name: Demo2.username, domainName: Demo2.domainName, password: Demo2.password },
  appCred: { id: AppCred.id, secret: AppCred.secret }
}

let scope: Scope.CloseableScope
beforeAll(async () => {
  scope = await Effect.runPromise(Scope.make())
  const sim = await Effect.runPromise(KeystoneSimNode.serve({ versions: ["v3"] }).pipe(Scope.extend(scope)))
  simulated.base = sim.baseUrl
})
afterAll(() => Effect.runPromise(Scope.close(scope, Exit.void)))

const ignoredHeaders = new Set(["date", "server", "connection", "keep-alive", "transfer-encoding"])

interface Answer {
  readonly status: string
  readonly headers: ReadonlyArray<string>
  readonly headerValues: Readonly<Record<string, string>>
  readonly text: string
  readonly json: any
}

const call = async (
  side: Side,
  method: string,
  path: string,
  options: { readonly headers?: Record<string, string>; readonly body?: unknown; readonly raw?: string } = {}
): Promise<Answer> => {
  const body = options.raw ?? (options.body === undefined ? undefined : JSON.stringify(options.body))
  const send = () =>
    fetch(side.base + path, {
      method,
      headers: { ...(body === undefined ? {} : { "content-type": "application/json" }), ...options.headers },
      ...(body === undefined ? {} : { body }),
      redirect: "manual"
    })
  // a single-threaded uwsgi sometimes drops a kept-alive connection; one retry is enough
  const res = await send().catch((cause) => {
    console.warn(`${side.name}: ${method} ${path}: ${String(cause?.cause ?? cause)}; retrying once`)
    return send()
  })
  const text = (await res.text()).split(side.base).join("<base>")
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch {
    json = undefined
  }
  const headerValues: Record<string, string> = {}
  res.headers.forEach((value, name) => {
    if (!ignoredHeaders.has(name)) headerValues[name] = value.split(side.base).join("<base>")
  })
  return { status: `${res.status} ${res.statusText}`, headers: Object.keys(headerValues).sort(), headerValues, text, json }
}

/** Keys in order and value types, not values. */
const shape = (u: unknown): unknown =>
  Array.isArray(u)
    ? (u.length === 0 ? [] : [shape(u[0])])
    : u !== null && typeof u === "object"
    ? Object.entries(u).map(([k, v]) => [k, shape(v)])
    : u === null
    ? null
    : typeof u

const password = (side: Side, scope?: unknown, secret = side.demo.password) => ({
  auth: {
    identity: {
      methods: ["password"],
      password: { user: { name: side.demo.name, domain: { id: side.demo.domainId }, password: secret } }
    },
    ...(scope === undefined ? {} : { scope })
  }
})

const issue = (side: Side, body: unknown, query = "") => call(side, "POST", `/v3/auth/tokens${query}`, { body })

const tokenOf = async (side: Side, body: unknown) => {
  const a = await issue(side, body)
  if (!a.status.startsWith("201")) throw new Error(`${side.name}: ${a.status} ${a.text}`)
  return a.headerValues["x-subject-token"]!
}

const tokens = (side: Side, method: string, caller: string | undefined, subject: string | undefined, query = "") =>
  call(side, method, `/v3/auth/tokens${query}`, {
    headers: {
      ...(caller === undefined ? {} : { "x-auth-token": caller }),
      ...(subject === undefined ? {} : { "x-subject-token": subject })
    }
  })

/** Status, header names and the exact body. */
const exact = (a: Answer) => ({ status: a.status, headers: a.headers, text: a.text })

/** Status, header names and the body's shape. */
const shaped = (a: Answer) => ({ status: a.status, headers: a.headers, shape: shape(a.json), newline: a.text.endsWith("\n") })

const agree = async (scenario: (side: Side) => Promise<unknown>) => {
  const [fromKeystone, fromSim] = await Promise.all([scenario(real), scenario(simulated)])
  expect(fromSim).toEqual(fromKeystone)
}

describe(`KeystoneSim answers like a real Keystone (${real.base})`, () => {
  describe("issuing", () => {
    it("password, default scope: the token body, key for key", () =>
      agree(async (side) => {
        const a = await issue(side, password(side))
        // Keystone does not keep the order of roles stable between runs
        return { ...shaped(a), roles: a.json.token.roles.map((r: { name: string }) => r.name).sort() }
      }))

    it("nocatalog, explicitly unscoped, domain scope", () =>
      agree(async (side) => [
        shaped(await issue(side, password(side), "?nocatalog")),
        shaped(await issue(side, password(side, "unscoped"))),
        shaped(await issue(side, password(side, { domain: { id: side.demoDomainScope } }), "?nocatalog"))
      ]))

    it("project by name and domain name", () =>
      agree(async (side) =>
        shaped(await issue(side, password(side, { project: { name: side.demo2.name, domain: { name: side.demo2.domainName } } })))
      ))

    it("token method: methods, audit ids and expiry", () =>
      agree(async (side) => {
        const first = await issue(side, password(side, "unscoped"))
        const a = await issue(side, {
          auth: {
            identity: { methods: ["token"], token: { id: first.headerValues["x-subject-token"] } },
            scope: { project: { id: side.demoProjectId } }
          }
        })
        return {
          ...shaped(a),
          // Keystone does not keep the order of methods stable between runs
          methods: [...a.json.token.methods].sort(),
          chained: a.json.token.audit_ids[1] === first.json.token.audit_ids[0],
          sameExpiry: a.json.token.expires_at === first.json.token.expires_at
        }
      }))

    it("application credential; with a scope; rescoping its token", () =>
      agree(async (side) => {
        const identity = {
          methods: ["application_credential"],
          application_credential: { id: side.appCred.id, secret: side.appCred.secret }
        }
        const a = await issue(side, { auth: { identity } })
        const scoped = await issue(side, { auth: { identity, scope: { project: { id: side.demoProjectId } } } })
        const rescoped = await issue(side, {
          auth: { identity: { methods: ["token"], token: { id: a.headerValues["x-subject-token"] } } }
        })
        return [shaped(a), exact(scoped), exact(rescoped)]
      }))
  })

  describe("refusing", () => {
    it("bad credentials and no role: the same 401", () =>
      agree(async (side) => [
        exact(await issue(side, password(side, undefined, "wrong"))),
        exact(await issue(side, password(side, { project: { id: "nope" } }))),
        exact(await issue(side, password(side, { system: { all: true } }))),
        exact(await issue(side, password(side, { system: { all: false } }))),
        exact(await issue(side, password(side, { "OS-TRUST:trust": { id: "nope" } }))),
        exact(await issue(side, { auth: { identity: { methods: [] } } }))
      ]))

    it("malformed requests: the same 400s", () =>
      agree(async (side) => [
        exact(await call(side, "POST", "/v3/auth/tokens", { raw: "{nope" })),
        exact(await call(side, "POST", "/v3/auth/tokens", { raw: "[1, 2]" })),
        exact(await call(side, "POST", "/v3/auth/tokens", { raw: "" })),
        exact(await issue(side, {})),
        exact(await issue(side, password(side, { project: { id: side.demoProjectId }, domain: { id: "default" } }))),
        exact(await issue(side, password(side, {}))),
        exact(await issue(side, password(side, "bogus"))),
        exact(await issue(side, password(side, { project: { name: "demo" } }))),
        exact(await issue(side, { auth: { identity: { methods: ["password"] } } })),
        exact(await issue(side, {
          auth: { identity: { methods: ["password"], password: { user: { name: "demo", password: "x" } } } }
        }))
      ]))

    it("an unsupported method: 401 with the methods offered", () =>
      agree(async (side) => shaped(await issue(side, { auth: { identity: { methods: ["kerberos"], kerberos: {} } } }))))

    it("an application credential: unknown id 404, unknown name 401", () =>
      agree(async (side) => [
        exact(await issue(side, { auth: { identity: { methods: ["application_credential"], application_credential: { id: "nope", secret: "x" } } } })),
        exact(await issue(side, {
          auth: {
            identity: {
              methods: ["application_credential"],
              application_credential: { name: "nope", secret: "x", user: { id: side.demo.id } }
            }
          }
        }))
      ]))

    it("token method with garbage: 404", () =>
      agree(async (side) => exact(await issue(side, { auth: { identity: { methods: ["token"], token: { id: "garbage" } } } }))))
  })

  describe("validating, checking, revoking", () => {
    it("self-validation, HEAD, nocatalog, allow_expired on a valid token", () =>
      agree(async (side) => {
        const id = await tokenOf(side, password(side))
        const head = await tokens(side, "HEAD", id, id)
        const get = await tokens(side, "GET", id, id)
        return [
          shaped(get),
          { ...exact(head), length: head.headerValues["content-length"] === get.headerValues["content-length"] },
          shaped(await tokens(side, "GET", id, id, "?nocatalog")),
          shaped(await tokens(side, "GET", id, id, "?allow_expired=1&nocatalog"))
        ]
      }))

    it("bad caller, bad subject, missing subject, someone else's token", () =>
      agree(async (side) => {
        const id = await tokenOf(side, password(side))
        const other = await tokenOf(side, {
          auth: {
            identity: {
              methods: ["password"],
              password: { user: { name: side.other.name, domain: { name: side.other.domainName }, password: side.other.password } }
            },
            scope: "unscoped"
          }
        })
        return [
          exact(await tokens(side, "GET", undefined, id)),
          exact(await tokens(side, "GET", "garbage", id)),
          exact(await tokens(side, "GET", id, "garbage")),
          exact(await tokens(side, "HEAD", id, "garbage")),
          exact(await tokens(side, "GET", id, undefined)),
          exact(await tokens(side, "GET", other, id)),
          exact(await tokens(side, "HEAD", other, id)),
          exact(await tokens(side, "DELETE", other, id))
        ]
      }))

    it("an admin validates anyone; learns that the subject is missing", () =>
      agree(async (side) => {
        const id = await tokenOf(side, password(side))
        const admin = await tokenOf(side, {
          auth: {
            identity: {
              methods: ["password"],
              password: { user: { name: side.admin.name, domain: { id: "default" }, password: side.admin.password } }
            },
            scope: { project: { name: side.admin.projectName, domain: { id: "default" } } }
          }
        })
        return [shaped(await tokens(side, "GET", admin, id, "?nocatalog")), exact(await tokens(side, "GET", admin, undefined))]
      }))

    it("DELETE: 204, then 404 for the subject and 401 for it as a caller", () =>
      agree(async (side) => {
        const id = await tokenOf(side, password(side, "unscoped"))
        const caller = await tokenOf(side, password(side))
        return [
          exact(await tokens(side, "DELETE", id, id)),
          exact(await tokens(side, "GET", caller, id)),
          exact(await tokens(side, "DELETE", caller, id)),
          exact(await tokens(side, "GET", id, caller))
        ]
      }))
  })

  describe("revocation events", () => {
    const adminToken = (side: Side) =>
      tokenOf(side, {
        auth: {
          identity: {
            methods: ["password"],
            password: { user: { name: side.admin.name, domain: { id: "default" }, password: side.admin.password } }
          },
          scope: { project: { name: side.admin.projectName, domain: { id: "default" } } }
        }
      })
    const events = (side: Side, caller: string | undefined, since?: string) =>
      call(side, "GET", `/v3/OS-REVOKE/events${since === undefined ? "" : `?since=${encodeURIComponent(since)}`}`, {
        headers: caller === undefined ? {} : { "x-auth-token": caller }
      })

    it("GET /v3/OS-REVOKE/events after DELETE: the event, since strictly after, the refusals", () =>
      agree(async (side) => {
        const admin = await adminToken(side)
        const victim = await tokenOf(side, password(side))
        const auditId = (await tokens(side, "GET", admin, victim, "?nocatalog")).json.token.audit_ids[0]
        const since = new Date(Date.now() - 5_000).toISOString()
        await tokens(side, "DELETE", admin, victim)
        const listed = await events(side, admin, since)
        // other clients may revoke tokens on the real Keystone meanwhile: look at ours only
        const ours = listed.json.events.filter((e: { audit_id?: string }) => e.audit_id === auditId)
        const after = await events(side, admin, ours[0].revoked_at)
        return {
          listing: { status: listed.status, headers: listed.headers, keys: Object.keys(listed.json), links: listed.json.links },
          newline: listed.text.endsWith("}\n"),
          ours: shape(ours),
          issuedBeforeIsRevokedAt: ours[0].issued_before === ours[0].revoked_at,
          wholeSeconds: ours[0].revoked_at.endsWith(".000000Z"),
          strictlyAfter: after.json.events.some((e: { audit_id?: string }) => e.audit_id === auditId),
          member: exact(await events(side, await tokenOf(side, password(side)))),
          anonymous: exact(await events(side, undefined)),
          garbage: exact(await events(side, admin, "yesterday"))
        }
      }))
  })

  describe("catalog, listings, versions, routing", () => {
    it("GET /v3/auth/catalog, and its 403 without a project", () =>
      agree(async (side) => {
        const scoped = await tokenOf(side, password(side))
        const unscoped = await tokenOf(side, password(side, "unscoped"))
        return [
          shaped(await call(side, "GET", "/v3/auth/catalog", { headers: { "x-auth-token": scoped } })),
          exact(await call(side, "GET", "/v3/auth/catalog", { headers: { "x-auth-token": unscoped } })),
          exact(await call(side, "GET", "/v3/auth/catalog"))
        ]
      }))

    it("GET /v3/auth/projects, /domains, /system", () =>
      agree(async (side) => {
        const id = await tokenOf(side, password(side))
        const get = (path: string) => call(side, "GET", path, { headers: { "x-auth-token": id } })
        return [shaped(await get("/v3/auth/projects")), shaped(await get("/v3/auth/domains")), exact(await get("/v3/auth/system"))]
      }))

    it("version discovery", () =>
      agree(async (side) => [exact(await call(side, "GET", "/")), exact(await call(side, "GET", "/v3")), exact(await call(side, "GET", "/v3/"))]))

    it("unknown paths and wrong methods", () =>
      agree(async (side) => [
        exact(await call(side, "GET", "/v3/nope")),
        exact(await call(side, "GET", "/v3/auth/tokens/x")),
        exact(await call(side, "GET", "/v2.0")),
        { ...exact(await call(side, "PUT", "/v3/auth/tokens")), allow: (await call(side, "PUT", "/v3/auth/tokens")).headerValues["allow"]!.split(", ").sort() }
      ]))
  })
})
