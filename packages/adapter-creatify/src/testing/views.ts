import { stepAt } from "@vidbridge/core/testing"
import {
  type CreatifyRenderTimeline,
  type CreatifySimStatus,
  type CreatifyTimeline,
  isoAt,
  type SimEnding,
  type SimLink,
  type SimLinkToVideo,
  type SimScriptJob,
} from "./state.js"

/** Where simulated files live, below the origin a request reached the simulator at. */
export const fileUrls = (origin: string, id: string) => ({
  video: `${origin}/sim/files/${id}.mp4`,
  thumbnail: `${origin}/sim/files/${id}.jpg`,
  preview: (mediaJob: string) => `${origin}/sim/preview/${mediaJob}`,
  editor: `${origin}/sim/editor/${id}`,
})

/** A render step at `now`: status, progress 0..1 and, once finished, when it finished. */
export interface RenderPhase {
  readonly status: CreatifySimStatus
  readonly progress: number
  /** Clock time (ms) the render finished (done, failed or rejected); undefined while it runs. */
  readonly endedAt: number | undefined
  readonly failedReason: string | null
}

/** Where a render started at `startedAt` is at `now`; an injected ending replaces `done`. */
export const renderPhase = (
  timeline: CreatifyRenderTimeline,
  startedAt: number,
  now: number,
  ending: SimEnding | undefined,
): RenderPhase => {
  const { step, index, progress } = stepAt(timeline, startedAt, now)
  if (index < timeline.length - 1)
    return { status: step.status, progress, endedAt: undefined, failedReason: null }
  const endedAt = startedAt + step.at
  return ending === undefined
    ? { status: "done", progress: 1, endedAt, failedReason: null }
    : { status: ending.status, progress, endedAt, failedReason: ending.reason }
}

/** A link in Creatify's `Link` shape: `{id, url, link{...}, credits_used}`. */
export const linkJson = (link: SimLink) => ({
  id: link.id,
  url: link.url,
  link: {
    id: link.id,
    url: link.url,
    title: link.title,
    description: link.description,
    image_urls: link.image_urls,
    video_urls: link.video_urls,
    logo_url: link.logo_url,
    reviews: link.reviews,
    ai_industry: "Retail",
    ai_target_audiences: ["Online shoppers"],
    ai_summary: link.title === null ? null : `${link.title}: ${link.description ?? "a product"}`,
  },
  credits_used: link.credits,
})

/** What a link-to-video job looks like at one moment, with the instant its webhook events are due. */
export interface LinkToVideoView {
  readonly status: CreatifySimStatus
  readonly stage: "previews" | "render"
  readonly previewsReady: boolean
  /** Clock time (ms) the preview step finished (previews listed, or the job failed there). */
  readonly previewsEndedAt: number | undefined
  /** The render's phase, once a render was asked for (or for a direct render). */
  readonly render: RenderPhase | undefined
  readonly failedReason: string | null
  /** 0..1: the preview step's share of time passed, then the render's. */
  readonly progress: number
}

/** The state of a link-to-video job at `now`. */
export const linkToVideoView = (
  job: SimLinkToVideo,
  timeline: CreatifyTimeline,
  now: number,
): LinkToVideoView => {
  if (job.mode === "direct" || job.render !== undefined) {
    const render = job.render
    const phase =
      render === undefined
        ? { status: "pending" as const, progress: 0, endedAt: undefined, failedReason: null }
        : renderPhase(timeline.render, render.startedAt, now, render.ending)
    return {
      status: phase.status,
      stage: "render",
      previewsReady: job.mode === "previews",
      previewsEndedAt: job.mode === "previews" ? job.createdAt + timeline.previewsReadyAt : undefined,
      render: phase,
      failedReason: phase.failedReason,
      progress: phase.progress,
    }
  }
  const readyAt = job.createdAt + timeline.previewsReadyAt
  if (now < readyAt) {
    return {
      status: "pending",
      stage: "previews",
      previewsReady: false,
      previewsEndedAt: undefined,
      render: undefined,
      failedReason: null,
      progress: Math.min(1, (now - job.createdAt) / Math.max(1, timeline.previewsReadyAt)),
    }
  }
  const ending = job.previewEnding
  return {
    status: ending?.status ?? "pending",
    stage: "previews",
    previewsReady: ending === undefined,
    previewsEndedAt: readyAt,
    render: undefined,
    failedReason: ending?.reason ?? null,
    progress: 1,
  }
}

