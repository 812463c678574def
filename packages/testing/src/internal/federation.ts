/**
 * Keystone's federated login (OS-FEDERATION): GET or POST
 * /v3/OS-FEDERATION/identity_providers/{idp}/protocols/{protocol}/auth with
 * `Authorization: Bearer`, answered as Keystone behind an OpenID Connect
 * module answers it: an unscoped token for the user the bearer token maps
 * to (`sim.federation` declares which tokens are valid and whom they map
 * to). Rescoping such a token is the token method's (v3Methods.ts).
 */
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Option from "effect/Option"
import * as Redacted from "effect/Redacted"
import type * as Federation from "../Federation.js"
import type { Seed } from "../KeystoneSim.js"
import type { Ctx, EffectHandler } from "./context.js"
import * as http from "./http.js"
import * as ids from "./ids.js"
import * as render from "./render.js"
import { wholeSeconds } from "./tokens.js"
import { methods } from "./v3Methods.js"

/** The declared bearer tokens and verifiers, by endpoint. */
export interface Registry {
  readonly service: Federation.Federation
  /** Whom `accessToken` is at the endpoint: a declared token first, else the endpoint's verifier. */
  readonly identify: (endpoint: Federation.Endpoint, accessToken: string) => Effect.Effect<Option.Option<Federation.Identity>>
}

const endpointKey = (e: Federation.Endpoint) => `${e.identityProvider}\u0000${e.protocol}`

export const makeRegistry = (): Registry => {
  const accepted = new Map<string, { readonly endpoint: string; readonly identity: Federation.Identity }>()
  const verifiers = new Map<string, Federation.Verify>()
  return {
    service: {
      accept: (options) =>
        Effect.sync(() => {
          accepted.set(Redacted.value(options.accessToken), { endpoint: endpointKey(options), identity: options.identity })
        }),
      verifyWith: (options) => Effect.sync(() => void verifiers.set(endpointKey(options), options.verify)),
      forget: (accessToken) => Effect.sync(() => void accepted.delete(Redacted.value(accessToken)))
    },
    identify: (endpoint, accessToken) => {
      const declared = accepted.get(accessToken)
      if (declared !== undefined && declared.endpoint === endpointKey(endpoint)) return Effect.succeed(Option.some(declared.identity))
      const verify = verifiers.get(endpointKey(endpoint))
      return verify === undefined ? Effect.succeedNone : verify(Redacted.make(accessToken))
    }
  }
}

