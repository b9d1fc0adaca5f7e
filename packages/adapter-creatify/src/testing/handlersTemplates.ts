import { serveMediaFile } from "@vidbridge/core/testing"
import { HttpResponse, http, type RequestHandler } from "msw"
import {
  CANONICAL_BASE,
  CREATIFY_ROUTES,
  charge,
  detail,
  fieldErrors,
  guard,
  type HandlerContext,
  json,
  notFound,
  originOf,
  readJson,
} from "./handlers.js"
import { ordered } from "./handlersVideos.js"
import type { SimRenderJob } from "./state.js"
import { templateCredits } from "./state.js"
import { checkIds, checkTemplateRender } from "./validate.js"
import { linkToVideoView, renderJobJson, renderJobPhase } from "./views.js"

/** The length the simulator gives a custom template video (templates fix their own length). */
export const TEMPLATE_SECONDS = 30

const ORIGIN = new URL(CANONICAL_BASE).origin

/** A real video or poster that ships in this package's `media/` (made by scripts/make-sim-media.sh). */
const simMedia = (name: "video.mp4" | "poster.jpg") => new URL(`../../media/${name}`, import.meta.url)

/**
 * Handlers for custom template jobs and Aurora jobs (`POST /api/custom_template_jobs/{id}/render/`,
 * `GET /api/custom_template_jobs/{id}/`, `GET /api/aurora/?ids=`), plus the simulator's own
 * file, preview and editor pages that `video_output`, `previews[].url` and `editor_url` point at.
 */
export const makeTemplateHandlers = (ctx: HandlerContext): RequestHandler[] => {
  const { store } = ctx
  const answer = (job: SimRenderJob, request: Request, status = 200) => {
    const now = store.clock.now()
    return json(
      renderJobJson(job, renderJobPhase(job, store.timeline, now), originOf(request), now, ctx.epoch),
      status,
    )
  }
  /** Whether the job with `id` (any kind) is done, so its files exist. */
  const isDone = (id: string): boolean => {
    const now = store.clock.now()
    const video = store.linkToVideo(id)
    if (video !== undefined) return linkToVideoView(video, store.timeline, now).status === "done"
    const job = store.renderJob(id, "custom_template_job") ?? store.renderJob(id, "aurora")
    return job !== undefined && renderJobPhase(job, store.timeline, now).status === "done"
  }

  return [
    // Renders the job the path names (Creatify: "a UUID string identifying this Custom Template
    // Job"), made again in its place. The simulator has no preview step that makes such jobs, so
    // an id it does not know (a template id, say) becomes a new job of that id.
    http.post(`${CANONICAL_BASE}/api/custom_template_jobs/:id/render/`, ({ request, params }) =>
      guard(ctx, request, CREATIFY_ROUTES.renderTemplate, async () => {
        const body = await readJson(request)
        if (!body.ok) return body.response
        const checked = checkTemplateRender(body.value)
        if (!checked.ok) return fieldErrors(checked.errors)
        const { modelVersion, webhookUrl } = checked.value
        const credits = templateCredits(TEMPLATE_SECONDS, modelVersion)
        const refused = charge(ctx, credits)
        if (refused) return refused
        const job = store.addRenderJob(
          {
            kind: "custom_template_job",
            body: body.value as Record<string, unknown>,
            modelVersion,
            seconds: TEMPLATE_SECONDS,
            credits,
            webhookUrl,
          },
          String(params.id),
        )
        return answer(job, request)
      }),
    ),
    http.get(`${CANONICAL_BASE}/api/custom_template_jobs/:id/`, ({ request, params }) =>
      guard(ctx, request, CREATIFY_ROUTES.getTemplateJob, () => {
        const job = store.renderJob(String(params.id), "custom_template_job")
        return job === undefined ? notFound() : answer(job, request)
      }),
    ),
    http.get(`${CANONICAL_BASE}/api/aurora/`, ({ request }) =>
      guard(ctx, request, CREATIFY_ROUTES.listAurora, () => {
        const search = new URL(request.url).searchParams
        const ids = checkIds(search)
        if (!ids.ok) return fieldErrors(ids.errors)
        const wanted = ids.value === undefined ? undefined : new Set(ids.value)
        const now = store.clock.now()
        const origin = originOf(request)
        return json(
          ordered(store.renderJobs("aurora"), search.get("ordering"))
            .filter((job) => wanted === undefined || wanted.has(job.id))
            .map((job) =>
              renderJobJson(job, renderJobPhase(job, store.timeline, now), origin, now, ctx.epoch),
            ),
        )
      }),
    ),
    http.get(`${ORIGIN}/sim/files/:name`, ({ request, params }) => {
      const name = String(params.name)
      const match = /^(.+)\.(mp4|jpg)$/.exec(name)
      if (match === null || !isDone(match[1]!)) return detail(404, "No such file.")
      return serveMediaFile(request, simMedia(match[2] === "mp4" ? "video.mp4" : "poster.jpg"))
    }),
    http.get(`${ORIGIN}/sim/:page/:id`, ({ params }) => {
      const page = String(params.page)
      if (page !== "preview" && page !== "editor") return detail(404, "Not found.")
      const title = page === "preview" ? "Creatify simulator preview" : "Creatify simulator editor"
      return new HttpResponse(
        `<!doctype html><title>${title}: ${String(params.id)}</title><p>${title} of ${String(params.id)}</p>`,
        { headers: { "content-type": "text/html; charset=utf-8" } },
      )
    }),
  ]
}
