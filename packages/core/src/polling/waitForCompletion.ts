import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Queue from "effect/Queue"
import type * as Schedule from "effect/Schedule"
import * as Stream from "effect/Stream"
import { WaitOptionsSchema } from "../internal/inputChecks.js"
import { JobRef, type JobRefInput } from "../JobRef.js"
import { isFailure, isSettled } from "../model/JobStatus.js"
import type { VideoJob } from "../model/VideoJob.js"
import { ContentRejected, invalidInput, JobFailed, Timeout, VideoError } from "../VideoError.js"
import { VideoProvider, type VideoProviderShape } from "../VideoProvider.js"
import { validate } from "../validate.js"
import { onCancelled } from "./cancellations.js"
import { pollFloor, pollUntil, sameJob } from "./pollUntil.js"

/** Options for {@link waitForCompletion} and {@link watch}. */
export interface WaitOptions {
  /** Give up after this long (failing with `Timeout` carrying the last job). Default 20 minutes. */
  readonly timeout?: Duration.Input | undefined
  /**
   * When to read again. Default: the vendor's own schedule where its adapter declares one
   * (`provider.polling.schedule`; JoggAI: 10 s for the first minute, then 30 s, then 60 s), else
   * 2 s growing 1.5x to a 30 s cap, with jitter. A vendor's `Retry-After` always wins when it is
   * longer, and no delay is shorter than `minInterval`. A schedule that ends stops the wait with
   * `Timeout`.
   */
  readonly schedule?: Schedule.Schedule<unknown, unknown> | undefined
  /**
   * The least time between two reads. Default: the vendor's documented floor
   * (`provider.polling.minInterval`; JoggAI 5 s), which a shorter `schedule` is raised to. Set it
   * (even to 0) to poll faster than that on purpose: against a simulator, or a limit the vendor
   * agreed with you.
   */
  readonly minInterval?: Duration.Input | undefined
  /** Called with every job that differs from the last one seen (status, progress, URLs, previews). */
  readonly onProgress?: ((job: VideoJob) => void) | undefined
  /** Transient read failures (5xx, timeouts, 429) tolerated in a row before the wait fails. Default 10. */
  readonly maxConsecutiveErrors?: number | undefined
}

/** Turns a settled job into success (video or previews ready) or the matching typed failure. */
export const settle = (
  provider: string,
  operation: string,
  job: VideoJob,
): Effect.Effect<VideoJob, VideoError> => {
  if (!isFailure(job.status)) return Effect.succeed(job)
  const why = job.failure?.message ? `: ${job.failure.message}` : ""
  return Effect.fail(
    new VideoError({
      provider,
      operation,
      ref: job.ref,
      reason:
        job.status === "rejected"
          ? new ContentRejected({ message: `the vendor's moderation rejected the job${why}`, job })
          : new JobFailed({ message: `the job ended as ${job.status} (${job.vendorStatus})${why}`, job }),
    }),
  )
}

const timeoutError =
  (provider: string, operation: string, ref: string) =>
  (last: VideoJob | undefined, after: Duration.Duration) =>
    new VideoError({
      provider,
      operation,
      ref,
      reason: new Timeout({
        message: `the job was not finished after ${Duration.format(after)}${last ? ` (last status: ${last.status})` : ""}`,
        after,
        job: last,
      }),
    })

/**
 * Polls a job until it is settled: `succeeded`, or `awaiting_selection` (previews ready).
 * Fails with `JobFailed` / `ContentRejected` carrying the last job, or `Timeout`.
 *
 * @example
 * ```ts
 * const job = yield* waitForCompletion(ref, { timeout: "10 minutes", onProgress: (j) => console.log(j.status) })
 * ```
 */
export const waitForCompletion = Effect.fn("vidbridge.waitForCompletion")(function* (
  ref: JobRefInput,
  options: WaitOptions = {},
) {
  const provider = yield* VideoProvider
  return yield* waitWith(provider, ref, options)
})

