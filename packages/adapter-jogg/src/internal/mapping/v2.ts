import {
  type AspectRatio,
  JobRef,
  type JobStatus,
  type Preview,
  type Product,
  type VideoJob,
} from "@vidbridge/core"
import { durations } from "../../summary.js"
import type { PreviewListResult, ProductInfo, ProductVideo, VideoList } from "../wire/v2.js"
import { iso, type Kind, Kinds, nameOf, PROVIDER_ID, previewIdsOf, previewSetRef, str } from "./refs.js"

// JoggAI's v2 API -> neutral: its value tables (the README repeats each), and its products,
// videos (product, avatar, template) and preview sets as neutral objects. Pure.

/** v2 aspect names (`video_spec.aspect_ratio`). */
export const v2Aspect: Readonly<Record<AspectRatio, "portrait" | "landscape" | "square">> = {
  "9:16": "portrait",
  "16:9": "landscape",
  "1:1": "square",
}

/** Video lengths JoggAI accepts (seconds). */
export { durations }

/** Used when the request names no length (v2 requires one). */
export const defaultDuration = 30

/** v2 `script.style` values, spelled as in the spec. */
export const v2ScriptStyles = [
  "Don't Worry",
  "Storytime",
  "Discovery",
  "Data",
  "Top 3 reasons",
  "Light marketing",
] as const

/** Used when the request names no script style (v2 requires one). */
export const defaultScriptStyle = "Discovery"

/**
 * JoggAI's v2 statuses (of product, avatar and template videos and of previews) -> the neutral
 * `JobStatus`; any other value maps to `unknown` and is kept as `vendorStatus`. The README's
 * status table repeats it.
 */
export const joggStatusTable: Readonly<Record<string, JobStatus>> = {
  pending: "queued",
  processing: "running",
  completed: "succeeded",
  failed: "failed",
}

/** A v2 status string -> neutral; anything else is `unknown` (kept as `vendorStatus`). */
export const fromV2Status = (status: string | number | null | undefined): JobStatus => {
  const key = typeof status === "string" ? status.toLowerCase() : undefined
  // Own keys only: a vendor value such as "constructor" must not read Object.prototype.
  return key !== undefined && Object.hasOwn(joggStatusTable, key) ? joggStatusTable[key]! : "unknown"
}

/** A v2 product (from `POST /v2/product`, or a patch after `PUT`). */
export const v2Product = (id: string, info: Partial<ProductInfo>, raw: unknown): Product => {
  const media = info.media ?? []
  const urls = (type: number) =>
    media.filter((m) => m.type === type && typeof m.url === "string").map((m) => m.url as string)
  return {
    ref: JobRef.format(JobRef.make(PROVIDER_ID, Kinds.product, id)),
    provider: PROVIDER_ID,
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

/** A vendor failure as neutral: `error` (`{code, message}`, or a plain message) or `err_msg`. */
export const failureFrom = (
  error: ProductVideo["error"],
  errMsg?: string | null,
  fallback = "JoggAI reported the video as failed",
) => {
  const message = typeof error === "string" ? str(error) : (str(error?.message) ?? str(errMsg))
  const code = typeof error === "string" ? undefined : str(error?.code)
  return message === undefined && code === undefined
    ? { message: fallback }
    : { code, message: message ?? `JoggAI error ${code}` }
}

/**
 * A v2 video of `kind` (`GET /v2/product_video/{id}`, `/v2/avatar_video/{id}`,
 * `/v2/template_video/{id}`, list items, create answers), whichever names its fields go by.
 */
export const v2VideoJob = (
  id: string,
  video: ProductVideo,
  raw: unknown = video,
  kind: Kind = Kinds.productVideo,
): VideoJob => {
  const status = fromV2Status(video.status)
  const inner = video.data
  return {
    ref: JobRef.format(JobRef.make(PROVIDER_ID, kind, id)),
    provider: PROVIDER_ID,
    status,
    vendorStatus: str(video.status) ?? "unknown",
    stage: "render",
    progress: status === "succeeded" ? 1 : undefined,
    videoUrl: str(video.video_url) ?? str(video.url) ?? str(inner?.url),
    thumbnailUrl: str(video.cover_url) ?? str(inner?.cover_url),
    durationSeconds:
      video.video_duration ??
      video.duration ??
      video.duration_seconds ??
      inner?.duration_seconds ??
      undefined,
    creditsUsed: video.deducted_credit ?? inner?.deducted_credit ?? undefined,
    failure: status === "failed" ? failureFrom(video.error, video.err_msg) : undefined,
    createdAt: iso(video.created_at),
    name: nameOf(video.title ?? video.video_name ?? inner?.video_name).name,
    raw,
  }
}

/**
 * The preview set as `preview_list` answered it: submitted previews run, failed styles are listed.
 * `key` is the submission key it was sent with (kept in the ref).
 */
export const submittedPreviewJob = (
  productId: string,
  result: PreviewListResult,
  raw: unknown,
  key?: string,
): VideoJob => {
  const submitted = result.previews.filter((p) => str(p.preview_id) !== undefined && !p.err_msg)
  const failed = result.previews.filter((p) => !submitted.includes(p))
  const ref = previewSetRef(
    productId,
    submitted.map((p) => String(p.preview_id)),
    key,
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
    provider: PROVIDER_ID,
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
      failure: status === "failed" && item ? failureFrom(item.error, item.err_msg).message : undefined,
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
    provider: PROVIDER_ID,
    status,
    vendorStatus: vendorStatuses.join(",") || "none",
    stage: "preview",
    progress: ids.length > 0 ? done / ids.length : undefined,
    previews,
    previewUrl: previews.find((p) => p.url !== undefined)?.url,
    failure: status === "failed" ? { message: "every preview failed" } : undefined,
    name: nameOf(found.find((f) => f.item)?.item?.title).name,
    raw,
  }
}
