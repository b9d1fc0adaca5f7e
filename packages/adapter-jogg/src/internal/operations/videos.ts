import type {
  AvatarVideoInput,
  RenderRequest,
  SubmissionContext,
  VideoError,
  VideoJob,
} from "@vidbridge/core"
import * as Effect from "effect/Effect"
import type { JoggV2Api } from "../client/v2.js"
import { Kinds } from "../mapping/refs.js"
import { avatarVideoBody, templateVideoBody } from "../requests/videos.js"
import { accepted, announce, requireId, videoIdOf } from "./shared.js"

// The v2 renders that are not product videos: avatar (talking-head) videos and template videos.
// Each is one paid POST, announced first, answering the video's id.

/**
 * `POST /v2/create_video_from_avatar`: a catalog avatar speaking `script` in `voice`, or
 * lip-syncing `audioUrl`. Its ref is an `avatar_video` (read by `GET /v2/avatar_video/{id}`).
 */
export const renderAvatarVideo = (
  api: JoggV2Api,
  request: RenderRequest,
  input: AvatarVideoInput,
  submission: SubmissionContext | undefined,
): Effect.Effect<VideoJob, VideoError> =>
  Effect.gen(function* () {
    const body = yield* avatarVideoBody(request, input, submission?.key)
    // JoggAI lists no avatar videos: findSubmission can only say so (the hint tells it which render this was).
    yield* announce(submission, { kind: "avatar" })
    const result = yield* api.createAvatarVideo(body, { operation: "render" })
    const id = yield* requireId(videoIdOf(result), "render", "data.video_id", result)
    return accepted(id, result, request.name, Kinds.avatarVideo)
  })

/**
 * `POST /v2/create_video_with_template`: a template filled with `variables`. Its ref is a
 * `template_video` (read by `GET /v2/template_video/{id}`; listed by `GET /v2/template_videos`,
 * where findSubmission finds the key in `video_name`).
 */
export const renderTemplateVideo = (
  api: JoggV2Api,
  request: RenderRequest,
  submission: SubmissionContext | undefined,
): Effect.Effect<VideoJob, VideoError> =>
  Effect.gen(function* () {
    const body = yield* templateVideoBody(request, submission?.key)
    yield* announce(submission, { kind: "template" })
    const result = yield* api.createTemplateVideo(body, { operation: "render" })
    const id = yield* requireId(videoIdOf(result), "render", "data.video_id", result)
    return accepted(id, result, request.name, Kinds.templateVideo)
  })
