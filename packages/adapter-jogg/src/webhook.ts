import {
  AuthenticationFailed,
  JobRef,
  type JobStatus,
  VideoError,
  type VideoJob,
  type VideoJobEvent,
  type WebhookRequest,
} from "@vidbridge/core"
import { headerOf, invalidInput, verifyHmacSha256Hex, webhookBytes } from "@vidbridge/core/adapter"
import * as Clock from "effect/Clock"
import * as Effect from "effect/Effect"
import type * as Redacted from "effect/Redacted"
import { Kinds } from "./internal/jobs.js"
import { fromV2Status } from "./internal/mapping.js"
import { str } from "./internal/shared.js"
import { type WebhookPayload as Payload, WebhookPayload } from "./internal/wire.js"

/** The header JoggAI signs deliveries with: hex HMAC-SHA256 of the raw body, keyed with the endpoint secret. */
export const JOGG_SIGNATURE_HEADER = "X-Webhook-Signature"

/** How old a delivery may be by default (its `timestamp`), in seconds. */
export const DEFAULT_WEBHOOK_TOLERANCE_SECONDS = 300

/** What verifying a JoggAI delivery needs. */
export interface JoggWebhookOptions {
  /** The endpoint's `secret` (from `POST /v2/endpoint`). */
  readonly secret: Redacted.Redacted<string> | string | undefined
  /** Oldest (and furthest in the future) accepted `timestamp`, in seconds. Default 300. */
  readonly toleranceSeconds?: number | undefined
}

const refused = (message: string) =>
  new VideoError({
    provider: "jogg",
    operation: "parseWebhook",
    reason: new AuthenticationFailed({ message }),
  })

const statusOf = (payload: Payload): JobStatus => {
  const fromData = fromV2Status(payload.data?.status)
  if (fromData !== "unknown") return fromData
  if (payload.event.endsWith("_success")) return "succeeded"
  if (payload.event.endsWith("_failed")) return "failed"
  return "unknown"
}

const jobOf = (payload: Payload, raw: unknown): VideoJob | undefined => {
  const data = payload.data ?? {}
  const videoId = str(data.video_id) ?? str(data.product_video_id)
  const projectId = str(data.project_id)
  const ref =
    videoId !== undefined
      ? JobRef.make("jogg", Kinds.productVideo, videoId)
      : projectId !== undefined
        ? JobRef.make("jogg", Kinds.openProject, projectId)
        : undefined
  if (ref === undefined) return undefined
  const status = statusOf(payload)
  const message = str(data.error?.message)
  return {
    ref: JobRef.format(ref),
    provider: "jogg",
    status,
    vendorStatus: str(data.status) ?? payload.event,
    stage: "render",
    progress: status === "succeeded" ? 1 : undefined,
    videoUrl: str(data.video_url),
    thumbnailUrl: str(data.cover_url),
    durationSeconds: data.video_duration ?? data.duration ?? undefined,
    failure:
      status === "failed"
        ? { code: str(data.error?.code), message: message ?? `JoggAI sent ${payload.event}` }
        : undefined,
    raw,
  }
}

/**
 * Verifies and parses a JoggAI account-webhook delivery into a neutral event.
 *
 * Checks, in order: the `X-Webhook-Signature` header against the raw body bytes (constant time),
 * then the body's `timestamp` against the clock (older or newer than the tolerance is
 * refused as a replay). Any failure is a `VideoError` with `AuthenticationFailed`. The
 * clock is Effect's `Clock`, so tests can use `TestClock`.
 *
 * @example
 * ```ts
 * const event = yield* parseJoggWebhook(request, { secret: process.env.JOGG_WEBHOOK_SECRET })
 * if (event.job.status === "succeeded") save(event.job.ref, event.job.videoUrl)
 * ```
 */
export const parseJoggWebhook = (
  request: WebhookRequest,
  options: JoggWebhookOptions,
): Effect.Effect<VideoJobEvent, VideoError> =>
  Effect.gen(function* () {
    if (options.secret === undefined) {
      return yield* refused(
        "no webhookSecret is configured (JOGG_WEBHOOK_SECRET); cannot verify the delivery",
      )
    }
    const signature = headerOf(request.headers, JOGG_SIGNATURE_HEADER)
    if (signature === undefined) return yield* refused(`the ${JOGG_SIGNATURE_HEADER} header is missing`)
    const valid = yield* verifyHmacSha256Hex(options.secret, webhookBytes(request), signature)
    if (!valid)
      return yield* refused(`the ${JOGG_SIGNATURE_HEADER} does not match the body; check the endpoint secret`)
    const json = yield* Effect.try({
      try: (): unknown => JSON.parse(request.body),
      catch: () => invalidInput("jogg", "parseWebhook", [{ path: "body", message: "is not JSON" }]),
    })
    const parsed = WebhookPayload.safeParse(json)
    if (!parsed.success) {
      return yield* Effect.fail(
        invalidInput("jogg", "parseWebhook", [
          { path: "body", message: "is not a JoggAI webhook payload ({event_id, event, timestamp, data})" },
        ]),
      )
    }
    const payload = parsed.data
    if (typeof payload.timestamp !== "number") {
      return yield* refused("the delivery has no timestamp, so its age cannot be checked")
    }
    const tolerance = (options.toleranceSeconds ?? DEFAULT_WEBHOOK_TOLERANCE_SECONDS) * 1000
    const now = yield* Clock.currentTimeMillis
    if (Math.abs(now - payload.timestamp * 1000) > tolerance) {
      return yield* refused(
        `the delivery's timestamp is outside the ${tolerance / 1000}s tolerance (stale or replayed)`,
      )
    }
    const job = jobOf(payload, json)
    if (job === undefined) {
      return yield* Effect.fail(
        invalidInput("jogg", "parseWebhook", [
          { path: "body.data", message: "names no video_id or project_id; the event is not about a video" },
        ]),
      )
    }
    return { provider: "jogg", eventId: str(payload.event_id), type: payload.event, job }
  })
