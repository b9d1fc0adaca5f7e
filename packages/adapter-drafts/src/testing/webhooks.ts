import { hmacSha256Hex } from "@vidbridge/core/adapter"
import { deliverWebhook } from "@vidbridge/core/testing"
import * as Effect from "effect/Effect"
import { HOURONE_SIGNATURE_HEADER } from "../webhook.js"
import type { SimVideo, SimView } from "./state.js"

/** An Hour One callback body (`WebHookEvent`). */
export interface DraftsWebhookEvent {
  readonly event_name: "video.ready" | "video.failed"
  readonly data: {
    readonly id: string
    readonly req_id: string
    readonly draft_id: string
    readonly status: "ready" | "failed"
  }
}

/** One delivery attempt the simulator made. */
export interface WebhookDelivery {
  readonly videoId: string
  readonly url: string
  /** The raw body sent (what the signature covers). */
  readonly body: string
  /** The `x-hourone-signature` header sent. */
  readonly signature: string
  /** The receiver's HTTP status; 0 when it could not be reached. */
  readonly status: number
  /** Clock time (ms) of the attempt. */
  readonly at: number
}

/**
 * The event a video in `view` calls for: `video.ready` for `ready`, `video.failed` for
 * `failed`; none otherwise (Hour One has no events for `stopped` / `cancelled`).
 */
export const eventFor = (video: SimVideo, view: SimView): DraftsWebhookEvent | undefined => {
  if (view.status !== "ready" && view.status !== "failed") return undefined
  return {
    event_name: view.status === "ready" ? "video.ready" : "video.failed",
    data: { id: video.id, req_id: video.reqId, draft_id: video.draftId, status: view.status },
  }
}

/** The `x-hourone-signature` of a raw body: hex HMAC-SHA256 keyed with the signing secret. */
export const signWebhookBody = (secret: string, body: string): Promise<string> =>
  Effect.runPromise(hmacSha256Hex(secret, body))

/** Webhook bookkeeping: which videos were notified, and every attempt. */
export interface WebhookOutbox {
  /**
   * Sends every due event to `url`, one after another (oldest first), signed with the
   * secret. A 2xx marks the event delivered; anything else leaves it due for the next flush.
   * Answers the receivers' statuses in order (0 when unreachable).
   */
  readonly flush: (
    due: ReadonlyArray<{ readonly video: SimVideo; readonly event: DraftsWebhookEvent }>,
    url: string,
    at: number,
  ) => Promise<number[]>
  /** Whether the event of a video was delivered (or is being delivered). */
  readonly isSettled: (videoId: string) => boolean
  readonly deliveries: () => ReadonlyArray<WebhookDelivery>
}

/** Makes an empty {@link WebhookOutbox} signing with `secret` and posting with `fetchImpl`. */
export const makeWebhookOutbox = (secret: string, fetchImpl?: typeof fetch): WebhookOutbox => {
  const delivered = new Set<string>()
  const inFlight = new Set<string>()
  const log: WebhookDelivery[] = []
  return {
    isSettled: (id) => delivered.has(id) || inFlight.has(id),
    deliveries: () => log,
    flush: async (due, url, at) => {
      const pending = due.filter(({ video }) => !delivered.has(video.id) && !inFlight.has(video.id))
      for (const { video } of pending) inFlight.add(video.id)
      const statuses: number[] = []
      try {
        for (const { video, event } of pending) {
          const body = JSON.stringify(event)
          const signature = await signWebhookBody(secret, body)
          const status = await deliverWebhook(url, body, { [HOURONE_SIGNATURE_HEADER]: signature }, fetchImpl)
          log.push({ videoId: video.id, url, body, signature, status, at })
          if (status >= 200 && status < 300) delivered.add(video.id)
          inFlight.delete(video.id)
          statuses.push(status)
        }
      } finally {
        for (const { video } of pending) inFlight.delete(video.id)
      }
      return statuses
    },
  }
}
