import { Timeout, UnexpectedResponse, VendorUnavailable, VideoError } from "@vidbridge/core"
import * as Effect from "effect/Effect"
import type { DraftsClientShape, DraftsScope } from "../DraftsClient.js"
import type { OverrideVideoRequest, VideoResponse } from "./wire.js"

/**
 * True when a create may have taken effect although no answer arrived: a connection lost
 * after sending, a timeout, or a 5xx.
 */
export const isAmbiguous = (error: VideoError): boolean =>
  error.reason._tag === "Timeout" ||
  (error.reason._tag === "VendorUnavailable" && error.reason.delivery === "ambiguous") ||
  (error.status !== undefined && error.status >= 500)

/**
 * True when the vendor answered the create with a 2xx whose body we cannot read (not JSON, a
 * required field missing): it accepted the create, so the video most likely exists.
 */
export const isUnreadableSuccess = (error: VideoError): boolean =>
  error.reason._tag === "UnexpectedResponse" &&
  error.status !== undefined &&
  error.status >= 200 &&
  error.status < 300

/** The same error, its message extended so the caller can look the video up later. */
const naming = (error: VideoError, correlationId: string, what: string): VideoError => {
  const note = `${error.reason.message}; ${what}. The video may exist: look for correlation_id "${correlationId}" (GET /videos) before creating it again`
  // `POST /videos` spends credits: the rebuilt reason stays not retryable, as core marked it.
  const reason =
    error.reason._tag === "Timeout"
      ? new Timeout({ message: note, after: error.reason.after, spendsCredits: true })
      : error.reason._tag === "VendorUnavailable"
        ? new VendorUnavailable({ message: note, delivery: error.reason.delivery, spendsCredits: true })
        : error.reason._tag === "UnexpectedResponse"
          ? new UnexpectedResponse({ message: note, path: error.reason.path, excerpt: error.reason.excerpt })
          : new VendorUnavailable({ message: note, delivery: "ambiguous", spendsCredits: true })
  return new VideoError({
    provider: error.provider,
    operation: error.operation,
    reason,
    status: error.status,
    requestId: error.requestId,
    ref: error.ref,
  })
}

/**
 * `POST /videos` with reconciliation by `correlation_id` (the one place an adapter
 * re-sends a credit-spending call, because only this vendor can be asked "did it arrive?").
 *
 * After an ambiguous failure: list the videos and look for the correlation id. Found: that
 * video is the answer (no second create). Not found: send once more with the same
 * correlation id. The list itself fails, or the resend is ambiguous again: fail with the
 * ambiguous error, its message naming the correlation id.
 *
 * After a 2xx answer we cannot read (malformed, a required field missing) the vendor took the
 * create: look it up the same way, but never resend; not found, fail with the
 * `UnexpectedResponse`, its message naming the correlation id.
 */
export const createReconciled = (
  client: DraftsClientShape,
  body: OverrideVideoRequest & { readonly correlation_id: string },
  scope: DraftsScope,
): Effect.Effect<VideoResponse, VideoError> => {
  const cid = body.correlation_id
  const resend = client
    .createVideo(body, scope)
    .pipe(
      Effect.mapError((error) =>
        isAmbiguous(error) ? naming(error, cid, "the single re-send was ambiguous too") : error,
      ),
    )
  // Lists the videos for the correlation id: found, that video is the answer; else `notFound`.
  const lookUp = (original: VideoError, notFound: Effect.Effect<VideoResponse, VideoError>) =>
    client.listVideos("render", scope).pipe(
      Effect.matchEffect({
        onFailure: () =>
          Effect.fail(naming(original, cid, "checking whether the video was created failed as well")),
        onSuccess: (videos) => {
          const found = videos.find((v) => v.correlation_id === cid)
          return found === undefined ? notFound : Effect.succeed(found)
        },
      }),
    )
  return client
    .createVideo(body, scope)
    .pipe(
      Effect.catch((error: VideoError) =>
        isAmbiguous(error)
          ? lookUp(error, resend)
          : isUnreadableSuccess(error)
            ? lookUp(error, Effect.fail(naming(error, cid, "the video list does not show it yet")))
            : Effect.fail(error),
      ),
    )
}
