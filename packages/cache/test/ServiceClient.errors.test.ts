/**
 * The service's own message, found in the error bodies OpenStack services
 * send (issue 10), and URLs made safe to show.
 */
import { describe, expect, it } from "@effect/vitest"
import * as Errors from "../src/internal/serviceErrors.js"

describe("ServiceClient errors", () => {
  it("reads the message of the common OpenStack error bodies", () => {
    const cases: Array<[unknown, string | undefined]> = [
      [{ itemNotFound: { message: "Instance x could not be found.", code: 404 } }, "Instance x could not be found."],
      [{ badRequest: { message: "Invalid input", code: 400 } }, "Invalid input"],
      [{ error: { message: "The request you have made requires authentication.", code: 401, title: "Unauthorized" } }, "The request you have made requires authentication."],
      [{ NeutronError: { message: "Network n could not be found.", type: "NetworkNotFound", detail: "" } }, "Network n could not be found."],
      [{ message: "Not Found" }, "Not Found"],
      [{ title: "Not Found", description: "The resource could not be found." }, "Not Found: The resource could not be found."],
      [{ errors: [{ title: "Conflict", detail: "Cluster exists" }] }, "Conflict: Cluster exists"],
      [{ a: 1, b: 2 }, undefined],
      [[1, 2], undefined]
    ]
    for (const [body, message] of cases) expect(Errors.serviceMessage(JSON.stringify(body))).toBe(message)
    expect(Errors.serviceMessage("404 Not Found\n\nThe resource could not be found.\n\n   ")).toBe(
      "404 Not Found The resource could not be found."
    )
    expect(Errors.serviceMessage("<html><h1>Not Found</h1></html>")).toBeUndefined()
    expect(Errors.serviceMessage("x".repeat(10_000))!.length).toBe(300)
  })

  it("redacts user info and secret-looking query values", () => {
    expect(Errors.redactUrl("https://u:p@swift.test/v1/AUTH_x/c/o?temp_url_sig=abc&temp_url_expires=1&X-Auth-Token=t&limit=2#f"))
      .toBe("https://swift.test/v1/AUTH_x/c/o?temp_url_sig=REDACTED&temp_url_expires=1&X-Auth-Token=REDACTED&limit=2")
    expect(Errors.redactUrl("not a url")).toBe("(unparsable URL)")
  })
})
