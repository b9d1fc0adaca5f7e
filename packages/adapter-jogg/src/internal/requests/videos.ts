import type { AvatarVideoInput, InputIssue, RenderRequest } from "@vidbridge/core"
import { unsupported, unsupportedFields } from "@vidbridge/core/adapter"
import * as Effect from "effect/Effect"
import { JOGG_AVATAR_VIDEOS } from "../../summary.js"
import { keyedName, PROVIDER_ID } from "../mapping/refs.js"
import { v2Aspect } from "../mapping/v2.js"
import type { V2AvatarVideoBody, V2TemplateVariable, V2TemplateVideoBody } from "../wire/jobs.js"
import {
  avatarOf,
  checked,
  joggOptions,
  language,
  openOptions,
  optionsNotTaken,
  otherGeneration,
  templateId,
  videoOptions,
} from "./fields.js"

// Neutral renders -> JoggAI v2 avatar videos (`create_video_from_avatar`) and template videos
// (`create_video_with_template`), every vendor rule checked before any request. The submission
// key travels in `video_name` (`"<name> [<key>]"`), as it does for product videos.

/** The aspect ratio of an avatar video when the request names none (JoggAI requires one). */
export const defaultAvatarAspect = "9:16" as const

const notTemplate = {
  variables: "variables are for template videos (render with template)",
}

/** `create_video_from_avatar` from a neutral avatar-video request of kind `input`. */
export const avatarVideoBody = Effect.fnUntraced(function* (
  request: RenderRequest,
  input: AvatarVideoInput,
  key?: string,
) {
  if (!JOGG_AVATAR_VIDEOS.includes(input)) {
    return yield* Effect.fail(
      unsupported(
        PROVIDER_ID,
        "render",
        `JoggAI's avatar videos are ${JOGG_AVATAR_VIDEOS.join(", ")} (a catalog avatar from listAvatars, photo avatars included), not ${input}`,
      ),
    )
  }
  const options = yield* joggOptions(request.providerOptions, "render")
  const issues: Array<InputIssue> = [
    ...unsupportedFields(request, {
      ...notTemplate,
      durationSeconds: "a JoggAI avatar video lasts as long as its speech",
      visualStyle:
        "JoggAI avatar videos have no visual styles (providerOptions.jogg.screen_style sets the layout)",
      scriptStyle: "an avatar video speaks the script as given",
      language: "the voice sets the language: pick a voice of that language (listVoices)",
    }),
    ...otherGeneration(options, openOptions, "open"),
    ...optionsNotTaken(
      options,
      ["music_id", ...videoOptions.filter((o) => o !== "screen_style")],
      "JoggAI avatar videos take no music or template options",
    ),
  ]
  if (request.voice === undefined) {
    issues.push({
      path: "voice",
      message: "is required: a JoggAI voice id from listVoices (JoggAI asks for one even with audioUrl)",
    })
  }
  if (input === "avatar+script" && request.script === undefined) {
    issues.push({ path: "script", message: "is required: what the avatar says (or give audioUrl)" })
  }
  const avatar = avatarOf(request.avatar, options, issues)
  const name = keyedName(request.name, key)
  yield* checked("render", issues)
  return {
    avatar: { avatar_type: avatar.type ?? 0, avatar_id: avatar.id },
    voice: {
      type: input === "avatar+audio" ? "audio" : "script",
      voice_id: request.voice ?? "",
      ...(input === "avatar+audio"
        ? { audio_url: request.audioUrl ?? "" }
        : { script: request.script ?? "" }),
    },
    aspect_ratio: v2Aspect[request.aspectRatio ?? defaultAvatarAspect],
    screen_style: options.screen_style ?? 1,
    ...(request.subtitles !== undefined ? { caption: request.subtitles } : {}),
    ...(request.webhookUrl !== undefined ? { webhook_url: request.webhookUrl } : {}),
    ...(name !== undefined ? { video_name: name } : {}),
  } satisfies V2AvatarVideoBody
})

