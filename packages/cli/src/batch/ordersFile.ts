import { readFile } from "node:fs/promises"
import { basename } from "node:path"
import type { Capabilities, InputIssue } from "@vidbridge/core"
import { checkOrder, type OrderInput } from "@vidbridge/queue"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import { UsageError } from "../io.js"

// An orders file: JSON Lines (one order object per line, as `@vidbridge/queue` takes it) or CSV
// with a header row. Every row is checked before anything is sent; a bad row is named with its
// line number and field.

/** CSV columns that are render options (the rest: product fields, `template`, `variables.*`, `metadata.*`). */
const RENDER = [
  "aspectRatio",
  "language",
  "durationSeconds",
  "avatar",
  "voice",
  "subtitles",
  "visualStyle",
  "scriptStyle",
  "script",
  "name",
]
const PRODUCT = ["url", "title", "description", "imageUrls", "videoUrls", "logoUrl", "targetAudience"]
const LISTS = new Set(["imageUrls", "videoUrls", "visualStyles"])

/** Splits one CSV line (RFC 4180 quoting: `"a, b"`, `""` for a quote). */
const cells = (line: string): string[] => {
  const out: string[] = []
  let cell = ""
  let quoted = false
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        cell += '"'
        i++
      } else if (c === '"') quoted = false
      else cell += c
    } else if (c === '"') quoted = true
    else if (c === ",") {
      out.push(cell)
      cell = ""
    } else cell += c
  }
  out.push(cell)
  return out.map((s) => s.trim())
}

const value = (column: string, text: string): unknown => {
  if (LISTS.has(column))
    return text
      .split("|")
      .map((s) => s.trim())
      .filter(Boolean)
  if (column === "durationSeconds") return /^\d+$/.test(text) ? Number(text) : text
  if (column === "subtitles") return text === "true" ? true : text === "false" ? false : text
  return text
}

/** One CSV row as an order (empty cells are left out). */
const csvOrder = (header: ReadonlyArray<string>, row: ReadonlyArray<string>): Record<string, unknown> => {
  const order: Record<string, any> = {}
  const put = (group: string, key: string, v: unknown) => {
    order[group] = { ...order[group], [key]: v }
  }
  header.forEach((column, i) => {
    const text = row[i] ?? ""
    if (text === "") return
    if (column === "key" || column === "idempotencyKey") order.idempotencyKey = text
    else if (column === "provider" || column === "template") order[column] = text
    else if (column === "visualStyles" || column === "choose")
      put("previews", column, column === "choose" && /^\d+$/.test(text) ? Number(text) : value(column, text))
    else if (column.startsWith("variables.")) put("variables", column.slice(10), text)
    else if (column.startsWith("metadata.")) put("metadata", column.slice(9), text)
    else if (PRODUCT.includes(column)) put("product", column, value(column, text))
    else if (RENDER.includes(column)) put("render", column, value(column, text))
    else order[column] = text // refused by the order check, naming the column
  })
  return order
}

/** Reads the rows of an orders file: `[line number, raw order]`. */
const rowsOf = (name: string, text: string): Array<readonly [number, unknown]> => {
  const lines = text.split(/\r?\n/)
  if (/\.jsonl$|\.ndjson$/i.test(name)) {
    return lines.flatMap((line, i) => {
      if (line.trim() === "") return []
      try {
        return [[i + 1, JSON.parse(line)] as const]
      } catch {
        throw new UsageError(`${basename(name)} line ${i + 1}: not a JSON object`)
      }
    })
  }
  if (!/\.csv$/i.test(name)) throw new UsageError(`${basename(name)}: an orders file ends in .csv or .jsonl`)
  const [head, ...rest] = lines
  const header = cells(head ?? "")
  if (!header.includes("key") && !header.includes("idempotencyKey"))
    throw new UsageError(`${basename(name)} line 1: the header needs a key (or idempotencyKey) column`)
  return rest.flatMap((line, i) =>
    line.trim() === "" ? [] : [[i + 2, csvOrder(header, cells(line))] as const],
  )
}

/**
 * Reads and checks an orders file: each row against the order schema and, for its provider (the
 * row's `provider`, or the only one given), that provider's capabilities. Throws a `UsageError`
 * naming every bad row's line and field (at most 20), before anything is sent.
 */
export const readOrdersFile = async (
  path: string,
  providers: ReadonlyMap<string, Capabilities>,
): Promise<OrderInput[]> => {
  let text: string
  try {
    text = await readFile(path, "utf8")
  } catch (error) {
    throw new UsageError(`cannot read ${path}: ${(error as Error).message}`)
  }
  const only = providers.size === 1 ? [...providers.keys()][0] : undefined
  const problems: string[] = []
  const orders: OrderInput[] = []
  const keys = new Map<string, number>()
  for (const [line, raw] of rowsOf(path, text)) {
    const row = raw !== null && typeof raw === "object" ? { provider: only, ...raw } : raw
    const provider = (row as { provider?: unknown })?.provider
    const issues: InputIssue[] = []
    if (typeof provider === "string" && !providers.has(provider))
      issues.push({
        path: "provider",
        message: `"${provider}" is not in --providers (${[...providers.keys()].join(", ")})`,
      })
    const exit = Effect.runSyncExit(
      checkOrder(row, typeof provider === "string" ? providers.get(provider) : undefined),
    )
    if (Exit.isFailure(exit)) {
      const error = exit.cause.reasons.flatMap((r) => (r._tag === "Fail" ? [r.error] : []))[0]
      issues.push(
        ...(error?.reason._tag === "InvalidInput"
          ? error.reason.issues
          : [{ path: "", message: String(error) }]),
      )
    } else {
      const earlier = keys.get(exit.value.idempotencyKey)
      if (earlier !== undefined) issues.push({ path: "key", message: `is also the key of line ${earlier}` })
      keys.set(exit.value.idempotencyKey, line)
      if (issues.length === 0) orders.push(exit.value)
    }
    for (const issue of issues)
      problems.push(`${basename(path)} line ${line}: ${issue.path ? `${issue.path}: ` : ""}${issue.message}`)
  }
  if (problems.length > 0) {
    const shown = problems.slice(0, 20).join("\n  ")
    throw new UsageError(
      `bad orders, nothing was sent:\n  ${shown}${problems.length > 20 ? `\n  ... and ${problems.length - 20} more` : ""}`,
    )
  }
  if (orders.length === 0) throw new UsageError(`${basename(path)} has no orders`)
  return orders
}
