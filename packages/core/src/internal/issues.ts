import type { InputIssue } from "../VideoError.js"

interface ZodIssueLike {
  readonly code: string
  readonly path: ReadonlyArray<PropertyKey>
  readonly message: string
}

/** `["product", "imageUrls", 2]` -> `product.imageUrls[2]`. */
export const formatPath = (path: ReadonlyArray<PropertyKey>): string =>
  path.reduce<string>((acc, key) => {
    if (typeof key === "number") return `${acc}[${key}]`
    const name = String(key)
    return acc === "" ? name : `${acc}.${name}`
  }, "")

const list = (values: ReadonlyArray<unknown>): string => values.map((v) => JSON.stringify(v)).join(", ")

const describe = (zodIssue: ZodIssueLike): string => {
  const issue = zodIssue as ZodIssueLike & Readonly<Record<string, unknown>>
  switch (issue.code) {
    case "invalid_value":
      return `must be one of ${list(issue.values as ReadonlyArray<unknown>)}`
    case "invalid_type":
      return issue.input === undefined
        ? `is required (${String(issue.expected)})`
        : `must be ${String(issue.expected)}`
    case "invalid_format":
      return issue.format === "regex"
        ? `has the wrong format${issue.message && issue.message !== "Invalid input" ? `: ${issue.message}` : ""}`
        : `must be a valid ${String(issue.format)}${issue.format === "url" ? " (http or https)" : ""}`
    case "too_small":
      return issue.origin === "string"
        ? `must be at least ${String(issue.minimum)} characters`
        : issue.origin === "array"
          ? `must have at least ${String(issue.minimum)} items`
          : `must be ${issue.inclusive === false ? "more than" : "at least"} ${String(issue.minimum)}`
    case "too_big":
      return issue.origin === "string"
        ? `must be at most ${String(issue.maximum)} characters`
        : issue.origin === "array"
          ? `must have at most ${String(issue.maximum)} items`
          : `must be ${issue.inclusive === false ? "less than" : "at most"} ${String(issue.maximum)}`
    case "unrecognized_keys":
      return `unknown field(s) ${list(issue.keys as ReadonlyArray<unknown>)}`
    case "invalid_union":
      return "does not match any allowed form"
    default:
      return issue.message
  }
}

/**
 * The issues of the one alternative of a union the input was meant for: the only one that did
 * not fail on the input's type itself (`retry: { maxRetries: 99 }` is the object form, so the
 * issue is `retry.maxRetries`, not "does not match any allowed form").
 */
const meantAlternative = (issue: ZodIssueLike): ReadonlyArray<ZodIssueLike> | undefined => {
  const alternatives = (issue as { readonly errors?: unknown }).errors
  if (!Array.isArray(alternatives)) return undefined
  const close = (alternatives as ReadonlyArray<ReadonlyArray<ZodIssueLike>>).filter(
    (branch) =>
      !branch.every((i) => i.path.length === 0 && (i.code === "invalid_type" || i.code === "invalid_value")),
  )
  return close.length === 1 ? close[0]!.map((i) => ({ ...i, path: [...issue.path, ...i.path] })) : undefined
}

/** Turns zod issues into named, readable {@link InputIssue}s. */
export const toInputIssues = (
  issues: ReadonlyArray<ZodIssueLike>,
  prefix?: string,
): ReadonlyArray<InputIssue> =>
  issues.flatMap((issue) => {
    const inner = issue.code === "invalid_union" ? meantAlternative(issue) : undefined
    if (inner !== undefined) return toInputIssues(inner, prefix)
    const path = formatPath([...(prefix ? [prefix] : []), ...issue.path])
    return [{ path, message: describe(issue) }]
  })
