import * as Deferred from "effect/Deferred"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import type * as Scope from "effect/Scope"
import { JobRef, type JobRefInput } from "../JobRef.js"
import { isSettled } from "../model/JobStatus.js"
import type { VideoJob } from "../model/VideoJob.js"
import { Timeout, VideoError } from "../VideoError.js"
import type { VideoProviderShape } from "../VideoProvider.js"
import { type Reading, readRound } from "./batchReads.js"
import { onCancelled } from "./cancellations.js"
import { pollFloor } from "./pollUntil.js"
import { parseRef, settle } from "./waitForCompletion.js"

/** Options for {@link makeBatchPoller}. */
export interface BatchPollerOptions {
  /** Time between rounds. Default 10 s; never shorter than `minInterval`. */
  readonly interval?: Duration.Input | undefined
  /**
   * The least time between rounds. Default: the vendor's documented floor
   * (`provider.polling.minInterval`, JoggAI 5 s), so a shorter `interval` is raised to it. Set it
   * (even to 0) to poll faster than the vendor's floor on purpose: a simulator, an agreed limit.
   */
  readonly minInterval?: Duration.Input | undefined
  /** Reads in flight at once within a round. Default 4. */
  readonly concurrency?: number | undefined
  /** Called after each round with the number of status requests it made. */
  readonly onRound?: ((round: { readonly tracked: number; readonly requests: number }) => void) | undefined
}

/** Tracks many jobs with one shared polling loop. */
export interface BatchPoller {
  /**
   * Waits for a job to settle, reading it together with every other tracked job: with a
   * vendor batch read by ids (`getStatuses`, `capabilities.batchStatusLimit` > 1) a round costs
   * ceil(tracked / limit) requests instead of one per job; with a list scan (`scanStatuses`)
   * the pages of the vendor's newest-first list that hold the tracked jobs.
   */
  readonly track: (
    ref: JobRefInput,
    options?: { readonly timeout?: Duration.Input | undefined },
  ) => Effect.Effect<VideoJob, VideoError>
  /**
   * Waits for many jobs at once, like one `track` per job but without a fiber and a timer
   * per job (what makes 10,000 jobs cheap). Answers one `Exit` per ref, in order: the
   * settled job, or its failure (`JobFailed`, `ContentRejected`, `Timeout` after `timeout`
   * carrying the last job seen, `InvalidInput` for a bad ref).
   *
   * @example
   * ```ts
   * const exits = yield* poller.trackAll(refs, { timeout: "30 minutes" })
   * const done = exits.filter(Exit.isSuccess).map((exit) => exit.value)
   * ```
   */
  readonly trackAll: (
    refs: ReadonlyArray<JobRefInput>,
    options?: { readonly timeout?: Duration.Input | undefined },
  ) => Effect.Effect<ReadonlyArray<Exit.Exit<VideoJob, VideoError>>>
  /** How many jobs are tracked now. */
  readonly size: () => number
}

type Settled = Exit.Exit<VideoJob, VideoError>
type Waiter = (settled: Settled) => void

interface Entry {
  readonly ref: JobRef
  readonly key: string
  last?: VideoJob
  /** One per `track`, or per job of a `trackAll`, waiting for this job. */
  readonly waiters: Array<Waiter>
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
    const interval = Duration.max(
      Duration.fromInputUnsafe(options.interval ?? Duration.seconds(10)),
      pollFloor(provider, options.minInterval),
    )
    const concurrency = options.concurrency ?? 4
    const entries = new Map<string, Entry>()

    const finish = (entry: Entry, settled: Settled) => {
      if (entries.get(entry.key) === entry) entries.delete(entry.key)
      for (const waiter of entry.waiters.splice(0)) waiter(settled)
    }

    // Each reading replaces the job's previous one as soon as it answers (10,000 jobs would
    // otherwise hold two readings each until the round ends). A transient failure keeps the
    // job for the next round; a final one, or a settled job, ends its waits after `onRound`.
    const round = Effect.gen(function* () {
      const tracked = [...entries.values()]
      if (tracked.length === 0) return
      const ended: Array<Reading<Entry>> = []
      const apply = ([entry, exit]: Reading<Entry>): Effect.Effect<void> => {
        if (Exit.isFailure(exit)) {
          const error = exit.cause.reasons.find((r) => r._tag === "Fail")?.error
          if (error !== undefined && !error.retryable) ended.push([entry, Exit.fail(error)])
          return Effect.void
        }
        entry.last = exit.value
        if (!isSettled(exit.value.status)) return Effect.void
        return Effect.map(Effect.exit(settle(provider.id, "waitForCompletion", exit.value)), (settled) => {
          ended.push([entry, settled])
        })
      }
      const requests = yield* readRound(provider, tracked, concurrency, apply)
      options.onRound?.({ tracked: tracked.length, requests })
      for (const [entry, settled] of ended) finish(entry, settled)
    })

