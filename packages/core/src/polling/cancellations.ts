import { isTerminal } from "../model/JobStatus.js"
import type { VideoJob } from "../model/VideoJob.js"
import type { VideoProviderShape } from "../VideoProvider.js"

// Local waits on a job end when the job is cancelled through the same provider: `cancel` tells
// every wait (waitForCompletion, watch, waitForAll) listening on that provider.

type Listener = (ref: string, job: VideoJob) => void

const listeners = new WeakMap<VideoProviderShape, Set<Listener>>()

/** Calls `listener` with each job cancelled through `provider`; answers the unsubscribe. @internal */
export const onCancelled = (provider: VideoProviderShape, listener: Listener): (() => void) => {
  let set = listeners.get(provider)
  if (set === undefined) {
    set = new Set()
    listeners.set(provider, set)
  }
  set.add(listener)
  return () => set.delete(listener)
}

/**
 * Tells the waits on `ref` that it was cancelled. The job as the cancel answered it; one the
 * vendor still shows as moving counts as `cancelled` here (the caller stopped it). @internal
 */
export const cancelled = (provider: VideoProviderShape, ref: string, job: VideoJob): void => {
  const ended: VideoJob = isTerminal(job.status) ? job : { ...job, status: "cancelled" }
  for (const listener of listeners.get(provider) ?? []) listener(ref, ended)
}