/** The previews of a job as Creatify lists them: `{media_job, visual_style, aspect_ratio, url, editor_url, duration}`. */
export const previewsJson = (job: SimLinkToVideo, view: LinkToVideoView, origin: string) =>
  view.previewsReady
    ? job.previews.map((p) => ({
        ...p,
        url: fileUrls(origin, job.id).preview(p.media_job),
        editor_url: `${origin}/sim/editor/${p.media_job}`,
        duration: job.videoLength,
      }))
    : []

export const echo = (body: Readonly<Record<string, unknown>>, key: string): unknown => body[key] ?? null

/** A link-to-video job in Creatify's Link-to-Video shape (`progress` is a string, as documented). */
export const linkToVideoJson = (
  job: SimLinkToVideo,
  view: LinkToVideoView,
  origin: string,
  now: number,
  epoch?: number,
) => {
  const urls = fileUrls(origin, job.id)
  const render = job.render
  const phase = view.render
  const done = phase?.status === "done"
  const credits = job.previewCredits + (render?.credits ?? 0)
  const outputs =
    render === undefined || phase === undefined
      ? []
      : [
          {
            media_job: render.mediaJob,
            visual_style: render.visualStyle,
            aspect_ratio: render.aspectRatio,
            duration: job.videoLength,
            video_output: done ? urls.video : null,
            video_thumbnail: done ? urls.thumbnail : null,
            status: phase.status,
            progress: Math.round(phase.progress * 100),
            failed_reason: phase.failedReason,
          },
        ]
  return {
    id: job.id,
    name: echo(job.body, "name"),
    target_platform: echo(job.body, "target_platform"),
    target_audience: echo(job.body, "target_audience"),
    language: echo(job.body, "language") ?? "en",
    video_length: job.videoLength,
    aspect_ratio: render?.aspectRatio ?? echo(job.body, "aspect_ratio") ?? "16x9",
    script_style: echo(job.body, "script_style"),
    visual_style: render?.visualStyle ?? echo(job.body, "visual_style"),
    override_avatar: echo(job.body, "override_avatar"),
    override_voice: echo(job.body, "override_voice"),
    override_script: echo(job.body, "override_script"),
    background_music_url: echo(job.body, "background_music_url"),
    background_music_volume: echo(job.body, "background_music_volume"),
    voiceover_volume: echo(job.body, "voiceover_volume"),
    webhook_url: job.webhookUrl ?? null,
    link: job.link,
    media_job: render?.mediaJob ?? null,
    status: view.status,
    failed_reason: view.failedReason,
    is_hidden: job.body.is_hidden === true,
    video_output: done ? urls.video : null,
    video_thumbnail: done ? urls.thumbnail : null,
    outputs,
    credits_used: credits,
    duration: done ? job.videoLength : null,
    progress: String(Math.round(view.progress * 100)),
    no_background_music: job.body.no_background_music === true,
    no_caption: job.body.no_caption === true,
    no_emotion: job.body.no_emotion === true,
    no_cta: job.body.no_cta === true,
    no_stock_broll: job.body.no_stock_broll === true,
    preview: null,
    previews: previewsJson(job, view, origin),
    editor_url: done ? urls.editor : null,
    caption_style: echo(job.body, "caption_style"),
    caption_setting: echo(job.body, "caption_setting"),
    created_at: isoAt(job.createdAt, epoch),
    updated_at: isoAt(Math.max(job.createdAt, now), epoch),
  }
}

/** An AI script job at `now`: finished scripts, or `pending` with none yet. */
export const scriptJobJson = (job: SimScriptJob, timeline: CreatifyTimeline, now: number, epoch?: number) => {
  const ready = !job.pending || now - job.createdAt >= timeline.scriptsReadyAt
  const ended = ready ? job.ending : undefined
  return {
    id: job.id,
    language: echo(job.body, "language") ?? "en",
    target_audience: echo(job.body, "target_audience"),
    video_length: echo(job.body, "video_length") ?? 30,
    script_styles: job.scripts.map((s) => s.script_style),
    generated_scripts: ready && ended === undefined ? job.scripts : [],
    failed_reason: ended?.reason ?? null,
    status: ended?.status ?? (ready ? "done" : "pending"),
    created_at: isoAt(job.createdAt, epoch),
    updated_at: isoAt(Math.max(job.createdAt, now), epoch),
    // The product the scripts are for, from the title, description and URL sent.
    product: {
      id: echo(job.body, "link"),
      title: echo(job.body, "title"),
      description: echo(job.body, "description"),
      url: echo(job.body, "url"),
      created_with: "link_to_video",
    },
    credits_used: job.credits,
  }
}
