import type { InputIssue, VideoError } from "@vidbridge/core"
import { parseProviderOptions, rejectIssues } from "@vidbridge/core/adapter"
import type * as Effect from "effect/Effect"
import * as z from "zod/mini"
import { defaultLanguage, joggLanguage, languages } from "../mapping/languages.js"
import { PROVIDER_ID } from "../mapping/refs.js"

// The checks both API generations make on neutral fields: `providerOptions.jogg`, the language,
// avatar and template ids, a value from a vendor list. Each adds an issue and answers what to
// send anyway, so every issue of a request is reported at once.

const flag = z.optional(z.boolean())

/** `providerOptions.jogg`: vendor-only fields, named as JoggAI names them. */
export const JoggOptionsSchema = z.strictObject({
  avatar_type: z.optional(z.union([z.literal(0), z.literal(1), z.literal("public"), z.literal("custom")])),
  music_id: z.optional(z.number().check(z.int(), z.gte(0))),
  /** Avatar videos: 1 full screen (default), 2 split screen (green background), 3 picture-in-picture (WebM with alpha). */
  screen_style: z.optional(z.union([z.literal(1), z.literal(2), z.literal(3)])),
  /** Template videos: transitions and image motion. */
  disable_random_trans: flag,
  disable_random_moving: flag,
  disable_trans: flag,
  disable_moving: flag,
  template_name: z.optional(z.string().check(z.minLength(1))),
  template_type: z.optional(z.string().check(z.minLength(1))),
  index_template_name: z.optional(z.string()),
})

/** The vendor-only options JoggAI understands (`providerOptions.jogg`). */
export type JoggOptions = z.infer<typeof JoggOptionsSchema>

/** Reads `providerOptions.jogg`, failing on unknown or mistyped fields. */
export const joggOptions = (
  providerOptions: Readonly<Record<string, Readonly<Record<string, unknown>>>> | undefined,
  operation: string,
): Effect.Effect<JoggOptions, VideoError> =>
  parseProviderOptions(JoggOptionsSchema, providerOptions, { provider: PROVIDER_ID, operation })

/** Issues for the `keys` of `options` that are set, each saying `message`. */
export const optionsNotTaken = (
  options: JoggOptions,
  keys: ReadonlyArray<keyof JoggOptions>,
  message: string,
): Array<InputIssue> =>
  keys
    .filter((key) => options[key] !== undefined)
    .map((key) => ({ path: `providerOptions.${PROVIDER_ID}.${key}`, message }))

/** Issues for the options of the other API generation (`keys` of `options` that are set). */
export const otherGeneration = (
  options: JoggOptions,
  keys: ReadonlyArray<keyof JoggOptions>,
  apiVersion: "v2" | "open",
): Array<InputIssue> => optionsNotTaken(options, keys, `is for apiVersion "${apiVersion}" only`)

/** Options of the `open` API. */
export const openOptions = ["template_name", "template_type", "index_template_name"] as const

/** Options of v2 avatar and template videos, which product videos and the `open` API do not take. */
export const videoOptions = [
  "screen_style",
  "disable_random_trans",
  "disable_random_moving",
  "disable_trans",
  "disable_moving",
] as const

/** Fails with every issue at once, or succeeds. */
export const checked = (
  operation: string,
  issues: ReadonlyArray<InputIssue>,
): Effect.Effect<void, VideoError> => rejectIssues({ provider: PROVIDER_ID, operation }, issues)

/** Values as a message lists them: `"a", "b"`. */
export const quote = (values: ReadonlyArray<string | number>) =>
  values.map((v) => JSON.stringify(v)).join(", ")

/** The JoggAI language name of an ISO tag (default English). */
export const language = (tag: string | undefined, issues: Array<InputIssue>): string => {
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

const CATALOG_ID = /^(custom:)?(\d{1,15})$/

/**
 * A catalog id as `listAvatars` and `listTemplates` make them: `"<n>"` (a public avatar, a JoggAI
 * template) or `"custom:<n>"` (your custom, photo or product avatar; your custom template).
 */
const catalogId = (value: string) => {
  const match = CATALOG_ID.exec(value.trim())
  return match ? { id: Number(match[2]), custom: match[1] !== undefined } : undefined
}

/**
 * A v2 avatar: its number and its type (`1` for `custom:<n>`, or as `providerOptions.jogg.avatar_type`
 * says for `"<n>"`; absent: public, JoggAI's default). An issue when it is missing (`required`) or
 * not an id `listAvatars` makes, or when the type option contradicts it.
 */
export const avatarOf = (
  avatar: string | undefined,
  options: JoggOptions,
  issues: Array<InputIssue>,
): { readonly id: number; readonly type?: 0 | 1 } => {
  const option = options.avatar_type
  const optionType = option === undefined ? undefined : option === 1 || option === "custom" ? 1 : 0
  if (avatar === undefined) return { id: avatarId(avatar, issues) }
  const parsed = catalogId(avatar)
  if (parsed === undefined) {
    issues.push({
      path: "avatar",
      message: `must be a JoggAI avatar id from listAvatars: "81" (public) or "custom:123" (custom, photo or product avatar), got ${JSON.stringify(avatar)}`,
    })
    return { id: 0 }
  }
  if (parsed.custom && optionType === 0) {
    issues.push({
      path: `providerOptions.${PROVIDER_ID}.avatar_type`,
      message: `says public, but ${JSON.stringify(avatar)} is a custom avatar`,
    })
  }
  const type = parsed.custom ? 1 : optionType
  return type === undefined ? { id: parsed.id } : { id: parsed.id, type }
}

/** A v2 template id (`"149"` or `"custom:4905"`, as `listTemplates` makes them) as JoggAI's number. */
export const templateId = (template: string, issues: Array<InputIssue>): number => {
  const parsed = catalogId(template)
  if (parsed === undefined) {
    issues.push({
      path: "template",
      message: `must be a JoggAI template id from listTemplates: "149" or "custom:4905", got ${JSON.stringify(template)}`,
    })
  }
  return parsed?.id ?? 0
}

/** The numeric avatar id JoggAI requires (the `open` API: a number only). */
export const avatarId = (avatar: string | undefined, issues: Array<InputIssue>): number => {
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

/** `value` when it is one of `allowed`, else an issue and `fallback`. */
export const oneOf = <T extends string>(
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