const httpUrl = /^https?:\/\/\S+$/i
const variableHelp =
  'must be text, { type: "text" | "script", content }, or { type: "image" | "video", url } (or asset_id instead of url)'

/** One neutral template variable as JoggAI's `{type, name, properties}`; a plain string is a text. */
const variableOf = (name: string, value: unknown, issues: Array<InputIssue>): V2TemplateVariable => {
  if (typeof value === "string") return { type: "text", name, properties: { content: value } }
  const v = (value !== null && typeof value === "object" ? value : {}) as Record<string, unknown>
  const extra = Object.keys(v).filter((k) => !["type", "content", "url", "asset_id"].includes(k))
  const content = typeof v.content === "string" ? v.content : undefined
  if (extra.length === 0 && (v.type === "text" || v.type === "script") && content !== undefined) {
    return { type: v.type, name, properties: { content } }
  }
  const url = typeof v.url === "string" && httpUrl.test(v.url) ? v.url : undefined
  const asset =
    Number.isInteger(v.asset_id) && (v.asset_id as number) > 0 ? (v.asset_id as number) : undefined
  const wellFormed =
    (v.url === undefined || url !== undefined) &&
    (v.asset_id === undefined || asset !== undefined) &&
    (v.content === undefined || content !== undefined)
  if (
    extra.length === 0 &&
    (v.type === "image" || v.type === "video") &&
    wellFormed &&
    (url ?? asset ?? content)
  ) {
    const properties = {
      ...(url !== undefined ? { url } : {}),
      ...(asset !== undefined ? { asset_id: asset } : {}),
      ...(content !== undefined ? { content } : {}),
    }
    return { type: v.type, name, properties }
  }
  issues.push({ path: `variables.${name}`, message: variableHelp })
  return { type: "text", name, properties: {} }
}

/** `create_video_with_template` from a neutral render with `template` and its `variables`. */
export const templateVideoBody = Effect.fnUntraced(function* (request: RenderRequest, key?: string) {
  const options = yield* joggOptions(request.providerOptions, "render")
  const issues: Array<InputIssue> = [
    ...unsupportedFields(request, {
      product: "JoggAI template videos take no product: put its text and images in variables",
      aspectRatio: "a JoggAI template has its own aspect ratio (listTemplates shows it)",
      durationSeconds: "a JoggAI template sets its own length",
      visualStyle: "JoggAI template videos have no visual styles",
      scriptStyle: "a template's script is one of its variables",
      script: 'give the script as a variable: variables: { <name>: { type: "script", content } }',
    }),
    ...otherGeneration(options, openOptions, "open"),
    ...optionsNotTaken(options, ["screen_style"], "is for avatar videos"),
  ]
  const template = templateId(request.template ?? "", issues)
  const variables = Object.entries(request.variables ?? {}).map(([name, value]) =>
    variableOf(name, value, issues),
  )
  const avatar = request.avatar === undefined ? undefined : avatarOf(request.avatar, options, issues)
  const voiceLanguage = language(request.language, issues)
  const name = keyedName(request.name, key)
  yield* checked("render", issues)
  const flags = Object.fromEntries(
    videoOptions.flatMap((o) => (o !== "screen_style" && options[o] !== undefined ? [[o, options[o]]] : [])),
  )
  return {
    template_id: template,
    voice_language: voiceLanguage,
    variables,
    ...(name !== undefined ? { video_name: name } : {}),
    ...(avatar !== undefined ? { avatar_id: avatar.id, avatar_type: avatar.type ?? 0 } : {}),
    ...(request.voice !== undefined ? { voice_id: request.voice } : {}),
    ...(request.subtitles !== undefined ? { captions_enabled: request.subtitles } : {}),
    ...(options.music_id !== undefined ? { background_music_id: options.music_id } : {}),
    ...flags,
    ...(request.webhookUrl !== undefined ? { webhook_url: request.webhookUrl } : {}),
  } satisfies V2TemplateVideoBody
})
