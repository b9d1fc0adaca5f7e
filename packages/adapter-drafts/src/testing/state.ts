import type { TimelineStep } from "@vidbridge/core/testing"

/** The statuses a simulated video moves through on its own. */
export type DraftsRunStatus = "not_started" | "started" | "processing" | "ready"

/** The statuses a simulated video only reaches by injection (`failNext`, `stop`, ...). */
export type DraftsEndStatus = "failed" | "stopped" | "cancelled"

/** Every status the simulator shows (a subset of Hour One's `VideoStatusEnum`). */
export type DraftsSimStatus = DraftsRunStatus | DraftsEndStatus

/** When a simulated video shows each status, in milliseconds after it was created. */
export type DraftsTimeline = ReadonlyArray<TimelineStep<DraftsRunStatus>>

/**
 * The default life of a video: `not_started`, `started` after 20 s, `processing` after
 * 1 min, `ready` after 5 min (simulated time).
 */
export const defaultTimeline: DraftsTimeline = [
  { status: "not_started", at: 0 },
  { status: "started", at: 20_000 },
  { status: "processing", at: 60_000 },
  { status: "ready", at: 300_000 },
]

/**
 * Checks a timeline: at least one step, starting at 0, times not decreasing, ending with
 * `ready`. Throws a `TypeError` naming the problem.
 */
export const checkTimeline = (timeline: DraftsTimeline): DraftsTimeline => {
  const first = timeline[0]
  const last = timeline[timeline.length - 1]
  if (first === undefined || last === undefined) throw new TypeError("timeline: needs at least one step")
  if (first.at !== 0) throw new TypeError("timeline: the first step must be at 0")
  if (last.status !== "ready") throw new TypeError('timeline: the last step must be "ready"')
  timeline.forEach((step, i) => {
    const before = timeline[i - 1]
    if (before !== undefined && step.at < before.at) {
      throw new TypeError(`timeline: step ${i} (${step.status}) is earlier than the step before it`)
    }
  })
  return timeline
}

/** One scene of a simulated video, as accepted from the request. */
export interface SimScene {
  readonly name: string
  readonly transcript?: string | undefined
  readonly texts: ReadonlyArray<string>
  readonly media: ReadonlyArray<string>
  readonly voiceRecordingUrl?: string | undefined
}

/** A simulated video, as the simulator sees it (for assertions). */
export interface DraftsSimVideo {
  readonly id: string
  readonly status: DraftsSimStatus
  readonly progress: number
  /** Clock time (ms) of creation. */
  readonly createdAt: number
  readonly correlationId: string | undefined
  readonly sourceDraftId: string | undefined
  readonly recipeId: string | undefined
  /** The accepted `POST /videos` body. */
  readonly body: Readonly<Record<string, unknown>>
  /** The reason given to `failNext` / `fail` / ..., once the video ended that way (Hour One's API carries none). */
  readonly endReason: string | undefined
}

/** An injected end: the video shows `status` from `at` ms after creation on. */
export interface SimEnding {
  readonly status: DraftsEndStatus
  readonly at: number
  readonly reason: string
}

/** A video the simulator holds. */
export interface SimVideo {
  readonly id: string
  readonly reqId: string
  readonly draftId: string
  /** Clock time (ms) of creation. */
  readonly createdAt: number
  /** The accepted request body (strings and scenes as sent). */
  readonly body: Readonly<Record<string, unknown>>
  readonly scenes: ReadonlyArray<SimScene>
  /** Scene count of the source draft used when the request sent no scenes. */
  readonly draftSceneCount: number
  ending?: SimEnding | undefined
}

/** What a video looks like at one moment. */
export interface SimView {
  readonly status: DraftsSimStatus
  /** Hour One's progress: 0..100, -1 for a failed video, at most 99 for a stopped or cancelled one. */
  readonly progress: number
  /** Clock time (ms) the video reached its terminal status, once it has. */
  readonly endedAt?: number | undefined
}

/** When a video following `timeline` becomes `ready`, in ms after creation. */
export const readyAt = (timeline: DraftsTimeline): number => timeline[timeline.length - 1]?.at ?? 0

/** When a video made now with an injected end should end: where it would have become `ready`. */
export const endingOfNext = (
  timeline: DraftsTimeline,
  status: DraftsEndStatus,
  reason: string,
): SimEnding => ({ status, at: readyAt(timeline), reason })

const hex = (prefix: string, n: number): string => prefix + n.toString(16).padStart(24 - prefix.length, "0")

/** Deterministic ids in Hour One's shapes: 24-hex video and draft ids, a UUID-shaped request id. */
export const idsFor = (n: number) => ({
  id: hex("65f0", n),
  draftId: hex("66d0", n),
  reqId: `00000000-0000-4000-8000-${n.toString(16).padStart(12, "0")}`,
})
