/**
 * @vidbridge/adapter-jogg: JoggAI for vidbridge, the current v2 API (default) and the
 * older `open` API (`apiVersion: "open"`).
 *
 * @example
 * ```ts
 * import { createVideoClient } from "@vidbridge/core"
 * import { jogg } from "@vidbridge/adapter-jogg"
 * const client = createVideoClient({ provider: jogg({ apiKey: process.env.JOGG_API_KEY! }) })
 * ```
 * @module
 */

export { joggScriptStatusTable } from "./internal/mapping/jobs.js"
export { joggOpenStatusTable } from "./internal/mapping/open.js"
export { joggStatusTable } from "./internal/mapping/v2.js"
export type { JoggOptions } from "./internal/requests/fields.js"
export {
  type JoggCatalogApi,
  JoggClient,
  type JoggClientShape,
  type JoggOpenApi,
  type JoggV2Api,
  makeJoggClient,
} from "./JoggClient.js"
export { jogg, joggCapabilities, joggOpenCapabilities, makeJoggProvider } from "./JoggProvider.js"
export {
  type JoggWebhookEndpoint,
  type JoggWebhookEndpoints,
  JoggWebhookEvents,
  type JoggWebhookRegistration,
  joggWebhookEndpoints,
} from "./JoggWebhookEndpoints.js"
export { JOGG_BASE_URL, JOGG_OPEN_BASE_URL, JoggSettings, type JoggSettingsInput } from "./settings.js"
export {
  DEFAULT_WEBHOOK_TOLERANCE_SECONDS,
  JOGG_SIGNATURE_HEADER,
  type JoggWebhookOptions,
  parseJoggWebhook,
} from "./webhook.js"
