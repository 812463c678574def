/**
 * Log in once, use the token from another process: a `KeystoneSession` on a
 * `FileTokenStore.layer` writes the token to a directory (0600, atomic), and
 * a second process with the same login and directory finds it there and
 * makes no login of its own. The same works with `RedisTokenStore.layer`
 * across machines.
 *
 *   npx tsx examples/export-token.ts      # against a simulated Keystone on loopback
 *   source openrc.sh && npx tsx examples/export-token.ts   # against your cloud
 *
 * The first process logs in, then starts `export-token.ts --consume` with the
 * same OS_* variables and KEYSTONE_TOKEN_DIR; the second prints what it got
 * (the audit id, never the token). Same audit id = same token = no new login.
 * The first process revokes the token when it is done.
 */
import * as Command from "@effect/platform/Command"
import type { CommandExecutor } from "@effect/platform/CommandExecutor"
import type { PlatformError } from "@effect/platform/Error"
import type * as FileSystem from "@effect/platform/FileSystem"
import type * as Path from "@effect/platform/Path"
import { NodeContext, NodeRuntime } from "@effect/platform-node"
import { KeystoneSession, TokenStore } from "@effect-keystone/cache"
import * as FileTokenStore from "@effect-keystone/cache/FileTokenStore"
import { KeystoneClient, type KeystoneError, type OpenStackConfig } from "@effect-keystone/client"
import * as CloudsYaml from "@effect-keystone/client/CloudsYaml"
import * as Tls from "@effect-keystone/client/Tls"
import type { Token } from "@effect-keystone/schema"
import { KeystoneSim } from "@effect-keystone/testing"
import * as KeystoneSimNode from "@effect-keystone/testing/Node"
import * as Config from "effect/Config"
import * as ConfigError from "effect/ConfigError"
import * as ConfigProvider from "effect/ConfigProvider"
import * as Console from "effect/Console"
import * as Data from "effect/Data"
import * as DateTime from "effect/DateTime"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Option from "effect/Option"
import * as Stream from "effect/Stream"
import * as fs from "node:fs/promises"
import * as os from "node:os"
import * as path from "node:path"
import { fileURLToPath, pathToFileURL } from "node:url"

/** What either process may print about its token. */
export interface TokenInfo {
  readonly auditId: string
  readonly expiresAt: string | null
}

export interface ExportResult {
  readonly exported: TokenInfo
  readonly consumed: TokenInfo
}

export class ConsumerFailed extends Data.TaggedError("ConsumerFailed")<{ readonly message: string }> {}

const info = (token: Token.Token): TokenInfo => ({
  auditId: token.auditIds[0] ?? "(none)",
  expiresAt: Option.match(token.expiresAt, { onNone: () => null, onSome: DateTime.formatIso })
})

/**
 * A session for the OS_* login, sharing its token through files in
 * `directory`. Both processes build the same one: the store key is derived
 * from the auth URL, the identity and the scope (never the secret).
 */
export const sessionLayer = (
  settings: OpenStackConfig.Settings,
  directory: string,
  options?: { readonly revokeOnClose?: boolean }
): Layer.Layer<KeystoneSession.KeystoneSession, Tls.TlsFileError, FileSystem.FileSystem | Path.Path> =>
  KeystoneSession.layer({ auth: settings.auth, revokeOnClose: options?.revokeOnClose ?? false }).pipe(
    Layer.provide(FileTokenStore.layer({ directory })),
    Layer.provide(KeystoneClient.layer({ authUrl: settings.authUrl, version: settings.version })),
    Layer.provide(Tls.layerUndici(settings.tls))
  )

/** The second process: the token from the store, printed as one JSON line. */
export const consume: Effect.Effect<
  void,
  KeystoneError.KeystoneError | ConfigError.ConfigError | Tls.TlsFileError,
  FileSystem.FileSystem | Path.Path
> = Effect.gen(function*() {
  const settings = yield* CloudsYaml.load
  const directory = yield* Config.string("KEYSTONE_TOKEN_DIR")
  const token = yield* KeystoneSession.KeystoneSession.pipe(
    Effect.flatMap((session) => session.token),
    Effect.provide(sessionLayer(settings, directory))
  )
  yield* Console.log(JSON.stringify(info(token)))
})

const thisFile = fileURLToPath(import.meta.url)

