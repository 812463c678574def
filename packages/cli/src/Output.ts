/**
 * `openstack`-style output: a `+---+---+` table, JSON, or bare values for
 * shell scripts, with `-c` to pick columns.
 *
 * @since 0.1.0
 */
import * as Either from "effect/Either"
import { UsageError } from "./CliError.js"

/**
 * @since 0.1.0
 * @category models
 */
export type Format = "table" | "json" | "value"

/**
 * @since 0.1.0
 * @category models
 */
export const formats: ReadonlyArray<Format> = ["table", "json", "value"]

/**
 * A field's value: a string, a list (JSON array; joined elsewhere), or
 * nothing (JSON `null`; empty elsewhere).
 *
 * @since 0.1.0
 * @category models
 */
export type Value = string | ReadonlyArray<string> | null

/**
 * The columns to print: the requested ones in the order given (each must be
 * `available`), else the defaults.
 *
 * @since 0.1.0
 * @category columns
 */
export const select = (
  available: ReadonlyArray<string>,
  defaults: ReadonlyArray<string>,
  requested: ReadonlyArray<string>
): Either.Either<ReadonlyArray<string>, UsageError> => {
  if (requested.length === 0) return Either.right(defaults)
  const unknown = requested.filter((c) => !available.includes(c))
  if (unknown.length > 0) {
    return Either.left(
      new UsageError({
        message: `unknown column${unknown.length > 1 ? "s" : ""} ${unknown.join(", ")} (available: ${available.join(", ")})`
      })
    )
  }
  return Either.right([...new Set(requested)])
}

const oneLine = (s: string) => s.replace(/\s*[\r\n]+\s*/g, " ")

const cell = (v: Value, separator: string): string =>
  v === null ? "" : typeof v === "string" ? oneLine(v) : v.map(oneLine).join(separator)

/**
 * A prettytable-style table, as `openstack` prints.
 *
 * @since 0.1.0
 * @category rendering
 */
export const table = (header: ReadonlyArray<string>, rows: ReadonlyArray<ReadonlyArray<string>>): string => {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)))
  const rule = `+${widths.map((w) => "-".repeat(w + 2)).join("+")}+`
  const line = (cells: ReadonlyArray<string>) => `| ${widths.map((w, i) => (cells[i] ?? "").padEnd(w)).join(" | ")} |`
  return [rule, line(header), rule, ...rows.map(line), rule].join("\n")
}

/**
 * One record (`issue`, `validate`): a Field/Value table, a JSON object, or
 * each value on its own line.
 *
 * @since 0.1.0
 * @category rendering
 */
export const show = (
  record: Readonly<Record<string, Value>>,
  columns: ReadonlyArray<string>,
  format: Format
): string => {
  switch (format) {
    case "table":
      return table(["Field", "Value"], columns.map((c) => [c, cell(record[c] ?? null, ", ")]))
    case "json":
      return JSON.stringify(Object.fromEntries(columns.map((c) => [c, record[c] ?? null])), null, 2)
    case "value":
      return columns.map((c) => cell(record[c] ?? null, ",")).join("\n")
  }
}

/**
 * Many records (`catalog`): a table with a header, a JSON array, or one line
 * per record with its values separated by spaces.
 *
 * @since 0.1.0
 * @category rendering
 */
export const list = (
  records: ReadonlyArray<Readonly<Record<string, Value>>>,
  columns: ReadonlyArray<string>,
  format: Format
): string => {
  switch (format) {
    case "table":
      return table(columns, records.map((r) => columns.map((c) => cell(r[c] ?? null, ", "))))
    case "json":
      return JSON.stringify(records.map((r) => Object.fromEntries(columns.map((c) => [c, r[c] ?? null]))), null, 2)
    case "value":
      return records.map((r) => columns.map((c) => cell(r[c] ?? null, ",")).join(" ")).join("\n")
  }
}
