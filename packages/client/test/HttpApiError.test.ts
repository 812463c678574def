/**
 * `KeystoneError` and `@effect/platform`'s `HttpApiError` share five tags
 * (`BadRequest`, `Unauthorized`, `Forbidden`, `NotFound`,
 * `ServiceUnavailable`). README ("Errors and what to do") says why the names
 * stay and what to do where both meet; this file holds the types to that
 * (`npm run check` fails if an `@ts-expect-error` below stops being an error)
 * and checks the run-time refinement.
 */
import * as HttpApiError from "@effect/platform/HttpApiError"
import { KeystoneClient, KeystoneError } from "@effect-keystone/client"
import { describe, expect, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as Redacted from "effect/Redacted"
import { expectTypeOf } from "vitest"

// compile time only: never run
export const typeChecks = (client: KeystoneClient.KeystoneClientService, findItem: Effect.Effect<string, HttpApiError.NotFound>) => {

  // 1. At the Keystone call, the error channel holds KeystoneError only: a
  //    catchTag there cannot catch an HttpApiError.
  const atTheCall = client.validate(Redacted.make("t")).pipe(
    Effect.catchTag("NotFound", (e) => {
      expectTypeOf(e).toEqualTypeOf<KeystoneError.NotFound>()
      return Effect.fail(new HttpApiError.Unauthorized())
    })
  )
  expectTypeOf<Effect.Effect.Error<typeof atTheCall>>().toEqualTypeOf<
    Exclude<KeystoneError.KeystoneError, KeystoneError.NotFound> | HttpApiError.Unauthorized
  >()

  // 2. The trap: once both are in one channel, catchTag("NotFound") takes both.
  //    It is not silent for a handler that reads what only Keystone's carries:
  const mixed = Effect.zipRight(findItem, client.validate(Redacted.make("t")))
  const trap = mixed.pipe(
    Effect.catchTag("NotFound", (e) => {
      expectTypeOf(e).toEqualTypeOf<HttpApiError.NotFound | KeystoneError.NotFound>()
      // @ts-expect-error HttpApiError.NotFound has no requestId: the handler sees it may be the app's own 404
      return Effect.logWarning(`token not found (request ${e.requestId})`)
    })
  )

  // 3. The pattern where both meet: catch Keystone's by class, not by tag. The
  //    app's own HttpApiError.NotFound stays in the channel.
  const byClass = mixed.pipe(
    Effect.catchIf(KeystoneError.isKeystoneError, (e) => {
      expectTypeOf(e).toEqualTypeOf<KeystoneError.KeystoneError>()
      return Effect.fail(new HttpApiError.Unauthorized())
    })
  )
  expectTypeOf<Effect.Effect.Error<typeof byClass>>().toEqualTypeOf<HttpApiError.NotFound | HttpApiError.Unauthorized>()
  return [atTheCall, trap, byClass]
}

describe("KeystoneError and HttpApiError", () => {
  it("isKeystoneError looks at the class, not the tag: HttpApiError.NotFound is not ours", () => {
    const ours = new KeystoneError.NotFound({ method: "GET", url: "http://k/v3/auth/tokens", status: 404, message: "gone" })
    expect(KeystoneError.isKeystoneError(ours)).toBe(true)
    expect(KeystoneError.isKeystoneError(new KeystoneError.InvalidInput({ input: "subject", message: "empty" }))).toBe(true)
    for (const theirs of [new HttpApiError.NotFound(), new HttpApiError.Unauthorized(), new HttpApiError.BadRequest()]) {
      expect(KeystoneError.isKeystoneError(theirs)).toBe(false)
    }
    expect(KeystoneError.isKeystoneError({ _tag: "NotFound" })).toBe(false)
  })

  it.effect("catchIf(isKeystoneError) catches Keystone's NotFound and lets the app's own through", () =>
    Effect.gen(function*() {
      const ours = Effect.fail(new KeystoneError.NotFound({ method: "GET", url: "u", status: 404, message: "gone" }))
      const theirs = Effect.fail(new HttpApiError.NotFound())
      const handle = Effect.catchIf(KeystoneError.isKeystoneError, () => Effect.succeed("keystone"))
      expect(yield* handle(ours)).toBe("keystone")
      expect(yield* Effect.flip(handle(theirs))).toBeInstanceOf(HttpApiError.NotFound)
    }))
})