/** `node --import tsx export-token.ts --consume`, with extra environment; its last stdout line. */
const runConsumer = (env: Record<string, string>): Effect.Effect<TokenInfo, ConsumerFailed | PlatformError, CommandExecutor> =>
  Effect.scoped(Effect.gen(function*() {
    const child = yield* Command.make(process.execPath, "--import", "tsx", thisFile, "--consume").pipe(
      Command.env(env),
      // the project root: where tsx and tsconfig.json are
      Command.workingDirectory(path.resolve(path.dirname(thisFile), "..")),
      Command.stderr("inherit"),
      Command.start
    )
    const [stdout, exitCode] = yield* Effect.all(
      [child.stdout.pipe(Stream.decodeText(), Stream.mkString), child.exitCode],
      { concurrency: 2 }
    )
    const last = stdout.trim().split("\n").at(-1) ?? ""
    if (exitCode !== 0 || !last.startsWith("{")) {
      return yield* new ConsumerFailed({ message: `the consumer exited with ${exitCode}: ${last}` })
    }
    return JSON.parse(last) as TokenInfo
  }))

/**
 * The first process: log in with the OS_* settings in `env`, store the token
 * in `directory`, and run the consumer with the same settings.
 */
export const exportToken = (
  env: Record<string, string>,
  directory: string,
  options?: {
    /** Variables the consumer gets on top of `env` (to show what a different login does). */
    readonly consumerEnv?: Record<string, string>
  }
): Effect.Effect<
  ExportResult,
  KeystoneError.KeystoneError | ConfigError.ConfigError | Tls.TlsFileError | ConsumerFailed | PlatformError,
  FileSystem.FileSystem | Path.Path | CommandExecutor
> =>
  Effect.gen(function*() {
    const settings = yield* CloudsYaml.load.pipe(
      Effect.withConfigProvider(ConfigProvider.fromMap(new Map(Object.entries(env))))
    )
    return yield* Effect.gen(function*() {
      const session = yield* KeystoneSession.KeystoneSession
      const token = yield* session.token
      // The session stays open (the token in the store) while the consumer runs;
      // when it closes, revokeOnClose revokes the token.
      const consumed = yield* runConsumer({ ...env, ...options?.consumerEnv, KEYSTONE_TOKEN_DIR: directory })
      return { exported: info(token), consumed }
    }).pipe(Effect.provide(sessionLayer(settings, directory, { revokeOnClose: true })))
  })

/** OS_* variables for the simulator's demo user. */
export const simEnv = (authUrl: string): Record<string, string> => ({
  OS_AUTH_URL: authUrl,
  OS_USERNAME: KeystoneSim.Demo.username,
  OS_PASSWORD: KeystoneSim.Demo.password,
  OS_USER_DOMAIN_ID: KeystoneSim.Demo.domainId,
  OS_PROJECT_NAME: KeystoneSim.Demo.projectName,
  OS_PROJECT_DOMAIN_ID: KeystoneSim.Demo.domainId
})

// ---------------------------------------------------------------------------
// Run directly: against OS_AUTH_URL (or OS_CLOUD) when set, else a KeystoneSim.
// ---------------------------------------------------------------------------

const osEnv = (): Record<string, string> =>
  Object.fromEntries(Object.entries(process.env).filter((e): e is [string, string] => e[0].startsWith("OS_") && e[1] !== undefined))

const main = Effect.gen(function*() {
  const directory = yield* Effect.acquireRelease(
    Effect.promise(() => fs.mkdtemp(path.join(os.tmpdir(), "keystone-tokens-"))),
    (dir) => Effect.promise(() => fs.rm(dir, { recursive: true, force: true }))
  )
  const real = process.env.OS_AUTH_URL !== undefined || process.env.OS_CLOUD !== undefined
  const sim = real ? undefined : yield* KeystoneSimNode.serve()
  const env = sim === undefined ? osEnv() : simEnv(sim.authUrl)
  yield* Console.log(`Keystone: ${sim === undefined ? "your cloud (OS_* variables)" : `KeystoneSim on ${sim.baseUrl}`}`)
  yield* Console.log(`token store: ${directory}`)
  const { consumed, exported } = yield* exportToken(env, directory)
  yield* Console.log(`process 1 logged in:         audit ${exported.auditId}, expires ${exported.expiresAt}`)
  yield* Console.log(`process 2 read it from disk: audit ${consumed.auditId}, expires ${consumed.expiresAt}`)
  if (consumed.auditId !== exported.auditId) return yield* Effect.fail(new ConsumerFailed({ message: "process 2 logged in again" }))
  if (sim !== undefined) {
    const issues = yield* sim.count("POST /v3/auth/tokens")
    yield* Console.log(`Keystone issue requests in all: ${issues}`)
    if (issues !== 1) return yield* Effect.fail(new ConsumerFailed({ message: `expected 1 issue request, saw ${issues}` }))
  }
  yield* Console.log("✓ one login, two processes")
})

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const consuming = process.argv.includes("--consume")
  NodeRuntime.runMain((consuming ? consume : Effect.scoped(main)).pipe(Effect.provide(NodeContext.layer)))
}
