import { readFileSync } from "node:fs"
import { parse as parseYaml } from "yaml"
import type { Vendor } from "./documents.js"
import type { Violation } from "./validator.js"

// Known conflicts between a vendor's document and its own guides, written down once
// (contracts/exceptions.yaml). A check skips a violation only when one entry names its
// vendor, operation, direction, exact JSON path and rule.

/** What an exception applies to: requests, simulator answers, or the vendor's examples parsed by the adapter. */
export type Direction = "request" | "response" | "example"

/** One known conflict, the source that wins, and why. */
export interface ContractException {
  readonly id: string
  readonly vendor: Vendor
  /** Documented operations (`"POST /videos"`), or `["*"]` for every operation of the vendor. */
  readonly operations: ReadonlyArray<string>
  readonly direction: Direction
  /** JSON pointers; `*` stands for exactly one segment (an array index). */
  readonly paths: ReadonlyArray<string>
  /** The rule that fails there (`type`, `status`, `required`, ...). */
  readonly rule: string
  /** When given, only this offending value is excused (`null`, `"pending"`, `401`). */
  readonly value?: unknown
  readonly conflict: string
  readonly winner: string
  readonly why: string
}

const file = new URL("../exceptions.yaml", import.meta.url)

const FIELDS = [
  "id",
  "vendor",
  "operations",
  "direction",
  "paths",
  "rule",
  "conflict",
  "winner",
  "why",
] as const
const OPTIONAL = ["value"] as const

let loaded: ReadonlyArray<ContractException> | undefined

/** Every entry of `contracts/exceptions.yaml`, checked for shape. */
export const exceptions = (): ReadonlyArray<ContractException> => {
  if (loaded !== undefined) return loaded
  const entries = parseYaml(readFileSync(file, "utf8")) as unknown
  if (!Array.isArray(entries)) throw new Error("contracts/exceptions.yaml must be a list")
  loaded = entries.map((entry: Record<string, unknown>, index) => {
    for (const field of FIELDS) {
      if (entry[field] === undefined) throw new Error(`exceptions.yaml entry ${index}: ${field} is required`)
    }
    const known: ReadonlyArray<string> = [...FIELDS, ...OPTIONAL]
    const extra = Object.keys(entry).filter((k) => !known.includes(k))
    if (extra.length > 0)
      throw new Error(`exceptions.yaml entry ${index}: unknown fields ${extra.join(", ")}`)
    return entry as unknown as ContractException
  })
  return loaded
}

const pathMatches = (pattern: string, path: string): boolean => {
  const want = pattern.split("/")
  const got = path.split("/")
  return want.length === got.length && want.every((segment, i) => segment === "*" || segment === got[i])
}

/** The exception that covers `violation`, if one does. */
export const exceptionFor = (
  violation: Pick<Violation, "vendor" | "operation" | "path" | "rule" | "value"> & {
    readonly direction: Direction
  },
): ContractException | undefined =>
  exceptions().find(
    (e) =>
      e.vendor === violation.vendor &&
      e.direction === violation.direction &&
      e.rule === violation.rule &&
      (e.operations.includes("*") || e.operations.includes(violation.operation)) &&
      e.paths.some((path) => pathMatches(path, violation.path)) &&
      (!("value" in e) || e.value === violation.value),
  )
