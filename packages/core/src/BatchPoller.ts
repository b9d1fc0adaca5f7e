import { Deferred, Duration, Effect, Exit, type Scope } from "effect"
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

    type Outcome = readonly [Entry, Exit.Exit<VideoJob, VideoError>]

    const readOne = (entry: Entry): Effect.Effect<Outcome> =>
      Effect.map(Effect.exit(provider.getStatus(entry.ref)), (exit) => [entry, exit] as const)

    const readGroup = (
      group: ReadonlyArray<Entry>,
    ): Effect.Effect<{ requests: number; outcomes: Outcome[] }> => {
      if (group.length === 1 || provider.getStatuses === undefined) {
        return Effect.map(
          Effect.forEach(group, readOne, { concurrency: options.concurrency ?? 4 }),
          (outcomes) => ({
            requests: outcomes.length,
            outcomes,
          }),
        )
      }
      return Effect.exit(provider.getStatuses(group.map((e) => e.ref))).pipe(
        Effect.flatMap((exit) => {
          if (Exit.isFailure(exit)) {
            return Effect.succeed({
              requests: 1,
              outcomes: group.map((entry): Outcome => [entry, Exit.failCause(exit.cause)]),
            })
          }
          const byRef = new Map(exit.value.map((job) => [job.ref, job]))
          const missing = group.filter((entry) => !byRef.has(JobRef.format(entry.ref)))
          const found = group
            .filter((entry) => byRef.has(JobRef.format(entry.ref)))
            .map((entry): Outcome => [entry, Exit.succeed(byRef.get(JobRef.format(entry.ref))!)])
          return Effect.map(Effect.forEach(missing, readOne), (extra) => ({
            requests: 1 + extra.length,
            outcomes: [...found, ...extra],
          }))
        }),
      )
    }

    // A transient failure keeps the job for the next round; a final one ends its wait.
    const apply = ([entry, exit]: Outcome) =>
      Effect.gen(function* () {
        const key = JobRef.format(entry.ref)
        if (Exit.isFailure(exit)) {
          const error = exit.cause.reasons.find((r) => r._tag === "Fail")?.error
          if (error === undefined || error.retryable) return
          entries.delete(key)
          yield* Deferred.fail(entry.deferred, error)
          return
        }
        entry.last = exit.value
        if (!isSettled(exit.value.status)) return
        entries.delete(key)
        yield* Deferred.done(
          entry.deferred,
          yield* Effect.exit(settle(provider.id, "waitForCompletion", exit.value)),
        )
      })

    const round = Effect.gen(function* () {
      const tracked = [...entries.values()]
      if (tracked.length === 0) return
      const results = yield* Effect.forEach(chunk(tracked, limit), readGroup, {
        concurrency: options.concurrency ?? 4,
      })
      options.onRound?.({ tracked: tracked.length, requests: results.reduce((n, r) => n + r.requests, 0) })
      yield* Effect.forEach(
        results.flatMap((r) => r.outcomes),
        apply,
      )
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
