/**
 * A batch pipeline that checks the token each incoming job was submitted
 * with, and handles every way that can go wrong with `Effect.catchTags`:
 *
 *   valid token                  → Accepted (we know the user and project)
 *   NotFound                     → Rejected: the token is revoked or expired;
 *                                  its owner must log in again
 *   Unauthorized                 → Keystone refuses OUR service login (the
 *                                  password changed…): the job failed. A
 *                                  revoked service token is not this: the
 *                                  client logs in again once and retries
 *   ServiceUnavailable (503)     → Deferred: Keystone is failing; the job is
 *   TransportError               → retried once at the end of the batch,
 *                                  then skipped (the next run picks it up)
 *
 * The pipeline's own identity is a `KeystoneSession` (cached, renewed in the
 * background, shareable through a `TokenStore`); its one validating client
 * takes that session's token as its caller (`KeystoneSession.layerCallerToken`).
 *
 * Run it with the service's credentials (OS_* variables or OS_CLOUD) and one
 * token id per line on stdin:
 *
 *   source service-openrc.sh
 *   openstack token issue -f value -c id | npx tsx examples/pipeline.ts
 */
import { NodeContext, NodeRuntime } from "@effect/platform-node"
import * as HttpClient from "@effect/platform/HttpClient"
import { KeystoneSession, TokenStore } from "@effect-keystone/cache"
import { KeystoneClient } from "@effect-keystone/client"
import * as CloudsYaml from "@effect-keystone/client/CloudsYaml"
import * as Tls from "@effect-keystone/client/Tls"
import type { Token } from "@effect-keystone/schema"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Redacted from "effect/Redacted"
import * as readline from "node:readline"
import { pathToFileURL } from "node:url"

/** A job as it arrives: some work, and the token of whoever submitted it. */
export interface Job {
  readonly id: string
  readonly token: Redacted.Redacted<string>
}

export type Outcome =
  | { readonly _tag: "Accepted"; readonly job: string; readonly user: string; readonly project: string | null }
  | { readonly _tag: "Rejected"; readonly job: string; readonly reason: string }
  | { readonly _tag: "Deferred"; readonly job: string; readonly reason: string }
  | { readonly _tag: "Skipped"; readonly job: string; readonly reason: string }
  | { readonly _tag: "Failed"; readonly job: string; readonly reason: string }

export interface PipelineOptions {
  /** The Keystone the session logs in to (`client.authUrl`). */
  readonly authUrl: string
  /** Pause before deferred jobs get their second chance. Default 5 seconds. */
  readonly retryDeferredAfter?: Duration.DurationInput | undefined
  /** Retries per Keystone call before a job is deferred. Default 2 attempts within 5 seconds. */
  readonly retry?: KeystoneClient.RetryPolicy | false | undefined
  readonly concurrency?: number | undefined
}

export interface PipelineResult {
  readonly outcomes: ReadonlyArray<Outcome>
}

const accepted = (job: Job, token: Token.Token): Outcome => ({
  _tag: "Accepted",
  job: job.id,
  user: token.user.name,
  project: token.scope._tag === "Project" ? token.scope.name : null
})

/**
 * Validates every job's token. Never fails: each job gets an outcome.
 * Needs the pipeline's `KeystoneSession` and an `HttpClient`.
 */
