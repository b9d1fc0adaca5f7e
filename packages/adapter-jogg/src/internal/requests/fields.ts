import type { InputIssue, VideoError } from "@vidbridge/core"
import { parseProviderOptions, rejectIssues } from "@vidbridge/core/adapter"
import type * as Effect from "effect/Effect"
import * as z from "zod/mini"
import { defaultLanguage, joggLanguage, languages } from "../mapping/languages.js"
import { PROVIDER_ID } from "../mapping/refs.js"

// The checks both API generations make on neutral fields: `providerOptions.jogg`, the language,
// the avatar id, a value from a vendor list. Each adds an issue and answers what to send anyway,
// so every issue of a request is reported at once.

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

/** Reads `providerOptions.jogg`, failing on unknown or mistyped fields. */
export const joggOptions = (
  providerOptions: Readonly<Record<string, Readonly<Record<string, unknown>>>> | undefined,
  operation: string,
): Effect.Effect<JoggOptions, VideoError> =>
  parseProviderOptions(JoggOptionsSchema, providerOptions, { provider: PROVIDER_ID, operation })

/** Issues for the options of the other API generation (`keys` of `options` that are set). */
export const otherGeneration = (
  options: JoggOptions,
  keys: ReadonlyArray<keyof JoggOptions>,
  apiVersion: "v2" | "open",
): Array<InputIssue> =>
  keys
    .filter((key) => options[key] !== undefined)
    .map((key) => ({
      path: `providerOptions.${PROVIDER_ID}.${key}`,
      message: `is for apiVersion "${apiVersion}" only`,
    }))

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

/** The numeric avatar id JoggAI requires. */
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
