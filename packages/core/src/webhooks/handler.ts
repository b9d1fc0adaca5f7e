import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import * as z from "zod/mini"
import { callback } from "../internal/inputChecks.js"
import { toInputIssues } from "../internal/issues.js"
import type { VideoJobEvent } from "../model/VideoJob.js"
import { invalidInput, VideoError } from "../VideoError.js"
import type { VideoProviderShape, WebhookRequest } from "../VideoProvider.js"
import { type JobTracker, makeJobTracker, type Observation } from "./JobTracker.js"
import { toWebhookRequest } from "./request.js"

/** Options for {@link makeWebhookHandler}. */
export interface WebhookHandlerOptions {
  /** Called once per delivery that moves a job forward (not for duplicates or stale ones). */
  readonly onEvent: (event: VideoJobEvent, observation: Observation) => void | Promise<void>
  /** Also called for duplicates and stale deliveries, e.g. for metrics. */
  readonly onIgnored?: ((event: VideoJobEvent, observation: Observation) => void) | undefined
  /**
   * Where job progress is remembered; default in memory ({@link makeJobTracker}). Share one
   * between processes by implementing `claim` (atomic check-and-record) over your store.
   */
  readonly tracker?: JobTracker | undefined
  /** Largest body accepted (read no further: a larger one is answered 413). Default 1 MiB. */
  readonly maxBodyBytes?: number | undefined
}

const HandlerOptionsSchema = z.looseObject({
  onEvent: callback(),
  onIgnored: z.optional(callback()),
  tracker: z.optional(
    z.custom<JobTracker>(
      (v) =>
        typeof v === "object" &&
        v !== null &&
        typeof (v as JobTracker).claim === "function" &&
        typeof (v as JobTracker).release === "function",
      "must be a JobTracker (claim and release)",
    ),
  ),
  maxBodyBytes: z.optional(z.number().check(z.int(), z.positive())),
})

const json = (status: number, body: Record<string, unknown>): Response =>
  new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } })

// A delivery that could not be checked for a passing reason (the vendor's API, read to confirm it,
// was down or slow) answers 503 so the vendor delivers it again; one that is wrong answers 4xx.
const statusFor = (error: VideoError): number =>
  error.reason._tag === "AuthenticationFailed"
    ? 401
    : error.reason._tag === "UnsupportedOperation"
      ? 404
      : error.reason.retryable
        ? 503
        : 400

/** A provider as the endpoint sees it: its id, and its check and parse of one delivery. @internal */
export interface WebhookParser {
  readonly id: string
  readonly parse: (request: WebhookRequest) => Effect.Effect<VideoJobEvent, VideoError>
}

/** One delivery checked and parsed by a built provider: its `parseWebhook`, or "has no webhooks". @internal */
export const parseDelivery = (
  provider: VideoProviderShape,
  request: WebhookRequest,
): Effect.Effect<VideoJobEvent, VideoError> =>
  provider.parseWebhook
    ? provider.parseWebhook(request)
    : Effect.fail(
        invalidInput(provider.id, "parseWebhook", [{ path: "provider", message: "has no webhooks" }]),
      )

/**
 * A fetch-style webhook endpoint, `(Request) => Promise<Response>`, for any framework
 * (Next.js route handlers, Hono, Bun, Deno, or node:http through a small adapter).
 *
 * It verifies each delivery with the provider's own check (vendor signature, or the secret
 * token vidbridge put in the callback URL), parses it, drops duplicates and out-of-order
 * deliveries, and calls `onEvent`. With several providers, the callback URL names one:
 * `?provider=jogg`. Answers: 200 accepted (also for duplicates, so vendors stop retrying),
 * 401 failed verification, 400 malformed, 405 not POST, 413 too large, 500 when `onEvent` threw
 * and 503 when the delivery could not be checked for a passing reason, such as a confirmation read
 * that found the vendor down (both so the vendor retries). A wrong option (no `onEvent` function, say) throws `InvalidInput` at once.
 */
export const makeWebhookHandler = (
  providers: ReadonlyArray<VideoProviderShape>,
  options: WebhookHandlerOptions,
): ((request: Request) => Promise<Response>) =>
  webhookEndpoint(
    providers.map((provider) => ({ id: provider.id, parse: (request) => parseDelivery(provider, request) })),
    options,
  )

/** {@link makeWebhookHandler} over {@link WebhookParser}s (providers built on first use). @internal */
export const webhookEndpoint = (
  providers: ReadonlyArray<WebhookParser>,
  options: WebhookHandlerOptions,
): ((request: Request) => Promise<Response>) => {
  // Checked when the endpoint is made: a wrong option would otherwise turn every delivery into a 500.
  const checked = HandlerOptionsSchema.safeParse(options)
  if (!checked.success) throw invalidInput("vidbridge", "handleWebhook", toInputIssues(checked.error.issues))
  const tracker = options.tracker ?? makeJobTracker()
  return async (request) => {
    if (request.method !== "POST") return json(405, { ok: false, error: "webhooks must be POSTed" })
    const named =
      new URL(request.url).searchParams.get("provider") ?? request.headers.get("x-vidbridge-provider")
    const provider =
      named === null
        ? providers.length === 1
          ? providers[0]
          : undefined
        : providers.find((p) => p.id === named)
    if (provider === undefined) {
      return json(400, {
        ok: false,
        error: `name the provider with ?provider=<id>; configured: ${providers.map((p) => p.id).join(", ")}`,
      })
    }
    const incoming = await toWebhookRequest(request, options.maxBodyBytes)
    if (incoming === undefined) return json(413, { ok: false, error: "body too large" })
    const exit = await Effect.runPromiseExit(provider.parse(incoming))
    if (Exit.isFailure(exit)) {
      const error = exit.cause.reasons.find((r) => r._tag === "Fail")?.error
      return error instanceof VideoError
        ? json(statusFor(error), { ok: false, error: error.reason.message })
        : json(400, { ok: false, error: "could not read the delivery" })
    }
    const event = exit.value
    let observation: Observation
    try {
      // Decided and remembered in one step: a concurrent duplicate cannot also pass.
      observation = await tracker.claim(event.job, event.eventId)
    } catch {
      return json(500, { ok: false, error: "the job tracker failed; deliver again" })
    }
    if (observation !== "advanced") {
      options.onIgnored?.(event, observation)
      return json(200, { ok: true, observation })
    }
    try {
      await options.onEvent(event, observation)
    } catch {
      // Given back, so the vendor's redelivery is processed rather than taken for a duplicate.
      await Promise.resolve(tracker.release(event.job, event.eventId)).catch(() => undefined)
      return json(500, { ok: false, error: "the event handler failed; deliver again" })
    }
    return json(200, { ok: true, observation })
  }
}
