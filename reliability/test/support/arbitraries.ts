// Arbitraries for the property tests, and the checks those properties make on what comes back:
// vendor-shaped payloads (the adapters' documented fixtures with fields removed, retyped or
// replaced), hostile strings, and the shape of a well-formed neutral job.
import { readFileSync } from "node:fs"
import { JobRef, JobStatuses, VideoError, type VideoErrorReasonTag } from "@vidbridge/core"
import fc from "fast-check"
import { z } from "zod"

type Adapter = "creatify" | "jogg" | "drafts"

/** A documented example payload from an adapter's `test/fixtures`. */
export const fixture = (adapter: Adapter, name: string): unknown =>
  JSON.parse(
    readFileSync(
      new URL(`../../../packages/adapter-${adapter}/test/fixtures/${name}.json`, import.meta.url),
      "utf8",
    ),
  )

/**
 * Strings that break naive code: inherited property names (a lookup table answering
 * `Object.prototype.constructor`), ref separators, broken percent escapes, whitespace, NUL,
 * non-ASCII, a lone surrogate, and values that look like other types.
 */
export const hostileStrings = [
  "",
  " ",
  "constructor",
  "__proto__",
  "toString",
  "valueOf",
  "hasOwnProperty",
  ":",
  "/",
  "?",
  "%",
  "%zz",
  "%E0%A4%A",
  "+",
  "&=",
  "#",
  "\u0000",
  "\n",
  "é",
  "日本語",
  "👍🏽",
  "\ud800",
  "null",
  "-1",
  "1e400",
] as const

/** False for text with a lone surrogate (no UTF-8 form: URLs and percent-encoding cannot carry it). */
export const isWellFormed = (text: string): boolean => !/\p{Cs}/u.test(text)

/** Any string, including lone surrogates (JSON can carry them as `\ud800`). */
export const anyString: fc.Arbitrary<string> = fc.oneof(
  fc.string(),
  fc.string({ unit: "grapheme" }),
  fc.string({ unit: "binary" }),
  { weight: 2, arbitrary: fc.constantFrom(...hostileStrings) },
)

/** A vendor's name for something (a status, an event): a documented one, a near miss, or anything. */
export const vendorName = (documented: ReadonlyArray<string>): fc.Arbitrary<string> =>
  fc.oneof(
    fc.constantFrom(...documented),
    fc.constantFrom(...documented).map((s) => s.toUpperCase()),
    fc.constantFrom(...documented).map((s) => ` ${s}`),
    fc.constantFrom(...hostileStrings),
    anyString,
  )

/** Numbers JSON can carry, with the edges that matter (negative, huge, epoch-ish). */
export const anyNumber: fc.Arbitrary<number> = fc.oneof(
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.constantFrom(0, -1, 1, 0.5, 100, 101, 1_732_806_631, 1e13, 1e300, -1e300, Number.MAX_SAFE_INTEGER),
)

/** Any JSON value (ASCII or arbitrary code points). */
export const anyJson: fc.Arbitrary<unknown> = fc.oneof(
  fc.jsonValue({ maxDepth: 4 }),
  fc.jsonValue({ maxDepth: 3, stringUnit: "binary" }),
)

/** A JSON value of any type, small: what a retyped field holds. */
const anyScalarOrEmpty: fc.Arbitrary<unknown> = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  anyString,
  anyNumber,
  fc.constant([]),
  fc.constant({}),
  fc.jsonValue({ maxDepth: 2 }),
)

type Path = ReadonlyArray<string | number>

const isRecord = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === "object" && !Array.isArray(value)

/** Every path inside a JSON value (not the root). */
const pathsOf = (value: unknown, prefix: Path = []): Array<Path> => {
  const children: Array<[string | number, unknown]> = Array.isArray(value)
    ? value.map((v, i) => [i, v])
    : isRecord(value)
      ? Object.entries(value)
      : []
  return children.flatMap(([key, child]) => [[...prefix, key], ...pathsOf(child, [...prefix, key])])
}

type Change =
  | { readonly op: "delete" }
  | { readonly op: "set"; readonly value: unknown }
  | { readonly op: "add"; readonly key: string; readonly value: unknown }

