import * as Data from "effect/Data"
import * as Duration from "effect/Duration"
import type { SubmissionResult, VideoJob } from "./model/VideoJob.js"

/** One issue found in an input, named by its field path (`product.imageUrls[2]`). */
export interface InputIssue {
  readonly path: string
  readonly message: string
}

/** The input was wrong; nothing was sent. `issues` name each field and what is allowed. */
export class InvalidInput extends Data.TaggedClass("InvalidInput")<{
  readonly message: string
  readonly issues: ReadonlyArray<InputIssue>
}> {
  /** Retrying the same input cannot help. */
  get retryable(): boolean {
    return false
  }
}

/** The vendor refused the credentials (wrong key, or a plan without API access). */
export class AuthenticationFailed extends Data.TaggedClass("AuthenticationFailed")<{
  readonly message: string
}> {
  get retryable(): boolean {
    return false
  }
}

/** The vendor asked us to slow down. `retryAfter` is its own hint where it gave one. */
export class RateLimited extends Data.TaggedClass("RateLimited")<{
  readonly message: string
  readonly retryAfter?: Duration.Duration | undefined
}> {
  get retryable(): boolean {
    return true
  }
}

/** The vendor understood the request and said no (e.g. a product page it could not scrape). */
export class VendorRejected extends Data.TaggedClass("VendorRejected")<{
  readonly message: string
  /** The vendor's own messages, verbatim. */
  readonly vendorMessages: ReadonlyArray<string>
  /** What to try instead, where we know. */
  readonly hint?: string | undefined
}> {
  get retryable(): boolean {
    return false
  }
}

/** The vendor does not know this id. */
export class NotFound extends Data.TaggedClass("NotFound")<{ readonly message: string }> {
  get retryable(): boolean {
    return false
  }
}

/** The account has too few credits for this call. */
export class InsufficientCredits extends Data.TaggedClass("InsufficientCredits")<{
  readonly message: string
}> {
  get retryable(): boolean {
    return false
  }
}

/** The vendor's moderation refused the content. */
export class ContentRejected extends Data.TaggedClass("ContentRejected")<{
  readonly message: string
  readonly job?: VideoJob | undefined
}> {
  get retryable(): boolean {
    return false
  }
}

/**
 * The vendor could not be reached or failed (5xx, reset, refused).
 * `delivery` says whether the request may have taken effect: `not_sent` (refused before
 * sending: safe to resend) or `ambiguous` (it may have arrived). An ambiguous failure of a call
 * that spends credits (`spendsCredits`) is not `retryable`: sending it again may pay twice; look
 * for the job first (the error's `ref`, or the vendor's list).
 */
export class VendorUnavailable extends Data.TaggedClass("VendorUnavailable")<{
  readonly message: string
  readonly delivery: "not_sent" | "ambiguous"
  /** The failed call spends credits (a preview, a render): an ambiguous failure may have been charged. */
  readonly spendsCredits?: boolean | undefined
}> {
  /** False when the request may have taken effect and spends credits. */
  get retryable(): boolean {
    return !(this.delivery === "ambiguous" && this.spendsCredits === true)
  }
}

/**
 * A call or a wait took longer than allowed. A wait's timeout carries the last job seen. A
 * call that timed out after sending may have taken effect: when it spends credits
 * (`spendsCredits`) it is not `retryable`, as for an ambiguous {@link VendorUnavailable}.
 */
export class Timeout extends Data.TaggedClass("Timeout")<{
  readonly message: string
  readonly after: Duration.Duration
  readonly job?: VideoJob | undefined
  /** The call that timed out spends credits and may have been charged. */
  readonly spendsCredits?: boolean | undefined
}> {
  /** False for a credit-spending call that may have reached the vendor. */
  get retryable(): boolean {
    return this.spendsCredits !== true
  }
}

/** The vendor answered in a shape we do not understand. `path` is where it broke. */
export class UnexpectedResponse extends Data.TaggedClass("UnexpectedResponse")<{
  readonly message: string
  /** The field path inside the vendor's body (`data.previews[0].preview_id`). */
  readonly path: string
  /** A short, redacted excerpt of the body. */
  readonly excerpt: string
  /** `accepted`: a 2xx that could not be read (not JSON, no id): the request took effect. */
  readonly delivery?: "accepted" | undefined
}> {
  get retryable(): boolean {
    return false
  }
}

/** This vendor does not offer the operation; nothing was sent. */
export class UnsupportedOperation extends Data.TaggedClass("UnsupportedOperation")<{
  readonly message: string
  readonly operation: string
}> {
  get retryable(): boolean {
    return false
  }
}

/** The job ended without a video; `job` is its last state. */
export class JobFailed extends Data.TaggedClass("JobFailed")<{
  readonly message: string
  readonly job: VideoJob
}> {
  get retryable(): boolean {
    return false
  }
}

