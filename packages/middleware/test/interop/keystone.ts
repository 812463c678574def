/**
 * The real components the interop suites run against: the Keystone of
 * `scripts/keystone-up.sh`, the keystonemiddleware app of
 * `scripts/keystonemiddleware-up.sh`, tokens of every kind issued there,
 * and Keystone's request log (uwsgi's, one line per request) to count
 * validations in.
 */
import * as fs from "node:fs"
import * as KeystoneEnv from "../../../../scripts/keystone-env.js"

const env = KeystoneEnv.load()
const ksmEnvFile = `${env.KS_DIR ?? process.env.KEYSTONE_DIR ?? "/tmp/effect-keystone-ks"}/keystonemiddleware.env`

if (!fs.existsSync(ksmEnvFile)) {
  throw new Error(
    `No keystonemiddleware to test against: ${ksmEnvFile} does not exist. ` +
      "Start it with `bash scripts/keystonemiddleware-up.sh` (after scripts/keystone-up.sh)."
  )
}

const need = KeystoneEnv.need({ ...env, ...KeystoneEnv.readEnvFile(ksmEnvFile) })

export const ks = {
  authUrl: need("KS_AUTH_URL"),
  baseUrl: need("KS_BASE_URL"),
  dir: need("KS_DIR"),
  adminPassword: need("KS_ADMIN_PASSWORD"),
  demoUserId: need("KS_DEMO_USER_ID"),
  demoPassword: need("KS_DEMO_PASSWORD"),
  demoProjectId: need("KS_DEMO_PROJECT_ID"),
  appCredId: need("KS_APPCRED_ID"),
  appCredSecret: need("KS_APPCRED_SECRET"),
  ksmUrl: need("KSM_URL"),
  service: {
    userId: need("KSM_SERVICE_USER_ID"),
    username: need("KSM_SERVICE_USERNAME"),
    password: need("KSM_SERVICE_PASSWORD"),
    projectId: need("KSM_SERVICE_PROJECT_ID"),
    projectName: need("KSM_SERVICE_PROJECT_NAME")
  }
}

// ---------------------------------------------------------------------------
// tokens
// ---------------------------------------------------------------------------

