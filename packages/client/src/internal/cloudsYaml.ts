/**
 * Reading `clouds.yaml` and `secure.yaml` as openstacksdk does: where to
 * look (the environment read through `Config`), reading the first file found
 * (through `FileSystem`, bounded, regular files only), parsing it (YAML),
 * merging secure.yaml over it, and naming a key in errors.
 *
 * @internal
 */
import type { PlatformError } from "@effect/platform/Error"
import * as FileSystem from "@effect/platform/FileSystem"
import * as Path from "@effect/platform/Path"
import * as Chunk from "effect/Chunk"
import * as Config from "effect/Config"
import * as ConfigError from "effect/ConfigError"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Option from "effect/Option"
import * as Stream from "effect/Stream"
import * as YAML from "yaml"
import * as OpenStackConfig from "../OpenStackConfig.js"

type Key = OpenStackConfig.Key

/** A parsed YAML mapping. @internal */
export type Json = { readonly [k: string]: unknown }

/** @internal */
export const isObject = (u: unknown): u is Json => typeof u === "object" && u !== null && !Array.isArray(u)

/** The largest clouds.yaml / secure.yaml read (1 MiB): a real one is a few KiB. @internal */
export const maxFileBytes = 1024 * 1024

const nonEmpty = (name: string) =>
  Config.option(Config.string(name)).pipe(Config.map(Option.filter((s) => s.trim() !== "")))

/** The variables that say where the files are, read through `Config`. */
const locations = Config.all({
  cloudsFile: nonEmpty("OS_CLIENT_CONFIG_FILE"),
  secureFile: nonEmpty("OS_CLIENT_SECURE_FILE"),
  home: nonEmpty("HOME").pipe(Config.orElse(() => nonEmpty("USERPROFILE"))),
  configHome: nonEmpty("XDG_CONFIG_HOME")
})

/**
 * Where openstacksdk looks for the file, in order: the file the environment
 * names, the current directory, `$XDG_CONFIG_HOME/openstack` (by default
 * `~/.config/openstack`), `/etc/openstack`.
 *
 * @internal
 */
export const searchPaths = (
  file: "clouds.yaml" | "secure.yaml"
): Effect.Effect<ReadonlyArray<string>, ConfigError.ConfigError, Path.Path> =>
  Effect.gen(function*() {
    const path = yield* Path.Path
    const env = yield* locations
    const explicit = file === "clouds.yaml" ? env.cloudsFile : env.secureFile
    const configHome = Option.orElse(env.configHome, () => Option.map(env.home, (home) => path.join(home, ".config")))
    return [
      ...Option.toArray(explicit),
      path.resolve(file),
      ...Option.toArray(Option.map(configHome, (dir) => path.join(dir, "openstack", file))),
      path.join("/etc/openstack", file)
    ]
  })

const unreadable = (file: string, why: string) => ConfigError.InvalidData([file], `${file} ${why}`)

const isNotFound = (error: PlatformError) => error._tag === "SystemError" && error.reason === "NotFound"

/** The text of a regular file of at most `maxFileBytes`; `None` when there is none at `file`. */
const readText = (fs: FileSystem.FileSystem, file: string): Effect.Effect<Option.Option<string>, ConfigError.ConfigError> =>
  Effect.gen(function*() {
    const info = yield* fs.stat(file)
    // a FIFO or device would block or never end: only regular files are read
    if (info.type !== "File") return yield* Effect.fail(unreadable(file, "is not a regular file"))
    if (Number(info.size) > maxFileBytes) return yield* Effect.fail(unreadable(file, `is larger than ${maxFileBytes} bytes`))
    const chunks = yield* Stream.runCollect(fs.stream(file, { bytesToRead: maxFileBytes + 1 }))
    const bytes = new Uint8Array(Chunk.reduce(chunks, 0, (n, c) => n + c.length))
    Chunk.reduce(chunks, 0, (at, c) => (bytes.set(c, at), at + c.length))
    if (bytes.length > maxFileBytes) return yield* Effect.fail(unreadable(file, `is larger than ${maxFileBytes} bytes`))
    return Option.some(new TextDecoder().decode(bytes))
  }).pipe(
    Effect.catchAll((error) =>
      ConfigError.isConfigError(error)
        ? Effect.fail(error)
        : isNotFound(error)
        ? Effect.succeed(Option.none())
        : Effect.fail(unreadable(file, `cannot be read (${error.message})`))
    )
  )

