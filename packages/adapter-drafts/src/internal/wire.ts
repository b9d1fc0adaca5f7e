import { isDotSegment } from "@vidbridge/core/adapter"
import * as z from "zod/mini"

/** Video ids become JobRefs, which need a non-empty id without lone surrogates (no UTF-8 form). */
const videoId = z.string().check(
  z.minLength(1),
  z.refine((s) => !/\p{Cs}/u.test(s), "has a lone surrogate, which a JobRef cannot carry"),
  z.refine((s) => !isDotSegment(s), 'is "." or "..", which a JobRef cannot carry (a path segment)'),
)

// The documented wire shapes of Hour One's videos API (vendors/hourone.md, FastAPI spec
// "sizzle-server"). Responses are tolerant: unknown fields pass, optional fields may be null.

/** A `VideoScene` of a Blueprint (`override`) request. */
export const OverrideScene = z.looseObject({
  name: z.string(),
  type: z.optional(z.literal("override_scene")),
  media: z.optional(z.array(z.string())),
  texts: z.optional(z.array(z.string())),
  transcript: z.optional(z.string().check(z.maxLength(1000))),
  voice_recording_url: z.optional(z.string()),
})

/** One scene as sent by the adapter. */
export type OverrideScene = z.infer<typeof OverrideScene>

const metadataValue = z.union([z.string(), z.number(), z.boolean()])

/** `OverrideVideoRequest`: the body of `POST /videos` for videos from a draft or recipe. */
export const OverrideVideoRequest = z.looseObject({
  type: z.literal("override"),
  name: z.optional(z.string()),
  source_draft_id: z.optional(z.string()),
  recipe_id: z.optional(z.string()),
  folder_id: z.optional(z.string()),
  palette_id: z.optional(z.string()),
  character_id: z.optional(z.string()),
  voice_id: z.optional(z.string()),
  scenes: z.array(OverrideScene),
  logo_url: z.optional(z.string()),
  metadata: z.optional(z.record(z.string(), metadataValue)),
  correlation_id: z.optional(z.string().check(z.maxLength(100))),
})

/** The body the adapter sends to `POST /videos`. */
export type OverrideVideoRequest = z.infer<typeof OverrideVideoRequest>

/** `VideoResponse`: `POST /videos` (201), `GET /videos/{id}`, and each item of `GET /videos`. */
export const VideoResponse = z.looseObject({
  id: videoId,
  status: z.string(),
  name: z.nullish(z.string()),
  progress: z.nullish(z.number()),
  req_id: z.nullish(z.string()),
  draft_id: z.nullish(z.string()),
  source_draft_id: z.nullish(z.string()),
  recipe_id: z.nullish(z.string()),
  template_id: z.nullish(z.string()),
  palette_id: z.nullish(z.string()),
  character_id: z.nullish(z.string()),
  voice_id: z.nullish(z.string()),
  scenes: z.nullish(z.array(z.unknown())),
  video_player_url: z.nullish(z.string()),
  download_url: z.nullish(z.string()),
  metadata: z.nullish(z.record(z.string(), z.unknown())),
  correlation_id: z.nullish(z.string()),
})

/** A video as the vendor describes it. */
export type VideoResponse = z.infer<typeof VideoResponse>

/** `GET /videos`: a bare array, no pagination. */
export const VideoList = z.array(VideoResponse)

/** `VideoMetadataResponse`: `GET /videos/{id}/metadata`. */
export const VideoMetadataResponse = z.looseObject({
  duration: z.number(),
  scenes_metadata: z.array(
    z.looseObject({ scene_index: z.number(), start_time: z.number(), duration: z.number() }),
  ),
})

/** Scene timings and total length of a rendered video. */
export type VideoMetadataResponse = z.infer<typeof VideoMetadataResponse>

/** FastAPI's `HTTPValidationError` (HTTP 422); the document makes `detail` optional. */
export const HTTPValidationError = z.looseObject({
  detail: z.optional(
    z.array(
      z.looseObject({
        loc: z.array(z.union([z.string(), z.number()])),
        msg: z.string(),
        type: z.optional(z.string()),
      }),
    ),
  ),
})

/** `WebHookEvent`: the callback body for `video.ready` / `video.failed`. */
export const WebhookEvent = z.looseObject({
  event_name: z.string(),
  data: z.looseObject({
    id: videoId,
    req_id: z.nullish(z.string()),
    draft_id: z.nullish(z.string()),
    status: z.nullish(z.string()),
    download_url: z.nullish(z.string()),
    video_player_url: z.nullish(z.string()),
  }),
})

/** A parsed callback body. */
export type WebhookEvent = z.infer<typeof WebhookEvent>
