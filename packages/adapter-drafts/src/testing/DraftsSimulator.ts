import {
  makeCreditLedger,
  makeFaultPlan,
  makeRequestLog,
  makeSimClock,
  type SimClock,
  type VendorSimulator,
} from "@vidbridge/core/testing"
import { PROVIDER_ID } from "../internal/mapping.js"
import { CANONICAL_BASE, type Holds, makeDraftsHandlers } from "./handlers.js"
import {
  checkTimeline,
  type DraftsEndStatus,
  type DraftsSimVideo,
  type DraftsTimeline,
  defaultTimeline,
} from "./state.js"
import { makeDraftsStore } from "./store.js"
import { simVideoOf } from "./views.js"
import {
  type DraftsWebhookEvent,
  deliveriesOf,
  dueEvents,
  makeDraftsOutbox,
  signWebhookBody,
  type WebhookDelivery,
} from "./webhooks.js"

/** The API key the simulator accepts unless told otherwise. */
export const DEFAULT_SIM_API_KEY = "sim-hourone-api-key"

/** The webhook signing secret the simulator signs with unless told otherwise. */
export const DEFAULT_SIM_SIGNING_SECRET = "sim-hourone-signing-secret"

/** Options of {@link createSimulator}. */
export interface DraftsSimulatorOptions {
  /** The clock videos move on. Default: a manual clock (only `clock.advance` moves it). */
  readonly clock?: SimClock | undefined
  /** Credits the account may spend (one per created video); unlimited when omitted. */
  readonly balance?: number | undefined
  /** Where `video.ready` / `video.failed` are POSTed (also settable with `setWebhookUrl`). */
  readonly webhookUrl?: string | undefined
  /** The secret `x-hourone-signature` is keyed with. */
  readonly signingSecret?: string | undefined
  /** The `api-key` the simulator accepts. */
  readonly apiKey?: string | undefined
  /** When each status shows, in ms after creation; must start at 0 and end with `ready`. */
  readonly timeline?: DraftsTimeline | undefined
  /**
   * Scene counts of known source drafts. A create for such a draft whose `scenes` has a
   * different length answers 422 (as Hour One does). Unknown drafts accept any count (an
   * empty `scenes` list shows one scene in the metadata).
   */
  readonly draftScenes?: Readonly<Record<string, number>> | undefined
  /**
   * Deliver due webhooks by itself after every API request it answers (in the background).
   * Default `false`: tests call `flushWebhooks()` and stay deterministic.
   */
  readonly autoDeliverWebhooks?: boolean | undefined
  /** The fetch used to deliver webhooks. Default: the global `fetch`. */
  readonly fetch?: typeof fetch | undefined
  /** See {@link DraftsSimulator.listLag}. Default 0. */
  readonly listLag?: number | undefined
}

/** Adapter settings that talk to the simulator; pass them to `drafts(...)`. */
export type DraftsSimulatorSettings = {
  readonly apiKey: string
  readonly webhookSecret: string
  /** Only for a served simulator: the served origin plus `/api/v1`. */
  readonly baseUrl?: string
}

/** The Hour One simulator: {@link VendorSimulator} plus controls of its own. */
export interface DraftsSimulator extends VendorSimulator {
  readonly provider: typeof PROVIDER_ID
  readonly settings: (servedOrigin?: string) => DraftsSimulatorSettings
  /** Every video of the account, in creation order, as it is now. */
  readonly videos: () => ReadonlyArray<DraftsSimVideo>
  /** The next created video fails (`failed`, progress -1) where it would have become ready. */
  readonly failNext: (reason?: string) => void
  /** The next created video ends `stopped` where it would have become ready. */
  readonly stopNext: (reason?: string) => void
  /** The next created video ends `cancelled` where it would have become ready. */
  readonly cancelNext: (reason?: string) => void
  /** Fails a running video now; `false` when it is unknown or already finished. */
  readonly fail: (id: string, reason?: string) => boolean
  /** Stops a running video now; `false` when it is unknown or already finished. */
  readonly stop: (id: string, reason?: string) => boolean
  /** Cancels a running video now; `false` when it is unknown or already finished. */
  readonly cancel: (id: string, reason?: string) => boolean
  /** Sets (or with `undefined` removes) the webhook endpoint. */
  readonly setWebhookUrl: (url: string | undefined) => void
  /** Events due now and not yet delivered with a 2xx answer (oldest first). */
  readonly pendingWebhooks: () => ReadonlyArray<DraftsWebhookEvent>
  /**
   * POSTs every due event to the webhook URL, signed, one after another, and answers the
   * receivers' statuses (0 when unreachable). An event answered with a non-2xx stays due.
   * Without a webhook URL nothing is sent (`[]`) and the events stay due.
   */
  readonly flushWebhooks: () => Promise<number[]>
  /** Every delivery attempt, with the raw body and signature sent. */
  readonly webhookDeliveries: () => ReadonlyArray<WebhookDelivery>
  /** The `x-hourone-signature` the simulator would send for `body`. */
  readonly signWebhook: (body: string) => Promise<string>
  /**
   * A new video shows in `GET /videos` only this long after it was made (ms on `clock`); reads
   * by id see it at once. Hour One documents no lag; lists of other vendors lag, and lookups
   * after a lost answer must cope.
   */
  listLag: number
  /**
   * The next request on `route` (`DRAFTS_ROUTES.create`) takes effect and is never answered:
   * the client times out after sending (deterministic on virtual time). The held request ends
   * when the client gives up.
   */
  readonly holdAnswer: (route: string) => void
  /** Requests held by {@link DraftsSimulator.holdAnswer} that the client has not given up on yet. */
  readonly held: () => number
}

