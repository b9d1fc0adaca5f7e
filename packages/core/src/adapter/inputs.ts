import * as Effect from "effect/Effect"
import type * as z from "zod/mini"
import { type InputIssue, invalidInput, type VideoError } from "../VideoError.js"
import { validate } from "../validate.js"

// The input checks every adapter makes besides the neutral schemas: vendor-only fields in
// `providerOptions`, and neutral fields or values its vendor cannot take. All fail with one
// `InvalidInput` naming every field, before any request.

/** Which call a check is for, as errors name it. */
export interface CheckContext {
  readonly provider: string
  readonly operation: string
}

/**
 * Fails with one `InvalidInput` naming every issue, or succeeds when there is none. Entries
 * that are `undefined` (a check that passed) are skipped, so checks can be listed inline.
 *
 * @example
 * ```ts
 * yield* rejectIssues({ provider: "acme", operation: "render" }, [
 *   request.durationSeconds === 45 ? { path: "durationSeconds", message: "must be 15, 30 or 60" } : undefined,
 *   ...unsupportedFields(request, { voice: "Acme takes no voice; the avatar's own is used" }),
 * ])
 * ```
 */
export const rejectIssues = (
  context: CheckContext,
  issues: ReadonlyArray<InputIssue | undefined>,
): Effect.Effect<void, VideoError> => {
  const found = issues.filter((issue): issue is InputIssue => issue !== undefined)
  return found.length === 0
    ? Effect.void
    : Effect.fail(invalidInput(context.provider, context.operation, found))
}

/**
 * The issues for neutral fields a vendor call cannot carry: for each field of `fields` that is
 * set on `input`, an issue with the message given (why, and what to use instead), so nothing is
 * dropped silently. Pass them to {@link rejectIssues}.
 */
export const unsupportedFields = (
  input: object,
  fields: Readonly<Record<string, string>>,
): Array<InputIssue> => {
  const issues: Array<InputIssue> = []
  for (const [field, message] of Object.entries(fields)) {
    if ((input as Record<string, unknown>)[field] !== undefined) issues.push({ path: field, message })
  }
  return issues
}

/**
 * Reads this provider's vendor-only fields, `providerOptions[provider]` (`{}` when absent), with
 * the adapter's schema (make it strict: an unknown field is then `InvalidInput` naming
 * `providerOptions.<provider>.<field>`).
 *
 * @example
 * ```ts
 * const options = yield* parseProviderOptions(AcmeRenderOptions, request.providerOptions, { provider: "acme", operation: "render" })
 * ```
 */
export const parseProviderOptions = <S extends z.ZodMiniType>(
  schema: S,
  providerOptions: Readonly<Record<string, Readonly<Record<string, unknown>>>> | undefined,
  context: CheckContext,
): Effect.Effect<z.infer<S>, VideoError> =>
  validate(schema, providerOptions?.[context.provider] ?? {}, {
    ...context,
    field: `providerOptions.${context.provider}`,
  })
