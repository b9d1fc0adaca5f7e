import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import { chunk } from "../adapter/collections.js"
import type { JobRef } from "../JobRef.js"
import type { VideoJob } from "../model/VideoJob.js"
import type { VideoError } from "../VideoError.js"
import type { VideoProviderShape } from "../VideoProvider.js"

// One round of the batch poller's reads: one request per job, the vendor's batch read by ids
// (`getStatuses`, up to `batchStatusLimit` a request), or its list scan (`scanStatuses`, every
// tracked job in one pass). Jobs a batch read or scan leaves out are read one by one.

/** A tracked job as the reads see it. @internal */
export interface Tracked {
  readonly ref: JobRef
  readonly key: string
}

/** One job's reading: its job, or why it could not be read. @internal */
export type Reading<E extends Tracked> = readonly [E, Exit.Exit<VideoJob, VideoError>]

/** `f` on every item, `concurrency` at a time (one after the other by default), results dropped. */
const each = <A>(
  items: ReadonlyArray<A>,
  f: (item: A) => Effect.Effect<void>,
  concurrency?: number,
): Effect.Effect<void> => Effect.forEach(items, f, { concurrency, discard: true })

/**
 * Reads every job of `tracked` once, handing each reading to `apply` as soon as it answers;
 * answers the number of status requests made. @internal
 */
export const readRound = <E extends Tracked>(
  provider: VideoProviderShape,
  tracked: ReadonlyArray<E>,
  concurrency: number,
  apply: (reading: Reading<E>) => Effect.Effect<void>,
): Effect.Effect<number> => {
  let requests = 0
  const readOne = (entry: E): Effect.Effect<void> =>
    Effect.flatMap(Effect.exit(provider.getStatus(entry.ref)), (exit) => {
      requests++
      return apply([entry, exit])
    })
  // A batch answer: its jobs applied, the entries it left out read one by one.
  const answered = (group: ReadonlyArray<E>, exit: Exit.Exit<ReadonlyArray<VideoJob>, VideoError>) => {
    if (Exit.isFailure(exit)) return each(group, (entry) => apply([entry, Exit.failCause(exit.cause)]))
    const byRef = new Map(exit.value.map((job) => [job.ref, job]))
    const found: Array<Reading<E>> = []
    const missing: Array<E> = []
    for (const entry of group) {
      const job = byRef.get(entry.key)
      if (job === undefined) missing.push(entry)
      else found.push([entry, Exit.succeed(job)])
    }
    return Effect.andThen(each(found, apply), each(missing, readOne, concurrency))
  }
  const { getStatuses, scanStatuses } = provider
  // Without a batch read every job is read by id, whatever limit the capabilities declare; with
  // one, a group of one is read by id too.
  const reads =
    scanStatuses !== undefined && tracked.length > 1
      ? Effect.flatMap(Effect.exit(scanStatuses(tracked.map((e) => e.ref))), (exit) => {
          // A failed scan counts one request: the page that failed.
          requests += Exit.isSuccess(exit) ? exit.value.requests : 1
          return answered(
            tracked,
            Exit.map(exit, (scan) => scan.jobs),
          )
        })
      : getStatuses === undefined
        ? each(tracked, readOne, concurrency)
        : each(
            chunk(tracked, Math.max(1, provider.capabilities.batchStatusLimit)),
            (group) =>
              group.length === 1
                ? readOne(group[0]!)
                : Effect.flatMap(Effect.exit(getStatuses(group.map((e) => e.ref))), (exit) => {
                    requests++
                    return answered(group, exit)
                  }),
            concurrency,
          )
  return Effect.map(reads, () => requests)
}
