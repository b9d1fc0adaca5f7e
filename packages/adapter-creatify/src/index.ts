/**
 * vidbridge adapter for Creatify: the URL-to-video flow (product -> scripts -> previews ->
 * render one preview), custom templates (direct, or preview then render), avatar videos (AI
 * Avatar v2, Aurora), catalogs and the credit balance.
 *
 * @example
 * ```ts
 * import { createVideoClient } from "@vidbridge/core"
 * import { creatify } from "@vidbridge/adapter-creatify"
 *
 * const client = createVideoClient({ provider: creatify({ apiId, apiKey }) })
 * ```
 *
 * @module
 */
export {
  type CreatifyAiScript,
  type CreatifyAuroraJob,
  type CreatifyCatalogApi,
  CreatifyClient,
  type CreatifyClientShape,
  type CreatifyCustomTemplateJob,
  type CreatifyJobsApi,
  type CreatifyLink,
  type CreatifyLinkToVideo,
  type CreatifyLipsyncV2,
  type CreatifyListQuery,
  type CreatifyPageQuery,
  makeCreatifyClient,
} from "./CreatifyClient.js"
export { creatify, creatifyCapabilities } from "./CreatifyProvider.js"
export { creatifyStatusTable, REMEMBERED_PRODUCTS } from "./internal/mapping.js"
export { CREATIFY_BASE_URL, CreatifySettings, type CreatifySettingsInput } from "./settings.js"
export { type CreatifyWebhookOptions, parseCreatifyWebhook } from "./webhook.js"
