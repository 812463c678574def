/**
 * The simulator against Keystone's own samples (../shared/keystone-samples,
 * next to the repository; read in place). Error bodies must match byte for
 * byte; token bodies must have the same keys.
 */
import { describe, expect, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as fs from "node:fs"
import * as path from "node:path"
import { fileURLToPath } from "node:url"
import { KeystoneSim } from "@effect-keystone/testing"
import * as HttpClientRequest from "@effect/platform/HttpClientRequest"
import { admin, AppCred, demo, get, issue, password, provideSim, send, tokenId, tokens } from "./utils.js"

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..")
const samplesDir = process.env.KEYSTONE_SAMPLES_DIR ?? path.resolve(root, "../shared/keystone-samples")
const recorded = path.resolve(root, "packages/schema/test/fixtures/recorded")

const text = (file: string) => fs.readFileSync(path.join(samplesDir, file), "utf8")
const json = (file: string) => JSON.parse(text(file))
const keys = (o: object) => Object.keys(o).sort()

const withSamples = () => describe("KeystoneSim matches Keystone's samples", () => {
  it.effect("v3 error bodies, byte for byte", () =>
    Effect.gen(function*() {
      const wrong = yield* issue(password({ id: KeystoneSim.Demo.userId }, "nope"))
      expect(wrong.text).toBe(text("constructed/v3/error-401-auth-failed.response.json"))
      const unscoped = yield* tokenId(demo("unscoped"))
      expect((yield* get("/v3/auth/catalog", unscoped)).text).toBe(text("constructed/v3/error-403-forbidden.response.json"))
      expect((yield* tokens("GET", unscoped, "c67580")).text)
        .toBe(text("constructed/v3/error-404-fernet-unrecognized.response.json"))
      yield* tokens("DELETE", unscoped, unscoped)
      const caller = yield* tokenId(demo())
      expect((yield* tokens("GET", caller, unscoped)).text)
        .toBe(text("constructed/v3/error-404-token-validation-failed.response.json"))
    }).pipe(provideSim()))

  it.effect("v2 error bodies, byte for byte", () =>
    Effect.gen(function*() {
      const sim = yield* KeystoneSim.KeystoneSim
      const wrong = yield* send(HttpClientRequest.post(`${sim.authUrlV2}/tokens`).pipe(
        HttpClientRequest.bodyUnsafeJson({ auth: { passwordCredentials: { username: "demo", password: "nope" } } })
      ))
      expect(wrong.text).toBe(text("constructed/v2/error-401-unauthorized.response.json"))
    }).pipe(provideSim()))

  it.effect("v3 token bodies have the samples' keys", () =>
    Effect.gen(function*() {
      const cases: Array<[string, unknown]> = [
        ["v3/auth-password-project-scoped.response.json", demo()],
        ["v3/auth-password-domain-scoped.response.json", admin({ domain: { id: "default" } })],
        ["v3/auth-password-system-scoped.response.json", admin({ system: { all: true } })],
        ["v3/auth-password-unscoped.response.json", demo("unscoped")],
        ["v3/validate-token-unscoped.response.json", demo("unscoped")],
        [
          "v3/auth-application-credential.response.json",
          { auth: { identity: { methods: ["application_credential"], application_credential: { id: AppCred.id, secret: AppCred.secret } } } }
        ]
      ]
      for (const [file, body] of cases) {
        const sample = json(file).token
        const a = (yield* issue(body)).json.token
        expect([file, keys(a)]).toEqual([file, keys(sample)])
        expect(keys(a.user)).toEqual(keys(sample.user))
        if (sample.catalog !== undefined) {
          expect(keys(a.catalog[0])).toEqual(keys(sample.catalog[0]))
          expect(keys(a.catalog[0].endpoints[0])).toEqual(keys(sample.catalog[0].endpoints[0]))
        }
      }
    }).pipe(provideSim()))

  it.effect("v3 catalog, projects and domains listings have the samples' keys", () =>
    Effect.gen(function*() {
      const id = yield* tokenId(demo())
      const catalog = (yield* get("/v3/auth/catalog", id)).json
      expect(keys(catalog)).toEqual(keys(json("v3/get-auth-catalog.response.json")))
      const projects = (yield* get("/v3/auth/projects", id)).json
      const projectsSample = json("v3/get-auth-projects.response.json")
      expect(keys(projects.links)).toEqual(keys(projectsSample.links))
      expect(keys(projects.projects[0])).toEqual(expect.arrayContaining(keys(projectsSample.projects[0])))
      const domains = (yield* get("/v3/auth/domains", id)).json
      expect(keys(domains.domains[0])).toEqual(expect.arrayContaining(keys(json("v3/get-auth-domains.response.json").domains[0])))
    }).pipe(provideSim()))

  it.effect("v2 access and endpoints bodies have the samples' keys", () =>
    Effect.gen(function*() {
      const sim = yield* KeystoneSim.KeystoneSim
      const authenticate = (auth: unknown) =>
        send(HttpClientRequest.post(`${sim.authUrlV2}/tokens`).pipe(HttpClientRequest.bodyUnsafeJson({ auth })))
      const access = (yield* authenticate({
        tenantName: "demo",
        passwordCredentials: { username: "demo", password: KeystoneSim.Demo.password }
      })).json.access
      const sample = json("v2/authenticate.response.json").access
      expect(keys(access)).toEqual(keys(sample).filter((k) => k !== "trust")) // trust: trust-scoped tokens only
      expect(keys(access.token)).toEqual([...keys(sample.token), "audit_ids"].sort())
      expect(keys(access.user)).toEqual(keys(sample.user))
      expect(keys(access.serviceCatalog[1])).toEqual(keys(sample.serviceCatalog[0]))
      expect(keys(access.serviceCatalog[1].endpoints[0])).toEqual(keys(sample.serviceCatalog[0].endpoints[0]))

      const adminId = (yield* authenticate({
        tenantName: "admin",
        passwordCredentials: { username: "admin", password: KeystoneSim.Admin.password }
      })).json.access.token.id
      const endpoints = yield* send(HttpClientRequest.get(`${sim.authUrlV2}/tokens/${access.token.id}/endpoints`).pipe(
        HttpClientRequest.setHeader("x-auth-token", adminId)
      ))
      const endpointsSample = json("v2/token-endpoints-list.response.json")
      expect(keys(endpoints.json)).toEqual(keys(endpointsSample))
      expect(keys(endpoints.json.endpoints[1])).toEqual(keys(endpointsSample.endpoints[0]))
    }).pipe(provideSim()))

  it.effect("headers: the samples' header lines are there", () =>
    Effect.gen(function*() {
      const headerNames = (file: string) =>
        text(file).split("\n").slice(1).filter((l) => l.includes(":")).map((l) => l.split(":")[0]!.toLowerCase())
          .filter((h) => !["date", "server"].includes(h))
      const id = yield* tokenId(demo())
      const cases: Array<[string, { readonly headers: Readonly<Record<string, string>> }]> = [
        ["v3/auth-password-unscoped.response-headers.txt", yield* issue(demo("unscoped"))],
        ["constructed/v3/validate-token.response-headers.txt", yield* tokens("GET", id, id)],
        ["constructed/v3/check-token-head.response-headers.txt", yield* tokens("HEAD", id, id)],
        ["constructed/v3/error-401-auth-failed.response-headers.txt", yield* issue(password({ id: "x" }, "y"))],
        ["constructed/v3/revoke-token-delete.response-headers.txt", yield* tokens("DELETE", id, id)]
      ]
      for (const [file, answer] of cases) {
        expect([file, Object.keys(answer.headers).sort()]).toEqual([file, expect.arrayContaining(headerNames(file))])
      }
    }).pipe(provideSim()))
})

// Without ../shared/keystone-samples: the same kind of check against our own recordings of Keystone 22.
const withoutSamples = () =>
  describe("KeystoneSim matches our recordings of a real Keystone (no keystone-samples folder here)", () => {
    const recording = (file: string) => JSON.parse(fs.readFileSync(path.join(recorded, file), "utf8"))
    it.effect("401 and 403 error bodies", () =>
      Effect.gen(function*() {
        const wrong = yield* issue(password({ id: KeystoneSim.Demo.userId }, "nope"))
        expect(JSON.parse(wrong.text)).toEqual(recording("error-401-wrong-password.json"))
        const unscoped = yield* tokenId(demo("unscoped"))
        const forbidden = yield* get("/v3/auth/catalog", unscoped)
        expect(JSON.parse(forbidden.text)).toEqual(recording("error-403-catalog-unscoped.json"))
      }).pipe(provideSim()))
  })

if (fs.existsSync(samplesDir)) withSamples()
else withoutSamples()
