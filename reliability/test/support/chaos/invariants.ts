// What the chaos run must show, computed from what the simulators saw and what the queue saved.
import type { Order } from "@vidbridge/queue"
import type { SimulatorReport } from "./processes.js"

/** Order keys: a flow letter and four digits, so no key is part of another. */
export const KEY = /\b[ctjkd]-\d{4}\b/g

/** The reasons a chaos order may fail with (each documented in the queue README). */
export const DOCUMENTED_FAILURES = new Set([
  "JobFailed",
  "ContentRejected",
  "VendorUnavailable",
  "Timeout",
  "UnexpectedResponse",
  "SubmissionUnknown",
  "NoUsablePreview",
])

const strings = (value: unknown, into: string[] = []): string[] => {
  if (typeof value === "string") into.push(value)
  else if (Array.isArray(value)) for (const v of value) strings(v, into)
  else if (value !== null && typeof value === "object") for (const v of Object.values(value)) strings(v, into)
  return into
}

/** The vendor ids in a text: its id-like tokens (refs split into their parts; words left out). */
const tokens = (text: string): string[] =>
  text.split(/[^A-Za-z0-9_=-]+/).filter((t) => t.length >= 5 && /\d/.test(t))

const parseJson = (text: string | undefined): unknown => {
  try {
    return text ? JSON.parse(text) : undefined
  } catch {
    return undefined
  }
}

/** Whether a paid request took effect at the vendor (a job or product was made and charged). */
const tookEffect = (e: SimulatorReport["exchanges"][number]): boolean => {
  if (e.fault === "status" || e.fault === "reset") return true // "after" faults only: the vendor did it
  if (e.fault !== undefined) return false // a 429 and friends: nothing was made
  if (e.status < 200 || e.status >= 300) return false
  const body = parseJson(e.res) as { code?: unknown } | undefined
  return e.provider !== "jogg" || body?.code === 0 // JoggAI answers its errors with HTTP 200
}

/**
 * Each paid request that took effect, attributed to its order: by the order key it carries (the
 * product URL's `?o=`, a name), or by a vendor id learned from an earlier answer or from the
 * order's saved refs (a link, a preview set, a preview). Answers the count per order and route,
 * and the requests no order could be found for.
 */
export const attribute = (report: SimulatorReport, orders: ReadonlyArray<Order>) => {
  // A token two orders share (a template id, say) names neither.
  const owner = new Map<string, string | null>()
  const learn = (token: string, key: string) => {
    const known = owner.get(token)
    owner.set(token, known === undefined || known === key ? key : null)
  }
  for (const order of orders) {
    const saved = [order.product, order.jobs, order.previews, order.video, order.failure]
    for (const text of strings(saved)) for (const token of tokens(text)) learn(token, order.id)
  }
  const counts = new Map<string, number>()
  const unattributed: string[] = []
  for (const e of report.exchanges) {
    if (!tookEffect(e)) continue
    const direct = `${e.path} ${e.req ?? ""}`.match(KEY)?.[0]
    const key =
      direct ??
      tokens(`${e.path} ${e.req ?? ""}`)
        .map((t) => owner.get(t))
        .find((k) => typeof k === "string")
    if (key === undefined) {
      unattributed.push(`${e.route} ${e.path}`)
      continue
    }
    for (const text of strings(parseJson(e.res))) for (const token of tokens(text)) learn(token, key)
    const at = `${key} ${e.route}`
    counts.set(at, (counts.get(at) ?? 0) + 1)
  }
  return { counts, unattributed }
}

/** The most POSTs JoggAI's simulator received in any window of `window` ms of its clock (half-open, as it counts). */
export const busiestWindow = (times: ReadonlyArray<number>, window: number): number => {
  const sorted = [...times].sort((a, b) => a - b)
  let most = 0
  let start = 0
  for (let end = 0; end < sorted.length; end++) {
    while (sorted[start]! <= sorted[end]! - window) start++
    most = Math.max(most, end - start + 1)
  }
  return most
}

/** The summary table, one row per vendor and a total. */
export const summaryTable = (
  rows: ReadonlyArray<{
    readonly vendor: string
    readonly orders: number
    readonly succeeded: number
    readonly failed: number
    readonly paid: number
    readonly double: number
    readonly events: number
  }>,
): string => {
  const head = ["vendor", "orders", "succeeded", "failed", "submissions", "double", "webhook events"]
  const body = rows.map((r) =>
    [r.vendor, r.orders, r.succeeded, r.failed, r.paid, r.double, r.events].map(String),
  )
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((r) => r[i]!.length)))
  const line = (cells: ReadonlyArray<string>) => cells.map((c, i) => c.padEnd(widths[i]!)).join("  ")
  return [line(head), line(widths.map((w) => "-".repeat(w))), ...body.map(line)].join("\n")
}
