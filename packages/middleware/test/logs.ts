import * as Effect from "effect/Effect"
import * as HashMap from "effect/HashMap"
import * as Layer from "effect/Layer"
import * as Logger from "effect/Logger"
import * as LogLevel from "effect/LogLevel"

/** One captured log line: level, message and annotations, flattened to text. */
export interface Captured {
  readonly level: string
  readonly message: string
  readonly annotations: Record<string, unknown>
  /** Everything above in one string, for "does not contain" assertions. */
  readonly text: string
}

/** A logger that records every line (from Debug up) into `lines`, plus the layer that installs it. */
export const capture = () => {
  const lines: Array<Captured> = []
  const logger = Logger.make(({ annotations, logLevel, message }) => {
    const msg = Array.isArray(message) ? message.map(String).join(" ") : String(message)
    const ann = Object.fromEntries(HashMap.toEntries(annotations))
    lines.push({ level: logLevel.label, message: msg, annotations: ann, text: `${logLevel.label} ${msg} ${JSON.stringify(ann)}` })
  })
  const layer = Layer.mergeAll(Logger.replace(Logger.defaultLogger, logger), Logger.minimumLogLevel(LogLevel.Debug))
  const warnings = () => lines.filter((l) => l.level === "WARN")
  return { lines, layer, warnings, logger }
}

/** Runs `effect` with a capturing logger; returns its result and the lines. */
export const withCapturedLogs = <A, E, R>(effect: Effect.Effect<A, E, R>) =>
  Effect.suspend(() => {
    const c = capture()
    return Effect.map(Effect.provide(effect, c.layer), (a) => [a, c] as const)
  })
