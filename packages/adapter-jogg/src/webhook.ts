import { AuthenticationFailed, VideoError, type VideoJobEvent, type WebhookRequest } from "@vidbridge/core"
import { headerOf, invalidInput, verifyHmacSha256Hex, webhookBytes } from "@vidbridge/core/adapter"
import * as Clock from "effect/Clock"
import * as Effect from "effect/Effect"
import type * as Redacted from "effect/Redacted"
import { PROVIDER_ID, str } from "./internal/mapping/refs.js"
import { webhookJob } from "./internal/mapping/webhook.js"
import { WebhookPayload } from "./internal/wire/v2.js"

/** The header JoggAI signs deliveries with: hex HMAC-SHA256 of the raw body, keyed with the endpoint secret. */
export const JOGG_SIGNATURE_HEADER = "X-Webhook-Signature"

/**
 * How far a delivery's `timestamp` may be from now by default, in seconds. JoggAI signs the body
 * only and documents no replay window: this check is vidbridge's own (`false` turns it off).
 */
export const DEFAULT_WEBHOOK_TOLERANCE_SECONDS = 300

/** What verifying a JoggAI delivery needs. */
export interface JoggWebhookOptions {
  /** The endpoint's `secret` (from `POST /v2/endpoint`). */
  readonly secret: Redacted.Redacted<string> | string | undefined
  /**
   * Oldest (and furthest in the future) accepted `timestamp`, in seconds. Default 300. `false`
   * turns the check off (JoggAI documents no replay window; its signature covers the body only,
   * so a recorded delivery can be sent again: rely on `event_id` and the job tracker then).
   */
  readonly toleranceSeconds?: number | false | undefined
}

const refused = (message: string) =>
  new VideoError({
    provider: PROVIDER_ID,
    operation: "parseWebhook",
    reason: new AuthenticationFailed({ message }),
  })

/**
 * Verifies and parses a JoggAI account-webhook delivery into a neutral event.
 *
 * Checks, in order: the `X-Webhook-Signature` header against the raw body bytes (constant time),
 * then the body's `timestamp` against the clock (older or newer than the tolerance is
 * refused as a replay; vidbridge's own check, `toleranceSeconds: false` turns it off). Any
 * failure is a `VideoError` with `AuthenticationFailed`. The clock is Effect's `Clock`, so
 * tests can use `TestClock`.
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
      catch: () => invalidInput(PROVIDER_ID, "parseWebhook", [{ path: "body", message: "is not JSON" }]),
    })
    const parsed = WebhookPayload.safeParse(json)
    if (!parsed.success) {
      return yield* Effect.fail(
        invalidInput(PROVIDER_ID, "parseWebhook", [
          { path: "body", message: "is not a JoggAI webhook payload ({event_id, event, timestamp, data})" },
        ]),
      )
    }
    const payload = parsed.data
    const tolerance = options.toleranceSeconds ?? DEFAULT_WEBHOOK_TOLERANCE_SECONDS
    if (tolerance !== false) {
      if (typeof payload.timestamp !== "number") {
        return yield* refused("the delivery has no timestamp, so its age cannot be checked")
      }
      const now = yield* Clock.currentTimeMillis
      if (Math.abs(now - payload.timestamp * 1000) > tolerance * 1000) {
        return yield* refused(
          `the delivery's timestamp is outside the ${tolerance}s tolerance (stale or replayed; webhookToleranceSeconds)`,
        )
      }
    }
    const job = webhookJob(payload, json)
    if (job === undefined) {
      return yield* Effect.fail(
        invalidInput(PROVIDER_ID, "parseWebhook", [
          {
            path: "body.data",
            message:
              "names no video_id, project_id, photo_id or motion_id: vidbridge does not read this event",
          },
        ]),
      )
    }
    return { provider: PROVIDER_ID, eventId: str(payload.event_id), type: payload.event, job }
  })
