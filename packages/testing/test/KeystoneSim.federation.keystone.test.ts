/**
 * The simulator's federation (OS-FEDERATION) and OAuth 2.0 (OS-OAUTH2)
 * answers side by side with a REAL Keystone (`npm run test:keystone`). Both
 * trust the same OpenID provider (scripts/federation/idp.ts): the real
 * Keystone behind the claims proxy with keystone.ts's mapping
 * (scripts/federation/stack.ts), the simulator through sim.ts, which
 * introspects and maps alike. The same IdP access token logs in on both
 * sides; the answers must agree in status, header names, bodies (exactly for
 * errors, key for key for tokens).
 */
import { afterAll, beforeAll, describe, expect, it } from "@effect/vitest"
import { KeystoneSim } from "@effect-keystone/testing"
import * as KeystoneSimNode from "@effect-keystone/testing/Node"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import * as Scope from "effect/Scope"
import * as Idp from "../../../scripts/federation/idp.js"
import * as KeystoneFederation from "../../../scripts/federation/keystone.js"
import * as SimFederation from "../../../scripts/federation/sim.js"
import * as Stack from "../../../scripts/federation/stack.js"
import * as KeystoneEnv from "../../../scripts/keystone-env.js"

const env = KeystoneEnv.load()
const need = KeystoneEnv.need(env)

interface Side {
  readonly name: string
  /** Where federated logins go: the claims proxy for Keystone, the simulator itself. */
  federation: string
  /** Keystone itself. */
  keystone: string
  readonly appCred: { readonly id: string; readonly secret: string }
}

const real: Side = {
  name: "keystone",
  federation: "",
  keystone: need("KS_BASE_URL"),
  appCred: { id: need("KS_APPCRED_ID"), secret: need("KS_APPCRED_SECRET") }
}
const simulated: Side = { name: "sim", federation: "", keystone: "", appCred: { id: KeystoneSim.AppCred.id, secret: KeystoneSim.AppCred.secret } }

let scope: Scope.CloseableScope
let stack: Stack.Stack
beforeAll(async () => {
  scope = await Effect.runPromise(Scope.make())
  stack = await Stack.up({ keystone: real.keystone, adminPassword: need("KS_ADMIN_PASSWORD") })
  real.federation = stack.authUrl.replace(/\/v3$/, "")
  const sim = await Effect.runPromise(KeystoneSimNode.serve({ versions: ["v3"] }).pipe(Scope.extend(scope)))
  await Effect.runPromise(SimFederation.trust(sim, stack.idp))
  simulated.federation = sim.baseUrl
  simulated.keystone = sim.baseUrl
}, 60_000)
afterAll(async () => {
  await stack?.close()
  await Effect.runPromise(Scope.close(scope, Exit.void))
})

const ignoredHeaders = new Set(["date", "server", "connection", "keep-alive", "transfer-encoding"])

interface Answer {
  readonly status: number
  readonly statusLine: string
  readonly headers: ReadonlyArray<string>
  readonly headerValues: Readonly<Record<string, string>>
  readonly text: string
  readonly json: any
}

const call = async (
  side: Side,
  base: string,
  method: string,
  path: string,
  options: { readonly headers?: Record<string, string>; readonly body?: string } = {}
): Promise<Answer> => {
  const res = await fetch(base + path, {
    method,
    headers: { connection: "close", ...options.headers },
    ...(options.body === undefined ? {} : { body: options.body })
  })
  // the real Keystone names itself in 401s, even behind the proxy
  const clean = (s: string) => s.split(side.keystone).join("<base>").split(base).join("<base>")
  const text = clean(await res.text())
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch {
    json = undefined
  }
  const headerValues: Record<string, string> = {}
  res.headers.forEach((value, name) => {
    if (!ignoredHeaders.has(name)) headerValues[name] = clean(value)
  })
  return { status: res.status, statusLine: `${res.status} ${res.statusText}`, headers: Object.keys(headerValues).sort(), headerValues, text, json }
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

/** Status (the proxy writes its own reason phrase), header names and the exact body. */
const exact = (a: Answer) => ({ status: a.status, headers: a.headers, text: a.text })

const shaped = (a: Answer) => ({ status: a.status, headers: a.headers, shape: shape(a.json), newline: a.text.endsWith("\n") })

const agree = async (scenario: (side: Side) => Promise<unknown>) => {
  const [fromKeystone, fromSim] = await Promise.all([scenario(real), scenario(simulated)])
  expect(fromSim).toEqual(fromKeystone)
}

const loginPath = (idp: string = KeystoneFederation.names.identityProvider, protocol: string = KeystoneFederation.names.protocol) =>
  `/v3/OS-FEDERATION/identity_providers/${idp}/protocols/${protocol}/auth`

const login = (side: Side, accessToken: string, options: { readonly method?: string; readonly path?: string } = {}) =>
  call(side, side.federation, options.method ?? "POST", options.path ?? loginPath(), { headers: { authorization: `Bearer ${accessToken}` } })

/** An access token from the IdP's password grant, with the claims the mapping reads. */
const accessToken = async (username: string, password: string): Promise<string> => {
  const response = await fetch(`${stack.idp.issuer}/token`, {
    method: "POST",
    headers: {
      authorization: `Basic ${btoa(`${Idp.clients.password.id}:${Idp.clients.password.secret}`)}`,
      "content-type": "application/x-www-form-urlencoded"
    },
    body: new URLSearchParams({ grant_type: "password", username, password, scope: "openid profile email groups" })
  })
  return ((await response.json()) as { access_token: string }).access_token
}

const rescope = (side: Side, id: string, scope: unknown) =>
  call(side, side.keystone, "POST", "/v3/auth/tokens?nocatalog", {
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ auth: { identity: { methods: ["token"], token: { id } }, scope } })
  })

