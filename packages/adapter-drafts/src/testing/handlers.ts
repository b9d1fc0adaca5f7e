import {
  type CreditLedger,
  type FaultPlan,
  makeFaultPlan,
  type RequestLog,
  reportExchange,
  type SimClock,
  servedOrigin,
  serveMediaFile,
  withFault,
} from "@vidbridge/core/testing"
import { HttpResponse, http, type RequestHandler } from "msw"
import { PROVIDER_ID } from "../internal/mapping.js"
import { HOURONE_BASE_URL } from "../settings.js"
import type { DraftsStore } from "./store.js"
import { checkCreateBody } from "./validate.js"
import { fileUrls, metadataOf, videoJson } from "./views.js"

/** The base URL the handlers answer under: Hour One's real API base, `/api/v1` included. */
export const CANONICAL_BASE = HOURONE_BASE_URL

const ORIGIN = new URL(CANONICAL_BASE).origin

/** The route names faults are injected on (`sim.faults.inject(DRAFTS_ROUTES.create, ...)`). */
export const DRAFTS_ROUTES = {
  create: "POST /videos",
  list: "GET /videos",
  get: "GET /videos/{video_id}",
  metadata: "GET /videos/{video_id}/metadata",
  remove: "DELETE /videos/{video_id}",
} as const

/**
 * Credits a created video costs on the simulator. Hour One publishes no pricing: one credit
 * per video is the simulator's own convention.
 */
export const CREDITS_PER_VIDEO = 1

/** What the handlers work on. */
export interface HandlerContext {
  readonly store: DraftsStore
  readonly clock: SimClock
  readonly faults: FaultPlan
  readonly log: RequestLog
  readonly ledger: CreditLedger
  readonly apiKey: string
  readonly draftScenes: (draftId: string) => number | undefined
  /** Called after every API request was answered (automatic webhook delivery). */
  readonly afterRequest?: (() => void) | undefined
  /** How long a new video stays out of `GET /videos` (ms on the clock). */
  readonly listLag: () => number
  /** Routes whose next answer is held, and how many held requests are waiting. */
  readonly holds: Holds
}

/** Answers held back (`holdAnswer`): the request takes effect; the answer waits for the client's abort. */
export interface Holds {
  readonly routes: Array<string>
  held: number
}

type Json = Parameters<typeof HttpResponse.json>[0]

type Handle = () => Promise<Response> | Response

const detail = (status: number, message: string): Response =>
  HttpResponse.json({ detail: message }, { status })

const sleep = (millis: number) => new Promise<void>((resolve) => setTimeout(resolve, millis))

/**
 * The next planned fault for `route`, applied with core's `withFault`, except `slow`: the
 * request takes effect at once and only the answer is late (a vendor that received the
 * create and was slow to answer), so a client that times out can find the video.
 */
const applyFault = async (ctx: HandlerContext, route: string, handle: Handle): Promise<Response> => {
  const fault = ctx.faults.take(route)
  if (fault === undefined) return handle()
  if (fault.kind === "slow") {
    const response = await handle()
    await sleep(fault.millis)
    return response
  }
  const once = makeFaultPlan()
  once.inject(route, fault)
  return withFault(once, ctx.clock, route, handle)
}

/** The request took effect; its answer never comes: it waits until the client gives up. */
const hold = async (holds: Holds, route: string, request: Request): Promise<Response> => {
  holds.routes.splice(holds.routes.indexOf(route), 1)
  holds.held++
  await new Promise((resolve) => request.signal.addEventListener("abort", resolve, { once: true }))
  holds.held--
  return HttpResponse.error()
}

/**
 * Runs handlers as Hour One answers: logs the request, checks the `api-key` header (401
 * `{detail}`), then applies the planned fault (or holds the answer); delivers due webhooks
 * afterwards when asked to. Observers registered with core's `observeSimulators` see every
 * request and answer.
 */
const makeGuard = (ctx: HandlerContext) => {
  const answer = async (request: Request, route: string, handle: Handle): Promise<Response> => {
    ctx.log.record({
      method: request.method,
      path: new URL(request.url).pathname,
      route,
      at: ctx.clock.now(),
    })
    const key = request.headers.get("api-key")
    try {
      if (key === null || key === "")
        return detail(401, "Not authenticated: send your API key in the api-key header")
      if (key !== ctx.apiKey) return detail(401, "Invalid API key")
      const response = await applyFault(ctx, route, handle)
      return ctx.holds.routes.includes(route) ? await hold(ctx.holds, route, request) : response
    } finally {
      ctx.afterRequest?.()
    }
  }
  return (request: Request, route: string, handle: Handle): Promise<Response> =>
    reportExchange({ provider: PROVIDER_ID, route }, request, () => answer(request, route, handle))
}

