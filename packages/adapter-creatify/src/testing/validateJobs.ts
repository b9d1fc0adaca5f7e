import {
  ASPECT_RATIOS,
  type Checked,
  finish,
  isRecord,
  MODEL_VERSIONS,
  notObject,
  REQUIRED,
  reader,
  WEBHOOK_URL_MAX,
} from "./validate.js"

// Request bodies of custom template jobs and avatar videos, checked as Creatify's reference
// documents them (DRF field errors otherwise).

/** Aurora's `model_version` values. */
export const AURORA_MODELS = ["aurora_v1", "aurora_v1_fast", "aurora_v2"] as const

/**
 * The body of every custom template job POST (`/api/custom_template_jobs/`, `.../preview_async/`,
 * `.../{id}/render/`): `template_id` and `variables` (an object) required.
 */
export const checkTemplateJob = (
  json: unknown,
): Checked<{
  readonly templateId: string
  readonly modelVersion: string | undefined
  readonly webhookUrl: string | undefined
}> => {
  if (!isRecord(json)) return notObject()
  const r = reader(json)
  const templateId = r.string("template_id", { required: true })
  if (json.variables === undefined || json.variables === null) r.add("variables", REQUIRED)
  else if (!isRecord(json.variables)) r.add("variables", "Value must be valid JSON object.")
  r.string("name", { max: 255 })
  const webhookUrl = r.url("webhook_url", WEBHOOK_URL_MAX)
  const modelVersion = r.choice("model_version", MODEL_VERSIONS)
  r.boolean("is_hidden")
  return finish(r.errors, { templateId: templateId ?? "", modelVersion, webhookUrl })
}

/**
 * `POST /api/lipsyncs_v2/`: `video_inputs` (a non-empty list of scenes, each a `character` with an
 * `avatar_id` and a `voice` with `input_text` and `voice_id`), `aspect_ratio`, `model_version`.
 * Answers the script length (characters), which times the video.
 */
export const checkLipsync = (
  json: unknown,
): Checked<{
  readonly characters: number
  readonly avatars: ReadonlyArray<string>
  readonly modelVersion: string | undefined
  readonly webhookUrl: string | undefined
}> => {
  if (!isRecord(json)) return notObject()
  const r = reader(json)
  const scenes = json.video_inputs
  const avatars: string[] = []
  let characters = 0
  if (!Array.isArray(scenes) || scenes.length === 0) r.add("video_inputs", REQUIRED)
  else {
    scenes.forEach((scene, i) => {
      const character = isRecord(scene) ? scene.character : undefined
      const voice = isRecord(scene) ? scene.voice : undefined
      if (!isRecord(character) || typeof character.avatar_id !== "string") {
        r.add(`video_inputs[${i}].character.avatar_id`, REQUIRED)
      } else avatars.push(character.avatar_id)
      if (!isRecord(voice) || typeof voice.input_text !== "string" || voice.input_text.trim() === "") {
        r.add(`video_inputs[${i}].voice.input_text`, REQUIRED)
      } else characters += voice.input_text.length
      if (isRecord(voice) && typeof voice.voice_id !== "string")
        r.add(`video_inputs[${i}].voice.voice_id`, REQUIRED)
    })
  }
  r.choice("aspect_ratio", ASPECT_RATIOS)
  r.string("name", { max: 255 })
  const webhookUrl = r.url("webhook_url", WEBHOOK_URL_MAX)
  const modelVersion = r.choice("model_version", MODEL_VERSIONS)
  return finish(r.errors, { characters, avatars, modelVersion, webhookUrl })
}

/** `POST /api/aurora/`: `image` and `audio` URLs required, `model_version`, `prompt_guidance_scale` 0-10. */
export const checkAurora = (
  json: unknown,
): Checked<{ readonly modelVersion: string | undefined; readonly webhookUrl: string | undefined }> => {
  if (!isRecord(json)) return notObject()
  const r = reader(json)
  if (r.url("image", 2000) === undefined && r.errors.image === undefined) r.add("image", REQUIRED)
  if (r.url("audio", 2000) === undefined && r.errors.audio === undefined) r.add("audio", REQUIRED)
  r.string("name", { max: 255 })
  r.string("text_prompt")
  const scale = json.prompt_guidance_scale
  if (scale !== undefined && (typeof scale !== "number" || scale < 0 || scale > 10)) {
    r.add("prompt_guidance_scale", "Ensure this value is between 0.0 and 10.0.")
  }
  const webhookUrl = r.url("webhook_url", WEBHOOK_URL_MAX)
  const modelVersion = r.choice("model_version", AURORA_MODELS)
  return finish(r.errors, { modelVersion, webhookUrl })
}
