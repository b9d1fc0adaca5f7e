import {
  type CreditLedger,
  type FaultPlan,
  type RequestLog,
  servedOrigin,
  withFault,
} from "@vidbridge/core/testing"
import { HttpResponse } from "msw"
import { CREATIFY_BASE_URL } from "../settings.js"
import type { CreatifyStore } from "./store.js"
import type { FieldErrors } from "./validate.js"

// What every handler shares: the routes, the context, DRF-style answers and the guard (auth,
// request log, faults). The routes themselves: handlersLinks.ts, handlersVideos.ts,
// handlersTemplates.ts, handlersAvatars.ts, handlersCatalogs.ts; CreatifySimulator.ts mounts them.

/** The base URL the handlers answer under: Creatify's real API origin (every path starts with `/api/`). */
export const CANONICAL_BASE = CREATIFY_BASE_URL

/** The route names faults are injected on (`sim.faults.inject(CREATIFY_ROUTES.previews, ...)`). */
export const CREATIFY_ROUTES = {
  createLink: "POST /api/links/",
  listLinks: "GET /api/links/",
  createLinkWithParams: "POST /api/links/link_with_params/",
  getLink: "GET /api/links/{id}/",
  updateLink: "PUT /api/links/{id}/",
  createScripts: "POST /api/ai_scripts/",
  getScripts: "GET /api/ai_scripts/{id}/",
  listScripts: "GET /api/ai_scripts/",
  previews: "POST /api/link_to_videos/preview_list_async/",
  renderPreview: "POST /api/link_to_videos/{id}/render_single_preview/",
  createVideo: "POST /api/link_to_videos/",
  getVideo: "GET /api/link_to_videos/{id}/",
  listVideos: "GET /api/link_to_videos/",
  createTemplateJob: "POST /api/custom_template_jobs/",
  previewTemplate: "POST /api/custom_template_jobs/preview_async/",
  renderTemplate: "POST /api/custom_template_jobs/{id}/render/",
  getTemplateJob: "GET /api/custom_template_jobs/{id}/",
  createLipsync: "POST /api/lipsyncs_v2/",
  getLipsync: "GET /api/lipsyncs_v2/{id}/",
  listLipsyncs: "GET /api/lipsyncs_v2/",
  createAurora: "POST /api/aurora/",
  getAurora: "GET /api/aurora/{id}/",
  listAurora: "GET /api/aurora/",
  listPersonas: "GET /api/personas/paginated/",
  listVoices: "GET /api/voices/",
  listMusics: "GET /api/musics/",
  listMusicCategories: "GET /api/music_categories/",
  listTemplates: "GET /api/custom_templates/",
  remainingCredits: "GET /api/remaining_credits/",
} as const

/** What every handler works on. */
export interface HandlerContext {
  readonly store: CreatifyStore
  readonly faults: FaultPlan
  readonly log: RequestLog
  readonly ledger: CreditLedger
  /** The account's credit balance (unlimited when `Infinity`). */
  readonly balance: number
  readonly apiId: string
  readonly apiKey: string
  /** Answer AI script jobs `pending` first (they finish after `timeline.scriptsReadyAt`). */
  readonly pendingScripts: boolean
  /** Used to scrape product pages. */
  readonly fetch: typeof fetch | undefined
  /** Called after every API request was answered (automatic webhook delivery). */
  readonly afterRequest: (() => void) | undefined
  /** The origin the API was last reached at: file URLs in webhook bodies point there. */
  readonly seen: { origin: string }
  /** The calendar time (epoch ms) clock 0 stands for in `created_at` / `updated_at`. */
  readonly epoch: number
  /** How long (ms) a new resource stays out of list reads without `ids` (the simulator's `listLag`). */
  readonly lag: { ms: number }
  /** Routes whose next answer is held until the client gives up, and how many are held now. */
  readonly holds: { readonly routes: string[]; count: number }
}

/** `items` as a list read without `ids` shows them: those made at least `listLag` ago. */
export const listed = <T extends { readonly createdAt: number }>(
  ctx: HandlerContext,
  items: ReadonlyArray<T>,
) => items.filter((item) => item.createdAt + ctx.lag.ms <= ctx.store.clock.now())

/** A JSON answer (msw's typing of JSON bodies is narrower than the wire shapes). */
export const json = (body: unknown, status = 200): Response =>
  HttpResponse.json(body as Parameters<typeof HttpResponse.json>[0], { status })

/** DRF's `{"detail": "..."}` answer. */
export const detail = (status: number, message: string): Response => json({ detail: message }, status)

/** DRF's field errors (400). */
export const fieldErrors = (errors: FieldErrors): Response => json(errors, 400)

/** DRF's bare list of messages (400), as Creatify answers link errors. */
export const messages = (...list: string[]): Response => json(list, 400)

/** 404 as DRF answers it. */
export const notFound = (): Response => detail(404, "Not found.")

/** The origin a request reached the simulator at (the served loopback origin, or Creatify's under msw). */
export const originOf = (request: Request): string => servedOrigin(request, new URL(CANONICAL_BASE).origin)

/** The request body as JSON; `undefined` when absent. A body that is not JSON answers DRF's parse error. */
export const readJson = async (
  request: Request,
): Promise<{ ok: true; value: unknown } | { ok: false; response: Response }> => {
  const text = await request.text()
  if (text.trim() === "") return { ok: true, value: {} }
  try {
    return { ok: true, value: JSON.parse(text) as unknown }
  } catch (error) {
    return { ok: false, response: detail(400, `JSON parse error - ${(error as Error).message}`) }
  }
}

/**
 * Spends `amount` credits, or answers Creatify-style 400 `["Insufficient credits: ..."]` (the
 * adapter reads it as `InsufficientCredits`) when the balance is too low.
 */
export const charge = (ctx: HandlerContext, amount: number): Response | undefined => {
  if (ctx.ledger.charge(amount)) return undefined
  const left = ctx.balance - ctx.ledger.spent()
  return messages(
    `Insufficient credits: this request needs ${amount} credits and the account has ${left} left.`,
  )
}

/**
 * Records the request, checks `X-API-ID` / `X-API-KEY` (401 `{"detail": ...}` when missing or
 * wrong) and runs `handle` under the next planned fault of `route` (core's `withFault`).
 */
export const guard = async (
  ctx: HandlerContext,
  request: Request,
  route: string,
  handle: () => Promise<Response> | Response,
): Promise<Response> => {
  ctx.log.record({
    method: request.method,
    path: new URL(request.url).pathname,
    route,
    at: ctx.store.clock.now(),
  })
  ctx.seen.origin = originOf(request)
  try {
    const id = request.headers.get("x-api-id")
    const key = request.headers.get("x-api-key")
    if (id === null || id === "" || key === null || key === "") {
      return detail(401, "Authentication credentials were not provided.")
    }
    if (id !== ctx.apiId || key !== ctx.apiKey) return detail(401, "Invalid API ID or API key.")
    const response = await withFault(ctx.faults, ctx.store.clock, route, handle)
    const hold = ctx.holds.routes.indexOf(route)
    if (hold < 0) return response
    // Taken effect, never answered: the client times out after sending; this ends when it gives up.
    ctx.holds.routes.splice(hold, 1)
    ctx.holds.count++
    if (!request.signal.aborted) {
      await new Promise((resolve) => request.signal.addEventListener("abort", resolve, { once: true }))
    }
    ctx.holds.count--
    return HttpResponse.error()
  } finally {
    ctx.afterRequest?.()
  }
}