const parse = (file: string, text: string): Effect.Effect<Json, ConfigError.ConfigError> =>
  Effect.try({
    try: () => YAML.parse(text) as unknown,
    catch: () => ConfigError.InvalidData([file], `${file} is not valid YAML`)
  }).pipe(Effect.map((parsed) => (isObject(parsed) ? parsed : {})))

/** A found and parsed file. @internal */
export interface Found {
  readonly file: string
  readonly content: Json
}

/**
 * The first of `candidates` that exists, parsed.
 *
 * @internal
 */
export const readFirst = (
  candidates: ReadonlyArray<string>
): Effect.Effect<Option.Option<Found>, ConfigError.ConfigError, FileSystem.FileSystem> =>
  Effect.gen(function*() {
    const fs = yield* FileSystem.FileSystem
    for (const file of candidates) {
      const text = yield* readText(fs, file)
      if (Option.isSome(text)) return Option.some({ file, content: yield* parse(file, text.value) })
    }
    return Option.none()
  })

/** `b` over `a`, mappings merged key by key (secure.yaml over clouds.yaml). @internal */
export const merge = (a: Json, b: Json): Json => {
  const out: Record<string, unknown> = { ...a }
  for (const [k, v] of Object.entries(b)) out[k] = isObject(v) && isObject(out[k]) ? merge(out[k] as Json, v) : v
  return out
}

const topLevel = new Set<Key>(["identity_api_version", "auth_type", "region_name", "interface", "cacert", "cert", "key"])

/** How a key of cloud `cloud` in `file` is named in an error. @internal */
export const keyName = (cloud: string, file: string) => (key: Key): string =>
  key === "insecure"
    ? `${file} clouds.${cloud}.verify`
    : topLevel.has(key)
    ? `${file} clouds.${cloud}.${key}`
    : `${file} clouds.${cloud}.auth.${key}`

const scalar = (u: unknown): string | undefined =>
  typeof u === "string" ? u : typeof u === "number" || typeof u === "boolean" ? String(u) : undefined

/** Raw values of one cloud entry (already merged with secure.yaml). @internal */
export const cloudValues = (entry: Json): Partial<Record<Key, string>> => {
  const auth = isObject(entry.auth) ? entry.auth : {}
  const values: Partial<Record<Key, string>> = {}
  for (const k of OpenStackConfig.keys) {
    const value = k === "insecure"
      ? (entry.verify === false || entry.verify === "false" ? "true" : scalar(entry.insecure))
      : scalar(topLevel.has(k) ? entry[k] ?? auth[k] : auth[k] ?? entry[k])
    if (value !== undefined) values[k] = value
  }
  return values
}

/** The `<service>_endpoint_override` entries of a cloud entry, by service key. @internal */
export const cloudEndpointOverrides = (entry: Json): Record<string, string> => {
  const out: Record<string, string> = {}
  for (const [k, v] of Object.entries(entry)) {
    const m = /^([a-z0-9_-]+)_endpoint_override$/i.exec(k)
    if (m !== null && typeof v === "string" && v.trim() !== "") out[OpenStackConfig.serviceKey(m[1]!)] = v.trim()
  }
  return out
}

/**
 * A cloud's `regions:` list, as openstacksdk reads it: each item a region
 * name or `{ name, values }`. The region is `region_name` (the variable, then
 * the entry), else the list's first; its `values` apply over the entry. A
 * region that is not in the list is a `ConfigError`.
 *
 * @internal
 */
