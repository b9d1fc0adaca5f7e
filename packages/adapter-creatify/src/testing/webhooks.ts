import type { CreatifyStore } from "./store.js"
import { linkToVideoView, previewsJson } from "./views.js"
import { renderJobPhase } from "./viewsRender.js"

/**
 * A Creatify callback body: preview list; link-to-video render, custom template job made directly
 * or Aurora job (`video_output`); a custom template preview or render, or an AI Avatar v2 job (`output`).
 */
export type CreatifyWebhookPayload =
  | {
      readonly id: string
      readonly status: string
      readonly failed_reason: string | null
      readonly previews: ReadonlyArray<Record<string, unknown>>
    }
  | {
      readonly id: string
      readonly status: string
      readonly failed_reason: string | null
      readonly video_output: string | null
    }
  | {
      readonly id: string
      readonly status: string
      readonly failed_reason: string | null
      readonly output: string | null
    }

/** A callback that is due: the job's `webhook_url` (with the adapter's token, kept as sent) and the body. */
export interface DueWebhook {
  /** Identifies the event (`<job id>:previews`, `<job id>:render`). */
  readonly key: string
  readonly jobId: string
  readonly url: string
  /** Clock time (ms) the event happened. */
  readonly at: number
  readonly payload: CreatifyWebhookPayload
}

/** One delivery attempt the simulator made. */
export interface WebhookDelivery {
  readonly key: string
  readonly jobId: string
  readonly url: string
  /** The raw JSON body sent. */
  readonly body: string
  /** The receiver's HTTP status; 0 when it could not be reached. */
  readonly status: number
  /** Clock time (ms) of the attempt. */
  readonly at: number
}

/**
 * Every callback the jobs of `store` call for at `origin` now, oldest first: a preview list whose
 * previews are ready (status `pending`, with `previews`) or that failed there; a finished render
 * (`done`, `failed` or `rejected`, with `video_output`); a custom template preview that is ready or
 * failed, and its render when finished (with `output`; a template job made directly reports
 * `video_output`, as Creatify's create page documents); a finished AI Avatar v2 job (`output`) or
 * Aurora job (`video_output`). Only jobs with a `webhook_url` send callbacks, to the job's current one.
 */
export const dueWebhooks = (store: CreatifyStore, origin: string): DueWebhook[] => {
  const now = store.clock.now()
  const due: DueWebhook[] = []
  for (const job of store.linkToVideos()) {
    const url = job.webhookUrl
    if (url === undefined) continue
    const view = linkToVideoView(job, store.timeline, now)
    if (job.mode === "previews" && view.previewsEndedAt !== undefined && view.previewsEndedAt <= now) {
      const ended = view.stage === "previews" && !view.previewsReady
      due.push({
        key: `${job.id}:previews`,
        jobId: job.id,
        url,
        at: view.previewsEndedAt,
        payload: {
          id: job.id,
          status: ended ? view.status : "pending",
          failed_reason: ended ? view.failedReason : null,
          previews: ended ? [] : previewsJson(job, { ...view, previewsReady: true }, origin),
        },
      })
    }
    const render = view.render
    if (render?.endedAt !== undefined) {
      due.push({
        key: `${job.id}:render`,
        jobId: job.id,
        url,
        at: render.endedAt,
        payload: {
          id: job.id,
          status: render.status,
          failed_reason: render.failedReason,
          video_output: render.status === "done" ? `${origin}/sim/files/${job.id}.mp4` : null,
        },
      })
    }
  }
  for (const job of store.renderJobs()) {
    const url = job.webhookUrl
    if (url === undefined) continue
    const video = `${origin}/sim/files/${job.id}.mp4`
    const base = { jobId: job.id, url }
    if (job.mode === "preview") {
      const previewedAt = job.createdAt + store.timeline.previewsReadyAt
      if (previewedAt <= now) {
        const ended = job.ending
        due.push({
          ...base,
          key: `${job.id}:previews`,
          at: previewedAt,
          payload: {
            id: job.id,
            status: ended?.status ?? "done",
            failed_reason: ended?.reason ?? null,
            output: null,
          },
        })
      }
      if (job.render === undefined) continue
    }
    const phase = renderJobPhase(job, store.timeline, now)
    if (phase.endedAt === undefined) continue
    const output = phase.status === "done" ? video : null
    const videoField = job.kind === "lipsync_v2" || job.mode === "preview" ? "output" : "video_output"
    due.push({
      ...base,
      key: `${job.id}:render`,
      at: phase.endedAt,
      payload: {
        id: job.id,
        status: phase.status,
        failed_reason: phase.failedReason,
        [videoField]: output,
      } as CreatifyWebhookPayload,
    })
  }
  return due.sort((a, b) => a.at - b.at)
}
