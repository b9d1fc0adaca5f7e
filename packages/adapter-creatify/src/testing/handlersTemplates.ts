import { serveMediaFile } from "@vidbridge/core/testing"
import { HttpResponse, http, type RequestHandler } from "msw"
import { SIM_CUSTOM_TEMPLATES } from "./catalogData.js"
import {
  CANONICAL_BASE,
  CREATIFY_ROUTES,
  charge,
  detail,
  fieldErrors,
  guard,
  type HandlerContext,
  json,
  messages,
  notFound,
  originOf,
  readJson,
} from "./handlers.js"
import { previewCredits, renderCredits, type SimRenderJob, templateCredits } from "./state.js"
import { checkTemplateJob } from "./validateJobs.js"
import { linkToVideoView } from "./views.js"
import { renderJobJson, renderJobPhase } from "./viewsRender.js"

/** The length the simulator gives a custom template video (templates fix their own length). */
export const TEMPLATE_SECONDS = 30

const ORIGIN = new URL(CANONICAL_BASE).origin

/** A real video or poster that ships in this package's `media/` (made by scripts/make-sim-media.sh). */
const simMedia = (name: "video.mp4" | "poster.jpg") => new URL(`../../media/${name}`, import.meta.url)

const isTemplate = (id: string) => SIM_CUSTOM_TEMPLATES.some((t) => t.template_id === id)

/**
 * Handlers for custom template jobs: the direct `POST /api/custom_template_jobs/`, the async
 * preview `POST /api/custom_template_jobs/preview_async/` (201, `pending`, then `done` with a
 * `preview`), the render of a previewed job `POST /api/custom_template_jobs/{id}/render/` (the
 * whole body again; its `template_id` must be the job's) and `GET /api/custom_template_jobs/{id}/`;
 * plus the simulator's own file, preview and editor pages that `video_output`, `preview` and
 * `editor_url` point at. Only templates of the simulated account (`GET /api/custom_templates/`) render.
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
  /** Whether the job with `id` (any kind) has its video, so its files exist. */
  const isDone = (id: string): boolean => {
    const now = store.clock.now()
    const video = store.linkToVideo(id)
    if (video !== undefined) return linkToVideoView(video, store.timeline, now).status === "done"
    const job = store.renderJobs().find((j) => j.id === id)
    return job !== undefined && renderJobPhase(job, store.timeline, now).videoReady
  }
  const create = (route: string, mode: SimRenderJob["mode"]) =>
    http.post(`${CANONICAL_BASE}${route.slice(route.indexOf(" ") + 1)}`, ({ request }) =>
      guard(ctx, request, route, async () => {
        const body = await readJson(request)
        if (!body.ok) return body.response
        const checked = checkTemplateJob(body.value)
        if (!checked.ok) return fieldErrors(checked.errors)
        const { templateId, modelVersion, webhookUrl } = checked.value
        if (!isTemplate(templateId)) {
          return fieldErrors({ template_id: [`Invalid pk "${templateId}" - object does not exist.`] })
        }
        const credits =
          mode === "preview"
            ? previewCredits(TEMPLATE_SECONDS)
            : templateCredits(TEMPLATE_SECONDS, modelVersion)
        const refused = charge(ctx, credits)
        if (refused) return refused
        const job = store.addRenderJob({
          kind: "custom_template_job",
          mode,
          body: body.value as Record<string, unknown>,
          modelVersion: modelVersion ?? "standard",
          seconds: TEMPLATE_SECONDS,
          credits,
          webhookUrl,
        })
        return answer(job, request, 201)
      }),
    )

  return [
    create(CREATIFY_ROUTES.previewTemplate, "preview"),
    create(CREATIFY_ROUTES.createTemplateJob, "direct"),
    http.post(`${CANONICAL_BASE}/api/custom_template_jobs/:id/render/`, ({ request, params }) =>
      guard(ctx, request, CREATIFY_ROUTES.renderTemplate, async () => {
        const job = store.renderJob(String(params.id), "custom_template_job")
        if (job === undefined) return notFound()
        const body = await readJson(request)
        if (!body.ok) return body.response
        const checked = checkTemplateJob(body.value)
        if (!checked.ok) return fieldErrors(checked.errors)
        if (checked.value.templateId !== job.body.template_id) {
          return fieldErrors({ template_id: ["This is not the template of this job."] })
        }
        if (job.mode === "direct" || job.render !== undefined) {
          return messages("This video has already been rendered or is rendering.")
        }
        const phase = renderJobPhase(job, store.timeline, store.clock.now())
        if (!phase.previewReady) {
          return messages(
            phase.status === "pending"
              ? "The preview of this job is not ready yet."
              : `This job cannot be rendered: it is ${phase.status}.`,
          )
        }
        const sent = body.value as Record<string, unknown>
        const model = checked.value.modelVersion ?? job.modelVersion
        const credits = renderCredits(job.seconds, model)
        const refused = charge(ctx, credits)
        if (refused) return refused
        // The render takes the body again: its name, variables, callback URL and model replace the job's.
        job.body = { ...job.body, ...sent }
        job.modelVersion = model
        if (checked.value.webhookUrl !== undefined) job.webhookUrl = checked.value.webhookUrl
        store.startTemplateRender(job, credits)
        return answer(job, request)
      }),
    ),
    http.get(`${CANONICAL_BASE}/api/custom_template_jobs/:id/`, ({ request, params }) =>
      guard(ctx, request, CREATIFY_ROUTES.getTemplateJob, () => {
        const job = store.renderJob(String(params.id), "custom_template_job")
        return job === undefined ? notFound() : answer(job, request)
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
