import { type SimClock, stepAt, type TimelineStep } from "@vidbridge/core/testing"
import { creditsFor } from "../internal/credits.js"

// The simulated JoggAI account: products, previews, product videos, open projects and
// webhook endpoints, moving through JoggAI's own statuses on the simulator clock.

/** A v2 preview or product video status. */
export type JoggSimStatus = "pending" | "processing" | "completed" | "failed"

/** An `open` project status (the v1 scale): 1 start, 2 waiting, 3 processing, 4 success, 5 failed, 99 deleted. */
export type JoggOpenStatus = 1 | 2 | 3 | 4 | 5 | 99

/** When each status shows, in ms after creation (first step at 0; a failure replaces the last). */
export interface JoggTimelines {
  readonly preview: ReadonlyArray<TimelineStep<JoggSimStatus>>
  readonly video: ReadonlyArray<TimelineStep<JoggSimStatus>>
  readonly open: ReadonlyArray<TimelineStep<"1" | "2" | "3" | "4">>
}

/**
 * The default timelines: previews `processing` -> `completed` after 2.5 minutes; product
 * videos `pending` -> `processing` (20 s) -> `completed` (7 min); open projects 1 -> 2 (10 s)
 * -> 3 (30 s) -> 4 (6 min). Previews then a render finish within 10 simulated minutes.
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
  open: [
    { status: "1", at: 0 },
    { status: "2", at: 10_000 },
    { status: "3", at: 30_000 },
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

const endedAt = (timeline: ReadonlyArray<TimelineStep<string>>, createdAt: number, now: number) => {
  const last = timeline[timeline.length - 1]!
  return now - createdAt >= last.at ? createdAt + last.at : undefined
}

/** The simulator's in-memory state and its clock-driven views. */
export interface JoggStore {
  readonly clock: SimClock
  readonly products: Map<string, SimProduct>
  readonly previews: Map<string, SimPreview>
  readonly videos: Map<string, SimVideo>
  readonly openProjects: Map<string, SimOpenProject>
  readonly endpoints: Map<string, SimEndpoint>
  /** A fresh id with a prefix (`pv_1`, `preview_2`, ...). */
  readonly nextId: (prefix: string) => string
  readonly nextNumber: () => number
  /** The failure the next video (or preview) takes, if one is queued; consumed. */
  readonly takeFailure: (kind: "video" | "preview") => string | undefined
  readonly queueFailure: (kind: "video" | "preview", message: string) => void
  readonly previewView: (preview: SimPreview) => SimView
  readonly videoView: (video: SimVideo) => SimView
  readonly openView: (project: SimOpenProject) => {
    readonly status: JoggOpenStatus
    readonly progress: number
    readonly endedAt: number | undefined
  }
}

/** Makes an empty {@link JoggStore} on `clock`. */
export const makeJoggStore = (clock: SimClock, timelines: JoggTimelines): JoggStore => {
  let counter = 0
  const failures: Record<"video" | "preview", string[]> = { video: [], preview: [] }
  const view = (
    timeline: ReadonlyArray<TimelineStep<JoggSimStatus>>,
    createdAt: number,
    failure: string | undefined,
  ): SimView => {
    const now = clock.now()
    const { step, index, progress } = stepAt(timeline, createdAt, now)
    const ended = endedAt(timeline, createdAt, now)
    const status = failure !== undefined && index === timeline.length - 1 ? "failed" : step.status
    return { status, progress: status === "completed" ? 1 : progress, endedAt: ended }
  }
  return {
    clock,
    products: new Map(),
    previews: new Map(),
    videos: new Map(),
    openProjects: new Map(),
    endpoints: new Map(),
    nextId: (prefix) => `${prefix}${++counter}`,
    nextNumber: () => 3900 + ++counter,
    takeFailure: (kind) => failures[kind].shift(),
    queueFailure: (kind, message) => {
      failures[kind].push(message)
    },
    previewView: (preview) => view(timelines.preview, preview.createdAt, preview.failure),
    videoView: (video) => view(timelines.video, video.createdAt, video.failure),
    openView: (project) => {
      const render = project.render
      if (render === undefined) return { status: 1, progress: 0, endedAt: undefined }
      const now = clock.now()
      const { step, index, progress } = stepAt(timelines.open, render.at, now)
      const failed = render.failure !== undefined && index === timelines.open.length - 1
      return {
        status: failed ? 5 : (Number(step.status) as JoggOpenStatus),
        progress: Math.round(progress * 100),
        endedAt: endedAt(timelines.open, render.at, now),
      }
    },
  }
}

/** Credits of a preview (0.5 per started 2 minutes) or a video (1 per started 2 minutes). */
export const simCredits = (seconds: number, kind: "render" | "preview"): number => creditsFor(seconds, kind)

/** Unix seconds of a clock time, counted from `epochMillis` (the wall time the clock's 0 stands for). */
export const unixSeconds = (epochMillis: number, clockMillis: number): number =>
  Math.floor((epochMillis + clockMillis) / 1000)
