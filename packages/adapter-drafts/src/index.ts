/**
 * `@vidbridge/adapter-drafts`: Hour One's "videos from a source draft or recipe" API
 * (`api.makereals.com`) behind vidbridge's neutral video API.
 *
 * @example
 * ```ts
 * import { createVideoClient } from "@vidbridge/core"
 * import { drafts } from "@vidbridge/adapter-drafts"
 *
 * const client = createVideoClient({ provider: drafts({ apiKey: process.env.HOURONE_API_KEY! }) })
 * const job = await client.render({ template: "<draft id>" })
 * console.log((await client.waitForCompletion(job.ref)).videoUrl)
 * ```
 * @packageDocumentation
 */
export {
  DraftsClient,
  type DraftsClientShape,
  type DraftsCreateVideoBody,
  type DraftsScope,
  type DraftsVideo,
  type DraftsVideoMetadata,
  makeDraftsClient,
} from "./DraftsClient.js"
export { drafts, draftsCapabilities, makeDraftsProvider } from "./DraftsProvider.js"
export { draftsStatusTable } from "./internal/mapping.js"
export { REMEMBERED_PRODUCTS } from "./internal/operations.js"
export { type DraftsRenderOptions, TRANSCRIPT_LIMIT } from "./internal/requests/render.js"
export { DraftsSettings, type DraftsSettingsInput, HOURONE_BASE_URL } from "./settings.js"
export { type DraftsWebhookOptions, HOURONE_SIGNATURE_HEADER, parseDraftsWebhook } from "./webhook.js"
