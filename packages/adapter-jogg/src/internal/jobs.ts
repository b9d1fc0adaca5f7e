import { JobRef, type JobStatus, type Preview, type Product, type VideoJob } from "@vidbridge/core"
import { aspectFromOpenCode, fromOpenStatus, fromPercent, fromV2Status } from "./mapping.js"
import { str } from "./shared.js"
import type { PreviewListResult, ProductInfo, ProductVideo, VideoList } from "./wire.js"
import type { OpenProduct, OpenProject } from "./wireOpen.js"

// Vendor payloads -> neutral objects. Pure.

const PROVIDER = "jogg"

const iso = (unixSeconds: number | string | null | undefined): string | undefined => {
  const n = typeof unixSeconds === "string" ? Number(unixSeconds) : unixSeconds
  if (typeof n !== "number" || !Number.isFinite(n) || n <= 0) return undefined
  // Past the range a Date holds (8.64e15 ms), toISOString throws: such a value is no timestamp.
  const date = new Date(n * 1000)
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString()
}

/** JobRef kinds this adapter makes. */
export const Kinds = {
  product: "product",
  previewSet: "preview_set",
  productVideo: "product_video",
  openProduct: "open_product",
  openProject: "open_project",
} as const

/** A v2 product (from `POST /v2/product`, or a patch after `PUT`). */
export const v2Product = (id: string, info: Partial<ProductInfo>, raw: unknown): Product => {
  const media = info.media ?? []
  const urls = (type: number) =>
    media.filter((m) => m.type === type && typeof m.url === "string").map((m) => m.url as string)
  return {
    ref: JobRef.format(JobRef.make(PROVIDER, Kinds.product, id)),
    provider: PROVIDER,
    id,
    url: str(info.url),
    title: str(info.name),
    description: str(info.description),
    targetAudience: str(info.target_audience),
    imageUrls: urls(1),
    videoUrls: urls(2),
    raw,
  }
}

/** An `open` product: its ref carries both the product id and the project id (`prj`). */
export const openProduct = (data: OpenProduct, url: string | undefined, raw: unknown): Product => {
  const id = String(data.id)
  return {
    ref: JobRef.format(JobRef.make(PROVIDER, Kinds.openProduct, id, { prj: String(data.prj_id) })),
    provider: PROVIDER,
    id,
    url,
    imageUrls: [],
    videoUrls: [],
    raw,
  }
}

const failureOf = (video: ProductVideo) => {
  const message = str(video.error?.message) ?? str(video.err_msg)
  const code = str(video.error?.code)
  return message === undefined && code === undefined
    ? { message: "JoggAI reported the video as failed" }
    : { code, message: message ?? `JoggAI error ${code}` }
}

/** A v2 product video (`GET /v2/product_video/{id}`, list items, render answers). */
export const v2VideoJob = (id: string, video: ProductVideo, raw: unknown = video): VideoJob => {
  const status = fromV2Status(video.status)
  return {
    ref: JobRef.format(JobRef.make(PROVIDER, Kinds.productVideo, id)),
    provider: PROVIDER,
    status,
    vendorStatus: str(video.status) ?? "unknown",
    stage: "render",
    progress: status === "succeeded" ? 1 : undefined,
    videoUrl: str(video.video_url),
    thumbnailUrl: str(video.cover_url),
    durationSeconds: video.video_duration ?? video.duration ?? undefined,
    creditsUsed: video.deducted_credit ?? undefined,
    failure: status === "failed" ? failureOf(video) : undefined,
    createdAt: iso(video.created_at),
    raw,
  }
}

/** The ref of a preview set: the product id, and the submitted preview ids (comma-separated). */
export const previewSetRef = (productId: string, previewIds: ReadonlyArray<string>): JobRef =>
  JobRef.make(PROVIDER, Kinds.previewSet, productId, {
    ids: previewIds.length > 0 ? previewIds.join(",") : undefined,
  })

/** The preview ids a preview-set ref carries. */
export const previewIdsOf = (ref: JobRef): ReadonlyArray<string> =>
  (ref.params?.ids ?? "").split(",").filter((id) => id !== "")

