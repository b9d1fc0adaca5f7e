import type { TimelineStep } from "@vidbridge/core/testing"

/** Every job status the simulator shows (Creatify's documented job statuses). */
export type CreatifySimStatus = "pending" | "in_queue" | "running" | "done" | "failed" | "rejected"

/** The statuses a job reaches only by injection (`rejectNext`, `failNext`): moderation and failure. */
export type CreatifyEndStatus = "failed" | "rejected"

/** The statuses a render moves through on its own. */
export type CreatifyRunStatus = "pending" | "in_queue" | "running" | "done"

/** When a render shows each status, in milliseconds after it started; starts at 0, ends with `done`. */
export type CreatifyRenderTimeline = ReadonlyArray<TimelineStep<CreatifyRunStatus>>

/** How long things take on the simulator's clock. */
export interface CreatifyTimeline {
  /** Milliseconds after `preview_list_async` until the job lists its previews. */
  readonly previewsReadyAt: number
  /** The life of a link-to-video render (`render_single_preview` or the direct `POST /api/link_to_videos/`). */
  readonly render: CreatifyRenderTimeline
  /** The life of a custom template job (or its render after a preview), an AI Avatar v2 or an Aurora job. */
  readonly template: CreatifyRenderTimeline
  /** Milliseconds until a pending AI script job (option `pendingScripts`) is `done`. */
  readonly scriptsReadyAt: number
}

/**
 * The default timing: previews after 2 min; a render `in_queue`, `running` after 30 s, `done`
 * after 4 min; a template job `pending`, `in_queue` after 5 s, `running` after 30 s, `done` after
 * 3 min; pending scripts done after 20 s. The whole URL-to-video flow takes 6 simulated minutes.
 */
export const defaultTimeline: CreatifyTimeline = {
  previewsReadyAt: 120_000,
  render: [
    { status: "in_queue", at: 0 },
    { status: "running", at: 30_000 },
    { status: "done", at: 240_000 },
  ],
  template: [
    { status: "pending", at: 0 },
    { status: "in_queue", at: 5_000 },
    { status: "running", at: 30_000 },
    { status: "done", at: 180_000 },
  ],
  scriptsReadyAt: 20_000,
}

const checkSteps = (name: string, steps: CreatifyRenderTimeline): CreatifyRenderTimeline => {
  const first = steps[0]
  const last = steps[steps.length - 1]
  if (first === undefined || last === undefined)
    throw new TypeError(`timeline.${name}: needs at least one step`)
  if (first.at !== 0) throw new TypeError(`timeline.${name}: the first step must be at 0`)
  if (last.status !== "done") throw new TypeError(`timeline.${name}: the last step must be "done"`)
  steps.forEach((step, i) => {
    const before = steps[i - 1]
    if (before !== undefined && step.at < before.at) {
      throw new TypeError(`timeline.${name}: step ${i} (${step.status}) is earlier than the step before it`)
    }
  })
  return steps
}

/**
 * Completes a partial timeline with {@link defaultTimeline} and checks it: render and template
 * steps start at 0, do not go back in time and end with `done`; delays are not negative.
 * Throws a `TypeError` naming the problem.
 */
export const resolveTimeline = (partial: Partial<CreatifyTimeline> = {}): CreatifyTimeline => {
  const timeline = { ...defaultTimeline, ...partial }
  for (const key of ["previewsReadyAt", "scriptsReadyAt"] as const) {
    if (!(timeline[key] >= 0)) throw new TypeError(`timeline.${key}: must be 0 or more milliseconds`)
  }
  return {
    ...timeline,
    render: checkSteps("render", timeline.render),
    template: checkSteps("template", timeline.template),
  }
}

