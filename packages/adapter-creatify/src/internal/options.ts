import type { InputIssue } from "@vidbridge/core"
import * as Duration from "effect/Duration"
import * as Option from "effect/Option"
import * as z from "zod/mini"
import { MAX_TOKEN_TTL } from "./callbackToken.js"
import { Languages, ModelVersions, VideoLengths } from "./mapping.js"

const volume = z.optional(z.nullable(z.number().check(z.gte(0), z.lte(1))))
const modelVersion = z.optional(z.enum(ModelVersions))

/** `providerOptions.creatify` for previews and direct renders: Creatify-only fields, sent as is. */
export const LinkVideoOptions = z.strictObject({
  model_version: modelVersion,
  no_background_music: z.optional(z.boolean()),
  no_caption: z.optional(z.boolean()),
  no_emotion: z.optional(z.boolean()),
  no_cta: z.optional(z.boolean()),
  no_stock_broll: z.optional(z.boolean()),
  caption_style: z.optional(z.string()),
  caption_setting: z.optional(z.record(z.string(), z.unknown())),
  background_music_url: z.optional(z.nullable(z.string().check(z.maxLength(255)))),
  background_music_volume: volume,
  voiceover_volume: volume,
  override_avatar_by_image: z.optional(z.string()),
  is_hidden: z.optional(z.boolean()),
  /** A language code sent verbatim, for codes newer than this adapter's list. */
  language: z.optional(z.string().check(z.regex(/^[a-z]{2,3}$/))),
})
export type LinkVideoOptions = z.infer<typeof LinkVideoOptions>

/** `providerOptions.creatify` for custom template renders. */
export const TemplateOptions = z.strictObject({
  model_version: modelVersion,
  is_hidden: z.optional(z.boolean()),
  /** The custom template job to render (from `preview_async`); default: the template id. */
  job_id: z.optional(z.string().check(z.minLength(1))),
})
export type TemplateOptions = z.infer<typeof TemplateOptions>

/**
 * Neutral language tag -> Creatify code. A region is dropped (`pt-BR` -> `pt`); the base must be
 * in the documented list. Newer codes can be sent with `providerOptions.creatify.language`.
 */
export const languageIssue = (language: string | undefined): InputIssue | undefined => {
  if (language === undefined) return undefined
  const base = language.split("-")[0]!.toLowerCase()
  return (Languages as ReadonlyArray<string>).includes(base)
    ? undefined
    : {
        path: "language",
        message: `Creatify does not list "${language}"; use one of ${Languages.join(", ")} (or send a newer code as providerOptions.creatify.language)`,
      }
}

/** The Creatify code for a checked language tag. */
export const toLanguage = (language: string | undefined): string | undefined =>
  language === undefined ? undefined : language.split("-")[0]!.toLowerCase()

/** `durationSeconds` must be a documented `video_length`. */
export const durationIssue = (seconds: number | undefined): InputIssue | undefined =>
  seconds === undefined || (VideoLengths as ReadonlyArray<number>).includes(seconds)
    ? undefined
    : {
        path: "durationSeconds",
        message: `Creatify makes videos of ${VideoLengths.join(", ")} seconds; got ${seconds}`,
      }

const toTtl = (value: unknown): Duration.Duration | undefined => {
  if (typeof value !== "number" && typeof value !== "string" && !Duration.isDuration(value)) return undefined
  let duration: Option.Option<Duration.Duration>
  try {
    duration = Duration.fromInput(value as Duration.Input)
  } catch {
    return undefined
  }
  return Option.isSome(duration) &&
    Duration.isGreaterThan(duration.value, Duration.zero) &&
    Duration.isLessThanOrEqualTo(duration.value, MAX_TOKEN_TTL)
    ? duration.value
    : undefined
}

/** `webhookTokenTtl`: milliseconds, an Effect `Duration` or text such as `"14 days"`; at most 366 days. */
export const TokenTtl = z.pipe(
  z.custom<Duration.Input>(
    (value) => toTtl(value) !== undefined,
    'must be a positive duration of at most 366 days (milliseconds, an Effect Duration, or text such as "14 days")',
  ),
  z.transform((value) => toTtl(value)!),
)
