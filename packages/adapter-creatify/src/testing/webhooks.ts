import { deliverWebhook } from "@vidbridge/core/testing"
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

/** Webhook bookkeeping: which events were delivered, and every attempt. */
export interface WebhookOutbox {
  /**
   * POSTs every due event not yet delivered, one after another, and answers the receivers'
   * statuses in order (0 when unreachable). A 2xx marks the event delivered; anything else
   * leaves it due for the next flush.
   */
  readonly flush: (due: ReadonlyArray<DueWebhook>, at: number) => Promise<number[]>
  /** Whether an event was delivered (or is being delivered). */
  readonly isSettled: (key: string) => boolean
  readonly deliveries: () => ReadonlyArray<WebhookDelivery>
}

/** Makes an empty {@link WebhookOutbox} posting with `fetchImpl` (no signature: Creatify signs nothing). */
export const makeWebhookOutbox = (fetchImpl?: typeof fetch): WebhookOutbox => {
  const delivered = new Set<string>()
  const inFlight = new Set<string>()
  const log: WebhookDelivery[] = []
  return {
    isSettled: (key) => delivered.has(key) || inFlight.has(key),
    deliveries: () => log,
    flush: async (due, at) => {
      const pending = due.filter((d) => !delivered.has(d.key) && !inFlight.has(d.key))
      for (const d of pending) inFlight.add(d.key)
      const statuses: number[] = []
      try {
        for (const d of pending) {
          const body = JSON.stringify(d.payload)
          const status = await deliverWebhook(d.url, body, {}, fetchImpl)
          log.push({ key: d.key, jobId: d.jobId, url: d.url, body, status, at })
          if (status >= 200 && status < 300) delivered.add(d.key)
          inFlight.delete(d.key)
          statuses.push(status)
        }
      } finally {
        for (const d of pending) inFlight.delete(d.key)
      }
      return statuses
    },
  }
}
