import {
  makeCreditLedger,
  makeFaultPlan,
  makeRequestLog,
  makeSimClock,
  makeWebhookOutbox,
  type SimClock,
  type VendorSimulator,
} from "@vidbridge/core/testing"
import { CANONICAL_BASE, type HandlerContext } from "./handlers.js"
import { makeAvatarHandlers } from "./handlersAvatars.js"
import { makeCatalogHandlers } from "./handlersCatalogs.js"
import { makeLinkHandlers } from "./handlersLinks.js"
import { makeTemplateHandlers } from "./handlersTemplates.js"
import { makeVideoHandlers } from "./handlersVideos.js"
import {
  auroraCredits,
  type CreatifyEndStatus,
  type CreatifySimJob,
  type CreatifySimLink,
  type CreatifyTimeline,
  type EndingStage,
  EPOCH,
  resolveTimeline,
} from "./state.js"
import { makeCreatifyStore, snapshotJobs } from "./store.js"
import { type DueWebhook, dueWebhooks, type WebhookDelivery } from "./webhooks.js"

/** The API ID the simulator accepts unless told otherwise. */
export const DEFAULT_SIM_API_ID = "sim-creatify-api-id"

/** The API key the simulator accepts unless told otherwise. */
export const DEFAULT_SIM_API_KEY = "sim-creatify-api-key"

/** The `webhookSecret` {@link CreatifySimulator.settings} hands to the adapter unless told otherwise. */
export const DEFAULT_SIM_WEBHOOK_SECRET = "sim-creatify-webhook-secret"

/** Options of {@link createSimulator}. */
export interface CreatifySimulatorOptions {
  /** The clock jobs move on. Default: a manual clock (only `clock.advance` moves it). */
  readonly clock?: SimClock | undefined
  /** Credits the account may spend; unlimited when omitted. Beyond it: 400 `["Insufficient credits: ..."]`. */
  readonly balance?: number | undefined
  /** The `X-API-ID` the simulator accepts. */
  readonly apiId?: string | undefined
  /** The `X-API-KEY` the simulator accepts. */
  readonly apiKey?: string | undefined
  /** The `webhookSecret` put into `settings()` (Creatify itself has none; the adapter makes its callback tokens with it). */
  readonly webhookSecret?: string | undefined
  /** Answer `POST /api/ai_scripts/` with a `pending` job that is `done` after `timeline.scriptsReadyAt`. */
  readonly pendingScripts?: boolean | undefined
  /** How long things take (ms); missing parts come from `defaultTimeline`. */
  readonly timeline?: Partial<CreatifyTimeline> | undefined
  /**
   * Deliver due webhooks by itself after every API request it answers (in the background).
   * Default `false`: tests call `flushWebhooks()` and stay deterministic.
   */
  readonly autoDeliverWebhooks?: boolean | undefined
  /** The fetch used to scrape product pages and deliver webhooks. Default: the global `fetch`. */
  readonly fetch?: typeof fetch | undefined
  /** See {@link CreatifySimulator.listLag}. Default 0. */
  readonly listLag?: number | undefined
  /**
   * The calendar time (epoch ms) clock 0 stands for in `created_at` / `updated_at`. Default
   * 2026-01-01. The adapter finds a lost script job by its `created_at`, compared with the time
   * the client sent it: line them up (`Date.now()` with a manual clock; 0 with a clock that
   * reads the client's own, such as Effect's `TestClock`).
   */
  readonly epoch?: number | undefined
}

/** Adapter settings that talk to the simulator; pass them to `creatify(...)`. */
export type CreatifySimulatorSettings = {
  readonly apiId: string
  readonly apiKey: string
  readonly webhookSecret: string
  /** Only for a served simulator: the served origin (Creatify's paths start with `/api/`). */
  readonly baseUrl?: string
}

