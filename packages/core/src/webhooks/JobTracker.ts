import { compareProgress, isTerminal } from "../model/JobStatus.js"
import type { VideoJob } from "../model/VideoJob.js"
import { sameJob } from "../polling.js"

/** What a tracker decided about one observation of a job. */
export type Observation = "advanced" | "duplicate" | "stale"

/**
 * Remembers the furthest state seen per job so duplicate and out-of-order deliveries
 * never move a job backwards. The default keeps everything in memory; implement this
 * interface over your database to share it between processes.
 */
export interface JobTracker {
  /** Says whether `job` would move the job forward, without remembering it. */
  readonly check: (job: VideoJob, eventId?: string) => Observation
  /** Remembers `job` (call after handling it, so a failed handler can be retried). */
  readonly record: (job: VideoJob, eventId?: string) => void
  /** The furthest state seen for a ref. */
  readonly get: (ref: string) => VideoJob | undefined
}

const evictOldest = (store: Map<string, unknown> | Set<string>, max: number): void => {
  if (store.size <= max) return
  const oldest = store.keys().next()
  if (!oldest.done) store.delete(oldest.value)
}

/**
 * An in-memory {@link JobTracker}. `maxEntries` bounds memory: the oldest jobs and event
 * ids are forgotten first.
 */
export const makeJobTracker = (options: { readonly maxEntries?: number } = {}): JobTracker => {
  const max = options.maxEntries ?? 10_000
  const jobs = new Map<string, VideoJob>()
  const events = new Set<string>()
  const eventKey = (job: VideoJob, eventId: string) => `${job.provider}:${eventId}`
  return {
    get: (ref) => jobs.get(ref),
    check: (job, eventId) => {
      if (eventId !== undefined && events.has(eventKey(job, eventId))) return "duplicate"
      const previous = jobs.get(job.ref)
      if (previous === undefined) return "advanced"
      if (sameJob(previous, job)) return "duplicate"
      if (isTerminal(previous.status) || compareProgress(job, previous) < 0) return "stale"
      return "advanced"
    },
    record: (job, eventId) => {
      if (eventId !== undefined) {
        events.add(eventKey(job, eventId))
        evictOldest(events, max)
      }
      jobs.delete(job.ref)
      jobs.set(job.ref, job)
      evictOldest(jobs, max)
    },
  }
}