    yield* Effect.forkScoped(Effect.forever(Effect.andThen(Effect.sleep(interval), round)))
    // A job cancelled through this provider ends its waits at once, as a cancelled read would.
    const off = onCancelled(provider, (key, job) => {
      const entry = entries.get(key)
      if (entry === undefined) return
      entry.last = job
      finish(entry, Effect.runSyncExit(settle(provider.id, "waitForCompletion", job)))
    })
    yield* Effect.addFinalizer(() => Effect.sync(off))

    const register = (ref: JobRef, waiter: Waiter): Entry => {
      const key = JobRef.format(ref)
      let entry = entries.get(key)
      if (entry === undefined) {
        entry = { ref, key, waiters: [] }
        entries.set(key, entry)
      }
      entry.waiters.push(waiter)
      return entry
    }

    // A wait that ended without the job settling (timeout, interruption) stops reading it
    // unless someone else still waits for it.
    const unregister = (entry: Entry, waiter: Waiter) => {
      const at = entry.waiters.indexOf(waiter)
      if (at >= 0) entry.waiters.splice(at, 1)
      if (entry.waiters.length === 0 && entries.get(entry.key) === entry) entries.delete(entry.key)
    }

    const timedOut = (entry: Entry, timeout: Duration.Duration) =>
      new VideoError({
        provider: provider.id,
        operation: "waitForCompletion",
        ref: entry.key,
        reason: new Timeout({
          message: `the job was not finished after ${Duration.format(timeout)}`,
          after: timeout,
          job: entry.last,
        }),
      })

    const track = (
      input: JobRefInput,
      trackOptions: { readonly timeout?: Duration.Input | undefined } = {},
    ) =>
      Effect.gen(function* () {
        const ref = yield* parseRef(provider, input, "waitForCompletion")
        const deferred = yield* Deferred.make<VideoJob, VideoError>()
        const waiter: Waiter = (settled) => {
          Deferred.doneUnsafe(deferred, settled)
        }
        const entry = register(ref, waiter)
        const timeout = Duration.fromInputUnsafe(trackOptions.timeout ?? Duration.minutes(20))
        return yield* Deferred.await(deferred).pipe(
          Effect.timeoutOrElse({
            duration: timeout,
            orElse: () =>
              Effect.andThen(
                Effect.sync(() => unregister(entry, waiter)),
                Effect.fail(timedOut(entry, timeout)),
              ),
          }),
          Effect.onInterrupt(() => Effect.sync(() => unregister(entry, waiter))),
        )
      })

    const trackAll = (
      inputs: ReadonlyArray<JobRefInput>,
      trackOptions: { readonly timeout?: Duration.Input | undefined } = {},
    ) =>
      Effect.gen(function* () {
        const timeout = Duration.fromInputUnsafe(trackOptions.timeout ?? Duration.minutes(20))
        const parsed = yield* Effect.forEach(inputs, (input) =>
          Effect.exit(parseRef(provider, input, "waitForCompletion")),
        )
        const results: Array<Settled | undefined> = new Array(inputs.length)
        const waiting: Array<readonly [Entry, Waiter] | undefined> = new Array(inputs.length)
        const allSettled = yield* Deferred.make<void>()
        let pending = 0
        parsed.forEach((exit, i) => {
          if (Exit.isFailure(exit)) {
            results[i] = Exit.failCause(exit.cause)
            return
          }
          pending++
          const waiter: Waiter = (settled) => {
            results[i] = settled
            waiting[i] = undefined
            if (--pending === 0) Deferred.doneUnsafe(allSettled, Effect.void)
          }
          waiting[i] = [register(exit.value, waiter), waiter]
        })
        // Whatever is still waiting when this ends (timeout or interruption) stops being read.
        const release = (mark: boolean) =>
          Effect.sync(() => {
            waiting.forEach((wait, i) => {
              if (wait === undefined) return
              unregister(wait[0], wait[1])
              if (mark) results[i] = Exit.fail(timedOut(wait[0], timeout))
            })
          })
        if (pending > 0) {
          yield* Deferred.await(allSettled).pipe(
            Effect.timeoutOrElse({ duration: timeout, orElse: () => release(true) }),
            Effect.onInterrupt(() => release(false)),
          )
        }
        return results as ReadonlyArray<Settled>
      })

    return { track, trackAll, size: () => entries.size }
  })