/**
 * Makes an Hour One simulator: msw handlers for `https://api.makereals.com/api/v1`
 * (in-process with `setupServer(...sim.handlers)`, or over loopback HTTP with core's
 * `serveHandlers`), videos moving `not_started` -> `started` -> `processing` -> `ready` on
 * `clock` (about 5 simulated minutes by default), signed webhooks, one credit per created
 * video (the simulator's convention: Hour One publishes no pricing) and core's faults.
 *
 * @example
 * ```ts
 * const sim = createSimulator()
 * const server = setupServer(...sim.handlers)
 * const provider = drafts(sim.settings())
 * // render, then: sim.clock.advance(300_000); getStatus -> succeeded
 * ```
 */
export const createSimulator = (options: DraftsSimulatorOptions = {}): DraftsSimulator => {
  const clock = options.clock ?? makeSimClock()
  const apiKey = options.apiKey ?? DEFAULT_SIM_API_KEY
  const secret = options.signingSecret ?? DEFAULT_SIM_SIGNING_SECRET
  const timeline = checkTimeline(options.timeline ?? defaultTimeline)
  const draftScenes = options.draftScenes ?? {}
  const sceneCountOf = (id: string): number | undefined =>
    Object.hasOwn(draftScenes, id) ? draftScenes[id] : undefined
  const faults = makeFaultPlan()
  const log = makeRequestLog()
  const ledger = makeCreditLedger(options.balance)
  const store = makeDraftsStore({
    clock,
    timeline,
    draftSceneCount: (id) => (id === undefined ? undefined : sceneCountOf(id)) ?? 1,
  })
  const outbox = makeDraftsOutbox(secret, clock, options.fetch)
  let webhookUrl = options.webhookUrl
  const holds: Holds = { routes: [], held: 0 }

  const flushWebhooks = async (): Promise<number[]> =>
    webhookUrl === undefined ? [] : [...(await outbox.flush(dueEvents(store, webhookUrl)))]

  const handlers = makeDraftsHandlers({
    store,
    clock,
    faults,
    log,
    ledger,
    apiKey,
    draftScenes: sceneCountOf,
    listLag: () => simulator.listLag,
    holds,
    afterRequest: options.autoDeliverWebhooks
      ? () => {
          void flushWebhooks()
        }
      : undefined,
  })

  const endNow = (status: DraftsEndStatus) => (id: string, reason?: string) =>
    store.end(id, status, reason ?? `${status} by the simulator`)
  const endNext = (status: DraftsEndStatus) => (reason?: string) =>
    store.queueEnding(status, reason ?? `${status} by the simulator`)

  const simulator: DraftsSimulator = {
    provider: PROVIDER_ID,
    canonicalBase: CANONICAL_BASE,
    handlers,
    clock,
    faults,
    log,
    creditsSpent: ledger.spent,
    settings: (origin) => ({
      apiKey,
      webhookSecret: secret,
      ...(origin === undefined ? {} : { baseUrl: `${origin.replace(/\/+$/, "")}/api/v1` }),
    }),
    videos: () => store.all().map((video) => simVideoOf(video, store.view(video))),
    failNext: endNext("failed"),
    stopNext: endNext("stopped"),
    cancelNext: endNext("cancelled"),
    fail: endNow("failed"),
    stop: endNow("stopped"),
    cancel: endNow("cancelled"),
    setWebhookUrl: (url) => {
      webhookUrl = url
    },
    pendingWebhooks: () => outbox.pending(dueEvents(store, webhookUrl ?? "")).map((due) => due.event),
    flushWebhooks,
    webhookDeliveries: () => deliveriesOf(outbox),
    signWebhook: (body) => signWebhookBody(secret, body),
    listLag: options.listLag ?? 0,
    holdAnswer: (route) => {
      holds.routes.push(route)
    },
    held: () => holds.held,
  }
  return simulator
}
