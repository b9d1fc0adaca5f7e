import type * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as z from "zod/mini"
import { callback, durationInput } from "../internal/inputChecks.js"
import type { LazyProvider } from "../internal/lazyProvider.js"
import { JobRef, type JobRefInput } from "../JobRef.js"
import type { VideoJob } from "../model/VideoJob.js"
import type { VideoError } from "../VideoError.js"
import { VideoProvider, type VideoProviderShape } from "../VideoProvider.js"
import { validate } from "../validate.js"
import { type BatchPollerOptions, makeBatchPoller } from "./BatchPoller.js"

/** Options of `waitForAll`. */
export interface WaitForAllOptions {
  /** Time between rounds. Default 10 s; never shorter than `minInterval`. */
  readonly interval?: Duration.Input | undefined
  /** The least time between rounds; default the vendor's floor (see `BatchPollerOptions.minInterval`). */
  readonly minInterval?: Duration.Input | undefined
  /** Give up on a job after this long (its result is a `Timeout` carrying the last job). Default 20 minutes. */
  readonly timeout?: Duration.Input | undefined
  /** Called after each round with the number of status requests it made. */
  readonly onRound?: BatchPollerOptions["onRound"]
}

/** One result of `waitForAll`: the settled job, or why it did not succeed. */
export type BatchResult =
  | { readonly ref: string; readonly ok: true; readonly job: VideoJob }
  | { readonly ref: string; readonly ok: false; readonly error: VideoError }

// What `waitForAll` takes besides the refs themselves (checked one by one as they are routed).
const WaitForAllSchema = z.looseObject({
  refs: z.array(z.unknown()),
  interval: z.optional(durationInput),
  minInterval: z.optional(durationInput),
  timeout: z.optional(durationInput),
  onRound: z.optional(callback()),
})

/**
 * {@link waitForAll} over providers chosen per ref: `route` names the provider of a ref (and
 * throws a `VideoError` for a ref none takes). One batch poller per provider. @internal
 */
export const waitForAllWith = (
  refs: ReadonlyArray<JobRefInput>,
  options: WaitForAllOptions | undefined,
  route: (ref: JobRefInput) => Pick<LazyProvider, "use">,
): Effect.Effect<ReadonlyArray<BatchResult>, VideoError> =>
  Effect.scoped(
    Effect.gen(function* () {
      yield* validate(
        WaitForAllSchema,
        { refs, ...options },
        { provider: "vidbridge", operation: "waitForAll" },
      )
      // Indexes of the refs per provider; one poller each, one wait for all of its jobs.
      const byProvider = new Map<Pick<LazyProvider, "use">, Array<number>>()
      refs.forEach((ref, i) => {
        const provider = route(ref)
        const indexes = byProvider.get(provider)
        if (indexes === undefined) byProvider.set(provider, [i])
        else indexes.push(i)
      })
      const results = new Array<BatchResult>(refs.length)
      yield* Effect.forEach(
        byProvider,
        ([provider, indexes]) =>
          provider.use((shape) =>
            Effect.gen(function* () {
              const poller = yield* makeBatchPoller(shape, {
                interval: options?.interval,
                minInterval: options?.minInterval,
                onRound: options?.onRound,
              })
              const exits = yield* poller.trackAll(
                indexes.map((i) => refs[i]!),
                { timeout: options?.timeout },
              )
              for (let k = 0; k < indexes.length; k++) {
                const ref = refs[indexes[k]!]!
                const text = typeof ref === "string" ? ref : JobRef.format(ref)
                results[indexes[k]!] = yield* exits[k]!.pipe(
                  Effect.map((job): BatchResult => ({ ref: text, ok: true, job })),
                  Effect.catch((error: VideoError) =>
                    Effect.succeed<BatchResult>({ ref: text, ok: false, error }),
                  ),
                )
              }
            }),
          ),
        { concurrency: "unbounded", discard: true },
      )
      return results
    }),
  )

/**
 * Waits for many jobs of the {@link VideoProvider} with one shared loop, reading them in
 * batches where the vendor can (by ids, `capabilities.batchStatusLimit`, or by paging its job
 * list): one result per ref, in order. Rounds are never closer than the vendor's polling floor.
 * A job that fails, is rejected or times out is a result with `ok: false`, not a failure.
 *
 * @example
 * ```ts
 * const results = yield* waitForAll(refs, { interval: "15 seconds", timeout: "30 minutes" })
 * const videos = results.flatMap((r) => (r.ok ? [r.job.videoUrl] : []))
 * ```
 */
export const waitForAll = (
  refs: ReadonlyArray<JobRefInput>,
  options?: WaitForAllOptions,
): Effect.Effect<ReadonlyArray<BatchResult>, VideoError, VideoProvider> =>
  Effect.flatMap(VideoProvider, (shape: VideoProviderShape) =>
    waitForAllWith(refs, options, () => ({ use: (f) => f(shape) })),
  )