/** A job as the simulator sees it now (for assertions). */
export interface CreatifySimJob {
  readonly id: string
  readonly kind: "link_to_video" | "custom_template_job" | "aurora" | "lipsync_v2"
  readonly status: CreatifySimStatus
  /** `previews` until a render was asked for (link-to-video preview lists, custom template previews), else `render`. */
  readonly stage: "previews" | "render"
  /** Clock time (ms) of creation. */
  readonly createdAt: number
  readonly creditsUsed: number
  /** The `webhook_url` the job was created with (the adapter's per-request `vb_token` included). */
  readonly webhookUrl: string | undefined
  /** The accepted request body. */
  readonly body: Readonly<Record<string, unknown>>
  /** The previews the job has or will have (link-to-video preview lists). */
  readonly previews: ReadonlyArray<SimPreview>
  /** The `failed_reason` of a job that ended `failed` or `rejected`. */
  readonly failedReason: string | undefined
}

/** A link (product) as the simulator holds it. */
export interface CreatifySimLink {
  readonly id: string
  readonly url: string | null
  readonly title: string | null
  readonly description: string | null
  readonly imageUrls: ReadonlyArray<string>
  readonly videoUrls: ReadonlyArray<string>
  readonly createdWith: "url" | "params"
  readonly creditsUsed: number
}

/** An injected end: the job shows `status` with `failed_reason` where it would have finished. */
export interface SimEnding {
  readonly status: CreatifyEndStatus
  readonly reason: string
}

/**
 * Which step an injected ending applies to: a preview (a link-to-video preview list, a custom
 * template preview), a render (or a direct template, AI Avatar v2 or Aurora job), or an AI script job.
 */
export type EndingStage = "previews" | "render" | "scripts"

/** A link (product) the simulator holds. */
export interface SimLink {
  readonly id: string
  url: string | null
  title: string | null
  description: string | null
  image_urls: ReadonlyArray<string>
  video_urls: ReadonlyArray<string>
  logo_url: string | null
  reviews: unknown
  readonly createdWith: "url" | "params"
  readonly credits: number
  /** Clock time (ms) of creation. */
  readonly createdAt: number
}

/** One preview of a preview-list job. */
export interface SimPreview {
  readonly media_job: string
  readonly visual_style: string
  readonly aspect_ratio: string
}

/** A render of a link-to-video job. */
export interface SimRender {
  readonly mediaJob: string
  readonly visualStyle: string | null
  readonly aspectRatio: string
  /** Clock time (ms) the render was asked for. */
  readonly startedAt: number
  readonly credits: number
  readonly ending: SimEnding | undefined
}

/** A link-to-video job: a preview list (`preview_list_async`) or a direct render. */
export interface SimLinkToVideo {
  readonly id: string
  readonly mode: "previews" | "direct"
  /** Clock time (ms) of creation. */
  readonly createdAt: number
  /** The accepted request body (echoed on reads). */
  readonly body: Readonly<Record<string, unknown>>
  readonly link: string
  readonly videoLength: number
  readonly webhookUrl: string | undefined
  /** The previews the job lists once they are ready (empty for a direct render). */
  readonly previews: ReadonlyArray<SimPreview>
  readonly previewCredits: number
  /** An injected end of the preview step. */
  readonly previewEnding: SimEnding | undefined
  render: SimRender | undefined
}

/** The render of a previewed custom template job. */
export interface SimTemplateRender {
  /** Clock time (ms) the render was asked for. */
  readonly startedAt: number
  readonly credits: number
  readonly ending: SimEnding | undefined
}

/** A custom template job (direct, or a preview to render), an AI Avatar v2 job or an Aurora job. */
export interface SimRenderJob {
  readonly id: string
  readonly kind: "custom_template_job" | "aurora" | "lipsync_v2"
  /** `preview`: a custom template job made by `preview_async`, rendered by `.../{id}/render/`. */
  readonly mode: "direct" | "preview"
  readonly createdAt: number
  /** The accepted request body (echoed on reads); a render replaces its name and callback URL. */
  body: Readonly<Record<string, unknown>>
  readonly mediaJob: string
  modelVersion: string
  readonly seconds: number
  /** Credits charged so far (the preview, then the render too). */
  credits: number
  webhookUrl: string | undefined
  /** An injected end of the job (direct) or of its preview (preview mode). */
  readonly ending: SimEnding | undefined
  /** The render of a previewed job, once asked for. */
  render: SimTemplateRender | undefined
}