const post = async (path: string, body: unknown, token?: string) => {
  const res = await fetch(`${ks.authUrl}${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", ...(token === undefined ? {} : { "x-auth-token": token }) },
    body: JSON.stringify(body)
  })
  const text = await res.text()
  if (!res.ok) throw new Error(`POST ${path}: ${res.status} ${text}`)
  return { headers: res.headers, json: JSON.parse(text) }
}

const issue = async (identity: unknown, scope?: unknown): Promise<string> => {
  const r = await post("/auth/tokens?nocatalog", { auth: { identity, ...(scope === undefined ? {} : { scope }) } })
  return r.headers.get("x-subject-token")!
}

const password = (user: Record<string, unknown>, secret: string) => ({
  methods: ["password"],
  password: { user: { ...user, password: secret } }
})

const demo = password({ id: ks.demoUserId }, ks.demoPassword)
const admin = password({ name: "admin", domain: { id: "default" } }, ks.adminPassword)

/** Fresh tokens of every kind the interop suites send. */
export const tokens = {
  /** demo, scoped to its default project demo (member, reader). */
  project: () => issue(demo),
  domain: () => issue(demo, { domain: { id: "default" } }),
  unscoped: () => issue(demo, "unscoped"),
  /** admin on the system (`OpenStack-System-Scope: all`). */
  system: () => issue(admin, { system: { all: true } }),
  /** admin on project admin. */
  admin: () => issue(admin, { project: { name: "admin", domain: { id: "default" } } }),
  appCred: () =>
    issue({ methods: ["application_credential"], application_credential: { id: ks.appCredId, secret: ks.appCredSecret } }),
  /** The service user's token: role `service` on project `service`. */
  service: () =>
    issue(password({ id: ks.service.userId }, ks.service.password), { project: { id: ks.service.projectId } })
}

/**
 * A token that expires in about `seconds` (Keystone's expiry is an hour):
 * issued from an application credential that expires then, since Keystone
 * caps such tokens at the credential's expiry.
 */
export const shortLivedToken = async (seconds: number): Promise<{ readonly token: string; readonly expiresAt: Date }> => {
  const owner = await tokens.project()
  const expiresAt = new Date(Math.ceil((Date.now() + seconds * 1000) / 1000) * 1000)
  const cred = await post(`/users/${ks.demoUserId}/application_credentials`, {
    application_credential: {
      name: `interop-short-${Date.now()}-${Math.random().toString(36).slice(2, 8)}`,
      expires_at: expiresAt.toISOString().replace(/\.\d+Z$/, ""),
      description: "effect-keystone interop test: expires in seconds"
    }
  }, owner)
  const { id, secret } = cred.json.application_credential as { id: string; secret: string }
  const token = await issue({ methods: ["application_credential"], application_credential: { id, secret } })
  return { token, expiresAt }
}

/** Waits until `at` has passed (Keystone compares whole seconds). */
export const waitUntil = (at: Date) =>
  new Promise((resolve) => setTimeout(resolve, Math.max(0, at.getTime() - Date.now() + 1_100)))

/** `DELETE /v3/auth/tokens`, as `openstack token revoke` does it. */
export const revoke = async (token: string) => {
  const res = await fetch(`${ks.authUrl}/auth/tokens`, {
    method: "DELETE",
    headers: { "x-auth-token": token, "x-subject-token": token }
  })
  if (res.status !== 204) throw new Error(`revoke: ${res.status} ${await res.text()}`)
}

// ---------------------------------------------------------------------------
// Keystone's request log
// ---------------------------------------------------------------------------

const requestLog = `${ks.dir}/uwsgi.log`

/**
 * A position in Keystone's request log; `count` then tells how many token
 * validations (`GET|HEAD /v3/auth/tokens`) carrying `probe` in their query
 * string Keystone received since.
 */
export const logMark = () => {
  const start = fs.statSync(requestLog).size
  const read = (probe: string): number => {
    const fd = fs.openSync(requestLog, "r")
    try {
      const size = fs.fstatSync(fd).size
      const buffer = Buffer.alloc(size - start)
      fs.readSync(fd, buffer, 0, buffer.length, start)
      const marker = new RegExp(`\\] (GET|HEAD) /v3/auth/tokens\\?\\S*\\b${probe}\\b`)
      return buffer.toString("utf8").split("\n").filter((line) => marker.test(line)).length
    } finally {
      fs.closeSync(fd)
    }
  }
  return {
    /**
     * Requests marked `probe` since the mark. uwsgi writes a request's line after
     * its response has gone out, so the count is taken once the log has stopped
     * growing for 300 ms (at most 5 s): counting at once missed the last line.
     */
    count: async (probe: string): Promise<number> => {
      let size = fs.statSync(requestLog).size
      let still = 0
      for (let waited = 0; still < 300 && waited < 5_000; waited += 50) {
        await new Promise((resolve) => setTimeout(resolve, 50))
        const now = fs.statSync(requestLog).size
        still = now === size ? still + 50 : 0
        size = now
      }
      return read(probe)
    }
  }
}

// ---------------------------------------------------------------------------
// keystonemiddleware
// ---------------------------------------------------------------------------

/** What the app behind auth_token saw, or auth_token's own answer. */
export interface Answer {
  readonly status: number
  /** Response headers, lower-case names. */
  readonly responseHeaders: Readonly<Record<string, string>>
  /** The request headers the app behind the middleware received (200 only). */
  readonly headers: Readonly<Record<string, string>> | undefined
  readonly body: string
}

/** keystonemiddleware's mounts (scripts/keystonemiddleware_app.py); ours mirror them. */
export type Mount = "strict" | "lenient" | "delay"

export const send = async (base: string, mount: Mount, headers: Record<string, string>): Promise<Answer> => {
  const res = await fetch(`${base}/${mount}/resource`, { headers })
  const body = await res.text()
  const responseHeaders: Record<string, string> = {}
  res.headers.forEach((value, name) => {
    responseHeaders[name] = value
  })
  return {
    status: res.status,
    responseHeaders,
    headers: res.status === 200 ? (JSON.parse(body) as { headers: Record<string, string> }).headers : undefined,
    body
  }
}

export const keystonemiddleware = (mount: Mount, headers: Record<string, string>) => send(ks.ksmUrl, mount, headers)
