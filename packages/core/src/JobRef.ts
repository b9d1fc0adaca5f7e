import { DOT_SEGMENT_MESSAGE, isDotSegment } from "./internal/pathSegments.js"

/**
 * A complete, serializable name for a vendor job or product.
 *
 * Its string form is short and stable: `provider:kind:id`, with optional extra ids as a
 * query (`jogg:open_project:ab12?product=3924`). Store the string; after a restart,
 * `getStatus(ref)` and `waitForCompletion(ref)` need nothing else.
 *
 * @example
 * ```ts
 * const ref = JobRef.make("creatify", "link_to_video", "3c90c3cc-0d44-4b50-8888-8dd25736052a")
 * const text = JobRef.format(ref) // "creatify:link_to_video:3c90c3cc-..."
 * JobRef.parse(text).id           // "3c90c3cc-..."
 * ```
 */
export interface JobRef {
  readonly provider: string
  readonly kind: string
  readonly id: string
  readonly params?: Readonly<Record<string, string>> | undefined
}

/** A JobRef, or its string form. Every operation that takes a ref accepts either. */
export type JobRefInput = JobRef | string

/** Thrown by {@link JobRef.parse} for a string that is not a JobRef. */
export class InvalidJobRef extends Error {
  override readonly name = "InvalidJobRef"
  /** The string that failed to parse. */
  readonly input: string
  /** `why` replaces the generic expectation in the message. */
  constructor(input: string, why?: string) {
    super(
      `not a job ref: ${JSON.stringify(input.slice(0, 80))}; ${why ?? 'expected "provider:kind:id" as made by JobRef.format'}`,
    )
    this.input = input
  }
}

/** True for text shaped like a ref string (`provider:kind:...`), valid or not. @internal */
export const isRefShaped = (input: string): boolean => refPattern.test(input.trim())

const namePattern = /^[a-z][a-z0-9-]*$/
const kindPattern = /^[a-z][a-z0-9_]*$/
const refPattern = /^([a-z][a-z0-9-]*):([a-z][a-z0-9_]*):([^?]+)(?:\?(.*))?$/
// A lone surrogate (possible in a JS string or a JSON `\ud800` escape) has no UTF-8 form, so the
// string form could not carry it: `format` would throw a URIError, or a param would come back as U+FFFD.
const loneSurrogate = /\p{Cs}/u

const make = (
  provider: string,
  kind: string,
  id: string,
  params?: Readonly<Record<string, string | undefined>>,
): JobRef => {
  if (!namePattern.test(provider)) throw new InvalidJobRef(`${provider}:${kind}:${id}`)
  if (!kindPattern.test(kind)) throw new InvalidJobRef(`${provider}:${kind}:${id}`)
  if (id.length === 0) throw new InvalidJobRef(`${provider}:${kind}:`)
  if (loneSurrogate.test(id)) throw new InvalidJobRef(`${provider}:${kind}:${id}`)
  // Ids and params become URL path segments: "." or ".." would send a call to another endpoint.
  if (isDotSegment(id)) throw new InvalidJobRef(`${provider}:${kind}:${id}`, `the id ${DOT_SEGMENT_MESSAGE}`)
  // Most refs have no params: skip their checks (every call parses a ref or two).
  if (params === undefined) return { provider, kind, id }
  const defined = Object.fromEntries(
    Object.entries(params).filter((e): e is [string, string] => e[1] !== undefined),
  )
  if (Object.entries(defined).some(([key, value]) => loneSurrogate.test(key) || loneSurrogate.test(value))) {
    throw new InvalidJobRef(`${provider}:${kind}:${id}`)
  }
  const dotted = Object.entries(defined).find(([, value]) => isDotSegment(value))
  if (dotted !== undefined) {
    throw new InvalidJobRef(`${provider}:${kind}:${id}`, `the param ${dotted[0]} ${DOT_SEGMENT_MESSAGE}`)
  }
  return Object.keys(defined).length > 0 ? { provider, kind, id, params: defined } : { provider, kind, id }
}

const format = (ref: JobRef): string => {
  const base = `${ref.provider}:${ref.kind}:${encodeURIComponent(ref.id)}`
  if (ref.params === undefined) return base
  const entries = Object.entries(ref.params).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  return entries.length === 0 ? base : `${base}?${new URLSearchParams(entries).toString()}`
}

const parse = (input: string): JobRef => {
  const match = refPattern.exec(input.trim())
  if (!match) throw new InvalidJobRef(input)
  const [, provider, kind, encodedId, query] = match
  let id: string
  try {
    id = decodeURIComponent(encodedId!)
  } catch {
    throw new InvalidJobRef(input)
  }
  const params = query ? Object.fromEntries(new URLSearchParams(query)) : undefined
  return make(provider!, kind!, id, params)
}

const from = (input: JobRefInput): JobRef => {
  if (typeof input === "string") return parse(input)
  // An object (from storage, JSON, a caller) is checked like a parsed string, so a malformed one
  // (an empty id, a bad name, not a ref at all) never reaches a vendor.
  const { provider, kind, id, params } = (
    typeof input === "object" && input !== null ? input : {}
  ) as Partial<JobRef>
  if (typeof provider !== "string" || typeof kind !== "string" || typeof id !== "string") {
    throw new InvalidJobRef(`${String(provider)}:${String(kind)}:${String(id)}`)
  }
  if (params !== undefined && (typeof params !== "object" || params === null)) {
    throw new InvalidJobRef(`${provider}:${kind}:${id}`)
  }
  return make(provider, kind, id, params)
}

/** Builds, formats and parses {@link JobRef}s. */
export const JobRef = {
  /**
   * Builds a ref; `params` with `undefined` values are dropped. Throws {@link InvalidJobRef} on a
   * bad name, an empty id, an id or param holding a lone surrogate (it has no string form), or an
   * id or param value that is `.` or `..` (a URL path segment that would change the endpoint).
   */
  make,
  /** The short string form; stable, so it can be stored and compared. */
  format,
  /** Reads the string form back; throws {@link InvalidJobRef} for anything else. */
  parse,
  /** Accepts either form and returns the object; throws {@link InvalidJobRef} for a malformed one. */
  from,
  /** True when `input` parses as a JobRef. */
  isValid: (input: string): boolean => {
    try {
      parse(input)
      return true
    } catch {
      return false
    }
  },
} as const
