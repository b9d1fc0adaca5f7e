import type { CreatifyStore } from "./store.js"
import { linkToVideoView, previewsJson, renderJobPhase } from "./views.js"

/** A Creatify callback body: preview list, link-to-video render, or custom template job. */
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
  /** Identifies the event (`<job id>:previews`, `<job id>:render`, `<job id>:template`). */
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
 * (`done`, `failed` or `rejected`, with `video_output`); a finished custom template job (with
 * `output`). Only jobs created with a `webhook_url` send callbacks.
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
  for (const job of store.renderJobs("custom_template_job")) {
    const url = job.webhookUrl
    if (url === undefined) continue
    const phase = renderJobPhase(job, store.timeline, now)
    if (phase.endedAt === undefined) continue
    due.push({
      key: `${job.id}:template`,
      jobId: job.id,
      url,
      at: phase.endedAt,
      payload: {
        id: job.id,
        status: phase.status,
        failed_reason: phase.failedReason,
        output: phase.status === "done" ? `${origin}/sim/files/${job.id}.mp4` : null,
      },
    })
  }
  return due.sort((a, b) => a.at - b.at)
}
