import {
  AuthenticationFailed,
  type UnexpectedResponse,
  VideoError,
  type VideoJobEvent,
  type WebhookRequest,
} from "@vidbridge/core"
import { headerOf, parseCallbackBody, verifyHmacSha256Hex, webhookBytes } from "@vidbridge/core/adapter"
import * as Effect from "effect/Effect"
import type * as Redacted from "effect/Redacted"
import { PROVIDER_ID, toVideoJob } from "./internal/mapping.js"
import { WebhookEvent } from "./internal/wire.js"

/** The header carrying the hex HMAC-SHA256 of the raw body. */
export const HOURONE_SIGNATURE_HEADER = "x-hourone-signature"

/** What verifying an Hour One callback needs. */
export interface DraftsWebhookOptions {
  /** The webhook's signing secret (the studio's webhook settings; the `webhookSecret` setting). */
  readonly secret: Redacted.Redacted<string> | string | undefined
}

const fail = (reason: AuthenticationFailed | UnexpectedResponse) =>
  Effect.fail(new VideoError({ provider: PROVIDER_ID, operation: "parseWebhook", reason }))

/** `video_ready` -> `video.ready`: Hour One's docs use both spellings. */
const normalizeEvent = (name: string): string => name.replace(/^video_/, "video.")

const statusOfEvent: Readonly<Record<string, string>> = { "video.ready": "ready", "video.failed": "failed" }

/**
 * Verifies and parses an Hour One callback (`video.ready` / `video.failed`, or the
 * `video_ready` / `video_failed` spelling). The signature is `x-hourone-signature`, the hex
 * HMAC-SHA256 of the raw body bytes keyed with the webhook's signing secret (from the studio's
 * webhook settings). A missing (or empty) secret, a missing or wrong signature fail with
 * `AuthenticationFailed`. The event carries no URLs: read the job with `getStatus` for them.
 *
 * @example
 * ```ts
 * const event = yield* parseDraftsWebhook({ method: "POST", url, headers, body }, { secret })
 * if (event.job.status === "succeeded") yield* getStatus(event.job.ref)
 * ```
 */
export const parseDraftsWebhook = (
  request: WebhookRequest,
  options: DraftsWebhookOptions,
): Effect.Effect<VideoJobEvent, VideoError> =>
  Effect.gen(function* () {
    const { secret } = options
    // An empty key would accept anything an attacker signs with an empty key: treat it as unset.
    if (secret === undefined || secret === "") {
      return yield* fail(
        new AuthenticationFailed({
          message:
            "no webhookSecret is configured, so the callback cannot be verified; set webhookSecret " +
            "(HOURONE_WEBHOOK_SECRET) to the signing secret of the webhook in Hour One's settings",
        }),
      )
    }
    const valid = yield* verifyHmacSha256Hex(
      secret,
      webhookBytes(request),
      headerOf(request.headers, HOURONE_SIGNATURE_HEADER),
    )
    if (!valid) {
      return yield* fail(
        new AuthenticationFailed({
          message: `the ${HOURONE_SIGNATURE_HEADER} header is missing or does not match the body; check webhookSecret`,
        }),
      )
    }
    const event = yield* parseCallbackBody(request, WebhookEvent, {
      provider: PROVIDER_ID,
      expected: "an Hour One video event",
    })
    const type = normalizeEvent(event.event_name)
    const { data } = event
    // Own keys only: an event named e.g. "constructor" must not read Object.prototype.
    const status = data.status ?? (Object.hasOwn(statusOfEvent, type) ? statusOfEvent[type]! : type)
    return {
      provider: PROVIDER_ID,
      type,
      job: { ...toVideoJob({ ...data, status }), raw: event },
    }
  })
