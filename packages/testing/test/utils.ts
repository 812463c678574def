/**
 * Helpers for driving the simulator through a plain `HttpClient`.
 */
import * as HttpClient from "@effect/platform/HttpClient"
import * as HttpClientRequest from "@effect/platform/HttpClientRequest"
import { Token } from "@effect-keystone/schema"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Redacted from "effect/Redacted"
import { KeystoneSim } from "@effect-keystone/testing"

export const { Admin, AppCred, Demo, Demo2, Disabled, Domains, Mfa, Projects, Roles, Service, Trust } = KeystoneSim

/** Keystone's body for every 401: the reason is never told. */
export const UNAUTHORIZED = {
  error: { code: 401, message: "The request you have made requires authentication.", title: "Unauthorized" }
}

export interface Answer {
  readonly status: number
  readonly headers: Readonly<Record<string, string>>
  readonly text: string
  /** The parsed body, or `undefined` when it is not JSON. */
  readonly json: any
}

const parse = (text: string): unknown => {
  try {
    return JSON.parse(text)
  } catch {
    return undefined
  }
}

export const send = (request: HttpClientRequest.HttpClientRequest) =>
  Effect.gen(function*() {
    const client = yield* HttpClient.HttpClient
    const res = yield* client.execute(request)
    const text = yield* res.text
    return { status: res.status, headers: res.headers, text, json: parse(text) } satisfies Answer as Answer
  })

const sim = KeystoneSim.KeystoneSim

/** POST /v3/auth/tokens with a JSON body. */
export const issue = (body: unknown, query = "", headers: Record<string, string> = {}) =>
  Effect.flatMap(sim, (s) =>
    send(HttpClientRequest.post(`${s.authUrl}/auth/tokens${query}`).pipe(
      HttpClientRequest.setHeaders(headers),
      HttpClientRequest.bodyUnsafeJson(body)
    )))

/** `method` /v3/auth/tokens with `X-Auth-Token` and `X-Subject-Token`. */
export const tokens = (
  method: "GET" | "HEAD" | "DELETE",
  caller: string | undefined,
  subject: string | undefined,
  query = ""
) =>
  Effect.flatMap(sim, (s) =>
    send(HttpClientRequest.make(method)(`${s.authUrl}/auth/tokens${query}`).pipe(
      HttpClientRequest.setHeaders({
        ...(caller === undefined ? {} : { "x-auth-token": caller }),
        ...(subject === undefined ? {} : { "x-subject-token": subject })
      })
    )))

/** GET a path under the simulator's base URL, with an optional `X-Auth-Token`. */
export const get = (path: string, caller?: string) =>
  Effect.flatMap(sim, (s) =>
    send(HttpClientRequest.get(`${s.baseUrl}${path}`).pipe(
      HttpClientRequest.setHeaders(caller === undefined ? {} : { "x-auth-token": caller })
    )))

export const password = (user: Record<string, unknown>, secret: string, scope?: unknown) => ({
  auth: {
    identity: { methods: ["password"], password: { user: { ...user, password: secret } } },
    ...(scope === undefined ? {} : { scope })
  }
})

export const demo = (scope?: unknown) => password({ id: Demo.userId }, Demo.password, scope)

export const admin = (scope?: unknown) => password({ id: Admin.userId }, Admin.password, scope)

export const tokenAuth = (id: string, scope?: unknown) => ({
  auth: { identity: { methods: ["token"], token: { id } }, ...(scope === undefined ? {} : { scope }) }
})

/** Issues a token and returns its id (fails the test on anything but 201). */
export const tokenId = (body: unknown) =>
  Effect.map(issue(body), (a) => {
    if (a.status !== 201) throw new Error(`expected 201, got ${a.status}: ${a.text}`)
    return a.headers["x-subject-token"]!
  })

/** Decodes a v3 answer with the schema package: proves the simulator and the schema agree. */
export const decodeV3 = (a: Answer) => Either.getOrThrow(Token.decodeV3(Redacted.make(a.headers["x-subject-token"]!), a.json))

export const decodeV2 = (a: Answer) => Either.getOrThrow(Token.decodeV2(a.json))

export const provideSim = (seed?: Partial<KeystoneSim.Seed>) => Effect.provide(KeystoneSim.layer(seed))
