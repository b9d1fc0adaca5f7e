/**
 * `@vidbridge/adapter-creatify/testing`: a simulator of Creatify's API for your tests and demos,
 * built on core's simulator kit (`@vidbridge/core/testing`). Needs `msw`.
 *
 * @example
 * ```ts
 * import { setupServer } from "msw/node"
 * import { createSimulator } from "@vidbridge/adapter-creatify/testing"
 *
 * const sim = createSimulator()
 * const server = setupServer(...sim.handlers)
 * server.listen({ onUnhandledFrame: "error" })
 * const client = createVideoClient({ provider: creatify(sim.settings()) })
 * ```
 * @packageDocumentation
 */

export {
  type CreatifySimulator,
  type CreatifySimulatorOptions,
  type CreatifySimulatorSettings,
  createSimulator,
  DEFAULT_SIM_API_ID,
  DEFAULT_SIM_API_KEY,
  DEFAULT_SIM_WEBHOOK_SECRET,
} from "./CreatifySimulator.js"
export {
  SIM_CUSTOM_TEMPLATES,
  SIM_MUSIC_CATEGORIES,
  SIM_MUSICS,
  SIM_PERSONAS,
  SIM_VOICES,
} from "./catalogData.js"
export { CANONICAL_BASE, CREATIFY_ROUTES } from "./handlers.js"
export { AURORA_SECONDS, SIM_CHARS_PER_SECOND } from "./handlersAvatars.js"
export { UNLIMITED_REPORTED } from "./handlersCatalogs.js"
export { NO_MEDIA_MESSAGE, TOO_FEW_IMAGES_MESSAGE } from "./handlersLinks.js"
export { TEMPLATE_SECONDS } from "./handlersTemplates.js"
export {
  auroraCredits,
  CREATIFY_PRICES,
  type CreatifyEndStatus,
  type CreatifyRenderTimeline,
  type CreatifyRunStatus,
  type CreatifySimJob,
  type CreatifySimLink,
  type CreatifySimStatus,
  type CreatifyTimeline,
  defaultTimeline,
  type EndingStage,
  previewCredits,
  renderCredits,
  type SimPreview,
  templateCredits,
} from "./state.js"
export { IDS_MAX, WEBHOOK_URL_MAX } from "./validate.js"
export type { CreatifyWebhookPayload, DueWebhook, WebhookDelivery } from "./webhooks.js"
