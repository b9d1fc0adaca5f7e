import type { InputIssue } from "@vidbridge/core"
import type { CheckContext } from "@vidbridge/core/adapter"
import * as z from "zod/mini"
import { type CreatifySettings, DEFAULT_TOKEN_TTL } from "../../settings.js"
import { type CallbackKind, signedWebhookUrl } from "../callbacks.js"
import { keyedName, PROVIDER_ID } from "../mapping.js"

// What the request builders share: the check context, Creatify's lists (lengths, languages,
// models), the name and duration checks, and the callback URL of a request.

/** `video_length` values Creatify accepts (seconds). */
export const VideoLengths = [15, 30, 60] as const

/** Languages Creatify's link-to-video reference lists (ISO 639-1), plus `af` from newer schemas. */
const Languages: ReadonlyArray<string> =
  "af ar bg cs da de el en es fi fr hi hr id it ja ko ms nl pl pt ro ru sk sv ta tl tr uk zh".split(" ")

/** `model_version` of link-to-video, custom template and AI Avatar v2 requests. */
export const modelVersion = z.optional(z.enum(["standard", "aurora_v1", "aurora_v1_fast"]))

/** What building a request needs from the settings: the callback token's secret and lifetime. */
export type CallbackSettings = Pick<CreatifySettings, "webhookSecret" | "webhookTokenTtl">

/** The check context of `operation`. */
export const context = (operation: string): CheckContext => ({ provider: PROVIDER_ID, operation })

/**
 * Neutral language tag -> Creatify code. A region is dropped (`pt-BR` -> `pt`); the base must be
 * in the documented list. Newer codes can be sent with `providerOptions.creatify.language`.
 */
export const languageIssue = (language: string | undefined): InputIssue | undefined => {
  if (language === undefined) return undefined
  return Languages.includes(toLanguage(language)!)
    ? undefined
    : {
        path: "language",
        message: `Creatify does not list "${language}"; use one of ${Languages.join(", ")} (or send a newer code as providerOptions.creatify.language)`,
      }
}

/** The Creatify code of a neutral language tag. */
export const toLanguage = (language: string | undefined): string | undefined =>
  language === undefined ? undefined : language.split("-")[0]!.toLowerCase()

/** Creatify's name fields hold 255 characters; the submission key (and a preview's template) take their share. */
const NAME_MAX = 255

/** The caller's `name` must leave room for what vidbridge adds to Creatify's 255 characters (mapping.ts). */
export const nameIssue = (
  name: string | undefined,
  key: string | undefined,
  template?: string | undefined,
): InputIssue | undefined => {
  const max = NAME_MAX - (keyedName(undefined, key, template)?.length ?? -1) - 1
  return name !== undefined && name.length > max
    ? {
        path: "name",
        message: `Creatify keeps at most ${max} characters here (with the submission key); got ${name.length}`,
      }
    : undefined
}

/** `durationSeconds` must be a documented `video_length`. */
export const durationIssue = (seconds: number | undefined): InputIssue | undefined =>
  seconds === undefined || (VideoLengths as ReadonlyArray<number>).includes(seconds)
    ? undefined
    : {
        path: "durationSeconds",
        message: `Creatify makes videos of ${VideoLengths.join(", ")} seconds; got ${seconds}`,
      }

/**
 * The `webhook_url` of a request: the app's URL with a token of its own (webhook.ts) and, for
 * jobs other than link-to-video, the kind of job it reports on.
 */
export const callbackUrl = (
  url: string | undefined,
  settings: CallbackSettings,
  operation: string,
  kind?: CallbackKind,
) =>
  signedWebhookUrl(
    url,
    settings.webhookSecret,
    settings.webhookTokenTtl ?? DEFAULT_TOKEN_TTL,
    operation,
    kind,
  )
