import { stepAt } from "@vidbridge/core/testing"
import {
  type DraftsSimVideo,
  type DraftsTimeline,
  readyAt,
  type SimScene,
  type SimVideo,
  type SimView,
} from "./state.js"

// What the simulated API shows of its state: a video's status and progress at a moment, and
// the vendor's JSON for it (`VideoResponse`, `VideoMetadataResponse`, file URLs).

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

/** A video as `sim.videos()` shows it (for assertions). */
export const simVideoOf = (video: SimVideo, view: SimView): DraftsSimVideo => {
  const str = (key: string) => (typeof video.body[key] === "string" ? (video.body[key] as string) : undefined)
  const ended = view.status === "failed" || view.status === "stopped" || view.status === "cancelled"
  return {
    id: video.id,
    status: view.status,
    progress: view.progress,
    createdAt: video.createdAt,
    correlationId: str("correlation_id"),
    sourceDraftId: str("source_draft_id"),
    recipeId: str("recipe_id"),
    body: video.body,
    endReason: ended ? video.ending?.reason : undefined,
  }
}