/** The preview set as `preview_list` answered it: submitted previews run, failed styles are listed. */
export const submittedPreviewJob = (productId: string, result: PreviewListResult, raw: unknown): VideoJob => {
  const submitted = result.previews.filter((p) => str(p.preview_id) !== undefined && !p.err_msg)
  const failed = result.previews.filter((p) => !submitted.includes(p))
  const ref = previewSetRef(
    productId,
    submitted.map((p) => String(p.preview_id)),
  )
  const previews: Array<Preview> = submitted.map((p) => ({
    id: String(p.preview_id),
    visualStyle: str(p.visual_style),
    status: p.status ? fromV2Status(p.status) : "queued",
  }))
  const messages = failed.map((p) => `${p.visual_style ?? "a visual style"}: ${p.err_msg ?? "not submitted"}`)
  const status: JobStatus =
    submitted.length === 0 ? "failed" : previews.some((p) => p.status === "running") ? "running" : "queued"
  return {
    ref: JobRef.format(ref),
    provider: PROVIDER,
    status,
    vendorStatus: submitted.length === 0 ? "failed" : "submitted",
    stage: "preview",
    previews,
    failure: status === "failed" ? { message: messages.join("; ") || "no preview was submitted" } : undefined,
    metadata: messages.length > 0 ? { rejectedStyles: messages } : undefined,
    raw,
  }
}

/**
 * The preview set, derived from `GET /v2/product_previews`: JoggAI cannot read one preview,
 * so each submitted id is looked up in the list. All submitted previews finished with at
 * least one completed -> `awaiting_selection`; all failed -> `failed`; any still running or
 * not listed yet -> `running` (or `queued` when none is listed yet).
 */
export const previewSetJob = (ref: JobRef, list: VideoList, raw: unknown): VideoJob => {
  const ids = previewIdsOf(ref)
  const items = list.previews ?? []
  const found = ids.map((id) => ({
    id,
    item: items.find((p) => str(p.id) === id || str(p.preview_id) === id),
  }))
  const previews: Array<Preview> = found.map(({ id, item }) => {
    const status = item ? fromV2Status(item.status) : "queued"
    return {
      id,
      url: str(item?.video_url),
      status,
      failure: status === "failed" && item ? failureOf(item).message : undefined,
    }
  })
  const statuses = previews.map((p) => p.status ?? "queued")
  const status: JobStatus =
    ids.length === 0
      ? "failed"
      : statuses.some((s) => s === "running" || s === "queued")
        ? found.some((f) => f.item !== undefined)
          ? "running"
          : "queued"
        : statuses.includes("unknown")
          ? "unknown"
          : statuses.includes("succeeded")
            ? "awaiting_selection"
            : "failed"
  const vendorStatuses = [...new Set(found.map((f) => str(f.item?.status) ?? "not_listed"))]
  const done = statuses.filter((s) => s === "succeeded" || s === "failed").length
  return {
    ref: JobRef.format(ref),
    provider: PROVIDER,
    status,
    vendorStatus: vendorStatuses.join(",") || "none",
    stage: "preview",
    progress: ids.length > 0 ? done / ids.length : undefined,
    previews,
    previewUrl: previews.find((p) => p.url !== undefined)?.url,
    failure: status === "failed" ? { message: "every preview failed" } : undefined,
    raw,
  }
}

/** An `open` project (`GET /open/prj_info`). */
export const openProjectJob = (ref: JobRef, project: OpenProject, raw: unknown): VideoJob => {
  const status = fromOpenStatus(project.status)
  return {
    ref: JobRef.format(ref),
    provider: PROVIDER,
    status,
    vendorStatus: str(project.status) ?? "unknown",
    stage: "render",
    progress: status === "succeeded" ? 1 : fromPercent(project.progress),
    videoUrl: str(project.video_url),
    thumbnailUrl: str(project.cover_url),
    durationSeconds: project.video_duration ?? undefined,
    failure:
      status === "failed"
        ? { message: str(project.err_msg) ?? "JoggAI reported the project as failed" }
        : undefined,
    createdAt: iso(project.created_at),
    metadata: {
      aspectRatio: aspectFromOpenCode(project.aspect_ratio),
      progressDescription: str(project.progress_desc),
    },
    raw,
  }
}

/** An `open` render just accepted: the project id is the job id; JoggAI answers nothing else. */
export const openSubmittedJob = (ref: JobRef, raw: unknown): VideoJob => ({
  ref: JobRef.format(ref),
  provider: PROVIDER,
  status: "queued",
  vendorStatus: "submitted",
  stage: "render",
  raw,
})
