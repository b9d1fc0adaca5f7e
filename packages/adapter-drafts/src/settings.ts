import type { VideoError } from "@vidbridge/core"
import { httpSettingsFields, secret, validate } from "@vidbridge/core/adapter"
import type * as Effect from "effect/Effect"
import * as z from "zod/mini"
import { PROVIDER_ID } from "./internal/mapping.js"

export { draftsEnv } from "./summary.js"

/** Hour One's API base URL (the "MakeReals" developer host), `/api/v1` included. */
export const HOURONE_BASE_URL = "https://api.makereals.com/api/v1"

const optionalId = z.optional(z.string().check(z.minLength(1), z.maxLength(200)))

/**
 * Settings of the Hour One adapter: `apiKey` (the `api-key` header), optional `workspaceId` /
 * `teamId` (the `workspace-id` / `team-id` headers of every request), `webhookSecret` (the
 * webhook's signing secret), `videoMetadata` (default false: true makes every read of a ready
 * video, single or batch, also `GET /videos/{id}/metadata` for its `durationSeconds` and scene
 * timings) and core's transport settings (`baseUrl`, `timeout`, `retry`, ...). Credentials are
 * `Redacted` once checked.
 *
 * @example
 * ```ts
 * const settings = DraftsSettings.parse({ apiKey: process.env.HOURONE_API_KEY })
 * ```
 */
export const DraftsSettings = z.strictObject({
  apiKey: secret(),
  workspaceId: optionalId,
  teamId: optionalId,
  webhookSecret: z.optional(secret()),
  videoMetadata: z.optional(z.boolean()),
  ...httpSettingsFields,
})

/** The checked settings of the Hour One adapter (credentials are `Redacted`). */
export type DraftsSettings = z.output<typeof DraftsSettings>

/** Settings as you pass them to `drafts({...})` or `DraftsClient.layer({...})`. */
export type DraftsSettingsInput = z.input<typeof DraftsSettings>

/** Checks raw settings; a wrong one fails with `InvalidInput` naming the field. */
export const parseDraftsSettings = (input: unknown): Effect.Effect<DraftsSettings, VideoError> =>
  validate(DraftsSettings, input, { provider: PROVIDER_ID, operation: "configure" })