/**
 * A paid request may have taken effect and vidbridge could not find out: its answer was lost or
 * unreadable, and the lookup found nothing within the reconcile window (`not_found`), several
 * matching jobs (`ambiguous`: `candidates`, never guessed), failed, or is `unsupported`. Keep
 * `submission` (the submission ref) for `findSubmission`; `failure` is the original failure.
 * Not `retryable`: sending again may pay twice.
 */
export class SubmissionUnknown extends Data.TaggedClass("SubmissionUnknown")<{
  readonly message: string
  readonly submission: string
  readonly lookup: "not_found" | "ambiguous" | "failed" | "unsupported"
  readonly candidates?: ReadonlyArray<SubmissionResult> | undefined
  readonly failure: VideoErrorReason
}> {
  get retryable(): boolean {
    return false
  }
}

/** `onSubmit` threw or rejected (`cause`), so nothing was sent. Retryable once its store works. */
export class SubmitHookFailed extends Data.TaggedClass("SubmitHookFailed")<{
  readonly message: string
  readonly submission: string
  readonly cause: unknown
}> {
  get retryable(): boolean {
    return true
  }
}

/** Why a {@link VideoError} happened: one member per thing a caller does differently. */
export type VideoErrorReason =
  | InvalidInput
  | AuthenticationFailed
  | RateLimited
  | VendorRejected
  | NotFound
  | InsufficientCredits
  | ContentRejected
  | VendorUnavailable
  | Timeout
  | UnexpectedResponse
  | UnsupportedOperation
  | JobFailed
  | SubmissionUnknown
  | SubmitHookFailed

/** The `_tag` of each {@link VideoErrorReason}. */
export type VideoErrorReasonTag = VideoErrorReason["_tag"]

const reasonJson = (reason: VideoErrorReason): Record<string, unknown> => {
  const out: Record<string, unknown> = {
    _tag: reason._tag,
    message: reason.message,
    retryable: reason.retryable,
  }
  for (const [key, value] of Object.entries(reason)) {
    if (key === "message" || key === "_tag" || value === undefined) continue
    out[key] = Duration.isDuration(value) ? { millis: Duration.toMillis(value) } : value
    if (key === "failure") out[key] = reasonJson(value as VideoErrorReason)
    if (value instanceof Error) out[key] = { name: value.name, message: value.message }
  }
  return out
}

/**
 * The one error every vidbridge operation fails with.
 *
 * Branch on `reason._tag` (Promise API) or `Effect.catchReason("VideoError", "RateLimited", ...)`
 * (Effect API). `retryable` says whether trying again later can help; credentials never
 * appear in `message` or `toJSON()`.
 *
 * @example
 * ```ts
 * try {
 *   await client.render(request)
 * } catch (error) {
 *   if (error instanceof VideoError && error.reason._tag === "InsufficientCredits") notifyBilling()
 *   else throw error
 * }
 * ```
 */
export class VideoError extends Data.TaggedError("VideoError")<{
  /** The provider id (`creatify`, `jogg`, `drafts`, or `vidbridge` for errors before any provider). */
  readonly provider: string
  /** The operation that failed (`render`, `getStatus`, `configure`, ...). */
  readonly operation: string
  readonly reason: VideoErrorReason
  /** The HTTP status, where a response came back. */
  readonly status?: number | undefined
  /** The vendor's request id, where it sent one; quote it to vendor support. */
  readonly requestId?: string | undefined
  /** The job this error is about (serialized JobRef); for a lost paid request, its submission ref. */
  readonly ref?: string | undefined
}> {
  override get message(): string {
    const where = this.status === undefined ? "" : ` (HTTP ${this.status})`
    return `${this.provider}.${this.operation}: ${this.reason.message}${where}`
  }

  /** Whether trying again later can help. */
  get retryable(): boolean {
    return this.reason.retryable
  }

  /** A plain, credential-free object for logs and API answers. */
  override toJSON(): Record<string, unknown> {
    const out: Record<string, unknown> = {
      _tag: "VideoError",
      provider: this.provider,
      operation: this.operation,
      message: this.message,
      reason: reasonJson(this.reason),
    }
    if (this.status !== undefined) out.status = this.status
    if (this.requestId !== undefined) out.requestId = this.requestId
    if (this.ref !== undefined) out.ref = this.ref
    return out
  }
}

/** Builds a {@link VideoError} with an {@link InvalidInput} reason from issues. */
export const invalidInput = (
  provider: string,
  operation: string,
  issues: ReadonlyArray<InputIssue>,
): VideoError =>
  new VideoError({
    provider,
    operation,
    reason: new InvalidInput({
      message: `invalid input: ${issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join("; ")}`,
      issues,
    }),
  })

/** Builds a {@link VideoError} with an {@link UnsupportedOperation} reason. */
export const unsupported = (provider: string, operation: string, hint?: string): VideoError =>
  new VideoError({
    provider,
    operation,
    reason: new UnsupportedOperation({
      message: `${provider} does not support ${operation}${hint ? `; ${hint}` : ""}`,
      operation,
    }),
  })
