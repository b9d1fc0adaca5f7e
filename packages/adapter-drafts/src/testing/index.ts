/**
 * `@vidbridge/adapter-drafts/testing`: a simulator of Hour One's videos API for your tests
 * and demos, built on core's simulator kit (`@vidbridge/core/testing`). Needs `msw`.
 *
 * @example
 * ```ts
 * import { setupServer } from "msw/node"
 * import { createSimulator } from "@vidbridge/adapter-drafts/testing"
 *
 * const sim = createSimulator()
 * const server = setupServer(...sim.handlers)
 * server.listen({ onUnhandledFrame: "error" })
 * const client = createVideoClient({ provider: drafts(sim.settings()) })
 * ```
 * @packageDocumentation
 */
export {
  createSimulator,
  DEFAULT_SIM_API_KEY,
  DEFAULT_SIM_SIGNING_SECRET,
  type DraftsSimulator,
  type DraftsSimulatorOptions,
  type DraftsSimulatorSettings,
} from "./DraftsSimulator.js"
export { CANONICAL_BASE, CREDITS_PER_VIDEO, DRAFTS_ROUTES } from "./handlers.js"
export {
  type DraftsEndStatus,
  type DraftsRunStatus,
  type DraftsSimStatus,
  type DraftsSimVideo,
  type DraftsTimeline,
  defaultTimeline,
} from "./state.js"
export { CORRELATION_ID_MAX, TRANSCRIPT_MAX, type ValidationDetail } from "./validate.js"
export type { DraftsWebhookEvent, WebhookDelivery } from "./webhooks.js"
