import { hmacSha256Hex } from "@vidbridge/core/adapter"
import { makeWebhookOutbox, type DueWebhook as OutboxWebhook } from "@vidbridge/core/testing"
import * as Effect from "effect/Effect"
import { JOGG_SIGNATURE_HEADER } from "../webhook.js"
import type { JoggStore } from "./store.js"
import { fileUrl } from "./views.js"

/** A JoggAI webhook body: `{event_id, event, timestamp, data}`. */
export interface JoggWebhookEvent {
  readonly event_id: string
  readonly event: string
  readonly timestamp: number
  readonly data: Readonly<Record<string, unknown>>
}

/** One delivery attempt the simulator made. */
export interface JoggWebhookDelivery {
  readonly url: string
  /** The raw body sent (what the signature covers). */
  readonly body: string
  readonly headers: Readonly<Record<string, string>>
  /** The receiver's HTTP status; 0 when it could not be reached. */
  readonly status: number
  /** Clock time (ms) of the attempt. */
  readonly at: number
}

/** `X-Webhook-Signature`: hex HMAC-SHA256 of the raw body keyed with the endpoint secret. */
export const signJoggWebhook = (secret: string, body: string): Promise<string> =>
  Effect.runPromise(hmacSha256Hex(secret, body))

/** A finished job that calls for an event, before it is addressed to receivers. */
interface Finished {
  readonly key: string
  readonly event: string
  readonly endedAt: number
  readonly data: Readonly<Record<string, unknown>>
  /** The per-request `webhook_url`, if the job had one. */
  readonly webhookUrl: string | undefined
}

/**
 * Events for every finished product, avatar and template video (`generated_product_video_*`,
 * `generated_avatar_video_*`, `generated_template_video_*`) and `open` project (`generated_video_*`).
 */
const finishedJobs = (store: JoggStore, origin: string): Finished[] => {
  const out: Finished[] = []
  const videos = [
    ...[...store.videos.values()].map((v) => ({
      video: v,
      view: store.videoView(v),
      event: "product_video",
    })),
    ...[...store.jobVideos.values()].map((v) => ({ video: v, view: store.jobVideoView(v), event: v.kind })),
  ]
  for (const { video, view, event } of videos) {
    if (view.endedAt === undefined || (view.status !== "completed" && view.status !== "failed")) continue
    const success = view.status === "completed"
    out.push({
      key: video.id,
      event: `generated_${event}_${success ? "success" : "failed"}`,
      endedAt: view.endedAt,
      webhookUrl: video.webhookUrl,
      data: success
        ? {
            video_id: video.id,
            status: "completed",
            video_url: fileUrl(origin, video.id, "mp4"),
            cover_url: fileUrl(origin, video.id, "jpg"),
            duration: video.seconds,
          }
        : {
            video_id: video.id,
            status: "failed",
            error: { code: 50000, message: video.failure ?? "Video generation failed" },
          },
    })
  }
  for (const project of store.openProjects.values()) {
    const view = store.openView(project)
    if (view.endedAt === undefined || (view.status !== 4 && view.status !== 5)) continue
    out.push({
      key: project.projectId,
      event: view.status === 4 ? "generated_video_success" : "generated_video_failed",
      endedAt: view.endedAt,
      webhookUrl: undefined,
      data:
        view.status === 4
          ? {
              project_id: project.projectId,
              video_url: fileUrl(origin, project.projectId, "mp4"),
              duration: 30,
            }
          : {
              project_id: project.projectId,
              error: { message: project.render?.failure ?? "Video generation failed" },
            },
    })
  }
  return out.sort((a, b) => a.endedAt - b.endedAt)
}

/** An event addressed to one receiver (`key`: the job and the receiver), with the secret it is signed with. */
export interface DueWebhook extends OutboxWebhook {
  readonly secret: string
  readonly event: string
  readonly data: Readonly<Record<string, unknown>>
}

/** The simulator's webhook side: which events are owed to which receiver, and every attempt. */
export interface SimWebhooks {
  /** Events due now and not yet answered 2xx: for every enabled endpoint subscribed to the event, and per-request `webhook_url`s. */
  readonly due: () => ReadonlyArray<DueWebhook>
  /** POSTs every due event (oldest first), signed; answers the receivers' statuses (0 when unreachable). */
  readonly flush: () => Promise<number[]>
  readonly deliveries: () => ReadonlyArray<JoggWebhookDelivery>
}

/** Makes the {@link SimWebhooks} of a simulator, over core's webhook outbox. */
export const makeSimWebhooks = (options: {
  readonly store: JoggStore
  /** The origin file URLs in payloads point at: where the API was last reached (served loopback or canonical). */
  readonly origin: () => string
  /** The secret per-request `webhook_url` deliveries are signed with. */
  readonly requestSecret: string
  /** Unix seconds of the simulator clock now (the `timestamp` of a delivery). */
  readonly timestamp: () => number
  readonly fetch: typeof fetch
}): SimWebhooks => {
  // One event id per job, whichever receivers it goes to and however often it is sent.
  const eventIds = new Map<string, string>()
  let nextEvent = 0
  const outbox = makeWebhookOutbox<DueWebhook>({
    now: () => options.store.clock.now(),
    fetch: options.fetch,
    message: async (webhook) => {
      const jobKey = webhook.key.split(" ")[0]!
      const eventId = eventIds.get(jobKey) ?? `evt_${String(++nextEvent).padStart(9, "0")}`
      eventIds.set(jobKey, eventId)
      const event: JoggWebhookEvent = {
        event_id: eventId,
        event: webhook.event,
        timestamp: options.timestamp(),
        data: webhook.data,
      }
      const body = JSON.stringify(event)
      const headers = {
        [JOGG_SIGNATURE_HEADER]: await signJoggWebhook(webhook.secret, body),
        "X-Webhook-Event": webhook.event,
        "User-Agent": "JoggAI-Webhook/2.0",
      }
      return { body, headers }
    },
  })
  const owed = (): DueWebhook[] =>
    finishedJobs(options.store, options.origin()).flatMap((job) => {
      const targets = [...options.store.endpoints.values()]
        .filter((e) => e.status === "enabled" && e.events.includes(job.event))
        .map((e) => ({ url: e.url, secret: e.secret }))
      if (job.webhookUrl !== undefined) targets.push({ url: job.webhookUrl, secret: options.requestSecret })
      return targets.map((t) => ({ key: `${job.key} ${t.url}`, ...t, event: job.event, data: job.data }))
    })
  return {
    due: () => outbox.pending(owed()),
    flush: async () => [...(await outbox.flush(owed()))],
    deliveries: () =>
      outbox.attempts().map(({ url, body, headers, status, at }) => ({ url, body, headers, status, at })),
  }
}
