import {
  JobRef,
  NotFound,
  type VideoError,
  VideoError as VideoErrorClass,
  type VideoJob,
} from "@vidbridge/core"
import { chunk, invalidInput } from "@vidbridge/core/adapter"
import * as Effect from "effect/Effect"
import type { CreatifyClientShape } from "../CreatifyClient.js"
import { Kind, linkToVideoJob, PROVIDER_ID, renderJob } from "./mapping.js"

/** How many ids Creatify's list endpoints accept in `ids`. */
export const BATCH_LIMIT = 100

const wrongRef = (ref: JobRef, operation: string): VideoError =>
  invalidInput(PROVIDER_ID, operation, [
    {
      path: "ref",
      message: `is ${JobRef.format(ref)}; expected a Creatify ${Kind.linkToVideo}, ${Kind.customTemplateJob} or ${Kind.aurora} job`,
    },
  ])

/** Reads one job: `GET /api/link_to_videos/{id}/`, `/api/custom_template_jobs/{id}/`, or `/api/aurora/?ids=`. */
export const readStatus = (client: CreatifyClientShape, ref: JobRef): Effect.Effect<VideoJob, VideoError> => {
  if (ref.provider !== PROVIDER_ID) return Effect.fail(wrongRef(ref, "getStatus"))
  switch (ref.kind) {
    case Kind.linkToVideo:
      return Effect.map(client.getLinkToVideo(ref.id), (body) => linkToVideoJob(body, ref))
    case Kind.customTemplateJob:
      return Effect.map(client.getCustomTemplateJob(ref.id), (body) =>
        renderJob(body, Kind.customTemplateJob),
      )
    case Kind.aurora:
      return Effect.flatMap(client.listAurora({ ids: [ref.id] }, "getStatus"), (jobs) => {
        const body = jobs.find((j) => j.id === ref.id)
        return body
          ? Effect.succeed(renderJob(body, Kind.aurora))
          : Effect.fail(
              new VideoErrorClass({
                provider: PROVIDER_ID,
                operation: "getStatus",
                ref: JobRef.format(ref),
                reason: new NotFound({ message: `Creatify lists no Aurora job ${ref.id}` }),
              }),
            )
      })
    default:
      return Effect.fail(wrongRef(ref, "getStatus"))
  }
}

/**
 * Reads many jobs with the list endpoints, at most 100 ids a request: link-to-video jobs by
 * `GET /api/link_to_videos/?ids=`, Aurora jobs by `GET /api/aurora/?ids=`. Custom template jobs
 * have no documented list, so they (and jobs Creatify does not return) are left out; core's
 * poller reads those one by one.
 */
export const readStatuses = (
  client: CreatifyClientShape,
  refs: ReadonlyArray<JobRef>,
): Effect.Effect<ReadonlyArray<VideoJob>, VideoError> => {
  const mine = refs.filter((r) => r.provider === PROVIDER_ID)
  const links = mine.filter((r) => r.kind === Kind.linkToVideo)
  const aurora = mine.filter((r) => r.kind === Kind.aurora)
  const ids = (group: ReadonlyArray<JobRef>) => [...new Set(group.map((r) => r.id))]
  const linkReads = chunk(ids(links), BATCH_LIMIT).map((batch) =>
    Effect.map(client.listLinkToVideos({ ids: batch }), (bodies) => {
      const byId = new Map(bodies.map((b) => [b.id, b]))
      return links.flatMap((ref) => {
        const body = batch.includes(ref.id) ? byId.get(ref.id) : undefined
        return body ? [linkToVideoJob(body, ref)] : []
      })
    }),
  )
  const auroraReads = chunk(ids(aurora), BATCH_LIMIT).map((batch) =>
    Effect.map(client.listAurora({ ids: batch }), (bodies) =>
      bodies.filter((b) => batch.includes(b.id)).map((b) => renderJob(b, Kind.aurora)),
    ),
  )
  return Effect.map(Effect.all([...linkReads, ...auroraReads]), (groups) => groups.flat())
}