/** The Creatify simulator: {@link VendorSimulator} plus controls of its own. */
export interface CreatifySimulator extends VendorSimulator {
  readonly provider: "creatify"
  readonly settings: (servedOrigin?: string) => CreatifySimulatorSettings
  /** Every link-to-video, custom template, AI Avatar v2 and Aurora job, in creation order, as it is now. */
  readonly jobs: () => ReadonlyArray<CreatifySimJob>
  /** Every link (product), in creation order. */
  readonly links: () => ReadonlyArray<CreatifySimLink>
  /** Every AI script job, in creation order: its id, creation time (ms on `clock`) and the body sent. */
  readonly scriptJobs: () => ReadonlyArray<{
    readonly id: string
    readonly createdAt: number
    readonly body: Readonly<Record<string, unknown>>
  }>
  /**
   * The next job reaching `stage` (default `render`: `render_single_preview`, a direct render, a
   * custom template job or the render of a previewed one, an AI Avatar v2 or Aurora job;
   * `previews`: a preview list or a custom template preview; `scripts`: an AI script job) is
   * moderated: it ends `rejected` with `failed_reason` where it would have finished.
   */
  readonly rejectNext: (reason?: string, stage?: EndingStage) => void
  /** Like {@link rejectNext}, ending `failed`. */
  readonly failNext: (reason?: string, stage?: EndingStage) => void
  /**
   * Adds an Aurora job as if made in Creatify's web app (the adapter reads these with
   * `GET /api/aurora/?ids=`), charged at the Aurora rates, moving on the template timeline.
   * Answers its id.
   */
  readonly createAuroraJob: (options?: {
    readonly name?: string
    readonly image?: string
    readonly audio?: string
    readonly seconds?: number
    readonly modelVersion?: "aurora_v1" | "aurora_v1_fast" | "aurora_v2"
  }) => string
  /** Callbacks due now and not yet delivered with a 2xx answer (oldest first). */
  readonly pendingWebhooks: () => ReadonlyArray<DueWebhook>
  /**
   * POSTs every due callback to its job's `webhook_url`, one after another, and answers the
   * receivers' statuses (0 when unreachable). A callback answered with a non-2xx stays due.
   */
  readonly flushWebhooks: () => Promise<number[]>
  /** Every delivery attempt, with the raw body sent. */
  readonly webhookDeliveries: () => ReadonlyArray<WebhookDelivery>
  /**
   * How long (ms on `clock`) a new link, script job, link-to-video, AI Avatar v2 or Aurora job
   * stays out of list reads without `ids` (`GET /api/links/`, `/api/ai_scripts/`,
   * `/api/link_to_videos/`, `/api/lipsyncs_v2/`, `/api/aurora/`): vendor lists lag. Reads by id
   * and by `ids` see it at once. Settable at any time.
   */
  listLag: number
  /**
   * The next request on `route` (`CREATIFY_ROUTES.previews`) takes effect and is never answered:
   * the client times out after sending (deterministic on a test clock). The request ends when
   * the client gives up.
   */
  readonly holdAnswer: (route: string) => void
  /** Requests held by {@link holdAnswer} that the client has not given up on yet. */
  readonly held: () => number
}

/**
 * Makes a Creatify simulator: msw handlers for `https://api.creatify.ai` (in-process with
 * `setupServer(...sim.handlers)`, or over loopback HTTP with core's `serveHandlers`), jobs moving
 * through Creatify's statuses on `clock` (previews after 2 simulated minutes, a render 4 minutes
 * later; custom template, AI Avatar v2 and Aurora jobs in 3 minutes), catalogs (catalogData.ts)
 * and the remaining credits, moderation and failure on demand, webhooks to each request's
 * `webhook_url`, credits by Creatify's published rules and core's faults.
 *
 * @example
 * ```ts
 * const sim = createSimulator()
 * const server = setupServer(...sim.handlers)
 * const client = createVideoClient({ provider: creatify(sim.settings()) })
 * // generatePreviews, then: sim.clock.advance(120_000); getStatus -> awaiting_selection
 * ```
 */
