import type { VideoError } from "@vidbridge/core"
import { httpSettingsFields, secret, validate } from "@vidbridge/core/adapter"
import type * as Effect from "effect/Effect"
import * as z from "zod/mini"
import { PROVIDER_ID } from "./internal/mapping/refs.js"

export { joggEnv } from "./summary.js"

/** The base URL of JoggAI's current (v2) API, the default. */
export const JOGG_BASE_URL = "https://api.jogg.ai"

/** The base URL of JoggAI's older `open` API (the seed documents), for `apiVersion: "open"`. */
export const JOGG_OPEN_BASE_URL = "https://api-services.jogg.ai"

/**
 * JoggAI settings: `apiKey` (required), `apiVersion` (`"v2"` default, or `"open"`),
 * `webhookSecret` (the endpoint secret, to verify callbacks), `webhookToleranceSeconds`
 * (how far a delivery's `timestamp` may be from now, default 300; `false` turns the check
 * off: it is vidbridge's own, JoggAI documents no window), `postsPerMinute` (client-side POST limit,
 * default 20, `false` to turn off), `batchCredits` (default true: batch tracking reads a product
 * video it finds completed in JoggAI's list once more by id, for the `deducted_credit` the list
 * leaves out; `false` saves that request per video and leaves `creditsUsed` unset in batch
 * results), plus core's transport settings. Checked by `jogg({...})`,
 * `JoggClient.layer` and `joggWebhookEndpoints`; credentials come out `Redacted`.
 */
export const JoggSettings = z.strictObject({
  apiKey: secret(),
  apiVersion: z.optional(z.enum(["v2", "open"])),
  webhookSecret: z.optional(secret()),
  webhookToleranceSeconds: z.optional(z.union([z.literal(false), z.number().check(z.gte(0))])),
  postsPerMinute: z.optional(z.union([z.literal(false), z.number().check(z.int(), z.positive())])),
  batchCredits: z.optional(z.boolean()),
  ...httpSettingsFields,
})

/** Settings after checking (credentials are `Redacted`). */
export type JoggSettings = z.output<typeof JoggSettings>

/** Settings as you pass them to `jogg({...})`. */
export type JoggSettingsInput = z.input<typeof JoggSettings>

/** Checks raw settings, as `jogg({...})` does: `InvalidInput` names a wrong setting. */
export const checkSettings = (input: unknown): Effect.Effect<JoggSettings, VideoError> =>
  validate(JoggSettings, input, { provider: PROVIDER_ID, operation: "configure" })
