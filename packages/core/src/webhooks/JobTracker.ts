import { compareProgress, isTerminal } from "../model/JobStatus.js"
import type { VideoJob } from "../model/VideoJob.js"
import { sameJob } from "../polling/pollUntil.js"

/** What a tracker decided about one observation of a job. */
export type Observation = "advanced" | "duplicate" | "stale"

/**
 * Remembers the furthest state seen per job so duplicate and out-of-order deliveries never
 * move a job backwards, and no delivery reaches `onEvent` twice, even when two arrive at once.
 *
 * Deciding and remembering are one step (`claim`): a store shared between processes (a
 * database, Redis) implements it atomically, e.g. as a transaction or a script, and may answer
 * with a Promise. The default ({@link makeJobTracker}) keeps everything in memory.
 *
 * @example
 * ```ts
 * // The handler's use of a tracker:
 * if ((await tracker.claim(event.job, event.eventId)) === "advanced") {
 *   try { await onEvent(event) } catch (e) { await tracker.release(event.job, event.eventId); throw e }
 * }
 * ```
 */
export interface JobTracker {
  /**
   * Decides whether `job` moves its job forward and, when it does (`"advanced"`), remembers
   * it in the same atomic step, so a concurrent duplicate is answered `"duplicate"`.
   */
  readonly claim: (job: VideoJob, eventId?: string) => Observation | PromiseLike<Observation>
  /**
   * Gives back a claim whose handling failed, so the vendor's redelivery is processed: forgets
   * the event id and restores the job's previous state, unless a later claim moved it on since.
   */
  readonly release: (job: VideoJob, eventId?: string) => void | PromiseLike<void>
}

/** The in-memory {@link JobTracker}, which can also be read. */
export interface MemoryJobTracker extends JobTracker {
  /** Says what `claim` would answer, without remembering anything. */
  readonly check: (job: VideoJob, eventId?: string) => Observation
  /** The furthest state claimed for a ref. */
  readonly get: (ref: string) => VideoJob | undefined
}

/**
 * An observation as far along as `previous` that lacks what `previous` showed (a video or
 * preview URL, previews): an older delivery of the same step, arriving late.
 */
const knowsLess = (job: VideoJob, previous: VideoJob): boolean =>
  (previous.videoUrl !== undefined && job.videoUrl === undefined) ||
  (previous.previewUrl !== undefined && job.previewUrl === undefined) ||
  (job.previews?.length ?? 0) < (previous.previews?.length ?? 0)

const evictOldest = (store: Map<string, unknown> | Set<string>, max: number): void => {
  if (store.size <= max) return
  const oldest = store.keys().next()
  if (!oldest.done) store.delete(oldest.value)
}

/**
 * An in-memory {@link JobTracker}. `maxEntries` bounds memory: the oldest jobs and event
 * ids are forgotten first. Claims are synchronous, so they are atomic within one process.
 */
export const makeJobTracker = (options: { readonly maxEntries?: number } = {}): MemoryJobTracker => {
  const max = options.maxEntries ?? 10_000
  const jobs = new Map<string, VideoJob>()
  const events = new Set<string>()
  // Claims of one job form a chain (each replaced the one before), so releasing any claim, in
  // any order, leaves the job at the last claim not released. Keyed by the claimed objects.
  const replaced = new WeakMap<VideoJob, VideoJob | undefined>()
  const successor = new WeakMap<VideoJob, VideoJob>()
  const eventKey = (job: VideoJob, eventId: string) => `${job.provider}:${eventId}`
  const remember = (job: VideoJob) => {
    jobs.delete(job.ref)
    jobs.set(job.ref, job)
    evictOldest(jobs, max)
  }
  const check = (job: VideoJob, eventId?: string): Observation => {
    if (eventId !== undefined && events.has(eventKey(job, eventId))) return "duplicate"
    const previous = jobs.get(job.ref)
    if (previous === undefined) return "advanced"
    if (sameJob(previous, job)) return "duplicate"
    if (isTerminal(previous.status)) return "stale"
    const order = compareProgress(job, previous)
    return order < 0 || (order === 0 && knowsLess(job, previous)) ? "stale" : "advanced"
  }
  return {
    get: (ref) => jobs.get(ref),
    check,
    claim: (job, eventId) => {
      const observation = check(job, eventId)
      if (observation !== "advanced") return observation
      if (eventId !== undefined) {
        events.add(eventKey(job, eventId))
        evictOldest(events, max)
      }
      const previous = jobs.get(job.ref)
      replaced.set(job, previous)
      if (previous !== undefined) successor.set(previous, job)
      remember(job)
      return observation
    },
    release: (job, eventId) => {
      if (eventId !== undefined) events.delete(eventKey(job, eventId))
      if (!replaced.has(job)) return
      const previous = replaced.get(job)
      const next = successor.get(job)
      replaced.delete(job)
      successor.delete(job)
      if (next !== undefined) {
        // A later claim replaced this one: unlink it, so releasing that one restores `previous`.
        replaced.set(next, previous)
        if (previous !== undefined) successor.set(previous, next)
      } else if (jobs.get(job.ref) === job) {
        if (previous === undefined) jobs.delete(job.ref)
        else {
          successor.delete(previous)
          remember(previous)
        }
      }
    },
  }
}
