import {
  type JobPage,
  JobRef,
  type JobStatus,
  type ListJobsQuery,
  type Product,
  type ProductInput,
  type VideoJob,
} from "@vidbridge/core"
import { PROVIDER_ID } from "../summary.js"
import type { VideoMetadataResponse, VideoResponse } from "./wire.js"

/** The provider id: first part of every ref this adapter makes. */
export { PROVIDER_ID }

/** The JobRef kind of an Hour One video. */
export const VIDEO_KIND = "video"

/** The JobRef kind of a product kept on the client. */
export const PRODUCT_KIND = "product"

/**
 * Hour One `VideoStatusEnum` -> neutral status. `stopped` and `cancelled` both end the
 * video without a result and map to `cancelled`.
 */
export const draftsStatusTable: Readonly<Record<string, JobStatus>> = {
  not_started: "queued",
  started: "running",
  processing: "running",
  ready: "succeeded",
  published: "succeeded",
  failed: "failed",
  stopped: "cancelled",
  cancelled: "cancelled",
}

/** The neutral status of a vendor status; anything not in {@link draftsStatusTable} is `unknown`. */
export const mapStatus = (vendorStatus: string): JobStatus =>
  Object.hasOwn(draftsStatusTable, vendorStatus) ? draftsStatusTable[vendorStatus]! : "unknown"

/** A finite number: not null, absent, a string or an object (a webhook's fields are not checked). */
const isFiniteNumber = (value: unknown): value is number => Number.isFinite(value)

/** Vendor progress (-1..100) -> 0..1, clamped; a finished video is 1; anything but a number is none. */
export const mapProgress = (progress: unknown, status: JobStatus): number | undefined => {
  if (status === "succeeded") return 1
  return isFiniteNumber(progress) ? Math.min(1, Math.max(0, progress / 100)) : undefined
}

/** `drafts:video:<id>`; the same string whether the job came from a poll, a list or a webhook. */
export const videoRef = (id: string): string => JobRef.format(JobRef.make(PROVIDER_ID, VIDEO_KIND, id))

const defined = (entries: Record<string, unknown>): Record<string, unknown> => {
  const kept: Record<string, unknown> = {}
  for (const key of Object.keys(entries)) {
    const value = entries[key]
    if (value !== undefined && value !== null) kept[key] = value
  }
  return kept
}

/**
 * A vendor video -> neutral job. `name` is the request's `name` (the key travels apart, as
 * `correlation_id`); `videoUrl` is `download_url` (the file); `previewUrl` is `video_player_url`
 * (Hour One's player page, not a file). Vendor ids that have no neutral field (correlation id,
 * draft id, request id) are kept in `metadata`.
 */
export const toVideoJob = (video: VideoResponse): VideoJob => {
  const status = mapStatus(video.status)
  const progress = mapProgress(video.progress, status)
  const failure =
    status === "failed" || status === "cancelled"
      ? { code: video.status, message: `Hour One reported the video as "${video.status}"` }
      : undefined
  const metadata = defined({
    correlationId: video.correlation_id,
    draftId: video.draft_id,
    sourceDraftId: video.source_draft_id,
    recipeId: video.recipe_id,
    requestId: video.req_id,
    name: video.name,
    vendorMetadata: video.metadata,
  })
  return {
    ref: videoRef(video.id),
    provider: PROVIDER_ID,
    status,
    vendorStatus: video.status,
    stage: "render",
    ...(video.name ? { name: video.name } : {}),
    ...(progress === undefined ? {} : { progress }),
    ...(video.download_url ? { videoUrl: video.download_url } : {}),
    ...(video.video_player_url ? { previewUrl: video.video_player_url } : {}),
    ...(failure ? { failure } : {}),
    metadata,
    raw: video,
  }
}

/** Adds `GET /videos/{id}/metadata` to a job: `durationSeconds` and per-scene timings. */
export const withVideoMetadata = (job: VideoJob, meta: VideoMetadataResponse): VideoJob => ({
  ...job,
  durationSeconds: meta.duration,
  metadata: {
    ...job.metadata,
    scenes: meta.scenes_metadata.map((s) => ({
      index: s.scene_index,
      startSeconds: s.start_time,
      durationSeconds: s.duration,
    })),
  },
})

/** Notes on a job that its metadata could not be read (the job itself is fine). */
export const withMetadataError = (job: VideoJob, message: string): VideoJob => ({
  ...job,
  metadata: { ...job.metadata, metadataError: message },
})

/**
 * `listJobs` over `GET /videos`, which returns every video at once: `ids` filters (vendor ids
 * or refs) and `limit` slices locally from `offset` (the checked cursor).
 */
export const toJobPage = (
  videos: ReadonlyArray<VideoResponse>,
  query: ListJobsQuery,
  offset: number,
): JobPage => {
  const wanted = query.ids === undefined ? undefined : new Set(query.ids)
  const matching =
    wanted === undefined ? videos : videos.filter((v) => wanted.has(v.id) || wanted.has(videoRef(v.id)))
  const limit = query.limit ?? 100
  const next = offset + limit
  return {
    jobs: matching.slice(offset, next).map(toVideoJob),
    ...(next < matching.length ? { nextCursor: String(next) } : {}),
  }
}

/** FNV-1a, 64 bit, as hex: a stable id from the product's content (no crypto needed). */
const contentHash = (text: string): string => {
  let hash = 0xcbf29ce484222325n
  for (const byte of new TextEncoder().encode(text)) {
    hash ^= BigInt(byte)
    hash = (hash * 0x100000001b3n) & 0xffffffffffffffffn
  }
  return hash.toString(16).padStart(16, "0")
}

/**
 * A product made from the caller's own data; nothing is sent to Hour One (it has no product
 * endpoint). The id is a hash of the content, so the same data gives the same ref.
 */
export const productFromInput = (input: ProductInput): Product => {
  const content = {
    url: input.url,
    title: input.title,
    description: input.description,
    imageUrls: input.imageUrls ?? [],
    videoUrls: input.videoUrls ?? [],
    logoUrl: input.logoUrl,
    targetAudience: input.targetAudience,
  }
  const id = `p${contentHash(JSON.stringify(content))}`
  return {
    ref: JobRef.format(JobRef.make(PROVIDER_ID, PRODUCT_KIND, id)),
    provider: PROVIDER_ID,
    id,
    ...(input.url ? { url: input.url } : {}),
    ...(input.title ? { title: input.title } : {}),
    ...(input.description ? { description: input.description } : {}),
    imageUrls: content.imageUrls,
    videoUrls: content.videoUrls,
    ...(input.logoUrl ? { logoUrl: input.logoUrl } : {}),
    ...(input.targetAudience ? { targetAudience: input.targetAudience } : {}),
    raw: content,
  }
}