/** One script of an AI script job. */
export interface SimScript {
  readonly paragraphs: string
  readonly script_name: string
  readonly script_style: string
  readonly title: string
}

/** An AI script job. */
export interface SimScriptJob {
  readonly id: string
  readonly createdAt: number
  readonly body: Readonly<Record<string, unknown>>
  /** `false`: finished when created; `true`: `pending` until `scriptsReadyAt`. */
  readonly pending: boolean
  readonly scripts: ReadonlyArray<SimScript>
  readonly credits: number
  /** An injected end (`rejectNext(reason, "scripts")`): the job shows it where it would have finished. */
  readonly ending: SimEnding | undefined
}

/** Kinds of ids the simulator hands out; each has its own UUID prefix so ids are easy to tell apart. */
export const IdKind = {
  link: "11111111",
  linkToVideo: "22222222",
  mediaJob: "33333333",
  script: "44444444",
  template: "55555555",
  aurora: "66666666",
  lipsync: "77777777",
} as const

/** A deterministic UUID-shaped id: the kind's prefix and a counter. */
export const makeId = (kind: (typeof IdKind)[keyof typeof IdKind], n: number): string =>
  `${kind}-0000-4000-8000-${n.toString(16).padStart(12, "0")}`

/** The calendar time simulated clock 0 stands for (ISO timestamps in answers) unless told otherwise. */
export const EPOCH = Date.UTC(2026, 0, 1)

/** An ISO-8601 timestamp for a simulated clock time, clock 0 being `epoch` (epoch ms). */
export const isoAt = (millis: number, epoch = EPOCH): string => new Date(epoch + millis).toISOString()

/**
 * Credits the simulator charges, from Creatify's published rules (vendors/creatify.md §9).
 * Where the vendor states nothing the simulator's own convention is noted.
 */
export const CREATIFY_PRICES = {
  /** `POST /api/links/link_with_params/` (documented). */
  linkWithParams: 1,
  /** `POST /api/links/` scrape: not stated by Creatify; the simulator charges like `link_with_params`. */
  linkFromUrl: 1,
  /** `POST /api/ai_scripts/`: about 1 credit (third-party notes). */
  aiScripts: 1,
} as const

const blocks = (seconds: number) => Math.ceil(seconds / 30)

/** A preview: 1 credit per 30 s of video length per preview (`count`: one per style and aspect ratio). */
export const previewCredits = (seconds: number, count = 1): number => blocks(seconds) * count

/** Per-second models; partial seconds round up. `undefined` otherwise (`aurora_v2` at its default 720p). */
const perSecond = (seconds: number, modelVersion: string | undefined): number | undefined => {
  const rate =
    modelVersion === "aurora_v1"
      ? 1
      : modelVersion === "aurora_v1_fast"
        ? 0.5
        : modelVersion === "aurora_v2"
          ? 0.7
          : undefined
  return rate === undefined ? undefined : Math.ceil(seconds) * rate
}

/** A link-to-video render or the render of a previewed template: 4 credits per 30 s (`standard`), or the Aurora per-second rates. */
export const renderCredits = (seconds: number, modelVersion: string | undefined): number =>
  perSecond(seconds, modelVersion) ?? blocks(seconds) * 4

/** A custom template render or an AI Avatar v2 video: `standard` 5 credits per 30 s, `aurora_v1` 1/s, `aurora_v1_fast` 0.5/s. */
export const templateCredits = (seconds: number, modelVersion: string | undefined): number =>
  perSecond(seconds, modelVersion) ?? blocks(seconds) * 5

/** An Aurora video: per second of audio, `aurora_v1` (the default) 1, `aurora_v1_fast` 0.5, `aurora_v2` 0.7. */
export const auroraCredits = (seconds: number, modelVersion: string | undefined): number =>
  perSecond(seconds, modelVersion ?? "aurora_v1") ?? Math.ceil(seconds)