export const createSimulator = (options: CreatifySimulatorOptions = {}): CreatifySimulator => {
  const clock = options.clock ?? makeSimClock()
  const apiId = options.apiId ?? DEFAULT_SIM_API_ID
  const apiKey = options.apiKey ?? DEFAULT_SIM_API_KEY
  const webhookSecret = options.webhookSecret ?? DEFAULT_SIM_WEBHOOK_SECRET
  const balance = options.balance ?? Number.POSITIVE_INFINITY
  const store = makeCreatifyStore(clock, resolveTimeline(options.timeline))
  const faults = makeFaultPlan()
  const log = makeRequestLog()
  const ledger = makeCreditLedger(balance)
  // Creatify signs nothing: a callback is the bare JSON body.
  const outbox = makeWebhookOutbox<DueWebhook>({
    message: (webhook) => ({ body: JSON.stringify(webhook.payload) }),
    now: () => clock.now(),
    fetch: options.fetch,
  })
  const seen = { origin: new URL(CANONICAL_BASE).origin }

  const due = () => outbox.pending(dueWebhooks(store, seen.origin))
  const flushWebhooks = async () => [...(await outbox.flush(due()))]
  const webhookDeliveries = (): ReadonlyArray<WebhookDelivery> =>
    outbox.attempts().map(({ webhook, url, body, status, at }) => ({
      key: webhook.key,
      jobId: webhook.jobId,
      url,
      body,
      status,
      at,
    }))

  const ctx: HandlerContext = {
    store,
    faults,
    log,
    ledger,
    balance,
    apiId,
    apiKey,
    pendingScripts: options.pendingScripts ?? false,
    fetch: options.fetch,
    afterRequest: options.autoDeliverWebhooks
      ? () => {
          void flushWebhooks()
        }
      : undefined,
    seen,
    epoch: options.epoch ?? EPOCH,
    lag: { ms: options.listLag ?? 0 },
    holds: { routes: [], count: 0 },
  }
  const endNext =
    (status: CreatifyEndStatus) =>
    (reason?: string, stage: EndingStage = "render") =>
      store.queueEnding(
        {
          status,
          reason:
            reason ??
            (status === "rejected"
              ? "The content was rejected by moderation (simulated)."
              : "The render failed (simulated)."),
        },
        stage,
      )

  return {
    provider: "creatify",
    canonicalBase: CANONICAL_BASE,
    handlers: [
      ...makeLinkHandlers(ctx),
      ...makeVideoHandlers(ctx),
      ...makeTemplateHandlers(ctx),
      ...makeAvatarHandlers(ctx),
      ...makeCatalogHandlers(ctx),
    ],
    clock,
    faults,
    log,
    creditsSpent: ledger.spent,
    settings: (origin) => ({
      apiId,
      apiKey,
      webhookSecret,
      ...(origin === undefined ? {} : { baseUrl: origin.replace(/\/+$/, "") }),
    }),
    jobs: () => snapshotJobs(store),
    scriptJobs: () => store.scriptJobs().map(({ id, createdAt, body }) => ({ id, createdAt, body })),
    links: () =>
      store.links().map((link) => ({
        id: link.id,
        url: link.url,
        title: link.title,
        description: link.description,
        imageUrls: link.image_urls,
        videoUrls: link.video_urls,
        createdWith: link.createdWith,
        creditsUsed: link.credits,
      })),
    rejectNext: endNext("rejected"),
    failNext: endNext("failed"),
    createAuroraJob: (aurora = {}) => {
      const seconds = aurora.seconds ?? 15
      const modelVersion = aurora.modelVersion ?? "aurora_v1"
      const credits = auroraCredits(seconds, modelVersion)
      if (!ledger.charge(credits)) {
        throw new RangeError(`createAuroraJob: the simulated account has too few credits for ${credits}`)
      }
      return store.addRenderJob({
        kind: "aurora",
        mode: "direct",
        body: {
          name: aurora.name ?? "Aurora job",
          image: aurora.image ?? `${seen.origin}/sim/files/aurora-image.jpg`,
          audio: aurora.audio ?? `${seen.origin}/sim/files/aurora-audio.mp3`,
        },
        modelVersion,
        seconds,
        credits,
        webhookUrl: undefined,
      }).id
    },
    pendingWebhooks: due,
    flushWebhooks,
    webhookDeliveries,
    get listLag() {
      return ctx.lag.ms
    },
    set listLag(ms: number) {
      ctx.lag.ms = ms
    },
    holdAnswer: (route) => {
      ctx.holds.routes.push(route)
    },
    held: () => ctx.holds.count,
  }
}
