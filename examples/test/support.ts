/** What the example tests share: the simulator's demo user, scoped to its project. */
import { AuthScope, Credentials } from "@effect-keystone/client"
import { KeystoneSim } from "@effect-keystone/testing"
import * as Redacted from "effect/Redacted"

export const demoAuth = {
  credentials: Credentials.password({
    username: KeystoneSim.Demo.username,
    domain: { id: KeystoneSim.Demo.domainId },
    password: Redacted.make(KeystoneSim.Demo.password)
  }),
  scope: AuthScope.project({ name: KeystoneSim.Demo.projectName, domain: { id: KeystoneSim.Demo.domainId } })
}

/** A JSON body as the tests read it: any property may be looked at, each checked by an assertion. */
export type JsonBody = Record<string, any>
