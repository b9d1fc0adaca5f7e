import {
  makeCreditLedger,
  makeFaultPlan,
  makeRequestLog,
  makeSimClock,
  type SimClock,
  type VendorSimulator,
} from "@vidbridge/core/testing"
import { PROVIDER_ID } from "../internal/mapping/refs.js"
import { JOGG_BASE_URL, JOGG_OPEN_BASE_URL } from "../settings.js"
import { bypassFetch, type HandlerContext, makeSystemErrorPlan } from "./handlers.js"
import { newEndpointSecret } from "./handlersEndpoints.js"
import { makeOpenHandlers } from "./handlersOpen.js"
import { makeV2Handlers, SIM_EVENTS } from "./handlersV2.js"
import { type JoggSimJob, simJobs } from "./simJobs.js"
import { defaultTimelines, type JoggTimelines, type SimEndpoint, unixSeconds } from "./state.js"
import { makeJoggStore } from "./store.js"
import { type DueWebhook, type JoggWebhookDelivery, makeSimWebhooks, signJoggWebhook } from "./webhooks.js"

/** The API key the simulator accepts unless told otherwise. */
export const DEFAULT_SIM_API_KEY = "sim-jogg-api-key"

/** The secret per-request `webhook_url` deliveries are signed with unless told otherwise. */
export const DEFAULT_SIM_WEBHOOK_SECRET = "whsec_simulator0000000000000000"

/** What `remaining_quota` reports for an account without a balance. */
export const UNLIMITED_QUOTA = 999_999

export type { JoggSimJob } from "./simJobs.js"

/** Options of {@link createSimulator}. */
export interface JoggSimulatorOptions {
  /** The clock jobs move on. Default: a manual clock (only `clock.advance` moves it). */
  readonly clock?: SimClock | undefined
  /** Credits the account may spend; unlimited when omitted. Over it: envelope `18020`. */
  readonly balance?: number | undefined
  /** The `x-api-key` the simulator accepts. */
  readonly apiKey?: string | undefined
  /** The API generation served: `"v2"` (default, `https://api.jogg.ai`) or `"open"` (`https://api-services.jogg.ai`). */
  readonly apiVersion?: "v2" | "open" | undefined
  /** The secret per-request `webhook_url` deliveries are signed with (and `settings().webhookSecret`). */
  readonly webhookSecret?: string | undefined
  /**
   * Wall time (ms since 1970) the clock's 0 stands for; `created_at` and webhook
   * `timestamp`s count from it. Default: `Date.now()` when the simulator is made.
   */
  readonly epochMillis?: number | undefined
  /** Status timelines; default {@link defaultTimelines}. */
  readonly timelines?: Partial<JoggTimelines> | undefined
  /** The fetch used to deliver webhooks. Default: the global `fetch`, bypassing msw. */
  readonly fetch?: typeof fetch | undefined
  /** See {@link JoggSimulator.listLag}. Default 0. */
  readonly listLag?: number | undefined
}

/** Adapter settings that talk to the simulator; pass them to `jogg(...)`. */
export type JoggSimulatorSettings = {
  readonly apiKey: string
  readonly apiVersion: "v2" | "open"
  readonly webhookSecret: string
  /** Only for a served simulator: the served origin. */
  readonly baseUrl?: string
}

/** The JoggAI simulator: {@link VendorSimulator} plus controls of its own. */
export interface JoggSimulator extends VendorSimulator {
  readonly provider: typeof PROVIDER_ID
  readonly apiVersion: "v2" | "open"
  readonly settings: (servedOrigin?: string) => JoggSimulatorSettings
  /**
   * The next video (v2 product video, rendered preview, avatar or template video, or `open`
   * render) ends `failed` with `error: {code: 50000, message}`.
   */
  readonly failNextVideo: (message?: string) => void
  /** The next preview ends `failed`. */
  readonly failNextPreview: (message?: string) => void
  /** The next AI-script task ends `failed` with `err_msg`. */
  readonly failNextScript: (message?: string) => void
  /**
   * The next `times` requests on `route` (a route name, or `"*"`) answer the envelope
   * `{code: 50000, msg: "System error"}` (HTTP 200), `before` the request takes effect
   * (nothing happens) or `after` it (the job exists, the answer is lost).
   */
  readonly injectSystemError: (route: string, when?: "before" | "after", times?: number) => void
  /** Registers an account webhook endpoint (as `POST /v2/endpoint` does) and returns it with its `whsec_` secret. */
  readonly registerEndpoint: (
    url: string,
    options?: { readonly events?: ReadonlyArray<string>; readonly secret?: string },
  ) => SimEndpoint
  /** Every registered endpoint. */
  readonly endpoints: () => ReadonlyArray<SimEndpoint>
  /** Events due now and not yet answered with a 2xx (oldest first), per receiver. */
  readonly pendingWebhooks: () => ReadonlyArray<DueWebhook>
  /**
   * POSTs every due event to its receivers, signed, one after another, and answers their
   * statuses (0 when unreachable). A non-2xx answer leaves the event due. Deterministic:
   * the simulator never delivers on its own.
   */
  readonly flushWebhooks: () => Promise<number[]>
  /** Every delivery attempt, with the raw body and headers sent. */
  readonly webhookDeliveries: () => ReadonlyArray<JoggWebhookDelivery>
  /** The `X-Webhook-Signature` the simulator would send for `body` with `secret`. */
  readonly signWebhook: (secret: string, body: string) => Promise<string>
  /** Every preview, product video, avatar and template video, AI-script task and `open` project, by kind in creation order, as it is now. */
  readonly jobs: () => ReadonlyArray<JoggSimJob>
  /** Credits left (`Infinity` without a balance). */
  readonly creditsLeft: () => number
  /**
   * A new preview or product video shows in `GET /v2/product_previews` / `GET /v2/product_videos`
   * only this long (ms on `clock`) after it was made, as vendor lists lag. Reads by id do not lag.
   */
  listLag: number
  /**
   * The next request on `route` (`JOGG_V2_ROUTES.createVideo`) takes effect and is never answered:
   * the client times out after sending. The held request ends when the client gives up.
   */
  readonly holdAnswer: (route: string) => void
  /** Requests held by {@link JoggSimulator.holdAnswer} that the client has not given up on yet. */
  readonly held: () => number
}

