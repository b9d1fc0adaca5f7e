import * as Effect from "effect/Effect"
import { rejectIssues, unsupportedFields } from "../../adapter/inputs.js"
import type { AvatarVideoInput } from "../../Capabilities.js"
import type { RenderRequest } from "../../model/inputs.js"
import { unsupported, type VideoError } from "../../VideoError.js"

// The fake vendor's avatar videos (`POST /avatar_videos`): a catalog avatar speaking a script in
// a voice, or a photo speaking a recording, as Creatify's AI Avatar and Aurora do.

/** The avatar videos the fake vendor makes. */
export const FAKE_AVATAR_VIDEOS: ReadonlyArray<AvatarVideoInput> = ["avatar+script", "image+audio"]

const context = { provider: "fake", operation: "render" }
const formats = { "9:16": "portrait", "16:9": "landscape", "1:1": "square" } as const

/**
 * The body of `POST /avatar_videos` for an avatar video (`input` from `avatarVideoInput`), after
 * the fake vendor's own rules: only the kinds it makes (else `UnsupportedOperation`), a script
 * needs a voice, and nothing it would ignore. @internal
 */
export const avatarVideoBody = (
  request: RenderRequest,
  input: AvatarVideoInput,
): Effect.Effect<Record<string, unknown>, VideoError> =>
  FAKE_AVATAR_VIDEOS.includes(input)
    ? Effect.as(
        rejectIssues(context, [
          input === "avatar+script" && request.script === undefined
            ? { path: "script", message: "is required: what the avatar says (or give audioUrl)" }
            : undefined,
          input === "avatar+script" && request.voice === undefined
            ? { path: "voice", message: "is required with script: a voice id from listVoices" }
            : undefined,
          ...unsupportedFields(request, {
            durationSeconds: "an avatar video lasts as long as its speech",
            visualStyle: "the fake vendor's avatar videos have no visual styles",
            variables: "variables are for templates",
          }),
        ]),
        {
          avatar_id: request.avatar,
          photo_url: request.imageUrl,
          voice_id: request.voice,
          text: request.script,
          audio_url: request.audioUrl,
          format: request.aspectRatio === undefined ? undefined : formats[request.aspectRatio],
          name: request.name,
          webhook_url: request.webhookUrl,
        },
      )
    : Effect.fail(
        unsupported("fake", "render", `its avatar videos are ${FAKE_AVATAR_VIDEOS.join(", ")}, not ${input}`),
      )
