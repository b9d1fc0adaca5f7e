import { stepAt, type TimelineStep } from "@vidbridge/core/testing"

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

const readyAt = (timeline: DraftsTimeline): number => timeline[timeline.length - 1]?.at ?? 0

const progressAt = (timeline: DraftsTimeline, elapsed: number): number => {
  const total = readyAt(timeline)
  if (total <= 0) return 100
  return Math.max(0, Math.min(100, Math.floor((elapsed / total) * 100)))
}

/** The status and progress of `video` at clock time `now`. */
export const viewOf = (video: SimVideo, timeline: DraftsTimeline, now: number): SimView => {
  const elapsed = now - video.createdAt
  const ending = video.ending
  if (ending !== undefined && elapsed >= ending.at) {
    return {
      status: ending.status,
      progress: ending.status === "failed" ? -1 : Math.min(99, progressAt(timeline, ending.at)),
      endedAt: video.createdAt + ending.at,
    }
  }
  const { step } = stepAt(timeline, video.createdAt, now)
  if (step.status === "ready") {
    return { status: "ready", progress: 100, endedAt: video.createdAt + readyAt(timeline) }
  }
  return { status: step.status, progress: step.status === "not_started" ? 0 : progressAt(timeline, elapsed) }
}

/** When a video made now with an injected end should end: where it would have become `ready`. */
export const endingOfNext = (
  timeline: DraftsTimeline,
  status: DraftsEndStatus,
  reason: string,
): SimEnding => ({ status, at: readyAt(timeline), reason })

const round2 = (n: number): number => Math.round(n * 100) / 100

/** Seconds a scene lasts: its transcript read at 150 words a minute (at least 2 s), else 6 s. */
export const sceneSeconds = (scene: SimScene | undefined): number => {
  const words = scene?.transcript?.trim().split(/\s+/).filter(Boolean).length ?? 0
  return words === 0 ? 6 : Math.max(2, round2(words / 2.5))
}

/** `GET /videos/{id}/metadata` of a ready video: each scene's start and length, and the total. */
export const metadataOf = (
  video: SimVideo,
): {
  duration: number
  scenes_metadata: Array<{ scene_index: number; start_time: number; duration: number }>
} => {
  const count = video.scenes.length > 0 ? video.scenes.length : video.draftSceneCount
  let start = 0
  const scenes = Array.from({ length: count }, (_, index) => {
    const duration = sceneSeconds(video.scenes[index])
    const entry = { scene_index: index, start_time: round2(start), duration }
    start += duration
    return entry
  })
  return { duration: round2(start), scenes_metadata: scenes }
}

/** The simulator's own URLs for a video's file and player page, under `origin`. */
export const fileUrls = (origin: string, id: string) => ({
  download: `${origin}/sim/files/${id}.mp4`,
  player: `${origin}/sim/player/${id}`,
})

/**
 * A video as Hour One's `VideoResponse`. Fields the request did not set are left out: the
 * vendor's OpenAPI document types them as strings (never `null`).
 */
export const videoJson = (video: SimVideo, view: SimView, origin: string): Record<string, unknown> => {
  const body = video.body
  const copied = (keys: ReadonlyArray<string>) =>
    Object.fromEntries(keys.filter((key) => typeof body[key] === "string").map((key) => [key, body[key]]))
  const urls = fileUrls(origin, video.id)
  return {
    id: video.id,
    ...copied(["name"]),
    status: view.status,
    progress: view.progress,
    req_id: video.reqId,
    draft_id: video.draftId,
    ...copied(["source_draft_id", "recipe_id", "palette_id", "character_id", "voice_id"]),
    scenes: video.scenes.map((s) => ({
      name: s.name,
      type: "override_scene",
      media: s.media,
      texts: s.texts,
      ...(s.transcript !== undefined ? { transcript: s.transcript } : {}),
      ...(s.voiceRecordingUrl !== undefined ? { voice_recording_url: s.voiceRecordingUrl } : {}),
    })),
    video_player_url: urls.player,
    ...(view.status === "ready" ? { download_url: urls.download } : {}),
    ...(typeof body.metadata === "object" && body.metadata !== null ? { metadata: body.metadata } : {}),
    ...copied(["correlation_id"]),
  }
}

const hex = (prefix: string, n: number): string => prefix + n.toString(16).padStart(24 - prefix.length, "0")

/** Deterministic ids in Hour One's shapes: 24-hex video and draft ids, a UUID-shaped request id. */
export const idsFor = (n: number) => ({
  id: hex("65f0", n),
  draftId: hex("66d0", n),
  reqId: `00000000-0000-4000-8000-${n.toString(16).padStart(12, "0")}`,
})