const fedProject = { project: { name: KeystoneFederation.names.project, domain: { name: KeystoneFederation.names.domain } } }

describe(`KeystoneSim's federation answers like a real Keystone (${real.keystone})`, () => {
  it("the unscoped federated token, by POST and GET, and validated by itself", async () => {
    const token = await accessToken("alice", "alice-password")
    await agree(async (side) => {
      const posted = await login(side, token)
      const got = await login(side, token, { method: "GET" })
      const id = posted.headerValues["x-subject-token"]!
      const validated = await call(side, side.keystone, "GET", "/v3/auth/tokens", { headers: { "x-auth-token": id, "x-subject-token": id } })
      const user = posted.json.token.user
      return {
        posted: shaped(posted),
        got: shaped(got),
        validated: shaped(validated),
        methods: posted.json.token.methods,
        user: { name: user.name, domain: user.domain.name, idLength: user.id.length, federation: user["OS-FEDERATION"] },
        sameUser: got.json.token.user.id === user.id && validated.json.token.user.id === user.id
      }
    })
  })

  it("rescoped to the mapped project: whole role references, both methods, one audit id", async () => {
    const token = await accessToken("alice", "alice-password")
    await agree(async (side) => {
      const unscoped = await login(side, token)
      const a = await rescope(side, unscoped.headerValues["x-subject-token"]!, fedProject)
      const t = a.json.token
      const { id: _id, ...role } = t.roles.find((r: { name: string }) => r.name === KeystoneFederation.names.role)
      return {
        ...shaped(a),
        methods: [...t.methods].sort(),
        roles: t.roles.map((r: { name: string }) => r.name).sort(),
        role,
        roleKeys: t.roles.map((r: object) => Object.keys(r)),
        auditIds: t.audit_ids.length,
        newAudit: t.audit_ids[0] !== unscoped.json.token.audit_ids[0],
        project: t.project.name
      }
    })
  })

  it("refusals: a user the mapping does not admit, an unknown identity provider, unknown and local protocols, a project without roles", async () => {
    const alice = await accessToken("alice", "alice-password")
    const mallory = await accessToken("mallory", "mallory-password")
    await agree(async (side) => {
      const unscoped = await login(side, alice)
      const unsupported = await login(side, alice, { path: loginPath(KeystoneFederation.names.identityProvider, "kerberos") })
      return {
        mallory: exact(await login(side, mallory)),
        unknownIdp: exact(await login(side, alice, { path: loginPath("no-such-idp") })),
        unsupported: {
          status: unsupported.status,
          message: unsupported.json.error.message,
          // the methods each side has enabled differ; both offer openid
          offersOpenid: unsupported.json.error.identity.methods.includes("openid")
        },
        local: (await login(side, alice, { path: loginPath(KeystoneFederation.names.identityProvider, "token") })).status,
        noRole: exact(await rescope(side, unscoped.headerValues["x-subject-token"]!, { project: { name: "admin", domain: { id: "default" } } }))
      }
    })
  })
})

const oauth2 = (side: Side, options: { readonly basic?: string; readonly body?: string; readonly contentType?: string; readonly method?: string } = {}) =>
  call(side, side.keystone, options.method ?? "POST", "/v3/OS-OAUTH2/token", {
    headers: {
      ...(options.basic === undefined ? {} : { authorization: `Basic ${btoa(options.basic)}` }),
      ...(options.body === undefined ? {} : { "content-type": options.contentType ?? "application/x-www-form-urlencoded" })
    },
    ...(options.body === undefined ? {} : { body: options.body })
  })

/** OAuth2 answers come straight from Keystone: the status line too. */
const exactLine = (a: Answer) => ({ ...exact(a), statusLine: a.statusLine })

describe(`KeystoneSim's OS-OAUTH2 answers like a real Keystone (${real.keystone})`, () => {
  const grant = "grant_type=client_credentials"

  it("client credentials by HTTP Basic: the token response, and the token validates", async () => {
    await agree(async (side) => {
      const client = `${side.appCred.id}:${side.appCred.secret}`
      const a = await oauth2(side, { basic: client, body: grant })
      const id = a.json.access_token
      const seen = await call(side, side.keystone, "GET", "/v3/auth/tokens?nocatalog", { headers: { "x-auth-token": id, "x-subject-token": id } })
      return {
        ...shaped(a),
        statusLine: a.statusLine,
        expiresIn: a.json.expires_in,
        tokenType: a.json.token_type,
        validated: shaped(seen),
        methods: seen.json.token.methods
      }
    })
  })

  it("refusals: the same OAuth 2.0 error bodies and statuses", async () => {
    await agree(async (side) => {
      const { id, secret } = side.appCred
      return [
        exactLine(await oauth2(side, { body: `${grant}&client_id=${id}&client_secret=${secret}` })),
        exactLine(await oauth2(side, { basic: `${id}:`, body: grant })),
        exactLine(await oauth2(side, { basic: `${id}:wrong-secret`, body: grant })),
        exactLine(await oauth2(side, { basic: "no-such-client:x", body: grant })),
        exactLine(await oauth2(side, { basic: `${id}:${secret}`, body: "" })),
        exactLine(await oauth2(side, { basic: `${id}:${secret}`, body: "grant_type=password" })),
        exactLine(await oauth2(side, { basic: `${id}:${secret}`, body: JSON.stringify({ grant_type: "client_credentials" }), contentType: "application/json" })),
        exactLine(await oauth2(side, { method: "GET" }))
      ]
    })
  })
})
