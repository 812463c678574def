/**
 * Invalid combinations: rejected by the type checker (`npm run check` fails
 * if any `@ts-expect-error` below stops being an error), and rejected at run
 * time with `InvalidInput`, before any request, when TypeScript is bypassed.
 */
import { AuthScope, Credentials } from "@effect-keystone/client"
import type { Auth } from "@effect-keystone/client"
import { describe, expect, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as Redacted from "effect/Redacted"
import { AppCred, Demo, demoPassword, withSim } from "./utils.js"

const secret = Redacted.make(AppCred.secret)
const appCred = Credentials.applicationCredential({ id: AppCred.id, secret })

// ---------------------------------------------------------------------------
// compile time
// ---------------------------------------------------------------------------

export const typeChecks = (): ReadonlyArray<unknown> => [
  // an application credential carries its own scope
  // @ts-expect-error
  { credentials: appCred, scope: AuthScope.project({ id: Demo.projectId }) } satisfies Auth.Auth,
  // @ts-expect-error
  { credentials: appCred, scope: AuthScope.unscoped() } satisfies Auth.Auth,

  // a project by name needs its domain
  // @ts-expect-error
  AuthScope.project({ name: "demo" }),
  // a project by id and by name at once
  // @ts-expect-error
  AuthScope.project({ id: Demo.projectId, name: "demo", domain: { id: "default" } }),

  // two scopes in one: an object with both project and domain
  // @ts-expect-error
  { credentials: demoPassword, scope: { project: { id: Demo.projectId }, domain: { id: "default" } } } satisfies Auth.Auth,
  // @ts-expect-error
  { credentials: demoPassword, scope: { _tag: "Project", id: Demo.projectId, domain: { id: "default" } } } satisfies Auth.Auth,
  // a domain by id and by name
  // @ts-expect-error
  AuthScope.domain({ id: "default", name: "Default" }),
  // a domain reference with both
  // @ts-expect-error
  AuthScope.project({ name: "demo", domain: { id: "default", name: "Default" } }),

  // TOTP without a user
  // @ts-expect-error
  Credentials.totp({ passcode: Redacted.make("123456") }),
  // a user by name without a domain
  // @ts-expect-error
  Credentials.password({ username: "demo", password: Redacted.make("x") }),
  // a user by id and by name
  // @ts-expect-error
  Credentials.password({ userId: Demo.userId, username: "demo", domain: { id: "default" }, password: Redacted.make("x") }),
  // secrets are Redacted, not plain strings
  // @ts-expect-error
  Credentials.password({ userId: Demo.userId, password: "plain" }),
  // an application credential by name needs its user
  // @ts-expect-error
  Credentials.applicationCredential({ name: AppCred.name, secret }),

  // and the valid forms do type-check
  { credentials: appCred } satisfies Auth.Auth,
  { credentials: demoPassword, scope: AuthScope.project({ name: "demo", domain: { name: "Default" } }) } satisfies Auth.Auth,
  Credentials.totp({ userId: Demo.userId, passcode: Redacted.make("123456") })
]

// ---------------------------------------------------------------------------
// run time: the same mistakes from JavaScript (or through `as any`)
// ---------------------------------------------------------------------------

const invalid: ReadonlyArray<readonly [string, unknown]> = [
  ["an application credential with a scope", { credentials: appCred, scope: AuthScope.project({ id: Demo.projectId }) }],
  ["a project name without a domain", { credentials: demoPassword, scope: { _tag: "Project", name: "demo" } }],
  ["a project by id and name", { credentials: demoPassword, scope: { _tag: "Project", id: "p", name: "demo", domain: { id: "d" } } }],
  ["two scopes (project and domain keys)", { credentials: demoPassword, scope: { project: { id: "p" }, domain: { id: "d" } } }],
  ["two scopes (a tagged project with a domain)", { credentials: demoPassword, scope: { _tag: "Project", id: "p", domain: { id: "d" } } }],
  ["a domain by id and name", { credentials: demoPassword, scope: { _tag: "Domain", id: "d", name: "n" } }],
  ["an unknown scope", { credentials: demoPassword, scope: { _tag: "Galaxy" } }],
  ["TOTP without a user", { credentials: { _tag: "Totp", passcode: Redacted.make("123456") } }],
  ["TOTP with a plain-string passcode", { credentials: { _tag: "Totp", user: { id: Demo.userId }, passcode: "123456" } }],
  ["a password that is not Redacted", { credentials: { _tag: "Password", user: { id: Demo.userId }, password: "demo-password" } }],
  ["a user by name without a domain", { credentials: Credentials.password({ username: "demo", password: Redacted.make("x") } as any) }],
  ["a user domain with id and name", { credentials: { _tag: "Password", user: { name: "demo", domain: { id: "a", name: "b" } }, password: Redacted.make("x") } }],
  ["an empty user id", { credentials: Credentials.password({ userId: "", password: Redacted.make("x") }) }],
  ["an application credential without id or name", { credentials: { _tag: "ApplicationCredential", ref: {}, secret } }],
  ["an application credential by name without a user", { credentials: { _tag: "ApplicationCredential", ref: { name: "x" }, secret } }],
  ["a token credential with an empty id", { credentials: Credentials.existingToken(Redacted.make("")) }],
  ["multi-factor without methods", { credentials: Credentials.multiFactor([]) }],
  ["multi-factor containing an application credential", { credentials: { _tag: "MultiFactor", methods: [appCred] } }],
  ["unknown credentials", { credentials: { _tag: "Kerberos" } }],
  ["no credentials", { scope: AuthScope.unscoped() }],
  ["not an object", "demo:demo-password"],
  ["null", null]
]

describe("invalid input is an InvalidInput before any request", () => {
  for (const [name, auth] of invalid) {
    for (const v2 of [false, true]) {
      it.effect(`${name} (${v2 ? "v2.0" : "v3"})`, () =>
        withSim((sim, client) =>
          Effect.gen(function*() {
            const error = yield* Effect.flip(client.issue(auth as any))
            expect(error).toMatchObject({ _tag: "InvalidInput", input: "auth" })
            expect(error.message.length).toBeGreaterThan(0)
            expect(yield* sim.count()).toBe(0)
          }), { v2 }))
    }
  }

  it.effect("also before version discovery", () =>
    withSim((sim, client) =>
      Effect.gen(function*() {
        yield* Effect.flip(client.issue({ credentials: appCred, scope: AuthScope.unscoped() } as any))
        expect(yield* sim.count()).toBe(0)
      }), { authUrl: "http://keystone.test" }))

  it.effect("invalid subjects: not a token, empty, or unsendable in a header", () =>
    withSim((sim, client) =>
      Effect.gen(function*() {
        for (const subject of ["plain-string", Redacted.make(""), Redacted.make("abc\r\nX-Evil: 1"), { id: "x" }, null]) {
          expect(yield* Effect.flip(client.validate(subject as any))).toMatchObject({ _tag: "InvalidInput", input: "subject" })
          expect(yield* Effect.flip(client.check(subject as any))).toMatchObject({ _tag: "InvalidInput", input: "subject" })
          expect(yield* Effect.flip(client.revoke(subject as any))).toMatchObject({ _tag: "InvalidInput", input: "subject" })
          expect(yield* Effect.flip(client.endpoints(subject as any))).toMatchObject({ _tag: "InvalidInput", input: "subject" })
        }
        expect(yield* sim.count()).toBe(0)
      })))

  it.effect("the message says what is wrong", () =>
    withSim((_, client) =>
      Effect.gen(function*() {
        const error = yield* Effect.flip(client.issue({ credentials: appCred, scope: AuthScope.unscoped() } as any))
        expect(error.message).toMatch(/application credential/)
        const noDomain = yield* Effect.flip(client.issue({ credentials: demoPassword, scope: { _tag: "Project", name: "demo" } } as any))
        expect(noDomain.message).toMatch(/domain/)
      })))
})