export const run = (
  jobs: ReadonlyArray<Job>,
  options: PipelineOptions
): Effect.Effect<PipelineResult, never, KeystoneSession.KeystoneSession | HttpClient.HttpClient> =>
  Effect.gen(function*() {
    // One validating client for the whole run, whose caller is the session's token: when that
    // changes (renewed, or refused and logged in again) the client simply sends the new one.
    const client = yield* KeystoneClient.make({
      authUrl: options.authUrl,
      retry: options.retry ?? { maxAttempts: 2, budget: "5 seconds" }
    }).pipe(Effect.provide(KeystoneSession.layerCallerToken))

    const check = (job: Job): Effect.Effect<Outcome> =>
      client.validate(job.token, { noCatalog: true }).pipe(
        Effect.map((token) => accepted(job, token)),
        Effect.catchTags({
          NotFound: () => Effect.succeed<Outcome>({ _tag: "Rejected", job: job.id, reason: "token revoked or expired" }),
          InvalidInput: () => Effect.succeed<Outcome>({ _tag: "Rejected", job: job.id, reason: "malformed token" }),
          // our own login refused: at login, or again right after the one re-login the client makes on a 401
          Unauthorized: () =>
            Effect.succeed<Outcome>({ _tag: "Failed", job: job.id, reason: "Keystone refuses our service login" }),
          ServiceUnavailable: (e) =>
            Effect.succeed<Outcome>({ _tag: "Deferred", job: job.id, reason: `Keystone answered ${e.status}` }),
          TransportError: (e) =>
            Effect.succeed<Outcome>({ _tag: "Deferred", job: job.id, reason: `Keystone unreachable (${e.reason})` })
        }),
        // Anything else (Forbidden: our user may not validate tokens; an odd answer): this job failed.
        Effect.catchAll((e) => Effect.succeed<Outcome>({ _tag: "Failed", job: job.id, reason: `${e._tag}: ${e.message}` }))
      )

    const concurrency = options.concurrency ?? 4
    const first = yield* Effect.forEach(jobs, check, { concurrency })

    // Second chance for deferred jobs, after a pause; still failing → skipped.
    const deferred = jobs.filter((_, i) => first[i]!._tag === "Deferred")
    if (deferred.length === 0) return { outcomes: first }
    yield* Effect.logWarning(`${deferred.length} job(s) deferred: Keystone is failing; retrying them once`)
    yield* Effect.sleep(options.retryDeferredAfter ?? Duration.seconds(5))
    const second = new Map<string, Outcome>()
    yield* Effect.forEach(deferred, (job) =>
      Effect.map(check(job), (o) => {
        second.set(job.id, o._tag === "Deferred" ? { _tag: "Skipped", job: job.id, reason: o.reason } : o)
      }), { concurrency })
    return { outcomes: first.map((o) => second.get(o.job) ?? o) }
  })

/** One line per outcome, for people (never the token). */
export const format = (o: Outcome): string =>
  o._tag === "Accepted"
    ? `${o.job}: accepted (user ${o.user}${o.project === null ? "" : `, project ${o.project}`})`
    : `${o.job}: ${o._tag.toLowerCase()} (${o.reason})`

// ---------------------------------------------------------------------------
// Run directly: service credentials from OS_* (or OS_CLOUD), tokens on stdin.
// ---------------------------------------------------------------------------

const readJobs = Effect.promise(async () => {
  const jobs: Array<Job> = []
  const lines = readline.createInterface({ input: process.stdin })
  for await (const line of lines) {
    const token = line.trim()
    if (token !== "" && !token.startsWith("#")) jobs.push({ id: `job ${jobs.length + 1}`, token: Redacted.make(token) })
  }
  return jobs
})

const main = Effect.gen(function*() {
  // OS_CLOUD (clouds.yaml through FileSystem) or the OS_* variables
  const settings = yield* CloudsYaml.load
  const jobs = yield* readJobs
  const result = yield* run(jobs, { authUrl: settings.authUrl }).pipe(
    Effect.provide(
      KeystoneSession.layer({ auth: settings.auth }).pipe(
        Layer.provide(TokenStore.layerMemory),
        Layer.provide(KeystoneClient.layer({ authUrl: settings.authUrl, version: settings.version })),
        Layer.provideMerge(Tls.layerUndici(settings.tls))
      )
    )
  )
  for (const o of result.outcomes) console.log(format(o))
})

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  NodeRuntime.runMain(main.pipe(Effect.provide(NodeContext.layer)))
}
