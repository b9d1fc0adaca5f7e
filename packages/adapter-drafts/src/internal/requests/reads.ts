import type { JobRef, ListJobsQuery, VideoError } from "@vidbridge/core"
import { invalidInput } from "@vidbridge/core/adapter"
import * as Effect from "effect/Effect"
import { PROVIDER_ID, VIDEO_KIND } from "../mapping.js"

/** `getStatus`' ref, checked before the request: only a video has a status (not a product). */
export const checkVideoRef = (ref: JobRef): Effect.Effect<void, VideoError> =>
  ref.kind === VIDEO_KIND
    ? Effect.void
    : Effect.fail(
        invalidInput(PROVIDER_ID, "getStatus", [
          {
            path: "ref",
            message: `is a ${ref.kind} ref; only video refs (${PROVIDER_ID}:${VIDEO_KIND}:<id>) have a status`,
          },
        ]),
      )

/** `listJobs`' cursor, checked before the request: an offset from an earlier `nextCursor`. */
export const listOffset = (query: ListJobsQuery): Effect.Effect<number, VideoError> => {
  const offset = query.cursor === undefined ? 0 : Number(query.cursor)
  return Number.isSafeInteger(offset) && offset >= 0
    ? Effect.succeed(offset)
    : Effect.fail(
        invalidInput(PROVIDER_ID, "listJobs", [
          { path: "cursor", message: "must be a nextCursor returned by an earlier listJobs call" },
        ]),
      )
}
