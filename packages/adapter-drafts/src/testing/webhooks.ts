import { hmacSha256Hex } from "@vidbridge/core/adapter"
import {
  type DueWebhook,
  makeWebhookOutbox,
  type SimClock,
  type WebhookOutbox,
} from "@vidbridge/core/testing"
import * as Effect from "effect/Effect"
import { HOURONE_SIGNATURE_HEADER } from "../webhook.js"
import type { SimVideo, SimView } from "./state.js"
import type { DraftsStore } from "./store.js"

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

/** The event a video owes (one per video, keyed by its id), with the time it became due. */
export interface DueEvent extends DueWebhook {
  readonly video: SimVideo
  readonly event: DraftsWebhookEvent
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

/** Every event the store's videos call for now, for `url`, oldest first. */
export const dueEvents = (store: DraftsStore, url: string): Array<DueEvent> =>
  store
    .all()
    .flatMap((video) => {
      const view = store.view(video)
      const event = eventFor(video, view)
      return event === undefined ? [] : [{ key: video.id, url, video, event, at: view.endedAt ?? 0 }]
    })
    .sort((a, b) => a.at - b.at)

/** The `x-hourone-signature` of a raw body: hex HMAC-SHA256 keyed with the signing secret. */
export const signWebhookBody = (secret: string, body: string): Promise<string> =>
  Effect.runPromise(hmacSha256Hex(secret, body))

/** Core's webhook outbox, posting each event as JSON signed with `secret`. */
export const makeDraftsOutbox = (
  secret: string,
  clock: SimClock,
  fetchImpl: typeof fetch | undefined,
): WebhookOutbox<DueEvent> =>
  makeWebhookOutbox<DueEvent>({
    message: async ({ event }) => {
      const body = JSON.stringify(event)
      return { body, headers: { [HOURONE_SIGNATURE_HEADER]: await signWebhookBody(secret, body) } }
    },
    now: () => clock.now(),
    fetch: fetchImpl,
  })

/** The outbox's attempts as Hour One deliveries (video id and signature named). */
export const deliveriesOf = (outbox: WebhookOutbox<DueEvent>): ReadonlyArray<WebhookDelivery> =>
  outbox.attempts().map((attempt) => ({
    videoId: attempt.webhook.video.id,
    url: attempt.url,
    body: attempt.body,
    signature: attempt.headers[HOURONE_SIGNATURE_HEADER] ?? "",
    status: attempt.status,
    at: attempt.at,
  }))
