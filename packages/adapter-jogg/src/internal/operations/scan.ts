import type { JobRef, PollingPolicy, StatusScan, VideoError, VideoJob } from "@vidbridge/core"
import * as Effect from "effect/Effect"
import * as Schedule from "effect/Schedule"
import type { JoggV2Api } from "../client/v2.js"
import { Kinds, str } from "../mapping/refs.js"
import { fromV2Status, v2VideoJob } from "../mapping/v2.js"
import type { ProductVideo } from "../wire/v2.js"

// Tracking many product videos at once: JoggAI has no ids filter, but `GET /v2/product_videos`
// lists newest first, 100 a page. One scan pages it until every tracked video is seen.

/**
 * JoggAI's polling guidance [V]: never faster than every 5 s; every 10 s for the first minute,
 * then 30 s, then 60 s (how long 30 s lasts is not said: here until 5 minutes, when a product
 * video may be ready).
 */
export const joggPolling: PollingPolicy = {
  minInterval: "5 seconds",
  // Six reads 10 s apart (the first minute), eight 30 s apart (to 5 minutes), then every 60 s.
  schedule: Schedule.spaced(10_000).pipe(
    Schedule.modifyDelay(({ attempt }) =>
      Effect.succeed(attempt <= 6 ? 10_000 : attempt <= 14 ? 30_000 : 60_000),
    ),
  ),
}

const PAGE_SIZE = 100

/** Pages in a row without a tracked video, after one was found, before the rest count as too old to page for. */
const MISSES = 3

/**
 * Whether a list item says all a read by id would: the list documents no `deducted_credit` and
 * no failure, so a finished video without them is read once by id (`credits: false` skips that
 * read for completed videos, leaving `creditsUsed` unset).
 */
const complete = (item: ProductVideo, credits: boolean): boolean => {
  const status = fromV2Status(item.status)
  if (status === "failed") return item.error != null || item.err_msg != null
  if (status === "succeeded") return !credits || item.deducted_credit != null
  return true
}

/**
 * `scanStatuses` for JoggAI v2: the product video refs are found in `GET /v2/product_videos`
 * (newest first, 100 a page), paging until every one is seen, the list ends, {@link MISSES}
 * pages in a row hold none of them once one was found, or as many pages were read as there
 * are videos to find (then reading the rest by id is cheaper). A finished video the list
 * says too little about is read by id (`read`, the provider's `getStatus`); other refs (avatar
 * and template videos, preview sets) and videos not found are left to core's reads by id.
 */
export const scanProductVideos =
  (api: JoggV2Api, read: (ref: JobRef) => Effect.Effect<VideoJob, VideoError>, credits: boolean) =>
  (refs: ReadonlyArray<JobRef>): Effect.Effect<StatusScan, VideoError> =>
    Effect.gen(function* () {
      const wanted = new Map<string, JobRef>()
      for (const ref of refs) if (ref.kind === Kinds.productVideo) wanted.set(ref.id, ref)
      const found = new Map<string, ProductVideo>()
      let requests = 0
      let misses = 0
      const call = { operation: "getStatus" }
      while (found.size < wanted.size && requests < wanted.size) {
        const list = yield* api.productVideos(
          { page: requests + 1, page_size: PAGE_SIZE, sort_by: "created_at", sort_order: "desc" },
          call,
        )
        requests++
        const items = list.videos ?? []
        const before = found.size
        for (const item of items) {
          const id = str(item.id)
          if (id !== undefined && wanted.has(id)) found.set(id, item)
        }
        misses = found.size > before ? 0 : misses + 1
        const end =
          items.length < PAGE_SIZE || (typeof list.total === "number" && requests * PAGE_SIZE >= list.total)
        if (end || (before > 0 && misses >= MISSES)) break
      }
      const jobs: Array<VideoJob> = []
      for (const [id, item] of found) {
        const ref = wanted.get(id)!
        if (complete(item, credits)) {
          jobs.push(v2VideoJob(id, item, item, Kinds.productVideo))
          continue
        }
        // A failed read by id leaves the video out: core reads it again and reports that read.
        requests++
        const full = yield* Effect.option(read(ref))
        if (full._tag === "Some") jobs.push(full.value)
      }
      return { jobs, requests }
    })
