/**
 * `clouds.yaml` and `secure.yaml`, selected by `OS_CLOUD`, read the way
 * openstacksdk reads them. The environment is read through Effect `Config`
 * (any `ConfigProvider` works) and files through `@effect/platform`'s
 * `FileSystem` and `Path` (provide `NodeContext.layer`, `BunContext.layer`, or
 * your own). Import it from `@effect-keystone/client/CloudsYaml`: it is the
 * one part of the client that loads a YAML parser.
 *
 * @since 0.3.0
 */
import type * as FileSystem from "@effect/platform/FileSystem"
import type * as Path from "@effect/platform/Path"
import type * as ConfigError from "effect/ConfigError"
import type * as Effect from "effect/Effect"
import * as internal from "./internal/cloudsYaml.js"
import type * as OpenStackConfig from "./OpenStackConfig.js"

/**
 * A parsed YAML mapping.
 *
 * @since 0.3.0
 * @category models
 */
export type Json = internal.Json

/**
 * The largest clouds.yaml or secure.yaml read (1 MiB); a larger file, or one
 * that is not a regular file (a FIFO, a device), is a `ConfigError` naming it.
 *
 * @since 0.3.0
 * @category constants
 */
export const maxFileBytes: number = internal.maxFileBytes

/**
 * Where openstacksdk looks for `clouds.yaml` (and `secure.yaml`), in order:
 * `OS_CLIENT_CONFIG_FILE` (`OS_CLIENT_SECURE_FILE`), the current directory,
 * `$XDG_CONFIG_HOME/openstack` (by default `$HOME/.config/openstack`),
 * `/etc/openstack`. The variables are read through `Config`.
 *
 * @since 0.3.0
 * @category clouds.yaml
 */
export const searchPaths: (
  file: "clouds.yaml" | "secure.yaml"
) => Effect.Effect<ReadonlyArray<string>, ConfigError.ConfigError, Path.Path> = internal.searchPaths

/**
 * Raw values of one cloud entry (already merged with secure.yaml), by
 * `OpenStackConfig` key.
 *
 * @since 0.3.0
 * @category clouds.yaml
 */
export const cloudValues: (entry: Json) => Partial<Record<OpenStackConfig.Key, string>> = internal.cloudValues

/**
 * The `<service>_endpoint_override` entries of a cloud entry (its top level),
 * by service key (`OpenStackConfig.serviceKey`).
 *
 * @since 0.3.0
 * @category clouds.yaml
 */
export const cloudEndpointOverrides: (entry: Json) => Record<string, string> = internal.cloudEndpointOverrides

/**
 * The settings of cloud `name` from the first `clouds.yaml` found, merged
 * with the first `secure.yaml` found (which wins), as openstacksdk does;
 * `overrides` (named as `OS_*` variables in errors) win over both.
 *
 * @since 0.3.0
 * @category clouds.yaml
 */
export const fromCloud = (
  name: string,
  options?: {
    readonly overrides?: Partial<Record<OpenStackConfig.Key, string>> | undefined
  }
): Effect.Effect<OpenStackConfig.Settings, ConfigError.ConfigError, FileSystem.FileSystem | Path.Path> =>
  internal.fromCloud(name, options?.overrides ?? {})

/**
 * `OS_CLOUD` (through clouds.yaml) when set, else the `OS_*` variables
 * (`OpenStackConfig.fromEnv`); any `OS_*` variable set alongside `OS_CLOUD`
 * overrides the cloud's value, as in openstackclient.
 *
 * @example
 * ```ts
 * import * as NodeContext from "@effect/platform-node/NodeContext"
 * import * as NodeHttpClient from "@effect/platform-node/NodeHttpClient"
 * import { KeystoneClient } from "@effect-keystone/client"
 * import * as CloudsYaml from "@effect-keystone/client/CloudsYaml"
 * import { Effect } from "effect"
 *
 * // OS_CLOUD=devstack, or an RC file's OS_* variables
 * const program = Effect.gen(function*() {
 *   const settings = yield* CloudsYaml.load
 *   const client = yield* KeystoneClient.make({ authUrl: settings.authUrl, version: settings.version })
 *   return yield* client.issue(settings.auth)
 * }).pipe(Effect.provide([NodeContext.layer, NodeHttpClient.layerUndici]))
 * ```
 *
 * @since 0.3.0
 * @category config
 */
export const load: Effect.Effect<OpenStackConfig.Settings, ConfigError.ConfigError, FileSystem.FileSystem | Path.Path> =
  internal.load
