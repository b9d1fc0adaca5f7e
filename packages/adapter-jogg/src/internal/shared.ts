import { UnexpectedResponse, VideoError } from "@vidbridge/core"
import { maskSecretMembers } from "@vidbridge/core/adapter"
import * as Effect from "effect/Effect"

/** A string from a vendor id field (numbers too); `undefined` when absent or empty. */
export const str = (value: string | number | null | undefined): string | undefined =>
  value === null || value === undefined || value === "" ? undefined : String(value)

/**
 * Fails with `UnexpectedResponse` when an id the docs promise is missing from an answer; `ref`
 * is the job the call was about, as errors of the request itself carry it.
 */
export const requireId = (
  value: string | undefined,
  operation: string,
  path: string,
  raw: unknown,
  ref?: string,
): Effect.Effect<string, VideoError> =>
  value !== undefined
    ? Effect.succeed(value)
    : Effect.fail(
        new VideoError({
          provider: "jogg",
          operation,
          ref,
          reason: new UnexpectedResponse({
            message: `JoggAI's answer has no ${path}`,
            path,
            excerpt: maskSecretMembers(JSON.stringify(raw ?? null)).slice(0, 200),
          }),
        }),
      )
