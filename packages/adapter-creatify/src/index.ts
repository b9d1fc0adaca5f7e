/**
 * vidbridge adapter for Creatify: the URL-to-video flow (product -> scripts -> previews ->
 * render one preview), custom template renders and Aurora avatar jobs.
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
  CreatifyClient,
  type CreatifyClientShape,
  type CreatifyCustomTemplateJob,
  type CreatifyLink,
  type CreatifyLinkToVideo,
  type CreatifyListQuery,
  makeCreatifyClient,
} from "./CreatifyClient.js"
export { creatify, creatifyCapabilities } from "./CreatifyProvider.js"
export { creatifyStatusTable, REMEMBERED_PRODUCTS } from "./internal/mapping.js"
export { CREATIFY_BASE_URL, CreatifySettings, type CreatifySettingsInput } from "./settings.js"
export { type CreatifyWebhookOptions, parseCreatifyWebhook } from "./webhook.js"