/**
 * Makes a JoggAI simulator for one API generation: msw handlers for the vendor's real base
 * URL (in-process with `setupServer(...sim.handlers)`, or over loopback HTTP with core's
 * `serveHandlers`), jobs moving through JoggAI's statuses on `clock`, credits by JoggAI's
 * published rules, signed webhooks on `flushWebhooks()`, and core's faults on every route.
 *
 * @example
 * ```ts
 * const sim = createSimulator()
 * const server = setupServer(...sim.handlers)
 * const client = createVideoClient({ provider: jogg(sim.settings()) })
 * // generatePreviews, sim.clock.advance(150_000), renderPreview, sim.clock.advance(420_000)
 * ```
 */
export const createSimulator = (options: JoggSimulatorOptions = {}): JoggSimulator => {
  const clock = options.clock ?? makeSimClock()
  const apiVersion = options.apiVersion ?? "v2"
  const apiKey = options.apiKey ?? DEFAULT_SIM_API_KEY
  const requestSecret = options.webhookSecret ?? DEFAULT_SIM_WEBHOOK_SECRET
  const epochMillis = options.epochMillis ?? Date.now()
  const canonicalBase = apiVersion === "open" ? JOGG_OPEN_BASE_URL : JOGG_BASE_URL
  const balance = options.balance ?? Number.POSITIVE_INFINITY
  const faults = makeFaultPlan()
  const log = makeRequestLog()
  const ledger = makeCreditLedger(balance)
  const store = makeJoggStore(clock, { ...defaultTimelines, ...options.timelines })
  const systemErrors = makeSystemErrorPlan()
  const remaining = () => balance - ledger.spent()
  let lastOrigin = canonicalBase
  const held = { count: 0 }
  const ctx: HandlerContext = {
    store,
    clock,
    faults,
    log,
    ledger,
    apiKey,
    epochMillis,
    systemErrors,
    posts: [],
    noteOrigin: (origin) => {
      lastOrigin = origin
    },
    remaining: () => (Number.isFinite(remaining()) ? remaining() : UNLIMITED_QUOTA),
    listLag: () => simulator.listLag,
    holds: [],
    held,
  }
  const handlers = apiVersion === "open" ? makeOpenHandlers(ctx) : makeV2Handlers(ctx)
  const webhooks = makeSimWebhooks({
    store,
    origin: () => lastOrigin,
    requestSecret,
    timestamp: () => unixSeconds(epochMillis, clock.now()),
    fetch: options.fetch ?? bypassFetch,
  })

  const jobs = () => simJobs(store)

  const simulator: JoggSimulator = {
    provider: PROVIDER_ID,
    apiVersion,
    canonicalBase,
    handlers,
    clock,
    faults,
    log,
    creditsSpent: ledger.spent,
    creditsLeft: remaining,
    settings: (origin) => ({
      apiKey,
      apiVersion,
      webhookSecret: requestSecret,
      ...(origin === undefined ? {} : { baseUrl: origin.replace(/\/+$/, "") }),
    }),
    failNextVideo: (message = "Video generation failed") => store.failures.queue("video", message),
    failNextPreview: (message = "Preview generation failed") => store.failures.queue("preview", message),
    failNextScript: (message = "Failed to generate script") => store.failures.queue("script", message),
    injectSystemError: (route, when = "before", times = 1) => systemErrors.inject(route, when, times),
    registerEndpoint: (url, endpointOptions = {}) => {
      const endpoint: SimEndpoint = {
        endpoint_id: store.nextId("wh_"),
        url,
        secret: endpointOptions.secret ?? newEndpointSecret(),
        status: "enabled",
        events: [
          ...(endpointOptions.events ?? [...SIM_EVENTS, "generated_video_success", "generated_video_failed"]),
        ],
        created_at: unixSeconds(epochMillis, clock.now()),
      }
      store.endpoints.set(endpoint.endpoint_id, endpoint)
      return endpoint
    },
    endpoints: () => [...store.endpoints.values()],
    pendingWebhooks: webhooks.due,
    flushWebhooks: webhooks.flush,
    webhookDeliveries: webhooks.deliveries,
    signWebhook: signJoggWebhook,
    jobs,
    listLag: options.listLag ?? 0,
    holdAnswer: (route) => {
      ctx.holds.push(route)
    },
    held: () => held.count,
  }
  return simulator
}
