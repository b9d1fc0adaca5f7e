import { type AspectRatio, JobRef, type JobStatus, type Product, type VideoJob } from "@vidbridge/core"
import type { OpenProduct, OpenProject } from "../wire/open.js"
import { iso, Kinds, PROVIDER_ID, str } from "./refs.js"

// JoggAI's older `open` API -> neutral: its value tables (the README repeats each), and its
// products and projects as neutral objects. Pure.

/** `open` (and v1) numeric aspect codes. */
export const openAspect: Readonly<Record<AspectRatio, 0 | 1 | 2>> = { "9:16": 0, "16:9": 1, "1:1": 2 }

/** The aspect ratio of an `open` numeric code, if it is one. */
export const aspectFromOpenCode = (code: number | null | undefined): AspectRatio | undefined =>
  (Object.entries(openAspect) as Array<[AspectRatio, number]>).find(([, c]) => c === code)?.[0]

/** `open` `script_style` values: the seed's internal name and the v1 names. */
export const openScriptStyles = [
  "Discovery_stage",
  "Don't Worry",
  "Discovery",
  "Data",
  "Top 3 reasons",
  "Soft Selling",
  "Humor & Meme",
  "Feature Explainer",
  "Soft Storytelling with Twist",
  "Expert Advice",
  "Unboxing & Review",
  "Challenge",
  "Problem/Solution",
  "Comparison",
  "Creative/Innovative",
  "Emotional Appeal",
  "Immersive Storytelling",
] as const

/**
 * JoggAI's `open` project statuses (the v1 `status_code` scale: 1 start, 2 waiting, 3 processing,
 * 4 success, 5 failed, 99 deleted) -> the neutral `JobStatus`; any other value maps to `unknown`.
 * A project is made with its product: 1 (made, never rendered) and 2 (waiting to be rendered) wait
 * for the caller's `render`, so they are `awaiting_selection` (a wait ends at once), not `queued`.
 */
export const joggOpenStatusTable: Readonly<Record<number, JobStatus>> = {
  1: "awaiting_selection",
  2: "awaiting_selection",
  3: "running",
  4: "succeeded",
  5: "failed",
  99: "cancelled",
}

/** An `open` status int -> neutral; anything else is `unknown`. */
export const fromOpenStatus = (status: string | number | null | undefined): JobStatus => {
  const code = typeof status === "string" && /^\d+$/.test(status) ? Number(status) : status
  return (typeof code === "number" ? joggOpenStatusTable[code] : undefined) ?? "unknown"
}

/** `open` progress percent -> 0..1. */
export const fromPercent = (percent: number | null | undefined): number | undefined =>
  typeof percent === "number" && Number.isFinite(percent)
    ? Math.min(1, Math.max(0, percent / 100))
    : undefined

/** An `open` product: its ref carries both the product id and the project id (`prj`). */
export const openProduct = (data: OpenProduct, url: string | undefined, raw: unknown): Product => {
  const id = String(data.id)
  return {
    ref: JobRef.format(JobRef.make(PROVIDER_ID, Kinds.openProduct, id, { prj: String(data.prj_id) })),
    provider: PROVIDER_ID,
    id,
    url,
    imageUrls: [],
    videoUrls: [],
    raw,
  }
}

/** An `open` project (`GET /open/prj_info`). */
export const openProjectJob = (ref: JobRef, project: OpenProject, raw: unknown): VideoJob => {
  const status = fromOpenStatus(project.status)
  return {
    ref: JobRef.format(ref),
    provider: PROVIDER_ID,
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
  provider: PROVIDER_ID,
  status: "queued",
  vendorStatus: "submitted",
  stage: "render",
  raw,
})
