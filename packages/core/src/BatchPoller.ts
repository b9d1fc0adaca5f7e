import { Deferred, Duration, Effect, type Scope } from "effect"
import { JobRef, type JobRefInput } from "./JobRef.js"
import { isSettled } from "./model/JobStatus.js"
import type { VideoJob } from "./model/VideoJob.js"
import { parseRef, settle } from "./polling.js"
import { Timeout, VideoError } from "./VideoError.js"
import type { VideoProviderShape } from "./VideoProvider.js"

/** Options for {@link makeBatchPoller}. */
export interface BatchPollerOptions {
  /** Time between rounds. Default 10 s. */
  readonly interval?: Duration.Input | undefined
  /** Reads in flight at once within a round. Default 4. */
  readonly concurrency?: number | undefined
  /** Called after each round with the number of status requests it made. */
  readonly onRound?: ((round: { readonly tracked: number; readonly requests: number }) => void) | undefined
}

/** Tracks many jobs with one shared polling loop. */
export interface BatchPoller {
  /**
   * Waits for a job to settle, reading it together with every other tracked job: with a
   * vendor batch read (`capabilities.batchStatusLimit` > 1) a round costs
   * ceil(tracked / limit) requests instead of one per job.
   */
  readonly track: (
    ref: JobRefInput,
    options?: { readonly timeout?: Duration.Input | undefined },
  ) => Effect.Effect<VideoJob, VideoError>
  /** How many jobs are tracked now. */
  readonly size: () => number
}

interface Entry {
  readonly ref: JobRef
  readonly deferred: Deferred.Deferred<VideoJob, VideoError>
  last?: VideoJob
}

const chunk = <A>(items: ReadonlyArray<A>, size: number): Array<ReadonlyArray<A>> => {
  const out: Array<ReadonlyArray<A>> = []
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size))
  return out
}

/**
 * Makes a {@link BatchPoller} whose loop lives as long as the surrounding `Scope`.
 *
 * @example
 * ```ts
 * const jobs = yield* Effect.scoped(Effect.gen(function* () {
 *   const poller = yield* makeBatchPoller(provider, { interval: "15 seconds" })
 *   return yield* Effect.forEach(refs, (ref) => poller.track(ref), { concurrency: "unbounded" })
 * }))
 * ```
 */
export const makeBatchPoller = (
  provider: VideoProviderShape,
  options: BatchPollerOptions = {},
): Effect.Effect<BatchPoller, never, Scope.Scope> =>
  Effect.gen(function* () {
    const interval = Duration.fromInputUnsafe(options.interval ?? Duration.seconds(10))
    const limit = provider.getStatuses ? Math.max(1, provider.capabilities.batchStatusLimit) : 1
    const entries = new Map<string, Entry>()

    const resolve = (entry: Entry, job: VideoJob) =>
      Effect.gen(function* () {
        entry.last = job
        if (!isSettled(job.status)) return
        entries.delete(JobRef.format(entry.ref))
        yield* Deferred.done(
          entry.deferred,
          yield* Effect.exit(settle(provider.id, "waitForCompletion", job)),
        )
      })

    const failAll = (group: ReadonlyArray<Entry>, error: VideoError) =>
      Effect.forEach(group, (entry) =>
        Effect.andThen(
          Effect.sync(() => entries.delete(JobRef.format(entry.ref))),
          Deferred.fail(entry.deferred, error),
        ),
      )

    const readOne = (entry: Entry) =>
      provider.getStatus(entry.ref).pipe(
        Effect.flatMap((job) => resolve(entry, job)),
        Effect.catch((error: VideoError) => (error.retryable ? Effect.void : failAll([entry], error))),
        Effect.as(1),
      )

    const readGroup = (group: ReadonlyArray<Entry>): Effect.Effect<number> => {
      if (group.length === 1 || provider.getStatuses === undefined) {
        return Effect.map(
          Effect.forEach(group, readOne, { concurrency: options.concurrency ?? 4 }),
          (counts) => counts.reduce((a, b) => a + b, 0),
        )
      }
      return provider.getStatuses(group.map((e) => e.ref)).pipe(
        Effect.flatMap((jobs) =>
          Effect.gen(function* () {
            const byRef = new Map(jobs.map((job) => [job.ref, job]))
            let extra = 0
            for (const entry of group) {
              const job = byRef.get(JobRef.format(entry.ref))
              if (job) yield* resolve(entry, job)
              else extra += yield* readOne(entry)
            }
            return 1 + extra
          }),
        ),
        Effect.catch((error: VideoError) =>
          error.retryable ? Effect.succeed(1) : Effect.as(failAll(group, error), 1),
        ),
      )
    }

    const round = Effect.gen(function* () {
      const tracked = [...entries.values()]
      if (tracked.length === 0) return
      const requests = yield* Effect.forEach(chunk(tracked, limit), readGroup, {
        concurrency: options.concurrency ?? 4,
      })
      options.onRound?.({ tracked: tracked.length, requests: requests.reduce((a, b) => a + b, 0) })
    })

    yield* Effect.forkScoped(Effect.forever(Effect.andThen(Effect.sleep(interval), round)))

    const track = (
      input: JobRefInput,
      trackOptions: { readonly timeout?: Duration.Input | undefined } = {},
    ) =>
      Effect.gen(function* () {
        const ref = yield* parseRef(provider, input, "waitForCompletion")
        const key = JobRef.format(ref)
        const existing = entries.get(key)
        const entry: Entry = existing ?? { ref, deferred: yield* Deferred.make<VideoJob, VideoError>() }
        entries.set(key, entry)
        const timeout = Duration.fromInputUnsafe(trackOptions.timeout ?? Duration.minutes(20))
        return yield* Deferred.await(entry.deferred).pipe(
          Effect.timeoutOrElse({
            duration: timeout,
            orElse: () =>
              Effect.andThen(
                Effect.sync(() => entries.delete(key)),
                Effect.fail(
                  new VideoError({
                    provider: provider.id,
                    operation: "waitForCompletion",
                    ref: key,
                    reason: new Timeout({
                      message: `the job was not finished after ${Duration.format(timeout)}`,
                      after: timeout,
                      job: entry.last,
                    }),
                  }),
                ),
              ),
          }),
          Effect.onInterrupt(() => Effect.sync(() => entries.delete(key))),
        )
      })

    return { track, size: () => entries.size }
  })
