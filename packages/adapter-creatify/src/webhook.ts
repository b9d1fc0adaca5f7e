import {
  AuthenticationFailed,
  JobRef,
  type Redactor,
  timingSafeEqual,
  UnexpectedResponse,
  VideoError,
  type VideoJobEvent,
  type WebhookRequest,
} from "@vidbridge/core"
import * as Effect from "effect/Effect"
import { Kind, linkToVideoJob, PROVIDER_ID, renderJob } from "./internal/mapping.js"
import { TOKEN_PARAM } from "./internal/webhookUrl.js"
import { WebhookPayload } from "./internal/wire.js"

const fail = (reason: AuthenticationFailed | UnexpectedResponse) =>
  Effect.fail(new VideoError({ provider: PROVIDER_ID, operation: "parseWebhook", reason }))

const tokenOf = (url: string): string | undefined => {
  try {
    return new URL(url, "http://localhost").searchParams.get(TOKEN_PARAM) ?? undefined
  } catch {
    return undefined
  }
}

/**
 * Verifies and parses a Creatify callback. Creatify does not sign callbacks, so the adapter
 * puts `vb_token=<token derived from webhookSecret>` into every `webhook_url` it sends; here the
 * token is read from the request URL and compared in constant time (`AuthenticationFailed`
 * when it is missing or wrong, or when no `webhookSecret` is configured).
 *
 * The payload only has `id`: a body with `output` is a custom template job
 * (`creatify:custom_template_job:<id>`); otherwise a link-to-video job, in the preview stage
 * when the body has `previews` (`creatify:link_to_video:<id>`), else in the render stage
 * (`creatify:link_to_video:<id>?stage=render`). Creatify may send several callbacks per job.
 *
 * @example
 * ```ts
 * const event = yield* parseCreatifyWebhook(token, redact, { method: "POST", url, headers, body })
 * if (event.job.status === "awaiting_selection") console.log(event.job.previews)
 * ```
 */
export const parseCreatifyWebhook = (
  token: string | undefined,
  redact: Redactor,
  request: WebhookRequest,
): Effect.Effect<VideoJobEvent, VideoError> =>
  Effect.gen(function* () {
    if (token === undefined) {
      return yield* fail(
        new AuthenticationFailed({
          message:
            "no webhookSecret is configured, so the callback cannot be verified; set webhookSecret (CREATIFY_WEBHOOK_SECRET) to the value used when the job was created",
        }),
      )
    }
    const received = tokenOf(request.url)
    if (received === undefined || !timingSafeEqual(received, token)) {
      return yield* fail(
        new AuthenticationFailed({
          message: `the callback URL's ${TOKEN_PARAM} parameter is missing or wrong; check webhookSecret`,
        }),
      )
    }
    const json = yield* Effect.try(() => JSON.parse(request.body) as unknown).pipe(
      Effect.orElseSucceed(() => undefined),
    )
    const parsed = WebhookPayload.safeParse(json)
    if (!parsed.success) {
      const issue = parsed.error.issues[0]
      const path = issue ? issue.path.map(String).join(".") : ""
      return yield* fail(
        new UnexpectedResponse({
          message: `the callback body is not a Creatify job payload (at ${path || "the top level"})`,
          path,
          excerpt: redact.text(request.body).slice(0, 200),
        }),
      )
    }
    const payload = redact.json(parsed.data)
    if ("output" in payload) {
      const job = renderJob(
        { ...payload, video_output: payload.video_output ?? payload.output },
        Kind.customTemplateJob,
      )
      return { provider: PROVIDER_ID, type: payload.status, job }
    }
    const stage = "previews" in payload ? undefined : "render"
    const ref = JobRef.make(PROVIDER_ID, Kind.linkToVideo, payload.id, { stage })
    return { provider: PROVIDER_ID, type: payload.status, job: linkToVideoJob(payload, ref) }
  })
