import type { TimelineStep } from "@vidbridge/core/testing"

// What the simulated JoggAI account holds: products, previews, product, avatar and template
// videos, AI-script tasks, open projects and webhook endpoints, and the timelines their statuses
// follow. (The catalogs are fixed: catalog.ts.)

/** A v2 preview or product video status. */
export type JoggSimStatus = "pending" | "processing" | "completed" | "failed"

/** An `open` project status (the v1 scale): 1 start, 2 waiting, 3 processing, 4 success, 5 failed, 99 deleted. */
export type JoggOpenStatus = 1 | 2 | 3 | 4 | 5 | 99

/** When each status shows, in ms after creation (first step at 0; a failure replaces the last). */
export interface JoggTimelines {
  readonly preview: ReadonlyArray<TimelineStep<JoggSimStatus>>
  readonly video: ReadonlyArray<TimelineStep<JoggSimStatus>>
  readonly avatarVideo: ReadonlyArray<TimelineStep<JoggSimStatus>>
  readonly templateVideo: ReadonlyArray<TimelineStep<JoggSimStatus>>
  readonly script: ReadonlyArray<TimelineStep<JoggSimStatus>>
  readonly open: ReadonlyArray<TimelineStep<"1" | "2" | "3" | "4">>
}

/**
 * The default timelines: previews `processing` -> `completed` after 2.5 minutes; product
 * videos `pending` -> `processing` (20 s) -> `completed` (7 min); avatar videos the same to 3
 * minutes, template videos to 4 (JoggAI: 2-5 minutes); AI scripts `pending` -> `processing`
 * (5 s) -> `completed` (20 s; JoggAI: 10-30 s); open projects, from their render, 3 -> 4 (6 min)
 * (1 until then: made, never rendered). Previews then a render finish within 10 simulated minutes.
 */
export const defaultTimelines: JoggTimelines = {
  preview: [
    { status: "processing", at: 0 },
    { status: "completed", at: 150_000 },
  ],
  video: [
    { status: "pending", at: 0 },
    { status: "processing", at: 20_000 },
    { status: "completed", at: 420_000 },
  ],
  avatarVideo: [
    { status: "pending", at: 0 },
    { status: "processing", at: 20_000 },
    { status: "completed", at: 180_000 },
  ],
  templateVideo: [
    { status: "pending", at: 0 },
    { status: "processing", at: 20_000 },
    { status: "completed", at: 240_000 },
  ],
  script: [
    { status: "pending", at: 0 },
    { status: "processing", at: 5_000 },
    { status: "completed", at: 20_000 },
  ],
  open: [
    { status: "3", at: 0 },
    { status: "4", at: 360_000 },
  ],
}

/** A media item of a simulated product (`type` 1 image, 2 video). */
export interface SimMedia {
  readonly type: number
  readonly url: string
  readonly name?: string | undefined
  readonly description?: string | undefined
}

/** A v2 product. */
export interface SimProduct {
  readonly id: string
  url?: string | undefined
  name?: string | undefined
  description?: string | undefined
  target_audience?: string | undefined
  media: SimMedia[]
}

/** What a preview or a video was asked to be. */
export interface SimSpec {
  readonly productId: string
  readonly visualStyle: string | undefined
  /** `video_spec.length` in seconds. */
  readonly seconds: number
  readonly aspect: string
  readonly name: string | undefined
  readonly webhookUrl: string | undefined
}

/** A v2 preview (one visual style of a `preview_list`). */
export interface SimPreview extends SimSpec {
  readonly id: string
  readonly createdAt: number
  readonly credits: number
  /** Set when the preview was made to fail (`failNextPreview`). */
  readonly failure: string | undefined
}

/** A v2 product video (direct render or rendered preview). */
export interface SimVideo extends SimSpec {
  readonly id: string
  readonly previewId: string | undefined
  readonly createdAt: number
  readonly credits: number
  /** Set when the video was made to fail (`failNextVideo`). */
  readonly failure: string | undefined
}

/** An avatar video (`create_video_from_avatar`) or a template video (`create_video_with_template`). */
export interface SimJobVideo {
  readonly kind: "avatar_video" | "template_video"
  readonly id: string
  readonly createdAt: number
  readonly credits: number
  /** How long the video is (an avatar video: its speech; a template video: 30 s). */
  readonly seconds: number
  /** `video_name` as it was sent. */
  readonly name: string | undefined
  readonly webhookUrl: string | undefined
  /** Set when the video was made to fail (`failNextVideo`). */
  readonly failure: string | undefined
}

/** An AI-script task (`POST /v2/ai_scripts`). */
export interface SimScriptTask {
  readonly id: string
  readonly createdAt: number
  readonly credits: number
  readonly productId: string | undefined
  /** The product name the scripts talk about. */
  readonly product: string
  readonly style: string
  readonly seconds: number
  /** Set when the task was made to fail (`failNextScript`). */
  readonly failure: string | undefined
}

/** An `open` product and its project (one project per product, as the seed's API has). */
export interface SimOpenProject {
  readonly productId: number
  readonly projectId: string
  readonly url: string
  title: string | undefined
  intro_text: string | undefined
  target_audience: string | undefined
  readonly createdAt: number
  render?:
    | {
        readonly at: number
        readonly aspect: number
        readonly credits: number
        readonly failure: string | undefined
      }
    | undefined
}

/** A registered account webhook endpoint. */
export interface SimEndpoint {
  readonly endpoint_id: string
  readonly url: string
  readonly secret: string
  readonly status: string
  readonly events: ReadonlyArray<string>
  readonly created_at: number
}

/** A preview or video as it is now: status, and when it reached its end (if it did). */
export interface SimView {
  readonly status: JoggSimStatus
  readonly progress: number
  readonly endedAt: number | undefined
}

/** Unix seconds of a clock time, counted from `epochMillis` (the wall time the clock's 0 stands for). */
export const unixSeconds = (epochMillis: number, clockMillis: number): number =>
  Math.floor((epochMillis + clockMillis) / 1000)
