import type { AvatarVideoInput, RenderRequest } from "@vidbridge/core"
import { parseProviderOptions, rejectIssues, unsupported, unsupportedFields } from "@vidbridge/core/adapter"
import * as Effect from "effect/Effect"
import * as z from "zod/mini"
import { aspectToVendor, keyedName, PROVIDER_ID } from "../mapping.js"
import { type CallbackSettings, callbackUrl, context, modelVersion, nameIssue } from "./common.js"
import { defined } from "./products.js"

// Avatar (talking-head) videos (vendors/creatify.md, C): a catalog avatar saying a script in a
// voice is AI Avatar v2 (`POST /api/lipsyncs_v2/`); a photo speaking a recording is Aurora
// (`POST /api/aurora/`). Creatify's other avatar products are not reached through `render`.

const AVATAR_ONLY = "is not part of a Creatify avatar video"

/** `providerOptions.creatify` for AI Avatar v2: the model and documented extras, sent as is. */
const LipsyncOptions = z.strictObject({
  model_version: modelVersion,
  /** `{ url, volume }`. */
  background_music: z.optional(
    z.strictObject({ url: z.string(), volume: z.optional(z.number().check(z.gte(0), z.lte(1))) }),
  ),
  /** The scene's background: `{ type: "image", url, fit, effect }`. */
  background: z.optional(z.record(z.string(), z.unknown())),
  caption_setting: z.optional(z.record(z.string(), z.unknown())),
})

/** `providerOptions.creatify` for Aurora. */
const AuroraOptions = z.strictObject({
  model_version: z.optional(z.enum(["aurora_v1", "aurora_v1_fast", "aurora_v2"])),
  /** Camera, lighting, mood, pose... */
  text_prompt: z.optional(z.string().check(z.minLength(1))),
  prompt_guidance_scale: z.optional(z.number().check(z.gte(0), z.lte(10))),
})

/** The body of `POST /api/lipsyncs_v2/`: one scene, the avatar saying `script` in `voice`. */
const lipsyncBody = Effect.fnUntraced(function* (
  request: RenderRequest,
  settings: CallbackSettings,
  key: string | undefined,
) {
  const options = yield* parseProviderOptions(LipsyncOptions, request.providerOptions, context("render"))
  yield* rejectIssues(context("render"), [
    request.script === undefined
      ? {
          path: "script",
          message: "is required: what the avatar says (Creatify's AI Avatar speaks a script)",
        }
      : undefined,
    request.voice === undefined
      ? { path: "voice", message: "is required with script: a voice accent id from listVoices" }
      : undefined,
    ...unsupportedFields(request, {
      language: "Creatify's AI Avatar speaks in the voice's own accent; pick the voice (listVoices)",
      durationSeconds: "an AI Avatar video lasts as long as its script",
      scriptStyle: AVATAR_ONLY,
      variables: "are for custom templates",
    }),
    nameIssue(request.name, key),
  ])
  const caption = { ...options.caption_setting, ...(request.subtitles === false ? { hidden: true } : {}) }
  const webhook = yield* callbackUrl(request.webhookUrl, settings, "render", "lipsync_v2")
  return defined({
    video_inputs: [
      defined({
        character: { type: "avatar", avatar_id: request.avatar },
        voice: { type: "text", input_text: request.script, voice_id: request.voice },
        background: options.background,
        caption_setting: Object.keys(caption).length > 0 ? caption : undefined,
        visual_style: request.visualStyle,
      }),
    ],
    aspect_ratio: request.aspectRatio === undefined ? undefined : aspectToVendor[request.aspectRatio],
    background_music: options.background_music,
    name: keyedName(request.name, key),
    webhook_url: webhook,
    model_version: options.model_version,
  })
})

/** The body of `POST /api/aurora/`: the photo speaks the recording. */
const auroraBody = Effect.fnUntraced(function* (
  request: RenderRequest,
  settings: CallbackSettings,
  key: string | undefined,
) {
  const options = yield* parseProviderOptions(AuroraOptions, request.providerOptions, context("render"))
  yield* rejectIssues(context("render"), [
    ...unsupportedFields(request, {
      voice: "Aurora speaks the recording at audioUrl; a voice is for script",
      aspectRatio: "an Aurora video takes the image's shape",
      language: AVATAR_ONLY,
      durationSeconds: "an Aurora video lasts as long as its audio (at most 60 s)",
      subtitles: AVATAR_ONLY,
      visualStyle: AVATAR_ONLY,
      scriptStyle: AVATAR_ONLY,
      variables: "are for custom templates",
    }),
    nameIssue(request.name, key),
  ])
  const webhook = yield* callbackUrl(request.webhookUrl, settings, "render", "aurora")
  return defined({
    image: request.imageUrl,
    audio: request.audioUrl,
    name: keyedName(request.name, key),
    webhook_url: webhook,
    ...options,
  })
})

/**
 * The request of an avatar video of kind `input` (core's `avatarVideoInput`): which endpoint, and
 * its body. A kind Creatify does not make through `render` is `UnsupportedOperation`.
 */
export const avatarVideoRequest = (
  request: RenderRequest,
  input: AvatarVideoInput,
  settings: CallbackSettings,
  key: string | undefined,
) =>
  input === "avatar+script"
    ? Effect.map(lipsyncBody(request, settings, key), (body) => ({ endpoint: "lipsync_v2" as const, body }))
    : input === "image+audio"
      ? Effect.map(auroraBody(request, settings, key), (body) => ({ endpoint: "aurora" as const, body }))
      : Effect.fail(
          unsupported(
            PROVIDER_ID,
            "render",
            `Creatify's avatar videos are avatar+script (AI Avatar v2) and image+audio (Aurora), not ${input}`,
          ),
        )
