import {
  type SubmissionContext,
  type SubmissionLookup,
  type SubmissionResult,
  UnexpectedResponse,
  VideoError,
  type VideoJob,
  type VideoProviderShape,
} from "@vidbridge/core"
import { maskSecretMembers } from "@vidbridge/core/adapter"
import * as Effect from "effect/Effect"
import { type Kind, PROVIDER_ID, str } from "../mapping/refs.js"
import { v2VideoJob } from "../mapping/v2.js"
import type { RenderResult } from "../wire/v2.js"

// What the operations of both API generations share: announcing a paid request, requiring an
// id the docs promise, a lookup's answer, and a video just accepted.

/** The port's operations one API generation implements (the provider adds webhooks and credits). */
export type Operations = Pick<
  VideoProviderShape,
  | "createProduct"
  | "updateProduct"
  | "generatePreviews"
  | "renderPreview"
  | "render"
  | "getStatus"
  | "scanStatuses"
  | "listJobs"
  | "findSubmission"
>

/**
 * Tells core a paid request goes out now (after every check), with the hints `findSubmission`
 * needs; nothing when the port is called without a submission (tests calling it directly).
 */
export const announce = (
  submission: SubmissionContext | undefined,
  hints: Record<string, string | undefined> = {},
): Effect.Effect<unknown, VideoError> =>
  submission ? submission.announce(hints as Record<string, string>) : Effect.void

/**
 * Fails with `UnexpectedResponse` when an id the docs promise is missing from an answer; `ref`
 * is the job the call was about, as errors of the request itself carry it. The answer was a 2xx,
 * so the request took effect (`delivery: "accepted"`: core looks the job up).
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
          provider: PROVIDER_ID,
          operation,
          ref,
          reason: new UnexpectedResponse({
            message: `JoggAI's answer has no ${path}`,
            path,
            excerpt: maskSecretMembers(JSON.stringify(raw ?? null)).slice(0, 200),
            delivery: "accepted",
          }),
        }),
      )

/** The video id of a create answer: `video_id` (spec) or `product_video_id` (guide). */
export const videoIdOf = (result: RenderResult): string | undefined =>
  str(result.video_id) ?? str(result.product_video_id)

/** A video of `kind` JoggAI accepted (named `name`): `queued` until the answer says more. */
export const accepted = (
  id: string,
  result: RenderResult,
  name: string | undefined,
  kind?: Kind,
): VideoJob => {
  const job = { ...v2VideoJob(id, { status: result.status }, result, kind), name }
  return result.status ? job : { ...job, status: "queued", vendorStatus: "submitted" }
}

/** One lookup's answer: the one match, several (`Ambiguous`, never a pick), or none. */
export const lookup = (found: ReadonlyArray<SubmissionResult>): SubmissionLookup =>
  found.length === 1
    ? { _tag: "Found", result: found[0]! }
    : found.length > 1
      ? { _tag: "Ambiguous", candidates: found }
      : { _tag: "NotFound" }
