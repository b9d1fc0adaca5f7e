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

export type { JoggOptions } from "./internal/requests.js"
export {
  JOGG_OPEN_BASE_URL,
  JOGG_V2_BASE_URL,
  JoggClient,
  type JoggClientShape,
  type JoggSettings,
  type JoggSettingsInput,
  JoggSettingsSchema,
  makeJoggClient,
  parseJoggSettings,
} from "./JoggClient.js"
export type { JoggOpenApi } from "./JoggOpenClient.js"
export { jogg, joggCapabilities, joggOpenCapabilities, makeJoggProvider } from "./JoggProvider.js"
export type { JoggV2Api } from "./JoggV2Client.js"
export {
  type JoggWebhookEndpoint,
  JoggWebhookEvents,
  type JoggWebhookRegistration,
  type JoggWebhooks,
  joggWebhooks,
} from "./JoggWebhooks.js"
export {
  DEFAULT_WEBHOOK_TOLERANCE_SECONDS,
  JOGG_SIGNATURE_HEADER,
  type JoggWebhookOptions,
  parseJoggWebhook,
} from "./webhook.js"
