import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Schedule from "effect/Schedule"
import type { VideoError, VideoErrorReason } from "../VideoError.js"
import type { RetryPolicy } from "./HttpClient.js"

// The one retry site of every vendor call: which failures may be repeated, on what schedule.

/** Whether a failure may be retried for a call of this kind. */
export const isRetryable = (reason: VideoErrorReason, spendsCredits: boolean): boolean => {
  if (!reason.retryable) return false
  if (!spendsCredits) return true
  if (reason._tag === "RateLimited") return true
  return reason._tag === "VendorUnavailable" && reason.delivery === "not_sent"
}

/**
 * Makes the retry driver of one client from its policy (`false`: none): `retrying(once, spec)`
 * runs `once` and repeats it while the failure may be retried for that call.
 */
export const makeRetry = (policy: RetryPolicy | false | undefined) => {
  const retry = policy === false ? undefined : (policy ?? {})
  const maxRetries = retry?.maxRetries ?? 3
  const maxRetryAfter = Duration.fromInputUnsafe(retry?.maxRetryAfter ?? Duration.seconds(60))
  const schedule = retry
    ? Schedule.max([
        Schedule.min([
          Schedule.jittered(Schedule.exponential(retry.baseDelay ?? Duration.millis(500), 2)),
          Schedule.spaced(retry.maxDelay ?? Duration.seconds(10)),
        ]),
        Schedule.recurs(maxRetries),
      ]).pipe(
        Schedule.setInputType<VideoError>(),
        Schedule.modifyDelay(({ input, duration }) =>
          Effect.succeed(
            input.reason._tag === "RateLimited" && input.reason.retryAfter !== undefined
              ? Duration.max(duration, input.reason.retryAfter)
              : duration,
          ),
        ),
      )
    : undefined

  const mayRetry = (spendsCredits: boolean, error: VideoError): boolean =>
    isRetryable(error.reason, spendsCredits) &&
    !(
      error.reason._tag === "RateLimited" &&
      error.reason.retryAfter !== undefined &&
      Duration.isGreaterThan(error.reason.retryAfter, maxRetryAfter)
    )

  return <A>(once: Effect.Effect<A, VideoError>, spendsCredits: boolean): Effect.Effect<A, VideoError> => {
    if (schedule === undefined || maxRetries <= 0) return once
    // Most calls succeed first time, so the retry driver is only set up after a failure. It
    // then starts by replaying that failure (without a request), so the schedule sees every
    // failure in order, exactly as `Effect.retry` over the first attempt would.
    return Effect.catch(once, (first: VideoError) => {
      if (!mayRetry(spendsCredits, first)) return Effect.fail(first)
      let replay: VideoError | undefined = first
      const next = Effect.suspend(() => {
        if (replay === undefined) return once
        const failure = replay
        replay = undefined
        return Effect.fail(failure)
      })
      return Effect.retry(next, { schedule, while: (error: VideoError) => mayRetry(spendsCredits, error) })
    })
  }
}
