/**
 * `@vidbridge/adapter-jogg/testing`: a simulator of JoggAI's API (v2, or the older `open`
 * API) for your tests and demos, built on core's simulator kit (`@vidbridge/core/testing`).
 * Needs `msw`.
 *
 * @example
 * ```ts
 * import { setupServer } from "msw/node"
 * import { createSimulator } from "@vidbridge/adapter-jogg/testing"
 *
 * const sim = createSimulator()
 * const server = setupServer(...sim.handlers)
 * server.listen({ onUnhandledFrame: "error" })
 * const client = createVideoClient({ provider: jogg(sim.settings()) })
 * ```
 * @packageDocumentation
 */
export { POSTS_PER_MINUTE } from "./handlers.js"
export { JOGG_CATALOG_ROUTES } from "./handlersCatalog.js"
export { JOGG_ENDPOINT_ROUTES, MAX_ENDPOINTS } from "./handlersEndpoints.js"
export { JOB_VIDEO_SECONDS, JOGG_JOB_ROUTES, SCRIPT_CREDITS } from "./handlersJobs.js"
export { JOGG_OPEN_ROUTES, OPEN_VIDEO_SECONDS } from "./handlersOpen.js"
export { JOGG_V2_ROUTES, SIM_EVENTS } from "./handlersV2.js"
export {
  createSimulator,
  DEFAULT_SIM_API_KEY,
  DEFAULT_SIM_WEBHOOK_SECRET,
  type JoggSimJob,
  type JoggSimulator,
  type JoggSimulatorOptions,
  type JoggSimulatorSettings,
  UNLIMITED_QUOTA,
} from "./JoggSimulator.js"
export {
  defaultTimelines,
  type JoggOpenStatus,
  type JoggSimStatus,
  type JoggTimelines,
  type SimEndpoint,
} from "./state.js"
export type { DueWebhook, JoggWebhookDelivery, JoggWebhookEvent } from "./webhooks.js"
