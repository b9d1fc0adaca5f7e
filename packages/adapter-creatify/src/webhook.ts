import {
  AuthenticationFailed,
  JobRef,
  VideoError,
  type VideoJob,
  type VideoJobEvent,
  type WebhookRequest,
} from "@vidbridge/core"
import { parseCallbackBody } from "@vidbridge/core/adapter"
import * as Effect from "effect/Effect"
import type * as Redacted from "effect/Redacted"
import type { CreatifyClientShape } from "./CreatifyClient.js"
import {
  CALLBACK_KINDS,
  type CallbackKind,
  checkToken,
  KIND_PARAM,
  maskTokens,
  TOKEN_PARAM,
} from "./internal/callbacks.js"
import { Kind, linkToVideoJob, PROVIDER_ID, templateJob } from "./internal/mapping.js"
import { readJob } from "./internal/reads.js"
import { type LinkToVideo, WebhookPayload } from "./internal/wire.js"

export type { CallbackKind } from "./internal/callbacks.js"

type Secret = Redacted.Redacted<string> | string

/** What {@link parseCreatifyWebhook} needs. */
export interface CreatifyWebhookOptions {
  /** The `webhookSecret` the callback URLs were made with (`CREATIFY_WEBHOOK_SECRET`). */
  readonly secret: Secret | undefined
  /** The client each delivery is confirmed with: the job is read back from Creatify. */
  readonly client: CreatifyClientShape
}

const refused = (message: string) =>
  Effect.fail(
    new VideoError({
      provider: PROVIDER_ID,
      operation: "parseWebhook",
      reason: new AuthenticationFailed({ message }),
    }),
  )

const paramOf = (url: string, name: string): string | undefined => {
  try {
    return new URL(url, "http://localhost").searchParams.get(name) ?? undefined
  } catch {
    return undefined
  }
}

const KINDS: Readonly<
  Record<CallbackKind, typeof Kind.customTemplateJob | typeof Kind.lipsyncV2 | typeof Kind.aurora>
> = {
  tpl: Kind.customTemplateJob,
  lipsync_v2: Kind.lipsyncV2,
  aurora: Kind.aurora,
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
 * Creatify and the event is built from that answer, with `confirmed: true`. The URL's `vb_kind`
 * (under the token's MAC) says which resource: `tpl` `GET /api/custom_template_jobs/{id}/`,
 * `lipsync_v2` `GET /api/lipsyncs_v2/{id}/`, `aurora` `GET /api/aurora/{id}/`; without it (a
 * link-to-video request, or a URL of an earlier version) `GET /api/link_to_videos/{id}/`, or the
 * custom template job for a body with `output`. When the read fails (`NotFound`,
 * `VendorUnavailable`, ...) the delivery fails with that reason, so core's handler answers non-2xx
 * and Creatify can deliver again.
 *
 * Refs are those `getStatus` reads: `creatify:custom_template_job:<id>` (a custom template job
 * whose preview is ready is `awaiting_selection`), `creatify:lipsync_v2:<id>`,
 * `creatify:aurora:<id>`. A link-to-video job is `creatify:link_to_video:<id>?stage=render` when
 * the read shows a render asked for (`media_job`, or `in_queue` / `running` / `done`),
 * `creatify:link_to_video:<id>` when it shows previews waiting for a choice; otherwise the body's
 * shape decides (a preview list has `previews`). Creatify may send several callbacks per job.
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
    const kind = paramOf(request.url, KIND_PARAM)
    const known = kind === undefined || (CALLBACK_KINDS as ReadonlyArray<string>).includes(kind)
    const check = known
      ? yield* checkToken(options.secret, paramOf(request.url, TOKEN_PARAM), kind)
      : ({ _tag: "invalid" } as const)
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
    if (kind !== undefined)
      return event(yield* readJob(client, KINDS[kind as CallbackKind], payload.id, "parseWebhook"))
    // A URL of an earlier version names no kind: a body with `output` is a custom template job.
    if ("output" in payload) {
      const body = yield* client.getCustomTemplateJob(payload.id, "parseWebhook")
      return event(templateJob(body))
    }
    const body = yield* client.getLinkToVideo(payload.id, "parseWebhook")
    const ref = JobRef.make(PROVIDER_ID, Kind.linkToVideo, payload.id, { stage: stageOf(payload, body) })
    return event(linkToVideoJob(body, ref))
  })