/** {@link waitForCompletion} against an explicit provider. @internal */
export const waitWith = (
  provider: VideoProviderShape,
  input: JobRefInput,
  options: WaitOptions,
): Effect.Effect<VideoJob, VideoError> =>
  Effect.gen(function* () {
    yield* checkWaitOptions(provider.id, "waitForCompletion", options)
    const ref = yield* parseRef(provider, input, "waitForCompletion")
    const text = JobRef.format(ref)
    let previous: VideoJob | undefined
    const seen = (j: VideoJob) => {
      if (previous === undefined || !sameJob(previous, j)) options.onProgress?.(j)
      previous = j
    }
    // Cancelling the job through this provider ends the wait at once, as a cancelled read would.
    const cancel = Effect.callback<VideoJob>((resume) => {
      const off = onCancelled(provider, (r, j) => {
        if (r !== text) return
        off()
        resume(
          Effect.sync(() => {
            seen(j)
            return j
          }),
        )
      })
      return Effect.sync(off)
    })
    const job = yield* Effect.raceFirst(
      pollUntil(provider.getStatus(ref), (j) => isSettled(j.status), {
        schedule: options.schedule ?? provider.polling?.schedule,
        minInterval: pollFloor(provider, options.minInterval),
        timeout: options.timeout,
        maxConsecutiveErrors: options.maxConsecutiveErrors,
        onValue: seen,
        onTimeout: timeoutError(provider.id, "waitForCompletion", text),
      }),
      cancel,
    )
    return yield* settle(provider.id, "waitForCompletion", job)
  })

/**
 * A stream of a job's changes until it is settled; ends after the settled job, fails like
 * {@link waitForCompletion}. In the Promise API it is an AsyncIterable.
 */
export const watch = (ref: JobRefInput, options: Omit<WaitOptions, "onProgress"> = {}) =>
  Stream.unwrap(
    Effect.map(VideoProvider, (provider: VideoProviderShape) => watchWith(provider, ref, options)),
  )

/** {@link watch} against an explicit provider. @internal */
export const watchWith = (
  provider: VideoProviderShape,
  ref: JobRefInput,
  options: Omit<WaitOptions, "onProgress">,
): Stream.Stream<VideoJob, VideoError> =>
  Stream.callback<VideoJob, VideoError>((queue) =>
    waitWith(provider, ref, { ...options, onProgress: (job) => Queue.offerUnsafe(queue, job) }).pipe(
      Effect.flatMap(() => Queue.end(queue)),
      Effect.catch((error) => Queue.fail(queue, error)),
    ),
  )

/**
 * Parses a ref and checks it belongs to this provider; a bad ref is `InvalidInput` naming
 * `field` (`ref`, or `job` for `renderPreview`). @internal
 */
export const parseRef = (
  provider: VideoProviderShape,
  input: JobRefInput,
  operation: string,
  field = "ref",
): Effect.Effect<JobRef, VideoError> =>
  Effect.suspend(() => {
    let ref: JobRef
    try {
      ref = JobRef.from(input)
    } catch (error) {
      return Effect.fail(
        invalidInput(provider.id, operation, [{ path: field, message: (error as Error).message }]),
      )
    }
    const wrong =
      ref.provider !== provider.id
        ? `belongs to provider "${ref.provider}", not "${provider.id}"`
        : ref.kind === "submission"
          ? "is a submission ref; use findSubmission"
          : undefined
    return wrong === undefined
      ? Effect.succeed(ref)
      : Effect.fail(invalidInput(provider.id, operation, [{ path: field, message: wrong }]))
  })

/** Checks wait options (timeout, schedule, callbacks) before anything is sent. @internal */
export const checkWaitOptions = (
  provider: string,
  operation: string,
  options: unknown,
): Effect.Effect<unknown, VideoError> => validate(WaitOptionsSchema, options ?? {}, { provider, operation })
