import type { InputIssue, PreviewRequest, RenderRequest, VideoError } from "@vidbridge/core"
import { parseProviderOptions, rejectIssues, unsupportedFields } from "@vidbridge/core/adapter"
import type * as Effect from "effect/Effect"
import * as z from "zod/mini"
import type { OpenRenderBody } from "../JoggOpenClient.js"
import type { V2VideoBody } from "../JoggV2Client.js"
import {
  defaultDuration,
  defaultLanguage,
  defaultScriptStyle,
  durations,
  joggLanguage,
  languages,
  openAspect,
  openScriptStyles,
  PROVIDER_ID,
  v2Aspect,
  v2ScriptStyles,
} from "./mapping.js"

// Neutral requests -> JoggAI bodies, with every vendor rule checked before any request.

/** `providerOptions.jogg`: vendor-only fields, named as JoggAI names them. */
export const JoggOptionsSchema = z.strictObject({
  avatar_type: z.optional(z.union([z.literal(0), z.literal(1), z.literal("public"), z.literal("custom")])),
  music_id: z.optional(z.number().check(z.int(), z.gte(0))),
  template_name: z.optional(z.string().check(z.minLength(1))),
  template_type: z.optional(z.string().check(z.minLength(1))),
  index_template_name: z.optional(z.string()),
})

/** The vendor-only options JoggAI understands (`providerOptions.jogg`). */
export type JoggOptions = z.infer<typeof JoggOptionsSchema>

const quote = (values: ReadonlyArray<string | number>) => values.map((v) => JSON.stringify(v)).join(", ")

/** Reads `providerOptions.jogg`, failing on unknown or mistyped fields. */
export const joggOptions = (
  providerOptions: Readonly<Record<string, Readonly<Record<string, unknown>>>> | undefined,
  operation: string,
): Effect.Effect<JoggOptions, VideoError> =>
  parseProviderOptions(JoggOptionsSchema, providerOptions, { provider: PROVIDER_ID, operation })

/** Fails with every issue at once, or succeeds. */
export const checked = (
  operation: string,
  issues: ReadonlyArray<InputIssue>,
): Effect.Effect<void, VideoError> => rejectIssues({ provider: PROVIDER_ID, operation }, issues)

const language = (tag: string | undefined, issues: Array<InputIssue>): string => {
  if (tag === undefined) return defaultLanguage
  const name = joggLanguage(tag)
  if (name === undefined) {
    issues.push({
      path: "language",
      message: `JoggAI does not support ${JSON.stringify(tag)}; use one of ${quote(Object.keys(languages))}`,
    })
  }
  return name ?? defaultLanguage
}

const avatarId = (avatar: string | undefined, issues: Array<InputIssue>): number => {
  if (avatar === undefined) {
    issues.push({
      path: "avatar",
      message: 'is required: a JoggAI avatar id such as "81" (GET /v2/avatars/public)',
    })
    return 0
  }
  if (!/^\d+$/.test(avatar.trim())) {
    issues.push({
      path: "avatar",
      message: `must be a numeric JoggAI avatar id such as "81", got ${JSON.stringify(avatar)}`,
    })
    return 0
  }
  return Number(avatar.trim())
}

const oneOf = <T extends string>(
  path: string,
  value: string | undefined,
  allowed: ReadonlyArray<T>,
  fallback: T,
  issues: Array<InputIssue>,
): T => {
  if (value === undefined) return fallback
  if ((allowed as ReadonlyArray<string>).includes(value)) return value as T
  issues.push({ path, message: `must be one of ${quote(allowed)}` })
  return fallback
}

/** A v2 `preview_list` / `create_video_from_product` body from a neutral request. */
export const v2VideoBody = (
  productId: string,
  request: PreviewRequest | RenderRequest,
  options: JoggOptions,
  issues: Array<InputIssue>,
): Omit<V2VideoBody, "visual_styles" | "visual_style"> => {
  const aspect = request.aspectRatio ?? ("aspectRatios" in request ? request.aspectRatios?.[0] : undefined)
  if (aspect !== undefined && !(aspect in v2Aspect)) {
    issues.push({ path: "aspectRatio", message: `must be one of ${quote(Object.keys(v2Aspect))}` })
  }
  const seconds = request.durationSeconds ?? defaultDuration
  if (!(durations as ReadonlyArray<number>).includes(seconds)) {
    issues.push({ path: "durationSeconds", message: `must be one of ${quote(durations)} (seconds)` })
  }
  const avatarType = options.avatar_type
  return {
    product_id: productId,
    video_spec: {
      ...(aspect !== undefined && aspect in v2Aspect ? { aspect_ratio: v2Aspect[aspect] } : {}),
      length: String(seconds) as "15" | "30" | "60",
      ...(request.subtitles !== undefined ? { caption: request.subtitles } : {}),
      ...(request.name !== undefined ? { name: request.name } : {}),
    },
    avatar: {
      id: avatarId(request.avatar, issues),
      ...(avatarType !== undefined ? { type: avatarType === "custom" || avatarType === 1 ? 1 : 0 } : {}),
    },
    voice: request.voice !== undefined ? { id: request.voice } : {},
    audio: options.music_id !== undefined ? { music_id: options.music_id } : {},
    script: {
      style: oneOf("scriptStyle", request.scriptStyle, v2ScriptStyles, defaultScriptStyle, issues),
      language: language(request.language, issues),
    },
    ...(request.script !== undefined ? { override_script: request.script } : {}),
    ...(request.webhookUrl !== undefined ? { webhook_url: request.webhookUrl } : {}),
  }
}

/** An `open` `project/render` body from a neutral render request. */
export const openRenderBody = (
  projectId: string,
  request: RenderRequest,
  options: JoggOptions,
  issues: Array<InputIssue>,
): OpenRenderBody => {
  issues.push(
    ...unsupportedFields(request, {
      durationSeconds: 'the open API has no video length setting; use apiVersion "v2"',
      voice: "the open API takes no voice; the avatar's voice is used",
      script: 'the open API takes no script override; use apiVersion "v2"',
      webhookUrl: "the open API has no per-request webhook; register an account webhook",
      name: "the open API takes no video name",
      variables: "JoggAI templates take no variables",
    }),
  )
  const aspect = request.aspectRatio
  if (aspect !== undefined && !(aspect in openAspect)) {
    issues.push({ path: "aspectRatio", message: `must be one of ${quote(Object.keys(openAspect))}` })
  }
  const templateName = options.template_name ?? request.template ?? request.visualStyle
  const scriptStyle =
    request.scriptStyle === undefined
      ? undefined
      : oneOf("scriptStyle", request.scriptStyle, openScriptStyles, "Discovery_stage", issues)
  return {
    project_id: projectId,
    ...(aspect !== undefined && aspect in openAspect ? { aspect_ratio: openAspect[aspect] } : {}),
    lang: language(request.language, issues),
    ...(request.subtitles !== undefined ? { render_subtitle: request.subtitles ? 1 : 0 } : {}),
    avatar_id: avatarId(request.avatar, issues),
    ...(templateName !== undefined ? { template_name: templateName } : {}),
    ...(options.template_type !== undefined ? { template_type: options.template_type } : {}),
    ...(options.index_template_name !== undefined
      ? { index_template_name: options.index_template_name }
      : {}),
    ...(scriptStyle !== undefined ? { script_style: scriptStyle } : {}),
  }
}
