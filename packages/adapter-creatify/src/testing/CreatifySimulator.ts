import {
  makeCreditLedger,
  makeFaultPlan,
  makeRequestLog,
  makeSimClock,
  type SimClock,
  type VendorSimulator,
} from "@vidbridge/core/testing"
import { CANONICAL_BASE, type HandlerContext } from "./context.js"
import { makeCreatifyHandlers } from "./handlers.js"
import { renderCredits } from "./pricing.js"
import {
  type CreatifyEndStatus,
  type CreatifySimStatus,
  type CreatifyTimeline,
  type EndingStage,
  resolveTimeline,
  type SimPreview,
} from "./state.js"
import { makeCreatifyStore } from "./store.js"
import { linkToVideoView, renderJobPhase } from "./views.js"
import { type DueWebhook, dueWebhooks, makeWebhookOutbox, type WebhookDelivery } from "./webhooks.js"

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
}

/** Adapter settings that talk to the simulator; pass them to `creatify(...)`. */
export type CreatifySimulatorSettings = {
  readonly apiId: string
  readonly apiKey: string
  readonly webhookSecret: string
  /** Only for a served simulator: the served origin (Creatify's paths start with `/api/`). */
  readonly baseUrl?: string
}

/** A job as the simulator sees it now (for assertions). */
export interface CreatifySimJob {
  readonly id: string
  readonly kind: "link_to_video" | "custom_template_job" | "aurora"
  readonly status: CreatifySimStatus
  /** `previews` until a render was asked for (link-to-video preview lists), else `render`. */
  readonly stage: "previews" | "render"
  /** Clock time (ms) of creation. */
  readonly createdAt: number
  readonly creditsUsed: number
  /** The `webhook_url` the job was created with (the adapter's per-request `vb_token` included). */
  readonly webhookUrl: string | undefined
  /** The accepted request body. */
  readonly body: Readonly<Record<string, unknown>>
  /** The previews the job has or will have (link-to-video preview lists). */
  readonly previews: ReadonlyArray<SimPreview>
  /** The `failed_reason` of a job that ended `failed` or `rejected`. */
  readonly failedReason: string | undefined
}

/** A link (product) as the simulator holds it. */
export interface CreatifySimLink {
  readonly id: string
  readonly url: string | null
  readonly title: string | null
  readonly description: string | null
  readonly imageUrls: ReadonlyArray<string>
  readonly videoUrls: ReadonlyArray<string>
  readonly createdWith: "url" | "params"
  readonly creditsUsed: number
}

/** The Creatify simulator: {@link VendorSimulator} plus controls of its own. */
export interface CreatifySimulator extends VendorSimulator {
  readonly provider: "creatify"
  readonly settings: (servedOrigin?: string) => CreatifySimulatorSettings
  /** Every link-to-video, custom template and Aurora job, in creation order, as it is now. */
  readonly jobs: () => ReadonlyArray<CreatifySimJob>
  /** Every link (product), in creation order. */
  readonly links: () => ReadonlyArray<CreatifySimLink>
  /**
   * The next job reaching `stage` (default `render`: `render_single_preview`, a direct render, a
   * template render or an Aurora job; `previews`: a preview list) is moderated: it ends
   * `rejected` with `failed_reason` where it would have finished.
   */
  readonly rejectNext: (reason?: string, stage?: EndingStage) => void
  /** Like {@link rejectNext}, ending `failed`. */
  readonly failNext: (reason?: string, stage?: EndingStage) => void
  /**
   * Adds an Aurora job (Creatify's image-to-video avatar; the adapter reads these with
   * `GET /api/aurora/?ids=`), charged at the Aurora rates, moving on the template timeline.
   * Answers its id.
   */
  readonly createAuroraJob: (options?: {
    readonly name?: string
    readonly image?: string
    readonly audio?: string
    readonly seconds?: number
    readonly modelVersion?: "aurora_v1" | "aurora_v1_fast"
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
}

/**
 * Makes a Creatify simulator: msw handlers for `https://api.creatify.ai` (in-process with
 * `setupServer(...sim.handlers)`, or over loopback HTTP with core's `serveHandlers`), jobs moving
 * through Creatify's statuses on `clock` (previews after 2 simulated minutes, a render 4 minutes
 * later), moderation and failure on demand, webhooks to each request's `webhook_url`, credits by
 * Creatify's published rules and core's faults.
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
  const outbox = makeWebhookOutbox(options.fetch)
  const seen = { origin: new URL(CANONICAL_BASE).origin }

  const due = () => dueWebhooks(store, seen.origin).filter((d) => !outbox.isSettled(d.key))
  const flushWebhooks = () => outbox.flush(due(), clock.now())

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

  const jobs = (): CreatifySimJob[] => {
    const now = clock.now()
    const videos = store.linkToVideos().map((job): CreatifySimJob & { readonly order: number } => {
      const view = linkToVideoView(job, store.timeline, now)
      return {
        order: job.createdAt,
        id: job.id,
        kind: "link_to_video",
        status: view.status,
        stage: view.stage,
        createdAt: job.createdAt,
        creditsUsed: job.previewCredits + (job.render?.credits ?? 0),
        webhookUrl: job.webhookUrl,
        body: job.body,
        previews: job.previews,
        failedReason: view.failedReason ?? undefined,
      }
    })
    const others = store.renderJobs().map((job): CreatifySimJob & { readonly order: number } => {
      const phase = renderJobPhase(job, store.timeline, now)
      return {
        order: job.createdAt,
        id: job.id,
        kind: job.kind,
        status: phase.status,
        stage: "render",
        createdAt: job.createdAt,
        creditsUsed: job.credits,
        webhookUrl: job.webhookUrl,
        body: job.body,
        previews: [],
        failedReason: phase.failedReason ?? undefined,
      }
    })
    return [...videos, ...others]
      .sort((a, b) => a.order - b.order || a.id.localeCompare(b.id))
      .map(({ order: _, ...job }) => job)
  }

  return {
    provider: "creatify",
    canonicalBase: CANONICAL_BASE,
    handlers: makeCreatifyHandlers(ctx),
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
    jobs,
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
      const credits = renderCredits(seconds, modelVersion)
      if (!ledger.charge(credits)) {
        throw new RangeError(`createAuroraJob: the simulated account has too few credits for ${credits}`)
      }
      return store.addRenderJob({
        kind: "aurora",
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
    webhookDeliveries: outbox.deliveries,
  }
}
