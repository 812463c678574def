/**
 * The real Keystone the `*.keystone.test.ts` suites run against: the `KS_*`
 * variables `scripts/keystone-up.sh` writes to `$KEYSTONE_DIR/env`, or the
 * same variables in the environment. Fails loudly when there is neither.
 */
import * as fs from "node:fs"

export const load = (): Record<string, string> => {
  if (process.env.KS_AUTH_URL !== undefined && process.env.KS_DEMO_USER_ID !== undefined) {
    return process.env as Record<string, string>
  }
  const file = `${process.env.KEYSTONE_DIR ?? "/tmp/effect-keystone-ks"}/env`
  if (!fs.existsSync(file)) {
    throw new Error(
      `No Keystone to test against: ${file} does not exist and KS_AUTH_URL is not set. ` +
        "Start one with `bash scripts/keystone-up.sh` (or set KEYSTONE_DIR to its state directory)."
    )
  }
  return readEnvFile(file)
}

/** The `export KEY='value'` lines of an env file the scripts write. */
export const readEnvFile = (file: string): Record<string, string> => {
  const out: Record<string, string> = {}
  for (const line of fs.readFileSync(file, "utf8").split("\n")) {
    const m = /^export ([A-Z0-9_]+)='(.*)'$/.exec(line.trim())
    if (m !== null) out[m[1]!] = m[2]!
  }
  return out
}

/** A lookup that fails with the variable's name when it is missing. */
export const need = (env: Record<string, string>) => (key: string): string => {
  const value = env[key]
  if (value === undefined || value === "") throw new Error(`${key} missing from the Keystone env file`)
  return value
}

/** The seeded identities most suites log in as (see scripts/keystone-up.sh). */
export const seeded = (env: Record<string, string> = load()) => {
  const get = need(env)
  return {
    authUrl: get("KS_AUTH_URL"),
    baseUrl: get("KS_BASE_URL"),
    region: get("KS_REGION_ID"),
    adminUserId: get("KS_ADMIN_USER_ID"),
    adminPassword: get("KS_ADMIN_PASSWORD"),
    adminProjectId: get("KS_ADMIN_PROJECT_ID"),
    demoUserId: get("KS_DEMO_USER_ID"),
    demoPassword: get("KS_DEMO_PASSWORD"),
    demoProjectId: get("KS_DEMO_PROJECT_ID")
  }
}
