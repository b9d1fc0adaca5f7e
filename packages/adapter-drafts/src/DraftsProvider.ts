import type { Capabilities, VideoProviderShape } from "@vidbridge/core"
import { defineProvider } from "@vidbridge/core/adapter"
import * as Effect from "effect/Effect"
import { makeDraftsClient } from "./DraftsClient.js"
import { PROVIDER_ID } from "./internal/mapping.js"
import { makeOperations } from "./internal/operations.js"
import { DraftsSettings, draftsEnv } from "./settings.js"
import { parseDraftsWebhook } from "./webhook.js"

/**
 * What the Hour One adapter can do. No product, script or preview endpoints exist:
 * `createProduct` keeps your product data on the client (no request, no URL scraping) and
 * `render` turns it into scene content of a draft or recipe; `generateScripts`,
 * `generatePreviews` and `renderPreview` answer `UnsupportedOperation`, and so do the catalog
 * reads and `getCreditBalance` (Hour One's API has none: ids come from the studio) and avatar
 * videos (a `render` with a presenter but no draft, recipe or template). The aspect ratio is
 * fixed by the draft.
 *
 * `render` sends its submission key as `correlation_id`, which Hour One echoes in every video
 * read, so `findSubmission` looks it up exactly (`GET /videos`): a miss after the reconcile
 * window means the video was never made, and `resendIfNotFound` is allowed. No `cancel`: Hour
 * One documents no cancel or stop; its `DELETE /videos/{video_id}` is documented only as
 * "delete video by id" (it deletes the video record; whether a render in progress stops, and
 * what happens to the created draft and to minutes, is not documented), so it is not a cancel.
 *
 * Many videos are tracked with one `GET /videos` a round (the whole account: `batchStatusLimit`
 * is `Infinity`). A ready video's duration and scene timings take one more GET each, made only
 * with the `videoMetadata` setting.
 */
export const draftsCapabilities: Capabilities = {
  operations: ["createProduct", "render", "getStatus", "listJobs", "parseWebhook", "findSubmission"],
  aspectRatios: [],
  productFromUrl: false,
  productFromParams: true,
  templates: true,
  webhooks: "signature",
  // `GET /videos` answers every video of the account in one request (no paging, no ids filter).
  batchStatusLimit: Number.POSITIVE_INFINITY,
  credits: { reported: false, estimate: false },
  submissions: { lookup: "exact", resend: true },
}

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
  id: PROVIDER_ID,
  displayName: "Hour One",
  capabilities: draftsCapabilities,
  settings: DraftsSettings,
  env: draftsEnv,
  make: (settings) => Effect.succeed(makeDraftsProvider(settings)),
})