const apply = (root: unknown, path: Path, change: Change): void => {
  let parent: unknown = root
  for (const key of path.slice(0, -1)) {
    if (parent === null || typeof parent !== "object") return
    parent = (parent as Record<string | number, unknown>)[key]
  }
  if (parent === null || typeof parent !== "object") return
  const last = path[path.length - 1]!
  const target = parent as Record<string | number, unknown>
  if (change.op === "delete") {
    if (Array.isArray(target) && typeof last === "number") target.splice(last, 1)
    else delete target[last]
  } else if (change.op === "set") {
    target[last] = structuredClone(change.value)
  } else {
    const inner = target[last]
    const value = structuredClone(change.value)
    if (isRecord(inner)) Object.defineProperty(inner, change.key, { value, enumerable: true, writable: true })
  }
}

const valueAt = (root: unknown, path: Path): unknown =>
  path.reduce<unknown>(
    (v, key) => (v !== null && typeof v === "object" ? (v as never)[key] : undefined),
    root,
  )

/** A value of the same JSON type as `like` (a number for a number, ...), or one of `hints`. */
const sameType = (like: unknown, hints: ReadonlyArray<unknown>): fc.Arbitrary<unknown> => {
  const ofType = hints.filter((h) => typeof h === typeof like)
  const own: fc.Arbitrary<unknown> =
    typeof like === "number"
      ? anyNumber
      : typeof like === "string"
        ? anyString
        : typeof like === "boolean"
          ? fc.boolean()
          : Array.isArray(like)
            ? fc.constantFrom([], [null], like.slice(0, 1))
            : fc.constant({})
  return ofType.length > 0 ? fc.oneof(own, fc.constantFrom(...ofType)) : own
}

/**
 * A vendor payload that drifted: `base` (a documented example) with fields removed, given a
 * new value of their own type (huge or negative numbers, hostile strings, `hints` such as the
 * vendor's statuses and ids), retyped, or given an extra key: a few targeted changes, some
 * fields changed at once, or about half of them.
 */
export const drifted = (base: unknown, hints: ReadonlyArray<unknown> = []): fc.Arbitrary<unknown> => {
  const paths = pathsOf(base)
  if (paths.length === 0) return fc.constant(base)
  const retyped = hints.length > 0 ? fc.oneof(anyScalarOrEmpty, fc.constantFrom(...hints)) : anyScalarOrEmpty
  const changeAt = (path: Path): fc.Arbitrary<Change> =>
    fc.oneof(
      { weight: 1, arbitrary: fc.constant({ op: "delete" as const }) },
      {
        weight: 4,
        arbitrary: sameType(valueAt(base, path), hints).map((value) => ({ op: "set" as const, value })),
      },
      { weight: 2, arbitrary: retyped.map((value) => ({ op: "set" as const, value })) },
      {
        weight: 1,
        arbitrary: fc.record({ op: fc.constant("add" as const), key: anyString, value: anyScalarOrEmpty }),
      },
    )
  const applied = (changes: ReadonlyArray<readonly [Path, Change] | undefined>) => {
    const copy = structuredClone(base)
    for (const change of changes) if (change !== undefined) apply(copy, change[0], change[1])
    return copy
  }
  const step = (path: Path) => changeAt(path).map((c) => [path, c] as const)
  const few = fc.array(fc.oneof(...paths.map(step)), { minLength: 1, maxLength: 3 })
  const unchanged = fc.constant(undefined)
  const eachWith = (keep: number) =>
    fc.tuple(
      ...paths.map((path) =>
        fc.oneof({ weight: keep, arbitrary: unchanged }, { weight: 1, arbitrary: step(path) }),
      ),
    )
  return fc.oneof(few, eachWith(4), eachWith(1)).map(applied)
}

/** What a vendor answers: mostly the documented shape, drifted; sometimes anything at all. */
export interface VendorAnswer {
  readonly status: number
  /** A JSON value to serialize, or raw text that may not be JSON. */
  readonly body: { readonly json: unknown } | { readonly text: string }
}

