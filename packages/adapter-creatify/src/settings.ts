import { httpSettingsFields, secret } from "@vidbridge/core/adapter"
import * as Duration from "effect/Duration"
import * as Option from "effect/Option"
import * as z from "zod/mini"

export { CREATIFY_BASE_URL, creatifyEnv } from "./summary.js"

/** How long a callback URL is accepted unless `webhookTokenTtl` says otherwise. */
export const DEFAULT_TOKEN_TTL: Duration.Duration = Duration.days(14)

/** The longest `webhookTokenTtl` accepted. */
const MAX_TOKEN_TTL: Duration.Duration = Duration.days(366)

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
const TokenTtl = z.pipe(
  z.custom<Duration.Input>(
    (value) => toTtl(value) !== undefined,
    'must be a positive duration of at most 366 days (milliseconds, an Effect Duration, or text such as "14 days")',
  ),
  z.transform((value) => toTtl(value)!),
)

/**
 * Settings of the Creatify adapter and client: `apiId` and `apiKey` (from Creatify's API
 * dashboard, sent as `X-API-ID` / `X-API-KEY`), `webhookSecret` (needed only to use `webhookUrl`:
 * each callback URL gets a token made with it), `webhookTokenTtl` (how long such a URL is
 * accepted, default 14 days, at most 366), and core's transport settings (`baseUrl`, `fetch`,
 * `timeout`, `retry`, `headers`, `observer`). Strings given for secrets become `Redacted`.
 *
 * @example
 * ```ts
 * const settings = CreatifySettings.parse({ apiId: "...", apiKey: "...", webhookTokenTtl: "7 days" })
 * ```
 */
export const CreatifySettings = z.strictObject({
  apiId: secret(),
  apiKey: secret(),
  webhookSecret: z.optional(secret()),
  webhookTokenTtl: z.optional(TokenTtl),
  ...httpSettingsFields,
})

/** The checked settings: secrets `Redacted`, `webhookTokenTtl` a `Duration`. */
export type CreatifySettings = z.output<typeof CreatifySettings>

/** The settings as given (`creatify(...)`, `CreatifyClient.layer(...)`): secrets as strings or `Redacted`. */
export type CreatifySettingsInput = z.input<typeof CreatifySettings>
