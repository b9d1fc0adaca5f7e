import * as Effect from "effect/Effect"
import type * as z from "zod/mini"
import { toInputIssues } from "./internal/issues.js"
import { invalidInput, type VideoError } from "./VideoError.js"

/**
 * Checks `input` against a zod schema and fails with an `InvalidInput` {@link VideoError}
 * naming every wrong field. Adapters use it for their own vendor-specific rules too, so the
 * user sees one kind of error for every bad input, always before any request.
 */
export const validate = <S extends z.ZodMiniType>(
  schema: S,
  input: unknown,
  context: { readonly provider: string; readonly operation: string; readonly field?: string },
): Effect.Effect<z.infer<S>, VideoError> =>
  Effect.suspend(() => {
    const result = schema.safeParse(input)
    return result.success
      ? Effect.succeed(result.data as z.infer<S>)
      : Effect.fail(
          invalidInput(
            context.provider,
            context.operation,
            toInputIssues(result.error.issues, context.field),
          ),
        )
  })
