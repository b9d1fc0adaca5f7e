import {
  AuthenticationFailed,
  JobRef,
  type UnexpectedResponse,
  VideoError,
  type VideoJob,
  type VideoJobEvent,
  type WebhookRequest,
} from "@vidbridge/core"
import { parseCallbackBody } from "@vidbridge/core/adapter"
import * as Effect from "effect/Effect"
import type * as Redacted from "effect/Redacted"
import type { CreatifyClientShape } from "./CreatifyClient.js"
import { checkToken, maskTokens, TOKEN_PARAM } from "./internal/callbackToken.js"
import { Kind, linkToVideoJob, PROVIDER_ID, renderJob } from "./internal/mapping.js"
import { type LinkToVideo, WebhookPayload } from "./internal/wire.js"

/** What {@link parseCreatifyWebhook} needs. */
export interface CreatifyWebhookOptions {
  /** The `webhookSecret` the callback URLs were made with (`CREATIFY_WEBHOOK_SECRET`). */
  readonly secret: Redacted.Redacted<string> | string | undefined
  /** The client each delivery is confirmed with: the job is read back from Creatify. */
  readonly client: CreatifyClientShape
}

const fail = (reason: AuthenticationFailed | UnexpectedResponse) =>
  Effect.fail(new VideoError({ provider: PROVIDER_ID, operation: "parseWebhook", reason }))

const refused = (message: string) => fail(new AuthenticationFailed({ message }))

const tokenOf = (url: string): string | undefined => {
  try {
    return new URL(url, "http://localhost").searchParams.get(TOKEN_PARAM) ?? undefined
  } catch {
    return undefined
  }
}

/** Statuses only a render has. */
const RENDERING: ReadonlySet<string> = new Set(["in_queue", "running", "processing", "done"])

/**
 * The stage of a link-to-video callback. The read decides where it can: a render was asked for
 * (`media_job` set, or a status only renders have), or previews wait for a choice. Otherwise
 * (a job that failed, or is queued without previews) the callback's shape: a preview list has
 * `previews`.
 */
const stageOf = (payload: WebhookPayload, read: LinkToVideo): "render" | undefined => {
  if (read.media_job || RENDERING.has(read.status)) return "render"
  if (read.status === "pending" && (read.previews?.length ?? 0) > 0) return undefined
  return "previews" in payload ? undefined : "render"
}

const event = (job: VideoJob): VideoJobEvent => ({
  provider: PROVIDER_ID,
  type: job.vendorStatus,
  job,
  confirmed: true,
})

/**
 * Verifies a Creatify callback, then reports the job as Creatify's API describes it.
 *
 * Creatify signs nothing, so every `webhook_url` the adapter sends carries its own
 * `vb_token=<nonce>.<expiry>.<mac>`: a fresh nonce and an expiry, authenticated with an HMAC
 * keyed by `webhookSecret`. A missing, altered or expired token, or no `webhookSecret`, fails
 * with `AuthenticationFailed` (core's handler answers 401). A token says only that vidbridge made
 * the URL, not what happened, so the body is never reported as is: its `id` is read back from
 * Creatify (`GET /api/link_to_videos/{id}/`, or `/api/custom_template_jobs/{id}/` for a body with
 * `output`) and the event is built from that answer, with `confirmed: true`. When the read fails
 * (`NotFound`, `VendorUnavailable`, ...) the delivery fails with that reason, so core's handler
 * answers non-2xx and Creatify can deliver again.
 *
 * Refs: a template job (a body with `output`) is `creatify:custom_template_job:<id>`. A
 * link-to-video job is `creatify:link_to_video:<id>?stage=render` when the read shows a render
 * asked for (`media_job`, or `in_queue` / `running` / `done`), `creatify:link_to_video:<id>` when
 * it shows previews waiting for a choice; otherwise the body's shape decides (a preview list has
 * `previews`). Creatify may send several callbacks per job.
 *
 * @example
 * ```ts
 * const client = makeCreatifyClient({ apiId, apiKey })
 * const event = yield* parseCreatifyWebhook({ method: "POST", url, headers, body }, { secret, client })
 * if (event.job.status === "awaiting_selection") console.log(event.job.previews)
 * ```
 */
export const parseCreatifyWebhook = (
  request: WebhookRequest,
  options: CreatifyWebhookOptions,
): Effect.Effect<VideoJobEvent, VideoError> =>
  Effect.gen(function* () {
    if (options.secret === undefined) {
      return yield* refused(
        "no webhookSecret is configured, so the callback cannot be verified; set webhookSecret (CREATIFY_WEBHOOK_SECRET) to the value used when the job was created",
      )
    }
    const check = yield* checkToken(options.secret, tokenOf(request.url))
    if (check._tag === "invalid") {
      return yield* refused(
        `the callback URL's ${TOKEN_PARAM} parameter is missing or wrong; check webhookSecret`,
      )
    }
    if (check._tag === "expired") {
      return yield* refused(
        `the callback URL's ${TOKEN_PARAM} expired at ${new Date(check.expiredAt).toISOString()}; callbacks are accepted for webhookTokenTtl (default 14 days) after the request: read the job with getStatus`,
      )
    }
    const payload = yield* parseCallbackBody(request, WebhookPayload, {
      provider: PROVIDER_ID,
      expected: "a Creatify job payload",
      redact: (text) => maskTokens(options.client.redact.text(text)),
    })
    const { client } = options
    if ("output" in payload) {
      const body = yield* client.getCustomTemplateJob(payload.id, "parseWebhook")
      return event(renderJob(body, Kind.customTemplateJob))
    }
    const body = yield* client.getLinkToVideo(payload.id, "parseWebhook")
    const ref = JobRef.make(PROVIDER_ID, Kind.linkToVideo, payload.id, { stage: stageOf(payload, body) })
    return event(linkToVideoJob(body, ref))
  })
