import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Schedule from "effect/Schedule"
import type { VideoJob } from "../model/VideoJob.js"
import type { VideoError } from "../VideoError.js"
import type { VideoProviderShape } from "../VideoProvider.js"

// The one poll loop of core: every wait (jobs, scripts) reads through it.

/** The default polling schedule: starts short, backs off 1.5x, caps at 30 s, jittered. */
export const defaultPollSchedule: Schedule.Schedule<Duration.Duration> = Schedule.min([
  Schedule.jittered(Schedule.exponential(Duration.seconds(2), 1.5)),
  Schedule.spaced(Duration.seconds(30)),
])

/**
 * The least time between two reads of a vendor's job: the caller's `minInterval` when given (the
 * explicit way to poll faster than the vendor allows), else the vendor's documented floor
 * (`provider.polling.minInterval`), else none. @internal
 */
export const pollFloor = (
  provider: Pick<VideoProviderShape, "polling">,
  minInterval: Duration.Input | undefined,
): Duration.Duration => Duration.fromInputUnsafe(minInterval ?? provider.polling?.minInterval ?? 0)

type Poll<A> =
  | { readonly _tag: "Value"; readonly value: A }
  | { readonly _tag: "Transient"; readonly error: VideoError }

const retryAfterOf = (poll: Poll<unknown>): Duration.Duration | undefined =>
  poll._tag === "Transient" && poll.error.reason._tag === "RateLimited"
    ? poll.error.reason.retryAfter
    : undefined

/** Same job, nothing new to report. */
export const sameJob = (a: VideoJob, b: VideoJob): boolean =>
  a.status === b.status &&
  a.vendorStatus === b.vendorStatus &&
  a.stage === b.stage &&
  a.progress === b.progress &&
  a.videoUrl === b.videoUrl &&
  a.previewUrl === b.previewUrl &&
  (a.previews?.length ?? 0) === (b.previews?.length ?? 0) &&
  a.failure?.message === b.failure?.message

/**
 * Reads `read` until `done`, on a schedule, tolerating transient failures and honouring
 * `Retry-After` and `minInterval` (no delay is shorter). Used by every wait in core (jobs,
 * scripts, submission lookups).
 * @internal
 */
export const pollUntil = <A>(
  read: Effect.Effect<A, VideoError>,
  done: (value: A) => boolean,
  options: {
    readonly schedule?: Schedule.Schedule<unknown, unknown> | undefined
    readonly minInterval?: Duration.Duration | undefined
    readonly timeout?: Duration.Input | undefined
    readonly maxConsecutiveErrors?: number | undefined
    readonly onValue?: ((value: A) => void) | undefined
    readonly onTimeout: (last: A | undefined, after: Duration.Duration) => VideoError
  },
): Effect.Effect<A, VideoError> =>
  Effect.suspend(() => {
    const maxErrors = options.maxConsecutiveErrors ?? 10
    const timeout = Duration.fromInputUnsafe(options.timeout ?? Duration.minutes(20))
    let last: A | undefined
    let errors = 0
    const step: Effect.Effect<Poll<A>, VideoError> = read.pipe(
      Effect.map((value): Poll<A> => {
        errors = 0
        last = value
        options.onValue?.(value)
        return { _tag: "Value", value }
      }),
      Effect.catch((error: VideoError) =>
        error.retryable && ++errors <= maxErrors
          ? Effect.succeed<Poll<A>>({ _tag: "Transient", error })
          : Effect.fail(error),
      ),
    )
    const schedule = (options.schedule ?? defaultPollSchedule).pipe(
      Schedule.setInputType<Poll<A>>(),
      Schedule.modifyDelay(({ input, duration }) => {
        const hint = retryAfterOf(input)
        const floor =
          options.minInterval === undefined ? duration : Duration.max(duration, options.minInterval)
        return Effect.succeed(hint === undefined ? floor : Duration.max(floor, hint))
      }),
    )
    return step.pipe(
      Effect.repeat({ schedule, until: (poll) => poll._tag === "Value" && done(poll.value) }),
      Effect.flatMap(() =>
        last !== undefined && done(last)
          ? Effect.succeed(last)
          : Effect.fail(options.onTimeout(last, timeout)),
      ),
      Effect.timeoutOrElse({
        duration: timeout,
        orElse: () => Effect.fail(options.onTimeout(last, timeout)),
      }),
    )
  })
