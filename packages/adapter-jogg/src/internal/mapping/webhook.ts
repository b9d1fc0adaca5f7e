import { JobRef, type JobStatus, type VideoJob } from "@vidbridge/core"
import type { WebhookPayload } from "../wire/v2.js"
import { type Kind, Kinds, PROVIDER_ID, str } from "./refs.js"
import { failureFrom, fromV2Status } from "./v2.js"

// JoggAI's account-webhook payloads -> the neutral job an event is about. Pure.

const webhookStatus = (payload: WebhookPayload): JobStatus => {
  const fromData = fromV2Status(payload.data?.status)
  if (fromData !== "unknown") return fromData
  if (payload.event.endsWith("_success")) return "succeeded"
  if (payload.event.endsWith("_failed")) return "failed"
  return "unknown"
}

/** The kind of video a v2 event names by `video_id`: avatar and template events, else a product video. */
const videoKind = (event: string): Kind =>
  event.startsWith("generated_avatar_video")
    ? Kinds.avatarVideo
    : event.startsWith("generated_template_video")
      ? Kinds.templateVideo
      : Kinds.productVideo

/**
 * The job an account-webhook delivery is about, with the ref the call that made it returned:
 * `data.video_id` (v2) a product, avatar or template video by the event's name, `data.project_id`
 * (v1 / `open` payloads) an open project, `data.photo_id` / `data.motion_id` (photo-avatar image
 * and motion events) a photo or a motion; `undefined` when it names none of them.
 */
export const webhookJob = (payload: WebhookPayload, raw: unknown): VideoJob | undefined => {
  const data = payload.data ?? {}
  const ids: ReadonlyArray<readonly [Kind, string | undefined]> = [
    [videoKind(payload.event), str(data.video_id) ?? str(data.product_video_id)],
    [Kinds.openProject, str(data.project_id)],
    [Kinds.motion, str(data.motion_id)],
    [Kinds.photo, str(data.photo_id)],
  ]
  const [kind, id] = ids.find(([, value]) => value !== undefined) ?? []
  if (kind === undefined || id === undefined) return undefined
  const status = webhookStatus(payload)
  return {
    ref: JobRef.format(JobRef.make(PROVIDER_ID, kind, id)),
    provider: PROVIDER_ID,
    status,
    vendorStatus: str(data.status) ?? payload.event,
    stage: "render",
    progress: status === "succeeded" ? 1 : undefined,
    videoUrl: str(data.video_url) ?? str(data.motion_url),
    thumbnailUrl: str(data.cover_url) ?? str(data.photo_url) ?? str(data.photo_urls?.[0]),
    durationSeconds: data.video_duration ?? data.duration ?? undefined,
    failure:
      status === "failed" ? failureFrom(data.error, undefined, `JoggAI sent ${payload.event}`) : undefined,
    raw,
  }
}
