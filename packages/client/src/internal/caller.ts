/**
 * Who sends `X-Auth-Token`: the subject itself, a fixed service token, or a
 * service token issued from credentials (lazily, once for all fibers, and
 * renewed once when Keystone refuses it).
 *
 * @internal
 */
import { Token } from "@effect-keystone/schema"
import * as Clock from "effect/Clock"
import * as DateTime from "effect/DateTime"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Option from "effect/Option"
import * as Redacted from "effect/Redacted"
import * as Ref from "effect/Ref"
import type { Auth } from "../Auth.js"
import type { IssueOptions, ServiceAuth } from "../KeystoneClient.js"
import type { KeystoneError, Unauthorized } from "../KeystoneError.js"
import * as Errors from "./errors.js"
import * as Secrets from "./secrets.js"

/** @internal */
export interface Caller {
  /**
   * Runs `f` with the caller's token id. With service credentials, a 401
   * from Keystone (our own token refused) renews the service token and runs
   * `f` once more; nothing else does.
   */
  readonly run: <A>(subject: string, f: (caller: string) => Effect.Effect<A, KeystoneError>) => Effect.Effect<A, KeystoneError>
}

/** A service token is renewed this long before it expires (at most a tenth of its lifetime). @internal */
export const renewMargin = Duration.seconds(30)

const stillGood = (token: Token.Token, now: number): boolean =>
  Option.match(token.expiresAt, {
    onNone: () => true,
    onSome: (expires) => {
      const lifetime = Option.getOrElse(Option.map(Token.lifetime(token), Duration.toMillis), () => 0)
      const margin = Math.min(Duration.toMillis(renewMargin), lifetime / 10)
      return now < DateTime.toEpochMillis(expires) - margin
    }
  })

/** @internal */
export const make = (
  serviceAuth: ServiceAuth | undefined,
  issue: (auth: Auth, options?: IssueOptions) => Effect.Effect<Token.Token, KeystoneError>
): Effect.Effect<Caller> => {
  if (serviceAuth === undefined) {
    return Effect.succeed({ run: (subject, f) => f(subject) })
  }
  if ("token" in serviceAuth) {
    // the same rule as every other token id, checked before each use: a CR or LF is refused, not sent
    const id = Secrets.tokenId(Redacted.isRedacted(serviceAuth.token) ? Redacted.value(serviceAuth.token) : undefined, "serviceAuth.token")
    const refused = (reason: string) => Errors.invalidInput("serviceAuth.token", reason)
    return Effect.succeed({
      run: (_, f) => Either.isLeft(id) ? Effect.fail(refused(id.left)) : Effect.suspend(() => f(id.right))
    })
  }
  const auth = serviceAuth.auth
  return Effect.gen(function*() {
    const current = yield* Ref.make(Option.none<Token.Token>())
    const lock = yield* Effect.makeSemaphore(1)

    const cached = Effect.zipWith(Ref.get(current), Clock.currentTimeMillis, (token, now) =>
      Option.filter(token, (t) => stillGood(t, now)))

    // single flight: whoever gets the lock first issues, the others find it cached
    const issueOnce = lock.withPermits(1)(
      Effect.flatMap(cached, (token) =>
        Option.isSome(token)
          ? Effect.succeed(token.value)
          : Effect.tap(issue(auth, { noCatalog: true }), (t) => Ref.set(current, Option.some(t))))
    )
    const get = Effect.flatMap(cached, (token) => Option.isSome(token) ? Effect.succeed(token.value) : issueOnce)

    // drop only the token that was refused, not a newer one another fiber got
    const invalidate = (refused: Token.Token) =>
      Ref.update(current, (token) => Option.isSome(token) && token.value === refused ? Option.none() : token)

    const run = <A>(_: string, f: (caller: string) => Effect.Effect<A, KeystoneError>) =>
      Effect.flatMap(get, (token) =>
        f(Redacted.value(token.id)).pipe(
          Effect.catchIf(
            // only Keystone's own 401 about our token; a client-side verdict is never an Unauthorized
            (e): e is Unauthorized => e._tag === "Unauthorized" && e.status === 401,
            () =>
              invalidate(token).pipe(
                Effect.zipRight(get),
                Effect.flatMap((fresh) => f(Redacted.value(fresh.id)))
              )
          )
        ))
    return { run }
  })
}