export const withRegion = (
  entry: Json,
  requested: string | undefined,
  where: string
): Either.Either<Json, ConfigError.ConfigError> => {
  if (entry.regions === undefined) return Either.right(entry)
  if (!Array.isArray(entry.regions)) return Either.left(ConfigError.InvalidData([where], "regions must be a list"))
  const regions: Array<{ readonly name: string; readonly values: Json }> = []
  for (const item of entry.regions as ReadonlyArray<unknown>) {
    if (typeof item === "string" && item.trim() !== "") regions.push({ name: item.trim(), values: {} })
    else if (isObject(item) && typeof item.name === "string" && item.name.trim() !== "") {
      regions.push({ name: item.name.trim(), values: isObject(item.values) ? item.values : {} })
    } else return Either.left(ConfigError.InvalidData([where], "each region is a name or { name, values }"))
  }
  const name = requested ?? scalar(entry.region_name)?.trim() ?? regions[0]?.name
  if (name === undefined) return Either.right(entry)
  const region = regions.find((r) => r.name === name)
  if (region === undefined) {
    return Either.left(ConfigError.InvalidData([where], `region ${name} is not in the cloud's regions (${regions.map((r) => r.name).join(", ")})`))
  }
  return Either.right(merge({ ...entry, region_name: name }, region.values))
}

/**
 * The settings of cloud `name`: the first clouds.yaml found, merged with the
 * first secure.yaml found, `overrides` over both.
 *
 * @internal
 */
export const fromCloud = (
  name: string,
  overrides: Partial<Record<Key, string>>
): Effect.Effect<OpenStackConfig.Settings, ConfigError.ConfigError, FileSystem.FileSystem | Path.Path> =>
  Effect.gen(function*() {
    const path = yield* Path.Path
    const cloudsPaths = yield* searchPaths("clouds.yaml")
    const clouds = yield* readFirst(cloudsPaths)
    if (Option.isNone(clouds)) {
      return yield* Effect.fail(
        ConfigError.MissingData(["OS_CLOUD"], `OS_CLOUD=${name} but no clouds.yaml was found in ${cloudsPaths.join(", ")}`)
      )
    }
    const { content, file } = clouds.value
    const entries = isObject(content.clouds) ? content.clouds : {}
    const entry = Object.hasOwn(entries, name) ? entries[name] : undefined
    if (!isObject(entry)) {
      const known = Object.keys(entries).join(", ") || "none"
      return yield* Effect.fail(
        ConfigError.MissingData([`${file} clouds.${name}`], `cloud ${name} is not in ${file} (it has: ${known})`)
      )
    }
    const secure = yield* readFirst(yield* searchPaths("secure.yaml"))
    const secureEntries = Option.isSome(secure) && isObject(secure.value.content.clouds) ? secure.value.content.clouds : {}
    const secureEntry = Object.hasOwn(secureEntries, name) ? secureEntries[name] : undefined
    const merged = yield* withRegion(
      isObject(secureEntry) ? merge(entry, secureEntry) : entry,
      overrides.region_name?.trim() || undefined,
      `${path.basename(file)} clouds.${name}.regions`
    )
    const fileName = keyName(name, path.basename(file))
    const settings = yield* OpenStackConfig.resolve({
      values: { ...cloudValues(merged), ...overrides },
      name: (k) => (overrides[k] !== undefined ? OpenStackConfig.envName(k) : fileName(k))
    })
    const endpointOverrides = cloudEndpointOverrides(merged)
    return Object.keys(endpointOverrides).length === 0 ? settings : { ...settings, endpointOverrides }
  })

/**
 * `OS_CLOUD` through clouds.yaml when set (every `OS_*` variable set
 * alongside overriding the cloud's value), else the `OS_*` variables.
 *
 * @internal
 */
export const load: Effect.Effect<OpenStackConfig.Settings, ConfigError.ConfigError, FileSystem.FileSystem | Path.Path> =
  Effect.gen(function*() {
    const cloud = yield* nonEmpty("OS_CLOUD")
    if (Option.isNone(cloud)) return yield* OpenStackConfig.fromEnv
    return yield* fromCloud(cloud.value.trim(), yield* OpenStackConfig.envValues)
  })
