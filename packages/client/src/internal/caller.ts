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
import * as Option from "effect/Option"
import * as Redacted from "effect/Redacted"
import * as Ref from "effect/Ref"
import type { Auth } from "../Auth.js"
import type { IssueOptions, ServiceAuth } from "../KeystoneClient.js"
import type { KeystoneError } from "../KeystoneError.js"

/** @internal */
export interface Caller {
  /**
   * Runs `f` with the caller's token id. With service credentials, a 401
   * renews the service token and runs `f` once more.
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
    const token = serviceAuth.token
    return Effect.succeed({ run: (_, f) => Effect.suspend(() => f(Redacted.value(token))) })
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
            (e): e is KeystoneError => e._tag === "Unauthorized",
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
