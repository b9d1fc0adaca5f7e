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
  type CreatifyClientConfig,
  type CreatifyClientShape,
  type CreatifyCustomTemplateJob,
  type CreatifyLink,
  type CreatifyLinkToVideo,
  DEFAULT_BASE_URL,
  type ListQuery,
  makeCreatifyClient,
} from "./CreatifyClient.js"
export {
  CreatifySettings,
  creatify,
  creatifyCapabilities,
  makeCreatifyProvider,
} from "./CreatifyProvider.js"
export { REMEMBERED_PRODUCTS } from "./internal/product.js"
export { type CreatifyWebhookOptions, parseCreatifyWebhook } from "./webhook.js"
