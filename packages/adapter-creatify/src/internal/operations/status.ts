import { type JobPage, JobRef, type ListJobsQuery, type VideoError, type VideoJob } from "@vidbridge/core"
import { chunk, invalidInput } from "@vidbridge/core/adapter"
import * as Effect from "effect/Effect"
import type { CreatifyClientShape } from "../../CreatifyClient.js"
import { BATCH_LIMIT } from "../../summary.js"
import { avatarJob, Kind, linkToVideoJob, PROVIDER_ID } from "../mapping.js"
import { readJob } from "../reads.js"
import { listJobsQuery } from "../requests/videos.js"

// Reading jobs: one by its ref, many by the list endpoints' `ids`, and the lists themselves.

const wrongRef = (ref: JobRef, operation: string): VideoError =>
  invalidInput(PROVIDER_ID, operation, [
    {
      path: "ref",
      message: `is ${JobRef.format(ref)}; expected a Creatify ${Kind.linkToVideo}, ${Kind.customTemplateJob}, ${Kind.lipsyncV2} or ${Kind.aurora} job`,
    },
  ])

const ids = (group: ReadonlyArray<JobRef>) => [...new Set(group.map((r) => r.id))]

/** `getStatus`, `getStatuses` and `listJobs` over `client`. */
export const makeStatusOperations = (client: CreatifyClientShape) => {
  /**
   * One job: `GET /api/link_to_videos/{id}/`, `/api/custom_template_jobs/{id}/`,
   * `/api/lipsyncs_v2/{id}/` or `/api/aurora/{id}/`.
   */
  const getStatus = (ref: JobRef): Effect.Effect<VideoJob, VideoError> => {
    if (ref.provider !== PROVIDER_ID) return Effect.fail(wrongRef(ref, "getStatus"))
    switch (ref.kind) {
      case Kind.linkToVideo:
        return Effect.map(client.getLinkToVideo(ref.id), (body) => linkToVideoJob(body, ref))
      case Kind.customTemplateJob:
      case Kind.lipsyncV2:
      case Kind.aurora:
        return readJob(client, ref.kind, ref.id, "getStatus")
      default:
        return Effect.fail(wrongRef(ref, "getStatus"))
    }
  }

  /**
   * Many jobs with the list endpoints, at most 100 ids a request: link-to-video jobs by
   * `GET /api/link_to_videos/?ids=`, AI Avatar v2 jobs by `GET /api/lipsyncs_v2/?ids=`, Aurora jobs
   * by `GET /api/aurora/?ids=`. Custom template jobs have no documented list, so they (and jobs
   * Creatify does not return) are left out; core's poller reads those one by one.
   */
  const getStatuses = (refs: ReadonlyArray<JobRef>): Effect.Effect<ReadonlyArray<VideoJob>, VideoError> => {
    const mine = refs.filter((r) => r.provider === PROVIDER_ID)
    const links = mine.filter((r) => r.kind === Kind.linkToVideo)
    const linkReads = chunk(ids(links), BATCH_LIMIT).map((batch) =>
      Effect.map(client.listLinkToVideos({ ids: batch }), (bodies) => {
        const byId = new Map(bodies.map((b) => [b.id, b]))
        return links.flatMap((ref) => {
          const body = batch.includes(ref.id) ? byId.get(ref.id) : undefined
          return body ? [linkToVideoJob(body, ref)] : []
        })
      }),
    )
    const avatarReads = ([Kind.lipsyncV2, Kind.aurora] as const).flatMap((kind) =>
      chunk(ids(mine.filter((r) => r.kind === kind)), BATCH_LIMIT).map((batch) =>
        Effect.map(
          kind === Kind.aurora ? client.listAurora({ ids: batch }) : client.listLipsyncsV2({ ids: batch }),
          (bodies: ReadonlyArray<Parameters<typeof avatarJob>[0]>) =>
            bodies.filter((b) => batch.includes(b.id)).map((b) => avatarJob(b, kind)),
        ),
      ),
    )
    return Effect.map(Effect.all([...linkReads, ...avatarReads]), (groups) => groups.flat())
  }

  const listJobs = Effect.fnUntraced(function* (query: ListJobsQuery) {
    const { kind, list } = yield* listJobsQuery(query)
    const jobs: ReadonlyArray<VideoJob> =
      kind === Kind.aurora
        ? (yield* client.listAurora(list, "listJobs")).map((b) => avatarJob(b, Kind.aurora))
        : kind === Kind.lipsyncV2
          ? (yield* client.listLipsyncsV2(list, "listJobs")).map((b) => avatarJob(b, Kind.lipsyncV2))
          : (yield* client.listLinkToVideos(list, "listJobs")).map((b) =>
              linkToVideoJob(b, JobRef.make(PROVIDER_ID, Kind.linkToVideo, b.id)),
            )
    const page: JobPage = { jobs: query.limit === undefined ? jobs : jobs.slice(0, query.limit) }
    return page
  })

  return { getStatus, getStatuses, listJobs }
}