/** Python's `urllib.parse.quote` (safe `/`): Keystone quotes a federated user's unique id. */
const quote = (s: string) =>
  encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`).replace(/%2F/g, "/")

const sha256Hex = (text: string) =>
  Effect.map(
    Effect.promise(() => globalThis.crypto.subtle.digest("SHA-256", new TextEncoder().encode(text))),
    (digest) => [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("")
  )

/**
 * A shadow user's id, as Keystone's sha256 id generator makes it from the
 * mapping `{domain_id, entity_type: "user", local_id}`: the values in the
 * order of their sorted keys.
 */
const shadowUserId = (domainId: string, uniqueId: string) => sha256Hex(`${domainId}user${quote(uniqueId)}`)

/** The bearer token of `Authorization: Bearer <token>`. */
const bearerOf = (req: { readonly headers: Readonly<Record<string, string>> }) =>
  /^Bearer\s+(\S+)\s*$/i.exec(req.headers.authorization ?? "")?.[1]

interface Resolved {
  readonly groups: ReadonlyArray<Seed.Group>
  readonly projects: ReadonlyArray<{ readonly name: string; readonly roles: ReadonlyArray<Seed.Role> }>
}

/**
 * The mapping's groups and roles, all found before anything changes: a
 * group that does not exist is Keystone's `MappedGroupNotFound` (500), a
 * role that does not exist its `RoleNotFound` (404).
 */
const resolve = (ctx: Ctx, idp: Seed.IdentityProvider, identity: Federation.Identity): Either.Either<Resolved, http.SimResponse> =>
  Either.gen(function*() {
    const groups: Array<Seed.Group> = []
    for (const ref of identity.groups ?? []) {
      const group = ctx.dir.groupByRef(ref, idp.domainId)
      if (group === undefined) return yield* Either.left(http.viewError(ctx.baseUrl, 500))
      groups.push(group)
    }
    const projects: Array<Resolved["projects"][number]> = []
    for (const p of identity.projects ?? []) {
      const roles: Array<Seed.Role> = []
      for (const ref of p.roles) {
        const [role] = ctx.dir.rolesByRefs([ref])
        if (role === undefined) return yield* Either.left(http.viewError(ctx.baseUrl, 404, `Could not find role: ${ref}.`))
        roles.push(role)
      }
      projects.push({ name: p.name, roles })
    }
    return { groups, projects }
  })

/**
 * Keystone's checks in its order: the protocol must be an authentication
 * method (else 401 with the methods offered); a local one (`password`, …)
 * runs with the federation payload, which names no user (its 400); the
 * identity provider must exist (404) and be enabled (403) and have the
 * protocol (404); then the bearer token must map to someone (401, as when
 * the mapping matches nothing or no claims came through).
 */
export const login = (identityProvider: string, protocol: string): EffectHandler => (req, ctx) =>
  Effect.gen(function*() {
    const { dir } = ctx
    const offered = [...Object.keys(methods), ...dir.protocols()]
    if (!offered.includes(protocol)) {
      return http.viewError(ctx.baseUrl, 401, "Attempted to authenticate with an unsupported method.", { methods: offered })
    }
    const local = methods[protocol]
    if (local !== undefined) {
      return Either.merge(Either.map(local(ctx, { identity_provider: identityProvider, protocol }), () => http.viewError(ctx.baseUrl, 401)))
    }
    const idp = dir.identityProvider(identityProvider)
    if (idp === undefined) return http.viewError(ctx.baseUrl, 404, `Could not find Identity Provider: ${identityProvider}.`)
    if (idp.enabled === false) return http.viewError(ctx.baseUrl, 403)
    if (!idp.protocols.includes(protocol)) {
      return http.viewError(ctx.baseUrl, 404, `Could not find federated protocol ${protocol} for Identity Provider: ${identityProvider}.`)
    }
    const bearer = bearerOf(req)
    const identity = bearer === undefined ? Option.none() : yield* ctx.federation.identify({ identityProvider, protocol }, bearer)
    if (Option.isNone(identity)) return http.viewError(ctx.baseUrl, 401)
    const resolved = resolve(ctx, idp, identity.value)
    if (Either.isLeft(resolved)) return resolved.left
    const { groups, projects } = resolved.right

    const user = identity.value.user
    const userId = yield* shadowUserId(idp.domainId, user.id ?? user.name)
    // a shadow user has no password anyone knows
    dir.shadow({ id: userId, name: user.name, domainId: idp.domainId, password: dir.user(userId)?.password ?? ids.tokenId() })
    for (const p of projects) {
      const project = dir.projectByName(p.name, idp.domainId) ?? { id: ids.hexId(), name: p.name, domainId: idp.domainId }
      dir.addProject(project)
      for (const role of p.roles) dir.assign({ userId, roleId: role.id, projectId: project.id })
    }
    const token = ctx.tokens.issue({
      userId,
      methods: [protocol],
      scope: { _tag: "Unscoped" },
      roleIds: [],
      issuedAt: wholeSeconds(ctx.now),
      expiresAt: wholeSeconds(ctx.now + ctx.settings.tokenLifetimeMillis),
      auditIds: [ids.auditId()],
      federation: { identityProviderId: idp.id, protocolId: protocol, groupIds: groups.map((g) => g.id) }
    })
    return http.v3Json(201, render.v3Token(dir, token, false), { "x-subject-token": token.id })
  }).pipe(
    // a verifier that fails: Keystone's 500
    Effect.catchAllDefect(() => Effect.succeed(http.viewError(ctx.baseUrl, 500)))
  )
