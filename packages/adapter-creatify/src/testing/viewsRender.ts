import { type CreatifyTimeline, isoAt, type SimRenderJob } from "./state.js"
import { echo, fileUrls, type RenderPhase, renderPhase } from "./views.js"

// How custom template, AI Avatar v2 and Aurora jobs look at one moment, in Creatify's shapes.

/** A custom template, AI Avatar v2 or Aurora job's phase, and whether a template preview is ready. */
export interface RenderJobPhase extends RenderPhase {
  /** A previewed template job's preview is there (from when it is ready, through its render). */
  readonly previewReady: boolean
  /** The final video is there. */
  readonly videoReady: boolean
}

/**
 * Where a job is at `now`. A template preview is `pending` until `timeline.previewsReadyAt`, then
 * `done` with its preview (or its injected ending); once a render was asked for, the render moves
 * on the template timeline. Every other job moves on the template timeline from its creation.
 */
export const renderJobPhase = (
  job: SimRenderJob,
  timeline: CreatifyTimeline,
  now: number,
): RenderJobPhase => {
  if (job.mode === "direct") {
    const phase = renderPhase(timeline.template, job.createdAt, now, job.ending)
    return { ...phase, previewReady: false, videoReady: phase.status === "done" }
  }
  if (job.render !== undefined) {
    const phase = renderPhase(timeline.template, job.render.startedAt, now, job.render.ending)
    return { ...phase, previewReady: true, videoReady: phase.status === "done" }
  }
  const readyAt = job.createdAt + timeline.previewsReadyAt
  if (now < readyAt) {
    const progress = Math.min(1, (now - job.createdAt) / Math.max(1, timeline.previewsReadyAt))
    return {
      status: "pending",
      progress,
      endedAt: undefined,
      failedReason: null,
      previewReady: false,
      videoReady: false,
    }
  }
  const ending = job.ending
  return {
    status: ending?.status ?? "done",
    progress: 1,
    endedAt: readyAt,
    failedReason: ending?.reason ?? null,
    previewReady: ending === undefined,
    videoReady: false,
  }
}

/**
 * A custom template job (`/api/custom_template_jobs/`), an AI Avatar v2 job (`/api/lipsyncs_v2/`,
 * video in `output`, `progress` a string) or an Aurora job (`/api/aurora/`) as Creatify shows it.
 */
export const renderJobJson = (
  job: SimRenderJob,
  phase: RenderJobPhase,
  origin: string,
  now: number,
  epoch?: number,
) => {
  const urls = fileUrls(origin, job.id)
  const video = phase.videoReady ? urls.video : null
  const common = {
    id: job.id,
    created_at: isoAt(job.createdAt, epoch),
    updated_at: isoAt(Math.max(job.createdAt, now), epoch),
    name: echo(job.body, "name"),
    media_job: job.mediaJob,
    preview: phase.previewReady || phase.videoReady ? urls.preview(job.mediaJob) : null,
    editor_url: phase.videoReady ? urls.editor : null,
    failed_reason: phase.failedReason,
    credits_used: job.credits,
    duration: phase.videoReady ? job.seconds : null,
    status: phase.status,
    webhook_url: job.webhookUrl ?? null,
    model_version: job.modelVersion,
  }
  const progress = Math.round(phase.progress * 100) / 100
  switch (job.kind) {
    case "aurora":
      return {
        ...common,
        video_output: video,
        progress,
        is_hidden: false,
        audio: echo(job.body, "audio"),
        image: echo(job.body, "image"),
        text_prompt: echo(job.body, "text_prompt"),
        prompt_guidance_scale: echo(job.body, "prompt_guidance_scale") ?? 1,
      }
    case "lipsync_v2":
      return {
        ...common,
        output: video,
        video_thumbnail: phase.videoReady ? urls.thumbnail : null,
        progress: String(progress),
        aspect_ratio: echo(job.body, "aspect_ratio") ?? "16x9",
        video_inputs: echo(job.body, "video_inputs"),
      }
    default:
      return {
        ...common,
        video_output: video,
        progress,
        variables: job.body.variables ?? {},
        is_hidden: job.body.is_hidden === true,
      }
  }
}