const originOf = (request: Request): string => servedOrigin(request, ORIGIN)

/** A real video or poster that ships in this package's `media/` (made by scripts/make-sim-media.sh). */
const simMedia = (name: "video.mp4" | "poster.jpg") => new URL(`../../media/${name}`, import.meta.url)

/**
 * The msw handlers of the simulated Hour One API under {@link CANONICAL_BASE}:
 * `POST /videos`, `GET /videos`, `GET /videos/{id}`, `GET /videos/{id}/metadata`,
 * `DELETE /videos/{id}`, plus the simulator's file and player pages for `download_url` and
 * `video_player_url`.
 */
export const makeDraftsHandlers = (ctx: HandlerContext): RequestHandler[] => {
  const { store } = ctx
  const guard = makeGuard(ctx)
  const found = (id: unknown) => store.get(String(id))
  return [
    http.post(`${CANONICAL_BASE}/videos`, ({ request }) =>
      guard(request, DRAFTS_ROUTES.create, async () => {
        const text = await request.text()
        let json: unknown
        try {
          json = JSON.parse(text)
        } catch {
          return HttpResponse.json(
            { detail: [{ loc: ["body", 0], msg: "JSON decode error", type: "json_invalid" }] },
            { status: 422 },
          )
        }
        const checked = checkCreateBody(json, ctx.draftScenes)
        if (!checked.ok) return HttpResponse.json({ detail: checked.detail } as Json, { status: 422 })
        if (!ctx.ledger.charge(CREDITS_PER_VIDEO)) {
          return detail(402, "Not enough credits to create a video (simulated account balance)")
        }
        const video = store.create(checked.body, checked.scenes)
        return HttpResponse.json(videoJson(video, store.view(video), originOf(request)) as Json, {
          status: 201,
        })
      }),
    ),
    // Every video of the account in creation order (no paging), a new one only `listLag` after it was made.
    http.get(`${CANONICAL_BASE}/videos`, ({ request }) =>
      guard(request, DRAFTS_ROUTES.list, () => {
        const listed = store.all().filter((v) => v.createdAt + ctx.listLag() <= ctx.clock.now())
        return HttpResponse.json(listed.map((v) => videoJson(v, store.view(v), originOf(request))) as Json)
      }),
    ),
    http.get(`${CANONICAL_BASE}/videos/:id`, ({ request, params }) =>
      guard(request, DRAFTS_ROUTES.get, () => {
        const video = found(params.id)
        if (video === undefined) return detail(404, "Video not found")
        return HttpResponse.json(videoJson(video, store.view(video), originOf(request)) as Json)
      }),
    ),
    http.get(`${CANONICAL_BASE}/videos/:id/metadata`, ({ request, params }) =>
      guard(request, DRAFTS_ROUTES.metadata, () => {
        const video = found(params.id)
        if (video === undefined) return detail(404, "Video not found")
        const status = store.view(video).status
        if (status !== "ready") return detail(404, `Video metadata is not available: the video is ${status}`)
        return HttpResponse.json(metadataOf(video))
      }),
    ),
    http.delete(`${CANONICAL_BASE}/videos/:id`, ({ request, params }) =>
      guard(request, DRAFTS_ROUTES.remove, () =>
        store.remove(String(params.id))
          ? new HttpResponse(null, { status: 204 })
          : detail(404, "Video not found"),
      ),
    ),
    http.get(`${ORIGIN}/sim/files/:name`, ({ request, params }) => {
      const [, id = "", extension] = /^(.+)\.(mp4|jpg)$/.exec(String(params.name)) ?? []
      const video = found(id)
      if (video === undefined || store.view(video).status !== "ready") return detail(404, "No such file")
      return serveMediaFile(request, simMedia(extension === "mp4" ? "video.mp4" : "poster.jpg"))
    }),
    http.get(`${ORIGIN}/sim/player/:id`, ({ request, params }) => {
      const video = found(params.id)
      if (video === undefined) return detail(404, "No such video")
      const src = fileUrls(originOf(request), video.id).download
      return new HttpResponse(
        `<!doctype html><title>Hour One simulator: ${video.id}</title><video controls src="${src}" poster="${src.replace(/\.mp4$/, ".jpg")}"></video>`,
        { headers: { "content-type": "text/html; charset=utf-8" } },
      )
    }),
  ]
}
