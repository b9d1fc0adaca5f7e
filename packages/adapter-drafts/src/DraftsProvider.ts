import type { VideoProviderShape } from "@vidbridge/core"
import { defineProvider } from "@vidbridge/core/adapter"
import * as Effect from "effect/Effect"
import { makeDraftsClient } from "./DraftsClient.js"
import { makeOperations } from "./internal/operations.js"
import { DraftsSettings } from "./settings.js"
import { draftsCapabilities, draftsSummary, PROVIDER_ID } from "./summary.js"
import { parseDraftsWebhook } from "./webhook.js"

export { draftsCapabilities } from "./summary.js"

/** Builds the provider from checked settings; no request is made. */
export const makeDraftsProvider = (settings: DraftsSettings): VideoProviderShape => ({
  id: PROVIDER_ID,
  capabilities: draftsCapabilities,
  ...makeOperations(makeDraftsClient(settings), settings.videoMetadata === true),
  parseWebhook: (request) => parseDraftsWebhook(request, { secret: settings.webhookSecret }),
})

/**
 * The Hour One adapter: videos from a studio draft or a recipe (`POST /videos`,
 * `type: "override"`), with character, voice, palette and scene-content overrides.
 *
 * Settings: `apiKey` (`HOURONE_API_KEY`), optional `workspaceId` / `teamId` (sent as the
 * `workspace-id` / `team-id` headers), `webhookSecret` (the webhook's signing secret), and
 * the transport settings (`baseUrl`, `timeout`, `retry`, ...). `render` needs `template`
 * (the draft id) or `providerOptions.drafts.recipeId`, and scenes: `providerOptions.drafts.scenes`
 * (one per scene of the draft, each with its name), or a product or script for scene 1.
 *
 * @example
 * ```ts
 * const client = createVideoClient({ provider: drafts({ apiKey: process.env.HOURONE_API_KEY! }) })
 * const job = await client.render({
 *   template: "<draft id>",
 *   avatar: "<character id>",
 *   providerOptions: { drafts: { scenes: [{ name: "Intro" }, { name: "Offer", texts: ["-20%"] }] } },
 * })
 * const done = await client.waitForCompletion(job.ref)
 * console.log(done.videoUrl, done.durationSeconds)
 * ```
 */
export const drafts = defineProvider({
  ...draftsSummary,
  settings: DraftsSettings,
  make: (settings) => Effect.succeed(makeDraftsProvider(settings)),
})
