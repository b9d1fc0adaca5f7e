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
  DEFAULT_BASE_URL,
  DraftsClient,
  type DraftsClientConfig,
  type DraftsClientShape,
  type DraftsCreateVideoBody,
  type DraftsScope,
  type DraftsVideo,
  type DraftsVideoMetadata,
  makeDraftsClient,
} from "./DraftsClient.js"
export {
  type DraftsSettings,
  drafts,
  draftsCapabilities,
  makeDraftsProvider,
  REMEMBERED_PRODUCTS,
} from "./DraftsProvider.js"
export { statusTable as draftsStatusTable } from "./internal/mapping.js"
export { TRANSCRIPT_LIMIT } from "./internal/product.js"
export type { DraftsRenderOptions } from "./internal/request.js"
export { parseDraftsWebhook, SIGNATURE_HEADER } from "./webhook.js"