/** Vendor answers around `bases` (documented examples of this route). */
export const vendorAnswer = (
  bases: ReadonlyArray<unknown>,
  hints: ReadonlyArray<unknown> = [],
): fc.Arbitrary<VendorAnswer> =>
  fc.record({
    status: fc.oneof(
      { weight: 8, arbitrary: fc.constant(200) },
      {
        weight: 2,
        arbitrary: fc.constantFrom(201, 400, 401, 402, 403, 404, 408, 409, 422, 429, 500, 502, 503),
      },
    ),
    body: fc.oneof(
      { weight: 1, arbitrary: fc.constantFrom(...bases).map((json) => ({ json })) },
      { weight: 6, arbitrary: fc.oneof(...bases.map((b) => drifted(b, hints))).map((json) => ({ json })) },
      { weight: 2, arbitrary: anyJson.map((json) => ({ json })) },
      {
        weight: 1,
        arbitrary: fc
          .oneof(fc.string(), fc.constantFrom("", "<html>502</html>", "{", "nul"))
          .map((text) => ({ text })),
      },
    ),
  })

/**
 * Every reason tag of core's `VideoErrorReason` union (DESIGN.md lists them): a typed failure
 * names one of these. Kept complete by the compiler: a reason added to core and not here fails
 * the typecheck, so a property never calls a new reason "unknown".
 */
const everyReason = {
  InvalidInput: true,
  AuthenticationFailed: true,
  RateLimited: true,
  VendorRejected: true,
  NotFound: true,
  InsufficientCredits: true,
  ContentRejected: true,
  VendorUnavailable: true,
  Timeout: true,
  UnexpectedResponse: true,
  UnsupportedOperation: true,
  JobFailed: true,
  SubmissionUnknown: true,
  SubmitHookFailed: true,
} as const satisfies Record<VideoErrorReasonTag, true>

/** {@link everyReason}'s tags, in DESIGN.md's order. */
export const reasonTags = Object.keys(everyReason) as ReadonlyArray<VideoErrorReasonTag>

const optionalString = z.string().optional()
const optionalNumber = z.number().refine(Number.isFinite, "is not finite").optional()

const previewShape = z.object({
  id: z.string().min(1),
  visualStyle: optionalString,
  aspectRatio: z.enum(["9:16", "16:9", "1:1"]).optional(),
  url: optionalString,
  status: z.enum(JobStatuses).optional(),
  failure: optionalString,
})

/** A well-formed neutral job of `provider`: what every read and every webhook must produce. */
export const videoJobShape = (provider: string) =>
  z.object({
    ref: z.string().refine((ref) => {
      if (!JobRef.isValid(ref)) return false
      return JobRef.parse(ref).provider === provider
    }, `is not a ${provider} JobRef`),
    provider: z.literal(provider),
    status: z.enum(JobStatuses),
    vendorStatus: z.string(),
    stage: z.enum(["preview", "render"]),
    progress: z.number().min(0).max(1).optional(),
    videoUrl: optionalString,
    previewUrl: optionalString,
    thumbnailUrl: optionalString,
    editorUrl: optionalString,
    durationSeconds: optionalNumber,
    creditsUsed: optionalNumber,
    previews: z.array(previewShape).optional(),
    failure: z.object({ code: optionalString, message: z.string() }).optional(),
    createdAt: optionalString,
    metadata: z.record(z.string(), z.unknown()).optional(),
    raw: z.unknown(),
  })

/** A well-formed event of `provider` from `parseWebhook`. */
export const eventShape = (provider: string) =>
  z.object({
    provider: z.literal(provider),
    eventId: optionalString,
    type: z.string(),
    job: videoJobShape(provider),
  })

/** A well-formed page of `listJobs`. */
export const jobPageShape = (provider: string) =>
  z.object({ jobs: z.array(videoJobShape(provider)), nextCursor: optionalString })

/** Throws (failing the property) unless `value` has `shape`; the message names the paths. */
export const assertShape = (shape: z.ZodType, value: unknown): void => {
  const result = shape.safeParse(value)
  if (!result.success) {
    throw new Error(
      `malformed result: ${result.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`,
    )
  }
}

/** Throws unless `error` is a `VideoError` of `provider` with one of DESIGN.md's reasons. */
export const assertTyped = (error: unknown, provider: string): void => {
  if (!(error instanceof VideoError)) {
    throw new Error(
      `untyped failure: ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`,
    )
  }
  if (!reasonTags.includes(error.reason._tag)) throw new Error(`unknown reason ${error.reason._tag}`)
  if (error.provider !== provider) throw new Error(`error names provider ${error.provider}, not ${provider}`)
}
