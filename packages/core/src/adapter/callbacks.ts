import * as Effect from "effect/Effect"
import type * as z from "zod/mini"
import { UnexpectedResponse, VideoError } from "../VideoError.js"
import type { WebhookRequest } from "../VideoProvider.js"

/** Options of {@link parseCallbackBody}. */
export interface CallbackBodyOptions {
  readonly provider: string
  /** What the body should be, for the message: `"a Creatify job payload"`. */
  readonly expected: string
  /** Masks what the body may echo (tokens, keys) before an excerpt of it goes into the error. */
  readonly redact?: ((text: string) => string) | undefined
}

/**
 * Reads a verified callback's JSON body with the vendor's payload schema. A body that is not
 * JSON, or not that shape, fails `parseWebhook` with `UnexpectedResponse` naming the path and
 * carrying the first 200 characters of the (redacted) body.
 *
 * @example
 * ```ts
 * const payload = yield* parseCallbackBody(request, WebhookEvent, { provider: "acme", expected: "an Acme video event" })
 * ```
 */
export const parseCallbackBody = <S extends z.ZodMiniType>(
  request: WebhookRequest,
  schema: S,
  options: CallbackBodyOptions,
): Effect.Effect<z.output<S>, VideoError> =>
  Effect.suspend(() => {
    let json: unknown
    try {
      json = JSON.parse(request.body)
    } catch {
      json = undefined
    }
    const parsed = schema.safeParse(json)
    if (parsed.success) return Effect.succeed(parsed.data as z.output<S>)
    const issue = parsed.error.issues[0]
    const path = issue ? issue.path.map(String).join(".") : ""
    return Effect.fail(
      new VideoError({
        provider: options.provider,
        operation: "parseWebhook",
        reason: new UnexpectedResponse({
          message: `the callback body is not ${options.expected} (at ${path || "the top level"})`,
          path,
          excerpt: (options.redact ? options.redact(request.body) : request.body).slice(0, 200),
        }),
      }),
    )
  })
