/**
 * `AuthToken.make`: options resolved, the caller, the validator, the
 * revocation index and poller, and the per-request decision, wired.
 *
 * @internal
 */
import * as HttpClient from "@effect/platform/HttpClient"
import { KeystoneSession, TokenStore } from "@effect-keystone/cache"
import * as KeystoneClient from "@effect-keystone/client/KeystoneClient"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Option from "effect/Option"
import * as Redacted from "effect/Redacted"
import type { AuthTokenService, Options } from "../AuthToken.js"
import * as Caller from "./caller.js"
import { RevocationFeed, type RevocationFeedService } from "../RevocationFeed.js"
import * as Decide from "./decide.js"
import { sha256Hex } from "./digest.js"
import * as Fleet from "./fleet.js"
import * as Headers from "./headers.js"
import * as Outage from "./outage.js"
import * as Principals from "./principal.js"
import * as Poller from "./poller.js"
import * as Revocation from "./revocation.js"
import * as SharedStore from "./sharedStore.js"
import * as Validator from "./validator.js"

const millis = (d: Duration.DurationInput | undefined, fallback: Duration.DurationInput) =>
  Duration.toMillis(Duration.decode(d ?? fallback))

/** @internal */
export const make = (
  options: Options,
  store: TokenStore.TokenStoreService | undefined,
  fleet?: { readonly feed: RevocationFeedService; readonly sealer: TokenStore.Sealer }
) =>
  Effect.gen(function*() {
    const session = yield* KeystoneSession.KeystoneSession
    const client = yield* KeystoneClient.KeystoneClient
    const http = yield* HttpClient.HttpClient
    const maxAgeMillis = Math.max(1, millis(options.cache?.maxAge, "5 minutes"))
    const pollEvery = options.revocation?.pollEvery ?? "5 seconds"
    const catalog = options.includeServiceCatalog === true

    const validate = yield* Caller.fromSession(session, client, http, {
      retry: options.retry ?? { maxAttempts: 2, budget: "3 seconds" },
      timeout: options.timeout ?? "5 seconds"
    })
    // a validation made before an event lives at most maxAge; keep the event a little longer
    const index = Revocation.makeIndex(maxAgeMillis + 60_000, options.revocation?.capacity ?? 10_000)
    const outage = yield* Outage.make
    const validator = yield* Validator.make(
      {
        maxAgeMillis,
        negativeMaxAgeMillis: millis(options.cache?.negativeMaxAge, "10 seconds"),
        capacity: options.cache?.capacity ?? 10_000,
        catalog,
        retryAfterSeconds: Math.max(1, Math.ceil(millis(options.retryAfter, "5 seconds") / 1000))
      },
      validate,
      index,
      store === undefined ? undefined : SharedStore.make(store, client.authUrl, maxAgeMillis),
      outage
    )
    // a request after the service's scope closed is never answered from memory
    yield* Effect.addFinalizer(() => validator.close)
    const poller = yield* Poller.make(
      {
        everyMillis: pollEvery === false ? 0 : millis(pollEvery, "5 seconds"),
        v3Url: Poller.v3Url(client.authUrl),
        lookBackMillis: maxAgeMillis + 60_000,
        maxResponseBytes: 4 * 1024 * 1024,
        client: session.httpClient,
        keystoneTime: session.token.pipe(
          Effect.map((t) => t.issuedAt),
          Effect.orElseSucceed(() => Option.none())
        )
      },
      index,
      validator,
      outage
    )
    const everyMillis = pollEvery === false ? 0 : millis(pollEvery, "5 seconds")
    const pollRevocations = fleet === undefined
      ? poller.poll
      : (yield* Fleet.make(fleet.feed, fleet.sealer, poller, {
        everyMillis,
        // the processes of one Keystone share a topic
        topic: sha256Hex(Poller.v3Url(client.authUrl)).slice(0, 16),
        maxMessageBytes: 8 * 1024 * 1024
      })).pollNow
    if (fleet === undefined && everyMillis > 0) yield* Poller.run(poller, everyMillis)

    const settings: Decide.DecideSettings = {
      delayAuthDecision: options.delayAuthDecision === true,
      serviceTokenRoles: options.serviceTokenRoles ?? ["service"],
      serviceTokenRolesRequired: options.serviceTokenRolesRequired === true,
      catalog,
      wwwAuthenticate: Headers.wwwAuthenticate(options.wwwAuthenticateUri ?? client.authUrl)
    }
    const decider = Decide.make(validator, settings)

    return {
      authenticate: decider.authenticate,
      decide: decider.decide,
      decideCached: decider.decideCached,
      validate: (token, validateOptions) =>
        Effect.map(
          Effect.suspend(() => validator.validate(Redacted.value(token), validateOptions?.allowExpired === true)),
          (t) => Principals.fromToken(t, { catalog })
        ),
      pollRevocations,
      delayAuthDecision: settings.delayAuthDecision,
      wwwAuthenticate: settings.wwwAuthenticate
    } satisfies AuthTokenService
  })

/** @internal */
export const makeShared = (options: Options, encryption: TokenStore.EncryptionOptions) =>
  TokenStore.TokenStore.pipe(
    Effect.flatMap((store) => TokenStore.makeEncrypted(store, encryption)),
    Effect.flatMap((sealed) => make(options, sealed))
  )

/** @internal */
export const makeFleet = (options: Options, encryption: TokenStore.EncryptionOptions) =>
  Effect.gen(function*() {
    const sealed = yield* Effect.flatMap(TokenStore.TokenStore, (store) => TokenStore.makeEncrypted(store, encryption))
    const sealer = yield* TokenStore.makeSealer(encryption)
    const feed = yield* RevocationFeed
    return yield* make(options, sealed, { feed, sealer })
  })
